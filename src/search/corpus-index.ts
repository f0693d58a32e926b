import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import { contentTerms } from '../nlp/tokens.ts';
import type { ArticleHeader, StoredArticle } from '../store/articles.ts';
import { searchTerm, searchWords } from './terms.ts';

/** Bump when the indexed fields or term processing change: a saved index of another format is rebuilt. */
export const INDEX_FORMAT = 1;

/** What the index holds of an article: enriched fields, not the raw body, so it stays small and fast (see README). */
export interface IndexDoc {
  id: string;
  title: string;
  /** The article's own summary sentences. */
  lead: string;
  /** Gazetteer topic ids, one token each. */
  topics: string;
  /** Speakers and people mentioned. */
  people: string;
  quotes: string;
  /** The body's most frequent content terms (already stemmed): body recall without indexing the body. */
  keywords: string;
}

const FIELDS = ['title', 'lead', 'topics', 'people', 'quotes', 'keywords'] as const;
const KEYWORDS_PER_ARTICLE = 40;
/** Fields whose values are identifiers: matched whole, never stemmed. */
const ID_FIELDS = new Set(['topics']);

export interface SearchFilter {
  sinceMs?: number;
  untilMs?: number;
  /** Outlet name, case-insensitive. */
  source?: string;
}

export interface Hit {
  id: string;
  score: number;
  header: ArticleHeader;
}

/** A topic query: the gazetteer topic id and its aliases ("estonia" → Estonian, Tallinn, Narva …). */
export interface TopicQuery {
  topicId?: string;
  /** Names, aliases or free words; each may be several words ("Suwałki Gap"). */
  phrases: string[];
}

/** Query-node options for terms that are already in index form (topic ids, stemmed keywords). */
const AS_IS = { tokenize: (text: string) => text.split(' '), processTerm: (term: string) => term };

const miniSearchOptions = {
  fields: [...FIELDS],
  storeFields: [] as string[],
  tokenize: (text: string, field?: string) => (field && ID_FIELDS.has(field) ? text.split(' ') : searchWords(text)),
  processTerm: (term: string, field?: string) => {
    if (field === 'keywords' || (field && ID_FIELDS.has(field))) return term;
    return searchTerm(term);
  },
  searchOptions: { boost: { title: 3, topics: 4, people: 2, lead: 1.5, quotes: 1, keywords: 1 } },
};

/**
 * The full-text index over the corpus (MiniSearch) and, beside it, each article's header for filtering and display.
 * Keeps no article text: the query path fetches the few articles it shows from the store.
 */
export class CorpusIndex {
  readonly #ms: MiniSearch<IndexDoc>;
  readonly #headers = new Map<string, ArticleHeader>();

  private constructor(ms: MiniSearch<IndexDoc>, headers: Iterable<ArticleHeader>) {
    this.#ms = ms;
    for (const h of headers) this.#headers.set(h.id, h);
  }

  /** An index of nothing, to be filled with `add`. */
  static empty(): CorpusIndex {
    return new CorpusIndex(new MiniSearch<IndexDoc>(miniSearchOptions), []);
  }

  /** Restores an index saved with `toJSON`; the headers come from the store. */
  static fromJSON(json: string, headers: Iterable<ArticleHeader>): CorpusIndex {
    return new CorpusIndex(MiniSearch.loadJSON<IndexDoc>(json, miniSearchOptions), headers);
  }

  get size(): number {
    return this.#headers.size;
  }

  headers(): IterableIterator<ArticleHeader> {
    return this.#headers.values();
  }

  header(id: string): ArticleHeader | undefined {
    return this.#headers.get(id);
  }

