import { isWhiteSpace } from '../corpus/whitespace.ts';
import {
  CONNECTIVE_ABBREVIATIONS,
  EXACT_CASE_ABBREVIATIONS,
  NUMBER_ABBREVIATIONS,
  TIME_ABBREVIATIONS,
  TITLE_ABBREVIATIONS,
  TRAILING_ABBREVIATIONS,
} from './abbreviations.ts';
import { rememberLast } from './remember-last.ts';

/**
 * A sentence as a span of the text it came from. `start`/`end` delimit the raw span in the source, trimmed of
 * surrounding whitespace; `text` is `source.slice(start, end)` with every run of two or more whitespace characters
 * (e.g. `" \n"` left by a soft line wrap) collapsed to one space. A lone whitespace character is kept as it is, so
 * for clean text `text === source.slice(start, end)` exactly.
 */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/**
 * Splits English text into sentences with rules rather than a model: terminal punctuation ends a sentence unless the
 * word before it is an abbreviation, initial, list marker or number that the next word shows to be mid-sentence.
 * Closing quotes and brackets after the punctuation stay with their sentence; a blank line always ends a sentence;
 * a single line break ends one unless the line is a wrapped continuation; lists are split into their items.
 * @example splitSentences('Gen. Smith met U.S. officials at 5 p.m. He left.').map((s) => s.text)
 * // ['Gen. Smith met U.S. officials at 5 p.m.', 'He left.']
 */
export const splitSentences: (text: string) => Sentence[] = rememberLast((text: string) =>
  spansFromCuts(text, findCuts(text)),
);

// ---------------------------------------------------------------------------------------------------------------
// Character classes. Char-code tests keep the scan fast (the splitter runs on every ingested article).

/** White space as `\s` reads it. */
const isSpace = isWhiteSpace;

function isHorizontalSpace(c: number): boolean {
  return c !== 10 && c !== 0x2028 && c !== 0x2029 && isSpace(c);
}

function isLower(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Marks that close a quote or a bracket: after terminal punctuation they still belong to the sentence. */
const CLOSERS = new Set(['"', "'", '”', '’', '»', '›', ')', ']', '}']);
/** Marks that open a quote or a bracket before a word. */
const OPENERS = new Set(['"', "'", '“', '‘', '«', '‹', '(', '[', '{', '„']);
const QUOTE_OPENERS = new Set(['"', "'", '“', '‘', '«', '‹', '„']);
/** Bullets that start a list item even in the middle of a line. */
const BULLETS = new Set(['•', '⁃', '▪', '◦', '●', '‣']);
/** Punctuation that cannot start a sentence, so a period before it is not a boundary (`etc., and`, `U.S. — the`). */
const CONTINUERS = new Set([',', ';', ':', '-', '–', '—', '%', '/', '&']);

// ---------------------------------------------------------------------------------------------------------------
// Word lists that decide ambiguous periods.

/**
 * Capitalised words that usually start a sentence and rarely belong to a name: after an abbreviation that can end a
 * sentence ("Co.", "U.S."), one of these is evidence that it did ("…& Co. It closed", but "U.S. Government").
 */
const SENTENCE_STARTERS: ReadonlySet<string> = new Set(
  (
    'A An The This That These Those There Here Then Now Thus Hence So But And Or Nor Yet Still Also However ' +
    'Meanwhile Moreover Furthermore Nevertheless Nonetheless Instead Indeed Otherwise Therefore Besides Finally ' +
    'Later Earlier Today Tonight Yesterday Tomorrow Last Next It Its I We You He She They My Our Your His Her ' +
    'Their Who What When Where Why How Which Whose While Whether If Although Though Because Since As At In On By ' +
    'For From With Without After Before During Under Over Into Among Between Against Despite Through Until Unlike ' +
    'Like Some Many Most Much Several Few Each Every All Both Either Neither No Not None Other Others Another Such ' +
    'One Two Three Four Five Six Seven Eight Nine Ten Is Are Was Were Do Does Did Has Have Had Can Could Will ' +
    'Would Should Shall Might Must Let Please Yes According Even Only Just Perhaps Maybe Sometimes Often Once ' +
    'Never Always Already Again Overall Mr Mrs Ms Dr'
  ).split(' '),
);

/**
 * Words that open a fronted adverbial ("At 5 a.m. Mr. Smith went…"): a sentence of only a few words that starts
 * with one cannot end on the abbreviation, because it has no verb yet.
 */
const ADVERBIAL_LEADS: ReadonlySet<string> = new Set(
  (
    'At By Before After Until Till Since From On In Around About Shortly Just Early Late Near Toward Towards ' +
    'Through Starting Beginning Between Approximately Roughly Nearly Almost Sometime Outside Inside Across'
  ).split(' '),
);

/** Words that continue a clock time ("5 p.m. ET", "3 p.m. Monday", "9 a.m. Moscow time"). */
const TIME_FOLLOWERS: ReadonlySet<string> = new Set(
  (
    'ET EST EDT CT CST CDT MT MST MDT PT PST PDT AKST HST GMT UTC BST CET CEST EET EEST MSK IST JST KST AEST ' +
    'AEDT Z Eastern Central Pacific Mountain Atlantic Greenwich Local Monday Tuesday Wednesday Thursday Friday ' +
    'Saturday Sunday January February March April May June July August September October November December'
  ).split(' '),
);

/** Lower-case words that cannot end a line of prose: a line ending in one was wrapped mid-sentence. */
const DANGLING_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the of to in on at by for with and or but from that as is was were are be been has have had said says ' +
    'into about than which who whose their its his her our this these those not'
  ).split(' '),
);

