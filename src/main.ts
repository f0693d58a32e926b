import { type App, createApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { runConsole } from './console/repl.ts';
import { createLogger } from './logger.ts';

/**
 * Entry point of `npm start`: the Discord bot when DISCORD_TOKEN is set, else the local console on the bundled corpus.
 */
async function main(): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  let app: App;
  try {
    config = loadConfig();
  } catch (error) {
    return configProblem(error);
  }
  const log = createLogger(config);
  try {
    app = await createApp(config, log);
  } catch (error) {
    return configProblem(error);
  }
  if (config.discordToken) {
    const { startBot, installSignalHandlers } = await import('./bot/start.ts');
    const bot = await startBot({ app, config, log });
    installSignalHandlers(bot.stop, log);
    return -1; // keep running until a signal
  }
  const articles = app.services.corpus.index.size;
  process.stderr.write(
    `Baltic Brief console: ${articles} article${articles === 1 ? '' : 's'} indexed. Type /help, or /brief estonia.\n` +
      'To run on Discord instead, put DISCORD_TOKEN=<your bot token> in .env and start again (see README).\n',
  );
  try {
    await runConsole(app.services, log, {
      input: process.stdin,
      output: process.stdout,
      interactive: Boolean(process.stdin.isTTY),
    });
  } finally {
    app.close();
  }
  return 0;
}

/** A setup mistake gets its message and exit code 78 (EX_CONFIG); anything else is unexpected and goes on up. */
function configProblem(error: unknown): number {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  return 78;
}

main().then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Baltic Brief could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
