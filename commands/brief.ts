import { composeBrief } from '../src/briefing/brief.ts';
import { briefReply } from '../src/briefing/brief-reply.ts';
import { noticeReply } from '../src/briefing/reply.ts';
import { MAX_DAYS, MAX_TEXT, readDays, readText } from './input.ts';
import { type Command, OptionType } from './types.ts';

export default {
  data: {
    name: 'brief',
    description: 'Key developments on a topic, with key quotes and sources',
    options: [
      {
        type: OptionType.String,
        name: 'topic',
        description: 'A country, place, organisation, person or any words (e.g. estonia, suwalki, drones)',
        required: true,
        autocomplete: true,
        max_length: MAX_TEXT,
      },
      {
        type: OptionType.Integer,
        name: 'days',
        description: 'How many days back (default: the last week, else the latest coverage)',
        min_value: 1,
        max_value: MAX_DAYS,
      },
      { type: OptionType.String, name: 'source', description: 'Only this outlet (e.g. ERR)', max_length: MAX_TEXT },
    ],
  },
  execute(ctx, input) {
    const topic = readText(input, 'topic', 'a topic, for example `/brief estonia`', true);
    if (!topic.ok) return noticeReply(topic.message);
    const days = readDays(input);
    if (!days.ok) return noticeReply(days.message);
    const source = readText(input, 'source', 'an outlet', false);
    if (!source.ok) return noticeReply(source.message);
    const { corpus, config } = ctx.services;
    const resolved = corpus.resolve(topic.value as string);
    const result = composeBrief(corpus, resolved, {
      now: ctx.now,
      defaultDays: config.briefDefaultDays,
      ...(days.value !== undefined ? { days: days.value } : {}),
      ...(source.value !== undefined ? { source: source.value } : {}),
    });
    ctx.log.info({ topic: resolved.label, kind: resolved.kind, ok: result.ok }, 'brief composed');
    return briefReply(result, corpus);
  },
  autocomplete(ctx, focused) {
    return ctx.services.corpus.topicSuggestions(focused.value).map((name) => ({ name, value: name }));
  },
} satisfies Command;
