import { foldDiacritics, type Gazetteer, topicNames } from './gazetteer.ts';

/** Topics and people a text mentions. */
export interface EntityMentions {
  /** Topic ids, most mentioned first (ties: first mentioned first). */
  topics: string[];
  /** Canonical names of gazetteer people, in order of first mention. */
  people: string[];
  /** Mentions per topic id, for relevance. A place counts for the topics it is part of, too. */
  counts: Record<string, number>;
}

/** One name to look for, as a sequence of word tokens. */
interface Pattern {
  /** Tokens, diacritics folded and lower-cased. */
  lower: string[];
  /** For case-sensitive names: the tokens as written (diacritics folded); the first may also be capitalised. */
  exact: string[] | null;
  /** `exact[0]` capitalised, as a name starting a sentence is written. */
  exactCapitalised: string;
  /** What separates the tokens, with spaces and hyphens counted as the same ("Ida-Viru" = "Ida Viru"). */
  gaps: string[];
  /** The topics it counts for, as indexes into `Tagger.topicIds`. */
  topics: number[];
  person: string | null;
}

/** The patterns that start with one all-ASCII word. */
interface FirstWord {
  /** The word, lower-case. */
  word: string;
  patterns: Pattern[];
}

/** Patterns by their first token (lower-case), longest first so "Baltic Sea" wins over a shorter name. */
interface Tagger {
  /** All patterns by first token; non-ASCII words of a text are looked up here (they need folding first). */
  byFirst: Map<string, Pattern[]>;
  /**
   * The same for all-ASCII first tokens, by `wordSlot`. ASCII words of a text are hashed while
   * tokenizing and compared char by char, so no string is made for a word unless it is part of a name.
   */
  bySlot: (FirstWord[] | undefined)[];
  /** One bit per used slot of `bySlot`: most words of an article start no name and stop at this bit. */
  slotBits: Uint32Array;
  /** Every topic id a pattern counts for; patterns refer to them by index, so counting needs no string keys. */
  topicIds: string[];
}

const HASH_BITS = 16;
const HASH_MASK = (1 << HASH_BITS) - 1;
const HASH_SEED = 0x811c9dc5 | 0;

/** One step of an FNV-style word hash over lower-case char codes; the tokenizer and `wordSlot` must agree. */
function hashStep(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193);
}

function slotOf(h: number): number {
  return (h ^ (h >>> HASH_BITS)) & HASH_MASK;
}

/** The `bySlot` slot of a lower-case ASCII word. */
function wordSlot(word: string): number {
  let h = HASH_SEED;
  for (let i = 0; i < word.length; i++) h = hashStep(h, word.charCodeAt(i));
  return slotOf(h);
}

const NON_ASCII_RE = /[^\u0000-\u007f]/;

const TOKEN_RE = /[\p{L}\p{N}]+/gu;

/** Spaces, hyphens and dashes between words all read as one space; other punctuation must match exactly. */
function gapKey(gap: string): string {
  return gap.replace(/[\s\-‐‑‒–—]+/g, ' ');
}

