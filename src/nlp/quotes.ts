import { rememberLast } from './remember-last.ts';
import type { NameMention, ResolvedSpeaker } from './speakers.ts';
import { collectNameMentions, resolveSpeakerPhrase } from './speakers.ts';

/** A direct quotation found in a text, with who said it. */
export interface Quote {
  /** The quoted words without the quote marks: `text === source.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  /** The fullest name the text gives for the speaker (a person or an organisation), or null when it never names one. */
  speaker: string | null;
  /** The role or title the text gives the speaker ("Estonian Prime Minister"), or null. */
  role: string | null;
  /** How the text refers to the speaker at the quote ("she", "Kallas", "a police spokesman"), or null. */
  speakerDesc: string | null;
  /** The reporting verb or phrase ("said", "according to"), or null. */
  cue: string | null;
}

/** The speaker of the last quote, which pronouns and unattributed quotes may continue. */
interface PreviousQuote {
  speaker: string | null;
  role: string | null;
  kind: ResolvedSpeaker['kind'];
  /** Where its speaker phrase stands. */
  at: number;
  /** Just past its closing mark. */
  end: number;
  desc: string | null;
  cue: string | null;
  /** True when the speaker was a written source standing for its author ("the report", "the memo"). */
  document?: boolean;
}

/** Options of {@link extractQuotes}. */
export interface ExtractQuotesOptions {
  /** Full names known from elsewhere (a gazetteer), so a surname alone resolves even when the text never spells it out. */
  knownSpeakers?: string[];
}

/** A span between quote marks, before it is judged to be a quotation. */
export interface QuoteSpan {
  /** Index of the opening mark. */
  open: number;
  /** Content, trimmed: `start`..`end`. */
  start: number;
  end: number;
  /** Index just past the closing mark, or `end` for a paragraph whose quote continues in the next paragraph. */
  after: number;
  /** False when the quote runs on into the next paragraph (no closing mark here). */
  closed: boolean;
}

type Family = 'double' | 'single';

