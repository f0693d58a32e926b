import { describe, expect, test } from 'vitest';
import {
  deriveTitle,
  parseArticleDate,
  readArticleBytes,
  readArticleText,
  splitParagraphs,
} from '../../src/corpus/readers.ts';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('seed reader', () => {
  const seed =
    ' date 2024-03-14 (Example Wire) Estonia said on Thursday it would raise defence spending. The vote is next week.' +
    '\n\n\n\nA second paragraph follows.\n\n\n\nAnd a third one.\n';

  test('GIVEN a seed file THEN date, source, paragraphs and a derived title', () => {
    const { articles, problems } = readArticleText('a.txt', seed);
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(1);
    const [a] = articles;
    expect(a).toMatchObject({
      date: '2024-03-14T00:00:00.000Z',
      source: 'Example Wire',
      title: 'Estonia said on Thursday it would raise defence spending',
    });
    expect(a?.paragraphs).toEqual([
      'Estonia said on Thursday it would raise defence spending. The vote is next week.',
      'A second paragraph follows.',
      'And a third one.',
    ]);
    expect(a?.body).toBe(a?.paragraphs.join('\n\n'));
    expect(a?.id).toMatch(/^a-[0-9a-f]{12}$/);
    expect(a?.url).toBeUndefined();
  });

  test('GIVEN CRLF line ends and no leading space THEN read the same', () => {
    const { articles } = readArticleBytes('a.txt', bytes(seed.trimStart().replace(/\n/g, '\r\n')));
    expect(articles[0]?.paragraphs).toHaveLength(3);
  });

  test.each([
    ['no header', 'Just some text without the seed header.', /seed format/],
    ['invalid date', ' date 2024-02-30 (Wire) Body text.', /invalid date/],
    ['header only', ' date 2024-02-01 (Wire)   \n\n', /empty body/],
  ])('GIVEN %s THEN a problem naming it', (_name, text, reason) => {
    const { articles, problems } = readArticleText('bad.txt', text);
    expect(articles).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('bad.txt');
    expect(problems[0]?.reason).toMatch(reason);
  });
});

describe('markdown reader', () => {
  const md = [
    '---',
    'title: "Jets scrambled: the details"',
    'date: 2024-06-11T09:30:00+03:00',
    "source: 'Example Times'",
    'url: https://Example.com/a/?utm_source=rss',
    '---',
    '',
    '## A subheading',
    '',
    'Two **fighter jets** on the _Baltic Air Policing_ mission',
    'were scrambled, the [alliance said](https://example.org/s).',
    '',
    '> An image: ![a jet](jet.png) and `code`.',
  ].join('\n');

  test('GIVEN front matter and markdown THEN fields are read and markup stripped', () => {
    const { articles, problems } = readArticleText('a.md', md);
    expect(problems).toEqual([]);
    expect(articles[0]).toMatchObject({
      title: 'Jets scrambled: the details',
      date: '2024-06-11T06:30:00.000Z',
      source: 'Example Times',
      url: 'https://example.com/a',
      paragraphs: [
        'A subheading',
        'Two fighter jets on the Baltic Air Policing mission were scrambled, the alliance said.',
        'An image: a jet and code.',
      ],
    });
    expect(articles[0]?.id).toMatch(/^u-/);
  });

  test('GIVEN no title but a leading heading THEN the heading is the title, not a paragraph', () => {
    const { articles } = readArticleText('a.md', '---\ndate: 2024-01-02\nsource: X\n---\n# The title\n\nBody here.');
    expect(articles[0]?.title).toBe('The title');
    expect(articles[0]?.paragraphs).toEqual(['Body here.']);
  });

  test('GIVEN front matter title repeated as the first heading THEN the heading is not kept as a paragraph', () => {
    const { articles } = readArticleText('a.md', '---\ntitle: Same\ndate: 2024-01-02\n---\n# Same\n\nBody.');
    expect(articles[0]?.paragraphs).toEqual(['Body.']);
  });

  test('GIVEN neither source nor title THEN the source is the URL host and the title the first sentence', () => {
    const { articles } = readArticleText(
      'a.md',
      '---\ndate: 2024-01-02\nurl: https://www.lrt.lt/x\n---\nFirst. Second.',
    );
    expect(articles[0]).toMatchObject({ source: 'lrt.lt', title: 'First' });
  });

  test.each([
    ['front matter without date', '---\ntitle: T\nsource: S\n---\nBody.', /missing date/],
    ['no front matter', 'Just a body.', /missing date/],
    ['invalid date', '---\ndate: 14/03/2024\n---\nBody.', /invalid date/],
    ['unclosed front matter', '---\ndate: 2024-01-01\nBody.', /not closed/],
    ['empty body', '---\ndate: 2024-01-01\n---\n\n---\n', /empty body/],
  ])('GIVEN %s THEN a problem', (_name, text, reason) => {
    const { articles, problems } = readArticleText('bad.md', text);
    expect(articles).toEqual([]);
    expect(problems[0]?.reason).toMatch(reason);
  });
});

