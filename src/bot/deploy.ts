import { pathToFileURL } from 'node:url';
import {
  REST,
  type RESTGetCurrentApplicationResult,
  type RESTPutAPIApplicationCommandsResult,
  Routes,
} from 'discord.js';
import type { Logger } from 'pino';
import type { CommandDefinition } from '../../commands/types.ts';
import { validateCommandDefinitions } from '../../commands/validate.ts';
import type { Config } from '../config.ts';

export interface DeployOptions {
  config: Pick<Config, 'discordToken' | 'discordApplicationId' | 'discordGuildId' | 'discordApiUrl'>;
  definitions: readonly CommandDefinition[];
  log?: Logger;
}

export interface DeployResult {
  applicationId: string;
  /** The guild the commands went to, or undefined for a global registration. */
  guildId?: string;
  /** Names as Discord stored them. */
  registered: string[];
}

/** Thrown when definitions are invalid; `problems` lists each one. Nothing was sent to Discord. */
export class InvalidCommandsError extends Error {
  override name = 'InvalidCommandsError';
  constructor(readonly problems: string[]) {
    super(`deploy: ${problems.length} invalid command definition(s):\n  ${problems.join('\n  ')}`);
  }
}

/**
 * Validates every definition, then registers them all in one bulk overwrite (PUT): to `DISCORD_GUILD_ID` when set
 * (instant, for development), else globally. The application id comes from the config or from `GET
 * /applications/@me`. Requests go through `DISCORD_API_URL` when set.
 * @example const { registered } = await deployCommands({ config, definitions: commands.map((c) => c.data) });
 */
export async function deployCommands(options: DeployOptions): Promise<DeployResult> {
  const { config, definitions } = options;
  const problems = validateCommandDefinitions(definitions);
  if (problems.length) throw new InvalidCommandsError(problems);
  if (!config.discordToken) throw new Error('deploy: DISCORD_TOKEN is not set (put the bot token in .env).');
  const rest = new REST({ version: '10', ...(config.discordApiUrl ? { api: config.discordApiUrl } : {}) });
  rest.setToken(config.discordToken);
  const applicationId =
    config.discordApplicationId ??
    ((await rest.get(Routes.currentApplication())) as RESTGetCurrentApplicationResult).id;
  const route = config.discordGuildId
    ? Routes.applicationGuildCommands(applicationId, config.discordGuildId)
    : Routes.applicationCommands(applicationId);
  const stored = (await rest.put(route, { body: definitions })) as RESTPutAPIApplicationCommandsResult;
  options.log?.info({ applicationId, guildId: config.discordGuildId, count: stored.length }, 'commands registered');
  return { applicationId, guildId: config.discordGuildId, registered: stored.map((c) => c.name) };
}

/** `npm run deploy-commands`: registers every command in `commands/index.ts`, prints a summary and exits. */
async function main(): Promise<void> {
  const { loadConfig } = await import('../config.ts');
  const { createLogger } = await import('../logger.ts');
  const { commands } = await import('../../commands/index.ts');
  const config = loadConfig();
  const log = createLogger(config);
  try {
    const result = await deployCommands({ config, definitions: commands.map((c) => c.data), log });
    const where = result.guildId
      ? `to guild ${result.guildId} (available right away)`
      : 'globally (Discord may take a few minutes to show them everywhere)';
    console.log(`Registered ${result.registered.length} commands ${where}: /${result.registered.join(', /')}`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
