import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Corpus } from '../../src/briefing/corpus.ts';
import { makeTestApp } from '../helpers/test-app.ts';

let corpus: Corpus;
let close: () => void;
beforeAll(async () => {
  const app = await makeTestApp();
  corpus = app.services.corpus;
  close = app.close;
});
afterAll(() => close());

const titles = (hits: { header: { title: string } }[]) => hits.map((h) => h.header.title);

describe('CorpusIndex', () => {
  test('GIVEN a topic id THEN aliases and places count: Latvia finds the Riga exercise', () => {
    const hits = corpus.search(corpus.resolve('latvia'), {});
    expect(titles(hits)).toEqual(['Latvia holds reserve call-up exercise near Riga']);
  });

  test('GIVEN free words THEN all must match first (AND), found in the body keywords too', () => {
    const hits = corpus.index.searchText('queues crossing', {});
    expect(titles(hits)).toEqual(['Estonia extends Narva border checks after drone sighting']);
  });

  test('GIVEN a typo that matches nothing exactly THEN the fuzzy fallback still finds it', () => {
    expect(titles(corpus.index.searchText('reservsts', {}))).toEqual([
      'Latvia holds reserve call-up exercise near Riga',
    ]);
  });

  test.each([
    ['a date window', { sinceMs: Date.parse('2026-11-20T00:00:00Z') }, 2],
    ['an outlet, any case', { source: 'lrt' }, 1],
    ['a window before everything', { untilMs: Date.parse('2020-01-01T00:00:00Z') }, 0],
  ])('GIVEN %s THEN only matching articles come back', (_, filter, count) => {
    expect(corpus.search(corpus.resolve('estonia'), filter)).toHaveLength(count);
  });

  // biome-ignore lint/suspicious/noTemplateCurlyInString: regex metacharacters on purpose, not a template
  test.each(['', '   ', '!!!', '.*+?^${}()|[]\\', '<@123> @everyone', 'a'.repeat(10_000)])(
    'GIVEN hostile or empty text %# THEN no crash and no match',
    (text) => {
      expect(() => corpus.index.searchText(text, {})).not.toThrow();
      expect(corpus.index.searchText(text, {})).toHaveLength(0);
    },
  );
});
