import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { canonicalUrl } from '../../src/corpus/canonical-url.ts';

describe('canonicalUrl', () => {
  test.each([
    ['HTTPS://News.ERR.ee/1234/story', 'https://news.err.ee/1234/story'],
    ['https://news.err.ee/1234/story#comments', 'https://news.err.ee/1234/story'],
    ['https://news.err.ee:443/1234', 'https://news.err.ee/1234'],
    ['http://news.err.ee:80/1234', 'http://news.err.ee/1234'],
    ['https://news.err.ee:8443/1234', 'https://news.err.ee:8443/1234'],
    ['https://lrt.lt/a/?utm_source=x&utm_medium=rss&utm_campaign=y', 'https://lrt.lt/a'],
    ['https://lrt.lt/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&ocid=5&cmpid=6&ref=tw', 'https://lrt.lt/a'],
    ['https://lrt.lt/a?id=7&utm_source=x', 'https://lrt.lt/a?id=7'],
    ['https://lrt.lt/a?b=2&a=1', 'https://lrt.lt/a?a=1&b=2'],
    ['https://lrt.lt/news/', 'https://lrt.lt/news'],
    ['https://lrt.lt/', 'https://lrt.lt'],
    ['https://lrt.lt', 'https://lrt.lt'],
    ['  https://lrt.lt/a  ', 'https://lrt.lt/a'],
    ['https://www.LRT.lt/a', 'https://lrt.lt/a'],
    ['https://www.co/a', 'https://www.co/a'],
  ])('GIVEN %s THEN %s', (input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });

  test.each([
    ['not a url'],
    [''],
    ['ftp://example.com/file'],
    ['javascript:alert(1)'],
    ['https://'],
    ['//example.com/a'],
    ['https://user:pass@example.com/a'],
  ])('GIVEN the invalid %j THEN undefined', (input) => {
    expect(canonicalUrl(input)).toBeUndefined();
  });

  test('GIVEN links that differ only by tracking, case and fragment THEN they compare equal', () => {
    const a = canonicalUrl('https://Example.com/story/?utm_source=a#top');
    const b = canonicalUrl('https://example.com/story?fbclid=zzz');
    expect(a).toBe(b);
  });

  test('GIVEN any web URL THEN canonicalising twice changes nothing more', () => {
    fc.assert(
      fc.property(fc.webUrl({ withFragments: true, withQueryParameters: true }), (url) => {
        const once = canonicalUrl(url);
        expect(once === undefined ? undefined : canonicalUrl(once)).toBe(once);
      }),
    );
  });
});
