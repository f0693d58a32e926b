import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { attributeStatements } from '../../src/nlp/reported-speech.ts';

describe('attributeStatements', () => {
  test.each([
    {
      name: 'a pronoun resolves to the person named before',
      input:
        'Latvian Prime Minister Evika Silina visited Riga port. She further highlighted the cost of new ferries, noting that prices rose.',
      expected: [{ speaker: 'Evika Silina', role: 'Latvian Prime Minister', cue: 'highlighted' }],
    },
    {
      name: 'a surname after an introductory phrase',
      input:
        'Defence chief Martin Herem spoke on Friday. Speaking to reporters, Herem warned that the border needed more guards.',
      expected: [{ speaker: 'Martin Herem', cue: 'warned' }],
    },
    {
      name: 'a parenthetical attribution',
      input: 'Andrus Ansip was asked about trade. The deal, he argued, would help farmers.',
      expected: [{ speaker: 'Andrus Ansip', cue: 'argued' }],
    },
    { name: 'a sentence without a reporting verb', input: 'The ferry left Tallinn at noon.', expected: [] },
    { name: 'a direct quote is left to extractQuotes', input: 'Kaja Kallas said: "We stay."', expected: [] },
  ])('GIVEN $name THEN the statements are attributed', ({ input, expected }) => {
    const got = attributeStatements(input);
    expect(got).toHaveLength(expected.length);
    for (const [i, s] of got.entries()) expect(s).toMatchObject(expected[i] ?? {});
  });

  test('offsets point into the text and never throws', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        for (const s of attributeStatements(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
      }),
      { numRuns: 300 },
    );
  });
});
