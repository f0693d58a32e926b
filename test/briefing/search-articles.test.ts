import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import searchCommand from '../../commands/search.ts';
import type { CommandContext } from '../../commands/types.ts';
import type { App } from '../../src/app.ts';
import { articleReply } from '../../src/briefing/article-view.ts';
import type { ReplyButton } from '../../src/briefing/reply.ts';
import { searchArticles, searchReply } from '../../src/briefing/search-articles.ts';
import { renderText } from '../../src/console/render-text.ts';
import { makeTestApp, silentLog } from '../helpers/test-app.ts';

const now = new Date('2026-11-21T12:00:00Z');
let app: App;
beforeAll(async () => {
  app = await makeTestApp({ now });
});
afterAll(() => app.close());

const actions = (buttons: ReplyButton[][] | undefined) =>
  (buttons ?? []).flat().flatMap((b) => (b.kind === 'action' ? [b] : []));

describe('search', () => {
  test('GIVEN words THEN results with the matching sentence and buttons that open each result', () => {
    const options = { query: 'cable', now };
    const reply = searchReply(searchArticles(app.services.corpus, options), options);
    const text = renderText(reply);
    expect(text).toContain('Finland and Estonia investigate damage to Baltic Sea cable');
    expect(text).toMatch(/data cable between Helsinki and Tallinn/);
    const open = actions(reply.buttons).filter((b) => b.action.startsWith('article:'));
    expect(open).toHaveLength(2);
    expect(renderText(articleReply(app.services.corpus, open[0]?.action.slice(8) ?? ''))).toContain('Quotes');
  });

  test('GIVEN a long query THEN every button action fits Discord’s 100-character custom_id', () => {
    const query = `cable ${'x'.repeat(90)}`;
    const options = { query: 'cable', now };
    const reply = searchReply(
      { ...searchArticles(app.services.corpus, options), pages: 3 },
      { query, now, days: 3650 },
    );
    for (const b of actions(reply.buttons)) expect(b.action.length).toBeLessThanOrEqual(100);
  });

  test('GIVEN a Next button action THEN the search command pages from its custom_id alone (after a restart too)', async () => {
    const ctx = {
      services: app.services,
      now,
      userId: 'u',
      guildId: null,
      channelId: null,
      log: silentLog,
    } as CommandContext;
    const reply = await searchCommand.button?.(ctx, ['0', '', 'cable']);
    expect(renderText(reply ?? {})).toContain('Page 1 of 1');
  });

  test('GIVEN an unknown article id THEN a private note that says where ids come from', () => {
    const reply = articleReply(app.services.corpus, 'a-doesnotexist');
    expect(reply.private).toBe(true);
    expect(renderText(reply)).toContain('Ids appear in `/search` results');
  });

  test('GIVEN words nothing matches THEN a private note', () => {
    const options = { query: 'zzzqqq', now };
    const reply = searchReply(searchArticles(app.services.corpus, options), options);
    expect(reply.private).toBe(true);
  });
});
