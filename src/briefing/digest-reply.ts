import { sourceLine } from './brief-reply.ts';
import { isoDay } from './dates.ts';
import type { DigestCandidates, DigestQuote, DigestStory } from './digest.ts';
import type { Reply, ReplyLine, ReplySection } from './reply.ts';
import { quoteLine } from './text.ts';

export interface DigestMessageOptions {
  /** Display name of a topic id. */
  topicName(id: string): string;
  /** What the subscription covers, for the header: "Estonia, Latvia" or "the region". */
  scope: string;
  /** Shown as "since …": the previous digest, or the start of the first one's window. */
  sinceMs: number;
  /** Say nothing on a day without news. */
  quiet: boolean;
  /** At most this many stories (default 12: a morning read, not a feed). */
  maxStories?: number;
}

/** One channel's digest: the message (null when there is nothing and the subscription keeps quiet). */
export interface DigestMessage {
  reply: Reply | null;
  /** Articles the channel will have received once this is sent: shown stories, their other outlets, the quote's. */
  articleIds: string[];
  shown: number;
  /** Fresh stories left out to stay within one message. */
  omitted: number;
}

/**
 * Budgets, in characters as Discord counts them after our markdown escaping. Discord allows 6,000 across a
 * message's embeds and 4,096 per description; the margin covers what the estimate below cannot know exactly.
 */
const MESSAGE_BUDGET = 5600;
const DESCRIPTION_BUDGET = 3900;
/** Topic sections at most: with the quote and the sources, a message stays within Discord's 10 embeds. */
const MAX_GROUPS = 7;
const MORE_GROUP = '\u0000more';
/** Room kept for the delivery marker added to the last footer after composing (see `withDigestMarker`). */
const MARKER_ROOM = 64;

/**
 * Turns a composition into one channel's message: stories it has not received, grouped by topic, each one cited line
 * ("• sentence — Outlet [n]"); a quote of the day; the numbered sources. Trimmed by relevance to fit one message,
 * with a pointer to `/brief` for the rest; whole lines only, so nothing is cut mid-word.
 * @example digestMessage(composer.candidates(window), repo.seen(channelId), { topicName, scope: 'Estonia', sinceMs, quiet: false })
 */
export function digestMessage(
  candidates: DigestCandidates,
  seen: ReadonlySet<string>,
  options: DigestMessageOptions,
): DigestMessage {
  const fresh = candidates.stories.filter((s) => !seen.has(s.articleId) && !s.duplicates.some((d) => seen.has(d)));
  const since = `<t:${Math.floor(options.sinceMs / 1000)}:f>`;
  if (fresh.length === 0) {
    return {
      reply: options.quiet ? null : { content: `No new ${options.scope} stories since ${since}.` },
      articleIds: [],
      shown: 0,
      omitted: 0,
    };
  }
  const freshIds = new Set(fresh.map((s) => s.articleId));
  const quote = candidates.quotes.find((q) => freshIds.has(q.articleId));
  const maxStories = options.maxStories ?? 12;

  // Pick stories best first while they fit: the quote and the section frames are paid for up front.
  let total = 'Sources'.length + 120 + MARKER_ROOM + (quote ? 'Quote of the day'.length + quoteCost(quote) : 0);
  let sourcesLength = quote ? sourceCost(quote) : 0;
  total += sourcesLength;
  const cited = new Set(quote ? [quote.articleId] : []);
  const groups = new Map<string, { name: string; stories: DigestStory[]; length: number }>();
  const chosen: DigestStory[] = [];
  for (const story of fresh) {
    if (chosen.length >= maxStories) break;
    let key = story.topicId;
    if (!groups.has(key) && groups.size >= MAX_GROUPS - 1) key = MORE_GROUP;
    const group = groups.get(key);
    const name = key === MORE_GROUP ? 'Also' : options.topicName(key);
    const line = lineCost(storyLine(story, 0)) + 1;
    const source = cited.has(story.articleId) ? 0 : sourceCost(story) + 1;
    const add = line + source + (group ? 0 : name.length);
    const fits =
      total + add <= MESSAGE_BUDGET &&
      (group?.length ?? 0) + line <= DESCRIPTION_BUDGET &&
      sourcesLength + source <= DESCRIPTION_BUDGET;
    if (!fits) continue;
    total += add;
    sourcesLength += source;
    cited.add(story.articleId);
    if (group) {
      group.stories.push(story);
      group.length += line;
    } else {
      groups.set(key, { name, stories: [story], length: line });
    }
    chosen.push(story);
  }
  // "Also" reads best last.
  const ordered = [...groups.entries()].sort(([a], [b]) => Number(a === MORE_GROUP) - Number(b === MORE_GROUP));

  // Number sources in reading order: the stories by section, then the quote.
  const refs = new Map<string, number>();
  const sources: (DigestStory | DigestQuote)[] = [];
  const refOf = (item: DigestStory | DigestQuote): number => {
    let ref = refs.get(item.articleId);
    if (ref === undefined) {
      ref = refs.size + 1;
      refs.set(item.articleId, ref);
      sources.push(item);
    }
    return ref;
  };
  const sections: ReplySection[] = ordered.map(([, g]) => ({
    title: g.name,
    lines: g.stories.map((s) => storyLine(s, refOf(s))),
  }));
  if (quote) {
    sections.push({
      title: 'Quote of the day',
      lines: [`${quoteLine(quote)} (${quote.source}, ${isoDay(quote.dateMs)}) [${refOf(quote)}]`],
    });
  }
  const omitted = fresh.length - chosen.length;
  const firstTopic = chosen[0] ? options.topicName(chosen[0].topicId).toLowerCase() : '';
  sections.push({
    title: 'Sources',
    lines: sources.map((s) =>
      sourceLine({
        ref: refs.get(s.articleId) as number,
        title: s.title,
        source: s.source,
        dateMs: s.dateMs,
        ...(s.url ? { url: s.url } : {}),
      }),
    ),
    footer:
      omitted > 0
        ? `${omitted} more new ${omitted === 1 ? 'story' : 'stories'} left out: /brief ${firstTopic} for the rest`
        : `Baltic Brief daily digest · /brief ${firstTopic} for more`,
    timestamp: new Date(candidates.window.untilMs).toISOString(),
  });
  const articleIds = new Set<string>();
  for (const s of chosen) {
    articleIds.add(s.articleId);
    for (const d of s.duplicates) articleIds.add(d);
  }
  if (quote) articleIds.add(quote.articleId);
  const count = `${chosen.length} new ${chosen.length === 1 ? 'story' : 'stories'}`;
  return {
    reply: { content: `Daily digest: ${options.scope} · ${count} since ${since}`, sections },
    articleIds: [...articleIds],
    shown: chosen.length,
    omitted,
  };
}

