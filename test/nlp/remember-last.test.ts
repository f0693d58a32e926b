import { expect, test } from 'vitest';
import { rememberLast } from '../../src/nlp/remember-last.ts';

test('GIVEN the same text twice THEN the analysis runs once, and each caller gets its own copies', () => {
  let runs = 0;
  const spans = rememberLast((text: string) => {
    runs++;
    return [{ start: 0, end: text.length }];
  });
  const first = spans('abc');
  first[0]!.end = 99; // a caller scribbling on its result
  expect(spans('abc')).toEqual([{ start: 0, end: 3 }]);
  expect(runs).toBe(1);
  spans('abcd');
  expect(runs).toBe(2);
});

test('GIVEN other arguments for the same text THEN they are compared too', () => {
  let runs = 0;
  const f = rememberLast(
    (_text: string, n: number) => {
      runs++;
      return [{ n }];
    },
    ([a], [b]) => a === b,
  );
  expect(f('x', 1)).toEqual([{ n: 1 }]);
  expect(f('x', 2)).toEqual([{ n: 2 }]);
  expect(f('x', 2)).toEqual([{ n: 2 }]);
  expect(runs).toBe(2);
});

test('GIVEN a copier of its own THEN every caller, first and later, gets what it makes', () => {
  let runs = 0;
  const f = rememberLast(
    (text: string) => {
      runs++;
      return [{ text, n: text.length }];
    },
    undefined,
    (item) => ({ ...item, copied: true }),
  );
  const first = f('abc');
  first[0]!.n = 99;
  expect(first).toEqual([{ text: 'abc', n: 99, copied: true }]);
  expect(f('abc')).toEqual([{ text: 'abc', n: 3, copied: true }]);
  expect(runs).toBe(1);
});
