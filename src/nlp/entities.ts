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
  /** What separates the tokens, with spaces and hyphens counted as the same ("Ida-Viru" = "Ida Viru"). */
  gaps: string[];
  topicIds: string[];
  person: string | null;
}

/** Patterns by their first token (lower-case), longest first so "Baltic Sea" wins over a shorter name. */
type Tagger = Map<string, Pattern[]>;

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
  const tagger: Tagger = new Map();
  const add = (name: string, exact: boolean, topicIds: string[], person: string | null) => {
    const { tokens, gaps } = tokenizeName(foldDiacritics(name));
    const first = tokens[0]?.toLowerCase();
    if (first === undefined) return;
    const pattern: Pattern = {
      lower: tokens.map((t) => t.toLowerCase()),
      exact: exact ? tokens : null,
      gaps,
      topicIds,
      person,
    };
    const list = tagger.get(first) ?? [];
    list.push(pattern);
    tagger.set(first, list);
  };
  for (const topic of gazetteer.topics) {
    const ids = [topic.id, ...(topic.partOf ?? [])];
    for (const { text, exact } of topicNames(topic)) add(text, exact, ids, null);
  }
  // People's names are proper nouns: matching them only capitalised keeps "tusk" and "trump" the words out.
  for (const person of gazetteer.people) {
    for (const name of [person.name, ...person.aliases]) add(name, true, [], person.name);
  }
  for (const list of tagger.values()) list.sort((a, b) => b.lower.length - a.lower.length);
  return tagger;
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

/** Which UTF-16 code units above ASCII are letters, digits or combining marks (0 = not yet known, 1 yes, 2 no). */
const WORD_CHAR = new Uint8Array(65536);
const WORD_CHAR_RE = /^[\p{L}\p{N}\p{M}]$/u;

function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  let known = WORD_CHAR[c];
  if (known === 0) {
    known = WORD_CHAR_RE.test(String.fromCharCode(c)) ? 1 : 2;
    WORD_CHAR[c] = known;
  }
  return known === 1;
}

/**
 * Word tokens of a text as offsets, in one pass without regular expressions: this runs over every article at
 * ingest, and a regex tokenizer's match objects were most of the cost. Marks stay inside words ("e\u0307"), so
 * folding them away later keeps "Klaipėda" whole in either Unicode form.
 */
class TextTokens {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly ascii: boolean[] = [];
  private readonly lowerText: string;
  private readonly sameLength: boolean;

  constructor(readonly text: string) {
    this.lowerText = text.toLowerCase();
    // Lower-casing can change the length of a few letters (İ); then tokens are lower-cased one by one.
    this.sameLength = this.lowerText.length === text.length;
    let start = -1;
    let ascii = true;
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : 32;
      if (isWordChar(c)) {
        if (start < 0) {
          start = i;
          ascii = true;
        }
        if (c >= 128) ascii = false;
      } else if (start >= 0) {
        this.starts.push(start);
        this.ends.push(i);
        this.ascii.push(ascii);
        start = -1;
      }
    }
  }

  get length(): number {
    return this.starts.length;
  }

  /** The token as written, diacritics folded. */
  raw(i: number): string {
    const token = this.text.slice(this.starts[i], this.ends[i]);
    return this.ascii[i] ? token : foldDiacritics(token);
  }

  /** The token lower-cased, diacritics folded: the lookup key. */
  lower(i: number): string {
    if (!this.sameLength) return this.raw(i).toLowerCase();
    const token = this.lowerText.slice(this.starts[i], this.ends[i]);
    return this.ascii[i] ? token : foldDiacritics(token);
  }

  /** What separates token i from token i + 1, as `gapKey` reads it. */
  gapAfter(i: number): string {
    const gap = this.text.slice(this.ends[i], this.starts[i + 1]);
    return gap === ' ' ? gap : gapKey(gap);
  }
}

function matchesAt(p: Pattern, tokens: TextTokens, i: number, firstLower: string): boolean {
  const n = p.lower.length;
  if (i + n > tokens.length) return false;
  for (let k = 0; k < n; k++) {
    if (k > 0 && tokens.gapAfter(i + k - 1) !== p.gaps[k - 1]) return false;
    if (p.exact) {
      const want = p.exact[k] as string;
      const got = tokens.raw(i + k);
      // A name may start a sentence, so its first word may be capitalised ("Von der Leyen said").
      if (got !== want && !(k === 0 && got === capitalise(want))) return false;
    } else if ((k === 0 ? firstLower : tokens.lower(i + k)) !== p.lower[k]) return false;
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
  const tokens = new TextTokens(text);
  const counts: Record<string, number> = {};
  const firstSeen = new Map<string, number>();
  const people = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const lower = tokens.lower(i);
    const candidates = tagger.get(lower);
    if (!candidates) continue;
    let hit: Pattern | undefined;
    for (const p of candidates) {
      if (matchesAt(p, tokens, i, lower)) {
        hit = p;
        break;
      }
    }
    if (!hit) continue;
    for (const id of hit.topicIds) {
      counts[id] = (counts[id] ?? 0) + 1;
      if (!firstSeen.has(id)) firstSeen.set(id, i);
    }
    if (hit.person) people.add(hit.person);
    i += hit.lower.length - 1;
  }
  const topics = [...firstSeen.keys()].sort(
    (a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || (firstSeen.get(a) ?? 0) - (firstSeen.get(b) ?? 0),
  );
  return { topics, people: [...people], counts };
}