// ---------------------------------------------------------------------------------------------------------------
// The scan.

/** How the word before a period behaves. */
type TokenKind =
  | 'ordinary'
  | 'number'
  | 'leading'
  | 'trailing'
  | 'beforeNumber'
  | 'acronym'
  | 'time'
  | 'initial'
  | 'letter'
  | 'marker';

/** Mutable state of one scan: where cuts fall and where the current sentence began. */
interface ScanState {
  readonly text: string;
  readonly cuts: number[];
  /** Positions of periods that belong to a list marker ("2." in "item 2. The second"). */
  readonly markerDots: Set<number>;
  /** Start of the current sentence: the latest cut so far. */
  sentenceStart: number;
  /** Memo for {@link hasTerminalAhead}: the search window already known to hold no terminal punctuation. */
  aheadFrom: number;
  aheadTo: number;
  aheadFound: boolean;
}

function cut(state: ScanState, at: number): void {
  state.cuts.push(at);
  if (at > state.sentenceStart) state.sentenceStart = at;
}

const INTERESTING = /[.?!…\n\u2029•⁃▪◦●‣]/g;

function findCuts(text: string): number[] {
  const listCuts = findListCuts(text);
  const state: ScanState = {
    text,
    cuts: [],
    markerDots: listCuts.markerDots,
    sentenceStart: 0,
    aheadFrom: -1,
    aheadTo: -1,
    aheadFound: false,
  };
  let nextListCut = 0;
  const re = new RegExp(INTERESTING.source, 'g');
  let m: RegExpExecArray | null = re.exec(text);
  while (m !== null) {
    const p = m.index;
    while (nextListCut < listCuts.cuts.length && (listCuts.cuts[nextListCut] ?? 0) <= p) {
      cut(state, listCuts.cuts[nextListCut] ?? 0);
      nextListCut++;
    }
    const ch = text[p];
    let resume = p + 1;
    if (ch === '.') resume = onPeriod(state, p);
    else if (ch === '?' || ch === '!') resume = onExclamation(state, p);
    else if (ch === '…') resume = onEllipsis(state, p, p + 1);
    else if (ch === '\n' || ch === '\u2029') onLineBreak(state, p);
    else if (p === 0 || isSpace(text.charCodeAt(p - 1))) cut(state, p); // a bullet starts a list item
    re.lastIndex = Math.max(resume, p + 1);
    m = re.exec(text);
  }
  while (nextListCut < listCuts.cuts.length) cut(state, listCuts.cuts[nextListCut++] ?? 0);
  return state.cuts;
}

