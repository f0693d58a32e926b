import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Article } from '../../src/corpus/article.ts';
import { enrichArticle } from '../../src/nlp/enrich.ts';
import { loadGazetteer } from '../../src/nlp/gazetteer.ts';
import { REPO } from '../helpers/test-app.ts';

const gazetteer = loadGazetteer(path.join(REPO, 'data/gazetteer.json'));

function article(date: string, body: string): Article {
  return { id: 't', title: 'Test', date, source: 'Test Wire', body, paragraphs: body.split('\n\n') };
}

const KALLAS_QUOTE =
  '“Russia is not winning this war,” Kallas said in Brussels.\n\nKaja Kallas spoke after a meeting of ministers.';

describe('enrichArticle', () => {
  test.each([
    ['2024-03-14T00:00:00.000Z', 'Estonian Prime Minister'],
    ['2025-03-01T00:00:00.000Z', 'EU High Representative'],
  ])('GIVEN a Kallas quote dated %s THEN her role that day: %s', (date, role) => {
    const [quote] = enrichArticle(article(date, KALLAS_QUOTE), gazetteer).quotes;
    expect(quote).toMatchObject({ text: 'Russia is not winning this war,', speaker: 'Kaja Kallas', role });
  });

  test('GIVEN the seed article THEN sentences, summary, topics, the quote and the reported speech are all there', () => {
    const body =
      'Estonian Prime Minister Kaja Kallas declined to give assurances on troops. Responding to questions, Kallas said, "I do not make such promises."\n\nShe further highlighted the complexity of defining interference, noting that aid could be seen as such.';
    const e = enrichArticle(article('2024-03-14T00:00:00.000Z', body), gazetteer);
    expect(e.sentences.map(([s, t]) => body.slice(s, t))).toHaveLength(3);
    expect(e.summary.length).toBeGreaterThan(0);
    expect(e.topics).toContain('estonia');
    expect(e.people).toContain('Kaja Kallas');
    expect(e.quotes[0]).toMatchObject({ speaker: 'Kaja Kallas', role: 'Estonian Prime Minister', sentence: 1 });
    expect(e.statements).toContainEqual(expect.objectContaining({ speaker: 'Kaja Kallas', cue: 'highlighted' }));
    expect(e.keywords).toContain('assur');
  });

  test('GIVEN an empty body THEN an empty enrichment, no crash', () => {
    const e = enrichArticle(article('2024-01-01T00:00:00.000Z', ''), gazetteer);
    expect(e).toMatchObject({ sentences: [], quotes: [], topics: [], people: [] });
  });
});
