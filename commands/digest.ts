import { DigestComposer } from '../src/briefing/digest.ts';
import { noticeReply, type Reply } from '../src/briefing/reply.ts';
import { echo } from '../src/briefing/text.ts';
import { DIGEST_DEFAULTS } from '../src/config.ts';
import { resolveTopic, topicSuggestions } from '../src/nlp/gazetteer.ts';
import { composeSubscriptionDigest, scopeLabel } from '../src/scheduler/digest-scheduler.ts';
import type { ChannelCheck } from '../src/scheduler/poster.ts';
import {
  canonicalTimeZone,
  EVERY_DAY,
  formatDays,
  formatTime,
  nextSlot,
  parseDays,
  parseTime,
  type Schedule,
} from '../src/scheduler/schedule.ts';
import type { Subscription } from '../src/store/digests.ts';
import { MAX_TEXT } from './input.ts';
import { type Command, type CommandContext, type CommandInput, type OptionChoice, OptionType } from './types.ts';

/** Discord's Manage Server (MANAGE_GUILD) permission bit. */
const MANAGE_SERVER = String(1 << 5);
/** Text and announcement channels: where a bot can post a digest. */
const POSTABLE_CHANNELS = [0, 5];
const DEFAULTS = { minutes: 8 * 60, timeZone: 'Europe/Tallinn', days: EVERY_DAY };
const NEEDS_DISCORD = 'Digests are delivered to Discord channels: run this in a server. `/digest preview` works here.';
const NEEDS_MANAGE = 'Managing digests needs the Manage Server permission in this server.';

const channelOption = (what: string) => ({
  type: OptionType.Channel,
  name: 'channel',
  description: `${what} (default: this channel)`,
  channel_types: POSTABLE_CHANNELS,
});

export default {
  data: {
    name: 'digest',
    description: 'A daily security digest posted to a channel at its own local time',
    default_member_permissions: MANAGE_SERVER,
    dm_permission: false,
    options: [
      {
        type: OptionType.Subcommand,
        name: 'subscribe',
        description: 'Post a daily digest to a channel (or change its settings, or resume it)',
        options: [
          channelOption('Where to post'),
          { type: OptionType.String, name: 'time', description: 'Local time, HH:MM (default 08:00)', max_length: 5 },
          {
            type: OptionType.String,
            name: 'timezone',
            description: 'Time zone, e.g. Europe/Riga or UTC (default Europe/Tallinn)',
            autocomplete: true,
            max_length: 64,
          },
          {
            type: OptionType.String,
            name: 'topics',
            description: 'Topics, comma-separated (default: every region topic)',
            autocomplete: true,
            max_length: MAX_TEXT,
          },
          {
            type: OptionType.String,
            name: 'days_of_week',
            description: 'e.g. weekdays, mon,wed,fri or sat-sun (default every day)',
            autocomplete: true,
            max_length: 40,
          },
          {
            type: OptionType.String,
            name: 'when_empty',
            description: 'On a day without news: a one-line note (default) or silence',
            choices: [
              { name: 'post a one-line note', value: 'note' },
              { name: 'stay silent', value: 'silent' },
            ],
          },
        ],
      },
      {
        type: OptionType.Subcommand,
        name: 'unsubscribe',
        description: 'Stop a channel’s digest',
        options: [channelOption('Which channel')],
      },
      {
        type: OptionType.Subcommand,
        name: 'list',
        description: 'This server’s digests: times, next and last delivery',
      },
      {
        type: OptionType.Subcommand,
        name: 'preview',
        description: 'Only you see it: what the next digest would contain now',
        options: [channelOption('Which channel’s digest')],
      },
      {
        type: OptionType.Subcommand,
        name: 'test',
        description: 'Post a digest to the channel now (does not count as a delivery)',
        options: [channelOption('Where to post')],
      },
    ],
  },
  async execute(ctx, input) {
    const sub = input.subcommand;
    if (sub === 'preview') return preview(ctx, input);
    if (!ctx.guildId || !ctx.platform) return noticeReply(NEEDS_DISCORD);
    if (sub === 'list') return list(ctx, ctx.guildId);
    // Changing anything needs Manage Server even where an admin relaxed the command's default permission.
    if (ctx.canManageServer !== true) return noticeReply(NEEDS_MANAGE);
    if (sub === 'subscribe') return subscribe(ctx, input, ctx.guildId);
    if (sub === 'unsubscribe') return unsubscribe(ctx, input, ctx.guildId);
    if (sub === 'test') return test(ctx, input, ctx.guildId);
    return noticeReply('Use `/digest subscribe`, `unsubscribe`, `list`, `preview` or `test`.');
  },
  autocomplete(ctx, focused) {
    if (focused.name === 'timezone') return timeZoneChoices(focused.value);
    if (focused.name === 'topics') return topicChoices(ctx, focused.value);
    if (focused.name === 'days_of_week') return dayChoices(focused.value);
    return [];
  },
} satisfies Command;

