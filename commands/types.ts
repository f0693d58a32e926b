import type { Logger } from 'pino';
import type { Services } from '../src/app.ts';
import type { Reply } from '../src/briefing/reply.ts';
import type { ChannelPlatform } from '../src/scheduler/poster.ts';

/** Option types of Discord's application command schema that our commands use. */
export const OptionType = {
  Subcommand: 1,
  SubcommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  Channel: 7,
} as const;

export interface OptionChoice {
  name: string;
  value: string | number;
}

/** A command option, as Discord's API takes it (a subset of its JSON schema). */
export interface CommandOptionDefinition {
  type: (typeof OptionType)[keyof typeof OptionType];
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: OptionChoice[];
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
  channel_types?: number[];
  options?: CommandOptionDefinition[];
}

/** A chat-input command definition, as `PUT /applications/:id/commands` takes it. */
export interface CommandDefinition {
  name: string;
  description: string;
  options?: CommandOptionDefinition[];
  /** Bitfield as a string, e.g. "32" for Manage Server. */
  default_member_permissions?: string | null;
  dm_permission?: boolean;
}

/** Typed option values as a user gave them; a subcommand arrives as `subcommand`. */
export interface CommandInput {
  subcommand?: string;
  options: Record<string, string | number | boolean>;
}

/** What a command may use while it runs: services, who asked, when, and where. */
export interface CommandContext {
  services: Services;
  now: Date;
  userId: string;
  guildId: string | null;
  channelId: string | null;
  log: Logger;
  /** What only a chat platform can do (check a channel, post to it); absent in the console. */
  platform?: ChannelPlatform;
  /** Whether the member who asked has Manage Server here; absent where there are no servers (the console, DMs). */
  canManageServer?: boolean;
}

/** One slash command: its definition and the handlers that turn input into a `Reply`. */
export interface Command {
  data: CommandDefinition;
  execute(ctx: CommandContext, input: CommandInput): Promise<Reply> | Reply;
  /** Suggestions for the focused option (at most 25; the adapter trims). */
  autocomplete?(ctx: CommandContext, focused: { name: string; value: string }, input: CommandInput): OptionChoice[];
  /**
   * A click on one of this command's buttons. `args` are the parts of the button's `action` after the command name
   * (`search:page:2:troops` → `['page', '2', 'troops']`).
   */
  button?(ctx: CommandContext, args: string[]): Promise<Reply> | Reply;
}
