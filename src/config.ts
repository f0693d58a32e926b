import path from 'node:path';
import dotenv from 'dotenv';
import { z } from 'zod';
import { FAILPOINTS } from './failpoints.ts';

/** The whole configuration, parsed once at start-up. `process.env` is read nowhere else. */
export interface Config {
  readonly discordToken?: string;
  readonly discordApplicationId?: string;
  readonly discordGuildId?: string;
  readonly discordApiUrl?: string;
  readonly dataDir: string;
  readonly databasePath: string;
  readonly logLevel: LogLevel;
  /** How far back a brief looks when the user gives no `days`. */
  readonly briefDefaultDays: number;
  /** Minutes between two fetches of a feed while the bot runs. */
  readonly feedPollMinutes?: number;
  /** Feed articles older than this many days are dropped from the store and the index. */
  readonly articleRetentionDays?: number;
  /** Ingested articles with a lower region relevance (gazetteer mentions) are left out; 0 keeps everything. */
  readonly relevanceMinScore?: number;
  /** Digest subscriptions one server may have (absent: `DIGEST_DEFAULTS`). */
  readonly digestMaxPerGuild?: number;
  /** Digest posts in flight at once (absent: `DIGEST_DEFAULTS`). */
  readonly digestConcurrency?: number;
  /** Requests per second the digest poster allows itself; Discord's global limit is 50 per bot. */
  readonly digestRequestsPerSecond?: number;
  /** Failpoints to arm (testing only; see src/failpoints.ts). */
  readonly failpoints?: readonly string[];
}

/** What the digest keys are when unset (a Config built by hand may leave them out). */
export const DIGEST_DEFAULTS = { maxPerGuild: 10, concurrency: 8, requestsPerSecond: 40 } as const;

/** What the feed keys are when unset (a Config built by hand may leave them out). */
export const FEED_DEFAULTS = { pollMinutes: 15, retentionDays: 90, relevanceMinScore: 2 } as const;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Thrown when a key is wrong; the message names the key and the fix. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const optionalText = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s ? s : undefined));

const snowflake = optionalText.refine((s) => s === undefined || /^\d{17,20}$/.test(s), {
  message: 'must be a Discord id (17–20 digits): copy it from the Developer Portal or with Developer Mode on',
});

function wholeNumber(min: number, max: number, what: string) {
  return optionalText.refine((s) => s === undefined || (/^\d{1,6}$/.test(s) && Number(s) >= min && Number(s) <= max), {
    message: `must be a whole number from ${min} to ${max} (${what})`,
  });
}

const schema = z.object({
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: snowflake,
  DISCORD_GUILD_ID: snowflake,
  DISCORD_API_URL: optionalText.refine((s) => s === undefined || /^https?:\/\/[^\s/]+/.test(s), {
    message: 'must be an http(s) URL such as http://127.0.0.1:8080/api, or unset for Discord itself',
  }),
  DATA_DIR: optionalText,
  DATABASE_PATH: optionalText,
  LOG_LEVEL: optionalText.refine((s) => s === undefined || (LOG_LEVELS as readonly string[]).includes(s), {
    message: `must be one of ${LOG_LEVELS.join(', ')}`,
  }),
  DIGEST_MAX_PER_GUILD: wholeNumber(1, 1000, 'subscriptions per server, e.g. 10'),
  DIGEST_CONCURRENCY: wholeNumber(1, 100, 'posts at once, e.g. 8'),
  DIGEST_REQUESTS_PER_SECOND: wholeNumber(1, 50, 'requests per second, at most Discord’s 50, e.g. 40'),
  BB_FAILPOINTS: optionalText.refine(
    (s) => s === undefined || s.split(',').every((f) => (FAILPOINTS as readonly string[]).includes(f.trim())),
    { message: `must be a comma-separated list of ${FAILPOINTS.join(', ')} (testing only), or unset` },
  ),
  BRIEF_DEFAULT_DAYS: optionalText.refine((s) => s === undefined || (/^\d{1,4}$/.test(s) && Number(s) >= 1), {
    message: 'must be a whole number of days, 1 or more (e.g. 7)',
  }),
  FEED_POLL_MINUTES: optionalText.refine((s) => s === undefined || (/^\d{1,5}$/.test(s) && Number(s) >= 1), {
    message: 'must be a whole number of minutes, 1 or more (e.g. 15)',
  }),
  ARTICLE_RETENTION_DAYS: optionalText.refine((s) => s === undefined || (/^\d{1,5}$/.test(s) && Number(s) >= 1), {
    message: 'must be a whole number of days, 1 or more (e.g. 90)',
  }),
  RELEVANCE_MIN_SCORE: optionalText.refine((s) => s === undefined || /^\d{1,3}$/.test(s), {
    message: 'must be a whole number, 0 or more (0 keeps every ingested article; e.g. 2)',
  }),
});

/**
 * Reads `.env` (quietly; real environment variables win) and validates every key.
 * @throws ConfigError naming the key and the fix.
 * @example const config = loadConfig(); // from process.env and .env
 */
export function loadConfig(env: NodeJS.ProcessEnv = readEnvironment()): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Configuration problem (fix it in .env or the environment):\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const config: Config = {
    discordToken: e.DISCORD_TOKEN,
    discordApplicationId: e.DISCORD_APPLICATION_ID,
    discordGuildId: e.DISCORD_GUILD_ID,
    discordApiUrl: e.DISCORD_API_URL?.replace(/\/+$/, ''),
    dataDir: path.resolve(e.DATA_DIR ?? './data'),
    databasePath: path.resolve(e.DATABASE_PATH ?? './var/baltic-brief.sqlite'),
    logLevel: (e.LOG_LEVEL as LogLevel | undefined) ?? 'info',
    briefDefaultDays: e.BRIEF_DEFAULT_DAYS ? Number(e.BRIEF_DEFAULT_DAYS) : 7,
    feedPollMinutes: e.FEED_POLL_MINUTES ? Number(e.FEED_POLL_MINUTES) : FEED_DEFAULTS.pollMinutes,
    articleRetentionDays: e.ARTICLE_RETENTION_DAYS ? Number(e.ARTICLE_RETENTION_DAYS) : FEED_DEFAULTS.retentionDays,
    relevanceMinScore: e.RELEVANCE_MIN_SCORE ? Number(e.RELEVANCE_MIN_SCORE) : FEED_DEFAULTS.relevanceMinScore,
    digestMaxPerGuild: e.DIGEST_MAX_PER_GUILD ? Number(e.DIGEST_MAX_PER_GUILD) : DIGEST_DEFAULTS.maxPerGuild,
    digestConcurrency: e.DIGEST_CONCURRENCY ? Number(e.DIGEST_CONCURRENCY) : DIGEST_DEFAULTS.concurrency,
    digestRequestsPerSecond: e.DIGEST_REQUESTS_PER_SECOND
      ? Number(e.DIGEST_REQUESTS_PER_SECOND)
      : DIGEST_DEFAULTS.requestsPerSecond,
    failpoints: Object.freeze(e.BB_FAILPOINTS ? e.BB_FAILPOINTS.split(',').map((f) => f.trim()) : []),
  };
  return Object.freeze(config);
}

/** process.env with `.env` merged under it; dotenv ≥ 17 prints a banner unless told to be quiet. */
function readEnvironment(): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = {};
  dotenv.config({ quiet: true, processEnv: merged as Record<string, string> });
  return { ...merged, ...process.env };
}
