/**
 * A fake Discord on 127.0.0.1: enough of API v10 (REST + the gateway over ws) for the real discord.js client to log
 * in, receive interactions and answer them. It is as strict as Discord where a bot can get things wrong: interactions
 * expire after 3 s (10062), a second acknowledgement fails (40060), oversized payloads, too many autocomplete
 * choices, a callback type that does not fit the interaction and invalid command definitions are refused (50035).
 * Its checks are written independently of src/bot/limits.ts, so a bug there is caught here. Every request is recorded.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface FakeDiscordOptions {
  token?: string;
  /** How long an interaction may stay unanswered (Discord: 3 s). */
  interactionTimeoutMs?: number;
}

export interface RecordedRequest {
  method: string;
  /** Path below `/api/v10`, decoded (`@original`, not `%40original`). */
  path: string;
  query: URLSearchParams;
  body: unknown;
  authorization: string | undefined;
  status: number;
  /** `performance.now()` when the body had arrived. */
  at: number;
}

export interface FakeMessage {
  id: string;
  channel_id: string;
  content: string;
  embeds: Record<string, unknown>[];
  components: { type: number; components: Record<string, unknown>[] }[];
  flags: number;
  allowed_mentions?: { parse?: string[] };
  [key: string]: unknown;
}

/** One interaction as Discord tracks it: its acknowledgement and the messages it produced. */
export interface FakeInteraction {
  id: string;
  token: string;
  type: number;
  /** `performance.now()` when INTERACTION_CREATE went out. */
  sentAt: number;
  /** First callback: its type, body and arrival time. */
  ack?: { type: number; data: Record<string, unknown> | undefined; at: number };
  expired: boolean;
  original?: FakeMessage;
  originalDeleted: boolean;
  followups: FakeMessage[];
  /** For a button click: the message the button sat on. */
  componentMessage?: FakeMessage;
  /** Type 8 (autocomplete) answers. */
  choices?: { name: string; value: string | number }[];
}

export interface OptionValue {
  name: string;
  value: string | number | boolean;
  focused?: boolean;
}

/** A guild text channel as the fake keeps it. */
export interface FakeChannel {
  id: string;
  name: string;
  type: number;
  overwrites: { id: string; type: number; allow: string; deny: string }[];
}

const API_PREFIX = /^\/api(?:\/v10)?(?=\/)|^\/v10(?=\/)/;
const DISCORD_EPOCH = 1420070400000n;

/** Callback types Discord accepts per interaction type (2 command, 3 component, 4 autocomplete, 5 modal). */
const CALLBACKS_FOR: Record<number, number[]> = { 2: [4, 5, 9], 3: [4, 5, 6, 7, 9], 4: [8], 5: [4, 5, 6, 7] };

export class FakeDiscord extends EventEmitter {
  readonly token: string;
  readonly applicationId: string;
  readonly guildId: string;
  readonly channelId: string;
  readonly botUser: Record<string, unknown>;
  readonly user = {
    id: '400000000000000001',
    username: 'reader',
    discriminator: '0',
    global_name: 'Reader',
    avatar: null,
  };
  readonly requests: RecordedRequest[] = [];
  /** Gateway payloads the client sent (IDENTIFY, heartbeats …). */
  readonly gatewayReceived: { op: number; d: unknown }[] = [];
  /** Registered commands by scope: 'global' or a guild id. */
  readonly commands = new Map<string, Record<string, unknown>[]>();
  readonly interactions = new Map<string, FakeInteraction>();
  readonly channelMessages: FakeMessage[] = [];
  /** Text channels of the guild by id (the default `channelId` among them); see `addChannel`. */
  readonly channels = new Map<string, FakeChannel>();
  /** The role the bot holds, granting View Channel, Send Messages, Embed Links and Read Message History server-wide. */
  readonly botRoleId: string;
  /** Member permissions sent with interactions, per user id (default: everything but Administrator). */
  readonly memberPermissions = new Map<string, string>();
  /** How long a nonce sent with `enforce_nonce` dedupes channel messages (Discord: a few minutes). */
  nonceWindowMs = 5 * 60_000;
  private readonly nonces = new Map<string, { message: FakeMessage; at: number }>();
  private readonly channelFailures: { channelId: string; status: number; code: number; remaining: number }[] = [];

  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly timeoutMs: number;
  private readonly rateLimits: { method: string; path: RegExp; retryAfter: number; remaining: number }[] = [];
  private seq = 0;
  private idCounter = 0n;
  private port = 0;

