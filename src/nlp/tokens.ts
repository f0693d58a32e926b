/**
 * Word tokens, English stopwords and the Porter stemmer: the shared vocabulary layer of the summariser (and, later,
 * search). Everything here is pure and synchronous.
 */

/**
 * Lower-cased word tokens of `text`: runs of letters and digits, with inner apostrophes and hyphens kept
 * ("don't", "ex-fiance"), and the possessive "'s" dropped so "Russia's" counts as "russia".
 * @example tokenizeWords("NATO's new-look force") // ['nato', 'new-look', 'force']
 */
export function tokenizeWords(text: string): string[] {
  const lower = text.toLowerCase();
  const count = scanWords(lower);
  if (count < 0) return tokenizeWithRegex(lower);
  const { start, end, curly } = WORDS;
  const out: string[] = new Array(count);
  for (let k = 0; k < count; k++) {
    const word = lower.slice(start[k], end[k]);
    out[k] = curly[k] ? word.replace(CURLY_APOSTROPHE_RE, "'") : word;
  }
  return out;
}

/**
 * Finds the tokens of `text` (those of `tokenizeWords`) in `TOKENS` by the hash the scan computed, without making a
 * string for a token seen before, and puts what each gives (see `TokenTable`) in `WORDS.facts`; returns how many.
 */
function internWords(text: string): number {
  const lower = text.toLowerCase();
  const count = scanWords(lower);
  if (count < 0) {
    const tokens = tokenizeWithRegex(lower);
    while (WORDS.facts.length < tokens.length) growWords();
    tokens.forEach((token, k) => {
      WORDS.facts[k] = TOKENS.find(token);
    });
    return tokens.length;
  }
  for (let k = 0; k < count; k++) {
    WORDS.facts[k] = TOKENS.findSpan(lower, WORDS.start[k]!, WORDS.end[k]!, WORDS.hash[k]!, WORDS.curly[k] === 1);
  }
  return count;
}

/** Where `scanWords` puts the tokens it finds: reused buffers (grown as needed), read up to the count it returns. */
const WORDS = {
  start: new Int32Array(1024),
  end: new Int32Array(1024),
  /** The token's hash (`hashStep` over its code units, a curly apostrophe read as a straight one). */
  hash: new Int32Array(1024),
  /** 1 when the token holds a curly apostrophe, which the token straightens. */
  curly: new Uint8Array(1024),
  /** What the token gives, filled in by `internWords`. */
  facts: new Int32Array(1024),
};

/**
 * Finds the word tokens of a lower-cased text and records their spans in `WORDS`; returns how many, or −1 when the
 * text has a surrogate (a letter outside the BMP), which only the regex reads right. A scan by character codes: this
 * runs on every sentence of every article at ingest, and a regex's match objects were most of its cost. It matches
 * what WORD_RE matches: word characters, joined by single apostrophes/hyphens.
 */
function scanWords(lower: string): number {
  const n = lower.length;
  let count = 0;
  let i = 0;
  while (i < n) {
    const c = lower.charCodeAt(i);
    if (!isWordUnit(c)) {
      // Every code unit the scan does not take into a word passes here, so no surrogate slips by.
      if (c >= 0xd800 && c <= 0xdfff) return -1;
      i++;
      continue;
    }
    const start = i;
    let curly = 0;
    // The token's hash, and the hashes without its last one and two code units (for a dropped possessive).
    let hash = 0;
    let hash1 = 0;
    let hash2 = 0;
    // (Code units are read only below `n`: a NaN from past the end would make the JIT treat them as doubles.)
    for (;;) {
      while (i < n) {
        const d = lower.charCodeAt(i);
        if (!isWordUnit(d)) break;
        hash2 = hash1;
        hash1 = hash;
        hash = hashStep(hash, d);
        i++;
      }
      if (i + 1 >= n) break;
      const j = lower.charCodeAt(i);
      if (!(j === 39 || j === 0x2019 || j === 45 || j === 0x2010) || !isWordUnit(lower.charCodeAt(i + 1))) break;
      // A joiner followed by a word character: the word goes on. A curly apostrophe hashes as the straight one the
      // token will have.
      if (j === 0x2019) curly = 1;
      hash2 = hash1;
      hash1 = hash;
      hash = hashStep(hash, j === 0x2019 ? 39 : j);
      i++;
    }
    if (count === WORDS.start.length) growWords();
    WORDS.start[count] = start;
    // A possessive "'s" (or "’s") inside the match is dropped; the word keeps at least its first character.
    const possessive = i - 2 > start && lower.charCodeAt(i - 1) === 115 && isApostrophe(lower.charCodeAt(i - 2));
    WORDS.end[count] = possessive ? i - 2 : i;
    WORDS.hash[count] = possessive ? hash2 : hash;
    WORDS.curly[count] = curly;
    count++;
  }
  return count;
}

