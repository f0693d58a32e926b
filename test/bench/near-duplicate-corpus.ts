import type { Article } from '../../src/corpus/article.ts';
import { prng } from './synthetic-corpus.ts';

/**
 * A yardstick for near-duplicate detection: diverse base articles and rewritten copies of some of them.
 *
 * The template corpus (synthetic-corpus.ts) builds every article from the same few phrases, so two unrelated
 * articles share most of their word shingles and look like copies of each other: fine for load, useless for
 * measuring precision. Here every article is composed word by word from a large generated vocabulary with varied
 * grammar, and each story draws on its own names and subject words, so, as in real news, unrelated articles share
 * little beyond common phrasing ("the minister said on Monday") while a story's copies share most of their text.
 *
 * Rewritten copies change what syndication and light rewrites change: synonyms swapped, sentences reordered,
 * dropped or added, a new lead, a cut ending, boilerplate around the text.
 * Everything is deterministic for a seed.
 */

/** Function words and common news words every article uses: they make the shared, uninformative shingles. */
const COMMON = {
  det: ['the', 'a', 'this', 'that', 'its', 'their', 'another', 'every', 'one', 'some'],
  prep: ['in', 'on', 'at', 'for', 'with', 'after', 'before', 'over', 'against', 'near', 'under', 'across', 'about'],
  conj: ['and', 'but', 'while', 'as', 'because', 'although', 'since', 'so'],
  speech: ['said', 'told reporters', 'added', 'warned', 'stated', 'wrote', 'noted', 'argued', 'confirmed'],
  time: [
    'on Monday',
    'on Tuesday',
    'on Wednesday',
    'on Thursday',
    'on Friday',
    'at the weekend',
    'last week',
    'last month',
    'this year',
    'earlier today',
  ],
  office: ['minister', 'spokesman', 'official', 'president', 'commander', 'analyst', 'mayor', 'director', 'chief'],
  aux: ['will', 'could', 'would', 'may', 'must', 'should', 'has to', 'is expected to', 'plans to'],
};

const ONSETS = [
  'b',
  'br',
  'd',
  'dr',
  'f',
  'g',
  'gr',
  'k',
  'kl',
  'l',
  'm',
  'n',
  'p',
  'pl',
  'r',
  's',
  'st',
  't',
  'tr',
  'v',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'y'];
const CODAS = ['', '', 'n', 'r', 's', 'l', 'nt', 'st', 'm', 'k', 'rd'];

/** The generated vocabulary: word classes large enough that two stories rarely draw the same content words. */
interface Vocabulary {
  nouns: string[];
  verbs: string[];
  adjectives: string[];
  adverbs: string[];
  names: string[];
  places: string[];
  /** Word → another word of the same class with the same meaning, for rewrites. */
  synonyms: Map<string, string>;
}

function makeVocabulary(rnd: () => number): Vocabulary {
  const seen = new Set<string>();
  const word = (minSyllables: number, maxSyllables: number): string => {
    for (;;) {
      const n = minSyllables + Math.floor(rnd() * (maxSyllables - minSyllables + 1));
      let w = '';
      for (let i = 0; i < n; i++) w += pick(rnd, ONSETS) + pick(rnd, VOWELS) + (i === n - 1 ? pick(rnd, CODAS) : '');
      if (!seen.has(w)) {
        seen.add(w);
        return w;
      }
    }
  };
  const many = (count: number, make: () => string) => Array.from({ length: count }, make);
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  const vocabulary: Vocabulary = {
    nouns: many(6000, () => word(1, 3)),
    verbs: many(2500, () => `${word(1, 2)}ed`),
    adjectives: many(2500, () => `${word(1, 2)}ic`),
    adverbs: many(600, () => `${word(1, 2)}ly`),
    names: many(3000, () => `${cap(word(1, 2))} ${cap(word(2, 3))}`),
    places: many(1500, () => cap(word(2, 3))),
    synonyms: new Map(),
  };
  // A quarter of the content words have a synonym: a rewrite can only swap those.
  for (const list of [vocabulary.nouns, vocabulary.verbs, vocabulary.adjectives, vocabulary.adverbs]) {
    for (let i = 0; i + 1 < list.length; i += 8) {
      vocabulary.synonyms.set(list[i] as string, list[i + 1] as string);
      vocabulary.synonyms.set(list[i + 1] as string, list[i] as string);
    }
  }
  return vocabulary;
}

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)] as T;
}

