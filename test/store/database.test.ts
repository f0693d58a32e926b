import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { openDatabase, StoreError } from '../../src/store/database.ts';
import { MIGRATIONS } from '../../src/store/migrations.ts';

const tmpFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bb-db-')), 'nested/dir/x.sqlite');

test('GIVEN a path in a folder that does not exist THEN the folder and a WAL database at the latest schema are made', () => {
  const file = tmpFile();
  const db = openDatabase(file);
  expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
  db.close();
  expect(fs.existsSync(file)).toBe(true);
});

test('GIVEN an existing database THEN opening it again keeps its rows (migrations run once)', () => {
  const file = tmpFile();
  const db = openDatabase(file);
  db.prepare("INSERT INTO meta(key, value) VALUES ('probe', 'kept')").run();
  db.close();
  const again = openDatabase(file);
  expect(again.prepare("SELECT value FROM meta WHERE key = 'probe'").get()).toEqual({ value: 'kept' });
  again.close();
});

test('GIVEN a database from a newer version THEN a StoreError says what to do, nothing is changed', () => {
  const file = tmpFile();
  const db = openDatabase(file);
  db.pragma('user_version = 999');
  db.close();
  expect(() => openDatabase(file)).toThrow(StoreError);
  expect(() => openDatabase(file)).toThrow(/schema 999.*update Baltic Brief or point DATABASE_PATH elsewhere/);
});

test('GIVEN a file that is not a database THEN a StoreError, not a crash', () => {
  const file = tmpFile();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, 'this is not sqlite, just text that is long enough to look like a header '.repeat(20));
  expect(() => openDatabase(file)).toThrow(/store|database/i);
});
