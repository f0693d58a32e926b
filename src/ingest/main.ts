/**
 * `npm run ingest -- <file | folder | feed URL>`: a one-off import into the store at DATABASE_PATH. A feed URL is
 * fetched like the poller does (conditional GET from the feed state in the store); a feed file (.xml, .rss, .atom,
 * .rdf, JSON Feed) is parsed as a feed; article files (.txt, .md, .json, .jsonl) are read as articles; a folder is
 * walked for both. Ends by saving the index snapshot, so the next start of the bot or console loads it at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { systemClock } from '../clock.ts';
import { FEED_DEFAULTS, loadConfig } from '../config.ts';
import type { Article } from '../corpus/article.ts';
import { buildArticle, formatOf, readArticleBytes } from '../corpus/readers.ts';
import { createLogger } from '../logger.ts';
import { loadGazetteer } from '../nlp/gazetteer.ts';
import { openIndex } from '../search/snapshot.ts';
import { ArticleRepository } from '../store/articles.ts';
import { openDatabase } from '../store/database.ts';
import { FeedRepository } from '../store/feeds.ts';
import { startEnrichPool } from './enrich-pool.ts';
import { IndexSync } from './index-sync.ts';
import { ingestStream } from './ingest-articles.ts';
import { parseFeedBytes } from './parse-feed.ts';
import { pollFeed } from './poller.ts';

const FEED_EXTENSIONS = new Set(['.xml', '.rss', '.atom', '.rdf', '.feed']);

async function main(argv: string[]): Promise<number> {
  const target = argv[0];
  if (!target || argv.length > 1 || target === '--help' || target === '-h') {
    process.stderr.write(
      'usage: npm run ingest -- <file | folder | feed URL>\n' +
        '  a file or folder of articles (.txt seed format, .md, .json, .jsonl) or of feeds (.xml, .rss, .atom, .rdf),\n' +
        '  or a feed URL (fetched once, conditionally); new articles go into the store at DATABASE_PATH.\n',
    );
    return target === '--help' || target === '-h' ? 0 : 64;
  }
  const config = loadConfig();
  const log = createLogger(config);
  const db = openDatabase(config.databasePath);
  try {
    const articles = new ArticleRepository(db);
    const feeds = new FeedRepository(db);
    const gazetteer = loadGazetteer(path.join(config.dataDir, 'gazetteer.json'));
    const snapshotPath = `${config.databasePath}.index`;
    const index = openIndex(articles, snapshotPath, log.child({ module: 'index' }));
    const indexSync = new IndexSync({ index, articles, revision: articles.revision(), snapshotPath, log });
    const deps = {
      articles,
      gazetteer,
      index: indexSync,
      minRelevance: config.relevanceMinScore ?? FEED_DEFAULTS.relevanceMinScore,
      log,
    };
    const nowMs = systemClock.now().getTime();
    let summary: Record<string, unknown>;
    if (/^https?:\/\//i.test(target)) {
      if (!feeds.get(target)) {
        feeds.register([
          { url: target, name: new URL(target).hostname.replace(/^www\./, ''), language: 'en', fullText: false },
        ]);
      }
      const feed = feeds.get(target);
      if (!feed) throw new Error('ingest: the feed could not be registered');
      // A one-off import ignores back-off and a disabled flag: the user asked for this fetch now.
      const report = await pollFeed(feed, {
        ...deps,
        feeds,
        clock: systemClock,
        intervalMs: (config.feedPollMinutes ?? FEED_DEFAULTS.pollMinutes) * 60_000,
      });
      summary = { ...report };
    } else {
      const files = listFiles(path.resolve(target));
      const read = { articles: 0, problems: 0 };
      const batches = readBatches(files, nowMs, read, (problem) => log.warn(problem));
      // Read lazily: the next files are parsed while worker threads enrich the ones before.
      const report = await ingestStream(batches, path.resolve(target), deps, nowMs, () =>
        startEnrichPool(path.join(config.dataDir, 'gazetteer.json')),
      );
      summary = { files: files.length, read: read.articles, problems: read.problems, ...report, ids: undefined };
    }
    indexSync.save();
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return 0;
  } finally {
    db.close();
  }
}

/**
 * The articles of each file, one batch per file, read only when the batch is asked for; `read` counts the articles
 * and the problems (each also passed to `warn`).
 */
function* readBatches(
  files: readonly string[],
  nowMs: number,
  read: { articles: number; problems: number },
  warn: (problem: string) => void,
): Generator<Article[]> {
  const problem = (text: string) => {
    read.problems++;
    warn(text);
  };
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    if (FEED_EXTENSIONS.has(path.extname(file).toLowerCase()) || looksLikeFeed(bytes)) {
      const parsed = parseFeedBytes(bytes, `file://${file}`);
      if (!parsed.ok) {
        problem(`${file}: ${parsed.error}`);
        continue;
      }
      const batch: Article[] = [];
      for (const item of parsed.feed.items) {
        const built = buildArticle({
          title: item.title || undefined,
          date: item.date ?? new Date(nowMs).toISOString(),
          source: parsed.feed.title || path.basename(file),
          url: item.link,
          body: item.paragraphs.join('\n\n'),
          paragraphs: item.paragraphs,
        });
        if (built.ok) batch.push(built.article);
        else problem(`${file}: item "${item.title.slice(0, 40)}": ${built.reason}`);
      }
      read.articles += batch.length;
      yield batch;
      continue;
    }
    const fromFile = readArticleBytes(file, bytes);
    for (const p of fromFile.problems) problem(`${p.path}: ${p.reason}`);
    read.articles += fromFile.articles.length;
    yield fromFile.articles;
  }
}

function listFiles(target: string): string[] {
  const stat = fs.statSync(target);
  if (stat.isFile()) return [target];
  const out: string[] = [];
  for (const entry of fs.readdirSync(target, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(target, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (entry.isFile() && (formatOf(full) || FEED_EXTENSIONS.has(path.extname(full).toLowerCase()))) {
      out.push(full);
    }
  }
  return out;
}

/** A .json file may be a JSON Feed rather than articles: it names its version. */
function looksLikeFeed(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 300));
  return /jsonfeed\.org\/version/.test(head) || /^\s*(<\?xml[^>]*>\s*)?<(rss|feed|rdf:RDF)\b/.test(head);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ingest failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
