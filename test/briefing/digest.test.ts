/**
 * Digest composition and its one-message limits: what a channel reads, on the real app with made-up stories.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { App } from '../../src/app.ts';
import { createApp } from '../../src/app.ts';
import { renderReply } from '../../src/bot/render.ts';
import { DigestComposer } from '../../src/briefing/digest.ts';
import { digestMessage } from '../../src/briefing/digest-reply.ts';
import type { Reply } from '../../src/briefing/reply.ts';
import { fixedClock } from '../../src/clock.ts';
import { composeSubscriptionDigest } from '../../src/scheduler/digest-scheduler.ts';
import { messageProblems } from '../e2e/fake-discord.ts';
import { embedCharacters } from '../helpers/embeds.ts';
import { makeDataDir, silentLog, testConfig } from '../helpers/test-app.ts';
import { addStories, type StorySpec } from '../scheduler/digest-articles.ts';

const NOW = Date.parse('2026-11-23T06:00:00Z');
const countries = ['estonia', 'latvia', 'lithuania', 'finland', 'poland'] as const;

/** Everything a reader sees, as Discord would show it. */
function rendered(reply: Reply) {
  const payload = renderReply(reply);
  const embeds = payload.embeds ?? [];
  const total = embedCharacters(embeds);
  return { payload, embeds, total };
}

describe('digest composition', () => {
  let app: App;

  beforeAll(async () => {
    app = await createApp(testConfig(makeDataDir([])), silentLog, { clock: fixedClock(new Date(NOW)) });
    // 60 stories in the last day: far more than one message holds. One carries hostile text.
    const specs: StorySpec[] = Array.from({ length: 60 }, (_, i) => ({
      id: `s${i}`,
      topic: countries[i % countries.length] as StorySpec['topic'],
      date: new Date(NOW - (i + 1) * 20 * 60_000).toISOString(),
      variant: Math.floor(i / countries.length),
      source: ['ERR News', 'LSM', 'LRT', 'Yle'][i % 4],
      ...(i === 0 ? { extra: ' as @everyone cheered **loudly** <@123456789012345678>' } : {}),
    }));
    addStories(app, specs);
  });
  afterAll(() => app.close());

  const compose = (topics: string[], seen = new Set<string>(), quiet = false) =>
    composeSubscriptionDigest(
      new DigestComposer(app.services.corpus),
      app.services.corpus,
      { topics, lastUntilMs: null, quiet },
      seen,
      NOW,
    );

  test('GIVEN many stories THEN one message within Discord’s limits, trimmed, with a pointer to /brief', () => {
    const digest = compose([]);
    const { payload, embeds, total } = rendered(digest.reply!);
    expect(messageProblems(payload)).toEqual([]);
    expect(embeds.length).toBeLessThanOrEqual(10);
    expect(total).toBeLessThanOrEqual(6000);
    expect(digest.omitted).toBeGreaterThan(0);
    expect(embeds.at(-1)?.footer?.text).toMatch(/^\d+ more new stories left out: \/brief \w+ for the rest$/);
    // Every story line is whole: it ends with its citation, never with a cut word.
    const lines = embeds.filter((e) => e.title !== 'Sources').flatMap((e) => e.description?.split('\n') ?? []);
    for (const line of lines.filter((l) => l.startsWith('•'))) expect(line).toMatch(/ \\\[\d+\\\]$/);
    expect(payload.allowedMentions).toEqual({ parse: [] });
    expect(JSON.stringify(payload)).not.toMatch(/@everyone|<@\d/);
  });

  test('GIVEN topics THEN stories are grouped under them, each cited, and every citation is in the sources', () => {
    const digest = compose(['estonia', 'latvia']);
    const reply = digest.reply!;
    const titles = reply.sections?.map((s) => s.title);
    expect(titles).toEqual(expect.arrayContaining(['Estonia', 'Latvia', 'Sources']));
    expect(titles).not.toContain('Finland');
    const cited = new Set(JSON.stringify(reply).match(/\[(\d+)\]/g));
    const sources = reply.sections?.find((s) => s.title === 'Sources')?.lines ?? [];
    expect(sources.length).toBe(cited.size);
  });

  test('GIVEN quotes in the stories THEN a quote of the day with its speaker and source', () => {
    const reply = compose(['estonia']).reply!;
    const quote = reply.sections?.find((s) => s.title === 'Quote of the day');
    expect(quote?.lines?.[0]).toMatch(
      /^“We are doing this because the threat has not gone away,?” — .+ \(.+, 2026-11-2\d\) \[\d+\]$/,
    );
  });

  test('GIVEN the channel has seen some stories THEN they are left out', () => {
    const first = compose(['latvia', 'estonia']);
    const second = compose(['latvia', 'estonia'], new Set(first.articleIds));
    const shownFirst = JSON.stringify(first.reply);
    for (const id of second.articleIds) expect(shownFirst).not.toContain(`news.example.org/${id}"`);
    expect(second.shown).toBeGreaterThan(0);
  });

  test.each([
    [false, 'a one-line note'],
    [true, 'silence'],
  ])('GIVEN nothing new and quiet=%s THEN %s', (quiet) => {
    const all = compose(['estonia']);
    const candidates = new DigestComposer(app.services.corpus).candidates({
      topics: ['estonia'],
      sinceMs: NOW - 86_400_000,
      untilMs: NOW,
    });
    const seenAll = new Set(candidates.stories.flatMap((s) => [s.articleId, ...s.duplicates]));
    const empty = digestMessage(candidates, seenAll, {
      topicName: (id) => id,
      scope: 'Estonia',
      sinceMs: NOW - 86_400_000,
      quiet,
    });
    expect(all.shown).toBeGreaterThan(0);
    expect(empty.reply).toEqual(
      quiet ? null : { content: expect.stringMatching(/^No new Estonia stories since <t:\d+:f>\.$/) },
    );
  });
});
