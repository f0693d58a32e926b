import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.ts';

export type { Logger } from 'pino';

/** Paths whose values never reach a log line: the token, wherever it is nested. */
const REDACT = ['token', '*.token', 'discordToken', '*.discordToken', 'authorization', '*.headers.authorization'];

/**
 * The root logger. Pretty on a terminal a person watches, JSON lines otherwise (CI, files, pipes).
 * Diagnostics go to stderr so stdout stays for replies (the console) and data (the CLI).
 * @example const log = createLogger(config); log.child({ cmd: 'brief' }).info({ hits }, 'brief composed');
 */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  const options = { level: config.logLevel, redact: { paths: REDACT, censor: '[redacted]' }, base: undefined };
  if (destination) return pino(options, destination);
  if (process.stderr.isTTY) {
    return pino({
      ...options,
      transport: {
        target: 'pino-pretty',
        options: { destination: 2, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss' },
      },
    });
  }
  return pino(options, pino.destination({ fd: 2, sync: true }));
}
