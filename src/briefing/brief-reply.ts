import type { Brief, BriefResult } from './brief.ts';
import type { Corpus } from './corpus.ts';
import { daysLabel, formatDay, isoDay } from './dates.ts';
import { noticeReply, type Reply, type ReplyLine, type ReplySection } from './reply.ts';
import { echo, quoteLine } from './text.ts';

/**
 * The reply for a brief: headline developments with citations, key quotes, sources. When the brief found nothing,
 * a private note that says so and suggests what the corpus does cover.
 */
export function briefReply(result: BriefResult, corpus: Corpus): Reply {
  if (!result.ok) return noCoverageReply(result, corpus);
  const b = result.brief;
  const sections: ReplySection[] = [
    {
      title: `Briefing: ${b.topic.label}`,
      lines: b.points.map((p) => `• ${p.text} [${p.ref}]`),
      footer: `${b.matched} article${b.matched === 1 ? '' : 's'} · ${windowLabel(b)}`,
      timestamp: new Date(b.untilMs).toISOString(),
    },
  ];
  if (b.quotes.length > 0) {
    sections.push({
      title: 'Key quotes',
      lines: b.quotes.map((q) => `${quoteLine(q)} (${q.source}, ${isoDay(q.dateMs)}) [${q.ref}]`),
    });
  }
  sections.push({ title: 'Sources', lines: b.sources.map(sourceLine) });
  const content = b.stale
    ? `No ${b.topic.label} coverage in the last ${daysLabel(b.days)}; the latest, from ${formatDay(b.untilMs)}:`
    : undefined;
  return { ...(content ? { content } : {}), sections };
}

/** "[1] Title — MENAFN, 2024-03-14", the title linking to the article when it has a URL. */
export function sourceLine(s: {
  ref: number;
  title: string;
  source: string;
  dateMs: number;
  url?: string;
  reportedBy?: string[];
}): ReplyLine {
  const also = s.reportedBy && s.reportedBy.length > 1 ? ` · reported by ${s.reportedBy.join(', ')}` : '';
  const after = ` — ${s.source}, ${isoDay(s.dateMs)}${also}`;
  return s.url ? { text: `[${s.ref}] ${s.title}`, url: s.url, after } : `[${s.ref}] ${s.title}${after}`;
}

function windowLabel(b: Brief): string {
  const from = formatDay(Math.max(b.sinceMs, 0));
  const to = formatDay(b.untilMs);
  return from === to ? to : `${from} – ${to}`;
}

function noCoverageReply(result: Extract<BriefResult, { ok: false }>, corpus: Corpus): Reply {
  const label = echo(result.topic.label);
  const lines = [`No ${label} coverage in the last ${daysLabel(result.days)}.`];
  if (result.latest) {
    lines.push(
      `The latest is from ${formatDay(result.latest.dateMs)}: try \`/brief topic:${label} days:${result.latest.days}\`, or leave out days for the latest coverage.`,
    );
  } else {
    const covered = corpus.coveredTopics().slice(0, 6);
    lines.push(
      covered.length > 0
        ? `Topics with coverage: ${covered.map((t) => `${t.name} (${t.articles})`).join(', ')}. Try \`/brief ${covered[0]?.name.toLowerCase()}\`.`
        : 'The corpus is empty: add articles to data/articles/ or ingest a feed.',
    );
  }
  return noticeReply(lines.join(' '));
}