  private constructor(options: FakeDiscordOptions) {
    super();
    // Every pending `settled` call listens; bursts and benchmarks have many at once.
    this.setMaxListeners(0);
    this.token = options.token ?? 'fake-token.for-tests';
    this.timeoutMs = options.interactionTimeoutMs ?? 3000;
    this.applicationId = this.snowflake();
    this.guildId = this.snowflake();
    this.channelId = this.snowflake();
    this.botRoleId = this.snowflake();
    this.channels.set(this.channelId, { id: this.channelId, name: 'briefings', type: 0, overwrites: [] });
    this.botUser = {
      id: this.applicationId,
      username: 'Baltic Brief',
      discriminator: '0',
      global_name: null,
      avatar: null,
      bot: true,
      flags: 0,
    };
    this.server = createServer((req, res) => {
      this.onHttp(req, res).catch((err) => {
        this.send(res, 500, { message: String(err), code: 0 });
      });
    });
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => {
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onGateway(ws));
    });
  }

  /** Starts a fake on a random loopback port. */
  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** What `DISCORD_API_URL` should be set to. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** Closes sockets and the server. Destroy the client first, or it reconnects to a closed port forever. */
  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next `count` requests matching method and path are answered 429 with Retry-After `retryAfter` seconds. */
  rateLimitNext(method: string, path: RegExp, retryAfter = 1, count = 1): void {
    this.rateLimits.push({ method, path, retryAfter, remaining: count });
  }

  /**
   * Adds a channel to the guild (before login it is also in GUILD_CREATE). `deny` removes permissions from the bot's
   * role there, as a channel overwrite does (e.g. `1n << 14n` for Embed Links).
   */
  addChannel(options: { name?: string; type?: number; deny?: bigint } = {}): string {
    const id = this.snowflake();
    const overwrites = options.deny ? [{ id: this.botRoleId, type: 0, allow: '0', deny: options.deny.toString() }] : [];
    this.channels.set(id, {
      id,
      name: options.name ?? `channel-${this.channels.size}`,
      type: options.type ?? 0,
      overwrites,
    });
    return id;
  }

  /** Deletes a channel: reads and posts answer 404 Unknown Channel from now on. */
  deleteChannel(id: string): void {
    this.channels.delete(id);
  }

  /**
   * The next `count` posts to the channel fail with `status` (403 Missing Access, 404 Unknown Channel, 500, 502 …);
   * a 429 is `rateLimitNext`'s job.
   */
  failChannelPosts(channelId: string, status: number, count = 1): void {
    const code = status === 404 ? 10003 : status === 403 ? 50001 : 0;
    this.channelFailures.push({ channelId, status, code, remaining: count });
  }

  /** Discord's nonce window has passed: a repeated `enforce_nonce` post creates a new message again. */
  forgetNonces(): void {
    this.nonces.clear();
  }

  /** Messages posted to one channel (bot posts, not interaction replies). */
  messagesIn(channelId: string): FakeMessage[] {
    return this.channelMessages.filter((m) => m.channel_id === channelId);
  }

  /** The bot is removed from the guild: GUILD_DELETE goes out on the gateway. */
  removeFromGuild(): void {
    this.dispatch('GUILD_DELETE', { id: this.guildId });
  }

  snowflake(): string {
    this.idCounter += 1n;
    return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (this.idCounter & 0x3fffffn)).toString();
  }

  // ── interactions ──────────────────────────────────────────────────────────────────────────────────────────────

  /** Sends a slash command (type 2) as `userId`; returns the interaction to await with `settled`. */
  slash(name: string, options: Record<string, string | number | boolean> = {}, userId?: string): FakeInteraction {
    const opts = Object.entries(options).map(([n, value]) => ({ name: n, value }));
    return this.dispatchInteraction(2, this.commandData(name, opts), userId);
  }

  /** Sends a subcommand (`/digest subscribe …`) as `userId`. */
  slashSub(
    name: string,
    sub: string,
    options: Record<string, string | number | boolean> = {},
    userId?: string,
  ): FakeInteraction {
    const registered = [...this.commands.values()].flat().find((c) => c.name === name);
    const subDef = (
      registered?.options as { name: string; options?: { name: string; type: number }[] }[] | undefined
    )?.find((o) => o.name === sub);
    const data = this.commandData(name, []);
    data.options = [
      {
        name: sub,
        type: 1,
        options: Object.entries(options).map(([n, value]) => ({
          name: n,
          type: subDef?.options?.find((d) => d.name === n)?.type ?? (typeof value === 'number' ? 4 : 3),
          value,
        })),
      },
    ];
    return this.dispatchInteraction(2, data, userId);
  }

  /** Sends an autocomplete interaction (type 4) with `focused` as the option being typed. */
  autocomplete(name: string, focused: string, value: string, others: Record<string, string | number> = {}) {
    const opts: OptionValue[] = Object.entries(others).map(([n, v]) => ({ name: n, value: v }));
    opts.push({ name: focused, value, focused: true });
    return this.dispatchInteraction(4, this.commandData(name, opts));
  }

  /** Clicks the button `customId` on `message` (type 3). */
  click(customId: string, message: FakeMessage, userId?: string): FakeInteraction {
    return this.dispatchInteraction(3, { custom_id: customId, component_type: 2 }, userId, message);
  }

  private commandData(name: string, options: OptionValue[]): Record<string, unknown> {
    const registered = [...this.commands.values()].flat().find((c) => c.name === name);
    const defs = (registered?.options as { name: string; type: number }[] | undefined) ?? [];
    return {
      id: (registered?.id as string | undefined) ?? this.snowflake(),
      name,
      type: 1,
      guild_id: this.guildId,
      options: options.map((o) => ({
        name: o.name,
        type:
          defs.find((d) => d.name === o.name)?.type ??
          (typeof o.value === 'number' ? 4 : typeof o.value === 'boolean' ? 5 : 3),
        value: o.value,
        ...(o.focused ? { focused: true } : {}),
      })),
    };
  }

  private dispatchInteraction(
    type: number,
    data: Record<string, unknown>,
    userId?: string,
    message?: FakeMessage,
  ): FakeInteraction {
    const id = this.snowflake();
    const token = `itk_${id}_${Math.random().toString(36).slice(2)}`;
    const user = { ...this.user, ...(userId ? { id: userId, username: `user${userId.slice(-4)}` } : {}) };
    const payload = {
      id,
      application_id: this.applicationId,
      type,
      token,
      version: 1,
      data,
      guild_id: this.guildId,
      guild: { id: this.guildId, locale: 'en-US', features: [] },
      channel_id: this.channelId,
      channel: this.channelObject(),
      member: {
        ...guildMember(user, []),
        permissions: this.memberPermissions.get(user.id) ?? '2248473465835073',
        communication_disabled_until: null,
      },
      app_permissions: '2248473465835073',
      locale: 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': this.guildId },
      context: 0,
      ...(message ? { message } : {}),
    };
    const interaction: FakeInteraction = {
      id,
      token,
      type,
      sentAt: 0,
      expired: false,
      originalDeleted: false,
      followups: [],
      ...(message ? { componentMessage: message } : {}),
    };
    this.interactions.set(id, interaction);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      // Discord forgets an interaction nobody acknowledged: any later callback gets 10062.
      if (!interaction.ack) {
        interaction.expired = true;
        this.emit('change', interaction);
      }
    }, this.timeoutMs);
    this.timers.add(timer);
    interaction.sentAt = performance.now();
    this.dispatch('INTERACTION_CREATE', payload);
    return interaction;
  }

  /**
   * Resolves when the interaction shows the user something final: an immediate reply, update or choices, or, after a
   * deferral, the edit or follow-up. Rejects when it expires unanswered or nothing happens within `timeoutMs`.
   */
  settled(interaction: FakeInteraction, timeoutMs = 5000): Promise<FakeInteraction> {
    const done = (i: FakeInteraction): boolean => {
      if (!i.ack) return false;
      if ([4, 7, 8].includes(i.ack.type)) return true;
      return i.followups.length > 0 || Boolean(i.original?.edited_timestamp);
    };
    return new Promise((resolve, reject) => {
      const check = (i: FakeInteraction): void => {
        if (i !== interaction) return;
        if (done(i)) finish(() => resolve(i));
        else if (i.expired) finish(() => reject(new Error(`interaction ${i.id} expired unanswered (10062)`)));
      };
      const timer = setTimeout(
        () => finish(() => reject(new Error(`interaction ${interaction.id} not settled`))),
        timeoutMs,
      );
      const finish = (then: () => void): void => {
        clearTimeout(timer);
        this.off('change', check);
        then();
      };
      this.on('change', check);
      check(interaction);
    });
  }

  /** Resolves with the first recorded request (past or future) matching `predicate`. */
  waitForRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    const seen = this.requests.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const onRequest = (r: RecordedRequest): void => {
        if (!predicate(r)) return;
        clearTimeout(timer);
        this.off('request', onRequest);
        resolve(r);
      };
      const timer = setTimeout(() => {
        this.off('request', onRequest);
        reject(new Error('no matching request'));
      }, timeoutMs);
      this.on('request', onRequest);
    });
  }

  // ── gateway ───────────────────────────────────────────────────────────────────────────────────────────────────

  private onGateway(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('message', (raw) => {
      const packet = JSON.parse(raw.toString()) as { op: number; d: Record<string, unknown> | null };
      this.gatewayReceived.push({ op: packet.op, d: packet.d });
      if (packet.op === 1) ws.send(JSON.stringify({ op: 11, d: null }));
      else if (packet.op === 2) this.identify(ws, packet.d ?? {});
      else if (packet.op === 6) this.sendDispatch(ws, 'RESUMED', {});
      this.emit('gateway', packet);
    });
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41250 } }));
  }

  private identify(ws: WebSocket, d: Record<string, unknown>): void {
    if (d.token !== this.token) {
      ws.close(4004, 'Authentication failed.');
      return;
    }
    this.sendDispatch(ws, 'READY', {
      v: 10,
      user: { ...this.botUser, verified: true, mfa_enabled: false },
      guilds: [{ id: this.guildId, unavailable: true }],
      session_id: `session-${this.snowflake()}`,
      resume_gateway_url: `ws://127.0.0.1:${this.port}`,
      shard: [0, 1],
      application: { id: this.applicationId, flags: 0 },
      private_channels: [],
    });
    // Each guild announced in READY must follow as GUILD_CREATE, or discord.js waits 15 s before clientReady.
    this.sendDispatch(ws, 'GUILD_CREATE', {
      id: this.guildId,
      name: 'Baltic Test Server',
      icon: null,
      owner_id: this.user.id,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
      premium_tier: 0,
      preferred_locale: 'en-US',
      features: [],
      roles: [
        {
          id: this.guildId,
          name: '@everyone',
          permissions: '0',
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
        {
          id: this.botRoleId,
          name: 'Baltic Brief',
          // View Channel, Send Messages, Embed Links, Read Message History.
          permissions: String((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 16n)),
          position: 1,
          color: 0,
          hoist: false,
          managed: true,
          mentionable: false,
          flags: 0,
        },
      ],
      emojis: [],
      stickers: [],
      channels: [...this.channels.keys()].map((id) => this.channelObject(id)),
      threads: [],
      members: [],
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      member_count: 2,
      large: false,
      unavailable: false,
      joined_at: '2024-01-01T00:00:00.000Z',
    });
  }

  private channelObject(id = this.channelId): Record<string, unknown> {
    const channel = this.channels.get(id) ?? { id, name: 'briefings', type: 0, overwrites: [] };
    return {
      id,
      type: channel.type,
      guild_id: this.guildId,
      name: channel.name,
      position: 0,
      permission_overwrites: channel.overwrites,
      nsfw: false,
      topic: null,
      last_message_id: null,
      parent_id: null,
      rate_limit_per_user: 0,
    };
  }

  private dispatch(event: string, d: unknown): void {
    for (const ws of this.sockets) this.sendDispatch(ws, event, d);
  }

  private sendDispatch(ws: WebSocket, event: string, d: unknown): void {
    this.seq += 1;
    ws.send(JSON.stringify({ op: 0, t: event, s: this.seq, d }));
  }

  // ── REST ──────────────────────────────────────────────────────────────────────────────────────────────────────

  private async onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname.replace(API_PREFIX, ''));
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      body,
      authorization: req.headers.authorization,
      status: 0,
      at: performance.now(),
    };
    this.requests.push(record);
    const status = this.route(record, res);
    record.status = status;
    this.emit('request', record);
  }

  /** Answers one request; returns the status sent. */
  private route(r: RecordedRequest, res: ServerResponse): number {
    const limited = this.rateLimits.find((l) => l.remaining > 0 && l.method === r.method && l.path.test(r.path));
    if (limited) {
      limited.remaining -= 1;
      return this.send(
        res,
        429,
        { message: 'You are being rate limited.', retry_after: limited.retryAfter, global: false },
        {
          'Retry-After': String(limited.retryAfter),
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset-After': String(limited.retryAfter),
          'X-RateLimit-Scope': 'user',
        },
      );
    }
    const m = (re: RegExp) => re.exec(r.path);
    const isWebhookRoute = r.path.startsWith('/interactions/') || r.path.startsWith('/webhooks/');
    if (!isWebhookRoute && r.authorization !== `Bot ${this.token}`) {
      return this.send(res, 401, { message: '401: Unauthorized', code: 0 });
    }
    if (r.method === 'GET' && r.path === '/gateway/bot') {
      return this.send(res, 200, {
        url: `ws://127.0.0.1:${this.port}`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
      });
    }
    if (r.method === 'GET' && r.path === '/users/@me') return this.send(res, 200, this.botUser);
    if (r.method === 'GET' && r.path === '/applications/@me') {
      return this.send(res, 200, {
        id: this.applicationId,
        name: 'Baltic Brief',
        description: '',
        flags: 0,
        bot: this.botUser,
      });
    }
    const commandsRoute = m(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/);
    if (commandsRoute) {
      if (commandsRoute[1] !== this.applicationId) {
        return this.send(res, 404, { message: 'Unknown Application', code: 10002 });
      }
      const scope = commandsRoute[2] ?? 'global';
      if (r.method === 'GET') return this.send(res, 200, this.commands.get(scope) ?? []);
      if (r.method === 'PUT') return this.putCommands(res, scope, commandsRoute[2], r.body);
    }
    const callbackRoute = m(/^\/interactions\/(\d+)\/([^/]+)\/callback$/);
    if (callbackRoute && r.method === 'POST') return this.callback(res, callbackRoute[1]!, callbackRoute[2]!, r);
    const webhookRoute = m(/^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/([^/]+))?$/);
    if (webhookRoute) return this.webhook(res, webhookRoute[2]!, webhookRoute[3], r);
    const channelRoute = m(/^\/channels\/(\d+)$/);
    if (channelRoute && r.method === 'GET') {
      if (!this.channels.has(channelRoute[1]!)) return this.send(res, 404, { message: 'Unknown Channel', code: 10003 });
      return this.send(res, 200, this.channelObject(channelRoute[1]));
    }
    const messagesRoute = m(/^\/channels\/(\d+)\/messages$/);
    if (messagesRoute && r.method === 'POST') return this.postChannelMessage(res, messagesRoute[1]!, r);
    if (messagesRoute && r.method === 'GET') return this.getChannelMessages(res, messagesRoute[1]!, r);
    const memberRoute = m(/^\/guilds\/(\d+)\/members\/(\d+)$/);
    if (memberRoute && r.method === 'GET') {
      if (memberRoute[1] !== this.guildId || memberRoute[2] !== this.applicationId) {
        return this.send(res, 404, { message: 'Unknown Member', code: 10007 });
      }
      return this.send(res, 200, guildMember(this.botUser, [this.botRoleId]));
    }
    return this.send(res, 404, { message: '404: Not Found', code: 0 });
  }

  /** A bot post: injected failures first, then Discord's checks, then `enforce_nonce` deduplication. */
  private postChannelMessage(res: ServerResponse, channelId: string, r: RecordedRequest): number {
    const failure = this.channelFailures.find((f) => f.remaining > 0 && f.channelId === channelId);
    if (failure) {
      failure.remaining -= 1;
      const message =
        failure.status >= 500 ? 'Internal Server Error' : failure.status === 403 ? 'Missing Access' : 'Unknown Channel';
      return this.send(res, failure.status, { message, code: failure.code });
    }
    if (!this.channels.has(channelId)) return this.send(res, 404, { message: 'Unknown Channel', code: 10003 });
    const body = (r.body ?? {}) as Record<string, unknown>;
    const problems = messageProblems(body);
    const nonce = body.nonce;
    if (nonce !== undefined && typeof nonce !== 'string' && typeof nonce !== 'number') problems.push('nonce: invalid');
    if (typeof nonce === 'string' && nonce.length > 25) problems.push('nonce: must be 25 or fewer in length');
    if (problems.length) return this.invalid(res, problems);
    const key = `${channelId}:${String(nonce)}`;
    if (body.enforce_nonce === true && nonce !== undefined) {
      const earlier = this.nonces.get(key);
      // Discord answers a repeated nonce with the message it already created, and creates nothing.
      if (earlier && performance.now() - earlier.at < this.nonceWindowMs) return this.send(res, 200, earlier.message);
    }
    const message: FakeMessage = { ...this.message(body), channel_id: channelId, type: 0, webhook_id: undefined };
    if (nonce !== undefined) message.nonce = nonce;
    this.channelMessages.push(message);
    if (body.enforce_nonce === true && nonce !== undefined) this.nonces.set(key, { message, at: performance.now() });
    this.emit('channelMessage', message);
    return this.send(res, 200, message);
  }

  /**
   * Recent messages of a channel, newest first, at most `limit` (1–100, default 50). Like Discord: 403 without View
   * Channel or Read Message History (a channel overwrite on the bot's role), and no `nonce` on fetched messages.
   */
  private getChannelMessages(res: ServerResponse, channelId: string, r: RecordedRequest): number {
    const channel = this.channels.get(channelId);
    if (!channel) return this.send(res, 404, { message: 'Unknown Channel', code: 10003 });
    const denied = channel.overwrites.reduce((bits, o) => bits | BigInt(o.deny), 0n);
    if (denied & ((1n << 10n) | (1n << 16n))) return this.send(res, 403, { message: 'Missing Access', code: 50001 });
    const limit = Number(r.query.get('limit') ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) return this.invalid(res, ['limit: must be 1–100']);
    const recent = this.messagesIn(channelId)
      .slice(-limit)
      .reverse()
      .map(({ nonce: _nonce, ...message }) => message);
    return this.send(res, 200, recent);
  }

  private putCommands(res: ServerResponse, scope: string, guildId: string | undefined, body: unknown): number {
    if (!Array.isArray(body)) return this.invalid(res, ['body: must be an array of commands']);
    const problems = body.flatMap((def, i) => commandProblems(def, `${i}`));
    if (body.length > 100) problems.push('body: at most 100 commands');
    const names = body.map((d) => `${(d as { type?: number }).type ?? 1}:${(d as { name?: string }).name}`);
    if (new Set(names).size !== names.length) problems.push('body: duplicate command names');
    if (problems.length) return this.invalid(res, problems);
    const saved = (body as Record<string, unknown>[]).map((def) => ({
      id: this.snowflake(),
      application_id: this.applicationId,
      version: this.snowflake(),
      type: 1,
      default_member_permissions: null,
      nsfw: false,
      ...(guildId ? { guild_id: guildId } : {}),
      ...def,
    }));
    this.commands.set(scope, saved);
    return this.send(res, 200, saved);
  }

  private callback(res: ServerResponse, id: string, token: string, r: RecordedRequest): number {
    const interaction = this.interactions.get(id);
    if (!interaction || interaction.token !== token || interaction.expired) {
      return this.send(res, 404, { message: 'Unknown interaction', code: 10062 });
    }
    if (interaction.ack) {
      return this.send(res, 400, { message: 'Interaction has already been acknowledged.', code: 40060 });
    }
    const body = r.body as { type?: number; data?: Record<string, unknown> } | undefined;
    const type = body?.type ?? -1;
    if (!CALLBACKS_FOR[interaction.type]?.includes(type)) {
      return this.invalid(res, [`type: callback type ${type} does not fit interaction type ${interaction.type}`]);
    }
    if (type === 8) {
      const problems = choiceProblems(body?.data?.choices);
      if (problems.length) return this.invalid(res, problems);
      interaction.choices = body?.data?.choices as FakeInteraction['choices'];
    } else if (type === 4 || type === 7) {
      const problems = messageProblems(body?.data, type === 7);
      if (problems.length) return this.invalid(res, problems);
    }
    interaction.ack = { type, data: body?.data, at: r.at };
    if (type === 4) interaction.original = this.message(body?.data ?? {});
    if (type === 5)
      interaction.original = this.message({ content: '', flags: (Number(body?.data?.flags ?? 0) & 64) | 128 });
    if (type === 7 || type === 6) {
      const previous = (this.findMessageOfComponent(interaction) ?? this.message({})) as FakeMessage;
      interaction.original = type === 7 ? { ...previous, ...this.pickMessageFields(body?.data ?? {}) } : previous;
    }
    this.emit('change', interaction);
    if (r.query.get('with_response') === 'true') {
      return this.send(res, 200, {
        interaction: { id, type: interaction.type, response_message_id: interaction.original?.id },
        resource: { type, ...(interaction.original ? { message: interaction.original } : {}) },
      });
    }
    return this.send(res, 204, undefined);
  }

  /** The message a clicked button sat on, as sent in the interaction (kept on the record by `click`). */
  private findMessageOfComponent(interaction: FakeInteraction): FakeMessage | undefined {
    return interaction.componentMessage;
  }

  private webhook(res: ServerResponse, token: string, messageId: string | undefined, r: RecordedRequest): number {
    const interaction = [...this.interactions.values()].find((i) => i.token === token);
    if (!interaction?.ack || interaction.type === 4)
      return this.send(res, 404, { message: 'Unknown Webhook', code: 10015 });
    if (messageId === undefined) {
      if (r.method !== 'POST') return this.send(res, 405, { message: '405: Method Not Allowed', code: 0 });
      const problems = messageProblems(r.body);
      if (problems.length) return this.invalid(res, problems);
      const message = this.message(r.body as Record<string, unknown>);
      interaction.followups.push(message);
      this.emit('change', interaction);
      return r.query.get('wait') === 'false' ? this.send(res, 204, undefined) : this.send(res, 200, message);
    }
    const target =
      messageId === '@original'
        ? interaction.originalDeleted
          ? undefined
          : interaction.original
        : interaction.followups.find((f) => f.id === messageId);
    if (!target) return this.send(res, 404, { message: 'Unknown Message', code: 10008 });
    if (r.method === 'GET') return this.send(res, 200, target);
    if (r.method === 'DELETE') {
      if (messageId === '@original') interaction.originalDeleted = true;
      this.emit('change', interaction);
      return this.send(res, 204, undefined);
    }
    if (r.method === 'PATCH') {
      const problems = messageProblems(r.body, true);
      if (problems.length) return this.invalid(res, problems);
      Object.assign(target, this.pickMessageFields(r.body as Record<string, unknown>), {
        edited_timestamp: new Date().toISOString(),
        flags: target.flags & ~128,
      });
      this.emit('change', interaction);
      return this.send(res, 200, target);
    }
    return this.send(res, 405, { message: '405: Method Not Allowed', code: 0 });
  }

  private pickMessageFields(data: Record<string, unknown>): Partial<FakeMessage> {
    const out: Partial<FakeMessage> = {};
    for (const key of ['content', 'embeds', 'components', 'allowed_mentions'] as const) {
      if (data[key] !== undefined) (out as Record<string, unknown>)[key] = data[key];
    }
    return out;
  }

  private message(data: Record<string, unknown>): FakeMessage {
    return {
      id: this.snowflake(),
      channel_id: this.channelId,
      guild_id: this.guildId,
      type: 20,
      author: this.botUser,
      webhook_id: this.applicationId,
      application_id: this.applicationId,
      content: (data.content as string | undefined) ?? '',
      embeds: (data.embeds as Record<string, unknown>[] | undefined) ?? [],
      components: (data.components as FakeMessage['components'] | undefined) ?? [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: Number(data.flags ?? 0),
      ...(data.allowed_mentions ? { allowed_mentions: data.allowed_mentions as FakeMessage['allowed_mentions'] } : {}),
    };
  }

  private invalid(res: ServerResponse, problems: string[]): number {
    return this.send(res, 400, { message: 'Invalid Form Body', code: 50035, errors: problems });
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): number {
    // Every response carries a bucket (discord.js expects the header on all responses or on none).
    res.writeHead(status, {
      // A 204 has no body, and discord.js parses any body labelled JSON.
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      'X-RateLimit-Bucket': 'fake-bucket',
      'X-RateLimit-Limit': '50',
      'X-RateLimit-Remaining': '49',
      'X-RateLimit-Reset': String(Date.now() / 1000 + 1),
      'X-RateLimit-Reset-After': '1',
      ...headers,
    });
    res.end(body === undefined ? undefined : JSON.stringify(body));
    return status;
  }
}

