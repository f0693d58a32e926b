import fs from 'node:fs';
import { z } from 'zod';
import type { FeedSpec } from '../store/feeds.ts';

const feedSchema = z.object({
  name: z.string().trim().min(1),
  url: z.string().regex(/^https?:\/\/\S+$/, 'must be an http(s) URL'),
  language: z.string().trim().min(2).default('en'),
  fullText: z.boolean().default(false),
  /** Where the URL was found: a page, a directory, a guess from the site's layout. */
  foundAt: z.string().optional(),
  /** True once someone has fetched the URL and seen a working feed. */
  checked: z.boolean().default(false),
});

const fileSchema = z.object({ version: z.literal(1), feeds: z.array(feedSchema) });

export type FeedsFileEntry = z.infer<typeof feedSchema>;

/** Thrown when feeds.json is malformed; the message names the entry and the fix. */
export class FeedsFileError extends Error {
  override name = 'FeedsFileError';
}

/**
 * The feeds listed in `DATA_DIR/feeds.json`; no file means no feeds. Duplicate URLs keep the first entry.
 * @example const feeds = readFeedsFile(path.join(config.dataDir, 'feeds.json'));
 */
export function readFeedsFile(file: string): FeedSpec[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new FeedsFileError(`feeds: cannot read ${file}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FeedsFileError(`feeds: ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new FeedsFileError(`feeds: ${file} is malformed (fix these entries):\n  ${lines.join('\n  ')}`);
  }
  const byUrl = new Map<string, FeedSpec>();
  for (const f of parsed.data.feeds) {
    if (!byUrl.has(f.url)) byUrl.set(f.url, { url: f.url, name: f.name, language: f.language, fullText: f.fullText });
  }
  return [...byUrl.values()];
}