function maxPerGuild(config: CommandContext['services']['config']): number {
  return config.digestMaxPerGuild ?? DIGEST_DEFAULTS.maxPerGuild;
}

function targetChannel(ctx: CommandContext, input: CommandInput): string | null {
  const given = input.options.channel;
  return typeof given === 'string' && /^\d{1,20}$/.test(given) ? given : ctx.channelId;
}

/** The subscription of a channel in this server (another server's channel is as good as unknown). */
function subscriptionIn(ctx: CommandContext, guildId: string, channelId: string): Subscription | undefined {
  const found = ctx.services.digests.byChannel(channelId);
  return found?.guildId === guildId ? found : undefined;
}

function channelLabel(sub: Pick<Subscription, 'channelName' | 'channelId'>): string {
  return sub.channelName ? `#${sub.channelName}` : `channel ${sub.channelId}`;
}

function timestamp(ms: number, style: 'F' | 'f' | 'R' | 'd'): string {
  return `<t:${Math.floor(ms / 1000)}:${style}>`;
}

function scheduleLabel(s: Schedule): string {
  return `${formatDays(s.days)} at ${formatTime(s.minutes)} ${s.timeZone}`;
}

async function subscribe(ctx: CommandContext, input: CommandInput, guildId: string): Promise<Reply> {
  const { digests, config, corpus } = ctx.services;
  const channelId = targetChannel(ctx, input);
  if (!channelId) return noticeReply('Pick a channel with `channel:`.');
  const o = input.options;
  const minutes = o.time === undefined ? DEFAULTS.minutes : parseTime(String(o.time));
  if (minutes === undefined) {
    return noticeReply(`“${echo(String(o.time))}” is not a time: use 24-hour HH:MM, for example \`time:07:30\`.`);
  }
  const timeZone = o.timezone === undefined ? DEFAULTS.timeZone : canonicalTimeZone(String(o.timezone));
  if (!timeZone) {
    return noticeReply(
      `“${echo(String(o.timezone))}” is not a time zone I know: use a name like \`Europe/Vilnius\` or \`UTC\` (start typing to see them).`,
    );
  }
  const days = o.days_of_week === undefined ? DEFAULTS.days : parseDays(String(o.days_of_week));
  if (days === undefined) {
    return noticeReply(
      `“${echo(String(o.days_of_week))}” are not days I understand: try \`weekdays\`, \`mon,wed,fri\` or \`sat-sun\`.`,
    );
  }
  const topics: string[] = [];
  for (const part of String(o.topics ?? '').split(',')) {
    if (!part.trim()) continue;
    const topic = resolveTopic(corpus.gazetteer, part);
    if (!topic) {
      return noticeReply(
        `“${echo(part.trim())}” is not one of the region topics: start typing in \`topics\` to pick from them (e.g. Estonia, NATO, drones).`,
      );
    }
    if (!topics.includes(topic.id)) topics.push(topic.id);
  }
  const existing = subscriptionIn(ctx, guildId, channelId);
  if (!existing && digests.countInGuild(guildId) >= maxPerGuild(config)) {
    return noticeReply(
      `This server already has ${maxPerGuild(config)} digests, the most one server may have. Remove one with \`/digest unsubscribe\` first (\`/digest list\` shows them).`,
    );
  }
  const check = await (ctx.platform as NonNullable<CommandContext['platform']>).checkChannel(guildId, channelId);
  if (!check.ok) return noticeReply(channelProblem(check));
  const schedule: Schedule = { minutes, timeZone, days };
  const nowMs = ctx.now.getTime();
  const next = nextSlot(nowMs, schedule);
  const { subscription, created } = digests.subscribe(
    {
      guildId,
      channelId,
      channelName: check.name,
      schedule,
      topics,
      quiet: o.when_empty === 'silent',
      createdBy: ctx.userId,
    },
    next?.dueMs ?? null,
    nowMs,
  );
  ctx.log.info({ channelId, created, resumed: Boolean(existing?.pausedReason), topics, timeZone }, 'digest subscribed');
  const verb = created ? 'Subscribed' : existing?.pausedReason ? 'Resumed' : 'Updated';
  return {
    private: true,
    content: `${verb}: ${channelLabel(subscription)} gets the ${scopeLabel(corpus, topics)} digest ${scheduleLabel(schedule)}${
      next ? `. Next: ${timestamp(next.dueMs, 'F')} (${timestamp(next.dueMs, 'R')})` : ''
    }. \`/digest preview\` shows what it would contain now.`,
  };
}