// ── Discord's rules, restated independently of src/bot/limits.ts ─────────────────────────────────────────────────

const len = (v: unknown): number => (typeof v === 'string' ? [...v].length : 0);

/** Problems Discord would report for a message body (create, or `update` for edits where every key is optional). */
export function messageProblems(body: unknown, update = false): string[] {
  const problems: string[] = [];
  const data = (body ?? {}) as Record<string, unknown>;
  const content = data.content as string | undefined;
  const embeds = (data.embeds as Record<string, unknown>[] | undefined) ?? [];
  const rows = (data.components as { type: number; components?: Record<string, unknown>[] }[] | undefined) ?? [];
  if (len(content) > 2000) problems.push('content: must be 2000 or fewer in length');
  if (embeds.length > 10) problems.push('embeds: must be 10 or fewer in length');
  let total = 0;
  embeds.forEach((e, i) => {
    const fields = (e.fields as { name?: string; value?: string }[] | undefined) ?? [];
    const footer = (e.footer as { text?: string } | undefined)?.text;
    const author = (e.author as { name?: string } | undefined)?.name;
    if (len(e.title) > 256) problems.push(`embeds.${i}.title: must be 256 or fewer in length`);
    if (len(e.description) > 4096) problems.push(`embeds.${i}.description: must be 4096 or fewer in length`);
    if (fields.length > 25) problems.push(`embeds.${i}.fields: must be 25 or fewer in length`);
    if (len(footer) > 2048) problems.push(`embeds.${i}.footer.text: must be 2048 or fewer in length`);
    if (len(author) > 256) problems.push(`embeds.${i}.author.name: must be 256 or fewer in length`);
    if (e.url !== undefined && !/^https?:\/\/\S+$/.test(String(e.url)))
      problems.push(`embeds.${i}.url: not a well formed URL`);
    fields.forEach((f, j) => {
      if (len(f.name) < 1 || len(f.name) > 256) problems.push(`embeds.${i}.fields.${j}.name: must be 1–256 long`);
      if (len(f.value) < 1 || len(f.value) > 1024) problems.push(`embeds.${i}.fields.${j}.value: must be 1–1024 long`);
      total += len(f.name) + len(f.value);
    });
    total += len(e.title) + len(e.description) + len(footer) + len(author);
  });
  if (total > 6000) problems.push('embeds: embed size exceeds maximum size of 6000');
  if (rows.length > 5) problems.push('components: must be 5 or fewer in length');
  const ids = new Set<string>();
  rows.forEach((row, i) => {
    const buttons = row.components ?? [];
    if (row.type !== 1) problems.push(`components.${i}.type: top level must be an action row`);
    if (buttons.length < 1 || buttons.length > 5) problems.push(`components.${i}.components: must be 1–5 in length`);
    buttons.forEach((b, j) => {
      const where = `components.${i}.components.${j}`;
      if (len(b.label) > 80) problems.push(`${where}.label: must be 80 or fewer in length`);
      if (b.style === 5) {
        if (!/^https?:\/\/\S+$/.test(String(b.url ?? ''))) problems.push(`${where}.url: not a well formed URL`);
      } else {
        const id = String(b.custom_id ?? '');
        if (len(id) < 1 || len(id) > 100) problems.push(`${where}.custom_id: must be 1–100 long`);
        if (ids.has(id)) problems.push(`${where}.custom_id: component custom id cannot be duplicated`);
        ids.add(id);
      }
    });
  });
  const empty = !content && embeds.length === 0 && rows.length === 0;
  if (!update && empty) problems.push('message: cannot send an empty message');
  return problems;
}