const FAMILY: Record<string, Family> = {
  '"': 'double',
  '“': 'double',
  '”': 'double',
  '„': 'double',
  '«': 'double',
  '»': 'double',
  "'": 'single',
  '‘': 'single',
  '’': 'single',
};
const OPEN_ONLY = new Set(['“', '„', '«', '‘']);
const CLOSE_ONLY = new Set(['”', '»', '’']);
const MARK_RE = /["“”„«»'‘’\n]/g;

/** A quote with no closing mark is given up after this many characters (bounds the work on broken text). */
const MAX_QUOTE_CHARS = 4000;

function isSpace(c: string | undefined): boolean {
  return c === undefined || /\s/u.test(c);
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

/** Can this mark open a quote? It must touch the next word and not the previous one. */
function canOpen(text: string, i: number): boolean {
  const mark = text.charAt(i);
  if (CLOSE_ONLY.has(mark)) return false;
  const prev = i > 0 ? text.charAt(i - 1) : undefined;
  const next = text.charAt(i + 1) || undefined;
  if (isSpace(next)) return false;
  if (mark === "'" || mark === '‘') {
    // Elisions are no quotes: 'em, '90s, 'n', 'til.
    if (/^'(?:\d\d?s?\b|em\b|n'|til\b|cause\b|tis\b)/iu.test(text.slice(i, i + 6).replace('‘', "'"))) return false;
  }
  if (OPEN_ONLY.has(mark)) return !isWordChar(prev);
  return prev === undefined || isSpace(prev) || /[([{\u2014\u2013\-/:"“'‘]/u.test(prev);
}

/** Can this mark close a quote? It must touch the previous character and not the next word. */
function canClose(text: string, i: number): boolean {
  const mark = text.charAt(i);
  if (OPEN_ONLY.has(mark)) return false;
  const prev = i > 0 ? text.charAt(i - 1) : undefined;
  const next = text.charAt(i + 1) || undefined;
  if (isSpace(prev)) return false;
  return isSpace(next) || /[.,;:!?)\]}\u2014\u2013\-…"”'’]/u.test(next ?? '');
}

/** The last sentence-ending mark followed by a space in text[from, to), or -1. */
function lastSentenceEnd(text: string, from: number, to: number): number {
  for (let j = to - 1; j >= from; j--) {
    const c = text.charAt(j);
    if ((c === '.' || c === '!' || c === '?') && text.charAt(j + 1) === ' ' && /\p{Lu}/u.test(text.charAt(j + 2)))
      return j;
  }
  return -1;
}

function lastNonSpace(text: string, from: number, limit: number): number {
  let i = from;
  while (i >= limit && /\s/u.test(text.charAt(i))) i--;
  return i;
}

/**
 * Finds the spans between quote marks: curly, straight and single marks, nested quotes inside quotes, and
 * quotes that run over several paragraphs (a paragraph opening with a mark that is not closed continues in the
 * next one: one span per paragraph). Apostrophes ("don't", "Jones' car") are not marks.
 */
export const findQuoteSpans: (text: string) => QuoteSpan[] = rememberLast(
  findQuoteSpansUncached,
  undefined,
  (span) => ({ ...span }),
);

function findQuoteSpansUncached(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const banned = new Set<number>();
  let outer: { family: Family; open: number } | null = null;
  let nested: Family[] = [];
  const emit = (open: number, closeAt: number, closed: boolean) => {
    let start = open + 1;
    let end = closeAt;
    while (start < end && /\s/u.test(text.charAt(start))) start++;
    while (end > start && /\s/u.test(text.charAt(end - 1))) end--;
    if (end > start) spans.push({ open, start, end, after: closed ? closeAt + 1 : end, closed });
  };
  /** An unclosed quote: drop its opening mark and read on from just after it. */
  const giveUp = (): number => {
    const from = outer?.open ?? 0;
    banned.add(from);
    outer = null;
    nested = [];
    return from + 1;
  };
  MARK_RE.lastIndex = 0;
  let m: RegExpExecArray | null = MARK_RE.exec(text);
  while (m !== null) {
    const i = m.index;
    const mark = m[0];
    if (outer && i - outer.open > MAX_QUOTE_CHARS) {
      MARK_RE.lastIndex = giveUp();
      m = MARK_RE.exec(text);
      continue;
    }
    if (mark === '\n') {
      if (outer) {
        // A paragraph ends inside a quote: it continues if the next paragraph opens with the same kind of mark.
        let j = i;
        while (j < text.length && /\s/u.test(text.charAt(j))) j++;
        const c = text.charAt(j);
        if (FAMILY[c] === outer.family && canOpen(text, j)) {
          emit(outer.open, i, false);
          outer = null;
          nested = [];
        } else {
          MARK_RE.lastIndex = giveUp();
        }
      }
      m = MARK_RE.exec(text);
      continue;
    }
    const family = FAMILY[mark] as Family;
    const opens = !banned.has(i) && canOpen(text, i);
    const closes = canClose(text, i);
    if (!outer) {
      if (opens) {
        outer = { family, open: i };
        nested = [];
      }
    } else if (nested.length > 0 && nested[nested.length - 1] === family && closes) {
      nested.pop();
    } else if (family === outer.family && closes && !isPluralPossessive(text, i, family)) {
      emit(outer.open, i, true);
      outer = null;
      nested = [];
    } else if (family === outer.family && opens) {
      const p = lastNonSpace(text, i - 1, outer.open + 1);
      const cut = /[.!?…]/u.test(text.charAt(p))
        ? p
        : /\p{Lu}/u.test(text.charAt(i + 1))
          ? lastSentenceEnd(text, outer.open + 20, i)
          : -1;
      if (cut >= 0 && i - outer.open > 20) {
        // A new paragraph of the same quotation, flattened onto one line (maybe after a photo caption): close
        // the previous paragraph at its last full stop.
        emit(outer.open, cut + 1, false);
        outer = { family, open: i };
        nested = [];
      } else {
        nested.push(family);
      }
    } else if (opens) {
      nested.push(family);
    }
    m = MARK_RE.exec(text);
    if (m === null && outer) {
      MARK_RE.lastIndex = giveUp();
      m = MARK_RE.exec(text);
    }
  }
  return spans;
}

/**
 * "my parents’ house": a single mark after an s and before a word is an apostrophe when the next mark of its
 * kind closes rather than opens (the quotation goes on past it).
 */
function isPluralPossessive(text: string, i: number, family: Family): boolean {
  if (family !== 'single' || text.charAt(i - 1).toLowerCase() !== 's') return false;
  if (
    /(?:towards|afterwards|always|perhaps|sometimes|besides|whereas|thus|yes|this|is|was|has|us|its)$/iu.test(
      text.slice(Math.max(0, i - 12), i),
    )
  )
    return false;
  if (!/^ [\p{L}\d]/u.test(text.slice(i + 1, i + 3))) return false;
  const limit = Math.min(text.length, i + 600);
  for (let j = i + 1; j < limit; j++) {
    const c = text.charAt(j);
    if (c === '\n') return false;
    if (FAMILY[c] !== 'single') continue;
    const opens = canOpen(text, j);
    const closes = canClose(text, j);
    if (opens && !closes) return false;
    if (closes && !opens) return true;
  }
  return false;
}

const ABBREVIATIONS =
  /(?:^|[\s(])(?:mr|mrs|ms|dr|st|jr|sr|gen|sen|rep|gov|lt|col|sgt|prof|rev|capt|no|vs|etc|inc|ltd|co|corp|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|u\.s|u\.k|[a-z])$/iu;

/** Whether the full stop (or ! ?) at `i` ends a sentence. */
function endsSentence(text: string, i: number): boolean {
  const c = text.charAt(i);
  if (c === '!' || c === '?') return isSpace(text.charAt(i + 1));
  if (c !== '.') return false;
  if (!isSpace(text.charAt(i + 1))) return false;
  return !ABBREVIATIONS.test(text.slice(Math.max(0, i - 6), i));
}

/** Words that say "the marks only flag a term": so-called 'buffer zone', a film titled "Jaws". */
const TERM_MARKER =
  /(?:so-called|so called|dubbed|nicknamed|known as|titled|entitled|the (?:phrase|word|words|term|terms|slogan|hashtag|name|label|headline|motto|message|caption|sign|banner)|(?:film|movie|book|song|album|show|series|play|novel|programme|program|documentary|campaign|operation|called|named|branded|labell?ed|reading|marked|coined)|a\s+(?:new\s+)?(?:film|book|song|album|show|series|campaign))\s*$/iu;

const CUE_WORDS = (
  'said says say saying told tells tell telling added adds add adding explained explains explaining wrote writes ' +
  'writing noted notes noting stated states stating insisted insists insisting replied replies reply replying ' +
  'asked asks asking claimed claims claiming warned warns warning argued argues arguing stressed stresses ' +
  'stressing emphasized emphasised emphasizes emphasises emphasizing emphasising admitted admits admitting ' +
  'conceded concedes declared declares declaring announced announces confirmed confirms revealed reveals ' +
  'recalled recalls recalling continued continues described describes describing called calls calling accused ' +
  'accuses accusing tweeted tweets posted shouted shouts yelled yells cried whispered joked jokes laughed reads ' +
  'responded responds answered commented comments remarked observed acknowledged acknowledges suggested suggests ' +
  'urged urges vowed vows pledged pledges promised predicted predicts recommended recommends advised advising ' +
  'cautioned agreed agrees denied denies complained complains highlighted highlights affirmed asserted asserts ' +
  'reiterated reiterates mused quipped boasted slammed blasted sang sings chanted explained wrote found finds ' +
  'ruled decided decides concluded concludes insisted criticised criticized hailed praised begged pleaded ' +
  'demanded demands countered counters retorted adds cited told'
).split(' ');

/** Participles take their subject from the clause before ("Kallas emphasized …, stating"). */
const NON_FINITE_CUE = /^\w+ing$/iu;

/** Words that cannot be part of a speaker phrase; reading back from a cue stops at them. */
const NP_STOP = new Set(
  (
    'to in on at with by from into about over after before during than that which who whom whose when while as ' +
    'because if but so though although where whether since until unless what how why is was are were be been has ' +
    'have had will would could should may might can must do does did not also then later earlier previously ' +
    "further again once today yesterday tonight recently just now still even only this these those it’s it's " +
    'there here said says told added explained wrote noted stated'
  ).split(' '),
);
/** Words between a speaker and the cue ("he also said", "Smith has told"). */
const BETWEEN_SPEAKER_AND_CUE = new Set(
  'has have had was is will would also then later earlier previously further again once simply recently later reportedly repeatedly quickly had can could be heard seen meanwhile however too'.split(
    ' ',
  ),
);
const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'one',
  'another',
  'his',
  'her',
  'their',
  'its',
  'our',
  'two',
  'three',
  'several',
  'some',
]);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);
/** Nouns that let a speaker phrase run on past "for"/"of" ("a spokesman for Terminix"). */
const LINKING_HEADS =
  /^(?:spokes(?:man|woman|person)|representative|member|head|chief|director|secretary|minister|leader|lawyer|attorney|statement|report|panel|spokesmen|president|chairman|memo|document|letter|study|review|inquiry|dossier|briefing)s?$/iu;

interface Word {
  w: string;
  start: number;
  end: number;
}

/** Numbers keep their thousands separators ("£600,000"), so a comma inside one is no clause boundary. */
const TOKEN_RE = /\p{N}{1,3}(?:,\p{N}{3})+(?:\.\p{N}+)?|[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.\-&]*|[,;:()—–]|--/gu;

function tokens(text: string, from: number, to: number): Word[] {
  const out: Word[] = [];
  const slice = text.slice(from, to);
  // An exec loop rather than matchAll, which copies the pattern on every call (twice per quote).
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(slice); m !== null; m = TOKEN_RE.exec(slice)) {
    let w = m[0];
    if (w.endsWith('.') && !ABBREVIATION_WITH_STOP_RE.test(w)) w = w.replace(/\.+$/u, '');
    const start = from + m.index;
    out.push({ w, start, end: start + w.length });
  }
  return out;
}
const ABBREVIATION_WITH_STOP_RE = /^(?:\p{Lu}|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Prof|Rev)\.$/u;

