import type { Reply, ReplyButton, ReplyLine, ReplySection } from '../briefing/reply.ts';
import {
  DiscordLimits,
  type FittedPayload,
  fitPayload,
  isLinkUrl,
  type PayloadActionRow,
  type PayloadButton,
  type PayloadEmbed,
  truncateText,
} from './limits.ts';

/** The embed accent: a calm Baltic blue, the same on every section so replies look like one product. */
export const EMBED_COLOUR = 0x2f6db5;

/** Discord's ephemeral message flag. */
export const EPHEMERAL_FLAG = 64;

/**
 * Makes plain text safe to show on Discord: markdown characters escaped (article text is full of `*`, `_` and
 * `>`), and mentions broken with a zero-width space so they neither ping nor render as a highlighted mention even
 * where `allowedMentions` does not apply (embeds show `<@id>` as a name).
 * @example displayText('@everyone *now*') // '@\u200beveryone \\*now\\*'
 */
export function displayText(text: string, max: number = DiscordLimits.embedDescription): string {
  // Cut first: escaping only lengthens text, and anything past the limit would be cut anyway.
  return neutraliseMentions(escapeMarkdown(truncateText(text, max)));
}

/** Bare links: left as they are so they stay clickable (a backslash inside a URL breaks it). */
const URL_PATTERN = /https?:\/\/[^\s<>]+/g;

/**
 * Backslash-escapes Discord markdown in linear time: emphasis, strike, spoiler, code and escape characters
 * anywhere; headings, quotes and list markers at line start; masked-link brackets. (discord.js's `escapeMarkdown`
 * takes ~20 ms on a 4,000-character article, a third of our reply budget.)
 * @example escapeMarkdown('**Kallas** > _Macron_') // '\\*\\*Kallas\\*\\* > \\_Macron\\_'
 */
export function escapeMarkdown(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    out += escapePlain(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + escapePlain(text.slice(last));
}

function escapePlain(text: string): string {
  return text.replace(/[\\*_~`|[\]]/g, '\\$&').replace(
    /^([ \t]*)(#{1,3} |>>> |> |-# |[-+] |\d+\. )/gm,
    // "1. " is escaped as "1\\. ": a backslash before a digit would show.
    (_all, indent: string, marker: string) =>
      /^\d/.test(marker) ? `${indent}${marker.replace('.', '\\.')}` : `${indent}\\${marker}`,
  );
}

/** Breaks `@everyone`, `@here` and `<@id>`-style mentions with a zero-width space. */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, '@\u200b$1').replace(/<(@[!&]?|#)(\d+)>/g, '<$1\u200b$2>');
}

/** One body line; a link becomes a masked link, whose URL cannot close the markdown early. */
function renderLine(line: ReplyLine, max: number): string {
  if (typeof line === 'string') return displayText(line, max);
  const after = line.after ? displayText(line.after, max) : '';
  if (!isLinkUrl(line.url)) return displayText(line.text, max) + after;
  const url = line.url.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\s/g, '%20');
  return `[${displayText(line.text, 200)}](${url})${after}`;
}

/**
 * Joins body lines up to `max` characters, keeping whole lines (a cut masked link would show as raw markdown) and
 * marking dropped ones with "…".
 */
function renderLines(lines: readonly ReplyLine[], max: number): string {
  const out: string[] = [];
  let used = 0;
  for (const line of lines) {
    const text = renderLine(line, max);
    const cost = text.length + (out.length ? 1 : 0);
    if (used + cost > max - 2) {
      if (out.length === 0) out.push(truncateText(text, max));
      else out.push('…');
      break;
    }
    out.push(text);
    used += cost;
  }
  return out.join('\n');
}

function renderSection(section: ReplySection): PayloadEmbed {
  const embed: PayloadEmbed = { color: EMBED_COLOUR };
  if (section.title) embed.title = displayText(section.title, DiscordLimits.embedTitle);
  if (section.url) embed.url = section.url;
  if (section.lines?.length) embed.description = renderLines(section.lines, DiscordLimits.embedDescription);
  if (section.fields?.length) {
    embed.fields = section.fields.map((f) => ({
      name: displayText(f.name, DiscordLimits.fieldName),
      value: displayText(f.value, DiscordLimits.fieldValue),
      ...(f.inline ? { inline: true } : {}),
    }));
  }
  // Footers do not render markdown, so only mentions need breaking there.
  if (section.footer)
    embed.footer = { text: neutraliseMentions(truncateText(section.footer, DiscordLimits.footerText)) };
  if (section.timestamp) embed.timestamp = section.timestamp;
  return embed;
}

function renderButton(button: ReplyButton): PayloadButton {
  if (button.kind === 'link') return { type: 2, style: 5, label: button.label, url: button.url };
  return {
    type: 2,
    style: 2,
    label: button.label,
    custom_id: button.action,
    ...(button.disabled ? { disabled: true } : {}),
  };
}

/**
 * Turns a platform-neutral `Reply` into a Discord message payload within every limit: sections become embeds
 * (colour, link, fields, footer, time), button rows become action rows whose `custom_id` is the button's action,
 * a private reply becomes ephemeral, and no mention in it pings anyone.
 * @example await interaction.reply(renderReply(await command.execute(ctx, input)))
 */
export function renderReply(reply: Reply): FittedPayload {
  const components: PayloadActionRow[] | undefined = reply.buttons?.map((row) => ({
    type: 1,
    components: row.map(renderButton),
  }));
  return fitPayload({
    content: reply.content ? displayText(reply.content, DiscordLimits.content) : undefined,
    embeds: reply.sections?.map(renderSection) ?? [],
    components: components ?? [],
    flags: reply.private ? EPHEMERAL_FLAG : undefined,
  });
}