/** Index just past any closing quotes and brackets that start at `i`. */
function skipClosers(text: string, i: number): number {
  while (i < text.length && CLOSERS.has(text[i] ?? '')) i++;
  return i;
}

/** What follows a candidate boundary that ends at `end`: the whitespace after it and the next visible character. */
interface Following {
  /** Index of the first non-whitespace character, or `text.length`. */
  next: number;
  hasSpace: boolean;
  hasNewline: boolean;
  hasBlankLine: boolean;
}

function following(text: string, end: number): Following {
  let i = end;
  let newlines = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (!isSpace(c)) break;
    if (c === 10 || c === 0x2029) newlines += c === 0x2029 ? 2 : 1;
    i++;
  }
  return { next: i, hasSpace: i > end, hasNewline: newlines > 0, hasBlankLine: newlines > 1 };
}

/** The word starting at `i` after any opening quotes or brackets (letters, digits, apostrophes, hyphens). */
function wordAt(text: string, i: number): string {
  while (i < text.length && OPENERS.has(text[i] ?? '')) i++;
  let j = i;
  while (j < text.length && /[\p{L}\p{N}'’-]/u.test(text[j] ?? '')) j++;
  return text.slice(i, j);
}

function onExclamation(state: ScanState, p: number): number {
  const { text } = state;
  let q = p;
  while (q < text.length && '?!.‽'.includes(text[q] ?? '')) q++;
  const end = skipClosers(text, q);
  const f = following(text, end);
  if (f.next >= text.length) return end;
  if (!f.hasSpace) {
    if (end === q && startsGluedSentence(text, q) && !insideLink(text, p)) cut(state, q);
    return end;
  }
  // "(!)" and "(?)" are editorial marks, not sentence ends.
  if (p > 0 && (text[p - 1] === '(' || text[p - 1] === '[')) return end;
  const nextCh = text[f.next];
  if (f.hasBlankLine || f.hasNewline || !(isLower(nextCh) || CONTINUERS.has(nextCh ?? ''))) cut(state, end);
  return end;
}

/** "...", "…" or "...." that ends at `q` (exclusive), starting at `p`. */
function onEllipsis(state: ScanState, p: number, q: number): number {
  const { text } = state;
  const end = skipClosers(text, q);
  const f = following(text, end);
  if (f.next >= text.length || !f.hasSpace) return end;
  // "[...]" and "(...)" mark an omission inside a sentence.
  if (p > 0 && (text[p - 1] === '[' || text[p - 1] === '(')) return end;
  if (f.hasBlankLine || startsNewSentence(text[f.next])) cut(state, end);
  return end;
}

/** Upper-case letters, digits, opening quotes and brackets, bullets: what a new sentence can start with. */
function startsNewSentence(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  return !isLower(ch) && !CONTINUERS.has(ch) && !CLOSERS.has(ch) && ch !== '.' && ch !== ',';
}

function onPeriod(state: ScanState, p: number): number {
  const { text } = state;
  // Unspaced runs: "..", "...", "....".
  let q = p;
  while (text[q] === '.') q++;
  if (q - p >= 2) return onEllipsis(state, p, q);
  // Spaced ellipsis ". . ." (three dots) or ". . . ." (four: an ellipsis plus a period).
  let dots = 1;
  let e = p + 1;
  while (text[e] === ' ' && text[e + 1] === '.') {
    dots++;
    e += 2;
  }
  if (dots >= 3) return onSpacedEllipsis(state, p, e, dots);

  const end = skipClosers(text, p + 1);
  const f = following(text, end);
  if (f.next >= text.length) return end;
  if (!f.hasSpace) {
    if (end === p + 1 && startsGluedSentence(text, p + 1) && gluedWordMayEnd(text, p) && !insideLink(text, p)) {
      cut(state, p + 1);
    }
    return end;
  }
  if (state.markerDots.has(p)) return end;
  if (f.hasBlankLine || periodEndsSentence(state, p, f)) cut(state, end);
  return end;
}

/**
 * A spaced ellipsis starting at `p` and ending at `e`. When its first dot is glued to a word ("compounds. . . . The")
 * that dot is the period of the sentence and the rest opens the next one; a free-standing four-dot ellipsis
 * ("period . . . . Next") ends the sentence after its last dot; a free-standing three-dot one never does.
 */
function onSpacedEllipsis(state: ScanState, p: number, e: number, dots: number): number {
  const { text } = state;
  const end = skipClosers(text, e);
  const f = following(text, end);
  if (f.next >= text.length || !f.hasSpace) return end;
  const newSentence = f.hasBlankLine || startsNewSentence(text[f.next]);
  const glued = p > 0 && !isSpace(text.charCodeAt(p - 1));
  if (glued && newSentence) cut(state, p + 1);
  else if (!glued && dots >= 4 && newSentence) cut(state, end);
  return end;
}

/** "world.Today": a capitalised word glued to a period or "?" after a lower-case word or number. */
function startsGluedSentence(text: string, i: number): boolean {
  return isUpper(text[i]) && isLower(text[i + 1]);
}

/** The word glued before the period at `p` may end a sentence: a lower-case word or a number, not an abbreviation. */
function gluedWordMayEnd(text: string, p: number): boolean {
  let s = p;
  while (s > 0 && p - s < MAX_TOKEN && /[\p{L}\p{N},]/u.test(text[s - 1] ?? '')) s--;
  const run = text.slice(s, p);
  if (run.length < 2 || text[s - 1] === '.') return false;
  const last = run[run.length - 1];
  if (!(isLower(last) || isDigit(last))) return false;
  return classifyWord(run) === 'ordinary' || classifyWord(run) === 'number';
}

/** Whether the whitespace-free token around `p` is an e-mail address or a web address. */
function insideLink(text: string, p: number): boolean {
  let s = p;
  while (s > 0 && p - s < MAX_TOKEN && !isSpace(text.charCodeAt(s - 1))) s--;
  let e = p;
  while (e < text.length && e - p < MAX_TOKEN && !isSpace(text.charCodeAt(e))) e++;
  const token = text.slice(s, e);
  return /[@/]|^\W*www\.|:\/\//i.test(token);
}

/** The abbreviation class of a bare word (no final period, no leading quotes). */
function classifyWord(word: string): TokenKind {
  if (word === '') return 'ordinary';
  // "then-Sen.", "ex-Gov.": the abbreviation is the last part.
  const hyphen = word.lastIndexOf('-');
  if (hyphen > 0 && hyphen < word.length - 1) {
    const kind = classifyWord(word.slice(hyphen + 1));
    if (kind === 'leading' || kind === 'trailing') return kind;
  }
  const lower = word.toLowerCase();
  if (CONNECTIVE_ABBREVIATIONS.has(lower) || (TITLE_ABBREVIATIONS.has(lower) && isUpper(word[0]))) return 'leading';
  if (TIME_ABBREVIATIONS.has(lower)) return 'time';
  if (TRAILING_ABBREVIATIONS.has(lower) || EXACT_CASE_ABBREVIATIONS.has(word)) return 'trailing';
  if (NUMBER_ABBREVIATIONS.has(lower)) return 'beforeNumber';
  if (/^(?:\p{L}{1,3}\.)+\p{L}{1,3}$/u.test(word)) return 'acronym';
  if (/\d$/.test(word)) return 'number';
  if (word.length === 1 && /\p{L}/u.test(word)) return isUpper(word) ? 'initial' : 'letter';
  // Short words without a vowel are abbreviations in English ("Blvd", "Mgr", "Pvt"), whatever the list says.
  // Short words without a vowel are abbreviations in English ("Blvd", "Mgr", "Pvt"), whatever the list says;
  // all-capital ones are acronyms ("CNN", "NBC"), which end sentences like any word.
  if (word.length <= 5 && /^\p{L}+$/u.test(word) && /\p{Ll}/u.test(word) && !/[aeiouy]/i.test(word)) {
    return 'trailing';
  }
  return 'ordinary';
}

/**
 * Backward and forward scans for the token around a period stop after this many characters, so a megabyte without
 * spaces cannot make the scan quadratic. Longer tokens are never abbreviations anyway.
 */
const MAX_TOKEN = 256;

/** Start of the whitespace-free token that ends at `p` (exclusive), past any opening quotes, brackets and bullets. */
function tokenStartBefore(text: string, p: number, min = 0): number {
  let s = p;
  while (s > min && p - s < MAX_TOKEN && !isSpace(text.charCodeAt(s - 1))) s--;
  while (s < p && (OPENERS.has(text[s] ?? '') || BULLETS.has(text[s] ?? ''))) s++;
  return s;
}

/** Whether nothing but whitespace and bullets lies between the start of the current sentence and `i`. */
function isFirstToken(state: ScanState, i: number): boolean {
  for (let k = state.sentenceStart; k < i; k++) {
    const ch = state.text[k] ?? '';
    if (!isSpace(ch.charCodeAt(0)) && !BULLETS.has(ch) && !OPENERS.has(ch)) return false;
  }
  return true;
}

/** The words of the current sentence before `i`. */
function wordsSoFar(state: ScanState, i: number): string[] {
  // Only the first few words matter; bounding the slice keeps long sentences linear.
  return state.text
    .slice(state.sentenceStart, Math.min(i, state.sentenceStart + 160))
    .split(/\s+/)
    .filter((w) => w !== '');
}

/** "At 5 a.m.", "In the U.S.": a short fragment opened by a preposition is no sentence yet. */
function inFrontedAdverbial(state: ScanState, tokenStart: number): boolean {
  const words = wordsSoFar(state, tokenStart);
  const first = (words[0] ?? '').replace(/^\P{L}+/u, '');
  return words.length <= 4 && ADVERBIAL_LEADS.has(first);
}

/** The word before the token starting at `tokenStart`, or '' at the start of the text. */
function previousWord(text: string, tokenStart: number): string {
  let e = tokenStart;
  while (e > 0 && isSpace(text.charCodeAt(e - 1))) e--;
  return text.slice(tokenStartBefore(text, e), e);
}

/** Decides a period at `p` that is followed by whitespace and then more text. */
function periodEndsSentence(state: ScanState, p: number, f: Following): boolean {
  const { text } = state;
  // Bounded by the sentence start: "Tuesday.Mr. Smith" was already cut after "Tuesday.".
  const tokenStart = tokenStartBefore(text, p, state.sentenceStart);
  const word = text.slice(tokenStart, p);
  let kind = classifyWord(word);
  // "1. The first item", "a. The first item", "⁃9. Item": a list marker opening its item.
  if (
    isFirstToken(state, tokenStart) &&
    (/^(?:\d{1,2}|[ivxIVX]{1,4})$/.test(word) || kind === 'initial' || kind === 'letter')
  ) {
    kind = 'marker';
  }
  const nextCh = text[f.next];
  if (isLower(nextCh)) {
    // A line break before a lower-case word after a plain word still ends the sentence (lists, headings).
    return f.hasNewline && (kind === 'ordinary' || kind === 'number');
  }
  if (CONTINUERS.has(nextCh ?? '') || nextCh === ',' || nextCh === '.') return false;
  if (isDigit(nextCh)) return kind === 'ordinary' || kind === 'number';

  const nextWord = wordAt(text, f.next);
  // A quotation opening after an abbreviation starts a new sentence; a bracket rarely does ("et al. (2020)").
  const opensQuote = QUOTE_OPENERS.has(nextCh ?? '');
  switch (kind) {
    case 'ordinary':
    case 'number':
    case 'beforeNumber':
      return true;
    case 'leading':
    case 'letter':
    case 'marker':
      return false;
    case 'trailing':
      return opensQuote || SENTENCE_STARTERS.has(nextWord);
    case 'acronym':
      // A quote after initials is usually a nickname ('J.P. "The Big Bopper" Richardson'), so only a word counts.
      return SENTENCE_STARTERS.has(nextWord) && !inFrontedAdverbial(state, tokenStart);
    case 'time': {
      if (TIME_FOLLOWERS.has(nextWord)) return false;
      const after = wordAt(text, following(text, f.next + nextWord.length).next);
      if (after.toLowerCase() === 'time') return false;
      return !inFrontedAdverbial(state, tokenStart);
    }
    case 'initial': {
      // "Albert I. Jones", "John F. Kennedy": an initial inside a name. "you and I. Did…": the pronoun.
      const prev = previousWord(text, tokenStart);
      if (isUpper(prev[0])) return false;
      return word === 'I' || opensQuote || SENTENCE_STARTERS.has(nextWord);
    }
  }
}

/**
 * A single line break (the blank-line case is handled by the punctuation). After terminal punctuation the
 * punctuation rules already decided; otherwise the line either runs on (a wrapped sentence) or stands alone
 * (a heading, a list item, a byline).
 */
function onLineBreak(state: ScanState, q: number): void {
  const { text } = state;
  // A paragraph break always ends the sentence.
  if (text[q] === '\u2029' || isBlankLineAt(text, q)) {
    cut(state, q);
    return;
  }
  const f = following(text, q + 1);
  if (f.next >= text.length) return;
  let r = q - 1;
  while (r >= 0 && isHorizontalSpace(text.charCodeAt(r))) r--;
  if (r < 0 || text[r] === '\n') return;
  const softWrap = r < q - 1;
  let t = r;
  while (t > 0 && CLOSERS.has(text[t] ?? '')) t--;
  if ('.!?…'.includes(text[t] ?? '')) return;
  if (startsListItem(text, f.next)) {
    cut(state, q);
    return;
  }
  const nextCh = text[f.next];
  const lineStart = text.lastIndexOf('\n', r) + 1;
  const line = text.slice(lineStart, r + 1);
  let joins: boolean;
  if (isLower(nextCh)) {
    joins = softWrap || hasTerminalAhead(state, f.next);
  } else {
    const lastWord = /[\p{L}]+$/u.exec(line)?.[0] ?? '';
    const dangling = /[,;\-–]$/.test(line) || DANGLING_WORDS.has(lastWord);
    joins =
      dangling ||
      (isLower(line[line.length - 1]) &&
        looksHardWrapped(text, lineStart, line.length, f.next) &&
        hasTerminalAhead(state, f.next));
  }
  if (!joins) cut(state, q);
}

/**
 * Hard-wrapped prose (e-mail, plain-text wires, Markdown sources): the line and a neighbouring line of the same
 * paragraph have about the same, typical wrap width. A lone long line is more likely a headline or a caption.
 */
function looksHardWrapped(text: string, lineStart: number, length: number, nextStart: number): boolean {
  const wrapWidth = (n: number) => n >= 50 && n <= 100;
  if (!wrapWidth(length)) return false;
  const similar = (n: number) => wrapWidth(n) && Math.abs(n - length) <= 20;
  if (lineStart > 0) {
    const prevStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    const prev = text.slice(prevStart, lineStart - 1).trim();
    if (similar(prev.length)) return true;
  }
  let nextEnd = text.indexOf('\n', nextStart);
  if (nextEnd < 0) nextEnd = text.length;
  return similar(text.slice(nextStart, nextEnd).trim().length);
}

function isBlankLineAt(text: string, q: number): boolean {
  let i = q + 1;
  while (i < text.length && isHorizontalSpace(text.charCodeAt(i))) i++;
  return text[i] === '\n' || text[i] === '\u2029';
}

/** A line that starts with a bullet or a list marker ("- ", "* ", "• ", "2. ", "b) ", "3.) "). */
function startsListItem(text: string, i: number): boolean {
  const head = text.slice(i, i + 6);
  return BULLETS.has(head[0] ?? '') || /^(?:[-*–]\s|\d{1,3}\.?\)\s|\d{1,3}\.\s|[a-zA-Z][.)]\s)/.test(head);
}

