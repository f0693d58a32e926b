import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../../src/nlp/sentences.ts';
import type { EvalTable } from './table.ts';

/** One Golden Rules file: `{ source, metric, cases: [{ id, title, input, expected }] }`. */
interface GoldenRules {
  cases: { id: number | string; title?: string; input: string; expected: string[] }[];
}

/**
 * News-style paragraphs written for this benchmark (not taken from any publisher): datelines, titles, initials,
 * clock times, numbers, quotes closing after the period, and blank lines between paragraphs.
 */
const NEWS_PARAGRAPHS = [
  'TALLINN (Reuters) - Estonian Prime Minister Kristen Michal said on Tuesday that the Baltic state would raise ' +
    'defence spending to 5.4% of GDP by 2026, citing the threat from Russia. "We cannot wait for the next crisis ' +
    'to knock on our door," he told reporters at 11 a.m. local time. The plan, backed by the U.S. and NATO allies, ' +
    'includes the purchase of additional HIMARS launchers and ammunition worth about 1.6 bln euros.',
  '(CNN)Lithuanian officials said Gen. Raimundas Vaikšnoras met U.S. Army commanders in Vilnius on Sept. 12. ' +
    'The meeting, which lasted until 4 p.m., focused on the German brigade due to be fully deployed by 2027. ' +
    '"This is a historic moment for our region," Vaikšnoras said. “Our allies are here to stay.” ' +
    'He added that No. 1 priority remained air defence, according to a ministry statement.',
  "Latvia's parliament voted 72-13 to restore conscription, Reuters reported. Critics, including Dr. Anna " +
    'Ozola of the University of Latvia, said the bill was rushed. Still, the ministry said about 1,000 recruits ' +
    'would start training in July. Was it enough? "Not yet," a senior official said on condition of anonymity.',
  "Russia's foreign ministry spokeswoman Maria Zakharova called the drills a provocation. Moscow has repeatedly " +
    'accused the West of escalating tensions in the region, e.g. by moving troops closer to its borders. NATO ' +
    'Secretary General Mark Rutte dismissed the claims at a press conference in Brussels. The alliance, he said, ' +
    'was "purely defensive" and posed no threat to anyone... Analysts were not convinced.',
];

/** Builds about `bytes` of news prose by repeating the paragraphs, separated by blank lines. */
function newsProse(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = NEWS_PARAGRAPHS[i % NEWS_PARAGRAPHS.length] ?? '';
    parts.push(p);
    size += p.length + 2;
  }
  return parts.join('\n\n');
}

/** Median MB/s (MB = 10^6 UTF-16 code units ≈ bytes for this mostly-ASCII text) over a few runs. */
function measureThroughput(text: string, runs = 5): { mbPerSecond: number; sentences: number } {
  let sentences = 0;
  const rates: number[] = [];
  splitSentences(text.slice(0, 100_000)); // warm-up: let the JIT compile the scanner first
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    sentences = splitSentences(text).length;
    const seconds = (performance.now() - t0) / 1000;
    rates.push(text.length / 1e6 / seconds);
  }
  rates.sort((a, b) => a - b);
  return { mbPerSecond: rates[Math.floor(rates.length / 2)] ?? 0, sentences };
}

/**
 * Scores `splitSentences` on every `sbd/*.json` Golden Rules file in `evalDir` (a case passes when the sentences,
 * each trimmed, equal `expected` exactly) and measures throughput on ~4 MB of generated news prose.
 */
export function evalSentences(evalDir: string): EvalTable[] {
  const sbdDir = join(evalDir, 'sbd');
  const rows: (string | number)[][] = [];
  const notes: string[] = [];
  for (const file of readdirSync(sbdDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const rules = JSON.parse(readFileSync(join(sbdDir, file), 'utf8')) as GoldenRules;
    const failed: string[] = [];
    for (const c of rules.cases) {
      const got = splitSentences(c.input).map((s) => s.text.trim());
      if (got.length !== c.expected.length || got.some((s, i) => s !== c.expected[i])) failed.push(String(c.id));
    }
    const passed = rules.cases.length - failed.length;
    rows.push([file, `${passed}/${rules.cases.length}`, (100 * passed) / rules.cases.length]);
    notes.push(`${file}: failing case ids: ${failed.length > 0 ? failed.join(', ') : 'none'}.`);
  }
  const prose = newsProse(4_000_000);
  const { mbPerSecond, sentences } = measureThroughput(prose);
  rows.push([
    `throughput: ${(prose.length / 1e6).toFixed(1)} MB generated news prose, ${sentences} sentences`,
    `${mbPerSecond.toFixed(1)} MB/s`,
    '',
  ]);
  notes.push(
    `Throughput: median of 5 runs on one core, Node ${process.version}; the prose is repeated paragraphs written for ` +
      'the benchmark (test/eval/sentences.ts).',
  );
  return [{ title: 'Sentence boundaries (English Golden Rules)', header: ['file', 'passed', '%'], rows, notes }];
}
