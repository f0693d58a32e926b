import type { CommandInput } from './types.ts';

/** A value read from typed options, or the friendly message that says what is wrong with it. */
export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

export const MAX_DAYS = 3650;
export const MAX_TEXT = 100;

/** A text option: trimmed; absent or blank → undefined unless required; longer than 100 characters → a message. */
export function readText(input: CommandInput, name: string, what: string, required: boolean): Read<string | undefined> {
  const raw = input.options[name];
  const text = raw === undefined ? '' : String(raw).replace(/\s+/g, ' ').trim();
  if (!text) {
    return required ? { ok: false, message: `Please give ${what}.` } : { ok: true, value: undefined };
  }
  if (text.length > MAX_TEXT) {
    return { ok: false, message: `That ${name} is ${text.length} characters long; ${MAX_TEXT} at most, please.` };
  }
  return { ok: true, value: text };
}

/** The `days` option: a whole number from 1 to 3650, or absent. */
export function readDays(input: CommandInput): Read<number | undefined> {
  const raw = input.options.days;
  if (raw === undefined || raw === '') return { ok: true, value: undefined };
  const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
  if (!Number.isInteger(n) || n < 1 || n > MAX_DAYS) {
    return {
      ok: false,
      message: `\`days\` must be a whole number from 1 to ${MAX_DAYS} (you gave “${String(raw).slice(0, 20)}”).`,
    };
  }
  return { ok: true, value: n };
}
