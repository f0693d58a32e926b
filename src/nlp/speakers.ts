/**
 * Who is speaking: noun phrases around reporting verbs, split into role and name, and resolved to the fullest name
 * the text gives (a surname, "Mr X", a pronoun or "the Prime Minister" point back to an earlier mention).
 */

import { rememberLast } from './remember-last.ts';

/** A speaker as resolved from one mention. */
export interface ResolvedSpeaker {
  /** The fullest name the text gives, or null when the mention never resolves to one. */
  speaker: string | null;
  role: string | null;
  kind: EntityKind;
  /** True when the mention was a written source (a report, a memo, a panel's findings) standing for its author. */
  document?: boolean;
}

/** Person, organisation, or not known (a bare capitalised word can be either, or a place). */
export type EntityKind = 'person' | 'org' | 'unknown';

/** A name seen in the text (outside quotes), with the role written next to it. */
export interface NameMention {
  /** Canonical (fullest) name this mention resolves to. */
  name: string;
  start: number;
  end: number;
  kind: EntityKind;
  role: string | null;
  /** Grammatical gender the text gives this person (pronouns after mentions, Mr/Ms, spokeswoman…), if any. */
  gender?: 'm' | 'f';
  /** True when a reporting verb follows the mention ("Kallas said", "Pete Saunders, chief executive …, added"). */
  cued?: boolean;
  /** True when the mention is the first person named in its sentence, not a possessive nor after a preposition. */
  subject?: boolean;
}

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);
const PERSON_PRONOUNS = new Set(['he', 'she']);

/** Words that make a capitalised phrase a title, not part of a name ("Prime Minister", "Judge"). */
const TITLE_WORDS = new Set(
  (
    'prime minister president vice chancellor secretary general chief senator sen rep representative governor gov ' +
    'mayor dr mr mrs ms miss mx professor prof deputy foreign defence defense finance interior justice health home ' +
    'judge district coach captain capt lt lieutenant colonel col sgt sergeant gen admiral officer detective ' +
    'inspector superintendent constable chairman chairwoman chair ceo cfo director commissioner ambassador spokesman ' +
    'spokeswoman spokesperson lord lady sir dame king queen prince princess pope archbishop bishop rev reverend ' +
    'father witness agent attorney lawyer leader speaker mp mep councillor councilman councilwoman congressman ' +
    'congresswoman premier chancellor executive manager founder head editor correspondent analyst economist ' +
    'scientist astronaut passenger panel former acting interim chief assistant associate senior junior state ' +
    'labour labor conservative tory democrat democratic republican liberal opposition shadow sheriff police ' +
    'boss striker midfielder defender goalkeeper manager skipper flanker player star singer actor actress ' +
    'author researcher doctor nurse midwife teacher principal student fan resident mother father wife husband'
  ).split(' '),
);

/** Honorifics dropped from a name ("Mr Cameron" is Cameron). */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir', 'dame', 'lord', 'lady', 'prof']);

/** Name suffixes that are titles, not part of the name ("Eleanor Laws QC"). */
const TITLE_SUFFIXES = new Set(['QC', 'KC', 'MP', 'MEP', 'MD', 'PhD', 'OBE', 'MBE', 'CBE', 'KBE', 'Esq']);

/** Lower-case particles inside names ("Johan Van Overtveldt", "Ursula von der Leyen"). */
const NAME_PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'da',
  'di',
  'du',
  'la',
  'le',
  'al',
  'bin',
  'ibn',
  'dos',
  'das',
  'ter',
  'ten',
  'st',
]);

/** Head words that make a capitalised phrase an organisation. */
const ORG_WORDS = new Set(
  (
    'agency administration association bank board bureau club commission committee company corp corporation ' +
    'council court department fund group inc institute ltd llc plc ministry museum news office organisation ' +
    'organization party police service services society team times union university nations brigade lines ' +
    'airlines airways post journal guardian telegraph mail press church school college hospital trust foundation ' +
    'authority government parliament congress senate army navy network channel fc federation alliance ' +
    'forces force centre center commission institution cabinet kremlin pentagon command guard unit coalition ' +
    'tribunal prosecutors prosecution parliament assembly embassy consulate reuters ap afp bbc cnn nato eu un ' +
    'rovers athletic wanderers hotspur albion'
  ).split(' '),
);

/** Words that look like names but are places, dates or things; a phrase containing one is no person. */
const NOT_PERSON_WORDS = new Set(
  (
    'street road avenue square park island islands river mountain mountains sea ocean county state city republic ' +
    'kingdom airport station bridge cup league championship open games prize award day week january february march ' +
    'april may june july august september october november december monday tuesday wednesday thursday friday ' +
    'saturday sunday north south east west northern southern eastern western central europe america africa asia ' +
    'union states kingdom russia ukraine china britain england scotland wales ireland france germany estonia latvia ' +
    'lithuania poland finland sweden norway greece italy spain london moscow kyiv washington paris berlin brussels ' +
    'christmas easter world war internet google facebook twitter instagram youtube online bay lake valley hill ' +
    'harbour harbor port beach coast forest heights heads cathedral abbey castle palace hall centre center ' +
    'american british english scottish welsh irish french german russian ukrainian chinese japanese indian ' +
    'australian canadian saudi arabian syrian iraqi iranian afghan israeli palestinian egyptian turkish greek ' +
    'italian spanish polish estonian latvian lithuanian finnish swedish norwegian danish dutch belgian swiss ' +
    'austrian argentine argentinian brazilian mexican african european asian muslim christian jewish islamic ' +
    'new yorker united'
  ).split(' '),
);

/** Sentence-initial or function words that start a capitalised run but are no part of a name. */
const LEADING_FUNCTION_WORDS = new Set(
  (
    'the a an but and or so yet however meanwhile still also then when while after before as if in on at of for ' +
    'from to by with without under over this that these those there here his her their its our my your he she it ' +
    'they we i you what who which where why how today yesterday now later earlier last next scroll mr despite ' +
    'although though because unless until since whether during'
  ).split(' '),
);

/** Strips accents and case, so "Kallas" and "kallas" and "Kalláš" compare equal. */
export function foldName(name: string): string {
  const cached = foldCache.get(name);
  if (cached !== undefined) return cached;
  if (foldCache.size > 20000) foldCache.clear();
  const folded = ALREADY_FOLDED_RE.test(name) ? name.trim() : foldUncached(name);
  foldCache.set(name, folded);
  return folded;
}

/** Names repeat within and across articles; folding is the hot spot of name resolution. */
const foldCache = new Map<string, string>();
const ALREADY_FOLDED_RE = /^[a-z ]*$/u;

function foldUncached(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']s$/u, '')
    .trim();
}

function isCapitalised(word: string): boolean {
  return isCapitalisedAt(word, 0);
}

/** Whether the character at `i` is a capital letter. */
function isCapitalisedAt(text: string, i: number): boolean {
  // ASCII answers by code (most words); only letters beyond it need the case mappings.
  const code = text.charCodeAt(i);
  if (code < 128) return code >= 65 && code <= 90;
  const c = text.charAt(i);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

const FULL_STOP = 46;

const ACRONYM_RE = /^[\p{Lu}\d&.]+$/u;
const HAS_UPPER_RE = /\p{Lu}/u;

/** "NASA", "U.S.", "AT&T": capitals, digits, "&" and dots, with at least one capital. */
function isAcronym(word: string): boolean {
  if (word.length < 2) return false;
  // ASCII by code (almost every word fails on its first lower-case letter); other letters need the case tables.
  let upper = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 128) return ACRONYM_RE.test(word) && HAS_UPPER_RE.test(word);
    else if (!((c >= 48 && c <= 57) || c === 38 || c === 46)) return false;
  }
  return upper;
}

const APOSTROPHE = 39;
const RIGHT_SINGLE_QUOTE = 0x2019;
const LOWER_S = 115;

function isApostrophe(code: number): boolean {
  return code === APOSTROPHE || code === RIGHT_SINGLE_QUOTE;
}

/** How many trailing characters are a possessive ending: 2 for "'s" (or "’s"), 1 for a bare "'" or "’", else 0. */
function possessiveLength(word: string): number {
  const n = word.length;
  const last = word.charCodeAt(n - 1);
  if (isApostrophe(last)) return 1;
  return last === LOWER_S && n >= 2 && isApostrophe(word.charCodeAt(n - 2)) ? 2 : 0;
}

