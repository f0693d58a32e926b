import { sql as articles } from './schema/001-articles.ts';
import { sql as digests } from './schema/002-digests.ts';
import { sql as feeds } from './schema/003-feeds.ts';
import { sql as headers } from './schema/004-article-headers.ts';

/**
 * Numbered schema migrations, one file each under `schema/`. Append only: a released migration never changes, a new
 * one gets the next number. `PRAGMA user_version` records how far a database has come.
 */
export const MIGRATIONS: readonly { version: number; sql: string }[] = [
  { version: 1, sql: articles },
  { version: 2, sql: digests },
  { version: 3, sql: feeds },
  { version: 4, sql: headers },
];
