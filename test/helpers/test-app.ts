import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import { type App, createApp } from '../../src/app.ts';
import { fixedClock } from '../../src/clock.ts';
import { type Config, loadConfig } from '../../src/config.ts';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const FIXTURE_ARTICLES = path.join(REPO, 'test/fixtures/briefing');
export const SEED_ARTICLES = path.join(REPO, 'data/articles');

/** A fresh data folder in /tmp: the real gazetteer plus the article files given (copied from these folders). */
export function makeDataDir(articleDirs: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-data-'));
  fs.copyFileSync(path.join(REPO, 'data/gazetteer.json'), path.join(dir, 'gazetteer.json'));
  fs.mkdirSync(path.join(dir, 'articles'));
  for (const from of articleDirs) fs.cpSync(from, path.join(dir, 'articles'), { recursive: true });
  return dir;
}

export function testConfig(dataDir: string, extra: Record<string, string> = {}): Config {
  const db = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bb-var-')), 'test.sqlite');
  return loadConfig({ DATA_DIR: dataDir, DATABASE_PATH: db, LOG_LEVEL: 'silent', ...extra });
}

export const silentLog: Logger = pino({ level: 'silent' });

/** The real app (SQLite file, index, corpus) over the fixture articles, at a fixed time. */
export async function makeTestApp(
  options: { articleDirs?: string[]; now?: Date; config?: Config } = {},
): Promise<App & { config: Config }> {
  const config = options.config ?? testConfig(makeDataDir(options.articleDirs ?? [SEED_ARTICLES, FIXTURE_ARTICLES]));
  const app = await createApp(config, silentLog, {
    clock: fixedClock(options.now ?? new Date('2026-11-21T12:00:00Z')),
  });
  return { ...app, config };
}
