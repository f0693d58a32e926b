import { expect, test } from 'vitest';
import { pickQuotes, type QuoteCandidate, speakerMatches } from '../../src/briefing/pick-quotes.ts';
import type { StoredArticle } from '../../src/store/articles.ts';

function candidate(text: string, speaker: string | null, weight: number): QuoteCandidate {
  const quote = { text, start: 0, end: text.length, speaker, role: null, speakerDesc: null, cue: 'said', sentence: 0 };
  return { quote, article: { id: `a-${text.length}` } as StoredArticle, weight };
}

const A1 = candidate('We will keep the border checks in place for another month at least', 'Igor Taro', 1);
const A2 = candidate('Every sighting is investigated until we know exactly who sent the drone', 'Igor Taro', 0.9);
const B1 = candidate('The reserve has to be ready within hours and not within several weeks', 'Andris Sprūds', 0.5);

test('GIVEN two quotes by one person and one by another THEN a brief hears both people first', () => {
  expect(pickQuotes([A1, A2, B1], { max: 2 }).map((c) => c.quote.speaker)).toEqual(['Igor Taro', 'Andris Sprūds']);
});

test('GIVEN slots to spare THEN a second quote by the same person fills them', () => {
  expect(pickQuotes([A1, A2, B1], { max: 3 })).toHaveLength(3);
});

test('GIVEN a person asked for THEN only their quotes, as many as fit', () => {
  expect(pickQuotes([A1, A2, B1], { max: 3, speaker: 'taro' }).map((c) => c.quote.text)).toEqual([
    A1.quote.text,
    A2.quote.text,
  ]);
});

test('GIVEN the same wording from two outlets THEN it is picked once', () => {
  const copy = { ...A1, article: { id: 'other' } as StoredArticle, weight: 0.8 };
  expect(pickQuotes([A1, copy], { max: 3 })).toHaveLength(1);
});

test.each([
  ['Kaja Kallas', 'kallas', true],
  ['Evika Siliņa', 'silina', true],
  ['Kaja Kallas', 'kaja kallas', true],
  ['Kaja Kallas', 'kal', false],
  [null, 'kallas', false],
])('speakerMatches(%s, %s) → %s', (speaker, wanted, expected) => {
  expect(speakerMatches(speaker, wanted)).toBe(expected);
});
