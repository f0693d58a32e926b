import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { contentTerms, countContentTerms, porterStem, STOPWORDS, tokenizeWords } from '../../src/nlp/tokens.ts';

describe('GIVEN the Porter stemmer', () => {
  // Pairs from Porter (1980) and nltk's documentation; the third column is the published algorithm where it differs.
  test.each([
    ['caresses', 'caress', 'caress'],
    ['ponies', 'poni', 'poni'],
    ['ties', 'tie', 'ti'],
    ['cats', 'cat', 'cat'],
    ['feed', 'feed', 'feed'],
    ['agreed', 'agre', 'agre'],
    ['plastered', 'plaster', 'plaster'],
    ['motoring', 'motor', 'motor'],
    ['sing', 'sing', 'sing'],
    ['conflated', 'conflat', 'conflat'],
    ['sized', 'size', 'size'],
    ['hopping', 'hop', 'hop'],
    ['falling', 'fall', 'fall'],
    ['hissing', 'hiss', 'hiss'],
    ['filing', 'file', 'file'],
    ['happy', 'happi', 'happi'],
    ['enjoy', 'enjoy', 'enjoi'],
    ['they', 'they', 'thei'],
    ['news', 'news', 'new'],
    ['dying', 'die', 'dy'],
    ['using', 'use', 'us'],
    ['relational', 'relat', 'relat'],
    ['conditional', 'condit', 'condit'],
    ['rational', 'ration', 'ration'],
    ['vietnamization', 'vietnam', 'vietnam'],
    ['hopefulness', 'hope', 'hope'],
    ['triplicate', 'triplic', 'triplic'],
    ['electrical', 'electr', 'electr'],
    ['goodness', 'good', 'good'],
    ['revival', 'reviv', 'reviv'],
    ['allowance', 'allow', 'allow'],
    ['adjustable', 'adjust', 'adjust'],
    ['replacement', 'replac', 'replac'],
    ['adoption', 'adopt', 'adopt'],
    ['effective', 'effect', 'effect'],
    ['probate', 'probat', 'probat'],
    ['cease', 'ceas', 'ceas'],
    ['controlling', 'control', 'control'],
    ['roll', 'roll', 'roll'],
    ['generalizations', 'gener', 'gener'],
    ['sanctioned', 'sanction', 'sanction'],
  ])('WHEN it stems "%s" THEN nltk mode gives "%s" and the original algorithm "%s"', (word, nltk, original) => {
    expect(porterStem(word)).toBe(nltk);
    expect(porterStem(word, 'original')).toBe(original);
  });

  test('THEN a stem is never longer than its word and stays lower-case letters', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,15}$/), (word) => {
        for (const mode of ['nltk', 'martin', 'original'] as const) {
          const stem = porterStem(word, mode);
          expect(stem.length).toBeLessThanOrEqual(word.length);
          expect(stem).toMatch(/^[a-z]*$/);
        }
      }),
    );
  });
});

describe('GIVEN the word tokenizer', () => {
  test.each([
    ['lower-cases and drops punctuation', 'NATO troops, again!', ['nato', 'troops', 'again']],
    ['keeps inner apostrophes and hyphens', "don't re-arm", ["don't", 're-arm']],
    ['drops the possessive', "Russia’s army and Estonia's", ['russia', 'army', 'and', 'estonia']],
    ['keeps letters outside ASCII', 'Tallinn, Šiauliai and Jõhvi', ['tallinn', 'šiauliai', 'and', 'jõhvi']],
    ['returns nothing for no words', ' -- ... ', []],
  ])('WHEN it %s', (_name, text, tokens) => {
    expect(tokenizeWords(text)).toEqual(tokens);
  });

  test('THEN every token is lower-case and non-empty', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        for (const token of tokenizeWords(text)) {
          expect(token.length).toBeGreaterThan(0);
          expect(token).toBe(token.toLowerCase());
        }
      }),
    );
  });
});

describe('GIVEN content terms', () => {
  test.each([
    [
      'drops stopwords and stems the rest',
      'Estonia expels the Russian diplomats',
      ['estonia', 'expel', 'russian', 'diplomat'],
    ],
    [
      'splits hyphenated words and drops bare numbers',
      'A 300-strong anti-drone unit',
      ['strong', 'anti', 'drone', 'unit'],
    ],
    ['returns nothing for function words only', 'It was said that they would', []],
  ])('WHEN it %s', (_name, text, terms) => {
    expect(contentTerms(text)).toEqual(terms);
  });

  test('THEN the stopword list holds function words, not topic words', () => {
    expect(STOPWORDS.has('the')).toBe(true);
    expect(STOPWORDS.has('nato')).toBe(false);
  });
});

describe('GIVEN content-term counts of several texts', () => {
  test.each([
    [
      'numbers a term the same wherever it recurs and counts it per text',
      ['Troops arrive.', 'More troops arrived in Narva, troops say.'],
      {
        terms: ['troop', 'arriv', 'narva'],
        from: [0, 2, 5],
        ids: [0, 1, 0, 1, 2],
        counts: [1, 1, 2, 1, 1],
        words: [2, 7],
      },
    ],
    [
      'counts words without bare numbers',
      ['12:04 EST, 3 April 2014', ''],
      { terms: ['est', 'april'], from: [0, 2, 2], ids: [0, 1], counts: [1, 1], words: [2, 0] },
    ],
  ])('WHEN it %s', (_name, texts, expected) => {
    expect(countContentTerms(texts)).toEqual(expected);
  });

  test('THEN the counts are those of contentTerms, in order of first occurrence, and letter-bearing tokens are words', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme-composite' }), { maxLength: 4 }), (texts) => {
        const { terms, from, ids, counts, words } = countContentTerms(texts);
        expect(new Set(terms).size).toBe(terms.length);
        texts.forEach((text, i) => {
          const expected = new Map<string, number>();
          for (const t of contentTerms(text)) expected.set(t, (expected.get(t) ?? 0) + 1);
          const got = ids.slice(from[i], from[i + 1]).map((id, k) => [terms[id], counts[from[i]! + k]]);
          expect(got).toEqual([...expected]);
          expect(words[i]).toBe(tokenizeWords(text).filter((w) => /\p{L}/u.test(w)).length);
        });
      }),
    );
  });
});
