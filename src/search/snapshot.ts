import fs from 'node:fs';
import type { Logger } from 'pino';
import { ENRICHMENT_VERSION } from '../nlp/enrichment.ts';
import type { ArticleRepository } from '../store/articles.ts';
import { CorpusIndex, INDEX_FORMAT } from './corpus-index.ts';

/** First line of a saved index: what it was built from. Any difference means it is rebuilt, never half-trusted. */
interface SnapshotHeader {
  format: number;
  enrichment: number;
  revision: number;
}

/**
 * The index for the store's current articles: the saved snapshot when it was made by this code's formats (caught up
 * from the store's change log when the store has moved on since), else a rebuild from the store, saved for the next
 * start.
 * @example const index = openIndex(articles, `${config.databasePath}.index`, log);
 */
export function openIndex(articles: ArticleRepository, snapshotPath: string, log: Logger): CorpusIndex {
  const expected: SnapshotHeader = {
    format: INDEX_FORMAT,
    enrichment: ENRICHMENT_VERSION,
    revision: articles.revision(),
  };
  const loaded = readSnapshot(snapshotPath, expected, articles, log);
  if (loaded && loaded.revision === expected.revision) return loaded.index;
  if (loaded) {
    // Saved at an older revision: catch up from the store's change log instead of rebuilding everything.
    const changes = articles.changesSince(loaded.revision);
    for (const article of changes.upserted) loaded.index.upsert(article);
    for (const id of changes.removed) loaded.index.remove(id);
    log.info({ upserted: changes.upserted.length, removed: changes.removed.length }, 'index snapshot caught up');
    saveSnapshot(loaded.index, snapshotPath, { ...expected, revision: changes.revision }, log);
    return loaded.index;
  }
  const started = performance.now();
  const index = CorpusIndex.empty();
  for (const article of articles.iterate()) index.upsert(article);
  log.info({ articles: index.size, ms: Math.round(performance.now() - started) }, 'index built');
  saveSnapshot(index, snapshotPath, expected, log);
  return index;
}

/** Writes the index beside the database, atomically (a crash mid-write leaves the old snapshot). */
export function saveSnapshot(index: CorpusIndex, snapshotPath: string, header: SnapshotHeader, log: Logger): void {
  const tmp = `${snapshotPath}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, `${JSON.stringify(header)}\n${index.toJSON()}`);
    fs.renameSync(tmp, snapshotPath);
  } catch (error) {
    // The index still works in memory; the next start rebuilds it.
    log.warn({ err: error, snapshotPath }, 'could not save the index snapshot');
    fs.rmSync(tmp, { force: true });
  }
}

function readSnapshot(
  snapshotPath: string,
  expected: SnapshotHeader,
  articles: ArticleRepository,
  log: Logger,
): { index: CorpusIndex; revision: number } | null {
  let text: string;
  try {
    text = fs.readFileSync(snapshotPath, 'utf8');
  } catch {
    return null;
  }
  const newline = text.indexOf('\n');
  try {
    const header = JSON.parse(text.slice(0, newline)) as SnapshotHeader;
    if (
      header.format !== expected.format ||
      header.enrichment !== expected.enrichment ||
      header.revision > expected.revision
    ) {
      log.info({ saved: header, expected }, 'index snapshot is stale; rebuilding');
      return null;
    }
    const started = performance.now();
    const index = CorpusIndex.fromJSON(text.slice(newline + 1), articles.headers());
    log.debug({ articles: index.size, ms: Math.round(performance.now() - started) }, 'index loaded');
    return { index, revision: header.revision };
  } catch (error) {
    log.warn({ err: error, snapshotPath }, 'index snapshot is unreadable; rebuilding');
    return null;
  }
}
