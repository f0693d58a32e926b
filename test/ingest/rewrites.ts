import type { Article } from '../../src/corpus/article.ts';
import { prng } from '../bench/synthetic-corpus.ts';

/**
 * Rewritten copies of synthetic articles, the way syndication and light rewrites change a story: another outlet and
 * headline, words swapped for synonyms or other spellings, sentences dropped or swapped, a teaser cut, boilerplate
 * added. Deterministic for a seed. Used by the near-duplicate benchmark and tests.
 */

const SYNONYMS: Record<string, string> = {
  announced: 'unveiled',
  warned: 'cautioned',
  officials: 'authorities',
  government: 'cabinet',
  defence: 'defense',
  border: 'frontier',
  said: 'stated',
  approved: 'endorsed',
  plan: 'proposal',
  raised: 'voiced',
  concerns: 'worries',
  began: 'launched',
  inquiry: 'investigation',
  reported: 'recorded',
  called: 'pressed',
  signed: 'concluded',
  postponed: 'delayed',
  completed: 'finished',
  rising: 'growing',
  strengthen: 'reinforce',
  documents: 'papers',
  reporters: 'journalists',
  added: 'noted',
  weeks: 'months',
  debate: 'discussion',
  units: 'forces',
  spending: 'investment',
  threat: 'danger',
  quickly: 'swiftly',
  full: 'detail',
};

const OUTLETS = ['Reuters', 'AFP', 'BNS', 'LETA', 'Delfi', 'Postimees', 'Baltic News Network'];

/** One rewritten copy of `article` with a fresh id, URL and outlet. */
export function rewriteArticle(article: Article, seed: number, copyNo: number): Article {
  const rnd = prng(seed);
  const outlet = OUTLETS[Math.floor(rnd() * OUTLETS.length)] as string;
  let paragraphs = article.paragraphs.map((p) => {
    let sentences = p.split(/(?<=[.!?”])\s+/);
    sentences = sentences.filter(() => rnd() >= 0.08);
    for (let i = 0; i + 1 < sentences.length; i++) {
      if (rnd() < 0.12) [sentences[i], sentences[i + 1]] = [sentences[i + 1] as string, sentences[i] as string];
    }
    return sentences
      .join(' ')
      .split(' ')
      .map((w) => {
        const bare = w.replace(/[^\p{L}]/gu, '');
        const syn = SYNONYMS[bare.toLowerCase()];
        return syn && rnd() < 0.5 ? w.replace(bare, syn) : w;
      })
      .join(' ');
  });
  paragraphs = paragraphs.filter((p) => p.length > 0);
  if (rnd() < 0.3) paragraphs = paragraphs.slice(0, Math.max(2, Math.ceil(paragraphs.length * 0.65)));
  if (rnd() < 0.5) paragraphs.unshift(`${outlet} — ${outlet} has learned the following.`);
  if (rnd() < 0.5) paragraphs.push(`Follow ${outlet} for more news from the region. All rights reserved.`);
  const date = new Date(Date.parse(article.date) + Math.floor(rnd() * 2 * 86_400_000)).toISOString();
  const slug = outlet.toLowerCase().replace(/\W+/g, '-');
  return {
    id: `${article.id}-c${copyNo}`,
    title: `${outlet}: ${article.title.replace(/^[^:]+: /, '')}`,
    date,
    source: outlet,
    url: `https://example.net/${slug}/${article.id}-${copyNo}`,
    body: paragraphs.join('\n\n'),
    paragraphs,
  };
}
