import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BriefResult, composeBrief } from '../../src/briefing/brief.ts';
import { briefReply } from '../../src/briefing/brief-reply.ts';
import type { Corpus } from '../../src/briefing/corpus.ts';
import { renderText } from '../../src/console/render-text.ts';
import { makeTestApp } from '../helpers/test-app.ts';

const NOW = new Date('2026-11-21T12:00:00Z');
let corpus: Corpus;
let close: () => void;

beforeAll(async () => {
  const app = await makeTestApp({ now: NOW });
  corpus = app.services.corpus;
  close = app.close;
});
afterAll(() => close());

function brief(topic: string, options: { days?: number; source?: string } = {}): BriefResult {
  return composeBrief(corpus, corpus.resolve(topic), { now: NOW, defaultDays: 7, ...options });
}

describe('composeBrief', () => {
  test('GIVEN recent Estonia coverage THEN points cite articles, quotes carry speaker and role, sources are listed', () => {
    const result = brief('estonia');
    if (!result.ok) throw new Error('expected a brief');
    const b = result.brief;
    expect(b.stale).toBe(false);
    expect(b.points.length).toBeGreaterThan(0);
    const refs = new Set(b.sources.map((s) => s.ref));
    for (const p of b.points) expect(refs).toContain(p.ref);
    expect(b.quotes).toContainEqual(
      expect.objectContaining({
        text: 'If this was deliberate, there will be consequences,',
        speaker: 'Kristen Michal',
        role: 'Estonian Prime Minister',
      }),
    );
    // The seed article is from 2024: outside the 7-day window.
    expect(b.sources.map((s) => s.source)).not.toContain('MENAFN');
  });

  test('GIVEN the same quote run by two outlets THEN it appears once', () => {
    const result = brief('estonia');
    if (!result.ok) throw new Error('expected a brief');
    const michal = result.brief.quotes.filter((q) => q.text.startsWith('If this was deliberate'));
    expect(michal).toHaveLength(1);
  });

  test('GIVEN no days and no recent coverage THEN the latest coverage, saying how old it is', () => {
    const now = new Date('2026-12-30T00:00:00Z');
    const result = composeBrief(corpus, corpus.resolve('estonia'), { now, defaultDays: 7 });
    if (!result.ok) throw new Error('expected a brief');
    expect(result.brief.stale).toBe(true);
    const text = renderText(briefReply(result, corpus));
    expect(text).toContain('No Estonia coverage in the last 7 days; the latest, from 20 November 2026:');
  });

  test('GIVEN days that miss all coverage THEN NO_COVERAGE with the days that would reach the latest', () => {
    const result = composeBrief(corpus, corpus.resolve('kallas'), { now: NOW, defaultDays: 7, days: 7 });
    if (result.ok || !result.latest) throw new Error('expected NO_COVERAGE with the latest coverage');
    const text = renderText(briefReply(result, corpus));
    expect(text).toContain('The latest is from 14 March 2024');
    expect(text).toContain(`/brief topic:Kaja Kallas days:${result.latest.days}`);
    // Following the suggestion works.
    const again = composeBrief(corpus, corpus.resolve('kallas'), {
      now: NOW,
      defaultDays: 7,
      days: result.latest.days,
    });
    expect(again.ok).toBe(true);
  });

  test('GIVEN a topic with no coverage at all THEN the reply suggests topics that have some', () => {
    const text = renderText(briefReply(brief('moldova', { days: 7 }), corpus));
    expect(text).toMatch(/No Moldova coverage in the last 7 days\. Topics with coverage: .*Estonia \(\d+\)/);
  });

  test.each([
    ['estnoia', 'Estonia'],
    ['ESTONIAN', 'Estonia'],
    ['Tallinn', 'Estonia'],
    ['riga', 'Latvia'],
  ])('GIVEN the topic "%s" THEN it briefs on %s', (typed, label) => {
    const result = brief(typed, { days: 30 });
    expect(result.ok && result.brief.topic.label).toBe(label);
  });

  test('GIVEN a source filter THEN only that outlet is cited', () => {
    const result = brief('estonia', { source: 'err news' });
    if (!result.ok) throw new Error('expected a brief');
    expect(new Set(result.brief.sources.map((s) => s.source))).toEqual(new Set(['ERR News']));
  });

  test('GIVEN a person THEN the quotes are theirs only', () => {
    const result = brief('Sprūds', { days: 30 });
    if (!result.ok) throw new Error('expected a brief');
    expect(result.brief.quotes.length).toBeGreaterThan(0);
    for (const q of result.brief.quotes) expect(q.speaker).toBe('Andris Sprūds');
  });
});