/** "Kallas's" → "Kallas", "Jones'" → "Jones". */
function stripPossessive(word: string): string {
  const cut = possessiveLength(word);
  return cut === 0 ? word : word.slice(0, word.length - cut);
}

/** Nationality or place adjectives ("Estonian", "British", "Greek") when they stand before a title. */
function looksLikeAdjective(word: string): boolean {
  return /(?:an|ian|ese|ish|ic|i|ch|ek|ss)$/u.test(word);
}

/** Lower case without a trailing full stop ("Gen." → "gen"): how words are looked up in the word lists. */
function lookupForm(word: string): string {
  return withoutFullStop(word.toLowerCase());
}

function withoutFullStop(word: string): string {
  return word.endsWith('.') ? word.slice(0, -1) : word;
}

/** The word without one trailing full stop or comma ("QC," → "QC"). */
function withoutTrailingStopOrComma(word: string): string {
  return word.endsWith('.') || word.endsWith(',') ? word.slice(0, -1) : word;
}

const ARTICLES = new Set(['the', 'a', 'an']);

/**
 * Splits a noun phrase into its role and its name: "Estonian Prime Minister Kaja Kallas" → role "Estonian Prime
 * Minister", name "Kaja Kallas"; "NASA chief scientist Ellen Stofan" → role "NASA chief scientist".
 */
export function splitRoleAndName(phrase: string): { role: string | null; name: string | null } {
  const words = wordsOfPhrase(phrase);
  const lower = words.map(lowerCase);
  const at = cutRoleFromName(words, lower);
  return {
    role: roleText(words, lower, at),
    name: at.cut + 1 < at.to ? words.slice(at.cut + 1, at.to).join(' ') : null,
  };
}

/**
 * `phrase.trim().split(/\s+/u).filter(Boolean)`. A speaker phrase nearly always has single plain spaces between its
 * words and no other white space; it is then split on the space, and only other phrases by the pattern.
 */
function wordsOfPhrase(phrase: string): string[] {
  const n = phrase.length;
  let plain = n > 0 && phrase.charCodeAt(0) !== SPACE && phrase.charCodeAt(n - 1) !== SPACE;
  for (let i = 0; plain && i < n; i++) {
    const c = phrase.charCodeAt(i);
    if (c === SPACE) plain = phrase.charCodeAt(i + 1) !== SPACE;
    else if (c >= 9 && c <= 13) plain = false;
    else if (c >= 128 && WHITE_SPACE_RE.test(phrase.charAt(i))) plain = false;
  }
  return plain ? phrase.split(' ') : phrase.trim().split(/\s+/u).filter(Boolean);
}

const SPACE = 32;
const WHITE_SPACE_RE = /\s/u;

/** Where a phrase's role ends and its name begins: role `words[from..cut]`, name `words[cut + 1..to - 1]`. */
interface RoleNameCut {
  from: number;
  cut: number;
  to: number;
}

/**
 * {@link splitRoleAndName} on a phrase already cut into words (non-empty, without spaces), with each word in lower
 * case (`lower[i]` is `words[i].toLowerCase()`): the name finder has both at hand, and joining the words only to
 * split them again cost more than the split itself.
 */
function cutRoleFromName(words: readonly string[], lower: readonly string[]): RoleNameCut {
  let from = 0;
  let to = words.length;
  while (from < to && ARTICLES.has(lower[from] as string)) from++;
  while (to > from && TITLE_SUFFIXES.has(withoutTrailingStopOrComma(words[to - 1] as string))) to--;
  let cut = from - 1;
  // A phrase made only of title words and lower-case words ("the Prime Minister") has no name.
  let hasTitle = false;
  let onlyTitlesOrLower = true;
  for (let i = from; i < to; i++) {
    const w = words[i] as string;
    const lw = withoutFullStop(lower[i] as string);
    const capitalised = isCapitalised(w);
    const title = TITLE_WORDS.has(lw);
    if (title) hasTitle = true;
    else if (capitalised) onlyTitlesOrLower = false;
    const next = i + 1 < to ? (words[i + 1] as string) : undefined;
    const isLast = i === to - 1;
    if (next !== undefined && NAME_PARTICLES.has(lw) && isCapitalised(next) && i > cut + 1) continue;
    const roleWord =
      !capitalised ||
      (!isLast && (title || isAcronym(w) || possessiveLength(w) > 0)) ||
      (next !== undefined && TITLE_WORDS.has(lower[i + 1] as string) && looksLikeAdjective(w));
    if (roleWord) cut = i;
  }
  if (hasTitle && onlyTitlesOrLower) cut = to - 1;
  return { from, cut, to };
}

/** The role words of a cut phrase, without honorifics (they belong to neither the name nor a useful role). */
function roleText(words: readonly string[], lower: readonly string[], at: RoleNameCut): string | null {
  const kept: string[] = [];
  for (let i = at.from; i <= at.cut; i++) {
    if (!HONORIFICS.has(withoutFullStop(lower[i] as string))) kept.push(words[i] as string);
  }
  return kept.join(' ') || null;
}

/** Whether a name (already split from its role) reads as an organisation. */
export function kindOfName(name: string): EntityKind {
  let kind = kindCache.get(name);
  if (kind === undefined) {
    if (kindCache.size > 20000) kindCache.clear();
    kind = kindOfNameUncached(name);
    kindCache.set(name, kind);
  }
  return kind;
}

/** The same names are judged at every mention and every quote; the answer depends on the name alone. */
const kindCache = new Map<string, EntityKind>();
const ALL_CAPS_RE = /^[\p{Lu}&]{2,}$/u;
const ROMAN_NUMERAL_RE = /^[IVX]+$/u;

function kindOfNameUncached(name: string): EntityKind {
  const words = name.split(/\s+/u);
  if (words.some((w) => ORG_WORDS.has(foldName(stripPossessive(w))))) return 'org';
  if (words.length === 1 && isAcronym(words[0] ?? '')) return 'org';
  // "Arizona DPS", "Tallinn TV": a name with an acronym in it is an organisation's.
  if (words.length > 1 && words.some((w) => ALL_CAPS_RE.test(w) && !ROMAN_NUMERAL_RE.test(w))) return 'org';
  if (words.some((w) => NOT_PERSON_WORDS.has(foldName(stripPossessive(w))))) return 'unknown';
  if (words.length >= 2 && words.every((w) => isCapitalised(w) || NAME_PARTICLES.has(w.toLowerCase()))) return 'person';
  return 'unknown';
}

/** Finds the capitalised runs of a text outside the given spans: the candidate names, with a title before them. */
export const collectNameMentions: (text: string, skip: readonly { start: number; end: number }[]) => NameMention[] =
  rememberLast(
    collectNameMentionsUncached,
    ([a], [b]) => sameSpans(a, b),
    (mention) => ({ ...mention }),
  );

function sameSpans(
  a: readonly { start: number; end: number }[],
  b: readonly { start: number; end: number }[],
): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as { start: number; end: number };
    const y = b[i] as { start: number; end: number };
    if (x.start !== y.start || x.end !== y.end) return false;
  }
  return true;
}

/**
 * A word of the text as the name finder reads it. Most words are lower-case words the finder only steps over, so
 * their text and lower-case form are cut out of the text only when asked for.
 */
class TextWord {
  #w: string | undefined;
  #lw: string | undefined;
  constructor(
    private readonly source: string,
    readonly start: number,
    readonly end: number,
    readonly capitalised: boolean,
  ) {}
  get w(): string {
    this.#w ??= this.source.slice(this.start, this.end);
    return this.#w;
  }
  /** `w` in lower case. */
  get lw(): string {
    this.#lw ??= lowerCase(this.w);
    return this.#lw;
  }
}

/**
 * `word.toLowerCase()`. The engine converts text with curly quotes in it (stored two bytes a character) slowly, so
 * words already in lower-case ASCII are returned as they are, and the capitalised words (names, mostly, which
 * recur) are remembered.
 */
function lowerCase(word: string): string {
  let i = 0;
  while (i < word.length) {
    const c = word.charCodeAt(i);
    if (c >= 128 || (c >= 65 && c <= 90)) break;
    i++;
  }
  if (i === word.length) return word;
  let lower = lowerCaseCache.get(word);
  if (lower === undefined) {
    if (lowerCaseCache.size > 20000) lowerCaseCache.clear();
    lower = word.toLowerCase();
    lowerCaseCache.set(word, lower);
  }
  return lower;
}

