/**
 * The fake Discord is only useful if it is as strict as Discord where it matters: these tests talk to it with plain
 * HTTP, no bot, and check that it refuses what Discord would.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FakeDiscord } from './fake-discord.ts';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start({ interactionTimeoutMs: 150 });
});
afterAll(async () => {
  await fake.close();
});

async function callback(i: { id: string; token: string }, body: unknown) {
  const res = await fetch(`${fake.apiUrl}/v10/interactions/${i.id}/${i.token}/callback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bot ${fake.token}` },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the fake Discord is as strict as Discord', () => {
  test('GIVEN an interaction left unanswered past the deadline THEN a late callback gets 404, code 10062', async () => {
    const i = fake.slash('help');
    await sleep(250);
    expect(await callback(i, { type: 4, data: { content: 'too late' } })).toMatchObject({
      status: 404,
      body: { code: 10062 },
    });
  });

  test('GIVEN an answered interaction THEN a second acknowledgement gets 400, code 40060', async () => {
    const i = fake.slash('help');
    expect((await callback(i, { type: 4, data: { content: 'first' } })).status).toBeLessThan(300);
    expect(await callback(i, { type: 4, data: { content: 'second' } })).toMatchObject({
      status: 400,
      body: { code: 40060 },
    });
  });

  test.each([
    ['content over 2,000 characters', { type: 4, data: { content: 'x'.repeat(2001) } }],
    ['an embed description over 4,096', { type: 4, data: { embeds: [{ description: 'x'.repeat(4097) }] } }],
    ['11 embeds', { type: 4, data: { embeds: Array.from({ length: 11 }, () => ({ title: 'x' })) } }],
    ['autocomplete choices for a slash command', { type: 8, data: { choices: [] } }],
  ])('GIVEN %s THEN 400, code 50035', async (_, body) => {
    const i = fake.slash('help');
    expect(await callback(i, body)).toMatchObject({ status: 400, body: { code: 50035 } });
  });

  test('GIVEN 26 autocomplete choices THEN 400, code 50035', async () => {
    const i = fake.autocomplete('brief', 'topic', 'e');
    const choices = Array.from({ length: 26 }, (_, n) => ({ name: `c${n}`, value: `c${n}` }));
    expect(await callback(i, { type: 8, data: { choices } })).toMatchObject({ status: 400, body: { code: 50035 } });
  });
});
