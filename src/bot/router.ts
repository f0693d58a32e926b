import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  CommandInteractionOption,
  Interaction,
} from 'discord.js';
import type { Logger } from 'pino';
import type { Command, CommandContext, CommandInput } from '../../commands/types.ts';
import type { Reply } from '../briefing/reply.ts';
import type { ChannelPlatform } from '../scheduler/poster.ts';
import type { FittedPayload } from './limits.ts';
import { fitChoices } from './limits.ts';
import { createUserRateLimiter, type UserRateLimiter } from './rate-limit.ts';
import { renderReply } from './render.ts';

/** What the router needs: the command registry, the services commands use, a logger and (for tests) a clock. */
export interface InteractionRouterOptions {
  getCommand(name: string): Command | undefined;
  services: CommandContext['services'];
  log: Logger;
  /** Time handed to commands (default: the services' clock, so a test or benchmark can fix it). */
  now?: () => Date;
  /** Per-user limit on commands and button clicks (autocomplete is exempt). */
  rateLimiter?: UserRateLimiter;
  /**
   * A handler that has not finished after this many milliseconds gets a deferred acknowledgement ("thinking…") and
   * its reply is edited in later. Default 1,500 ms: half of Discord's 3 s, leaving room for the callback itself.
   */
  deferAfterMs?: number;
  /** Channel checks and posts for commands that need them (`/digest`). */
  platform?: ChannelPlatform;
}

/** Discord's Manage Server (MANAGE_GUILD) permission bit. */
const MANAGE_SERVER = 1n << 5n;

/** Shown for any unexpected failure: short, friendly, and never the internals. */
export const APOLOGY = 'Sorry, something went wrong on my side while answering that. Please try again in a moment.';

const STALE_BUTTON =
  'This button belongs to an older reply and no longer works. Run the command again for a fresh one.';
const UNKNOWN_COMMAND = 'I do not know that command (any more). Try `/help` to see what I can do.';

function slowDownNote(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `You are going faster than I can keep up with. Try again in ${seconds} s.`;
}

/** Option values as commands take them; a subcommand (and its group) is lifted out. */
export function readCommandInput(data: readonly CommandInteractionOption[]): CommandInput {
  const input: CommandInput = { options: {} };
  const visit = (options: readonly CommandInteractionOption[]): void => {
    for (const option of options) {
      // Types 1 and 2: a subcommand and a subcommand group, whose own options hold the values.
      if (option.type === 1 || option.type === 2) {
        input.subcommand = input.subcommand ? `${input.subcommand} ${option.name}` : option.name;
        visit(option.options ?? []);
      } else if (option.value !== undefined && option.value !== null) {
        input.options[option.name] = option.value;
      }
    }
  };
  visit(data);
  return input;
}

type Outcome = { done: true; reply: Reply } | { done: false; pending: Promise<Reply> };

/** Runs the handler, but stops waiting after `ms` so the interaction can be deferred in time. */
async function runWithDeadline(work: () => Promise<Reply> | Reply, ms: number): Promise<Outcome> {
  const pending = Promise.resolve().then(work);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  try {
    const first = await Promise.race([pending, late]);
    return first === 'late' ? { done: false, pending } : { done: true, reply: first };
  } finally {
    clearTimeout(timer);
  }
}

/** A payload for an edit: the ephemeral flag can only be set by the first response. */
function withoutFlags(payload: FittedPayload): Omit<FittedPayload, 'flags'> {
  const { flags: _flags, ...rest } = payload;
  return rest;
}

/**
 * Creates the InteractionCreate handler. Slash commands and button clicks run their command's handler and answer
 * with its rendered `Reply` — directly when the handler is quick (one round trip, the usual case), else deferred
 * and edited — autocomplete answers with at most 25 choices and never fails, and any unexpected error is caught
 * here, once: logged with the interaction id, guild, command and duration, and answered with a private apology.
 * @example client.on(Events.InteractionCreate, createInteractionRouter({ getCommand, services, log }))
 */
