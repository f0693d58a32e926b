import type { Command } from './types.ts';

export default {
  data: { name: 'help', description: 'What Baltic Brief does, with examples' },
  execute() {
    return {
      private: true,
      sections: [
        {
          title: 'Baltic Brief',
          lines: [
            'Security news on the Baltic states, NATO’s eastern flank, Russia and Ukraine, summarised from real articles. Every line is extracted from an article and cites it; nothing is invented.',
            '',
            '`/brief estonia` — key developments of the last week, key quotes, sources',
            '`/brief topic:latvia days:30` — a longer window; `source:ERR` keeps to one outlet',
            '`/quote speaker:Kallas` — what someone said; `/quote query:troops` — quotes about something',
            '`/search troops` — matching articles with the sentence that matches; buttons page and open',
            '`/article id:a-…` — one article: summary, quotes, link',
            '`/sources` — outlets, article counts and dates, and each feed’s health',
            '`/digest subscribe time:08:00 timezone:Europe/Tallinn` — a daily digest in this channel (Manage Server); `/digest list`, `/digest preview`, `/digest test`, `/digest unsubscribe`',
          ],
          footer: 'Topics forgive typos: /brief estnoia works.',
        },
      ],
    };
  },
} satisfies Command;
