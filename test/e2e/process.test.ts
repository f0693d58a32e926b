/**
 * `npm start` as a separate process, as it runs in production: DISCORD_TOKEN and DISCORD_API_URL point it at the
 * fake Discord; it answers /brief and shuts down cleanly on SIGTERM.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FakeDiscord } from './fake-discord.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));

describe('the bot as its own process', () => {
  let fake: FakeDiscord;
  let child: ChildProcess;
  let tmp: string;
  const logLines: Record<string, unknown>[] = [];
  let exited: Promise<number | null>;

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    tmp = mkdtempSync(path.join(tmpdir(), 'baltic-brief-process-'));
    // `npm start` is `tsx src/main.ts`; `node --import tsx` runs the same code without tsx's signal-relaying parent
    // process, so the signals below reach the bot itself.
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: repo,
      env: {
        ...process.env,
        DISCORD_TOKEN: fake.token,
        DISCORD_API_URL: fake.apiUrl,
        DATA_DIR: path.join(repo, 'data'),
        DATABASE_PATH: path.join(tmp, 'brief.sqlite'),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    let buffered = '';
    const ready = new Promise<void>((resolve, reject) => {
      child.stderr!.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          try {
            const entry = JSON.parse(line) as Record<string, unknown>;
            logLines.push(entry);
            if (entry.msg === 'bot ready') resolve();
          } catch {
            // Not a log line (a warning from Node); kept out of the assertions.
          }
        }
      });
      child.on('exit', (code) => reject(new Error(`bot exited early with ${code}`)));
    });
    await ready;
  }, 30_000);

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await fake?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  test('GIVEN npm start with a token WHEN /brief estonia arrives THEN it answers with the briefing', async () => {
    const i = await fake.settled(fake.slash('brief', { topic: 'estonia' }));
    expect(JSON.stringify(i.original)).toMatch(/Kaja Kallas/);
    expect(i.original?.allowed_mentions).toEqual({ parse: [] });
  });

  test('GIVEN a running bot WHEN SIGTERM (twice) THEN it stops cleanly within a few seconds', async () => {
    child.kill('SIGTERM');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(logLines.some((l) => l.msg === 'bot stopped')).toBe(true);
    expect(JSON.stringify(logLines)).not.toContain(fake.token);
  });
});
