/**
 * The Discord adapter end to end, with small stand-in commands: the real discord.js client logs in to the fake
 * Discord and answers interactions the way Discord would see them.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Command } from '../../commands/types.ts';
import { deployCommands, InvalidCommandsError } from '../../src/bot/deploy.ts';
import type { RunningBot } from '../../src/bot/start.ts';
import { startBot } from '../../src/bot/start.ts';
import type { Config } from '../../src/config.ts';
import { FakeDiscord, type FakeInteraction } from './fake-discord.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const standIns: Record<string, Command> = {
  echo: {
    data: {
      name: 'echo',
      description: 'Repeats a topic back',
      options: [{ type: 3, name: 'topic', description: 'Anything', required: true, autocomplete: true }],
    },
    execute: (_ctx, input) => {
      const topic = String(input.options.topic);
      return {
        content: `You asked about ${topic}`,
        sections: [
          {
            title: topic,
            url: 'https://example.com/a',
            lines: [topic, topic],
            fields: [{ name: topic, value: topic }],
          },
          ...Array.from({ length: 12 }, () => ({ title: topic, lines: [topic] })),
        ],
      };
    },
    autocomplete: (_ctx, focused) =>
      Array.from({ length: 40 }, (_, i) => ({ name: `${focused.value} ${'long '.repeat(i * 3)}`, value: `v${i}` })),
  },
  pager: {
    data: { name: 'pager', description: 'Pages' },
    execute: () => ({ content: 'page 1', buttons: [[{ kind: 'action', label: 'Next', action: 'pager:page:2' }]] }),
    button: (_ctx, args) => ({
      content: `page ${args[1]}`,
      buttons: [[{ kind: 'action', label: 'Next', action: `pager:page:${Number(args[1]) + 1}` }]],
    }),
  },
  explode: {
    data: { name: 'explode', description: 'Always fails' },
    execute: () => {
      throw new Error('database is on fire: /var/secret/path');
    },
  },
  slow: {
    data: {
      name: 'slow',
      description: 'Takes its time',
      options: [{ type: 5, name: 'private', description: 'Answer privately' }],
    },
    execute: async (_ctx, input) => {
      await sleep(400);
      return { private: input.options.private === true, content: 'finally done' };
    },
  },
};

describe('Discord adapter against the fake Discord', () => {
  let fake: FakeDiscord;
  let bot: RunningBot;
  const logLines: Record<string, unknown>[] = [];
  let config: Config;

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    config = {
      discordToken: fake.token,
      discordApiUrl: fake.apiUrl,
      dataDir: '/nonexistent',
      databasePath: ':memory:',
      logLevel: 'info',
      briefDefaultDays: 7,
    };
    const log = pino({ level: 'info' }, { write: (line: string) => logLines.push(JSON.parse(line)) });
    bot = await startBot({
      app: { services: { clock: { now: () => new Date() } } as never, close: () => undefined },
      config,
      log,
      getCommand: (name) => standIns[name],
      deferAfterMs: 200,
    });
  });

  afterAll(async () => {
    // Order matters: a client whose server vanished reconnects forever.
    await bot?.stop();
    await fake?.close();
  });

  const answered = (i: FakeInteraction) => fake.settled(i);
  // A different person per command, so the per-user rate limit only shows up where a test wants it.
  let users = 0;
  const slash = (name: string, options: Record<string, string | number | boolean> = {}) =>
    fake.slash(name, options, `4000000000000010${String(++users).padStart(2, '0')}`);

  test('GIVEN the token WHEN the bot starts THEN it identifies with the Guilds intent only and is ready', () => {
    const identify = fake.gatewayReceived.find((p) => p.op === 2)?.d as { intents: number; token: string };
    expect(identify.intents).toBe(1);
    expect(bot.client.user.id).toBe(fake.applicationId);
    expect(bot.client.guilds.cache.has(fake.guildId)).toBe(true);
  });

  test('GIVEN valid definitions WHEN deployed to a guild THEN Discord stores every command', async () => {
    const result = await deployCommands({
      config: { ...config, discordGuildId: fake.guildId },
      definitions: Object.values(standIns).map((c) => c.data),
    });
    expect(result.registered.sort()).toEqual(['echo', 'explode', 'pager', 'slow']);
    expect(
      fake.commands
        .get(fake.guildId)
        ?.map((c) => c.name)
        .sort(),
    ).toEqual(['echo', 'explode', 'pager', 'slow']);
    const put = fake.requests.find((r) => r.method === 'PUT');
    expect(put?.path).toBe(`/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`);
  });

  test('GIVEN an invalid definition WHEN deploying THEN nothing is sent and each problem is named', async () => {
    const before = fake.requests.length;
    const bad = { name: 'Bad Name', description: '', options: [] };
    await expect(deployCommands({ config, definitions: [bad] })).rejects.toBeInstanceOf(InvalidCommandsError);
    expect(fake.requests.length).toBe(before);
  });

  test('GIVEN a slash command WHEN the handler is quick THEN one reply callback (type 4) pinging no one', async () => {
    const i = await answered(slash('pager'));
    expect(i.ack?.type).toBe(4);
    expect(i.original?.content).toBe('page 1');
    expect(i.ack?.data?.allowed_mentions).toEqual({ parse: [] });
  });

  test('GIVEN a reply with a button WHEN clicked THEN the message is updated in place (type 7)', async () => {
    const first = await answered(slash('pager'));
    const click = await answered(fake.click('pager:page:2', first.original!));
    expect(click.ack?.type).toBe(7);
    expect(click.original?.content).toBe('page 2');
    expect(click.original?.components[0]?.components[0]?.custom_id).toBe('pager:page:3');
  });

  test('GIVEN a button of a command that no longer exists WHEN clicked THEN a private note, not an error', async () => {
    const first = await answered(slash('pager'));
    const click = await answered(fake.click('gone:1', first.original!));
    expect(click.ack?.type).toBe(4);
    expect(click.original?.flags).toBe(64);
    expect(click.original?.content).toMatch(/older reply/);
  });

  test('GIVEN 40 suggestions WHEN autocompleting THEN a type 8 answer with at most 25 valid choices', async () => {
    const i = await answered(fake.autocomplete('echo', 'topic', 'est'));
    expect(i.ack?.type).toBe(8);
    expect(i.choices?.length).toBe(25);
    for (const c of i.choices ?? []) expect(c.name.length).toBeLessThanOrEqual(100);
  });

  test('GIVEN a handler that throws WHEN run THEN a private apology, logged once, and the bot keeps serving', async () => {
    const failed = await answered(slash('explode'));
    expect(failed.original?.flags).toBe(64);
    expect(failed.original?.content).toMatch(/Sorry/);
    expect(failed.original?.content).not.toMatch(/fire|secret/);
    const line = logLines.find((l) => l.msg === 'interaction failed' && l.interactionId === failed.id);
    expect(line).toMatchObject({ guildId: fake.guildId, cmd: 'explode' });
    expect(typeof line?.ms).toBe('number');
    const next = await answered(slash('pager'));
    expect(next.original?.content).toBe('page 1');
  });

  test('GIVEN Discord answers 429 on the reply callback WHEN replying THEN the bot waits it out and replies', async () => {
    fake.rateLimitNext('POST', /^\/interactions\/.*\/callback$/, 1);
    const i = await answered(slash('pager'));
    expect(i.original?.content).toBe('page 1');
    const callbacks = fake.requests.filter((r) => r.path.startsWith(`/interactions/${i.id}/`));
    expect(callbacks.map((r) => r.status)).toEqual([429, 204]);
  });

  test('GIVEN a hostile topic WHEN echoed THEN the reply is within every limit and pings no one', async () => {
    const hostile = `@everyone <@123456789012345678> **bold** ${'word '.repeat(1200)}`;
    const i = await answered(slash('echo', { topic: hostile }));
    expect(i.ack?.type).toBe(4); // the fake refuses (400) anything over a limit
    const message = i.original!;
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.content).not.toMatch(/@everyone/);
    expect(message.content.length).toBeLessThanOrEqual(2000);
    expect(message.embeds.length).toBeGreaterThan(0);
    expect(JSON.stringify(message.embeds)).not.toMatch(/(?<!\\)\*\*bold/);
  });

  test('GIVEN a slow handler WHEN run THEN the interaction is deferred in time and the reply edited in', async () => {
    const i = await answered(slash('slow'));
    expect(i.ack?.type).toBe(5);
    expect(i.original?.content).toBe('finally done');
  });

  test('GIVEN a slow handler with a private answer WHEN run THEN the answer arrives as an ephemeral follow-up', async () => {
    const i = await answered(slash('slow', { private: true }));
    expect(i.ack?.type).toBe(5);
    expect(i.originalDeleted).toBe(true);
    expect(i.followups[0]?.flags).toBe(64);
    expect(i.followups[0]?.content).toBe('finally done');
  });

  test('GIVEN a burst of 15 commands from one user THEN at least 10 run and the rest get a private note', async () => {
    const user = '400000000000000099';
    const burst = Array.from({ length: 15 }, () => fake.slash('pager', {}, user));
    const results = await Promise.all(burst.map(answered));
    const served = results.filter((r) => r.original?.content === 'page 1');
    const limited = results.filter((r) => /faster/.test(r.original?.content ?? ''));
    expect(served.length).toBeGreaterThanOrEqual(10);
    expect(served.length + limited.length).toBe(15);
    expect(limited.every((r) => r.original?.flags === 64)).toBe(true);
    // Autocomplete is exempt: suggestions keep coming.
    expect((await answered(fake.autocomplete('echo', 'topic', 'x'))).ack?.type).toBe(8);
  });
});
