import { findQuotes, quotesReply } from '../src/briefing/find-quotes.ts';
import { noticeReply } from '../src/briefing/reply.ts';
import { MAX_DAYS, MAX_TEXT, readDays, readText } from './input.ts';
import { type Command, OptionType } from './types.ts';

export default {
  data: {
    name: 'quote',
    description: 'What people said: key quotes with speaker, role, date and source',
    options: [
      {
        type: OptionType.String,
        name: 'query',
        description: 'Words in or around the quote (e.g. troops)',
        max_length: MAX_TEXT,
      },
      {
        type: OptionType.String,
        name: 'speaker',
        description: 'Who said it (e.g. Kallas)',
        autocomplete: true,
        max_length: MAX_TEXT,
      },
      { type: OptionType.Integer, name: 'days', description: 'How many days back', min_value: 1, max_value: MAX_DAYS },
    ],
  },
  execute(ctx, input) {
    const query = readText(input, 'query', 'words to look for', false);
    if (!query.ok) return noticeReply(query.message);
    const speaker = readText(input, 'speaker', 'a speaker', false);
    if (!speaker.ok) return noticeReply(speaker.message);
    const days = readDays(input);
    if (!days.ok) return noticeReply(days.message);
    const options = {
      now: ctx.now,
      ...(query.value ? { query: query.value } : {}),
      ...(speaker.value ? { speaker: speaker.value } : {}),
      ...(days.value !== undefined ? { days: days.value } : {}),
    };
    return quotesReply(findQuotes(ctx.services.corpus, options), options);
  },
  autocomplete(ctx, focused) {
    if (focused.name !== 'speaker') return [];
    return ctx.services.corpus.speakerSuggestions(focused.value).map((name) => ({ name, value: name }));
  },
} satisfies Command;
