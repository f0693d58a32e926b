import {
  ChannelType,
  type Client,
  DiscordAPIError,
  HTTPError,
  PermissionFlagsBits,
  RateLimitError,
  REST,
  Routes,
} from 'discord.js';
import { type DeliveryKey, readDigestMarkers } from '../briefing/digest-reply.ts';
import type { Reply } from '../briefing/reply.ts';
import { type Config, DIGEST_DEFAULTS } from '../config.ts';
import type { ChannelCheck, ChannelPlatform, HistoryCheck, PostOutcome } from '../scheduler/poster.ts';
import { renderReply } from './render.ts';

/** What a digest channel needs from the bot, with the names Discord's settings show. */
const NEEDED: readonly [string, bigint][] = [
  ['View Channel', PermissionFlagsBits.ViewChannel],
  ['Send Messages', PermissionFlagsBits.SendMessages],
  ['Embed Links', PermissionFlagsBits.EmbedLinks],
  // A retry after a crash looks for the digest among recent messages before posting it again.
  ['Read Message History', PermissionFlagsBits.ReadMessageHistory],
];

/** How many recent messages a retry looks through for its digest (one request; Discord's default page). */
const HISTORY_LIMIT = 50;

/** The parts of a fetched message a retry looks at (fetched messages carry no nonce). */
interface FetchedMessage {
  id: string;
  author?: { id: string };
  content?: string;
  embeds?: { footer?: { text?: string } }[];
}

/** A route limit longer than this frees the post's slot and becomes a scheduled retry instead of a wait. */
const LONGEST_WAIT_MS = 2000;

/**
 * Discord's side of digests: checks that the bot can post in a channel, posts a digest with a `nonce` and
 * `enforce_nonce: true` (so a retry within Discord's nonce window finds the message already there instead of posting
 * it twice), and looks for a delivery's marker among the channel's recent messages (for retries after that window).
 * Posts go through their own REST queue: capped at `DIGEST_REQUESTS_PER_SECOND` (below Discord's global 50/s, so
 * interaction replies keep room), no blind retries of 5xx (the scheduler retries with backoff), and a long route
 * limit is handed back to the scheduler rather than holding a slot other channels need.
 * @example const platform = createDiscordPlatform(client, config); await platform.post(channelId, reply, 'd1.20261121')
 */
export function createDiscordPlatform(
  client: Client,
  config: Pick<Config, 'discordToken' | 'discordApiUrl' | 'digestRequestsPerSecond'>,
): ChannelPlatform {
  const rest = new REST({
    version: '10',
    ...(config.discordApiUrl ? { api: config.discordApiUrl } : {}),
    retries: 0,
    globalRequestsPerSecond: config.digestRequestsPerSecond ?? DIGEST_DEFAULTS.requestsPerSecond,
    rejectOnRateLimit: (limit) => !limit.global && Math.max(limit.timeToReset, limit.retryAfter) > LONGEST_WAIT_MS,
  }).setToken(config.discordToken ?? '');

  return {
    async checkChannel(guildId, channelId): Promise<ChannelCheck> {
      const guild = client.guilds.cache.get(guildId);
      if (!guild) return { ok: false, reason: 'NOT_IN_SERVER' };
      let channel: Awaited<ReturnType<Client['channels']['fetch']>>;
      try {
        channel = await client.channels.fetch(channelId, { force: true });
      } catch (err) {
        if (err instanceof DiscordAPIError && (err.status === 404 || err.status === 403)) {
          return { ok: false, reason: 'NOT_FOUND' };
        }
        throw err;
      }
      if (!channel || channel.isDMBased() || channel.guildId !== guildId) return { ok: false, reason: 'NOT_IN_SERVER' };
      if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) {
        return { ok: false, reason: 'NOT_TEXT' };
      }
      const me = guild.members.me ?? (await guild.members.fetchMe());
      const granted = channel.permissionsFor(me);
      const missing = NEEDED.filter(([, flag]) => !granted.has(flag)).map(([name]) => name);
      return missing.length > 0
        ? { ok: false, reason: 'MISSING_PERMISSIONS', missing, name: channel.name }
        : { ok: true, name: channel.name };
    },

    async post(channelId: string, reply: Reply, nonce: string): Promise<PostOutcome> {
      const { flags: _private, allowedMentions: _mentions, ...payload } = renderReply({ ...reply, private: false });
      const body = { ...payload, allowed_mentions: { parse: [] }, nonce, enforce_nonce: true };
      try {
        const message = (await rest.post(Routes.channelMessages(channelId), { body })) as { id: string };
        return { ok: true, messageId: message.id };
      } catch (err) {
        return classifyPostError(err);
      }
    },

    async findDelivered(channelId: string, key: DeliveryKey): Promise<HistoryCheck> {
      let messages: FetchedMessage[];
      try {
        messages = (await rest.get(Routes.channelMessages(channelId), {
          query: new URLSearchParams({ limit: String(HISTORY_LIMIT) }),
        })) as FetchedMessage[];
      } catch (err) {
        const outcome = classifyPostError(err);
        if (outcome.ok) return { kind: 'absent' };
        if (outcome.kind === 'retry') return { ...outcome, kind: 'retry' };
        return { kind: 'unreadable', status: outcome.status, reason: outcome.reason };
      }
      const me = client.user?.id;
      const ours = messages.find((m) => (!me || m.author?.id === me) && carriesDelivery(m, key));
      return ours ? { kind: 'found', messageId: ours.id } : { kind: 'absent' };
    },
  };
}

/** Whether a fetched message is the given delivery: its marker in an embed footer or in the content. */
function carriesDelivery(message: FetchedMessage, key: DeliveryKey): boolean {
  const texts = [message.content ?? '', ...(message.embeds ?? []).map((e) => e.footer?.text ?? '')];
  return texts.some((text) =>
    readDigestMarkers(text).some((k) => k.subscriptionId === key.subscriptionId && k.period === key.period),
  );
}

/** Maps what REST threw to what the scheduler does about it. */
export function classifyPostError(err: unknown): PostOutcome {
  if (err instanceof RateLimitError) {
    return {
      ok: false,
      kind: 'retry',
      status: 429,
      reason: 'rate limited',
      retryAfterMs: Math.max(err.retryAfter, err.timeToReset),
    };
  }
  if (err instanceof DiscordAPIError) {
    if (err.status === 404) {
      return { ok: false, kind: 'pause', status: 404, reason: 'the channel was deleted or I can no longer see it' };
    }
    if (err.status === 403) {
      return {
        ok: false,
        kind: 'pause',
        status: 403,
        reason: `I may no longer post there (${err.message.slice(0, 60)})`,
      };
    }
    if (err.status === 429 || err.status === 408)
      return { ok: false, kind: 'retry', status: err.status, reason: err.message };
    return { ok: false, kind: 'rejected', status: err.status, reason: `Discord refused the message (${err.code})` };
  }
  if (err instanceof HTTPError) {
    return { ok: false, kind: 'retry', status: err.status, reason: `Discord answered ${err.status}` };
  }
  return { ok: false, kind: 'retry', reason: err instanceof Error ? err.message.slice(0, 100) : 'network error' };
}
