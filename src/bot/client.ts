import { Client, GatewayIntentBits } from 'discord.js';
import type { Config } from '../config.ts';

/**
 * The discord.js client the bot runs on: the `Guilds` intent only (slash commands need no privileged intents),
 * REST through `DISCORD_API_URL` when set (a rate-limit proxy, or the fake Discord in tests: the gateway address
 * then comes from that API's `GET /gateway/bot`), and no mentions parsed unless a message says otherwise.
 * @example const client = createDiscordClient(config); await client.login(config.discordToken);
 */
export function createDiscordClient(config: Pick<Config, 'discordApiUrl'>): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    ...(config.discordApiUrl ? { rest: { api: config.discordApiUrl } } : {}),
  });
}
