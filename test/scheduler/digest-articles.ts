/**
 * Articles made up for digest tests, added to a running app (store and index) at chosen dates, so a test can say
 * "an Estonia story arrived at 07:00" and check what the next digest carries. The wording is generated here.
 */
import type { App } from '../../src/app.ts';
import type { Article } from '../../src/corpus/article.ts';
import { hashArticle } from '../../src/ingest/sync-files.ts';
import { enrichArticle } from '../../src/nlp/enrich.ts';
import { ENRICHMENT_VERSION } from '../../src/nlp/enrichment.ts';
import type { StoredArticle } from '../../src/store/articles.ts';

/** Place words that make the enrichment tag a topic. */
const PLACES: Record<string, { country: string; city: string; adjective: string; minister: string }> = {
  estonia: { country: 'Estonia', city: 'Tallinn', adjective: 'Estonian', minister: 'Hanno Pevkur' },
  latvia: { country: 'Latvia', city: 'Riga', adjective: 'Latvian', minister: 'Andris Sprūds' },
  lithuania: { country: 'Lithuania', city: 'Vilnius', adjective: 'Lithuanian', minister: 'Laurynas Kasčiūnas' },
  finland: { country: 'Finland', city: 'Helsinki', adjective: 'Finnish', minister: 'Antti Häkkänen' },
  poland: { country: 'Poland', city: 'Warsaw', adjective: 'Polish', minister: 'Władysław Kosiniak-Kamysz' },
};

/** Distinct developments: each shares little wording with the others, as separate stories do. */
const THINGS = [
  'new radar stations along the eastern border',
  'a winter exercise with allied battalions near frozen lakes',
  'funding for coastal air defence batteries',
  'longer naval patrols over busy shipping lanes',
  'a reserve call-up for signal specialists',
  'stricter customs checks on freight trains',
  'repairs to a damaged undersea power cable',
  'a cyber drill for hospitals and ports',
  'ammunition contracts with two domestic plants',
  'new rules for drone flights near military bases',
  'a review of bomb shelter capacity in schools',
  'closer intelligence sharing with Nordic partners',
];
const VERBS = ['approved', 'unveiled', 'announced', 'ordered', 'backed', 'launched'];

export interface StorySpec {
  id: string;
  topic: keyof typeof PLACES;
  /** ISO instant. */
  date: string;
  source?: string;
  /** Which of the generated subjects to use (varies the wording so stories are distinct). */
  variant?: number;
  /** Extra text appended to the lead (e.g. hostile markdown). */
  extra?: string;
}

/** A made-up article about one country. */
export function storyArticle(spec: StorySpec): Article {
  const p = PLACES[spec.topic] as (typeof PLACES)[string];
  const thing = THINGS[(spec.variant ?? 0) % THINGS.length] as string;
  const verb = VERBS[(spec.variant ?? 0) % VERBS.length] as string;
  const lead = `${p.country} ${verb} ${thing}${spec.extra ?? ''}.`;
  const paragraphs = [
    lead,
    `"We are doing this because the threat has not gone away," ${p.adjective} Defence Minister ${p.minister} said in ${p.city}. ${p.country} expects the work on ${thing} to take a year.`,
    `Opposition members in ${p.country} asked for a debate on the cost. The ministry said details would follow next month.`,
  ];
  return {
    id: spec.id,
    title: `${p.city}: ${thing}`,
    date: spec.date,
    source: spec.source ?? 'Test Wire',
    url: `https://news.example.org/${spec.id}`,
    body: paragraphs.join('\n\n'),
    paragraphs,
  };
}

/** Enriches and adds articles to the app's store and index, as an ingest run would. */
export function addStories(app: App, specs: StorySpec[]): StoredArticle[] {
  const { articles, corpus, clock } = app.services;
  const stored = specs.map((spec) => {
    const article = storyArticle(spec);
    return {
      ...article,
      origin: 'feed' as const,
      originRef: 'test',
      contentHash: hashArticle(article),
      enrichment: enrichArticle(article, corpus.gazetteer),
      enrichVersion: ENRICHMENT_VERSION,
    };
  });
  articles.write({ upsert: stored }, clock.now().getTime());
  for (const a of stored) corpus.index.upsert(a);
  return stored;
}