/** Problems Discord would report for autocomplete choices. */
export function choiceProblems(choices: unknown): string[] {
  if (!Array.isArray(choices)) return ['data.choices: must be an array'];
  const problems: string[] = [];
  if (choices.length > 25) problems.push('data.choices: must be 25 or fewer in length');
  choices.forEach((c: { name?: unknown; value?: unknown }, i) => {
    if (len(c.name) < 1 || len(c.name) > 100) problems.push(`data.choices.${i}.name: must be 1–100 long`);
    if (typeof c.value === 'string' && (len(c.value) < 1 || len(c.value) > 100)) {
      problems.push(`data.choices.${i}.value: must be 1–100 long`);
    }
  });
  return problems;
}

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

/** Problems Discord would report for a chat-input command definition (or, nested, for its options). */
export function commandProblems(def: unknown, where: string): string[] {
  const problems: string[] = [];
  const d = (def ?? {}) as Record<string, unknown>;
  const name = String(d.name ?? '');
  if (!NAME.test(name) || name !== name.toLowerCase()) problems.push(`${where}.name: invalid command name`);
  if (len(d.description) < 1 || len(d.description) > 100) problems.push(`${where}.description: must be 1–100 long`);
  const options = (d.options as Record<string, unknown>[] | undefined) ?? [];
  if (options.length > 25) problems.push(`${where}.options: must be 25 or fewer in length`);
  let sawOptional = false;
  options.forEach((o, i) => {
    const at = `${where}.options.${i}`;
    problems.push(...commandProblems({ ...o, options: o.type === 1 || o.type === 2 ? o.options : undefined }, at));
    if (o.required) {
      if (sawOptional) problems.push(`${at}.required: required options must be placed before non-required options`);
    } else sawOptional = true;
    const choices = (o.choices as { name?: string; value?: unknown }[] | undefined) ?? [];
    if (choices.length > 25) problems.push(`${at}.choices: must be 25 or fewer in length`);
    if (choices.length && o.autocomplete) problems.push(`${at}.autocomplete: cannot be set with choices`);
    choices.forEach((c, j) => {
      if (len(c.name) < 1 || len(c.name) > 100) problems.push(`${at}.choices.${j}.name: must be 1–100 long`);
    });
  });
  return problems;
}

/** A guild member object as Discord sends it: a user, their roles, and the fields discord.js reads. */
function guildMember(user: unknown, roles: string[]): Record<string, unknown> {
  return {
    user,
    roles,
    joined_at: '2024-01-01T00:00:00.000Z',
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    nick: null,
    avatar: null,
  };
}
