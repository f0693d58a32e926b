/**
 * The real commands, on the repo's data/ corpus, answered by the real discord.js client through the fake Discord:
 * what a person in a server would see.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { commands } from '../../commands/index.ts';
import { type App, createApp } from '../../src/app.ts';
import { deployCommands } from '../../src/bot/deploy.ts';
import { type RunningBot, startBot } from '../../src/bot/start.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { FakeDiscord, type FakeMessage } from './fake-discord.ts';

const dataDir = fileURLToPath(new URL('../../data/', import.meta.url));

/** Everything a reader sees in a message, as one string. */
function visibleText(message: FakeMessage): string {
  return JSON.stringify({ content: message.content, embeds: message.embeds, components: message.components });
}

describe('Baltic Brief on Discord (fake Discord, real client, real commands)', () => {
  let fake: FakeDiscord;
  let app: App;
  let bot: RunningBot;
  let config: Config;
  let tmp: string;

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    tmp = mkdtempSync(path.join(tmpdir(), 'baltic-brief-e2e-'));
    config = loadConfig({
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DATA_DIR: dataDir,
      DATABASE_PATH: path.join(tmp, 'brief.sqlite'),
      LOG_LEVEL: 'silent',
    });
    const log = pino({ level: 'silent' });
    app = await createApp(config, log);
    bot = await startBot({ app, config, log });
  });

  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  test('GIVEN every command WHEN deployed THEN Discord accepts the bulk overwrite with each one', async () => {
    const result = await deployCommands({
      config: { ...config, discordGuildId: fake.guildId },
      definitions: commands.map((c) => c.data),
    });
    const names = commands.map((c) => c.data.name).sort();
    expect(result.registered.sort()).toEqual(names);
    expect(
      fake.commands
        .get(fake.guildId)
        ?.map((c) => c.name)
        .sort(),
    ).toEqual(names);
  });

  test('GIVEN /brief topic:estonia THEN a reply naming Kaja Kallas, with her quote and a source link', async () => {
    const i = await fake.settled(fake.slash('brief', { topic: 'estonia' }));
    const text = visibleText(i.original!);
    expect(i.original?.flags ?? 0).toBe(0);
    expect(text).toMatch(/Kaja Kallas/);
    expect(text).toMatch(/I do not make such promises/);
    // The source is cited by outlet and date; it links to the article when the article has a URL (the seed has none).
    expect(text).toMatch(/Sources.*MENAFN/);
    expect(i.original?.allowed_mentions).toEqual({ parse: [] });
  });

  test('GIVEN /quote speaker:kallas THEN her quote with the source', async () => {
    const i = await fake.settled(fake.slash('quote', { speaker: 'kallas' }));
    const text = visibleText(i.original!);
    expect(text).toMatch(/Kallas/);
    expect(text).toMatch(/circumstances may change/);
  });

  test('GIVEN a topic being typed WHEN autocompleting THEN at most 25 suggestions (type 8)', async () => {
    const i = await fake.settled(fake.autocomplete('brief', 'topic', 'est'));
    expect(i.ack?.type).toBe(8);
    expect(i.choices?.length).toBeGreaterThan(0);
    expect(i.choices?.length).toBeLessThanOrEqual(25);
    expect(i.choices?.some((c) => /eston/i.test(c.name))).toBe(true);
  });

  test('GIVEN search results WHEN a result button is clicked THEN the message is updated in place', async () => {
    const results = await fake.settled(fake.slash('search', { query: 'troops' }));
    const buttons = results.original!.components.flatMap((row) => row.components);
    const open = buttons.find((b) => String(b.custom_id ?? '').startsWith('article:'));
    expect(open).toBeDefined();
    const click = await fake.settled(fake.click(String(open!.custom_id), results.original!));
    expect(click.ack?.type).toBe(7);
    expect(visibleText(click.original!)).toMatch(/Kallas/);
  });

  test('GIVEN a hostile topic (@everyone, 6,000 characters, markdown) THEN a reply within limits pinging no one', async () => {
    const hostile = `@everyone **estonia** __now__ <@123456789012345678> ${'x'.repeat(6000)}`;
    const i = await fake.settled(fake.slash('brief', { topic: hostile }));
    // The fake refuses (400, 50035) any payload over Discord's limits, so an answer at all means it fit.
    expect([4, 5]).toContain(i.ack?.type);
    const message = i.followups[0] ?? i.original!;
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(visibleText(message)).not.toMatch(/@everyone|<@\d/);
  });
});
