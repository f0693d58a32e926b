/**
 * Discord's message limits, in one place, and `fitPayload`, which every outgoing message passes.
 * Numbers from Discord's API reference (Message, Embed, Components, Application Commands). Lengths are counted in
 * UTF-16 code units, which is never fewer than Discord's count of characters, so a payload that fits here fits there.
 */
export const DiscordLimits = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Sum of every embed's title, description, field names and values, footer text and author name. */
  embedsTotal: 6000,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  customId: 100,
  buttonLabel: 80,
  buttonsPerRow: 5,
  actionRows: 5,
} as const;

/** Ellipsis appended to anything we shorten, so a reader sees the text goes on. */
const ELLIPSIS = '…';

export interface PayloadEmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface PayloadEmbed {
  title?: string;
  description?: string;
  url?: string;
  color?: number;
  timestamp?: string;
  fields?: PayloadEmbedField[];
  footer?: { text: string };
  author?: { name: string; url?: string };
}

export type PayloadButton =
  | { type: 2; style: 1 | 2 | 3 | 4; label: string; custom_id: string; disabled?: boolean }
  | { type: 2; style: 5; label: string; url: string; disabled?: boolean };

export interface PayloadActionRow {
  type: 1;
  components: PayloadButton[];
}

/** A message as the Discord API takes it (the part of the schema we send). */
export interface MessagePayload {
  content?: string;
  embeds?: PayloadEmbed[];
  components?: PayloadActionRow[];
  /** 64 = ephemeral. */
  flags?: number;
  allowedMentions?: { parse: [] };
}

/** A message payload that passed `fitPayload`: within every limit and pinging no one. */
export type FittedPayload = MessagePayload & { allowedMentions: { parse: [] } };

/**
 * Shortens `text` to at most `max` code units, at a word boundary when one is near, ending with "…".
 * @example truncateText('Kallas said troops may go', 12) // 'Kallas said…'
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  let cut = text.slice(0, max - ELLIPSIS.length);
  // Never split a surrogate pair: half an emoji renders as a replacement box.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const lastSpace = cut.search(/\s\S*$/);
  // Cut at the last space only when it keeps most of the text; one very long word is cut mid-word.
  if (lastSpace >= cut.length * 0.6) cut = cut.slice(0, lastSpace);
  // A trailing backslash would escape the ellipsis, and trailing spaces look odd before it.
  cut = cut.replace(/[\s\\]+$/, '');
  return cut + ELLIPSIS;
}

/** True for the http(s) URLs Discord accepts in embeds and link buttons. */
export function isLinkUrl(url: string | undefined): url is string {
  if (!url || url.length > 2048) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Discord refuses empty field names and values; a zero-width space keeps the field. */
function nonEmpty(text: string): string {
  return text.trim() === '' ? '\u200b' : text;
}

function embedLength(embed: PayloadEmbed): number {
  let n = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  n += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) n += field.name.length + field.value.length;
  return n;
}

/** Fits one embed's parts to their own limits. */
function fitEmbedParts(embed: PayloadEmbed): PayloadEmbed {
  const out: PayloadEmbed = {};
  if (embed.title) out.title = truncateText(embed.title, DiscordLimits.embedTitle);
  if (embed.description) out.description = truncateText(embed.description, DiscordLimits.embedDescription);
  if (isLinkUrl(embed.url)) out.url = embed.url;
  if (embed.color !== undefined) out.color = embed.color;
  if (embed.timestamp && !Number.isNaN(Date.parse(embed.timestamp))) out.timestamp = embed.timestamp;
  if (embed.fields?.length) {
    out.fields = embed.fields.slice(0, DiscordLimits.embedFields).map((f) => ({
      name: truncateText(nonEmpty(f.name), DiscordLimits.fieldName),
      value: truncateText(nonEmpty(f.value), DiscordLimits.fieldValue),
      ...(f.inline ? { inline: true } : {}),
    }));
  }
  if (embed.footer?.text) out.footer = { text: truncateText(embed.footer.text, DiscordLimits.footerText) };
  if (embed.author?.name) {
    out.author = { name: truncateText(embed.author.name, DiscordLimits.authorName) };
    if (isLinkUrl(embed.author.url)) out.author.url = embed.author.url;
  }
  return out;
}