describe('JSON and JSONL readers', () => {
  test('GIVEN one object with text and nested source THEN one article', () => {
    const json = JSON.stringify({
      headline: 'H',
      published: '2024-07-01T12:00:00Z',
      source: { name: 'ERR' },
      text: 'Line one.\nLine two.',
    });
    const { articles } = readArticleText('a.json', json);
    expect(articles[0]).toMatchObject({ title: 'H', source: 'ERR', paragraphs: ['Line one.', 'Line two.'] });
  });

  test('GIVEN an array with one bad item THEN the good ones are read and the bad one reported by index', () => {
    const json = JSON.stringify([
      { title: 'A', date: '2024-01-01', source: 'S', body: 'Alpha.' },
      { title: 'B', source: 'S', body: 'No date.' },
      { title: 'C', date: '2024-01-03', source: 'S', content: 'Gamma.' },
    ]);
    const { articles, problems } = readArticleText('a.json', json);
    expect(articles.map((a) => a.title)).toEqual(['A', 'C']);
    expect(problems).toEqual([{ path: 'a.json', reason: 'item 1: missing date' }]);
  });

  test('GIVEN a JSONL file with one bad line THEN the others are read and the line reported', () => {
    const jsonl = [
      JSON.stringify({ title: 'A', date: '2024-01-01', source: 'S', body: 'Alpha.' }),
      '{"title": "broken"',
      '',
      JSON.stringify({ title: 'C', date: '2024-01-03', source: 'S', body: 'Gamma.' }),
      JSON.stringify({ title: 'D', date: 'yesterday', source: 'S', body: 'Delta.' }),
    ].join('\n');
    const { articles, problems } = readArticleText('a.jsonl', jsonl);
    expect(articles.map((a) => a.title)).toEqual(['A', 'C']);
    expect(problems.map((p) => p.line)).toEqual([2, 5]);
    expect(problems[0]?.reason).toMatch(/^line 2: invalid JSON/);
    expect(problems[1]?.reason).toMatch(/^line 5: invalid date/);
  });

  test.each([
    ['bad JSON', 'a.json', '{"title": '],
    ['a JSON string', 'a.json', '"just a string"'],
    ['no body', 'a.json', '{"title": "T", "date": "2024-01-01"}'],
    ['an empty array', 'a.json', '[]'],
    ['a blank JSONL', 'a.jsonl', '\n\n'],
  ])('GIVEN %s THEN a problem, no throw', (_name, path, text) => {
    const { articles, problems } = readArticleText(path, text);
    expect(articles).toEqual([]);
    expect(problems.length).toBeGreaterThan(0);
  });
});

describe('any file', () => {
  test.each([
    ['an empty file', 'a.md', Buffer.alloc(0), /empty/],
    ['whitespace only', 'a.txt', bytes('  \n\n '), /empty/],
    ['binary junk', 'a.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a, 0xff, 0xfe]), /binary/],
    ['invalid UTF-8', 'a.md', Buffer.from([0x66, 0xc3, 0x28, 0xa0, 0xa1]), /UTF-8/],
    ['an unknown extension', 'a.docx', bytes('hello'), /unknown format/],
  ])('GIVEN %s THEN a problem naming the path', (_name, path, content, reason) => {
    const { articles, problems } = readArticleBytes(path, content);
    expect(articles).toEqual([]);
    expect(problems).toEqual([{ path, reason: expect.stringMatching(reason) }]);
  });

  test('GIVEN a BOM THEN it is ignored', () => {
    const { articles } = readArticleBytes('a.md', bytes('\uFEFF---\ndate: 2024-01-01\nsource: S\n---\nText.'));
    expect(articles[0]?.paragraphs).toEqual(['Text.']);
  });
});

describe('parseArticleDate', () => {
  test.each([
    ['2024-03-14', '2024-03-14T00:00:00.000Z'],
    ['2024-03-14T10:30:00Z', '2024-03-14T10:30:00.000Z'],
    ['2024-03-14T10:30:00+02:00', '2024-03-14T08:30:00.000Z'],
    ['2024-03-14T01:30:00.250+0300', '2024-03-13T22:30:00.250Z'],
    ['2024-03-14T10:30-05:00', '2024-03-14T15:30:00.000Z'],
    ['2024-03-14 10:30:00', '2024-03-14T10:30:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['Thu, 14 Mar 2024 10:30:00 +0200', '2024-03-14T08:30:00.000Z'],
    ['Thu, 14 Mar 2024 10:30:00 GMT', '2024-03-14T10:30:00.000Z'],
  ])('GIVEN %s THEN %s', (input, expected) => {
    expect(parseArticleDate(input)).toBe(expected);
  });

  test.each([
    ['2023-02-29'],
    ['2024-13-01'],
    ['2024-03-14T25:00:00Z'],
    ['14/03/2024'],
    ['March 14, 2024'],
    ['yesterday'],
    [''],
  ])('GIVEN the invalid %j THEN undefined', (input) => {
    expect(parseArticleDate(input)).toBeUndefined();
  });
});

describe('titles and paragraphs', () => {
  test('GIVEN a first sentence over 120 characters THEN the title is cut at a word with an ellipsis', () => {
    const long = `${'Officials in Tallinn said the new defence line would '.repeat(4)}be finished soon.`;
    const title = deriveTitle([long]);
    expect(title.length).toBeLessThanOrEqual(120);
    expect(title.endsWith('…')).toBe(true);
    expect(long.startsWith(title.slice(0, -1))).toBe(true);
    expect(title.at(-2)).not.toBe(' ');
  });

  test.each([
    ['A b.\n\nC d.', ['A b.', 'C d.']],
    ['A\nwrapped line.\n\n\n\nNext.', ['A wrapped line.', 'Next.']],
    ['One per line.\nSecond line.', ['One per line.', 'Second line.']],
    ['  \n\n  ', []],
  ])('GIVEN %j THEN paragraphs %j', (text, expected) => {
    expect(splitParagraphs(text)).toEqual(expected);
  });
});
