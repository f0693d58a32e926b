import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evalQuotes } from './quotes.ts';
import { evalSentences } from './sentences.ts';
import { evalSummaries } from './summaries.ts';
import { type EvalTable, formatTable } from './table.ts';

/**
 * `npm run eval [folder]`: scores the language tools on the public yardsticks (default `../shared/eval` beside the
 * checkout) or on any folder of the same layout (`sbd/`, `summarization/`, `quotes/`), one Markdown table each.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.resolve(process.argv[2] ?? path.join(root, '../shared/eval'));

if (!existsSync(dir)) {
  process.stdout.write(`No evaluation data at ${dir}: nothing to score. Pass a folder: npm run eval -- <folder>\n`);
  process.exit(0);
}

const suites: [string, (d: string) => EvalTable[]][] = [
  ['sbd', evalSentences],
  ['summarization', evalSummaries],
  ['quotes', evalQuotes],
];
process.stdout.write(`Evaluation on ${dir}\n\n`);
for (const [sub, run] of suites) {
  if (!existsSync(path.join(dir, sub))) {
    process.stdout.write(`(no ${sub}/ in ${dir}: skipped)\n\n`);
    continue;
  }
  for (const table of run(dir)) process.stdout.write(`${formatTable(table)}\n\n`);
}
