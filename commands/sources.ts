import { sourcesReply } from '../src/briefing/sources-view.ts';
import type { Command } from './types.ts';

export default {
  data: { name: 'sources', description: 'What the corpus holds: outlets, article counts and dates' },
  execute(ctx) {
    return sourcesReply(ctx.services.articles);
  },
} satisfies Command;
