import { describe, expect, test } from 'vitest';
import { articleId, normaliseBody } from '../../src/corpus/article-id.ts';

describe('articleId', () => {
  test('GIVEN a canonical URL THEN the id comes from it, whatever the body', () => {
    const a = articleId({ canonicalUrl: 'https://example.com/a', body: 'one' });
    const b = articleId({ canonicalUrl: 'https://example.com/a', body: 'two' });
    expect(a).toBe(b);
    expect(a).toMatch(/^u-[0-9a-f]{12}$/);
  });

  test('GIVEN no URL THEN bodies differing only in case and spacing share an id', () => {
    const a = articleId({ body: 'Estonia  raised\nits budget.' });
    const b = articleId({ body: 'estonia raised its budget.' });
    expect(a).toBe(b);
    expect(a).toMatch(/^a-[0-9a-f]{12}$/);
    expect(articleId({ body: 'Latvia raised its budget.' })).not.toBe(a);
  });

  test('GIVEN the same input twice THEN the same id (stable across runs)', () => {
    expect(articleId({ body: 'x' })).toBe(articleId({ body: 'x' }));
    expect(normaliseBody('  A\t B \n')).toBe('a b');
  });
});
