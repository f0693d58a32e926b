import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.ts';

export type Db = Database.Database;

/** Thrown when the database file is newer than this code or cannot be opened; the message says what to do. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/**
 * Opens (creating if needed) the SQLite database at `file`, in WAL mode so the bot, the console and an ingest run can
 * share it, and brings its schema up to the latest migration.
 * @example const db = openDatabase('./var/baltic-brief.sqlite');
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  let db: Db;
  try {
    db = new Database(file);
  } catch (error) {
    throw new StoreError(`store: cannot open database ${file}: ${(error as Error).message}`);
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Another process may hold a write lock for a moment (an ingest run); wait rather than fail.
  db.pragma('busy_timeout = 5000');
  // Checkpoint the WAL every ~40 MB instead of SQLite's 4 MB: feed ingestion writes about 15 KB per article, so at
  // the default a checkpoint (copying pages back and syncing) ran after nearly every 200-article transaction.
  db.pragma('wal_autocheckpoint = 10000');
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = MIGRATIONS.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new StoreError(
      `store: the database is at schema ${current} but this code knows only up to ${latest}; update Baltic Brief or point DATABASE_PATH elsewhere`,
    );
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
