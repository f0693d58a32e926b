import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Corpus } from '../../src/briefing/corpus.ts';
import { findQuotes, quotesReply } from '../../src/briefing/find-quotes.ts';
import { renderText } from '../../src/console/render-text.ts';
import { makeTestApp } from '../helpers/test-app.ts';

const now = new Date('2026-11-21T12:00:00Z');
let corpus: Corpus;
let close: () => void;
beforeAll(async () => {
  const app = await makeTestApp({ now });
  corpus = app.services.corpus;
  close = app.close;
});
afterAll(() => close());

describe('findQuotes', () => {
  test.each(['kallas', 'Kaja Kallas', 'KALLAS', 'kalas'])('GIVEN speaker "%s" THEN Kaja Kallas’s quote', (speaker) => {
    const result = findQuotes(corpus, { speaker, now });
    expect(result.ok && result.quotes.map((q) => [q.text, q.speaker, q.role])).toEqual([
      ['I do not make such promises, because circumstances may change.', 'Kaja Kallas', 'Estonian Prime Minister'],
    ]);
  });

  test('GIVEN the same quote in two outlets THEN it is listed once', () => {
    const result = findQuotes(corpus, { speaker: 'michal', now });
    expect(result.ok && result.quotes.map((q) => q.text)).toEqual([
      'If this was deliberate, there will be consequences,',
    ]);
  });

  test('GIVEN query words THEN quotes containing them, newest first', () => {
    const result = findQuotes(corpus, { query: 'border', now });
    expect(result.ok && result.quotes[0]?.speaker).toBe('Igor Taro');
  });

  test('GIVEN an unknown speaker THEN a private note that suggests autocomplete', () => {
    const options = { speaker: 'Nobody Atall', now };
    const reply = quotesReply(findQuotes(corpus, options), options);
    expect(reply.private).toBe(true);
    expect(renderText(reply)).toContain('No quotes attributed to “Nobody Atall” yet');
  });

  test('GIVEN a window with nothing in it THEN a note naming the window', () => {
    const options = { speaker: 'kallas', days: 30, now };
    expect(renderText(quotesReply(findQuotes(corpus, options), options))).toContain('in the last 30 days');
  });

  test('GIVEN a prefix THEN speaker autocomplete lists matching speakers', () => {
    expect(corpus.speakerSuggestions('kal')).toEqual(['Kaja Kallas']);
    expect(corpus.speakerSuggestions('').length).toBeLessThanOrEqual(25);
  });
});

describe('topic autocomplete', () => {
  test('GIVEN a prefix of a region topic THEN the topic comes first', () => {
    expect(corpus.topicSuggestions('esto')[0]).toBe('Estonia');
  });

  test('GIVEN a prefix of a quoted person THEN the person is offered too', () => {
    expect(corpus.topicSuggestions('kalla')).toContain('Kaja Kallas');
  });

  test('GIVEN nothing typed THEN at most 25 suggestions, topics only', () => {
    const all = corpus.topicSuggestions('');
    expect(all.length).toBeLessThanOrEqual(25);
    expect(all).not.toContain('Kaja Kallas');
  });
});
