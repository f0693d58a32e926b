import { articleReply } from '../src/briefing/article-view.ts';
import { noticeReply } from '../src/briefing/reply.ts';
import { readText } from './input.ts';
import { type Command, OptionType } from './types.ts';

export default {
  data: {
    name: 'article',
    description: 'One article: its summary, quotes and link',
    options: [
      {
        type: OptionType.String,
        name: 'id',
        description: 'The article id shown in /search results',
        required: true,
        max_length: 100,
      },
    ],
  },
  execute(ctx, input) {
    const id = readText(input, 'id', 'an article id from `/search` results', true);
    if (!id.ok) return noticeReply(id.message);
    return articleReply(ctx.services.corpus, id.value as string);
  },
  /** `article:<id>`: the "Open" buttons under search results. */
  button(ctx, args) {
    return articleReply(ctx.services.corpus, args.join(':'));
  },
} satisfies Command;