function channelProblem(check: Exclude<ChannelCheck, { ok: true }>): string {
  switch (check.reason) {
    case 'NOT_FOUND':
      return 'I cannot see that channel: it may have been deleted, or I lack View Channel there.';
    case 'NOT_TEXT':
      return 'Digests go to text or announcement channels: pick one of those.';
    case 'NOT_IN_SERVER':
      return 'That channel is not in this server.';
    case 'MISSING_PERMISSIONS':
      return `I cannot post digests in #${check.name}: I am missing ${check.missing.join(', ')} there${
        // The one a member would not guess: without it a restart at the wrong moment could post a digest twice.
        check.missing.includes('Read Message History')
          ? ' (I read recent messages to make sure a digest is never posted twice)'
          : ''
      }. Grant ${check.missing.length === 1 ? 'it' : 'them'} to my role (channel settings → Permissions), then subscribe again.`;
  }
}

function unsubscribe(ctx: CommandContext, input: CommandInput, guildId: string): Reply {
  const channelId = targetChannel(ctx, input);
  const sub = channelId ? subscriptionIn(ctx, guildId, channelId) : undefined;
  if (!sub) return noticeReply('That channel has no digest. `/digest list` shows this server’s digests.');
  ctx.services.digests.unsubscribe(sub.channelId);
  ctx.log.info({ channelId: sub.channelId }, 'digest unsubscribed');
  return { private: true, content: `Unsubscribed: ${channelLabel(sub)} gets no more digests.` };
}

function list(ctx: CommandContext, guildId: string): Reply {
  const { digests, config, corpus } = ctx.services;
  const subs = digests.inGuild(guildId);
  if (subs.length === 0) {
    return noticeReply(
      'No digests in this server yet. `/digest subscribe` starts one (08:00 Europe/Tallinn by default).',
    );
  }
  const lines = subs.flatMap((s) => {
    const last = digests.lastDelivery(s.id);
    const lastText = last
      ? `last ${timestamp(last.doneMs ?? last.claimedMs, 'f')} ${outcomeLabel(last.status, last.error)}`
      : 'no delivery yet';
    const state = s.pausedReason
      ? `PAUSED: ${s.pausedReason} (since ${timestamp(s.pausedMs ?? 0, 'f')}; \`/digest subscribe\` resumes it)`
      : s.nextDueMs !== null
        ? `next ${timestamp(s.nextDueMs, 'F')}`
        : 'no upcoming delivery';
    return [
      `${channelLabel(s)} · ${formatTime(s.schedule.minutes)} ${s.schedule.timeZone}, ${formatDays(s.schedule.days)} · ${scopeLabel(corpus, s.topics)}${s.quiet ? ' · silent when empty' : ''}`,
      `  ${state} · ${lastText}`,
    ];
  });
  return {
    private: true,
    sections: [
      {
        title: 'Digests in this server',
        lines,
        footer: `${subs.length} of ${maxPerGuild(config)} allowed`,
      },
    ],
  };
}

function outcomeLabel(status: string, error: string | null): string {
  if (status === 'sent') return '(sent)';
  if (status === 'skipped') return '(nothing new, kept quiet)';
  if (status === 'claimed') return `(retrying${error ? `: ${error}` : ''})`;
  return `(failed${error ? `: ${error}` : ''})`;
}

/** The digest a channel would get now: its subscription's settings, or the defaults when it has none. */
function digestNow(ctx: CommandContext, channelId: string | null, sub: Subscription | undefined) {
  const { digests, corpus } = ctx.services;
  const seen = channelId ? digests.seen(channelId) : new Set<string>();
  const settings = sub ?? { topics: [], lastUntilMs: null, quiet: false };
  return composeSubscriptionDigest(new DigestComposer(corpus), corpus, settings, seen, ctx.now.getTime());
}

