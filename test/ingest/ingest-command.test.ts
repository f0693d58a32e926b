import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { syntheticArticles } from '../bench/synthetic-corpus.ts';
import { REPO } from '../helpers/test-app.ts';

/** Runs a project entry point as a child process, as `npm run …` would, on one store. */
function run(entry: string, args: string[], databasePath: string, input = '') {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO, entry), ...args], {
    cwd: REPO,
    input,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      DATA_DIR: path.join(REPO, 'data'),
      DATABASE_PATH: databasePath,
      LOG_LEVEL: 'warn',
    },
    timeout: 120_000,
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

/** What `npm run ingest` prints when it is done. */
interface Summary {
  files: number;
  read: number;
  problems: number;
  added: number;
  updated: number;
  unchanged: number;
  offRegion: number;
}

/** A folder as someone would import it: two feeds, a broken feed, an article file, and a bulk JSONL export. */
function importFolder(): { folder: string; bulk: number } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-import-'));
  fs.copyFileSync(path.join(REPO, 'test/fixtures/feeds/rss2.xml'), path.join(folder, 'broadcaster.xml'));
  fs.copyFileSync(path.join(REPO, 'test/fixtures/feeds/atom.xml'), path.join(folder, 'atom.atom'));
  fs.writeFileSync(path.join(folder, 'broken.rss'), '<rss version="2.0"><channel><item><title>cut off');
  fs.copyFileSync(
    path.join(REPO, 'test/fixtures/briefing/2026-11-18-err-narva.md'),
    path.join(folder, '2026-11-18-err-narva.md'),
  );
  // Enough articles that the import enriches on worker threads.
  const bulk = [...syntheticArticles({ count: 240, seed: 21 })];
  fs.writeFileSync(
    path.join(folder, 'export.jsonl'),
    bulk
      .map((a) => JSON.stringify({ title: a.title, date: a.date, source: a.source, url: a.url, body: a.body }))
      .join('\n'),
  );
  return { folder, bulk: bulk.length };
}

describe('npm run ingest -- <folder>', () => {
  test('GIVEN a folder of feeds and articles THEN they are stored once, problems named, and the console finds them', () => {
    const { folder, bulk } = importFolder();
    const db = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bb-import-db-')), 'bb.sqlite');

    const first = run('src/ingest/main.ts', [folder], db);
    expect(first.status).toBe(0);
    const summary = JSON.parse(first.stdout) as Summary;
    expect(summary.files).toBe(5);
    expect(summary.problems).toBe(1);
    expect(first.stderr).toContain('broken.rss');
    expect(summary.read).toBeGreaterThan(bulk);
    expect(summary.added).toBeGreaterThan(bulk);
    expect(summary.added + summary.offRegion).toBe(summary.read);

    const again = JSON.parse(run('src/ingest/main.ts', [folder], db).stdout) as Summary;
    expect(again).toMatchObject({ added: 0, updated: 0 });
    expect(again.unchanged).toBe(summary.read - summary.offRegion);

    const console = run('src/main.ts', [], db, '/search coastal radar cables\n/search Narva border checks\n');
    expect(console.status).toBe(0);
    expect(console.stdout).toContain('Estonia orders new coastal radar to watch Baltic Sea cables');
    expect(console.stdout).toContain('Estonia extends Narva border checks after drone sighting');
  }, 120_000); // three child processes, one of them starting worker threads

  test('GIVEN no argument THEN it says how to use it and exits 64', () => {
    const result = run('src/ingest/main.ts', [], path.join(os.tmpdir(), 'bb-unused.sqlite'));
    expect(result.status).toBe(64);
    expect(result.stderr).toContain('usage: npm run ingest -- <file | folder | feed URL>');
  });
});