function isCap(w: string): boolean {
  const c = w.charAt(0);
  return c !== c.toLowerCase();
}

function isPunct(w: string): boolean {
  return /^(?:[,;:()—–]|--)$/u.test(w);
}

const PREPOSITION_OBJECT = new Set(['at', 'in', 'on', 'from', 'with', 'near', 'outside', 'inside', 'during']);
/** People in the plural who speak without a name ("judges said", "experts warned"). */
const PEOPLE_PLURALS =
  /^(?:judges|justices|officials|experts|critics|campaigners|residents|witnesses|prosecutors|investigators|researchers|scientists|doctors|analysts|officers|sources|lawyers|activists|protesters|protestors|groups|authorities|ministers|leaders|neighbours|neighbors|relatives|parents|locals|fans|teachers|workers|diplomats|observers|troops|soldiers|organisers|organizers|medics|economists|insiders)$/iu;

/** Reads the speaker phrase that ends just before `words[idx]` (a cue). */
function phraseBefore(words: Word[], idx: number): { from: number; to: number } | null {
  let j = idx - 1;
  while (j >= 0 && BETWEEN_SPEAKER_AND_CUE.has((words[j]?.w ?? '').toLowerCase())) j--;
  // "-ly" adverbs between subject and verb ("she angrily said").
  while (j >= 0 && /^\p{Ll}+ly$/u.test(words[j]?.w ?? '')) j--;
  if (j < 0) return null;
  const last = words[j];
  if (!last || isPunct(last.w)) return null;
  if (SUBJECT_PRONOUNS.has(last.w.toLowerCase())) return { from: j, to: j };
  let k = j;
  let count = 0;
  while (k >= 0 && count < 9) {
    const w = words[k]?.w ?? '';
    const lw = w.toLowerCase();
    if (isPunct(w)) break;
    if (DETERMINERS.has(lw)) {
      k--;
      break;
    }
    if ((lw === 'for' || lw === 'of' || lw === 'at') && k + 1 <= j) {
      const prev = words[k - 1]?.w ?? '';
      if (!LINKING_HEADS.test(prev)) break;
    } else if (lw === 'and') {
      const prev = words[k - 1]?.w ?? '';
      const next = words[k + 1]?.w ?? '';
      if (!(isCap(prev) && isCap(next))) break;
    } else if (NP_STOP.has(lw) || SUBJECT_PRONOUNS.has(lw)) {
      break;
    }
    k--;
    count++;
  }
  const from = k + 1;
  if (from > j) return null;
  // Keep only a phrase that can name someone: it has a capitalised word, or starts with a determiner.
  // "one of the group says": the speaker is one unnamed member.
  if (
    DETERMINERS.has((words[from]?.w ?? '').toLowerCase()) &&
    (words[from - 1]?.w ?? '').toLowerCase() === 'of' &&
    /^(?:one|some|many|several|each|none|most|two|three|members?)$/iu.test(words[from - 2]?.w ?? '')
  )
    return { from: from - 2, to: j };
  const phrase = words.slice(from, j + 1);
  const hasDeterminer = DETERMINERS.has((phrase[0]?.w ?? '').toLowerCase());
  if (hasDeterminer && from >= 2 && PREPOSITION_OBJECT.has((words[from - 1]?.w ?? '').toLowerCase())) {
    // "another midwife present at the birth said": the determiner phrase is the object of a preposition; the
    // subject is the phrase before it.
    for (let d = from - 2; d >= 0 && from - d <= 6; d--) {
      const x = words[d]?.w ?? '';
      if (isPunct(x) || (NP_STOP.has(x.toLowerCase()) && !PREPOSITION_OBJECT.has(x.toLowerCase()))) break;
      if (DETERMINERS.has(x.toLowerCase())) return { from: d, to: j };
    }
  }
  if (!hasDeterminer && PEOPLE_PLURALS.test(phrase[phrase.length - 1]?.w ?? '') && phrase.length <= 3) {
    // "judges said", "appeal court judges decided": a bare plural is a speaker too (mostly an unnamed one).
    let s = 0;
    while (s < phrase.length - 1 && CUE_SET.has((phrase[s]?.w ?? '').toLowerCase())) s++;
    return { from: from + s, to: j };
  }
  if (!hasDeterminer) {
    // Without a determiner, lower-case words must be titles next to a name; trim leading lower-case verbs.
    let s = 0;
    while (s < phrase.length && !isCap(phrase[s]?.w ?? '') && s < phrase.length - 1) s++;
    if (!phrase.slice(s).some((p) => isCap(p.w))) return null;
    return { from: from + s, to: j };
  }
  return { from, to: j };
}

