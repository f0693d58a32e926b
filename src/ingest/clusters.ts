import type { ArticleRepository, DedupeKeys } from '../store/articles.ts';
import { dedupeKeysOf, similarity } from './near-duplicates.ts';

/** Estimated shingle Jaccard from which two articles count as the same story (tuned on rewritten copies). */
export const NEAR_DUPLICATE_SIMILARITY = 0.3;
/** Copies of a story appear within days of each other; the same wording months apart is a new story. */
const STORY_WINDOW_MS = 14 * 86_400_000;

export interface ClusterDecision {
  clusterId: string;
  /** The article this one copies, when it is an exact copy or a near-duplicate. */
  duplicateOf?: string;
  /** 1 for an exact copy (same normalised body), else the estimated similarity. */
  similarity?: number;
}

interface Member {
  id: string;
  clusterId: string;
  dateMs: number;
  minhash: Uint32Array;
}

/**
 * Groups articles into stories as they arrive: an exact copy (same normalised body) or a near-duplicate (MinHash
 * similarity ≥ 0.3 within 14 days) joins the cluster of the article it copies; anything else starts its own.
 * Looks at the store and at the articles of the batch not yet written.
 */
export class StoryClusterer {
  readonly #articles: ArticleRepository;
  readonly #pendingByHash = new Map<string, Member>();
  readonly #pendingByBand = new Map<number, Member[]>();

  constructor(articles: ArticleRepository) {
    this.#articles = articles;
  }

  /** The keys that find this text's copies later. */
  static keysOf(body: string): DedupeKeys {
    return dedupeKeysOf(body);
  }

  /**
   * Decides the story of an article about to be written, and remembers it for the rest of the batch.
   * @example const { clusterId } = clusterer.assign(id, Date.parse(date), StoryClusterer.keysOf(body));
   */
  assign(id: string, dateMs: number, keys: DedupeKeys): ClusterDecision {
    const decision = this.#decide(id, dateMs, keys);
    const member: Member = { id, clusterId: decision.clusterId, dateMs, minhash: keys.minhash };
    this.#pendingByHash.set(keys.bodyHash, member);
    for (const k of keys.bands) {
      const list = this.#pendingByBand.get(k);
      if (list) list.push(member);
      else this.#pendingByBand.set(k, [member]);
    }
    return decision;
  }

  /** Forgets the batch once it is written (the store answers for it from then on). */
  clearPending(): void {
    this.#pendingByHash.clear();
    this.#pendingByBand.clear();
  }

  #decide(id: string, dateMs: number, keys: DedupeKeys): ClusterDecision {
    const exact = this.#pendingByHash.get(keys.bodyHash) ?? this.#articles.findByBodyHash(keys.bodyHash);
    if (exact && exact.id !== id) return { clusterId: exact.clusterId, duplicateOf: exact.id, similarity: 1 };
    const candidates = new Map<string, Member>();
    const window = { fromMs: dateMs - STORY_WINDOW_MS, toMs: dateMs + STORY_WINDOW_MS };
    for (const c of this.#articles.bandCandidates(keys.bands, window)) candidates.set(c.id, c);
    for (const k of keys.bands) for (const m of this.#pendingByBand.get(k) ?? []) candidates.set(m.id, m);
    let best: { member: Member; sim: number } | undefined;
    for (const c of candidates.values()) {
      if (c.id === id || Math.abs(c.dateMs - dateMs) > STORY_WINDOW_MS) continue;
      const sim = similarity(keys.minhash, c.minhash);
      if (sim >= NEAR_DUPLICATE_SIMILARITY && (!best || sim > best.sim)) best = { member: c, sim };
    }
    if (!best) return { clusterId: id };
    return { clusterId: best.member.clusterId, duplicateOf: best.member.id, similarity: best.sim };
  }
}
