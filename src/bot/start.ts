import { type Client, Events } from 'discord.js';
import type { Logger } from 'pino';
import type { Command } from '../../commands/types.ts';
import type { App } from '../app.ts';
import type { Config } from '../config.ts';
import { DigestScheduler } from '../scheduler/digest-scheduler.ts';
import { createDiscordClient } from './client.ts';
import { createDiscordPlatform } from './poster.ts';
import { createUserRateLimiter, type UserRateLimiter } from './rate-limit.ts';
import { createInteractionRouter } from './router.ts';

export interface StartBotOptions {
  app: App;
  config: Config;
  log: Logger;
  /** The command registry (default: `commands/index.ts`). */
  getCommand?: (name: string) => Command | undefined;
  rateLimiter?: UserRateLimiter;
  /** See `InteractionRouterOptions.deferAfterMs`. */
  deferAfterMs?: number;
  /** Give up when the gateway has not said READY by then (default 30 s). */
  readyTimeoutMs?: number;
  /** Longest pause between digest scheduler passes (default 10 s; tests use less). */
  digestTickMs?: number;
}

export interface RunningBot {
  client: Client<true>;
  /** The digest scheduler, running while the bot is (absent when the app has no digest store). */
  digests?: DigestScheduler;
  /** Destroys the client, closes the app (store) and flushes logs. Safe to call twice: both wait for one stop. */
  stop(): Promise<void>;
}

/** How long shutdown waits for the gateway to close before moving on: a stuck socket must not block exit. */
const DESTROY_TIMEOUT_MS = 3000;

/**
 * Logs in, routes interactions to the commands and resolves once Discord says the client is ready.
 * @example const bot = await startBot({ app, config, log }); installSignalHandlers(bot.stop, log);
 */
export async function startBot(options: StartBotOptions): Promise<RunningBot> {
  const { app, config, log } = options;
  if (!config.discordToken) throw new Error('startBot: DISCORD_TOKEN is not set (put it in .env).');
  const getCommand = options.getCommand ?? (await import('../../commands/index.ts')).getCommand;
  const client = createDiscordClient(config);
  const platform = createDiscordPlatform(client, config);
  const route = createInteractionRouter({
    platform,
    getCommand,
    services: app.services,
    log: log.child({ module: 'bot' }),
    rateLimiter: options.rateLimiter ?? createUserRateLimiter(),
    deferAfterMs: options.deferAfterMs,
  });
  client.on(Events.InteractionCreate, (interaction) => {
    // The router catches per interaction; this only guards against a bug in the router itself.
    route(interaction).catch((err) => log.error({ err, interactionId: interaction.id }, 'router failed'));
  });
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  // Removed from a server (an outage arrives as GuildUnavailable instead): its digests go with it.
  client.on(Events.GuildDelete, (guild) => {
    const removed = app.services.digests?.removeGuild(guild.id) ?? 0;
    log.info({ guildId: guild.id, removed }, 'left a server, its digest subscriptions removed');
  });
  const { digests: digestStore, corpus } = app.services;
  const scheduler =
    digestStore && corpus
      ? new DigestScheduler({
          repo: digestStore,
          corpus,
          clock: app.services.clock,
          poster: platform,
          log: log.child({ module: 'digests' }),
          // Each shard (or process) delivers only for the guilds it is connected to.
          ownsGuild: (guildId) => client.guilds.cache.has(guildId),
          concurrency: config.digestConcurrency,
          ...(options.digestTickMs ? { tickMs: options.digestTickMs } : {}),
        })
      : undefined;
  client.on(Events.ShardDisconnect, (event, shardId) =>
    log.warn({ code: event.code, shardId }, 'gateway disconnected'),
  );
  client.rest.on('rateLimited', (info) =>
    log.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global }, 'discord rate limit hit'),
  );

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      log.info('bot stopping');
      await scheduler?.stop();
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, DESTROY_TIMEOUT_MS).unref());
      await Promise.race([client.destroy().catch((err) => log.warn({ err }, 'client destroy failed')), timeout]);
      // A feed round under way finishes its writes before the store closes.
      await app.ingest?.poller.stop().catch((err) => log.warn({ err }, 'feed poller stop failed'));
      try {
        app.close();
      } catch (err) {
        log.warn({ err }, 'app close failed');
      }
      log.info('bot stopped');
      log.flush();
    })();
    return stopping;
  };

  // Registered before login: READY can arrive before login() resolves.
  let timer: NodeJS.Timeout | undefined;
  const ready = new Promise<Client<true>>((resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error('startBot: the gateway did not become ready in time')),
      options.readyTimeoutMs ?? 30_000,
    );
    client.once(Events.ClientReady, (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  // Login may fail first; the readiness timeout must then not surface as an unhandled rejection.
  ready.catch(() => undefined);
  try {
    await client.login(config.discordToken);
    const readyClient = await ready;
    log.info({ user: readyClient.user.tag, guilds: readyClient.guilds.cache.size }, 'bot ready');
    scheduler?.start();
    // Feeds are polled only while the bot runs (the console never polls).
    app.ingest?.poller.start();
    return { client: readyClient, ...(scheduler ? { digests: scheduler } : {}), stop };
  } catch (err) {
    clearTimeout(timer);
    await client.destroy().catch(() => undefined);
    throw err;
  }
}

/**
 * Stops the bot on SIGINT/SIGTERM and then exits. A second signal while stopping is only logged: stopping is
 * already under way, and a hard exit would skip closing the store. Returns a function removing the handlers.
 */
export function installSignalHandlers(
  stop: () => Promise<void>,
  log: Logger,
  proc: NodeJS.Process = process,
): () => void {
  let received = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (received) {
      log.info({ signal }, 'already stopping');
      return;
    }
    received = true;
    log.info({ signal }, 'signal received, stopping');
    stop()
      .catch((err) => log.error({ err }, 'stop failed'))
      .finally(() => proc.exit(0));
  };
  proc.on('SIGINT', onSignal);
  proc.on('SIGTERM', onSignal);
  return () => {
    proc.off('SIGINT', onSignal);
    proc.off('SIGTERM', onSignal);
  };
}