function preview(ctx: CommandContext, input: CommandInput): Reply {
  const channelId = ctx.guildId ? targetChannel(ctx, input) : null;
  const sub = ctx.guildId && channelId ? subscriptionIn(ctx, ctx.guildId, channelId) : undefined;
  const digest = digestNow(ctx, channelId, sub);
  const where = ctx.guildId
    ? sub
      ? `${channelLabel(sub)}’s next digest (${scheduleLabel(sub.schedule)})`
      : 'a digest with the default settings (this channel has no subscription)'
    : 'a digest for this console (every region topic, the last 24 hours)';
  if (!digest.reply) {
    return noticeReply(`Preview of ${where}: nothing new right now, and this digest keeps quiet on such days.`);
  }
  const content = `Preview of ${where}, as of now. Only you see this.\n${digest.reply.content ?? ''}`;
  return { ...digest.reply, private: true, content };
}

async function test(ctx: CommandContext, input: CommandInput, guildId: string): Promise<Reply> {
  const channelId = targetChannel(ctx, input);
  if (!channelId) return noticeReply('Pick a channel with `channel:`.');
  const sub = subscriptionIn(ctx, guildId, channelId);
  // A test always shows something: an empty digest posts its one-line note even when the subscription keeps quiet.
  const digest = digestNow(ctx, channelId, sub ? { ...sub, quiet: false } : undefined);
  const reply = digest.reply as Reply;
  const nonce = `t${ctx.now.getTime().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const outcome = await (ctx.platform as NonNullable<CommandContext['platform']>).post(
    channelId,
    { ...reply, content: `Test digest (not a scheduled delivery).\n${reply.content ?? ''}` },
    nonce,
  );
  ctx.log.info({ channelId, ok: outcome.ok }, 'digest test posted');
  if (outcome.ok) {
    return {
      private: true,
      content: `Posted a test digest (${digest.shown} ${digest.shown === 1 ? 'story' : 'stories'}). It does not count as a delivery: the next digest still carries the same stories.`,
    };
  }
  return noticeReply(`I could not post there: ${outcome.reason}.`);
}

function timeZoneChoices(typed: string): OptionChoice[] {
  const want = typed.trim().toLowerCase().replace(/\s+/g, '_');
  const zones = allTimeZones();
  const starts = zones.filter((z) => z.toLowerCase().startsWith(want));
  const city = zones.filter((z) => !starts.includes(z) && z.toLowerCase().includes(want));
  const ordered = want ? [...starts, ...city] : ['Europe/Tallinn', 'Europe/Riga', 'Europe/Vilnius', 'UTC', ...zones];
  return [...new Set(ordered)].slice(0, 25).map((z) => ({ name: z, value: z }));
}

let zoneList: string[] | undefined;
function allTimeZones(): string[] {
  zoneList ??= [...new Set(['UTC', 'Etc/UTC', ...Intl.supportedValuesOf('timeZone')])];
  return zoneList;
}

/** Completes the last of comma-separated topics, keeping the ones already picked. */
function topicChoices(ctx: CommandContext, typed: string): OptionChoice[] {
  const parts = typed.split(',');
  const last = (parts.pop() ?? '').trim();
  const picked = parts.map((p) => p.trim()).filter(Boolean);
  const prefix = picked.length ? `${picked.join(', ')}, ` : '';
  return topicSuggestions(ctx.services.corpus.gazetteer, last)
    .filter((t) => !picked.some((p) => p.toLowerCase() === t.name.toLowerCase()))
    .map((t) => ({ name: `${prefix}${t.label}`.slice(0, 100), value: `${prefix}${t.name}` }))
    .filter((c) => c.value.length <= 100)
    .slice(0, 25);
}

const DAY_SUGGESTIONS = ['every day', 'weekdays', 'weekends', 'mon,wed,fri', 'mon-fri', 'sat-sun'];

function dayChoices(typed: string): OptionChoice[] {
  const want = typed.trim().toLowerCase();
  const known = DAY_SUGGESTIONS.filter((d) => d.startsWith(want) || !want);
  const own = want && parseDays(want) !== undefined && !known.includes(want) ? [want] : [];
  return [...own, ...known].map((d) => ({ name: d, value: d }));
}
