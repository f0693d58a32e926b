import type { Logger } from 'pino';
import { ENRICHMENT_VERSION } from '../nlp/enrichment.ts';
import { type CorpusIndex, INDEX_FORMAT } from '../search/corpus-index.ts';
import { saveSnapshot } from '../search/snapshot.ts';
import type { ArticleRepository, StoredArticle } from '../store/articles.ts';

/**
 * Keeps an in-memory index in step with the store, incrementally: what this process writes is added as it is
 * written; what another process wrote (an `npm run ingest`) is caught up from the store's change log; nothing is
 * ever rebuilt for one article. `save()` writes the snapshot labelled with the revision the index really reflects,
 * so the next start loads it instead of rebuilding.
 */
export class IndexSync {
  readonly #index: CorpusIndex;
  readonly #articles: ArticleRepository;
  readonly #snapshotPath: string | undefined;
  readonly #log: Logger;
  #revision: number;
  #dirty = false;

  /** `revision`: the store revision the index reflects now (just after `openIndex`, the store's own). */
  constructor(options: {
    index: CorpusIndex;
    articles: ArticleRepository;
    revision: number;
    snapshotPath?: string;
    log: Logger;
  }) {
    this.#index = options.index;
    this.#articles = options.articles;
    this.#revision = options.revision;
    this.#snapshotPath = options.snapshotPath;
    this.#log = options.log;
  }

  get revision(): number {
    return this.#revision;
  }

  /**
   * Applies a write this process just made (`revision` = what `ArticleRepository.write` returned). When another
   * process wrote in between, catches up from the change log instead, which includes this write.
   */
  applyWrite(revision: number, upserted: readonly StoredArticle[], removed: readonly string[]): void {
    if (revision === this.#revision) return;
    if (revision !== this.#revision + 1) {
      this.refresh();
      return;
    }
    for (const a of upserted) this.#index.upsert(a);
    for (const id of removed) this.#index.remove(id);
    this.#revision = revision;
    this.#dirty = true;
  }

  /** Catches up on whatever any process wrote since the index's revision; returns how many articles changed. */
  refresh(): number {
    const changes = this.#articles.changesSince(this.#revision);
    if (changes.revision === this.#revision) return 0;
    for (const a of changes.upserted) this.#index.upsert(a);
    for (const id of changes.removed) this.#index.remove(id);
    this.#revision = changes.revision;
    this.#dirty = true;
    this.#log.debug(
      { upserted: changes.upserted.length, removed: changes.removed.length, revision: this.#revision },
      'index caught up with the store',
    );
    return changes.upserted.length + changes.removed.length;
  }

  /** Saves the snapshot when the index changed since the last save, first catching up so its label is true. */
  save(): void {
    if (!this.#snapshotPath) return;
    this.refresh();
    if (!this.#dirty) return;
    saveSnapshot(
      this.#index,
      this.#snapshotPath,
      { format: INDEX_FORMAT, enrichment: ENRICHMENT_VERSION, revision: this.#revision },
      this.#log,
    );
    this.#dirty = false;
  }
}