/** Which delivery a digest message is: unique per subscription and period, the same on every retry. */
export interface DeliveryKey {
  subscriptionId: number;
  /** The slot's local date, YYYY-MM-DD. */
  period: string;
}

/**
 * The visible stamp of one delivery, "Digest 2026-11-27 · Europe/Tallinn · #12": readers see which day (in which
 * zone) the digest is for, and a retry after a crash finds it in the channel's history. Discord forgets a message
 * nonce after a few minutes; the message keeps this for good.
 * @example digestMarker({ subscriptionId: 12, period: '2026-11-27', timeZone: 'Europe/Tallinn' })
 */
export function digestMarker(key: DeliveryKey & { timeZone: string }): string {
  return `Digest ${key.period} · ${key.timeZone} · #${key.subscriptionId}`;
}

// The zone is for readers only: a delivery is its subscription and period, whatever zone the subscription has now.
// Markdown escaping may put backslashes into a zone's underscores, hence "anything but a separator" for it.
const MARKER_PATTERN = /Digest (\d{4}-\d{2}-\d{2}) · [^\n·]+ · #(\d+)(?!\d)/g;

/**
 * Every delivery marker in a text (message content or an embed footer, as Discord returns them).
 * @example readDigestMarkers('Baltic Brief daily digest\nDigest 2026-11-27 · UTC · #3') // [{ subscriptionId: 3, period: '2026-11-27' }]
 */
export function readDigestMarkers(text: string): DeliveryKey[] {
  return [...text.matchAll(MARKER_PATTERN)].map((m) => ({ subscriptionId: Number(m[2]), period: m[1] as string }));
}

/**
 * The reply with the delivery marker on a line of its own: in the last section's footer (small grey text under the
 * sources), or under the content of a reply without sections (the no-news note).
 */
export function withDigestMarker(reply: Reply, marker: string): Reply {
  const sections = reply.sections ?? [];
  const last = sections.at(-1);
  if (!last) return { ...reply, content: reply.content ? `${reply.content}\n${marker}` : marker };
  const footer = last.footer ? `${last.footer}\n${marker}` : marker;
  return { ...reply, sections: [...sections.slice(0, -1), { ...last, footer }] };
}

function storyLine(s: DigestStory, ref: number): string {
  return `• ${s.text} — ${s.source} [${ref}]`;
}

function quoteCost(q: DigestQuote): number {
  return lineCost(`${quoteLine(q)} (${q.source}, 2000-01-01) [00]`);
}

function sourceCost(s: { title: string; source: string; dateMs: number; url?: string }): number {
  return lineCost(
    sourceLine({ ref: 99, title: s.title, source: s.source, dateMs: s.dateMs, ...(s.url ? { url: s.url } : {}) }),
  );
}

/**
 * Characters a line takes once the Discord adapter has escaped it: markdown characters gain a backslash, mentions a
 * zero-width space, a line-start marker a backslash, a link becomes `[text](url)` with `(`, `)` and spaces encoded.
 */
export function lineCost(line: ReplyLine): number {
  if (typeof line === 'string') return escapedLength(line);
  const url = line.url.length + 2 * (line.url.match(/[()\s]/g)?.length ?? 0);
  return Math.min(escapedLength(line.text), 210) + url + 4 + (line.after ? escapedLength(line.after) : 0);
}

function escapedLength(text: string): number {
  const markdown = text.match(/[\\*_~`|[\]]/g)?.length ?? 0;
  const mentions = text.match(/@(everyone|here)|<[@#]/gi)?.length ?? 0;
  return text.length + markdown + mentions + 2;
}
