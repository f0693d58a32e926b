import type { EnrichedQuote } from '../nlp/enrichment.ts';
import { foldDiacritics } from '../nlp/gazetteer.ts';
import { contentTerms } from '../nlp/tokens.ts';
import type { StoredArticle } from '../store/articles.ts';

export interface QuoteCandidate {
  quote: EnrichedQuote;
  article: StoredArticle;
  /** The article's relevance, 0–1. */
  weight: number;
}

export interface PickQuotesOptions {
  max: number;
  /** Words of the topic: a quote that mentions them is more to the point. */
  queryWords?: string[];
  /** Only quotes by this person (matched by full name or surname, accents ignored). */
  speaker?: string;
}

/** Two quotes sharing this much of their wording are the same quote carried by two outlets. */
const SAME_QUOTE_OVERLAP = 0.6;

/**
 * The key quotes among candidates: attributed, substantial, on topic, one per wording (an agency quote run by
 * three outlets counts once, from the first — best ranked — article), from as many speakers as there are.
 */
export function pickQuotes(candidates: QuoteCandidate[], options: PickQuotesOptions): QuoteCandidate[] {
  const query = new Set(contentTerms((options.queryWords ?? []).join(' ')));
  const scored = candidates
    .filter((c) => !options.speaker || speakerMatches(c.quote.speaker, options.speaker))
    .map((c) => ({ c, score: quoteScore(c, query) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
  const chosen: { c: QuoteCandidate; terms: Set<string> }[] = [];
  // First one quote per speaker, so a brief hears from several people; then, if slots remain, second quotes.
  for (const oncePerSpeaker of [!options.speaker, false]) {
    for (const { c } of scored) {
      if (chosen.length >= options.max) break;
      if (chosen.some((k) => k.c === c)) continue;
      if (oncePerSpeaker && chosen.some((k) => k.c.quote.speaker === c.quote.speaker)) continue;
      const terms = new Set(contentTerms(c.quote.text));
      if (chosen.some((k) => overlap(k.terms, terms) >= SAME_QUOTE_OVERLAP)) continue;
      chosen.push({ c, terms });
    }
  }
  return chosen.map((k) => k.c);
}

/** Whether a quote's speaker is the person asked for: the full name, or any whole word of it ("kallas"). */
export function speakerMatches(speaker: string | null, wanted: string): boolean {
  if (!speaker) return false;
  const have = foldDiacritics(speaker.toLowerCase());
  const want = foldDiacritics(wanted.toLowerCase().trim());
  if (!want) return false;
  if (have === want) return true;
  const haveWords = have.split(/[\s-]+/);
  const wantWords = want.split(/[\s-]+/);
  return wantWords.every((w) => haveWords.includes(w));
}

function quoteScore({ quote, weight }: QuoteCandidate, query: Set<string>): number {
  const words = quote.text.split(/\s+/).filter(Boolean).length;
  if (words < 4) return 0;
  const length = words >= 8 && words <= 60 ? 1 : 0.6;
  const attributed = quote.speaker ? 1 : 0.3;
  const terms = contentTerms(quote.text);
  const onTopic = terms.some((t) => query.has(t)) ? 1.3 : 1;
  return (0.4 + weight) * length * attributed * onTopic;
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / Math.min(a.size, b.size);
}