/** A skewed pick: low indexes far more often, as common words are in real text (roughly Zipf-like). */
function pickSkewed<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() ** 2.5 * xs.length)] as T;
}

/** What one story is about: its own people, places and subject words, which its sentences keep returning to. */
interface Story {
  people: string[];
  places: string[];
  nouns: string[];
  verbs: string[];
  adjectives: string[];
}

function makeStory(rnd: () => number, v: Vocabulary): Story {
  const some = <T>(xs: readonly T[], n: number) => Array.from({ length: n }, () => pick(rnd, xs));
  return {
    people: some(v.names, 2 + Math.floor(rnd() * 3)),
    places: some(v.places, 1 + Math.floor(rnd() * 3)),
    nouns: some(v.nouns, 8 + Math.floor(rnd() * 8)),
    verbs: some(v.verbs, 4 + Math.floor(rnd() * 4)),
    adjectives: some(v.adjectives, 3 + Math.floor(rnd() * 4)),
  };
}

/** One sentence: the story's words half the time, the whole vocabulary otherwise, in one of several shapes. */
function makeSentence(rnd: () => number, v: Vocabulary, story: Story): string {
  const noun = () => (rnd() < 0.5 ? pick(rnd, story.nouns) : pickSkewed(rnd, v.nouns));
  const verb = () => (rnd() < 0.4 ? pick(rnd, story.verbs) : pickSkewed(rnd, v.verbs));
  const adj = () => (rnd() < 0.4 ? pick(rnd, story.adjectives) : pickSkewed(rnd, v.adjectives));
  const person = () => pick(rnd, story.people);
  const place = () => (rnd() < 0.7 ? pick(rnd, story.places) : pickSkewed(rnd, v.places));
  const np = (): string => {
    const r = rnd();
    if (r < 0.3) return `${pick(rnd, COMMON.det)} ${noun()}`;
    if (r < 0.6) return `${pick(rnd, COMMON.det)} ${adj()} ${noun()}`;
    if (r < 0.8) return `${pick(rnd, COMMON.det)} ${noun()} of ${pick(rnd, COMMON.det)} ${noun()}`;
    if (r < 0.9) return `${noun()}s ${pick(rnd, COMMON.prep)} ${place()}`;
    return `${pick(rnd, COMMON.det)} ${adj()} ${noun()} ${pick(rnd, COMMON.prep)} ${place()}`;
  };
  const pp = () => `${pick(rnd, COMMON.prep)} ${np()}`;
  const clause = (): string => {
    const r = rnd();
    const subject = rnd() < 0.25 ? person() : np();
    if (r < 0.3) return `${subject} ${verb()} ${np()}`;
    if (r < 0.5) return `${subject} ${verb()} ${np()} ${pp()}`;
    if (r < 0.65) return `${subject} ${pick(rnd, COMMON.aux)} ${verb().replace(/ed$/, '')} ${np()}`;
    if (r < 0.8) return `${subject} ${pickSkewed(rnd, v.adverbs)} ${verb()} ${np()} ${pick(rnd, COMMON.time)}`;
    return `${np()} was ${verb()} ${pp()} ${pick(rnd, COMMON.time)}`;
  };
  const r = rnd();
  let sentence: string;
  if (r < 0.2) sentence = `${clause()}, ${pick(rnd, COMMON.office)} ${person()} ${pick(rnd, COMMON.speech)}`;
  else if (r < 0.3) sentence = `“${clause()},” ${person()} ${pick(rnd, COMMON.speech)} ${pick(rnd, COMMON.time)}`;
  else if (r < 0.55) sentence = `${clause()} ${pick(rnd, COMMON.conj)} ${clause()}`;
  else if (r < 0.7) sentence = `${capitalise(pp())}, ${clause()}`;
  else sentence = clause();
  return `${capitalise(sentence)}.`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const OUTLETS = ['Wire One', 'Northern Daily', 'Coast Radio', 'Capital Herald', 'Region Today', 'Evening Post'];
const BOILERPLATE = [
  'Subscribe to our newsletter for the latest news from the region.',
  'This article was updated with additional reporting from our correspondents.',
  'Reporting by our newsroom; editing by the duty desk.',
  'All rights reserved. Reproduction without permission is prohibited.',
  'Follow us for more stories like this one.',
];

export interface NearDuplicateCase {
  article: Article;
  /** The base article's index: copies of one story share it. */
  story: number;
}

export interface NearDuplicateCorpusOptions {
  /** Base articles (distinct stories). */
  stories: number;
  /** Share of stories that get rewritten copies. */
  copiedShare?: number;
  /** Copies per copied story. */
  copiesPerStory?: number;
  /** Days the stories spread over (copies follow their base within two days). */
  days?: number;
  seed?: number;
}

/**
 * Base articles and rewritten copies, shuffled (a copy may arrive before its original).
 * @example const cases = nearDuplicateCorpus({ stories: 1000, seed: 3 });
 */
export function nearDuplicateCorpus(options: NearDuplicateCorpusOptions): NearDuplicateCase[] {
  const rnd = prng(options.seed ?? 1);
  const vocabulary = makeVocabulary(rnd);
  const days = options.days ?? 90;
  const out: NearDuplicateCase[] = [];
  for (let s = 0; s < options.stories; s++) {
    const story = makeStory(rnd, vocabulary);
    const paragraphCount = 3 + Math.floor(rnd() * 7);
    const paragraphs = Array.from({ length: paragraphCount }, () =>
      Array.from({ length: 2 + Math.floor(rnd() * 4) }, () => makeSentence(rnd, vocabulary, story)).join(' '),
    );
    const dateMs = Date.UTC(2026, 0, 1) + Math.floor(rnd() * days * 86_400_000);
    const base = articleOf(`nd-${s}`, pick(rnd, OUTLETS), dateMs, paragraphs);
    out.push({ article: base, story: s });
    if (rnd() < (options.copiedShare ?? 0.5)) {
      for (let c = 0; c < (options.copiesPerStory ?? 2); c++) {
        const copy = rewrite(rnd, vocabulary, story, paragraphs);
        const copyDate = dateMs + Math.floor(rnd() * 2 * 86_400_000);
        out.push({ article: articleOf(`nd-${s}-c${c}`, pick(rnd, OUTLETS), copyDate, copy), story: s });
      }
    }
  }
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j] as NearDuplicateCase, out[i] as NearDuplicateCase];
  }
  return out;
}