function tokenizeName(name: string): { tokens: string[]; gaps: string[] } {
  const tokens: string[] = [];
  const gaps: string[] = [];
  let last = -1;
  for (const m of name.matchAll(TOKEN_RE)) {
    const start = m.index ?? 0;
    if (last >= 0) gaps.push(gapKey(name.slice(last, start)));
    tokens.push(m[0]);
    last = start + m[0].length;
  }
  return { tokens, gaps };
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function compile(gazetteer: Gazetteer): Tagger {
  const byFirst = new Map<string, Pattern[]>();
  const topicIds: string[] = [];
  const topicIndex = new Map<string, number>();
  const indexOf = (id: string): number => {
    let index = topicIndex.get(id);
    if (index === undefined) {
      index = topicIds.push(id) - 1;
      topicIndex.set(id, index);
    }
    return index;
  };
  const add = (name: string, exact: boolean, ids: string[], person: string | null) => {
    const { tokens, gaps } = tokenizeName(foldDiacritics(name));
    const first = tokens[0]?.toLowerCase();
    if (first === undefined) return;
    const pattern: Pattern = {
      lower: tokens.map((t) => t.toLowerCase()),
      exact: exact ? tokens : null,
      exactCapitalised: exact ? capitalise(tokens[0] as string) : '',
      gaps,
      topics: ids.map(indexOf),
      person,
    };
    const list = byFirst.get(first) ?? [];
    list.push(pattern);
    byFirst.set(first, list);
  };
  for (const topic of gazetteer.topics) {
    const ids = [topic.id, ...(topic.partOf ?? [])];
    for (const { text, exact } of topicNames(topic)) add(text, exact, ids, null);
  }
  // People's names are proper nouns: matching them only capitalised keeps "tusk" and "trump" the words out.
  for (const person of gazetteer.people) {
    for (const name of [person.name, ...person.aliases]) add(name, true, [], person.name);
  }
  const bySlot: (FirstWord[] | undefined)[] = new Array(HASH_MASK + 1).fill(undefined);
  const slotBits = new Uint32Array((HASH_MASK + 1) >>> 5);
  for (const [word, patterns] of byFirst) {
    patterns.sort((a, b) => b.lower.length - a.lower.length);
    // A text's ASCII word lower-cases to ASCII, so only ASCII first words can match one.
    if (NON_ASCII_RE.test(word)) continue;
    const slot = wordSlot(word);
    const words = bySlot[slot] ?? [];
    words.push({ word, patterns });
    bySlot[slot] = words;
    slotBits[slot >>> 5] = (slotBits[slot >>> 5] as number) | (1 << (slot & 31));
  }
  return { byFirst, bySlot, slotBits, topicIds };
}

const taggers = new WeakMap<Gazetteer, Tagger>();

function taggerFor(gazetteer: Gazetteer): Tagger {
  let tagger = taggers.get(gazetteer);
  if (!tagger) {
    tagger = compile(gazetteer);
    taggers.set(gazetteer, tagger);
  }
  return tagger;
}

/** For ASCII: the lower-case char code of a letter or digit, 0 for anything else (it ends a word). */
const ASCII_WORD_LOWER = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_WORD_LOWER[c] = c;
for (let c = 97; c <= 122; c++) {
  ASCII_WORD_LOWER[c] = c;
  ASCII_WORD_LOWER[c - 32] = c;
}

/** Which UTF-16 code units above ASCII are letters, digits or combining marks (0 = not yet known, 1 yes, 2 no). */
const WORD_CHAR = new Uint8Array(65536);
const WORD_CHAR_RE = /^[\p{L}\p{N}\p{M}]$/u;

function isNonAsciiWordChar(c: number): boolean {
  let known = WORD_CHAR[c];
  if (known === 0) {
    known = WORD_CHAR_RE.test(String.fromCharCode(c)) ? 1 : 2;
    WORD_CHAR[c] = known;
  }
  return known === 1;
}

/**
 * `foldDiacritics` of a text's non-ASCII words, remembered: the same few local names ("Nausėda", "Klaipėda") come
 * back article after article, and folding one (normalising, then two regular expressions) costs microseconds.
 */
const foldedWords = new Map<string, string>();
const FOLDED_WORDS_MAX = 4096;

function foldWord(word: string): string {
  let folded = foldedWords.get(word);
  if (folded === undefined) {
    // Bounded, as a worker runs for days: start over rather than grow without end.
    if (foldedWords.size >= FOLDED_WORDS_MAX) foldedWords.clear();
    folded = foldDiacritics(word);
    foldedWords.set(word, folded);
  }
  return folded;
}

/** Token offsets and candidates, reused from call to call: fresh arrays per article cost more than filling them. */
interface Scratch {
  starts: Int32Array;
  ends: Int32Array;
  ascii: Uint8Array;
  candidates: Int32Array;
  /** Per candidate: its `bySlot` slot, or -1 for a non-ASCII word. */
  candidateSlots: Int32Array;
}

function newScratch(size: number): Scratch {
  return {
    starts: new Int32Array(size),
    ends: new Int32Array(size),
    ascii: new Uint8Array(size),
    candidates: new Int32Array(size),
    candidateSlots: new Int32Array(size),
  };
}

// Sharing is safe: `tagEntities` is synchronous and done with its `TextTokens` before it returns.
let scratch = newScratch(1024);

function scratchFor(capacity: number): Scratch {
  if (scratch.starts.length < capacity) scratch = newScratch(Math.max(capacity, scratch.starts.length * 2));
  return scratch;
}

/**
 * Word tokens of a text as offsets, in one pass without regular expressions: this runs over every article at
 * ingest, and a regex tokenizer's match objects were most of the cost. Marks stay inside words ("e\u0307"), so
 * folding them away later keeps "Klaipėda" whole in either Unicode form.
 *
 * The same pass hashes each all-ASCII word, lower-cased, and keeps as candidates only the words whose slot a first
 * word of a name uses, plus every non-ASCII word (those need folding before they can be judged). Comparisons
 * against names then go char by char for ASCII words, and strings are made only for the rare non-ASCII ones.
 */
class TextTokens {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** 1 if the token is all ASCII: then it needs no folding, and lower-casing it alone is exact. */
  readonly ascii: Uint8Array;
  /** Indexes of the tokens that may start a name, ascending. */
  readonly candidates: Int32Array;
  readonly candidateSlots: Int32Array;
  readonly length: number;
  readonly candidateCount: number;
  /** The whole text lower-cased, made only when a non-ASCII token needs it. */
  private lowerText: string | null = null;
  private sameLength = true;

  constructor(
    readonly text: string,
    slotBits: Uint32Array,
  ) {
    // A word takes at least one code unit and a break after it (but the last), so this many tokens at most.
    const { starts, ends, ascii, candidates, candidateSlots } = scratchFor((text.length >> 1) + 1);
    this.starts = starts;
    this.ends = ends;
    this.ascii = ascii;
    this.candidates = candidates;
    this.candidateSlots = candidateSlots;
    let count = 0;
    let candidateCount = 0;
    let start = -1;
    let isAscii = 1;
    let h = HASH_SEED;
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : 32;
      const lowerCode = c < 128 ? (ASCII_WORD_LOWER[c] as number) : 0;
      if (lowerCode !== 0 || (c >= 128 && isNonAsciiWordChar(c))) {
        if (start < 0) {
          start = i;
          isAscii = 1;
          h = HASH_SEED;
        }
        if (lowerCode === 0) isAscii = 0;
        else h = hashStep(h, lowerCode);
      } else if (start >= 0) {
        starts[count] = start;
        ends[count] = i;
        ascii[count] = isAscii;
        if (isAscii === 0) {
          candidates[candidateCount] = count;
          candidateSlots[candidateCount++] = -1;
        } else {
          const slot = slotOf(h);
          if (((slotBits[slot >>> 5] as number) & (1 << (slot & 31))) !== 0) {
            candidates[candidateCount] = count;
            candidateSlots[candidateCount++] = slot;
          }
        }
        count++;
        start = -1;
      }
    }
    this.length = count;
    this.candidateCount = candidateCount;
  }

  /** The token as written, diacritics folded. */
  raw(i: number): string {
    const token = this.text.slice(this.starts[i], this.ends[i]);
    return this.ascii[i] ? token : foldWord(token);
  }

  /** The token lower-cased, diacritics folded: the lookup key. */
  lower(i: number): string {
    const start = this.starts[i] as number;
    const end = this.ends[i] as number;
    // ASCII letters lower-case alone as in context (only "İ" changes length in lower-casing, and it is not ASCII).
    if (this.ascii[i]) return this.text.slice(start, end).toLowerCase();
    // Others as part of the whole text, as context matters (a final sigma depends on what follows) ...
    if (this.lowerText === null) {
      this.lowerText = this.text.toLowerCase();
      this.sameLength = this.lowerText.length === this.text.length;
    }
    // ... unless that shifted the offsets (İ → i̇): then one by one.
    if (!this.sameLength) return this.raw(i).toLowerCase();
    return foldWord(this.lowerText.slice(start, end));
  }

  /** Whether `raw(i) === word`, without making a string for an ASCII token. */
  is(i: number, word: string): boolean {
    if (!this.ascii[i]) return this.raw(i) === word;
    const start = this.starts[i] as number;
    if ((this.ends[i] as number) - start !== word.length) return false;
    for (let k = 0; k < word.length; k++) if (this.text.charCodeAt(start + k) !== word.charCodeAt(k)) return false;
    return true;
  }

  /** Whether `lower(i) === word`, without making a string for an ASCII token. */
  lowerIs(i: number, word: string): boolean {
    if (!this.ascii[i]) return this.lower(i) === word;
    const start = this.starts[i] as number;
    if ((this.ends[i] as number) - start !== word.length) return false;
    for (let k = 0; k < word.length; k++) {
      if (ASCII_WORD_LOWER[this.text.charCodeAt(start + k)] !== word.charCodeAt(k)) return false;
    }
    return true;
  }

  /** Whether what separates token i from token i + 1 reads as `gap` (a `gapKey`). */
  gapIs(i: number, gap: string): boolean {
    const end = this.ends[i] as number;
    const next = this.starts[i + 1] as number;
    // Most gaps are one space: no string for those.
    if (next === end + 1 && this.text.charCodeAt(end) === 32) return gap === ' ';
    return gapKey(this.text.slice(end, next)) === gap;
  }

  /** The patterns whose first word token i is, if any. */
  patternsAt(i: number, slot: number, tagger: Tagger): Pattern[] | undefined {
    if (slot < 0) return tagger.byFirst.get(this.lower(i));
    for (const first of tagger.bySlot[slot] as FirstWord[]) if (this.lowerIs(i, first.word)) return first.patterns;
    return undefined;
  }
}