/** Reads the speaker phrase just after a cue ("said Paul Martin, a Pinellas sheriff's detective"). */
function phraseAfter(
  words: Word[],
  idx: number,
): { from: number; to: number; roleFrom?: number; roleTo?: number } | null {
  let j = idx + 1;
  const first = words[j];
  if (!first || isPunct(first.w)) return null;
  if (SUBJECT_PRONOUNS.has(first.w.toLowerCase())) return { from: j, to: j };
  let k = j;
  while (k < words.length && k - j < 8) {
    const w = words[k]?.w ?? '';
    const lw = w.toLowerCase();
    if (isPunct(w)) break;
    if (DETERMINERS.has(lw) && k > j) break;
    // "according to the Arizona DPS According to Facebook": a caption without its full stop.
    if (k > j && isCap(w) && INTRO_WORDS.has(lw)) break;
    if (lw === 'and') {
      if (!(isCap(words[k - 1]?.w ?? '') && isCap(words[k + 1]?.w ?? ''))) break;
    } else if (lw === 'for' || lw === 'of') {
      if (!LINKING_HEADS.test(words[k - 1]?.w ?? '')) break;
    } else if (
      NP_STOP.has(lw) ||
      (!isCap(w) && !DETERMINERS.has(lw) && k > j && isCap(words[k - 1]?.w ?? '') && !LINKING_HEADS.test(w))
    ) {
      break;
    }
    k++;
  }
  if (k === j) return null;
  const out: { from: number; to: number; roleFrom?: number; roleTo?: number } = { from: j, to: k - 1 };
  // An appositive after a comma gives the role: ", a Pinellas sheriff's detective who …".
  if (words[k]?.w === ',' && DETERMINERS.has((words[k + 1]?.w ?? '').toLowerCase())) {
    let r = k + 1;
    while (
      r < words.length &&
      r - k < 9 &&
      !isPunct(words[r]?.w ?? '') &&
      !/^(?:who|which|that|and|said|says)$/iu.test(words[r]?.w ?? '')
    )
      r++;
    if (r > k + 2) {
      out.roleFrom = k + 1;
      out.roleTo = r - 1;
    }
  }
  j = k;
  return out;
}

interface Attribution {
  phrase: string;
  phraseStart: number;
  cue: string | null;
  role: string | null;
  /** True when the cue is in the quote's own sentence. */
  explicit: boolean;
}

interface CueHit {
  cue: string;
  index: number;
}

function findCues(words: Word[]): CueHit[] {
  for (const recent of recentCues) if (recent.words === words) return recent.hits;
  const hits = findCuesUncached(words);
  recentCues.unshift({ words, hits });
  if (recentCues.length > 2) recentCues.pop();
  return hits;
}

/**
 * The cues of the last two word lists read: each quote asks several times for the cues of its words before and
 * after it. (Word lists are never changed once read.)
 */
const recentCues: { words: readonly Word[]; hits: CueHit[] }[] = [];

function findCuesUncached(words: readonly Word[]): CueHit[] {
  const hits: CueHit[] = [];
  // Each word is lower-cased once, as the "next" of the word before it.
  let next = lowerWordAt(words, 0);
  for (let i = 0; i < words.length; i++) {
    const w = next;
    next = lowerWordAt(words, i + 1);
    if (w === 'according' && next === 'to') hits.push({ cue: 'according to', index: i });
    else if ((w === 'went' || w === 'goes') && next === 'on') hits.push({ cue: `${w} on`, index: i });
    else if (w === 'fired' && next === 'back') hits.push({ cue: 'fired back', index: i });
    else if (CUE_SET.has(w)) {
      // "so-called" is a term marker, not a cue; "said" after "the" or "a" is an adjective.
      const prev = (words[i - 1]?.w ?? '').toLowerCase();
      if (CUE_AS_NOUN_OR_ADJECTIVE.has(prev)) continue;
      // "shouts of 'Watch out'", "claims of abuse": a noun, not a reporting verb.
      if (next === 'of' && /s$/u.test(w)) continue;
      hits.push({ cue: words[i]?.w ?? w, index: i });
    }
  }
  return hits;
}
const CUE_SET = new Set(CUE_WORDS);

function lowerWordAt(words: readonly Word[], i: number): string {
  const w = words[i]?.w ?? '';
  // Most words are lower-case ASCII already, and the engine lower-cases text with curly quotes in it (stored two
  // bytes a character) slowly.
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (c >= 128 || (c >= 65 && c <= 90)) return w.toLowerCase();
  }
  return w;
}

/** After these a cue word is a noun or an adjective: "the said", "so-called", "for continued lower taxes". */
const CUE_AS_NOUN_OR_ADJECTIVE = new Set(['the', 'so', 'a', 'an', 'his', 'her', 'their', 'its', 'for', 'of', 'with']);

function phraseText(text: string, words: Word[], from: number, to: number): { text: string; start: number } {
  const a = words[from];
  const b = words[to];
  if (!a || !b) return { text: '', start: 0 };
  return { text: text.slice(a.start, b.end), start: a.start };
}

/** Tokens that can start a subject phrase. */
function canStartSubject(w: string): boolean {
  const lw = w.toLowerCase();
  if (SUBJECT_PRONOUNS.has(lw) || DETERMINERS.has(lw)) return true;
  return isCap(w) && !INTRO_WORDS.has(lw);
}
const INTRO_WORDS = new Set(
  'in on at after before during when while as but and so yet however meanwhile still also then although though if since because with without under over for from by this that these those there here according responding speaking asked writing later earlier last today yesterday scroll watch pictured video despite'.split(
    ' ',
  ),
);

/**
 * The subject of the main clause before `before`: the speaker of a participle cue ("Kallas emphasized …, stating")
 * or of a verb coordinated with the cue ("Stancil described himself … and said"). Subjects are tried at the start
 * of the sentence and after each comma, so an introductory phrase is skipped.
 */