const lowerCaseCache = new Map<string, string>();

/**
 * What a character is to a word: it starts or continues one (a letter or a number), only continues one (a
 * combining mark, an apostrophe, a full stop, a hyphen), or ends it. A word is `[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*`,
 * read by code point as that pattern with the `u` flag reads it; scanning character codes (ASCII from a table,
 * the rest classified once by the pattern's own classes) is several times faster than matching the pattern.
 */
const STARTS_WORD = 1;
const INSIDE_WORD = 2;
const ENDS_WORD = 0;

const ASCII_WORD_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ASCII_WORD_CLASS[c] = /[A-Za-z0-9]/u.test(ch) ? STARTS_WORD : /['.-]/u.test(ch) ? INSIDE_WORD : ENDS_WORD;
}
const LETTER_OR_NUMBER_RE = /^[\p{L}\p{N}]$/u;
const MARK_OR_APOSTROPHE_RE = /^[\p{M}’]$/u;
/** Classes of the characters beyond ASCII met so far (accented letters recur in every article about the region). */
const wideWordClass = new Map<number, number>();

/** The word class of the code point at `i`, which may take two code units. */
function wordClassAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit < 128) return ASCII_WORD_CLASS[unit] as number;
  const cp = text.codePointAt(i) as number;
  let cls = wideWordClass.get(cp);
  if (cls === undefined) {
    const ch = String.fromCodePoint(cp);
    cls = LETTER_OR_NUMBER_RE.test(ch) ? STARTS_WORD : MARK_OR_APOSTROPHE_RE.test(ch) ? INSIDE_WORD : ENDS_WORD;
    wideWordClass.set(cp, cls);
  }
  return cls;
}

/** Code units the code point at `i` takes. */
function unitsAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  return unit >= 0xd800 && unit <= 0xdbff && (text.codePointAt(i) as number) > 0xffff ? 2 : 1;
}

/** A trailing full stop that belongs to the word: after an initial or a known abbreviation. */
const ABBREVIATION_WITH_STOP_RE = /^(?:\p{Lu}|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Prof|Rev)\.$/u;

/** The words of the text outside the skipped spans (quotes), a sentence's full stop cut off. */
function wordsOutside(text: string, skip: readonly { start: number; end: number }[]): TextWord[] {
  const words: TextWord[] = [];
  let skipIndex = 0;
  const n = text.length;
  let i = 0;
  // Most characters are ASCII: their class comes from the table, and they take one code unit.
  while (i < n) {
    const unit = text.charCodeAt(i);
    const cls = unit < 128 ? ASCII_WORD_CLASS[unit] : wordClassAt(text, i);
    if (cls !== STARTS_WORD) {
      i += unit < 0xd800 ? 1 : unitsAt(text, i);
      continue;
    }
    const start = i;
    i += unit < 0xd800 ? 1 : unitsAt(text, i);
    while (i < n) {
      const u = text.charCodeAt(i);
      if ((u < 128 ? ASCII_WORD_CLASS[u] : wordClassAt(text, i)) === ENDS_WORD) break;
      i += u < 0xd800 ? 1 : unitsAt(text, i);
    }
    while (skipIndex < skip.length && (skip[skipIndex] as { end: number }).end <= start) skipIndex++;
    const s = skip[skipIndex];
    if (s && start >= s.start && start < s.end) continue;
    // A trailing full stop belongs to the sentence, except after an initial or a known abbreviation.
    const end =
      text.charCodeAt(i - 1) === FULL_STOP && !ABBREVIATION_WITH_STOP_RE.test(text.slice(start, i)) ? i - 1 : i;
    words.push(new TextWord(text, start, end, isCapitalisedAt(text, start)));
  }
  return words;
}

/** Whether exactly one plain space stands between `from` and `to`. */
function oneSpaceBetween(text: string, from: number, to: number): boolean {
  return to - from === 1 && text.charCodeAt(from) === SPACE;
}

function collectNameMentionsUncached(text: string, skip: readonly { start: number; end: number }[]): NameMention[] {
  const out: NameMention[] = [];
  const words = wordsOutside(text, skip);
  let i = 0;
  while (i < words.length) {
    if (!(words[i] as TextWord).capitalised) {
      i++;
      continue;
    }
    // Grow a run of capitalised words (and particles), contiguous up to single spaces.
    let j = i;
    while (j + 1 < words.length) {
      const cur = words[j] as TextWord;
      const nxt = words[j + 1] as TextWord;
      if (!oneSpaceBetween(text, cur.end, nxt.start) || cur.w.endsWith("'s") || cur.w.endsWith('’s')) break;
      const after = words[j + 2];
      if (
        (nxt.capitalised && !LEADING_FUNCTION_WORDS.has(nxt.lw)) ||
        (NAME_PARTICLES.has(nxt.lw) && after?.capitalised)
      )
        j++;
      else break;
    }
    // Lower-case title words just before the run belong to its role ("chief scientist Ellen Stofan").
    let k = i;
    while (k > 0) {
      const prev = words[k - 1] as TextWord;
      if (!oneSpaceBetween(text, prev.end, (words[k] as TextWord).start)) break;
      if ((!prev.capitalised && TITLE_WORDS.has(prev.lw)) || isAcronym(prev.w)) k--;
      else break;
    }
    let startIdx = k;
    while (startIdx <= j && LEADING_FUNCTION_WORDS.has((words[startIdx] as TextWord).lw)) startIdx++;
    if (startIdx <= j) {
      const startWord = words[startIdx] as TextWord;
      const endWord = words[j] as TextWord;
      const runWords: string[] = [];
      const runLower: string[] = [];
      for (let r = startIdx; r <= j; r++) {
        runWords.push((words[r] as TextWord).w);
        runLower.push((words[r] as TextWord).lw);
      }
      const at = cutRoleFromName(runWords, runLower);
      if (at.cut + 1 < at.to) {
        // The run's words stand one space apart, so its name is the text from the name's first word to its last.
        const name = text.slice(
          (words[startIdx + at.cut + 1] as TextWord).start,
          (words[startIdx + at.to - 1] as TextWord).end,
        );
        const nameStart = endWord.end - name.length >= startWord.start ? text.lastIndexOf(name, endWord.end) : -1;
        const bare = stripPossessive(name);
        out.push({
          name: bare,
          start: nameStart >= 0 ? nameStart : startWord.start,
          end: endWord.end,
          kind: kindOfName(bare),
          role: roleText(runWords, runLower, at),
        });
      }
    }
    i = j + 1;
  }
  const canonical = canonicalise(out);
  markSpokenFor(text, canonical);
  inferGenders(text, canonical);
  markSubjects(text, canonical);
  return canonical;
}

/** An organisation has spokespeople: "a spokesperson for Merivale" makes Merivale an organisation throughout. */
function markSpokenFor(text: string, mentions: NameMention[]): void {
  const orgs = new Set<string>();
  for (const m of mentions) {
    if (
      m.kind === 'unknown' &&
      /spokes(?:man|woman|person)\s+(?:for|at)\s+(?:the\s+)?$/iu.test(text.slice(Math.max(0, m.start - 30), m.start))
    )
      orgs.add(m.name);
  }
  if (orgs.size > 0) for (const m of mentions) if (orgs.has(m.name)) m.kind = 'org';
}

const SENTENCE_BREAK_RE = /[.!?]['’"”]?\s+(?=['‘"“]?\p{Lu})|\n+/gu;
const PICTURED_RE = /\bpictured\b/u;
/** The word before a name, with only non-word characters after it. */
const WORD_BEFORE_RE = /([\p{L}]+)\W*$/u;

/** `\w`: a character `\b` counts as part of a word (ASCII only, also with the `u` flag). */
function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}
const PREPOSITIONS = new Set(
  'to for with by of from at in on about against than as into onto over under between among behind like after before toward towards'.split(
    ' ',
  ),
);

/**
 * Marks the mentions a later "he" or "she" most likely continues: the first person named in a sentence, unless
 * the name is a possessive ("Mr Cameron's campaign") or the object of a preposition ("agrees with Putnam"), and
 * not in a photo caption.
 */
