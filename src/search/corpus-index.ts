import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import { KEYWORDS_PER_ARTICLE, topContentTerms } from '../nlp/keywords.ts';
import { contentTerms } from '../nlp/tokens.ts';
import type { ArticleHeader, StoredArticle } from '../store/articles.ts';
import { searchTerm, searchWords } from './terms.ts';

/** Bump when the indexed fields or term processing change: a saved index of another format is rebuilt. */
export const INDEX_FORMAT = 3;

/** What the index holds of an article: enriched fields, not the raw body, so it stays small and fast (see README). */
export interface IndexDoc {
  id: string;
  title: string;
  /** The article's own summary sentences. */
  lead: string;
  /** Speakers and people mentioned. */
  people: string;
  quotes: string;
  /** The body's most frequent content terms (already stemmed): body recall without indexing the body. */
  keywords: string;
}

const FIELDS = ['title', 'lead', 'people', 'quotes', 'keywords'] as const;

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

/** Query-node options for terms that are already in index form (topic ids, stemmed keywords). */
const AS_IS = { tokenize: (text: string) => text.split(' '), processTerm: (term: string) => term };

const miniSearchOptions = {
  fields: [...FIELDS],
  storeFields: [] as string[],
  // Keywords are stored already stemmed (see indexDocOf): taken as they are.
  tokenize: (text: string, field?: string) => (field === 'keywords' ? text.split(' ') : searchWords(text)),
  processTerm: (term: string, field?: string) => (field === 'keywords' ? term : searchTerm(term)),
  searchOptions: { boost: { title: 3, people: 2, lead: 1.5, quotes: 1, keywords: 1 } },
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
   * Articles tagged with a gazetteer topic at ingest (the tagger already matched its aliases, demonyms and places),
   * ranked by how central the topic is to each: first-most-mentioned scores 1, second 1/2, and so on. A scan of the
   * headers, not a text query: tagged topics are exact, and OR-ing every alias over every field cost hundreds of ms
   * at 10k articles.
   */
  byTopic(topicId: string, filter: SearchFilter, limit = 100): Hit[] {
    const source = filter.source?.toLowerCase();
    const hits: Hit[] = [];
    for (const header of this.#headers.values()) {
      const rank = header.topics.indexOf(topicId);
      if (rank < 0 || !inWindow(header, filter, source)) continue;
      hits.push({ id: header.id, score: 1 / (1 + rank), header });
    }
    hits.sort((a, b) => b.score - a.score || b.header.dateMs - a.header.dateMs);
    return hits.slice(0, limit);
  }

  /**
   * Articles about a person: any of their names (full name, surname alias) among the people an article mentions or
   * quotes, or in its title.
   */
  searchPerson(names: string[], filter: SearchFilter, limit = 100): Hit[] {
    const queries: Query[] = names
      .map((name) => searchWords(name).join(' '))
      .filter(Boolean)
      .map((words) => ({ combineWith: 'AND', queries: [words], fields: ['people', 'title'] }));
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
        { combineWith: 'AND', queries: [q], fields: FIELDS.filter((f) => f !== 'keywords') },
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
      fields: FIELDS.filter((f) => f !== 'keywords'),
    });
    return this.#rank(loose, filter, limit);
  }

  #rank(results: SearchResult[], filter: SearchFilter, limit: number): Hit[] {
    const source = filter.source?.toLowerCase();
    const hits: Hit[] = [];
    for (const r of results) {
      const header = this.#headers.get(r.id as string);
      if (!header || !inWindow(header, filter, source)) continue;
      hits.push({ id: header.id, score: r.score, header });
      if (hits.length >= limit) break;
    }
    return hits;
  }
}

function inWindow(header: ArticleHeader, filter: SearchFilter, source: string | undefined): boolean {
  if (filter.sinceMs !== undefined && header.dateMs < filter.sinceMs) return false;
  if (filter.untilMs !== undefined && header.dateMs > filter.untilMs) return false;
  return !source || header.source.toLowerCase() === source;
}

/** The index document of an article: title, its summary, people, quotes and top body terms (topics are in headers). */
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
    people: [...new Set([...e.people, ...speakers])].join(' '),
    quotes: e.quotes.map((q) => q.text).join(' '),
    keywords: (e.keywords ?? topContentTerms(article.body, KEYWORDS_PER_ARTICLE)).join(' '),
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
    ...(article.clusterId && article.clusterId !== article.id ? { clusterId: article.clusterId } : {}),
  };
}