/** A light rewrite of a story's paragraphs, as another outlet or a later edit would publish it. */
function rewrite(rnd: () => number, v: Vocabulary, story: Story, paragraphs: readonly string[]): string[] {
  let sentences = paragraphs.map((p) => p.split(/(?<=[.!?”])\s+/));
  // A new lead: the first sentence written afresh.
  if (rnd() < 0.5 && sentences[0]?.length) sentences[0][0] = makeSentence(rnd, v, story);
  sentences = sentences.map((list) => {
    let out = list.filter(() => rnd() >= 0.08);
    const added: string[] = [];
    for (const sentence of out) {
      added.push(sentence);
      if (rnd() < 0.05) added.push(makeSentence(rnd, v, story));
    }
    out = added;
    for (let i = 0; i + 1 < out.length; i++) {
      if (rnd() < 0.15) [out[i], out[i + 1]] = [out[i + 1] as string, out[i] as string];
    }
    return out.map((sentence) =>
      sentence.replace(/\p{L}+/gu, (w) => {
        const synonym = v.synonyms.get(w);
        return synonym && rnd() < 0.4 ? synonym : w;
      }),
    );
  });
  let out = sentences.map((list) => list.join(' ')).filter((p) => p.length > 0);
  // A cut ending: some outlets run only the first part.
  if (rnd() < 0.3) out = out.slice(0, Math.max(2, Math.ceil(out.length * (0.6 + rnd() * 0.3))));
  if (rnd() < 0.4) out.unshift(pick(rnd, BOILERPLATE));
  if (rnd() < 0.6) out.push(`${pick(rnd, BOILERPLATE)} ${pick(rnd, BOILERPLATE)}`);
  return out;
}

function articleOf(id: string, source: string, dateMs: number, paragraphs: string[]): Article {
  const first = paragraphs[0] ?? '';
  return {
    id,
    title: first.split(/\s+/).slice(0, 10).join(' '),
    date: new Date(dateMs).toISOString(),
    source,
    url: `https://example.com/${source.toLowerCase().replace(/\W+/g, '-')}/${id}`,
    body: paragraphs.join('\n\n'),
    paragraphs,
  };
}