function markSubjects(text: string, mentions: NameMention[]): void {
  const breaks: number[] = [];
  for (const m of text.matchAll(SENTENCE_BREAK_RE)) breaks.push((m.index ?? 0) + m[0].length);
  let b = 0;
  let sentenceStart = 0;
  let taken = -1;
  let captionChecked = -1;
  let caption = false;
  for (const m of mentions) {
    while (b < breaks.length && (breaks[b] ?? 0) <= m.start) sentenceStart = breaks[b++] ?? 0;
    if (m.kind !== 'person' || m.start < 0 || taken === sentenceStart) continue;
    // Photo captions ("Rojo's wife, Eugenia Lusardo (pictured) is a lingerie model") interrupt the story; the
    // people in them are not whom the next "she" continues.
    if (captionChecked !== sentenceStart) {
      captionChecked = sentenceStart;
      caption = PICTURED_RE.test(text.slice(sentenceStart, breaks[b] ?? text.length));
    }
    if (caption) continue;
    // A possessive: an apostrophe and a word character right after the name ("’s"), or the name's last word
    // ending in an apostrophe or "'s" ("Jones'", "Kallas's").
    const possessive =
      (isApostrophe(text.charCodeAt(m.end)) && isAsciiWordChar(text.charCodeAt(m.end + 1))) ||
      possessiveLength(text.slice(m.start, m.end)) > 0;
    if (possessive) continue;
    const before = WORD_BEFORE_RE.exec(text.slice(Math.max(sentenceStart, m.start - 20), m.start));
    if (before?.[1] !== undefined && PREPOSITIONS.has(before[1])) continue;
    m.subject = true;
    taken = sentenceStart;
  }
}

/**
 * Common English-language first names by the gender they are usually given to: a name fact that outweighs a
 * stray pronoun after a mention ("Rojo invited her …, but she declined" says nothing about Rojo).
 */
const MALE_FIRST_NAMES = new Set(
  (
    'aaron adam adrian alan albert alex alexander alfred andrew andy anthony antonio arthur barack barry ben benjamin ' +
    'bernard bill billy bob bobby boris brad bradley brandon brendan brian bruce bryan carl carlos charles charlie ' +
    'chris christopher colin craig dale dan daniel danny darren dave david dean dennis derek dominic donald doug ' +
    'douglas duncan dylan ed eddie edward eric ethan eugene evan frank fred frederick gareth gary gavin geoff ' +
    'geoffrey george gerald gordon graham grant greg gregory harold harry henry howard hugh ian isaac jack jacob ' +
    'jake james jamie jason jeff jeffrey jeremy jerry jim jimmy joe joel john johnny jon jonathan jordan jose joseph ' +
    'josh joshua juan justin keith ken kenneth kevin kyle lance larry lee leo leon lewis liam luis luke marc marco ' +
    'marcus mark martin matt matthew michael mike mitchell nathan neil nicholas nick nigel noah oliver oscar owen ' +
    'patrick paul pete peter phil philip phillip ralph ray raymond richard rick rob robert robin rodney roger ron ' +
    'ronald ross roy russell ryan sam samuel scott sean sergei seth shane simon stanley stephen steve steven stuart ' +
    'ted terry thomas tim timothy tom tommy tony travis trevor tyler vincent vladimir walter wayne william willie ' +
    'vladimir dmitry mikhail ivan igor alexei andrei viktor volodymyr petro gabrielius edgars andris juri jaan'
  ).split(' '),
);
const FEMALE_FIRST_NAMES = new Set(
  (
    'abigail alice alison amanda amber amy andrea angela angelina ann anna anne annie barbara beatrice betty beverly ' +
    'brenda bridget brittany carol caroline carolyn catherine charlotte cheryl chloe christina christine claire ' +
    'clare cynthia daisy dana danielle deborah debbie denise diana diane donna doris dorothy eleanor elizabeth ellen ' +
    'emily emma erica erin eugenia eva evelyn fiona frances gemma georgia gillian gloria grace hannah harriet ' +
    'heather helen hillary holly irene isabel jackie jacqueline jane janet janice jean jennifer jessica jill ' +
    'jillian joan joanna josephine joy joyce judith judy julia julie karen kate katherine kathleen kathryn kathy ' +
    'katie katrine kay kelly kim kimberly kirsty laura lauren linda lisa lorraine louise lucy lynn madeleine ' +
    'margaret maria marie marilyn martha mary megan melanie melissa michelle miriam molly monica nancy naomi natalie ' +
    'nicola nicole olivia pamela patricia paula pauline penny rachel rebecca rose ruth sally samantha sandra sara ' +
    'sarah sharon shirley sophie stephanie sue susan suzanne tanya teresa theresa tina tracy valerie vanessa ' +
    'victoria virginia wendy yvonne zoe angela ursula kaja kersti ingrida ieva liis mara'
  ).split(' '),
);

/** The gender a person's first name usually has, if the name is a common one. */
export function firstNameGender(name: string): 'm' | 'f' | undefined {
  const first = foldName(name.split(/\s+/u)[0] ?? '');
  if (MALE_FIRST_NAMES.has(first)) return 'm';
  if (FEMALE_FIRST_NAMES.has(first)) return 'f';
  return undefined;
}

const MALE_CUES = new Set(
  'mr sir lord he him his himself spokesman husband father son brother boy man king prince actor chairman businessman congressman'.split(
    ' ',
  ),
);
const FEMALE_CUES = new Set(
  'mrs ms miss dame lady she her hers herself spokeswoman wife mother daughter sister girl woman queen princess actress chairwoman businesswoman congresswoman'.split(
    ' ',
  ),
);

/** How strongly a word leans male (positive) or female (negative). */
function cueVote(word: string): number {
  return (MALE_CUES.has(word) ? 1 : 0) - (FEMALE_CUES.has(word) ? 1 : 0);
}

/**
 * Gives each person the gender the text implies: honorifics and role words at a mention, and the first
 * third-person pronoun after a mention (before the next person is named). Pronoun resolution uses it.
 */
function inferGenders(text: string, mentions: NameMention[]): void {
  const votes = new Map<string, number>();
  const persons = mentions.filter((m) => m.kind === 'person');
  const asIs = lowerCasesLikeAscii(text);
  for (let i = 0; i < persons.length; i++) {
    const m = persons[i] as NameMention;
    let v = 2 * cueVote(lastLowerWord(text, Math.max(0, m.start - 30), m.start, asIs));
    if (m.role) for (const w of m.role.toLowerCase().split(/\s+/u)) v += cueVote(w);
    const nextStart = persons[i + 1]?.start ?? text.length;
    const pronoun = firstHeOrShe(text, m.end, Math.min(nextStart, m.end + 160), asIs);
    if (pronoun) v += pronoun === 'he' ? 1 : -1;
    votes.set(m.name, (votes.get(m.name) ?? 0) + v);
  }
  // The first name of the canonical name weighs more than all the context cues of one mention.
  for (const name of new Set(persons.map((m) => m.name))) {
    const g = firstNameGender(name);
    if (g) votes.set(name, (votes.get(name) ?? 0) + (g === 'm' ? 4 : -4));
  }
  for (const m of mentions) {
    const v = votes.get(m.name) ?? 0;
    if (v > 0) m.gender = 'm';
    else if (v < 0) m.gender = 'f';
  }
}

// The two readers below look for a–z words and word boundaries in lower-cased text. Lower-casing maps A–Z to a–z
// and every other character to characters beyond ASCII, except two: "İ" (to "i̇") and the Kelvin sign (to "k").
// (Checked over every code point: `String.fromCodePoint(c).toLowerCase()` holds ASCII for c ≥ 128 only for U+0130
// and U+212A.) So in a text without those two, a–z words and word boundaries are the same before and after
// lower-casing, case aside: `asIs` texts are read as they stand instead of being copied to lower case each time.

/** Characters beyond ASCII whose lower case holds an ASCII letter. */
const LOWERS_TO_ASCII_RE = /[\u0130\u212A]/u;

/** Whether lower-casing the text changes its a–z words only in case (see above). */
function lowerCasesLikeAscii(text: string): boolean {
  return !LOWERS_TO_ASCII_RE.test(text);
}

