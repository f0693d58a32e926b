import readline from 'node:readline';
import type { Logger } from 'pino';
import { getCommand } from '../../commands/index.ts';
import type { CommandContext, CommandInput } from '../../commands/types.ts';
import type { Services } from '../app.ts';
import { noticeReply, type Reply } from '../briefing/reply.ts';
import { parseLine } from './parse-line.ts';
import { renderText } from './render-text.ts';

const APOLOGY = 'Sorry, something went wrong while answering that. The details are in the log.';

/**
 * Answers one console line. Never throws: a bad line gets a message, a failing command an apology (and a log line).
 * @example await answerLine('/brief estonia', services, log) // the briefing as text
 */
export async function answerLine(line: string, services: Services, log: Logger): Promise<string | null> {
  const parsed = parseLine(line, (name) => getCommand(name)?.data);
  if (parsed.kind === 'empty') return null;
  if (parsed.kind === 'error') return renderText(noticeReply(parsed.message));
  const ctx: CommandContext = {
    services,
    now: services.clock.now(),
    userId: 'console',
    guildId: null,
    channelId: null,
    log: log.child({ cmd: parsed.kind === 'press' ? parsed.action.split(':')[0] : parsed.name }),
  };
  try {
    let reply: Reply;
    if (parsed.kind === 'press') {
      const [name = '', ...args] = parsed.action.split(':');
      const command = getCommand(name);
      if (!command?.button) return renderText(noticeReply(`No button “${parsed.action.slice(0, 60)}”.`));
      reply = await command.button(ctx, args);
    } else {
      const command = getCommand(parsed.name);
      if (!command) return null;
      reply = await command.execute(ctx, parsed.input as CommandInput);
    }
    return renderText(reply);
  } catch (error) {
    ctx.log.error({ err: error, line: line.slice(0, 200) }, 'command failed');
    return APOLOGY;
  }
}

/**
 * The local console: slash commands typed as text, replies on stdout, diagnostics on stderr. Interactive on a
 * terminal; from a pipe it answers line by line and resolves at the end of input.
 */
export async function runConsole(
  services: Services,
  log: Logger,
  io: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; interactive: boolean },
): Promise<void> {
  const rl = readline.createInterface({ input: io.input, terminal: false });
  const prompt = () => {
    if (io.interactive) io.output.write('baltic-brief> ');
  };
  prompt();
  for await (const line of rl) {
    if (io.interactive && /^\s*(exit|quit|\/exit|\/quit)\s*$/i.test(line)) break;
    const answer = await answerLine(line, services, log);
    if (answer !== null) io.output.write(`${answer}\n\n`);
    prompt();
  }
  rl.close();
}
