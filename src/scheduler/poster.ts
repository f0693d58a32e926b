import type { DeliveryKey } from '../briefing/digest-reply.ts';
import type { Reply } from '../briefing/reply.ts';

/** How a post to a channel ended, in the terms the scheduler acts on. */
export type PostOutcome =
  | { ok: true; messageId: string }
  /** The channel is gone (404) or the bot may not post there (403): the subscription pauses with `reason`. */
  | { ok: false; kind: 'pause'; status: number; reason: string }
  /** Worth trying again later with the same nonce: 429, 5xx, a network error. */
  | { ok: false; kind: 'retry'; status?: number; reason: string; retryAfterMs?: number }
  /** Refused for good (a 400): this digest is dropped, the subscription carries on. */
  | { ok: false; kind: 'rejected'; status: number; reason: string };

/** Whether the bot can post digests in a channel, and if not, why. */
export type ChannelCheck =
  | { ok: true; name: string }
  | { ok: false; reason: 'NOT_FOUND' | 'NOT_TEXT' | 'NOT_IN_SERVER' }
  | { ok: false; reason: 'MISSING_PERMISSIONS'; missing: string[]; name: string };

/** Whether a delivery's message is already in its channel, as a look at the channel's recent messages tells. */
export type HistoryCheck =
  | { kind: 'found'; messageId: string }
  | { kind: 'absent' }
  /** The history cannot be read (403: no Read Message History; 404): only the nonce guards against a repeat. */
  | { kind: 'unreadable'; status?: number; reason: string }
  /** Reading failed for now (429, 5xx, network): the delivery is tried again later, with a fresh look. */
  | { kind: 'retry'; status?: number; reason: string; retryAfterMs?: number };

/**
 * Posts a digest to a channel. `nonce` is the same on every retry of one delivery, so Discord keeps one message
 * while it remembers the nonce (a few minutes); `findDelivered`, where the platform has it, covers the time after.
 */
export interface DigestPoster {
  post(channelId: string, reply: Reply, nonce: string): Promise<PostOutcome>;
  /** Looks among the channel's recent messages for one of ours carrying the delivery's marker. */
  findDelivered?(channelId: string, key: DeliveryKey): Promise<HistoryCheck>;
}

/**
 * What only a chat platform can do for `/digest`, handed to commands in their context (the console has none):
 * check a channel, post to it.
 */
export interface ChannelPlatform extends DigestPoster {
  checkChannel(guildId: string, channelId: string): Promise<ChannelCheck>;
}