/** The last run of a–z letters in `text.slice(from, to).toLowerCase()`, or "". */
function lastLowerWord(text: string, from: number, to: number, asIs: boolean): string {
  if (!asIs) {
    const words =
      text
        .slice(from, to)
        .toLowerCase()
        .match(/[a-z]+/gu) ?? [];
    return words[words.length - 1] ?? '';
  }
  let end = to;
  while (end > from && !isAsciiLetter(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > from && isAsciiLetter(text.charCodeAt(start - 1))) start--;
  return lowerCase(text.slice(start, end));
}

const HE_OR_SHE_RE = /\b(he|she)\b/u;
const HE_OR_SHE_ANY_CASE_RE = /\b([Hh][Ee]|[Ss][Hh][Ee])\b/u;

/** The first "he" or "she" standing as a word in `text.slice(from, to).toLowerCase()`. */
function firstHeOrShe(text: string, from: number, to: number, asIs: boolean): string | undefined {
  if (!asIs) return HE_OR_SHE_RE.exec(text.slice(from, to).toLowerCase())?.[1];
  return HE_OR_SHE_ANY_CASE_RE.exec(text.slice(from, to))?.[1]?.toLowerCase();
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Points each short mention ("Kallas", "Mr Cameron", "Daniel") at the fullest earlier (or later) name it matches. */
function canonicalise(mentions: NameMention[]): NameMention[] {
  const fullNames: NameMention[] = mentions.filter((m) => m.kind === 'person' && m.name.includes(' '));
  // Which full names a name matches depends only on the name and on what the full names are called now; a name
  // recurs at every mention, so the matches are worked out once per name, and again only after a full name is
  // renamed (rare: "Joshua Burns" turning out to be "Joshua Quincy Burns").
  const matchesOf = new Map<string, NameMention[]>();
  let nextFull = 0;
  const roleOf = new Map<string, string>();
  for (const m of mentions) {
    const isFull = fullNames[nextFull] === m;
    if (isFull) nextFull++;
    let matching = matchesOf.get(m.name);
    if (!matching) {
      matching = fullNamesMatching(m.name, fullNames);
      matchesOf.set(m.name, matching);
    }
    const full = pickFullName(matching, m.start);
    if (full) {
      if (isFull && m.name !== full.name) matchesOf.clear();
      m.name = full.name;
      m.kind = full.kind;
    }
    if (m.role && !roleOf.has(m.name)) roleOf.set(m.name, m.role);
  }
  for (const m of mentions) if (!m.role) m.role = roleOf.get(m.name) ?? null;
  return mentions;
}

/**
 * The fullest person name that a short name refers to: a name whose last (or first) word is the short name, or
 * which ends with it; the nearest one before `at` wins, else the first after it.
 */
export function findFullName(short: string, fullNames: readonly NameMention[], at: number): NameMention | undefined {
  return pickFullName(fullNamesMatching(short, fullNames), at);
}

/** The full names (in text order) that a short name may stand for. */
function fullNamesMatching(short: string, fullNames: readonly NameMention[]): NameMention[] {
  const wanted = shortNameOf(short);
  const matching: NameMention[] = [];
  if (wanted) for (const full of fullNames) if (matchesFullName(wanted, full.name)) matching.push(full);
  return matching;
}

/** Of the full names a short name matches, the one it refers to at `at` (see {@link findFullName}). */
function pickFullName(matching: readonly NameMention[], at: number): NameMention | undefined {
  let best: NameMention | undefined;
  for (const full of matching) {
    if (full.start <= at) {
      if (!best || best.start > at || full.start >= best.start || full.name.length > best.name.length) best = full;
    } else if (!best) best = full;
  }
  // Prefer the longest of the matching names ("Kenneth Morgan Stancil III" over "Kenneth Stancil").
  if (best) {
    for (const full of matching) {
      if (full.name.length <= best.name.length) continue;
      if (containsAll(foldedWords(full.name), foldedWords(best.name))) best = full;
    }
  }
  return best;
}

/** A short name as {@link findFullName} compares it: its folded words without honorifics. */
interface ShortName {
  /** How many words it has. */
  count: number;
  key: string;
  /** `" " + key` and `key + " "`, for the word-boundary tests. */
  spacedBefore: string;
  spacedAfter: string;
  /** The key's two words when the short name has two ("Joshua Burns"). */
  twoWords: [string, string] | null;
}

/** Short names recur at every mention and quote; what they compare by depends on the name alone. */
const shortNameCache = new Map<string, ShortName | null>();

function shortNameOf(short: string): ShortName | null {
  let wanted = shortNameCache.get(short);
  if (wanted === undefined) {
    if (shortNameCache.size > 20000) shortNameCache.clear();
    const words = short.split(/\s+/u).filter((w) => !HONORIFICS.has(lookupForm(w)));
    if (words.length === 0) wanted = null;
    else {
      const key = foldName(words.join(' '));
      wanted = {
        count: words.length,
        key,
        spacedBefore: ` ${key}`,
        spacedAfter: `${key} `,
        twoWords: words.length === 2 ? (key.split(' ') as [string, string]) : null,
      };
    }
    shortNameCache.set(short, wanted);
  }
  return wanted;
}

/** Whether a full name is a fuller form of the short name (see {@link findFullName}). */
function matchesFullName(wanted: ShortName, fullName: string): boolean {
  const f = foldName(fullName);
  const key = wanted.key;
  if (f === key) return true;
  if (f.length <= key.length) return false;
  if (!f.includes(key)) {
    // "Joshua Burns" is "Joshua Quincy Burns": same first and last name, a middle name left out.
    const two = wanted.twoWords;
    if (!two || !f.startsWith(two[0]) || !f.endsWith(two[1])) return false;
    const fw = foldedWords(fullName);
    return fw.length > 2 && fw[0] === two[0] && fw[fw.length - 1] === two[1];
  }
  const fw = foldedWords(fullName);
  if (wanted.count === 1) return fw[fw.length - 1] === key || fw[0] === key || (fw.length > 2 && fw.includes(key));
  return f.endsWith(wanted.spacedBefore) || f.startsWith(wanted.spacedAfter);
}

function containsAll(haystack: readonly string[], needles: readonly string[]): boolean {
  for (const w of needles) if (!haystack.includes(w)) return false;
  return true;
}

const wordsCache = new Map<string, string[]>();

function foldedWords(name: string): string[] {
  let words = wordsCache.get(name);
  if (!words) {
    if (wordsCache.size > 20000) wordsCache.clear();
    words = foldName(name).split(' ');
    wordsCache.set(name, words);
  }
  return words;
}

const fullNamesCache = new WeakMap<readonly NameMention[], NameMention[]>();

/** The mentions that spell out a person's full name (computed once per mention list). */
function fullNamesOf(mentions: readonly NameMention[]): NameMention[] {
  let full = fullNamesCache.get(mentions);
  if (!full) {
    full = mentions.filter((m) => m.kind === 'person' && m.name.includes(' '));
    fullNamesCache.set(mentions, full);
  }
  return full;
}

const ORG_SUFFIX_RE =
  /^(?:(?:FC|AFC|Football Club|Ltd|Limited|Inc|Plc|PLC|plc|LLC|Group|Corp|Corporation|Company|Co|Holdings)\.?)$/u;

let orgNameCache: { text: string; names: Map<string, string | undefined> } = { text: '', names: new Map() };

/**
 * "Dundee" → "Dundee Football Club", "ParkingEye" → "ParkingEye Ltd": the name an organisation goes by in full,
 * wherever the text spells it out (a statement quoted in full often names its own club or company).
 */
function orgFullName(short: string, ctx: ResolutionContext): { name: string; kind: EntityKind } | undefined {
  if (!ctx.text || !/^\p{Lu}/u.test(short) || /\s/u.test(short) || kindOfName(short) === 'person') return undefined;
  if (orgNameCache.text !== ctx.text) orgNameCache = { text: ctx.text, names: new Map() };
  if (orgNameCache.names.has(short)) {
    const cached = orgNameCache.names.get(short);
    return cached ? { name: cached, kind: 'org' } : undefined;
  }
  // Cheap test first: most names are never followed by a company suffix.
  if (!ctx.text.includes(`${short} `)) return undefined;
  let best: string | undefined;
  const re = new RegExp(`\\b${short.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')} ((?:[A-Z][A-Za-z]*\\.? ?){1,2})`, 'gu');
  for (const m of ctx.text.matchAll(re)) {
    const suffix = (m[1] ?? '').trim();
    if (!ORG_SUFFIX_RE.test(suffix)) continue;
    const name = `${short} ${suffix.replace(/\.$/u, '')}`;
    if (!best || name.length > best.length) best = name;
  }
  orgNameCache.names.set(short, best);
  return best ? { name: best, kind: 'org' } : undefined;
}

/** Context a speaker phrase is resolved in: names seen so far, and the speaker of the previous quote. */
export interface ResolutionContext {
  mentions: readonly NameMention[];
  /** Where the phrase stands in the text. */
  at: number;
  previous: {
    speaker: string | null;
    role: string | null;
    kind: EntityKind;
    at: number;
    /** True when the previous speaker was a written source (a report, a memo), which "it" continues. */
    document?: boolean;
  } | null;
  /** The text itself, for phrases no name mention covers ("the Greek finance ministry", "a report by …"). */
  text?: string;
}

const ROLE_ALIASES: Record<string, string> = { pm: 'prime minister', fm: 'foreign minister' };

/**
 * Resolves a speaker phrase ("he", "Kallas", "the agency", "a spokesman for Terminix", "Estonian Prime Minister
 * Kaja Kallas") to the fullest name in the text, with a role.
 */
export function resolveSpeakerPhrase(phrase: string, ctx: ResolutionContext): ResolvedSpeaker {
  const clean = phrase.trim().replace(/[,.;:]+$/u, '');
  const lower = clean.toLowerCase();
  if (PRONOUNS.has(lower)) return resolvePronoun(lower, ctx);

  // "judges", "appeal court judges", "the court": judges speak for their court.
  const court = COURT_PHRASE_RE.exec(clean);
  if (court && ctx.text) {
    const name = findCourt(ctx.text, ctx.at, court[1] ?? '');
    if (name) return { speaker: name, role: null, kind: 'org' };
  }
  // "one of the group", "another midwife present at the birth": someone the article does not name.
  if (/^(?:one|some|many|several|each|none|most|two|three|four|members)\s+of\s+/iu.test(clean))
    return { speaker: null, role: null, kind: 'unknown' };
  // A report, memo or panel speaks for whoever wrote it: "a report by the United Nations", "his report".
  const doc = DOCUMENT_PHRASE_RE.exec(clean);
  if (doc) {
    const byName = new RegExp(String.raw`\bby\s+(?:the\s+)?${AUTHOR_NAME}`, 'u').exec(doc[2] ?? '');
    const author = byName?.[1]
      ? resolveAuthor(byName[1], ctx)
      : ctx.text
        ? documentAuthor(ctx.text, ctx.at, ctx)
        : null;
    if (author) return { ...author, document: true };
  }

  // A spokesperson "for X" (or "X spokesman") speaks for organisation X.
  const forOrg =
    /\b(?:spokes(?:man|woman|person)|representative|statement|source|lawyer|attorney)s?\s+(?:for|from|of|at)\s+(?:the\s+)?((?:\p{Lu}[\p{L}\p{N}'’&.-]*)(?:\s+(?:of\s+|and\s+|for\s+)?\p{Lu}[\p{L}\p{N}'’&.-]*)*)/u.exec(
      clean,
    );
  if (forOrg?.[1]) return { speaker: expandAcronym(stripPossessive(forOrg[1]), ctx), role: null, kind: 'org' };
  const orgSpokes =
    /^(?:[Aa]n?\s+|[Tt]he\s+)?((?:\p{Lu}[\p{L}\p{N}'’&.-]+\s+)+)(?:spokes(?:man|woman|person)|officials?|sources?|staff|bosses|chiefs|representatives?|statement)$/u.exec(
      clean,
    );
  if (orgSpokes?.[1])
    return { speaker: expandAcronym(stripPossessive(orgSpokes[1].trim()), ctx), role: null, kind: 'org' };
  // "Tower Hamlets council", "Richmond police": a place and an institution, named together.
  const placeOrg =
    /^(?:[Tt]he\s+)?((?:\p{Lu}[\p{L}'’&.-]*\s+)+(?:\p{Ll}+\s+){0,2}(?:council|police|government|ministry|department|authorities|prosecutors|court))$/u.exec(
      clean,
    );
  if (placeOrg?.[1]) return { speaker: placeOrg[1], role: null, kind: 'org' };
  // A written source ("a statement", "the memo") speaks for the organisation the article is about.
  if (
    /^(?:an?|the|its|their)\s+(?:\p{Ll}+\s+)?(?:statement|report|document|memo|release|news release|letter|update|press release|filing|notice)$/u.test(
      clean,
    )
  ) {
    const org = salientOrg(ctx);
    if (org) return { speaker: org.name, role: null, kind: 'org' };
  }

  // "Motoring groups", "officials": a bare plural names nobody in particular.
  if (BARE_PLURAL_RE.test(clean)) return { speaker: null, role: null, kind: 'unknown' };
  // An indefinite phrase ("a senior official", "one witness") names nobody.
  if (
    /^(?:a|an|one|another|some|several|two|three|many)\b/iu.test(clean) &&
    !/\p{Lu}\p{Ll}+\s+\p{Lu}/u.test(clean.replace(/^\p{Lu}/u, ''))
  ) {
    return { speaker: null, role: null, kind: 'unknown' };
  }

  const { role, name } = splitRoleAndName(clean);
  if (name) {
    const bare = stripPossessive(name);
    const full = findFullName(bare, fullNamesOf(ctx.mentions), ctx.at) ?? orgFullName(bare, ctx);
    const canonical = full?.name ?? bare;
    const known = ctx.mentions.find((m) => m.name === canonical && m.role);
    const kind = full?.kind ?? kindOfName(bare);
    return {
      speaker: kind === 'org' ? expandAcronym(canonical, ctx) : canonical,
      role: role ?? known?.role ?? null,
      kind,
    };
  }
  if (role && /^(?:the|this|that)\b/iu.test(clean)) return resolveDefinite(role, ctx);
  return { speaker: null, role, kind: 'unknown' };
}

function resolvePronoun(pronoun: string, ctx: ResolutionContext): ResolvedSpeaker {
  const wantPerson = PERSON_PRONOUNS.has(pronoun) || pronoun === 'i';
  const wantOrg = pronoun === 'it' || pronoun === 'they' || pronoun === 'we';
  const prev = ctx.previous;
  // A document, panel or organisation just quoted goes on speaking as "it" or "they".
  if (wantOrg && prev?.speaker && (prev.kind === 'org' || prev.document))
    return { speaker: prev.speaker, role: prev.role, kind: prev.kind };
  const wantGender = pronoun === 'he' ? 'm' : pronoun === 'she' ? 'f' : undefined;
  const genderOf = new Map<string, 'm' | 'f'>();
  for (const m of ctx.mentions) if (m.gender) genderOf.set(m.name, m.gender);
  let latest: NameMention | undefined;
  let latestSalient: NameMention | undefined;
  for (const m of ctx.mentions) {
    if (m.start >= ctx.at) break;
    if (wantPerson && m.kind === 'person' && fitsGender(m.name, wantGender, genderOf)) {
      latest = m;
      if (m.subject || m.cued) latestSalient = m;
    }
    if (wantOrg && m.kind === 'org') latest = m;
  }
  // A pronoun at a quote points to the last person reported as speaking or standing as a subject, not to the
  // last person named ("… said it was not right for Janner to stay. 'If …,' he said").
  // A person named earlier in the pronoun's own sentence is the likeliest ("a speech by Churchill, when he said"),
  // unless only the object of another preposition ("promoter for Manny Pacquiao and he said").
  const sameSentence =
    latest &&
    ctx.text &&
    latest.end > sentenceStartBefore(ctx.text, ctx.at) &&
    ctx.at - latest.end < 80 &&
    !/["“”'‘’]/u.test(ctx.text.slice(latest.end, ctx.at)) &&
    !/\b(?:for|to|with|of|from|against|about|than|like)\s+$/u.test(
      ctx.text.slice(Math.max(0, latest.start - 12), latest.start),
    );
  if (latestSalient && !sameSentence) latest = latestSalient;
  if (wantOrg && !(prev?.kind === 'org')) latest = salientOrg(ctx) ?? latest;
  const prevFits =
    prev?.speaker &&
    (wantPerson ? prev.kind !== 'org' : prev.kind === 'org') &&
    fitsGender(prev.speaker, wantGender, genderOf);
  if (prev && prevFits && (!latest || prev.at >= latest.start))
    return { speaker: prev.speaker, role: prev.role, kind: prev.kind };
  if (latest) return { speaker: latest.name, role: latest.role, kind: latest.kind };
  if (prev && prevFits) return { speaker: prev.speaker, role: prev.role, kind: prev.kind };
  return { speaker: null, role: null, kind: wantPerson ? 'person' : 'unknown' };
}

/** Whether a name may be the wanted gender's (names of no known gender fit either). */
function fitsGender(
  name: string | null,
  wanted: 'm' | 'f' | undefined,
  genderOf: ReadonlyMap<string, 'm' | 'f'>,
): boolean {
  return !wanted || !name || (genderOf.get(name) ?? wanted) === wanted;
}

/** Where the sentence holding `at` starts (a rough cut: a full stop before a capital, or a line break). */
function sentenceStartBefore(text: string, at: number): number {
  for (let j = at - 1; j > 0; j--) {
    const c = text.charAt(j);
    if (c === '\n') return j + 1;
    if ((c === '.' || c === '!' || c === '?') && /^['’"”]?\s+['‘"“]?\p{Lu}/u.test(text.slice(j + 1, j + 5)))
      return j + 1;
  }
  return 0;
}

/** A plural of people with at most a sentence-initial capital before it ("Motoring groups", "Angry residents"). */
const BARE_PLURAL_RE =
  /^(?:\p{Lu}\p{Ll}+\s+)?(?:\p{Ll}+\s+)?(?:groups|officials|experts|critics|campaigners|residents|witnesses|investigators|researchers|scientists|doctors|analysts|officers|sources|lawyers|activists|protesters|protestors|neighbours|neighbors|relatives|parents|locals|fans|teachers|workers|diplomats|observers|troops|soldiers|organisers|organizers|medics|economists|insiders)$/u;

/** Nouns for written or collective sources that speak for their author. */
const DOCUMENT_NOUNS =
  'report|reports|research|study|review|inquiry|investigation|document|memo|memorandum|letter|paper|panel|analysis|survey|dossier|manifesto|probe|audit|assessment|briefing|findings';
const DOCUMENT_HEADS = anyCase(DOCUMENT_NOUNS);
const DOCUMENT_PHRASE_RE = new RegExp(
  `^(?:${anyCase('an?|the|this|that|its|his|her|their')})\\s+(?:[\\p{Ll}-]+\\s+){0,3}?(${DOCUMENT_HEADS})\\b(.*)$`,
  'u',
);

/** "report|memo" → "[Rr]eport|[Mm]emo": case-insensitive first letters, while \p{Lu} elsewhere stays strict. */
function anyCase(alternatives: string): string {
  return alternatives
    .split('|')
    .map((w) => `[${w.charAt(0)}${w.charAt(0).toUpperCase()}]${w.slice(1)}`)
    .join('|');
}
const NAME_WORD = String.raw`\p{Lu}(?:\.|[\p{L}'’-]*)`;
/** Capitalised words that start a new sentence (captions often lack the full stop) rather than continue a name. */
const SENTENCE_OPENER = String.raw`(?!(?:The|A|An|In|On|At|But|And|It|He|She|They|We|This|That|These|Those|According|After|When|While|However|Meanwhile|Scroll)\b)`;
const AUTHOR_NAME = `(${NAME_WORD}(?: (?:of |and |for |on )?${SENTENCE_OPENER}${NAME_WORD})*)`;
/** "a report by X", "the inquiry …, led by X", "the document – prepared by X" (not "edited by": an editor is no author). */
const AUTHORED_BY_RE = new RegExp(
  String.raw`\b(?:${DOCUMENT_HEADS})\b(?:\s+by|[^.!?\n]{0,70}?[\s,–—-](?:prepared|written|compiled|commissioned|produced|published|led|headed|conducted|carried out|drawn up|issued|released|authored|chaired)\s+by)\s+(?:the\s+)?${AUTHOR_NAME}`,
  'gu',
);
/** "Peter Clarke's report", "the Kirkup report", "the UN panel". */
const NAMED_DOCUMENT_RE = new RegExp(
  String.raw`(?:\b(?:the|a|an) ((?:${NAME_WORD} )+)|${AUTHOR_NAME}['’]s? (?:[\p{Ll}-]+ )?)(?:${DOCUMENT_NOUNS})\b(?! \p{Lu})`,
  'gu',
);

let documentCache: { text: string; links: { at: number; name: string }[] } | null = null;

/** Where the text says who wrote a document: each link's position and the author as written. */
function documentLinks(text: string): { at: number; name: string }[] {
  if (documentCache?.text === text) return documentCache.links;
  const links: { at: number; name: string }[] = [];
  for (const m of text.matchAll(AUTHORED_BY_RE)) if (m[1]) links.push({ at: m.index ?? 0, name: m[1] });
  for (const m of text.matchAll(NAMED_DOCUMENT_RE)) {
    const name = (m[1] ?? m[2] ?? '').trim();
    if (name && !MEDIA.test(name) && !LEADING_FUNCTION_WORDS.has(name.toLowerCase()))
      links.push({ at: m.index ?? 0, name });
  }
  links.sort((a, b) => a.at - b.at);
  documentCache = { text, links };
  return links;
}

/** The author of the document last linked to one before `at` (else the first one linked after it). */
function documentAuthor(text: string, at: number, ctx: ResolutionContext): ResolvedSpeaker | null {
  const links = documentLinks(text);
  let chosen: { at: number; name: string } | undefined;
  for (const l of links) {
    if (l.at < at) chosen = l;
    else if (!chosen) {
      chosen = l;
      break;
    }
  }
  return chosen ? resolveAuthor(chosen.name, ctx) : null;
}

/** An author as written ("Ms Ratcliffe", "UN", "the Congressional Research Service"), resolved to its fullest name. */
function resolveAuthor(written: string, ctx: ResolutionContext): ResolvedSpeaker {
  // An organisation's name keeps its adjectives ("Estonian Foreign Intelligence Service").
  if (kindOfName(written) === 'org') return { speaker: expandAcronym(written, ctx), role: null, kind: 'org' };
  const { name } = splitRoleAndName(written);
  const bare = stripPossessive(name ?? written);
  const full = findFullName(bare, fullNamesOf(ctx.mentions), ctx.at);
  if (full) return { speaker: full.name, role: full.role, kind: full.kind };
  const kind = kindOfName(bare);
  return {
    speaker: kind === 'person' ? bare : expandAcronym(bare, ctx),
    role: null,
    kind: kind === 'person' ? 'person' : 'org',
  };
}

/** Judges in the plural, justices, or the court itself, optionally with the court's kind ("appeal court judges"). */
const COURT_PHRASE_RE =
  /^(?:the\s+|three\s+|two\s+|five\s+|several\s+)?((?:[\p{Ll}-]+\s+){0,2})(?:judges|justices|court)$/iu;
const COURT_NAME_RE = /\b((?:\p{Lu}[\p{L}'’.-]* )*Court(?: of \p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*)?)?)/gu;

let courtsCache: { text: string; found: { at: number; name: string }[]; names: string[] } | null = null;

/** The courts a text names, where, and by which name (read once per text: every "the court" asks). */
function courtsNamedIn(text: string): { found: { at: number; name: string }[]; names: string[] } {
  if (courtsCache?.text === text) return courtsCache;
  const found: { at: number; name: string }[] = [];
  for (const m of text.matchAll(COURT_NAME_RE)) {
    const name = (m[1] ?? '').replace(/^(?:The|A|An|In|At|On|By|But)\s+/u, '');
    if (/\s/u.test(name)) found.push({ at: m.index ?? 0, name });
  }
  // A caption without its full stop runs on into the name ("Court of Appeal Millions"): the shorter form wins.
  const names = found.map((f) => found.find((g) => f.name.startsWith(`${g.name} `))?.name ?? f.name);
  courtsCache = { text, found, names };
  return courtsCache;
}

/**
 * The court the text names that judges speak for: one matching the phrase's words ("appeal court judges"), else
 * one named later in the same sentence, else the nearest before.
 */
function findCourt(text: string, at: number, words: string): string | null {
  const wanted = words
    .toLowerCase()
    .split(/\s+/u)
    .filter((w) => w && w !== 'court');
  const { found, names } = courtsNamedIn(text);
  let nearest: string | null = null;
  let firstAfter: string | null = null;
  for (let i = 0; i < found.length; i++) {
    const f = found[i] as { at: number; name: string };
    const name = names[i] as string;
    const lower = name.toLowerCase();
    if (wanted.length > 0 && wanted.every((w) => lower.includes(w))) return name;
    if (f.at < at) nearest = name;
    else if (firstAfter === null && f.at - at < 200 && !/[.!?]\s/u.test(text.slice(at, f.at))) firstAfter = name;
  }
  return firstAfter ?? nearest;
}

/** "the Prime Minister", "the agency": the latest mention whose role (or name) ends with that head. */
function resolveDefinite(head: string, ctx: ResolutionContext): ResolvedSpeaker {
  const words = foldName(head).split(' ');
  const last = words[words.length - 1] ?? '';
  const wanted = ROLE_ALIASES[last] ?? last;
  // "the American space agency" is not the Russian Federal Space Agency: capitalised modifiers must agree.
  const modifiers = head
    .split(/\s+/u)
    .slice(0, -1)
    .filter((w) => isCapitalised(w))
    .map((w) => foldName(w));
  let found: NameMention | undefined;
  for (const m of ctx.mentions) {
    if (m.start >= ctx.at) break;
    const role = foldName(m.role ?? '');
    const name = foldName(m.name);
    if ((role && (role.endsWith(wanted) || role.includes(`${wanted} `))) || (m.kind === 'org' && name.endsWith(wanted)))
      if (agreesWith(`${m.role ?? ''} ${m.name}`, modifiers)) found = m;
  }
  if (found) return { speaker: found.name, role: found.role, kind: found.kind };
  if (ORG_HEADS.test(wanted)) {
    // "the ministry" after "a denial from the Greek finance ministry": the institution as the text names it.
    if (INSTITUTION_HEADS.test(wanted) && ctx.text) {
      const named = institutionPhrase(ctx.text, wanted, ctx.at);
      if (named && agreesWith(named, modifiers)) return { speaker: named, role: null, kind: 'org' };
    }
    const prev = ctx.previous;
    if (prev?.speaker && prev.kind === 'org' && agreesWith(prev.speaker, modifiers))
      return { speaker: prev.speaker, role: null, kind: 'org' };
    // The organisation last reported as speaking ("NASA said. '…,' the American space agency said").
    let cued: NameMention | undefined;
    for (const m of ctx.mentions) {
      if (m.start >= ctx.at) break;
      if (m.kind !== 'person' && m.cued && ctx.at - m.start < 1500 && !MEDIA.test(m.name)) cued = m;
    }
    if (cued) return { speaker: cued.name, role: null, kind: 'org' };
    const org = salientOrg(ctx);
    if (org) return { speaker: org.name, role: null, kind: 'org' };
    return { speaker: null, role: head, kind: 'unknown' };
  }
  // "the officer" when no officer is named anywhere: someone the article does not name.
  if (INCIDENTAL_ROLES.test(wanted)) return { speaker: null, role: head, kind: 'unknown' };
  // "the 14-time major winner", "the 30-year-old": the person just quoted, else the person the article is about.
  if (ctx.previous?.speaker && ctx.previous.kind !== 'org')
    return { speaker: ctx.previous.speaker, role: ctx.previous.role, kind: ctx.previous.kind };
  const person = salient(ctx, 'person');
  if (person) return { speaker: person.name, role: person.role, kind: 'person' };
  return { speaker: null, role: head, kind: 'unknown' };
}

/** Whether a name has every capitalised modifier of a phrase ("American" for "the American space agency"). */
function agreesWith(name: string, modifiers: readonly string[]): boolean {
  return modifiers.every((w) => foldName(name).includes(w));
}

/** Roles of bystanders and rank-and-file people, who speak in a story without being its named protagonist. */
const INCIDENTAL_ROLES =
  /^(?:officer|constable|witness|passenger|resident|neighbou?r|bystander|guard|soldier|onlooker|driver|customer|worker|nurse|paramedic|attendant|clerk|waiter|waitress|employee|cashier|caller|shopper|motorist|pedestrian)$/u;

/** Institutions named with a lower-case head ("the Greek finance ministry", "Tower Hamlets council"). */
const INSTITUTION_HEADS =
  /^(?:ministry|department|agency|council|government|authority|authorities|commission|committee|office|party|union|court|police|board)$/u;

/** The nearest "the Greek finance ministry" before `at` for a head like "ministry": capitalised words, then the head. */
function institutionPhrase(text: string, head: string, at: number): string | null {
  const re = new RegExp(
    String.raw`\b(?:the |by |from )?((?:\p{Lu}[\p{L}'’-]* )+(?:\p{Ll}[\p{L}-]* ){0,2}${head})\b`,
    'gu',
  );
  let best: string | null = null;
  for (const m of text.slice(0, at).matchAll(re)) {
    const name = (m[1] ?? '').replace(/^(?:The|A|An|In|At|On|By|But|And|From)\s+/u, '');
    if (/^\p{Lu}/u.test(name) && !LEADING_FUNCTION_WORDS.has(name.split(' ')[0]?.toLowerCase() ?? '')) best = name;
  }
  return best;
}

const ORG_HEADS =
  /^(?:statement|report|document|memo|agency|company|firm|club|ministry|department|organisation|organization|group|force|service|letter|panel|council|team|government|spokes(?:man|woman|person)|charity|union|authority|authorities|court|board|committee|commission|office|website|newspaper|paper|network|channel|brigade|party)$/u;

/** The most-mentioned entity of a kind before the position (latest wins ties): who the article is about. */
function salient(ctx: ResolutionContext, kind: EntityKind): NameMention | undefined {
  const counts = new Map<string, number>();
  let best: NameMention | undefined;
  let bestCount = 0;
  for (const m of ctx.mentions) {
    if (m.start >= ctx.at) break;
    if (m.kind !== kind || (kind === 'org' && MEDIA.test(m.name))) continue;
    const c = (counts.get(m.name) ?? 0) + 1;
    counts.set(m.name, c);
    if (c >= bestCount) {
      best = m;
      bestCount = c;
    }
  }
  return best;
}

/** News outlets are named as sources of reports, rarely as the organisation that speaks. */
const MEDIA =
  /\b(?:News|Times|Mail|Post|Telegraph|Guardian|Channel|TV|Radio|Daily|Journal|Herald|Sun|Express|Independent|BBC|CNN|Sky|Reuters|AP|AFP|TMZ|Nine|Press|Online|Spiegel)\b/u;

function salientOrg(ctx: ResolutionContext): NameMention | undefined {
  return salient(ctx, 'org');
}

/** "CPS" → "Crown Prosecution Service" when the text spells the acronym out somewhere. */
function expandAcronym(name: string, ctx: ResolutionContext): string {
  const words = name.split(/\s+/u);
  if (!words.some((w) => isAcronym(w) && w.length >= 2)) return name;
  // "CPS" → CPS, "Arizona DPS" → ADPS: the initials the spelled-out name must have.
  const letters = words.map((w) => (isAcronym(w) ? w.replace(/[^\p{Lu}]/gu, '') : w.charAt(0))).join('');
  for (const m of ctx.mentions) {
    if (m.name.includes(' ') && initialsOf(m.name) === letters) return m.name;
  }
  // The spelled-out name may run over "of" and "and", which split mentions ("Arizona Department of Public Safety").
  if (ctx.text) {
    for (const candidate of spelledOutNamesIn(ctx.text)) if (initialsOf(candidate) === letters) return candidate;
  }
  return name;
}

let spelledOutCache: { text: string; names: string[] } | null = null;

/** The runs of capitalised words in a text that may spell out an acronym (read once per text). */
function spelledOutNamesIn(text: string): string[] {
  if (spelledOutCache?.text === text) return spelledOutCache.names;
  const names: string[] = [];
  for (const m of text.matchAll(SPELLED_OUT_RE)) {
    const candidate = m[0].replace(/^(?:The|A|An) /u, '');
    if (candidate.includes(' ')) names.push(candidate);
  }
  spelledOutCache = { text, names };
  return names;
}

const SPELLED_OUT_RE = /\p{Lu}[\p{Ll}'’-]+(?: (?:(?:of|and|for|the) )?\p{Lu}[\p{Ll}'’-]+)+/gu;

function initialsOf(name: string): string {
  return name
    .split(/\s+/u)
    .filter((w) => isCapitalised(w) && !/^(?:of|and|for|the)$/iu.test(w))
    .map((w) => w.charAt(0))
    .join('');
}
