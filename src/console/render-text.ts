import type { Reply, ReplyLine } from '../briefing/reply.ts';

/**
 * A reply as terminal text: section titles underlined, links as "text <url>", buttons as `/press` lines so they
 * can be tried from the console too.
 */
export function renderText(reply: Reply): string {
  const out: string[] = [];
  if (reply.content) out.push(reply.content);
  for (const section of reply.sections ?? []) {
    if (out.length > 0) out.push('');
    if (section.title) {
      out.push(section.url ? `${section.title} <${section.url}>` : section.title);
      out.push('─'.repeat(Math.min(section.title.length, 72)));
    }
    for (const line of section.lines ?? []) out.push(lineText(line));
    for (const field of section.fields ?? []) out.push(`${field.name}: ${field.value}`);
    if (section.footer) out.push(`(${section.footer})`);
  }
  const buttons = (reply.buttons ?? []).flat().filter((b) => b.kind === 'link' || !b.disabled);
  if (buttons.length > 0) {
    out.push('');
    for (const b of buttons)
      out.push(b.kind === 'link' ? `→ ${b.label}: ${b.url}` : `→ ${b.label}: /press ${b.action}`);
  }
  return readableTimestamps(out.join('\n'));
}

/** Discord shows `<t:1700000000:f>` in the reader's time zone; a terminal gets the UTC time written out. */
function readableTimestamps(text: string): string {
  return text.replace(/<t:(\d{1,12})(?::[tTdDfFR])?>/g, (_, seconds: string) =>
    new Date(Number(seconds) * 1000)
      .toISOString()
      .replace('T', ' ')
      .replace(/:\d\d\.\d+Z$/, ' UTC'),
  );
}

function lineText(line: ReplyLine): string {
  return typeof line === 'string' ? line : `${line.text} <${line.url}>${line.after ?? ''}`;
}