/** Whether pattern p is at token i, given that token i is its first word lower-cased (`patternsAt`). */
function matchesAt(p: Pattern, tokens: TextTokens, i: number): boolean {
  const n = p.lower.length;
  if (i + n > tokens.length) return false;
  const exact = p.exact;
  // A name may start a sentence, so its first word may be capitalised ("Von der Leyen said").
  if (exact && !tokens.is(i, exact[0] as string) && !tokens.is(i, p.exactCapitalised)) return false;
  for (let k = 1; k < n; k++) {
    if (!tokens.gapIs(i + k - 1, p.gaps[k - 1] as string)) return false;
    if (exact ? !tokens.is(i + k, exact[k] as string) : !tokens.lowerIs(i + k, p.lower[k] as string)) return false;
  }
  return true;
}

/**
 * Topics and people a text mentions, by the gazetteer's names: aliases, demonyms, places and possessives
 * ("Estonia's"), diacritic-insensitive ("Klaipeda"), case-sensitive only for acronyms and people. The gazetteer is
 * compiled once and cached, so this is cheap enough to run on every article at ingest.
 * @example tagEntities('Kallas visited Narva.', gazetteer) // { topics: ['estonia'], people: ['Kaja Kallas'], … }
 */
export function tagEntities(text: string, gazetteer: Gazetteer): EntityMentions {
  const tagger = taggerFor(gazetteer);
  const tokens = new TextTokens(text, tagger.slotBits);
  const mentions = new Int32Array(tagger.topicIds.length);
  const firstSeen = new Int32Array(tagger.topicIds.length);
  /** Topic indexes in order of first mention. */
  const seen: number[] = [];
  const people = new Set<string>();
  // Tokens before `next` are inside a name already matched.
  let next = 0;
  for (let c = 0; c < tokens.candidateCount; c++) {
    const i = tokens.candidates[c] as number;
    if (i < next) continue;
    const patterns = tokens.patternsAt(i, tokens.candidateSlots[c] as number, tagger);
    if (!patterns) continue;
    let hit: Pattern | undefined;
    for (const p of patterns) {
      if (matchesAt(p, tokens, i)) {
        hit = p;
        break;
      }
    }
    if (!hit) continue;
    for (const t of hit.topics) {
      const before = mentions[t] as number;
      mentions[t] = before + 1;
      if (before === 0) {
        firstSeen[t] = i;
        seen.push(t);
      }
    }
    if (hit.person) people.add(hit.person);
    next = i + hit.lower.length;
  }
  // `counts` gets its keys in order of first mention, and the stable sort breaks full ties the same way.
  const counts: Record<string, number> = {};
  for (const t of seen) counts[tagger.topicIds[t] as string] = mentions[t] as number;
  const topics = seen
    .sort(
      (a, b) =>
        (mentions[b] as number) - (mentions[a] as number) || (firstSeen[a] as number) - (firstSeen[b] as number),
    )
    .map((t) => tagger.topicIds[t] as string);
  return { topics, people: [...people], counts };
}