function growWords(): void {
  const size = WORDS.start.length * 2;
  const grow = <T extends Int32Array | Uint8Array>(from: T, to: T): T => {
    to.set(from);
    return to;
  };
  WORDS.start = grow(WORDS.start, new Int32Array(size));
  WORDS.end = grow(WORDS.end, new Int32Array(size));
  WORDS.hash = grow(WORDS.hash, new Int32Array(size));
  WORDS.curly = grow(WORDS.curly, new Uint8Array(size));
  WORDS.facts = grow(WORDS.facts, new Int32Array(size));
}

function hashStep(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) | 0;
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/** Adds the token a matched word gives: curly apostrophes straightened, a possessive "'s" dropped, unless empty. */
function pushWord(out: string[], match: string, curly: boolean): void {
  let word = match;
  if (curly) word = word.replace(CURLY_APOSTROPHE_RE, "'");
  if (word.endsWith("'s")) word = word.slice(0, -2);
  if (word) out.push(word);
}

function tokenizeWithRegex(lower: string): string[] {
  const out: string[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(lower); m !== null; m = WORD_RE.exec(lower)) {
    pushWord(out, m[0], m[0].includes('’'));
  }
  return out;
}

const WORD_RE = /[\p{L}\p{N}]+(?:['’\-‐][\p{L}\p{N}]+)*/gu;
const CURLY_APOSTROPHE_RE = /’/g;

/** Which UTF-16 code units above ASCII are letters or digits (0 = not yet known, 1 yes, 2 no). */
const WORD_UNIT = new Uint8Array(65536);
const WORD_UNIT_RE = /^[\p{L}\p{N}]$/u;

/** Whether a code unit (not a surrogate) is a letter or digit, as `[\p{L}\p{N}]` reads it. */
function isWordUnit(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  let known = WORD_UNIT[c] as number;
  if (known === 0) {
    known = WORD_UNIT_RE.test(String.fromCharCode(c)) ? 1 : 2;
    WORD_UNIT[c] = known;
  }
  return known === 1;
}

/**
 * Common English function words (articles, pronouns, auxiliaries, prepositions, conjunctions, reporting filler).
 * They carry no topic, so the summariser and query matching ignore them.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against ago all almost also although always am among an and another any anyone anything
  are around as at be became because become been before being below between both but by can cannot could did do does
  doing done down during each either else even ever every few for from further get gets getting got had has have having
  he her here hers herself him himself his how however i if in into is it its itself just least less like made make
  many may me might mine more most much must my myself near neither never no nor not now of off often on once one only
  or other others our ours ourselves out over own per put quite rather said same say says she should since so some
  such than that the their theirs them themselves then there these they this those though through thus to too toward
  towards under until up upon us very via was we were what whatever when where whether which while who whom whose why
  will with within without would yet you your yours yourself yourselves mr mrs ms dr also told according
  don't doesn't didn't isn't wasn't aren't weren't won't can't couldn't wouldn't shouldn't hasn't haven't hadn't it's
  i'm i've i'd i'll you're you've we're we've they're they've he'd she'd he'll she'll that's there's what's`
    .split(/\s+/)
    .filter(Boolean),
);

/** Stemming variants of the Porter stemmer, named after nltk's modes so results can be compared with it. */
export type PorterMode = 'nltk' | 'martin' | 'original';

/**
 * Porter stemmer (Porter 1980, "An algorithm for suffix stripping"). `mode` picks the variant:
 * - `'nltk'` (default): with the refinements nltk applies by default. ROUGE's reference scorer (`rouge_score`) calls
 *   nltk's `PorterStemmer()` with no mode, so this is the one that reproduces published ROUGE numbers.
 * - `'martin'`: Martin Porter's own frozen reference implementations.
 * - `'original'`: the algorithm exactly as published.
 * Expects a lower-case word.
 * @example porterStem('generalizations') // 'gener'
 */
export function porterStem(word: string, mode: PorterMode = 'nltk'): string {
  // News vocabulary repeats heavily: a bounded memo makes stemming a whole story a few map look-ups.
  const cache = STEM_CACHES[mode];
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const stem = stemUncached(word, mode);
  if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
  cache.set(word, stem);
  return stem;
}

const STEM_CACHE_LIMIT = 50_000;
const STEM_CACHES: Record<PorterMode, Map<string, string>> = {
  nltk: new Map(),
  martin: new Map(),
  original: new Map(),
};

function stemUncached(word: string, mode: PorterMode): string {
  if (mode === 'nltk') {
    const irregular = IRREGULAR_FORMS.get(word);
    if (irregular !== undefined) return irregular;
  }
  // Both refined variants leave one- and two-letter words alone; the paper does not say so.
  if (mode !== 'original' && word.length <= 2) return word;
  const s = new PorterSteps(mode);
  let w = s.step1a(word);
  w = s.step1b(w);
  w = s.step1c(w);
  w = s.step2(w);
  w = s.step3(w);
  w = s.step4(w);
  w = s.step5a(w);
  return s.step5b(w);
}

/** nltk's table of forms that the rules get wrong, mapped to the stem it returns for them. */
const IRREGULAR_FORMS: ReadonlyMap<string, string> = new Map([
  ['sky', 'sky'],
  ['skies', 'sky'],
  ['dying', 'die'],
  ['lying', 'lie'],
  ['tying', 'tie'],
  ['news', 'news'],
  ['innings', 'inning'],
  ['inning', 'inning'],
  ['outings', 'outing'],
  ['outing', 'outing'],
  ['cannings', 'canning'],
  ['canning', 'canning'],
  ['howe', 'howe'],
  ['proceed', 'proceed'],
  ['exceed', 'exceed'],
  ['succeed', 'succeed'],
]);

/** A suffix rule: replace `suffix` by `to` when `when(stem)` holds for what precedes the suffix. */
type Rule = readonly [suffix: string, to: string, when?: (stem: string) => boolean];

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/** The paper's consonant: not a vowel, and `y` only when it follows a vowel (or starts the word). */
function isConsonant(word: string, i: number): boolean {
  const ch = word.charAt(i);
  if (VOWELS.has(ch)) return false;
  if (ch === 'y') return i === 0 ? true : !isConsonant(word, i - 1);
  return true;
}

/** The measure m of `[C](VC){m}[V]`: how many vowel→consonant transitions the stem has. */
function measure(stem: string): number {
  let m = 0;
  let prevVowel = false;
  for (let i = 0; i < stem.length; i++) {
    const consonant = isConsonant(stem, i);
    if (consonant && prevVowel) m++;
    prevVowel = !consonant;
  }
  return m;
}

const positiveMeasure = (stem: string) => measure(stem) > 0;
const measureAboveOne = (stem: string) => measure(stem) > 1;

function containsVowel(stem: string): boolean {
  for (let i = 0; i < stem.length; i++) if (!isConsonant(stem, i)) return true;
  return false;
}

function endsDoubleConsonant(word: string): boolean {
  const n = word.length;
  return n >= 2 && word[n - 1] === word[n - 2] && isConsonant(word, n - 1);
}

class PorterSteps {
  constructor(private readonly mode: PorterMode) {}

  /** Condition *o: the stem ends consonant-vowel-consonant, the last not w, x or y (hop, wil). */
  private endsCvc(word: string): boolean {
    const n = word.length;
    if (
      n >= 3 &&
      isConsonant(word, n - 3) &&
      !isConsonant(word, n - 2) &&
      isConsonant(word, n - 1) &&
      !'wxy'.includes(word.charAt(n - 1))
    )
      return true;
    // nltk also counts a two-letter vowel-consonant stem, so "are", "ice", "use" keep their final e.
    return this.mode === 'nltk' && n === 2 && !isConsonant(word, 0) && isConsonant(word, 1);
  }

  /**
   * Applies the first rule whose suffix the word ends with; if its condition fails, no later rule is tried
   * (the paper's "longest matching suffix decides").
   */
  private applyFirst(word: string, rules: readonly Rule[]): string {
    for (const [suffix, to, when] of rules) {
      if (!word.endsWith(suffix)) continue;
      const stem = word.slice(0, word.length - suffix.length);
      return when === undefined || when(stem) ? stem + to : word;
    }
    return word;
  }

  step1a(word: string): string {
    // nltk: "dies" → "die", not "di".
    if (this.mode === 'nltk' && word.length === 4 && word.endsWith('ies')) return `${word.slice(0, -3)}ie`;
    return this.applyFirst(word, [
      ['sses', 'ss'],
      ['ies', 'i'],
      ['ss', 'ss'],
      ['s', ''],
    ]);
  }

  step1b(word: string): string {
    if (this.mode === 'nltk' && word.endsWith('ied')) {
      return word.length === 4 ? `${word.slice(0, -3)}ie` : `${word.slice(0, -3)}i`;
    }
    if (word.endsWith('eed')) {
      const stem = word.slice(0, -3);
      return measure(stem) > 0 ? `${stem}ee` : word;
    }
    let stem: string | undefined;
    for (const suffix of ['ed', 'ing']) {
      if (word.endsWith(suffix) && containsVowel(word.slice(0, -suffix.length))) {
        stem = word.slice(0, -suffix.length);
        break;
      }
    }
    if (stem === undefined) return word;
    // Tidy the stem so the -ate/-ble/-ize and -e forms are recognised later: conflat→conflate, hopp→hop, fil→file.
    if (stem.endsWith('at') || stem.endsWith('bl') || stem.endsWith('iz')) return `${stem}e`;
    if (endsDoubleConsonant(stem)) return 'lsz'.includes(stem.charAt(stem.length - 1)) ? stem : stem.slice(0, -1);
    if (measure(stem) === 1 && this.endsCvc(stem)) return `${stem}e`;
    return stem;
  }

  step1c(word: string): string {
    // nltk turns y into i only after a consonant (happy → happi, enjoy stays); the paper after any vowel in the stem.
    const when =
      this.mode === 'nltk'
        ? (stem: string) => stem.length > 1 && isConsonant(stem, stem.length - 1)
        : (stem: string) => containsVowel(stem);
    return this.applyFirst(word, [['y', 'i', when]]);
  }

  step2(word: string): string {
    if (this.mode === 'nltk' && word.endsWith('alli') && positiveMeasure(word.slice(0, -4))) {
      return this.step2(`${word.slice(0, -4)}al`);
    }
    const rules: Rule[] = [
      ['ational', 'ate', positiveMeasure],
      ['tional', 'tion', positiveMeasure],
      ['enci', 'ence', positiveMeasure],
      ['anci', 'ance', positiveMeasure],
      ['izer', 'ize', positiveMeasure],
      this.mode === 'original' ? ['abli', 'able', positiveMeasure] : ['bli', 'ble', positiveMeasure],
      ['alli', 'al', positiveMeasure],
      ['entli', 'ent', positiveMeasure],
      ['eli', 'e', positiveMeasure],
      ['ousli', 'ous', positiveMeasure],
      ['ization', 'ize', positiveMeasure],
      ['ation', 'ate', positiveMeasure],
      ['ator', 'ate', positiveMeasure],
      ['alism', 'al', positiveMeasure],
      ['iveness', 'ive', positiveMeasure],
      ['fulness', 'ful', positiveMeasure],
      ['ousness', 'ous', positiveMeasure],
      ['aliti', 'al', positiveMeasure],
      ['iviti', 'ive', positiveMeasure],
      ['biliti', 'ble', positiveMeasure],
    ];
    if (this.mode === 'nltk') {
      rules.push(['fulli', 'ful', positiveMeasure]);
      // The l of -logi stays with the stem, so short stems (geo-, theo-) behave like long ones.
      rules.push(['logi', 'log', () => positiveMeasure(word.slice(0, -3))]);
    } else if (this.mode === 'martin') {
      rules.push(['logi', 'log', positiveMeasure]);
    }
    return this.applyFirst(word, rules);
  }

  step3(word: string): string {
    return this.applyFirst(word, [
      ['icate', 'ic', positiveMeasure],
      ['ative', '', positiveMeasure],
      ['alize', 'al', positiveMeasure],
      ['iciti', 'ic', positiveMeasure],
      ['ical', 'ic', positiveMeasure],
      ['ful', '', positiveMeasure],
      ['ness', '', positiveMeasure],
    ]);
  }

  step4(word: string): string {
    return this.applyFirst(word, [
      ['al', '', measureAboveOne],
      ['ance', '', measureAboveOne],
      ['ence', '', measureAboveOne],
      ['er', '', measureAboveOne],
      ['ic', '', measureAboveOne],
      ['able', '', measureAboveOne],
      ['ible', '', measureAboveOne],
      ['ant', '', measureAboveOne],
      ['ement', '', measureAboveOne],
      ['ment', '', measureAboveOne],
      ['ent', '', measureAboveOne],
      ['ion', '', (stem) => measure(stem) > 1 && (stem.endsWith('s') || stem.endsWith('t'))],
      ['ou', '', measureAboveOne],
      ['ism', '', measureAboveOne],
      ['ate', '', measureAboveOne],
      ['iti', '', measureAboveOne],
      ['ous', '', measureAboveOne],
      ['ive', '', measureAboveOne],
      ['ize', '', measureAboveOne],
    ]);
  }

  step5a(word: string): string {
    // Unlike the other steps, both e-rules are tried: probate → probat (m>1), cease → ceas (m=1, not *o).
    if (!word.endsWith('e')) return word;
    const stem = word.slice(0, -1);
    const m = measure(stem);
    if (m > 1 || (m === 1 && !this.endsCvc(stem))) return stem;
    return word;
  }

  step5b(word: string): string {
    if (word.endsWith('ll') && measure(word.slice(0, -1)) > 1) return word.slice(0, -1);
    return word;
  }
}

/**
 * The topic-bearing terms of a text: word tokens without stopwords or bare numbers, Porter-stemmed, so
 * "sanctions"/"sanctioned" meet. Hyphenated words count by their parts.
 * @example contentTerms('Estonia expels Russian diplomats') // ['estonia', 'expel', 'russian', 'diplomat']
 */
export function contentTerms(text: string): string[] {
  TOKENS.emptyIfFull();
  const out: string[] = [];
  const count = internWords(text);
  for (let k = 0; k < count; k++) TOKENS.pushTerms(out, WORDS.facts[k]!);
  return out;
}

/** `contentTerms` for tokens already made by `tokenizeWords` (saves tokenising a text twice). */
export function contentTermsOf(tokens: readonly string[]): string[] {
  TOKENS.emptyIfFull();
  const out: string[] = [];
  for (const token of tokens) TOKENS.pushTerms(out, TOKENS.find(token));
  return out;
}

/**
 * How often each content term occurs in each of several texts, with the terms numbered 0, 1, … across all of them:
 * what term statistics (tf, df, idf-weighted vectors) are built from, in arrays rather than string-keyed maps.
 */
export interface TermCounts {
  /** The distinct content terms of all the texts, in order of first appearance; a term's number is its index. */
  readonly terms: string[];
  /**
   * Text i's distinct terms are entries `from[i]` to `from[i + 1]` (exclusive) of `ids` and `counts`, in the order
   * they first occur in it (the order a `Map` counting `contentTerms(text)` would iterate them).
   */
  readonly from: number[];
  /** Term numbers. */
  readonly ids: number[];
  /** How many times the term occurs in the text. */
  readonly counts: number[];
  /** For each text, how many of its word tokens hold a letter: "2014" and "12:04" are numbers, not words. */
  readonly words: number[];
}

/**
 * Counts `contentTerms` of each text, numbering the terms across all of them. Much faster than `contentTerms` and a
 * `Map` per text: a token seen before costs one hash look-up, and no strings are made.
 * @example countContentTerms(['Troops arrive.', 'More troops, troops.'])
 * // { terms: ['troop', 'arriv'], from: [0, 2, 3], ids: [0, 1, 0], counts: [1, 1, 2], words: [2, 3] }
 */
export function countContentTerms(texts: readonly string[]): TermCounts {
  TOKENS.emptyIfFull();
  const counter = new TermCounter();
  for (const text of texts) {
    const count = internWords(text);
    counter.startText();
    let words = 0;
    for (let k = 0; k < count; k++) {
      const facts = WORDS.facts[k]!;
      if (hasLetter(facts)) words++;
      const code = termCode(facts);
      if (code === NO_TERMS) continue;
      if (code < MULTI_TERMS) counter.add(code - 1);
      else for (const number of TOKENS.multiTerms[code - MULTI_TERMS]!) counter.add(number);
    }
    counter.words.push(words);
  }
  return counter.finish();
}

/**
 * Builds a `TermCounts` from the table's term numbers, renumbering them densely for one call through `LOCAL_NUMBERS`
 * (number + 1; 0 = not seen yet in this call), which it leaves all zero again when it finishes.
 */
class TermCounter {
  readonly terms: string[] = [];
  readonly from: number[] = [];
  readonly ids: number[] = [];
  readonly counts: number[] = [];
  readonly words: number[] = [];
  /** Table numbers of `terms`, to clear `LOCAL_NUMBERS` with. */
  private readonly globals: number[] = [];
  /** Per term: where the current text's entry for it is; an earlier slot means it is not in this text yet. */
  private readonly slotOf: number[] = [];
  /** Where the current text's entries start. */
  private first = 0;

  /** Starts counting the next text; all its terms must be in the table already. */
  startText(): void {
    this.first = this.ids.length;
    this.from.push(this.first);
    const needed = TOKENS.termStrings.length;
    if (LOCAL_NUMBERS.length < needed) {
      const grown = new Int32Array(Math.max(needed, LOCAL_NUMBERS.length * 2));
      grown.set(LOCAL_NUMBERS);
      LOCAL_NUMBERS = grown;
    }
  }

  /** Counts one occurrence of the term with table number `global`. */
  add(global: number): void {
    let id = LOCAL_NUMBERS[global]! - 1;
    if (id < 0) {
      id = this.terms.length;
      this.terms.push(TOKENS.termStrings[global]!);
      this.globals.push(global);
      this.slotOf.push(-1);
      LOCAL_NUMBERS[global] = id + 1;
    }
    const slot = this.slotOf[id]!;
    if (slot >= this.first) this.counts[slot]!++;
    else {
      this.slotOf[id] = this.ids.length;
      this.ids.push(id);
      this.counts.push(1);
    }
  }

  finish(): TermCounts {
    this.from.push(this.ids.length);
    for (const global of this.globals) LOCAL_NUMBERS[global] = 0;
    const { terms, from, ids, counts, words } = this;
    return { terms, from, ids, counts, words };
  }
}

/** Scratch for `TermCounter`: table term number → this call's term number + 1; all zero between calls. */
let LOCAL_NUMBERS = new Int32Array(1 << 12);

/**
 * What a token gives, as one small integer: whether it holds a letter (bit 0) and, above that, its term code: none,
 * one term (its number + 1) or several (`MULTI_TERMS` + index into `TokenTable.multiTerms`, for hyphenated words).
 */
type TokenFacts = number;
const NO_TERMS = 0;
const MULTI_TERMS = 1 << 27;

function hasLetter(facts: TokenFacts): boolean {
  return (facts & 1) === 1;
}

function termCode(facts: TokenFacts): number {
  return facts >>> 1;
}

/**
 * The tokens seen so far and what each gives, so that a repeated token needs no string, no stopword or joiner checks
 * and no stemming: news vocabulary repeats so heavily that those otherwise dominated enrichment. An open-addressing
 * hash table keyed by the hash `scanWords` computes while reading. Each slot is one record of four integers (hash,
 * where the token's code units are in `chars`, length, facts) in one typed array, and the code units of all tokens lie
 * back to back in another, so a look-up reads two places in memory; with a large vocabulary, cache misses on scattered
 * objects and strings were most of its cost. Each term also gets a number here (see `countContentTerms`). Bounded:
 * emptied once it holds `TOKEN_LIMIT` tokens, but only at the start of a public call, so numbers stay consistent
 * within one.
 */
class TokenTable {
  /** Per slot: hash, offset of the token in `chars` + 1 (0 = empty slot), length, facts. */
  private slots = new Int32Array(4 << 16);
  private chars = new Uint16Array(CHARS_KEPT);
  private charsUsed = 0;
  private size = 0;
  /** Terms by number. */
  termStrings: string[] = [];
  /** The term numbers of each token with several terms. */
  multiTerms: number[][] = [];
  private readonly termNumbers = new Map<string, number>();

  emptyIfFull(): void {
    if (this.size < TOKEN_LIMIT) return;
    this.slots.fill(0);
    // A few giant tokens (a pasted blob) could have grown the code-unit store far beyond what words need.
    if (this.chars.length > CHARS_KEPT) this.chars = new Uint16Array(CHARS_KEPT);
    this.charsUsed = 0;
    this.size = 0;
    this.termStrings = [];
    this.multiTerms = [];
    this.termNumbers.clear();
  }

  /** Adds the terms a token gives to `out`. */
  pushTerms(out: string[], facts: TokenFacts): void {
    const code = termCode(facts);
    if (code === NO_TERMS) return;
    if (code < MULTI_TERMS) out.push(this.termStrings[code - 1]!);
    else for (const number of this.multiTerms[code - MULTI_TERMS]!) out.push(this.termStrings[number]!);
  }

  /** What a token given as a string gives. */
  find(token: string): TokenFacts {
    let hash = 0;
    for (let i = 0; i < token.length; i++) hash = hashStep(hash, token.charCodeAt(i));
    return this.findSpan(token, 0, token.length, hash, false);
  }

  /**
   * What the token `text.slice(start, end)` gives, curly apostrophes read as straight ones when `curly`; `hash` is
   * that token's hash.
   */
  findSpan(text: string, start: number, end: number, hash: number, curly: boolean): TokenFacts {
    const { slots, chars } = this;
    const mask = (slots.length >> 2) - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const record = slot << 2;
      const at = slots[record + 1]! - 1;
      if (at < 0) return this.add(text, start, end, hash, curly, record);
      if (slots[record] !== hash || slots[record + 2] !== length) continue;
      let same = true;
      for (let k = 0; k < length && same; k++) {
        const c = text.charCodeAt(start + k);
        same = chars[at + k] === (curly && c === 0x2019 ? 39 : c);
      }
      if (same) return slots[record + 3]!;
    }
  }

  private add(text: string, start: number, end: number, hash: number, curly: boolean, record: number): TokenFacts {
    const sliced = text.slice(start, end);
    const token = curly ? sliced.replace(CURLY_APOSTROPHE_RE, "'") : sliced;
    const numbers = termsOfToken(token).map((term) => {
      let number = this.termNumbers.get(term);
      if (number === undefined) {
        number = this.termStrings.length;
        this.termNumbers.set(term, number);
        this.termStrings.push(term);
      }
      return number;
    });
    let code = NO_TERMS;
    if (numbers.length === 1) code = numbers[0]! + 1;
    else if (numbers.length > 1) code = MULTI_TERMS + this.multiTerms.push(numbers) - 1;
    const facts = code * 2 + (LETTER_RE.test(token) ? 1 : 0);
    if (this.charsUsed + token.length > this.chars.length) {
      const grown = new Uint16Array(Math.max(this.chars.length * 2, this.charsUsed + token.length));
      grown.set(this.chars);
      this.chars = grown;
    }
    for (let k = 0; k < token.length; k++) this.chars[this.charsUsed + k] = token.charCodeAt(k);
    this.slots[record] = hash;
    this.slots[record + 1] = this.charsUsed + 1;
    this.slots[record + 2] = token.length;
    this.slots[record + 3] = facts;
    this.charsUsed += token.length;
    this.size++;
    // Keep the table at most half full, so probes stay short.
    if (this.size * 2 > this.slots.length >> 2) this.rehash();
    return facts;
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    const mask = (this.slots.length >> 2) - 1;
    for (let record = 0; record < old.length; record += 4) {
      if (old[record + 1] === 0) continue;
      let slot = old[record]! & mask;
      while (this.slots[(slot << 2) + 1] !== 0) slot = (slot + 1) & mask;
      this.slots.set(old.subarray(record, record + 4), slot << 2);
    }
  }
}

const TOKEN_LIMIT = 50_000;
/** Room for the code units of `TOKEN_LIMIT` ordinary words. */
const CHARS_KEPT = 1 << 19;
const TOKENS = new TokenTable();
const LETTER_RE = /\p{L}/u;

function termsOfToken(token: string): string[] {
  if (STOPWORDS.has(token)) return [];
  if (!JOINER_RE.test(token)) return isContentPart(token) ? [porterStem(token)] : [];
  return token
    .split(JOINER_RE)
    .filter(isContentPart)
    .map((part) => porterStem(part));
}

const JOINER_RE = /['’\-‐]/;
const DIGITS_RE = /^\d+$/;

function isContentPart(part: string): boolean {
  return part.length >= 2 && !STOPWORDS.has(part) && !DIGITS_RE.test(part);
}