function sentenceSubject(text: string, words: Word[], before: number): { text: string; start: number } | null {
  // "Yesterday ParkingEye welcomed …", "In a statement Dundee vowed …": an opener without its comma.
  // Tried last: a subject after a comma is the surer reading.
  const candidates: number[] = [];
  for (let i = 0; i < before; i++) if (i === 0 || words[i - 1]?.w === ',') candidates.push(i);
  if (isCap(words[0]?.w ?? '') && INTRO_WORDS.has((words[0]?.w ?? '').toLowerCase())) {
    let t = 1;
    while (t < 5 && t < before && !isCap(words[t]?.w ?? '') && !isPunct(words[t]?.w ?? '')) t++;
    if (isCap(words[t]?.w ?? '')) candidates.push(t);
  }
  for (const i of candidates) {
    const w = words[i]?.w ?? '';
    if (!canStartSubject(w)) continue;
    // Read the phrase forward, then check a lower-case verb follows it.
    let k = i;
    if (SUBJECT_PRONOUNS.has(w.toLowerCase())) k = i + 1;
    else {
      if (DETERMINERS.has(w.toLowerCase())) k++;
      while (k < before && k - i < 8) {
        const x = words[k]?.w ?? '';
        if (isPunct(x) || NP_STOP.has(x.toLowerCase())) break;
        if (!isCap(x) && !TITLE_LIKE.test(x) && !DETERMINERS.has(w.toLowerCase())) break;
        // "Three judges unanimously dismissed": the noun phrase ends before an adverb or a verb.
        if (k > i + 1 && !isCap(x) && (/^\p{Ll}+(?:ly|ed)$/u.test(x) || CUE_SET.has(x.toLowerCase()))) break;
        k++;
      }
      // "Motoring groups reacted": the plural noun is the head of the subject.
      if (k < before && PEOPLE_PLURALS.test(words[k]?.w ?? '')) k++;
    }
    if (k === i) continue;
    const next = words[k]?.w ?? '';
    // Skip an appositive: "Pete Saunders, chief executive of …, added".
    if (next === ',') {
      let c = k + 1;
      while (c < before && words[c]?.w !== ',' && c - k < 14) c++;
      const verb = words[c + 1]?.w ?? '';
      if (words[c]?.w === ',' && /^\p{Ll}/u.test(verb) && !NP_STOP.has(verb)) return phraseText(text, words, i, k - 1);
      continue;
    }
    if (/^\p{Ll}/u.test(next) && (!NP_STOP.has(next) || BETWEEN_SPEAKER_AND_CUE.has(next)))
      return phraseText(text, words, i, k - 1);
    // "Three judges at the Supreme Court of Estonia dismissed …": a place or institution after the subject.
    if (/^(?:at|of|from|in|with)$/u.test(next) && k > i) {
      let c = k + 1;
      while (c < before && c - k < 9 && (isCap(words[c]?.w ?? '') || /^(?:the|of|and)$/u.test(words[c]?.w ?? ''))) c++;
      const verb = words[c]?.w ?? '';
      if (c > k + 1 && /^\p{Ll}/u.test(verb) && !NP_STOP.has(verb)) return phraseText(text, words, i, k - 1);
    }
  }
  return null;
}
const TITLE_LIKE =
  /^(?:chief|senior|former|deputy|acting|spokes(?:man|woman|person)|minister|secretary|president|executive|director|officer|official|correspondent|scientist|prosecutor|judge|attorney|lawyer|analyst|manager|coach|captain|member|leader|head|editor|reporter|witness|passenger|resident|officials|sources|staff|\d[\w-]*)$/iu;

const APPOSITIVE_PUNCT = /^(?:,|–|—|--)$/u;
const RELATIVE_PRONOUNS = new Set(['who', 'which']);
/** Words before a name that make it the object of another phrase ("edited by Derek Mix", "for Janner"). */
const OBJECT_MARKERS = new Set(['by', 'of', 'for', 'to', 'with', 'from', 'at', 'in', 'on', 'about', 'against']);

/** The speaker phrase before a cue, reading past an appositive ("Elias Rodriguez, an EPA spokesman, said"). */
function speakerBeforeCue(
  words: Word[],
  idx: number,
): { from: number; to: number; roleFrom?: number; roleTo?: number } | null {
  let j = idx - 1;
  while (
    j >= 0 &&
    (BETWEEN_SPEAKER_AND_CUE.has((words[j]?.w ?? '').toLowerCase()) || /^\p{Ll}+ly$/u.test(words[j]?.w ?? ''))
  )
    j--;
  // "Peter Clarke (pictured) found": a bracketed aside.
  if (words[j]?.w === ')') {
    let o = j - 1;
    while (o > 0 && words[o]?.w !== '(' && j - o < 8) o--;
    if (words[o]?.w === '(') return phraseBefore(words, o);
  }
  const w = (words[j]?.w ?? '').toLowerCase();
  // "Judge Philip Head, sentencing, said": a participle aside between the speaker and the cue.
  if (/^\p{Ll}+ing$/u.test(words[j]?.w ?? '') && words[j - 1]?.w === ',') return phraseBefore(words, j - 1);
  // "England flanker Wood, who claims", "a letter written by Ms Ratcliffe which said": a relative clause.
  if (RELATIVE_PRONOUNS.has(w)) return phraseBefore(words, words[j - 1]?.w === ',' ? j - 1 : j);
  // "Carnival Cruise Lines in a statement said".
  if (w === 'statement') {
    let k = j - 1;
    while (k >= 0 && /^(?:a|an|its|their|the)$/iu.test(words[k]?.w ?? '')) k--;
    if ((words[k]?.w ?? '').toLowerCase() === 'in') return phraseBefore(words, k);
  }
  if (APPOSITIVE_PUNCT.test(words[j]?.w ?? '')) {
    // NAME, appositive, cue — and when the name before a comma is itself inside an aside ("The memo, edited by
    // Derek E Mix, the CRS's analyst, says"), the subject stands before the earlier comma.
    const dash = words[j]?.w !== ',';
    let close = j;
    let first: { from: number; to: number; roleFrom?: number; roleTo?: number } | null = null;
    for (let tries = 0; tries < 3; tries++) {
      let c = close - 1;
      while (c >= 0 && j - c < 30 && !(dash ? /^(?:–|—|--)$/u : /^,$/u).test(words[c]?.w ?? '')) c--;
      if (c <= 0) return first;
      const p = phraseBefore(words, c);
      if (!p) return first;
      const before = (words[p.from - 1]?.w ?? '').toLowerCase();
      if (OBJECT_MARKERS.has(before) && !dash) {
        first ??= { ...p, roleFrom: c + 1, roleTo: j - 1 };
        close = p.from - 1;
        continue;
      }
      // "His solicitor, Liam O'Donnell, told": the name stands in the appositive.
      const phraseHasName = words
        .slice(p.from, p.to + 1)
        .some((x) => isCap(x.w) && !DETERMINERS.has(x.w.toLowerCase()));
      const apposition = words.slice(c + 1, j);
      if (!phraseHasName && apposition.length > 0 && apposition.length <= 4 && apposition.every((x) => isCap(x.w)))
        return { from: c + 1, to: j - 1, roleFrom: p.from, roleTo: p.to };
      return { ...p, roleFrom: c + 1, roleTo: j - 1 };
    }
    return first;
  }
  return phraseBefore(words, idx);
}