const TERMINAL_OR_PARAGRAPH = /[.!?…]|\n[^\S\n]*\n/g;

/** Whether terminal punctuation follows `from` before the paragraph ends (memoised: lines can be many). */
function hasTerminalAhead(state: ScanState, from: number): boolean {
  if (from >= state.aheadFrom && from <= state.aheadTo) return state.aheadFound;
  const re = new RegExp(TERMINAL_OR_PARAGRAPH.source, 'g');
  re.lastIndex = from;
  const m = re.exec(state.text);
  state.aheadFrom = from;
  state.aheadTo = m ? m.index : state.text.length;
  state.aheadFound = m !== null && m[0].length === 1;
  return state.aheadFound;
}

// ---------------------------------------------------------------------------------------------------------------
// Lists written on one line: "1) The first item 2) The second item", "a. The first b. The second".

interface ListCuts {
  cuts: number[];
  markerDots: Set<number>;
}

interface Marker {
  at: number;
  value: number;
  style: string;
  dot: number;
}

const MARKER = /(?<=^|[\s•⁃▪◦●‣])(\d{1,3}|[a-z])(\.\)|\)|\.)(?=[ \t]+[\p{L}"“'‘(])/gu;

/**
 * Finds markers that form a running sequence (1, 2, 3… or a, b, c…) inside one paragraph: each starts an item.
 * A lone "2." is not a list, and a lettered list must start at "a", so initials and prices are left alone.
 */
function findListCuts(text: string): ListCuts {
  const markers: Marker[] = [];
  for (const m of text.matchAll(MARKER)) {
    const token = m[1] ?? '';
    const isNumber = isDigit(token[0]);
    markers.push({
      at: m.index ?? 0,
      value: isNumber ? Number(token) : token.charCodeAt(0) - 96,
      style: (isNumber ? 'n' : 'a') + (m[2] ?? ''),
      dot: m[2]?.startsWith('.') ? (m.index ?? 0) + token.length : -1,
    });
  }
  const cuts: number[] = [];
  const markerDots = new Set<number>();
  let run: Marker[] = [];
  const flush = () => {
    const first = run[0];
    const lettered = first?.style.startsWith('a') === true;
    if (run.length >= 2 && first !== undefined && (!lettered || first.value === 1)) {
      for (const mk of run) {
        // The item starts at its bullet, if any ("• 10. The second item").
        let at = mk.at;
        while (at > 0 && isHorizontalSpace(text.charCodeAt(at - 1))) at--;
        if (!BULLETS.has(text[at - 1] ?? '')) at = mk.at;
        while (at > 0 && BULLETS.has(text[at - 1] ?? '')) at--;
        cuts.push(at);
        if (mk.dot >= 0) markerDots.add(mk.dot);
      }
    }
    run = [];
  };
  for (const mk of markers) {
    const last = run[run.length - 1];
    if (
      last !== undefined &&
      (mk.style !== last.style || mk.value !== last.value + 1 || /\n[^\S\n]*\n/.test(text.slice(last.at, mk.at)))
    ) {
      flush();
    }
    run.push(mk);
  }
  flush();
  return { cuts, markerDots };
}

// ---------------------------------------------------------------------------------------------------------------
// From cut positions to sentences.

function spansFromCuts(text: string, cuts: number[]): Sentence[] {
  cuts.sort((a, b) => a - b);
  const out: Sentence[] = [];
  let from = 0;
  for (let k = 0; k <= cuts.length; k++) {
    const to = k < cuts.length ? (cuts[k] ?? text.length) : text.length;
    if (to <= from) continue;
    let s = from;
    let e = to;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) {
      const raw = text.slice(s, e);
      out.push({ text: /\s\s/.test(raw) ? raw.replace(/\s{2,}/g, ' ') : raw, start: s, end: e });
    }
    from = to;
  }
  return out;
}
