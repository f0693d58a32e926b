import type { Article } from '../corpus/article.ts';
import { ENRICHMENT_VERSION, type EnrichedQuote, type Enrichment } from './enrichment.ts';
import { tagEntities } from './entities.ts';
import { findPerson, type Gazetteer, type Person, roleOn } from './gazetteer.ts';
import { KEYWORDS_PER_ARTICLE, topContentTerms } from './keywords.ts';
import { extractQuotes } from './quotes.ts';

import { attributeStatements } from './reported-speech.ts';
import { splitSentences } from './sentences.ts';
import { summarizeText } from './summarize.ts';

export { ENRICHMENT_VERSION };

/** What enrichment reads of an article: its title, its date (for people's roles on that day) and its text. */
export type EnrichInput = Pick<Article, 'title' | 'date' | 'body'>;

/** How many of an article's sentences make its own summary. */
const SUMMARY_SENTENCES = 3;

/**
 * Everything the query path needs to know about an article, computed once when it enters the store: sentences,
 * its summary, quotes and reported speech with speakers and their roles on the article's date, topics and people.
 * @example const enrichment = enrichArticle(article, gazetteer);
 */
export function enrichArticle(article: EnrichInput, gazetteer: Gazetteer): Enrichment {
  const body = article.body;
  const sentences = splitSentences(body);
  const spans = sentences.map((s) => [s.start, s.end] as [number, number]);
  const sentenceAt = sentenceLocator(spans);

  const summaryStarts = new Set(summarizeText(body, SUMMARY_SENTENCES).map((s) => s.start));
  const summary = spans.flatMap(([start], i) => (summaryStarts.has(start) ? [i] : []));

  const person = personFinder(gazetteer);
  const roleFor = (speaker: string | null, textRole: string | null) => {
    const found = speaker ? person(speaker) : undefined;
    return (found && roleOn(found, article.date)) ?? textRole;
  };
  const canonical = (speaker: string | null) => (speaker ? (person(speaker)?.name ?? speaker) : null);

  const quotes: EnrichedQuote[] = extractQuotes(body).map((q) => ({
    ...q,
    speaker: canonical(q.speaker),
    role: roleFor(q.speaker, q.role),
    sentence: sentenceAt(q.start),
  }));
  const statements = attributeStatements(body).map((s) => ({
    start: s.start,
    end: s.end,
    speaker: canonical(s.speaker),
    role: roleFor(s.speaker, s.role),
    cue: s.cue,
  }));

  const entities = tagEntities(`${article.title}\n\n${body}`, gazetteer);
  return {
    sentences: spans,
    summary,
    quotes,
    statements,
    topics: entities.topics,
    topicCounts: entities.counts,
    people: entities.people,
    keywords: topContentTerms(body, KEYWORDS_PER_ARTICLE),
  };
}

/** Distinct speaker strings remembered per gazetteer before the memo starts afresh (bounds its memory). */
const PERSON_MEMO_LIMIT = 10_000;
const personMemos = new WeakMap<Gazetteer, Map<string, Person | null>>();

/**
 * `findPerson` remembered per gazetteer: the same speakers recur in every quote, statement and article, and each
 * look-up folds diacritics and scans the full names. A gazetteer is never changed after loading, so the answer for
 * one string stays right.
 */
function personFinder(gazetteer: Gazetteer): (speaker: string) => Person | null {
  let memo = personMemos.get(gazetteer);
  if (!memo) {
    memo = new Map();
    personMemos.set(gazetteer, memo);
  }
  const known = memo;
  return (speaker) => {
    const hit = known.get(speaker);
    if (hit !== undefined) return hit;
    const found = findPerson(gazetteer, speaker);
    if (known.size >= PERSON_MEMO_LIMIT) known.clear();
    known.set(speaker, found);
    return found;
  };
}

/** Maps a text offset to the index of the sentence containing it (the last one starting at or before it). */
function sentenceLocator(spans: [number, number][]): (offset: number) => number {
  return (offset) => {
    let lo = 0;
    let hi = spans.length - 1;
    let found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((spans[mid] as [number, number])[0] <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
}