/** A cue in the words after a quote: ", he said", ", said Paul Martin", "Stofan said at the panel". */
function attributeAfter(
  text: string,
  words: Word[],
  maxLead: number,
  terminal: boolean,
): Attribution | 'participle' | null {
  for (const hit of findCues(words)) {
    if (hit.index > maxLead) break;
    if (NON_FINITE_CUE.test(hit.cue)) {
      // "Saltare can be heard saying": a perception verb makes the participle the report itself.
      if (/^(?:heard|seen|filmed|recorded|caught)$/iu.test(words[hit.index - 1]?.w ?? '')) {
        const before = speakerBeforeCue(words, hit.index);
        if (before) {
          return attributionOf(text, words, { from: before.from, to: before.to }, hit.cue);
        }
      }
      return hit.index <= 1 ? 'participle' : null;
    }
    if (hit.cue === 'according to') {
      const p = phraseAfter(words, hit.index + 1);
      if (!p) continue;
      return attributionOf(text, words, { from: p.from, to: p.to }, hit.cue);
    }
    if (terminal && /^\p{Lu}/u.test(words[0]?.w ?? '')) {
      // After a quote that ends its sentence, a capitalised word starts a new sentence unless the attribution is
      // just "Stofan said." or "Stofan said at the panel".
      const next = (words[hit.index + 1]?.w ?? '').toLowerCase();
      if (
        next &&
        !/^(?:at|in|on|during|after|before|of|to|from|when|while|as|last|this|today|yesterday|tonight|on|,|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/u.test(
          next,
        )
      )
        continue;
    }
    if (hit.index > 0) {
      const before = speakerBeforeCue(words, hit.index);
      if (!before) continue;
      return attributionOf(text, words, before, hit.cue);
    }
    const after = phraseAfter(words, hit.index);
    if (after) {
      return attributionOf(text, words, after, hit.cue);
    }
  }
  return null;
}

/** The attribution a speaker span names: its text, and its role words when the span has them. */
function attributionOf(
  text: string,
  words: Word[],
  span: { from: number; to: number; roleFrom?: number | undefined; roleTo?: number | undefined },
  cue: string,
): Attribution {
  const t = phraseText(text, words, span.from, span.to);
  const role =
    span.roleFrom !== undefined && span.roleTo !== undefined
      ? phraseText(text, words, span.roleFrom, span.roleTo).text
      : null;
  return { phrase: t.text, phraseStart: t.start, cue, role, explicit: true };
}

/** A cue in the words before a quote, in its sentence: "He said: '", "Theocharakis said Greece would be '". */
function attributeBefore(text: string, words: Word[]): Attribution | 'participle' | null {
  const cues = findCues(words);
  for (let h = cues.length - 1; h >= 0; h--) {
    const hit = cues[h] as CueHit;
    if (hit.cue === 'according to') {
      const p = phraseAfter(words, hit.index + 1);
      if (!p) continue;
      return attributionOf(text, words, { from: p.from, to: p.to }, hit.cue);
    }
    // The passive: "described by Islamic State as 'followers of the cross'", "was told by the ministry".
    if ((words[hit.index + 1]?.w ?? '').toLowerCase() === 'by' && !NON_FINITE_CUE.test(hit.cue)) {
      const p = phraseAfter(words, hit.index + 1);
      if (p) {
        return attributionOf(text, words, { from: p.from, to: p.to }, hit.cue);
      }
    }
    // "quoted Belgian Finance Minister Johan Van Overtveldt as saying"
    if (hit.cue.toLowerCase() === 'saying' && words[hit.index - 1]?.w === 'as') {
      let q = hit.index - 2;
      while (q >= 0 && words[q]?.w.toLowerCase() !== 'quoted' && hit.index - q < 14) q--;
      if (q >= 0 && words[q]?.w.toLowerCase() === 'quoted') {
        let from = q + 1;
        let to = hit.index - 2;
        // "quoted a finance ministry general secretary, Nikos Theocharakis, as saying": the name is the appositive.
        if (words[to]?.w === ',') {
          let c = to - 1;
          while (c > from && words[c]?.w !== ',') c--;
          if (words[c]?.w === ',') from = c + 1;
          to--;
        }
        if (to >= from) {
          const t = phraseText(text, words, from, to);
          return { phrase: t.text, phraseStart: t.start, cue: 'quoted as saying', role: null, explicit: true };
        }
      }
    }
    const prev = (words[hit.index - 1]?.w ?? '').toLowerCase();
    const coordinated = prev === 'and' || prev === 'but';
    if (!NON_FINITE_CUE.test(hit.cue) && !coordinated) {
      const before = speakerBeforeCue(words, hit.index);
      if (before) {
        return attributionOf(text, words, before, hit.cue);
      }
    }
    // "leaflets distributed by Tower Hamlets council advising parents to …": the passive agent speaks.
    if (NON_FINITE_CUE.test(hit.cue)) {
      const agent = phraseBefore(words, hit.index);
      if (agent && (words[agent.from - 1]?.w ?? '').toLowerCase() === 'by') {
        return attributionOf(text, words, { from: agent.from, to: agent.to }, hit.cue);
      }
    }
    const subject = sentenceSubject(text, words, hit.index);
    if (subject) return { phrase: subject.text, phraseStart: subject.start, cue: hit.cue, role: null, explicit: true };
    if (NON_FINITE_CUE.test(hit.cue) || coordinated) return 'participle';
    // Inverted order inside a sentence: 'said the ministry in a statement: "'.
    const after = phraseAfter(words, hit.index);
    if (after && (hit.index === 0 || isPunct(words[hit.index - 1]?.w ?? ''))) {
      return attributionOf(text, words, { from: after.from, to: after.to }, hit.cue);
    }
  }
  return null;
}

/** Where the sentence holding position `i` begins, not reading back past `limit`. */
function sentenceStart(text: string, i: number, limit: number): number {
  for (let j = i - 1; j >= limit; j--) {
    const c = text.charAt(j);
    if (c === '\n') return j + 1;
    if ((c === '.' || c === '!' || c === '?') && endsSentence(text, j)) return j + 1;
  }
  return limit;
}

/** Where the sentence holding position `i` ends, not reading past `limit`. */
function sentenceEnd(text: string, i: number, limit: number): number {
  for (let j = i; j < limit; j++) {
    const c = text.charAt(j);
    if (c === '\n') return j;
    if ((c === '.' || c === '!' || c === '?') && endsSentence(text, j)) return j + 1;
  }
  return limit;
}

const WORD_COUNT_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** The words of `s`, counted up to `limit`: callers only compare the count with small numbers. */
function countWords(s: string, limit: number): number {
  let n = 0;
  WORD_COUNT_RE.lastIndex = 0;
  while (n < limit && WORD_COUNT_RE.exec(s) !== null) n++;
  WORD_COUNT_RE.lastIndex = 0;
  return n;
}

const TITLE_WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** A short run of capitalised words without sentence punctuation reads as a title ("One Hundred Years of Solitude"). */
function looksLikeTitle(s: string): boolean {
  // Nine words are enough to tell: a long quotation need not be cut into all its words.
  const words: string[] = [];
  TITLE_WORD_RE.lastIndex = 0;
  for (let m = TITLE_WORD_RE.exec(s); m !== null && words.length <= 8; m = TITLE_WORD_RE.exec(s)) words.push(m[0]);
  TITLE_WORD_RE.lastIndex = 0;
  if (words.length === 0 || words.length > 8) return false;
  if (/[.!?,;:]$/u.test(s.trim())) return false;
  const small = /^(?:of|the|a|an|and|or|in|on|at|to|for|with|from|by)$/u;
  return words.every((w) => isCap(w) || small.test(w)) && isCap(words[0] ?? '');
}

/**
 * "the 'historic' agreement", "a 'them and us' culture": a few quoted words standing where an adjective goes,
 * between a determiner and a noun, flag a term rather than report speech.
 */
function isAttributive(text: string, span: QuoteSpan): boolean {
  if (!span.closed || countWords(text.slice(span.start, span.end), 4) > 3) return false;
  const before = /(?:^|\s)(?:the|a|an|its|their|his|her|our|this|that|these|those)\s+$/iu.test(
    text.slice(Math.max(0, span.open - 8), span.open),
  );
  if (!before) return false;
  const next = /^\s+(\p{Ll}+)/u.exec(text.slice(span.after, span.after + 30));
  return next?.[1] !== undefined && !CLAUSE_WORDS.has(next[1]);
}
const CLAUSE_WORDS = new Set(
  'and or but nor in on at to of for from by with as that which who when if because is was are were has had will would could should than'.split(
    ' ',
  ),
);

const NEW_SENTENCE_AFTER =
  /^\s+(?:Earlier|Later|Last|Meanwhile|However|But|In|On|At|After|Before|During|Yesterday|Today|When|While|Since|Although|Scroll)\b/u;

/** "shouts of 'Watch out'": words someone said, though nobody in particular. */
const SPEECH_NOUN_BEFORE = /\b(?:shouts|cries|chants|screams|cheers|calls|yells|words)\s+of\s+$/u;

/** Quotes of at least this many words need no cue in their sentence to count as quotations. */
const SELF_STANDING_WORDS = 6;

/**
 * Finds direct quotes and attributes each to a speaker: the cue and speaker phrase next to the quote (before or
 * after it), resolved to the fullest name the text gives; a quote with no attribution of its own continues the
 * previous quote's speaker. Marks that only flag a term, a title or a nickname are skipped.
 * @example extractQuotes('"We will stay," Kaja Kallas said.')[0].speaker // 'Kaja Kallas'
 */
export function extractQuotes(text: string, options: ExtractQuotesOptions = {}): Quote[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const spans = findQuoteSpans(text);
  const mentions = collectNameMentions(text, spans);
  markCuedMentions(text, mentions);
  const known = knownMentions(options.knownSpeakers ?? []);
  const allMentions = known.length > 0 ? [...known, ...mentions] : mentions;
  const out: Quote[] = [];
  /** For each quote: whether its paragraph runs on into the next quote (one quotation over several paragraphs). */
  const runsOn: boolean[] = [];
  let previous: PreviousQuote | null = null as PreviousQuote | null;
  /** Just past the last quotation kept. */
  let keptAfter = 0;

  for (let s = 0; s < spans.length; s++) {
    const span = spans[s] as QuoteSpan;
    const prevSpan = spans[s - 1];
    const nextSpan = spans[s + 1];
    const quoteText = text.slice(span.start, span.end);
    // Counted up to 12, the largest of the word counts compared below.
    const words = countWords(quoteText, 12);
    // Read back to the last quotation kept, not to marks that only flagged a term ("an 'Out' vote, saying: '…'").
    const keptSpan = keptAfter === prevSpan?.after ? prevSpan : undefined;
    const beforeLimit = Math.max(keptAfter, span.open - 400);
    const sStart = sentenceStart(text, span.open, beforeLimit);
    const beforeWords = tokens(text, sStart, span.open);
    const afterLimit = Math.min(nextSpan ? nextSpan.open : text.length, span.after + 400);
    const sEnd = span.closed ? sentenceEnd(text, span.after, afterLimit) : span.after;
    // "… is seen as 'the fit parent' Earlier this month, Judge X said": a new sentence whose full stop was lost.
    const runOn =
      span.closed && !/[\p{P}]$/u.test(quoteText) && NEW_SENTENCE_AFTER.test(text.slice(span.after, span.after + 12));
    const afterWords = span.closed && !runOn ? tokens(text, span.after, sEnd) : [];
    const endsSentenceInside = /[.!?…]['’"”]*$/u.test(quoteText);
    const startsSentence = beforeWords.length === 0 || /[:,]$/u.test(text.slice(sStart, span.open).trim());

    const termMarked = TERM_MARKER.test(text.slice(Math.max(0, span.open - 40), span.open));
    const titleLike = looksLikeTitle(quoteText);

    // The attribution: a cue just before the quote ("He said: '"), else right after a quote that opens its
    // sentence, else anywhere in the sentence around a partial quote.
    const sameSentenceAsPrevious =
      keptSpan !== undefined && sStart === keptSpan.after && beforeLimit === keptSpan.after;
    const afterLead = endsSentenceInside ? 3 : 9;
    const fromAfter = afterWords.length > 0 ? attributeAfter(text, afterWords, afterLead, endsSentenceInside) : null;
    const fromBefore = beforeWords.length > 0 ? attributeBefore(text, beforeWords) : null;
    const cueJustBefore = beforeWords.length > 0 && endsWithCue(beforeWords);
    let choice: Attribution | 'participle' | null;
    if (cueJustBefore) choice = fromBefore;
    else if (startsSentence) choice = fromAfter ?? fromBefore;
    else if (fromBefore === 'participle' && fromAfter && isWrittenSourceAccordingTo(fromAfter)) choice = fromBefore;
    else choice = fromBefore && fromBefore !== 'participle' ? fromBefore : (fromAfter ?? fromBefore);
    if (!choice && !endsSentenceInside && afterWords.length > 0) choice = attributeAfter(text, afterWords, 30, false);
    let attr: Attribution | null = null;
    let inherit = false;
    if (choice === 'participle') {
      // The subject stands earlier in the sentence: before this quote, or before the previous quote of the sentence.
      const subject = sentenceSubject(text, beforeWords, beforeWords.length);
      const participle = findCues(afterWords)[0]?.cue ?? findCues(beforeWords).at(-1)?.cue ?? null;
      if (subject)
        attr = { phrase: subject.text, phraseStart: subject.start, cue: participle, role: null, explicit: true };
      else inherit = sameSentenceAsPrevious || startsSentence;
    } else attr = choice;
    // A quote ending a run-on sentence whose earlier quote was attributed ("X said … 'a' … 'b' Earlier, …").
    if (!attr && runOn && sameSentenceAsPrevious) inherit = true;

    // Short quoted words count only when a cue stands in their sentence or they form a sentence of their own;
    // marks that flag a term or a title are skipped.
    const short = words < SELF_STANDING_WORDS;
    const anonymous = SPEECH_NOUN_BEFORE.test(text.slice(Math.max(0, span.open - 30), span.open));
    const cueInSentence =
      attr !== null ||
      findCues(beforeWords).length > 0 ||
      findCues(afterWords.slice(0, 12)).length > 0 ||
      anonymous ||
      (runOn && sameSentenceAsPrevious);
    const ownSentence = /^[\p{Lu}\d]/u.test(quoteText) && endsSentenceInside && words >= 2;
    if (short && (termMarked || titleLike || isAttributive(text, span))) continue;
    if (short && !cueInSentence && !ownSentence) continue;
    if ((titleLike || termMarked) && !attr && words < 12) continue;

    let resolved: ResolvedSpeaker | null = null;
    let desc: string | null = null;
    let cue: string | null = null;
    let role: string | null = null;
    if (attr) {
      resolved = resolveSpeakerPhrase(attr.phrase, { mentions: allMentions, at: attr.phraseStart, previous, text });
      desc = attr.phrase;
      cue = attr.cue;
      role = resolved.role ?? attr.role;
    } else if (
      previous &&
      !anonymous &&
      (inherit || (prevSpan && !prevSpan.closed) || isContinuation(text, previous.end, span.open))
    ) {
      resolved = { speaker: previous.speaker, role: previous.role, kind: previous.kind };
      desc = previous.desc;
      cue = previous.cue;
      role = previous.role;
    }
    if (resolved?.speaker && !role) role = roleOf(allMentions, resolved.speaker);
    runsOn.push(!span.closed && nextSpan !== undefined);
    keptAfter = span.after;
    out.push({
      text: quoteText,
      start: span.start,
      end: span.end,
      speaker: resolved?.speaker ?? null,
      role,
      speakerDesc: desc,
      cue,
    });
    if (resolved) {
      previous = {
        speaker: resolved.speaker,
        role,
        kind: resolved.kind,
        at: attr ? attr.phraseStart : (previous?.at ?? span.start),
        end: span.after,
        desc,
        cue,
        document: attr ? resolved.document === true : previous?.document,
      };
    }
  }
  // A quotation over several paragraphs is often attributed only in its last paragraph: carry the speaker back.
  for (let i = out.length - 2; i >= 0; i--) {
    const q = out[i] as Quote;
    const next = out[i + 1] as Quote;
    if (runsOn[i] && q.speaker === null && q.cue === null && next.speaker !== null) {
      q.speaker = next.speaker;
      q.role = next.role;
      q.speakerDesc = next.speakerDesc;
      q.cue = next.cue;
    }
  }
  return out;
}

/**
 * "X said … and called them 'useless', according to an extract of the article": the source cited is where the
 * words were printed, while the speaker is the subject of the clause.
 */
function isWrittenSourceAccordingTo(a: Attribution | 'participle'): boolean {
  return a !== 'participle' && a.cue === 'according to' && /^(?:an?|the)\s+\p{Ll}/u.test(a.phrase);
}

/** Whether the words before a quote end with a cue ("he said:", "adding", "according to NASA,"). */
function endsWithCue(words: Word[]): boolean {
  let j = words.length - 1;
  while (j >= 0 && isPunct(words[j]?.w ?? '')) j--;
  const hits = findCues(words);
  const last = hits[hits.length - 1];
  if (!last) return false;
  if (last.index >= j - 1) return true;
  // "told the newspaper:", "said in a statement:" — the cue and a short complement before a colon.
  return words[words.length - 1]?.w === ':' && j - last.index <= 6;
}

/** A quote with no attribution continues the previous speaker when at most one sentence stands between them. */
function isContinuation(text: string, prevEnd: number, open: number): boolean {
  if (open < prevEnd) return false;
  const gap = text.slice(prevEnd, open);
  if (gap.length > 300) return false;
  let sentences = 0;
  for (let j = 0; j < gap.length; j++) {
    if (/[.!?]/u.test(gap.charAt(j)) && endsSentence(gap, j)) sentences++;
    if (gap.charAt(j) === '\n' && /\S/u.test(gap)) sentences += 0;
  }
  return sentences <= 1;
}

const CUED_AFTER = new RegExp(
  `^(?:,[^.;'"‘’“”]{0,90}?,)?\\s+(?:(?:has|had|also|then|later|will|would|previously|further|again|\\p{Ll}+ly)\\s+)?(?:${CUE_WORDS.join('|')})\\b`,
  'u',
);

/** Marks the mentions a reporting verb follows: the people pronouns at later quotes most likely point to. */
function markCuedMentions(text: string, mentions: NameMention[]): void {
  for (const m of mentions) {
    if (CUED_AFTER.test(text.slice(m.end, m.end + 140))) m.cued = true;
  }
}

function roleOf(mentions: readonly NameMention[], speaker: string): string | null {
  for (const m of mentions) if (m.name === speaker && m.role) return m.role;
  return null;
}

function knownMentions(names: readonly string[]): NameMention[] {
  const out: NameMention[] = [];
  for (const name of names) {
    if (!name.includes(' ')) continue;
    out.push({ name, start: -1, end: -1, kind: 'person', role: null });
  }
  return out;
}
