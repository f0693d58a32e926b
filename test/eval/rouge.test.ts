import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { type RougeType, rougeTokens, scoreRouge } from './rouge.ts';

const rougeDir = fileURLToPath(new URL('../../../shared/eval/rouge/', import.meta.url));
const haveVectors = existsSync(`${rougeDir}expected.json`);

interface VectorCase {
  type: RougeType;
  stem: boolean;
  pair: string;
  P: number;
  R: number;
  F: number;
}

interface ToyCase {
  type: RougeType | 'any';
  target: string;
  prediction: string;
  P: number;
  R: number;
  F: number;
}

const read = (name: string) => readFileSync(`${rougeDir}${name}`, 'utf8');

describe.runIf(haveVectors)('GIVEN the rouge_score conformance vectors (ROUGE-1.5.5 values)', () => {
  const expected = haveVectors
    ? (JSON.parse(read('expected.json')) as { cases: VectorCase[]; toy_cases: ToyCase[] })
    : { cases: [], toy_cases: [] };

  const vectorCase = (c: VectorCase): [string, string] => {
    const line = /^line(\d+)$/.exec(c.pair);
    if (line) {
      const k = Number(line[1]);
      return [read('target.txt').split('\n')[k]!, read('prediction.txt').split('\n')[k]!];
    }
    return [read('target_multi.0.txt'), read('prediction_multi.0.txt')];
  };

  test.each(expected.cases.map((c) => [`${c.type} stem=${c.stem} ${c.pair.split(' ')[0]}`, c] as const))(
    'THEN %s matches to 1e-5',
    (_name, c) => {
      const [target, prediction] = vectorCase(c);
      const score = scoreRouge(target, prediction, [c.type], { stem: c.stem })[c.type]!;
      // The published values are rounded to 5 decimals.
      expect(score.precision).toBeCloseTo(c.P, 5);
      expect(score.recall).toBeCloseTo(c.R, 5);
      expect(score.f1).toBeCloseTo(c.F, 5);
    },
  );

  test.each(expected.toy_cases.map((c) => [`${c.type}: "${c.prediction}" vs "${c.target}"`, c] as const))(
    'THEN the toy case %s matches',
    (_name, c) => {
      const types: RougeType[] = c.type === 'any' ? ['rouge1', 'rouge2', 'rougeL', 'rougeLsum'] : [c.type];
      for (const type of types) {
        const score = scoreRouge(c.target, c.prediction, [type])[type]!;
        expect(score.precision).toBeCloseTo(c.P, 4);
        expect(score.recall).toBeCloseTo(c.R, 4);
        expect(score.f1).toBeCloseTo(c.F, 4);
      }
    },
  );
});

describe('GIVEN the ROUGE tokenizer', () => {
  test.each([
    ['lower-cases and splits on anything but a-z0-9', "Don't STOP-me now!", ['don', 't', 'stop', 'me', 'now']],
    ['drops accented letters like ROUGE-1.5.5', 'Tallinn café', ['tallinn', 'caf']],
    ['stems only tokens longer than 3 characters', 'the running dogs ran', ['the', 'run', 'dog', 'ran']],
    ['keeps digits', '2,100 troops', ['2', '100', 'troop']],
  ])('WHEN it %s', (_name, text, tokens) => {
    expect(rougeTokens(text)).toEqual(tokens);
  });
});
