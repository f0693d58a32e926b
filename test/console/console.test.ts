import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { makeDataDir, REPO, SEED_ARTICLES } from '../helpers/test-app.ts';

/** Runs `npm start`'s entry as a child process with lines on stdin, as `printf … | npm start` would. */
function runConsole(lines: string[], env: Record<string, string> = {}) {
  const varDir = fs.mkdtempSync('/tmp/bb-console-');
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO, 'src/main.ts')], {
    cwd: REPO,
    input: `${lines.join('\n')}\n`,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      DATA_DIR: path.join(REPO, 'data'),
      DATABASE_PATH: path.join(varDir, 'bb.sqlite'),
      LOG_LEVEL: 'warn',
      ...env,
    },
    timeout: 60_000,
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

describe('the console (npm start without DISCORD_TOKEN)', () => {
  test('GIVEN /brief estonia on stdin THEN a briefing naming Kaja Kallas, her quote, MENAFN 2024-03-14; exit 0', () => {
    const { stdout, stderr, status } = runConsole(['/brief estonia', '/quote speaker:kallas', '/brief latvia days:7']);
    expect(status).toBe(0);
    const [brief, quote, latvia] = stdout.split(/\n\n(?=Quotes:|No Latvia)/);
    expect(brief).toContain('Kaja Kallas');
    expect(brief).toContain(
      '“I do not make such promises, because circumstances may change.” — Kaja Kallas, Estonian Prime Minister (MENAFN, 2024-03-14)',
    );
    expect(brief).toContain('MENAFN, 2024-03-14');
    expect(quote).toContain('I do not make such promises, because circumstances may change.');
    expect(latvia).toMatch(/No Latvia coverage in the last 7 days\. Topics with coverage: Estonia/);
    expect(stderr).toContain('DISCORD_TOKEN'); // the banner says how to connect
    expect(stdout).not.toContain('DISCORD_TOKEN'); // replies only on stdout
  });

  test('GIVEN hostile input THEN clear messages, no stack trace, and the console keeps answering', () => {
    const lines = [
      '/brief',
      `/brief ${'x'.repeat(10_000)}`,
      '/brief @everyone',
      '/brief <@123>',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: regex metacharacters on purpose, not a template
      '/brief **bold** [x](http://e) .*+?^${}()|[]\\',
      '/brief topic:estonia days:-3',
      '/brief topic:estonia weird:1',
      '/whatever',
      'plain words',
      '/help',
    ];
    const { stdout, stderr, status } = runConsole(lines);
    expect(status).toBe(0);
    expect(stdout).toContain('Please give a topic');
    expect(stdout).toContain('10000 characters long; 100 at most');
    expect(stdout).toContain('`days` must be a whole number from 1 to 3650');
    expect(stdout).toContain('/brief has no option “weird”');
    expect(stdout).toContain('There is no /whatever command');
    expect(stdout).toContain('Commands start with a slash');
    expect(stdout).toContain('Baltic Brief'); // /help still answered at the end
    expect(`${stdout}${stderr}`).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // no stack trace
  });

  test('GIVEN a missing DATA_DIR THEN start-up stops with a message naming the key and the fix, no stack trace', () => {
    const { stdout, stderr, status } = runConsole(['/brief estonia'], { DATA_DIR: '/nonexistent/bb-data' });
    expect(status).toBe(78);
    expect(stdout).toBe('');
    expect(stderr).toContain('DATA_DIR: /nonexistent/bb-data does not exist. Point DATA_DIR at a folder');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  test('GIVEN an empty articles folder THEN the console answers that the corpus is empty', () => {
    const dataDir = makeDataDir([]);
    const { stdout, status } = runConsole(['/brief estonia', '/sources'], { DATA_DIR: dataDir });
    expect(status).toBe(0);
    expect(stdout).toContain('The corpus is empty: add articles to data/articles/ or ingest a feed.');
  });

  test('GIVEN corrupt and empty article files THEN they are skipped and the rest is served', () => {
    const dataDir = makeDataDir([SEED_ARTICLES]);
    fs.writeFileSync(path.join(dataDir, 'articles/empty.md'), '');
    fs.writeFileSync(path.join(dataDir, 'articles/junk.json'), '\u0000\u0001garbage{');
    fs.writeFileSync(path.join(dataDir, 'articles/half.jsonl'), '{"title": "x"}\nnot json\n');
    const { stdout, stderr, status } = runConsole(['/brief estonia'], { DATA_DIR: dataDir });
    expect(status).toBe(0);
    expect(stdout).toContain('Kaja Kallas');
    expect(stderr).toMatch(/skipped an article file/);
  });
});
