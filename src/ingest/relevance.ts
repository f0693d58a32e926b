import type { Enrichment } from '../nlp/enrichment.ts';

/**
 * How much an article is about the region, from its enrichment: gazetteer topic mentions in title and body (the
 * tagger counts the title too), plus one per gazetteer person named. 0 means nothing the gazetteer knows.
 * @example relevanceScore(enrichment) >= config.relevanceMinScore // keep it
 */
export function relevanceScore(enrichment: Pick<Enrichment, 'topicCounts' | 'people'>): number {
  let score = enrichment.people.length;
  for (const n of Object.values(enrichment.topicCounts)) score += n;
  return score;
}