export function createInteractionRouter(
  options: InteractionRouterOptions,
): (interaction: Interaction) => Promise<void> {
  const limiter = options.rateLimiter ?? createUserRateLimiter();
  const deferAfterMs = options.deferAfterMs ?? 1500;
  const now = options.now ?? (() => options.services.clock.now());

  function contextFor(interaction: Interaction, log: Logger): CommandContext {
    return {
      services: options.services,
      now: now(),
      userId: interaction.user.id,
      guildId: interaction.guildId,
      channelId: interaction.channelId,
      log,
      ...(options.platform ? { platform: options.platform } : {}),
      ...(interaction.guildId ? { canManageServer: interaction.memberPermissions?.has(MANAGE_SERVER) ?? false } : {}),
    };
  }

  async function answerCommand(i: ChatInputCommandInteraction, log: Logger, command: Command): Promise<void> {
    const ctx = contextFor(i, log);
    const outcome = await runWithDeadline(() => command.execute(ctx, readCommandInput(i.options.data)), deferAfterMs);
    if (outcome.done) {
      await i.reply(renderReply(outcome.reply));
      return;
    }
    // Deferred publicly because most replies are public; a private one replaces the placeholder below.
    await i.deferReply();
    const reply = renderReply(await outcome.pending);
    if (reply.flags) {
      await i.deleteReply();
      await i.followUp(reply);
    } else {
      await i.editReply(withoutFlags(reply));
    }
  }

  async function answerButton(i: ButtonInteraction, log: Logger, command: Command): Promise<void> {
    const [, ...args] = i.customId.split(':');
    const ctx = contextFor(i, log);
    const outcome = await runWithDeadline(() => command.button!(ctx, args), deferAfterMs);
    if (outcome.done) {
      const reply = renderReply(outcome.reply);
      // A private answer (a note, an error) must not replace the public message everyone sees.
      if (reply.flags) await i.reply(reply);
      else await i.update(withoutFlags(reply));
      return;
    }
    await i.deferUpdate();
    const reply = renderReply(await outcome.pending);
    if (reply.flags) await i.followUp(reply);
    else await i.editReply(withoutFlags(reply));
  }

  async function answerAutocomplete(i: AutocompleteInteraction, log: Logger): Promise<void> {
    let choices: { name: string; value: string | number }[] = [];
    try {
      const command = options.getCommand(i.commandName);
      const focused = i.options.getFocused(true);
      const input = readCommandInput(i.options.data);
      choices =
        command?.autocomplete?.(contextFor(i, log), { name: focused.name, value: String(focused.value) }, input) ?? [];
    } catch (err) {
      // Suggestions are a nicety: a failure shows an empty list, never an error.
      log.warn({ err }, 'autocomplete failed');
    }
    try {
      await i.respond(fitChoices(choices));
    } catch (err) {
      log.warn({ err }, 'autocomplete response failed');
    }
  }

  /** Answers privately, whatever state the interaction is in; failures here are only logged. */
  async function answerPrivately(i: ChatInputCommandInteraction | ButtonInteraction, content: string): Promise<void> {
    const payload = renderReply({ private: true, content });
    if (!i.deferred && !i.replied) {
      await i.reply(payload);
    } else if (i.isChatInputCommand() && i.deferred && !i.replied) {
      await i.deleteReply().catch(() => undefined);
      await i.followUp(payload);
    } else {
      await i.followUp(payload);
    }
  }

  return async function routeInteraction(interaction: Interaction): Promise<void> {
    const started = performance.now();
    if (interaction.isAutocomplete()) {
      const log = options.log.child({ interactionId: interaction.id, guildId: interaction.guildId });
      await answerAutocomplete(interaction, log.child({ cmd: interaction.commandName }));
      return;
    }
    if (!interaction.isChatInputCommand() && !interaction.isButton()) return;

    const name = interaction.isButton() ? (interaction.customId.split(':')[0] ?? '') : interaction.commandName;
    const log = options.log.child({ interactionId: interaction.id, guildId: interaction.guildId, cmd: name });
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const command = options.getCommand(name);
      const usable = command && (interaction.isChatInputCommand() || command.button);
      if (!usable) {
        await answerPrivately(interaction, interaction.isButton() ? STALE_BUTTON : UNKNOWN_COMMAND);
        return;
      }
      const decision = limiter.take(interaction.user.id, Date.now());
      if (!decision.allowed) {
        log.info({ userId: interaction.user.id }, 'rate limited');
        await answerPrivately(interaction, slowDownNote(decision.retryAfterMs));
        return;
      }
      if (interaction.isChatInputCommand()) await answerCommand(interaction, log, command);
      else await answerButton(interaction, log, command);
      log.info({ ms: elapsed(), deferred: interaction.deferred }, 'interaction answered');
    } catch (err) {
      log.error({ err, ms: elapsed() }, 'interaction failed');
      try {
        await answerPrivately(interaction, APOLOGY);
      } catch (apologyErr) {
        // Typically the interaction expired or was already answered; nothing more can reach the user.
        log.warn({ err: apologyErr }, 'could not send the apology');
      }
    }
  };
}
