import path from 'node:path';
import dotenv from 'dotenv';
import { z } from 'zod';

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
}

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
  BRIEF_DEFAULT_DAYS: optionalText.refine((s) => s === undefined || (/^\d{1,4}$/.test(s) && Number(s) >= 1), {
    message: 'must be a whole number of days, 1 or more (e.g. 7)',
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
  };
  return Object.freeze(config);
}

/** process.env with `.env` merged under it; dotenv ≥ 17 prints a banner unless told to be quiet. */
function readEnvironment(): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = {};
  dotenv.config({ quiet: true, processEnv: merged as Record<string, string> });
  return { ...merged, ...process.env };
}