/**
 * Shrinks an embed to `budget` characters: footer and fields go first (from the end), then the description is
 * shortened. Returns undefined when not even a title fits.
 */
function shrinkEmbed(embed: PayloadEmbed, budget: number): PayloadEmbed | undefined {
  const out: PayloadEmbed = { ...embed, fields: embed.fields ? [...embed.fields] : undefined };
  if (embedLength(out) > budget) delete out.footer;
  while (embedLength(out) > budget && out.fields?.length) out.fields.pop();
  if (out.fields?.length === 0) delete out.fields;
  if (embedLength(out) > budget && out.description) {
    const room = budget - (embedLength(out) - out.description.length);
    if (room >= 20) out.description = truncateText(out.description, room);
    else delete out.description;
  }
  if (embedLength(out) > budget && out.title) {
    if (budget >= 20) out.title = truncateText(out.title, budget);
    else delete out.title;
  }
  const empty = !out.title && !out.description && !out.fields?.length;
  return empty || embedLength(out) > budget ? undefined : out;
}

function fitButton(button: PayloadButton): PayloadButton | undefined {
  const label = truncateText(nonEmpty(button.label), DiscordLimits.buttonLabel);
  if ('url' in button) return isLinkUrl(button.url) ? { ...button, label } : undefined;
  // A shortened custom_id would carry the wrong state: such a button is dropped, never cut.
  if (button.custom_id.length === 0 || button.custom_id.length > DiscordLimits.customId) return undefined;
  return { ...button, label };
}

/**
 * Makes a message payload acceptable to Discord and harmless: every text within its limit (cut at a word boundary
 * with "…"), fields and embeds past the 6,000-character total dropped, at most 10 embeds, 5 rows of 5 buttons,
 * and `allowedMentions: { parse: [] }` so that no `@everyone` in article text ever pings anyone.
 * @example client.send(fitPayload({ content: '@everyone look' })) // sent, pings no one
 */
export function fitPayload(payload: MessagePayload): FittedPayload {
  const out: FittedPayload = { allowedMentions: { parse: [] } };
  if (payload.content) out.content = truncateText(payload.content, DiscordLimits.content);
  if (payload.flags) out.flags = payload.flags;

  const embeds: PayloadEmbed[] = [];
  let budget: number = DiscordLimits.embedsTotal;
  for (const raw of (payload.embeds ?? []).slice(0, DiscordLimits.embeds)) {
    const fitted = fitEmbedParts(raw);
    const embed = embedLength(fitted) <= budget ? fitted : shrinkEmbed(fitted, budget);
    if (!embed) break;
    budget -= embedLength(embed);
    embeds.push(embed);
  }
  if (payload.embeds) out.embeds = embeds;

  if (payload.components) {
    const rows: PayloadActionRow[] = [];
    for (const row of payload.components) {
      const buttons = row.components.map(fitButton).filter((b): b is PayloadButton => b !== undefined);
      if (buttons.length) rows.push({ type: 1, components: buttons.slice(0, DiscordLimits.buttonsPerRow) });
      if (rows.length === DiscordLimits.actionRows) break;
    }
    out.components = rows;
  }
  // Discord refuses a message with nothing in it; an update that clears everything still needs a character.
  if (!out.content && !out.embeds?.length) out.content = '\u200b';
  return out;
}

/** An autocomplete choice within Discord's limits. */
export interface FittedChoice {
  name: string;
  value: string | number;
}

/**
 * At most 25 choices with names and values of 1–100 characters; over-long string values are dropped rather than
 * cut, because a cut value would not be what the user picked.
 */
export function fitChoices(choices: readonly { name: string; value: string | number }[]): FittedChoice[] {
  const out: FittedChoice[] = [];
  for (const choice of choices) {
    if (typeof choice.value === 'string' && (choice.value.length === 0 || choice.value.length > 100)) continue;
    const name = truncateText(choice.name.trim() || String(choice.value), DiscordLimits.choiceName);
    if (!name) continue;
    out.push({ name, value: choice.value });
    if (out.length === DiscordLimits.autocompleteChoices) break;
  }
  return out;
}
