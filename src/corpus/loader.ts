import { createHash } from 'node:crypto';
import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from './article.ts';
import { normaliseBody } from './article-id.ts';
import { formatOf, type ReadProblem, readArticleBytes } from './readers.ts';

/** A file the loader read: enough for an incremental ingest to tell whether it changed. */
export interface CorpusFile {
  path: string;
  mtimeMs: number;
  size: number;
  /** sha256 of the file's bytes, hex. */
  hash: string;
}

/** An article dropped because an earlier one (in path order) is the same story. */
export interface CorpusDuplicate {
  path: string;
  id: string;
  /** Id of the article kept. */
  duplicateOf: string;
  reason: 'same url' | 'same body';
}

export interface Corpus {
  articles: Article[];
  problems: ReadProblem[];
  files: CorpusFile[];
  duplicates: CorpusDuplicate[];
}

export interface LoadCorpusOptions {
  /** Files larger than this are reported, not read. Default 20 MB. */
  maxFileBytes?: number;
}

const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Article files under `dir`, recursively, sorted so that "first seen" (which copy a duplicate keeps) is stable. */
function listFiles(dir: string, problems: ReadProblem[]): string[] {
  const out: string[] = [];
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    problems.push({ path: dir, reason: `cannot read directory: ${(err as NodeJS.ErrnoException).code ?? err}` });
    return out;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    // Symbolic links are not followed: a link back up the tree would loop forever.
    if (entry.isDirectory()) out.push(...listFiles(path, problems));
    else if (entry.isFile() && formatOf(path)) out.push(path);
  }
  return out;
}

/**
 * Reads every article file under `dir` (seed `.txt`, `.md`, `.json`, `.jsonl`; dotfiles and other extensions are
 * ignored), drops duplicates (same canonical URL, or same normalised body) keeping the first in path order, and
 * reports each unreadable file or record as a problem instead of throwing. A missing directory is a problem too.
 * @example const { articles, problems } = loadCorpus('data/articles');
 */
export function loadCorpus(dir: string, options: LoadCorpusOptions = {}): Corpus {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const corpus: Corpus = { articles: [], problems: [], files: [], duplicates: [] };
  const byUrl = new Map<string, string>();
  const byBody = new Map<string, string>();
  for (const path of listFiles(dir, corpus.problems)) {
    let bytes: Buffer;
    try {
      const stat = statSync(path);
      if (stat.size > maxBytes) {
        corpus.problems.push({ path, reason: `file too large (${stat.size} bytes, limit ${maxBytes})` });
        continue;
      }
      bytes = readFileSync(path);
      const hash = createHash('sha256').update(bytes).digest('hex');
      corpus.files.push({ path, mtimeMs: stat.mtimeMs, size: stat.size, hash });
    } catch (err) {
      corpus.problems.push({ path, reason: `cannot read file: ${(err as NodeJS.ErrnoException).code ?? err}` });
      continue;
    }
    const read = readArticleBytes(path, bytes);
    corpus.problems.push(...read.problems);
    for (const article of read.articles) {
      const bodyKey = normaliseBody(article.body);
      const sameUrl = article.url ? byUrl.get(article.url) : undefined;
      const sameBody = byBody.get(bodyKey);
      const keptId = sameUrl ?? sameBody;
      if (keptId !== undefined) {
        corpus.duplicates.push({
          path,
          id: article.id,
          duplicateOf: keptId,
          reason: sameUrl ? 'same url' : 'same body',
        });
        continue;
      }
      if (article.url) byUrl.set(article.url, article.id);
      byBody.set(bodyKey, article.id);
      corpus.articles.push(article);
    }
  }
  return corpus;
}
