import { noticeReply } from '../src/briefing/reply.ts';
import { searchArticles, searchReply } from '../src/briefing/search-articles.ts';
import { MAX_DAYS, MAX_TEXT, readDays, readText } from './input.ts';
import { type Command, OptionType } from './types.ts';

export default {
  data: {
    name: 'search',
    description: 'Find articles by words, with the sentence that matches',
    options: [
      {
        type: OptionType.String,
        name: 'query',
        description: 'Words to find (e.g. troops)',
        required: true,
        max_length: MAX_TEXT,
      },
      { type: OptionType.Integer, name: 'days', description: 'How many days back', min_value: 1, max_value: MAX_DAYS },
    ],
  },
  execute(ctx, input) {
    const query = readText(input, 'query', 'words to search for, for example `/search troops`', true);
    if (!query.ok) return noticeReply(query.message);
    const days = readDays(input);
    if (!days.ok) return noticeReply(days.message);
    const options = {
      query: query.value as string,
      now: ctx.now,
      ...(days.value !== undefined ? { days: days.value } : {}),
    };
    return searchReply(searchArticles(ctx.services.corpus, options), options);
  },
  /** `search:<page>:<days or empty>:<query>`: the whole state of a results page, so paging survives restarts. */
  button(ctx, args) {
    const [page, days, ...rest] = args;
    const query = rest.join(':').trim();
    if (!query) return noticeReply('That button has expired: run `/search` again.');
    const n = Number(days);
    const options = {
      query,
      now: ctx.now,
      page: Number(page) || 0,
      ...(days && Number.isInteger(n) && n > 0 ? { days: n } : {}),
    };
    return searchReply(searchArticles(ctx.services.corpus, options), options);
  },
} satisfies Command;
