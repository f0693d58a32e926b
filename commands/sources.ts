import { sourcesReply } from '../src/briefing/sources-view.ts';
import type { Command } from './types.ts';

export default {
  data: {
    name: 'sources',
    description: 'What the corpus holds: outlets, article counts and dates, and each feed’s health',
  },
  execute(ctx) {
    return sourcesReply(ctx.services.articles, ctx.services.feeds);
  },
} satisfies Command;
