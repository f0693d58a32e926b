import { sentencesOf } from './brief.ts';
import type { Corpus } from './corpus.ts';
import { isoDay } from './dates.ts';
import { noticeReply, type Reply, type ReplySection } from './reply.ts';
import { echo, quoteLine, shorten } from './text.ts';

/**
 * One article: its own summary, its quotes with speakers, its topics and a link.
 * @example articleReply(corpus, 'a-1b2c3d4e5f60')
 */
export function articleReply(corpus: Corpus, id: string): Reply {
  const wanted = id.trim();
  const article = wanted ? corpus.articles.get(wanted) : undefined;
  if (!article) {
    return noticeReply(
      `No article with id “${echo(wanted)}”. Ids appear in \`/search\` results (for example \`/search troops\`).`,
    );
  }
  const sentences = sentencesOf(article);
  const e = article.enrichment;
  const summary = [...e.summary].sort((a, b) => a - b).flatMap((i) => (sentences[i] ? [`• ${sentences[i]}`] : []));
  const topicNames = new Map(corpus.gazetteer.topics.map((t) => [t.id, t.name]));
  const sections: ReplySection[] = [
    {
      title: shorten(article.title, 250),
      ...(article.url ? { url: article.url } : {}),
      lines: summary,
      fields: [
        { name: 'Source', value: article.source, inline: true },
        { name: 'Date', value: isoDay(Date.parse(article.date)), inline: true },
        ...(e.topics.length > 0
          ? [{ name: 'Topics', value: e.topics.map((t) => topicNames.get(t) ?? t).join(', '), inline: true }]
          : []),
      ],
      footer: `id ${article.id}`,
      timestamp: article.date,
    },
  ];
  if (e.quotes.length > 0) {
    sections.push({ title: 'Quotes', lines: e.quotes.slice(0, 8).map((q) => quoteLine(q)) });
  }
  return { sections };
}
