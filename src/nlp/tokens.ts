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
  // The scanner below reads UTF-16 code units; a letter outside the BMP (a surrogate pair) needs the regex.
  if (SURROGATE_RE.test(lower)) return tokenizeWithRegex(lower);
  // A scan by character codes: this runs on every sentence of every article at ingest, and a regex's match objects
  // were most of its cost. It matches what WORD_RE matches: word characters, joined by single apostrophes/hyphens.
  const out: string[] = [];
  const n = lower.length;
  let i = 0;
  while (i < n) {
    if (!isWordUnit(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let curly = false;
    for (;;) {
      while (i < n && isWordUnit(lower.charCodeAt(i))) i++;
      const c = lower.charCodeAt(i);
      if (i + 1 < n && (c === 39 || c === 0x2019 || c === 45 || c === 0x2010) && isWordUnit(lower.charCodeAt(i + 1))) {
        if (c === 0x2019) curly = true;
        i += 2;
        continue;
      }
      break;
    }
    pushWord(out, lower.slice(start, i), curly);
  }
  return out;
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
const SURROGATE_RE = /[\uD800-\uDFFF]/;

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
  return contentTermsOf(tokenizeWords(text));
}

/** `contentTerms` for tokens already made by `tokenizeWords` (saves tokenising a text twice). */
export function contentTermsOf(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    if (STOPWORDS.has(token)) continue;
    if (!JOINER_RE.test(token)) {
      if (isContentPart(token)) out.push(porterStem(token));
      continue;
    }
    for (const part of token.split(JOINER_RE)) if (isContentPart(part)) out.push(porterStem(part));
  }
  return out;
}

const JOINER_RE = /['’\-‐]/;
const DIGITS_RE = /^\d+$/;

function isContentPart(part: string): boolean {
  return part.length >= 2 && !STOPWORDS.has(part) && !DIGITS_RE.test(part);
}
