import fc from 'fast-check';
import { expect, test } from 'vitest';
import { collapseWhitespace } from '../../src/corpus/whitespace.ts';

test.each([
  ['a \n\n b\tc', 'a b c'],
  ['  leading and trailing  ', ' leading and trailing '],
  ['no change at all', 'no change at all'],
  ['non\u00a0breaking\u2003em\u3000ideographic\ufeffbom', 'non breaking em ideographic bom'],
  ['', ''],
])('GIVEN %j THEN every run of white space is one space', (text, expected) => {
  expect(collapseWhitespace(text)).toBe(expected);
});

test('GIVEN any text THEN the result is what the \\s+ regex gives', () => {
  // Every code unit \s matches, and some it does not (zero-width space, U+180E, letters).
  const pieces = fc.constantFrom(
    ...' \t\n\v\f\r\u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u200b\u180ex.-é'.split(''),
  );
  fc.assert(
    fc.property(fc.array(pieces, { maxLength: 40 }), (chars) => {
      const text = chars.join('');
      expect(collapseWhitespace(text)).toBe(text.replace(/\s+/g, ' '));
    }),
    { numRuns: 5000 },
  );
});