  /** Adds an article, or replaces the one with its id. */
  upsert(article: StoredArticle): void {
    if (this.#ms.has(article.id)) this.#ms.discard(article.id);
    this.#ms.add(indexDocOf(article));
    this.#headers.set(article.id, headerOf(article));
  }

  remove(id: string): void {
    if (this.#ms.has(id)) this.#ms.discard(id);
    this.#headers.delete(id);
  }

  toJSON(): string {
    return JSON.stringify(this.#ms);
  }

  /**
   * Articles about a topic: the topic id and any alias, in any field. An OR of exact phrase words, since aliases are
   * alternatives; typo tolerance happens earlier, when the topic is resolved against the gazetteer.
   */
  searchTopic(query: TopicQuery, filter: SearchFilter, limit = 100): Hit[] {
    const queries: Query[] = [];
    if (query.topicId) queries.push({ queries: [query.topicId], fields: ['topics'], ...AS_IS });
    for (const phrase of query.phrases) {
      const words = searchWords(phrase);
      if (words.length === 0) continue;
      queries.push({ combineWith: 'AND', queries: [words.join(' ')], fields: FIELDS.filter((f) => f !== 'topics') });
    }
    if (queries.length === 0) return [];
    return this.#rank(this.#ms.search({ combineWith: 'OR', queries }), filter, limit);
  }

  /**
   * Free-text search: all words first (AND); when that finds nothing, any word with prefix and typo tolerance.
   * Fuzzy matching on every query is what made plain MiniSearch slow at 10k+ articles, so it is the fallback only.
   */
  searchText(text: string, filter: SearchFilter, limit = 100): Hit[] {
    const words = searchWords(text).slice(0, 12);
    if (words.length === 0) return [];
    const q = words.join(' ');
    const keywordTerms = contentTerms(q);
    const exact = this.#ms.search({
      combineWith: 'OR',
      queries: [
        { combineWith: 'AND', queries: [q], fields: FIELDS.filter((f) => f !== 'keywords' && f !== 'topics') },
        ...(keywordTerms.length > 0
          ? [{ combineWith: 'AND', queries: [keywordTerms.join(' ')], fields: ['keywords'], ...AS_IS } as Query]
          : []),
      ],
    });
    const ranked = this.#rank(exact, filter, limit);
    if (ranked.length > 0) return ranked;
    const loose = this.#ms.search(q, {
      combineWith: 'OR',
      prefix: (term) => term.length >= 4,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      fields: FIELDS.filter((f) => f !== 'keywords' && f !== 'topics'),
    });
    return this.#rank(loose, filter, limit);
  }

  #rank(results: SearchResult[], filter: SearchFilter, limit: number): Hit[] {
    const source = filter.source?.toLowerCase();
    const hits: Hit[] = [];
    for (const r of results) {
      const header = this.#headers.get(r.id as string);
      if (!header) continue;
      if (filter.sinceMs !== undefined && header.dateMs < filter.sinceMs) continue;
      if (filter.untilMs !== undefined && header.dateMs > filter.untilMs) continue;
      if (source && header.source.toLowerCase() !== source) continue;
      hits.push({ id: header.id, score: r.score, header });
      if (hits.length >= limit) break;
    }
    return hits;
  }
}

/** The index document of an article: title, its summary, topics, people, quotes and top body terms. */
export function indexDocOf(article: StoredArticle): IndexDoc {
  const e = article.enrichment;
  const sentence = (i: number) => {
    const span = e.sentences[i];
    return span ? article.body.slice(span[0], span[1]) : '';
  };
  const speakers = e.quotes.map((q) => q.speaker).filter((s): s is string => s !== null);
  return {
    id: article.id,
    title: article.title,
    lead: e.summary.map(sentence).join(' '),
    topics: e.topics.join(' '),
    people: [...new Set([...e.people, ...speakers])].join(' '),
    quotes: e.quotes.map((q) => q.text).join(' '),
    keywords: topTerms(article.body, KEYWORDS_PER_ARTICLE).join(' '),
  };
}

function headerOf(article: StoredArticle): ArticleHeader {
  return {
    id: article.id,
    title: article.title,
    dateMs: Date.parse(article.date),
    source: article.source,
    ...(article.url ? { url: article.url } : {}),
    topics: article.enrichment.topics,
  };
}

/** The `count` most frequent content terms of a text, stemmed the way `contentTerms` stems a query. */
function topTerms(text: string, count: number): string[] {
  const freq = new Map<string, number>();
  for (const t of contentTerms(text)) freq.set(t, (freq.get(t) ?? 0) + 1);
  return [...freq.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([t]) => t);
}
