import { editDistance, findPerson, nameKey } from '../nlp/gazetteer.ts';
import { contentTerms } from '../nlp/tokens.ts';
import type { StoredQuote } from '../store/articles.ts';
import { sourceLine } from './brief-reply.ts';
import type { Corpus } from './corpus.ts';
import { DAY_MS, daysLabel, isoDay } from './dates.ts';
import { speakerMatches } from './pick-quotes.ts';
import { noticeReply, type Reply, type ReplySection } from './reply.ts';
import { echo, quoteLine } from './text.ts';

export interface FindQuotesOptions {
  query?: string;
  speaker?: string;
  days?: number;
  now: Date;
  /** How many quotes at most (default 5). */
  limit?: number;
}

export interface FoundQuote extends StoredQuote {
  title: string;
  source: string;
  url?: string;
}

export type FindQuotesResult =
  | { ok: true; quotes: FoundQuote[]; speakers: string[] }
  | { ok: false; error: 'UNKNOWN_SPEAKER' | 'NO_QUOTES'; speaker?: string };

/** Quotes read before filtering by words: enough for any realistic speaker, bounded for a corpus of 50k articles. */
const SCAN_LIMIT = 5000;

/**
 * Quotes by a speaker and/or about some words, newest first, one per wording.
 * @example findQuotes(corpus, { speaker: 'kallas', now })
 */
export function findQuotes(corpus: Corpus, options: FindQuotesOptions): FindQuotesResult {
  const sinceMs = options.days !== undefined ? options.now.getTime() - options.days * DAY_MS : undefined;
  let speakers: string[] | undefined;
  if (options.speaker?.trim()) {
    speakers = matchSpeakers(corpus, options.speaker);
    if (speakers.length === 0) return { ok: false, error: 'UNKNOWN_SPEAKER', speaker: options.speaker };
  }
  const rows = corpus.articles.quotes({
    ...(speakers ? { speakers } : {}),
    ...(sinceMs !== undefined ? { sinceMs } : {}),
    limit: SCAN_LIMIT,
  });
  const wanted = contentTerms(options.query ?? '');
  const matching = wanted.length === 0 ? rows : filterByWords(corpus, rows, options.query ?? '', wanted);
  const seen = new Set<string>();
  const quotes: FoundQuote[] = [];
  for (const q of matching) {
    const key = contentTerms(q.text).join(' ');
    if (seen.has(key) || q.text.split(/\s+/).length < 3) continue;
    seen.add(key);
    const header = corpus.index.header(q.articleId);
    if (!header) continue;
    quotes.push({ ...q, title: header.title, source: header.source, ...(header.url ? { url: header.url } : {}) });
    if (quotes.length >= (options.limit ?? 5)) break;
  }
  if (quotes.length === 0) return { ok: false, error: 'NO_QUOTES' };
  return { ok: true, quotes, speakers: speakers ?? [] };
}

/** The attributed speakers a typed name means: "kallas" → ["Kaja Kallas"]; typos go through the gazetteer. */
export function matchSpeakers(corpus: Corpus, typed: string): string[] {
  const all = corpus.speakers();
  const direct = all.filter((s) => speakerMatches(s, typed));
  if (direct.length > 0) return direct;
  const person = findPerson(corpus.gazetteer, typed);
  if (person) return all.filter((s) => speakerMatches(s, person.name));
  return all.filter((s) => nearName(s, typed));
}

/** A typo of the full name or of one of its words ("kalas" → Kaja Kallas), for names of four letters or more. */
function nearName(speaker: string, typed: string): boolean {
  const want = nameKey(typed);
  if (want.length < 4) return false;
  const budget = want.length >= 7 ? 2 : 1;
  const have = nameKey(speaker);
  return [have, ...have.split(' ')].some((w) => editDistance(w, want, budget) <= budget);
}

/** Quotes that contain every word asked for; if none does, those in articles the words find. */
function filterByWords(corpus: Corpus, rows: StoredQuote[], query: string, wanted: string[]): StoredQuote[] {
  const inText = rows.filter((q) => {
    const terms = new Set(contentTerms(q.text));
    return wanted.every((w) => terms.has(w));
  });
  if (inText.length > 0) return inText;
  const articles = new Set(corpus.index.searchText(query, {}, 500).map((h) => h.id));
  return rows.filter((q) => articles.has(q.articleId));
}

/** The reply for `/quote`: each quote with speaker, role, date and a link to its source. */
export function quotesReply(result: FindQuotesResult, options: FindQuotesOptions): Reply {
  if (!result.ok) {
    if (result.error === 'UNKNOWN_SPEAKER') {
      return noticeReply(
        `No quotes attributed to “${echo(result.speaker ?? '')}” yet. Start typing a name in \`speaker\` to see who is quoted.`,
      );
    }
    const window = options.days !== undefined ? ` in the last ${daysLabel(options.days)}` : '';
    const what = [options.speaker && `by ${echo(options.speaker)}`, options.query && `about “${echo(options.query)}”`]
      .filter(Boolean)
      .join(' ');
    return noticeReply(`No quotes ${what}${window}. Try fewer words or a longer \`days\`.`);
  }
  const title = result.speakers.length === 1 ? `Quotes: ${result.speakers[0]}` : 'Quotes';
  const section: ReplySection = {
    title: options.query ? `${title} — “${echo(options.query)}”` : title,
    lines: result.quotes.flatMap((q, i) => [
      `${quoteLine(q)} (${isoDay(q.dateMs)})`,
      sourceLine({ ref: i + 1, title: q.title, source: q.source, dateMs: q.dateMs, ...(q.url ? { url: q.url } : {}) }),
    ]),
  };
  return { sections: [section] };
}
