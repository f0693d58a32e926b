import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { loadCorpus } from '../../src/corpus/loader.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));
const rel = (path: string) => relative(FIXTURES, path);

describe('loadCorpus on the fixture tree', () => {
  const corpus = loadCorpus(FIXTURES);

  test('GIVEN nested folders THEN articles are read recursively from every format', () => {
    expect(corpus.articles.map((a) => a.title)).toEqual([
      'The Estonian Defence Forces began a week-long reserve exercise near Narva on Thursday, calling up about 3,000 reservists',
      'Air policing jets scrambled over the Baltic Sea',
      'A data cable between Lithuania and Sweden was damaged on the seabed, the operator said on Monday',
      'Latvia extends border fence',
      'Lithuania orders more air defence systems',
      'Finland opens border crossing review',
    ]);
  });

  test('GIVEN dotfiles and other extensions THEN they are not read', () => {
    const paths = corpus.files.map((f) => rel(f.path));
    expect(paths).not.toContain('.hidden.md');
    expect(paths).not.toContain('notes.csv');
    expect(paths).toHaveLength(6);
  });

  test('GIVEN the same story twice THEN the later copy is dropped and listed as a duplicate', () => {
    expect(corpus.duplicates.map((d) => [rel(d.path), d.reason])).toEqual([
      [join('syndicated', 'batch.json'), 'same url'],
      ['z-seed-copy.txt', 'same body'],
    ]);
    const ids = corpus.articles.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('GIVEN bad records THEN each is a problem and the rest still loads', () => {
    expect(corpus.problems.map((p) => [rel(p.path), p.line, p.reason.replace(/:.*$/s, '')])).toEqual([
      [join('syndicated', 'batch.json'), undefined, 'item 2'],
      [join('syndicated', 'feed.jsonl'), 2, 'line 2'],
    ]);
  });

  test('GIVEN files THEN each has its size, mtime and content hash', () => {
    for (const file of corpus.files) {
      expect(file.size).toBeGreaterThan(0);
      expect(file.mtimeMs).toBeGreaterThan(0);
      expect(file.hash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  test('GIVEN the same tree loaded twice THEN the same ids (stable)', () => {
    expect(loadCorpus(FIXTURES).articles.map((a) => a.id)).toEqual(corpus.articles.map((a) => a.id));
  });
});

describe('loadCorpus on the project seed data', () => {
  test('GIVEN data/articles THEN the seed article loads with its date, source and a derived title', () => {
    const corpus = loadCorpus(fileURLToPath(new URL('../../data/articles/', import.meta.url)));
    expect(corpus.problems).toEqual([]);
    const seed = corpus.articles.find((a) => a.source === 'MENAFN');
    expect(seed?.date).toBe('2024-03-14T00:00:00.000Z');
    expect(seed?.title.startsWith('Estonian Prime Minister Kaja Kallas')).toBe(true);
    expect(seed?.title.length).toBeLessThanOrEqual(120);
    expect(seed?.paragraphs.length).toBeGreaterThan(3);
  });
});

describe('loadCorpus on damaged input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('GIVEN a missing directory THEN a problem, not a throw', () => {
    const corpus = loadCorpus(join(dir, 'nope'));
    expect(corpus.articles).toEqual([]);
    expect(corpus.problems).toEqual([{ path: join(dir, 'nope'), reason: expect.stringMatching(/ENOENT/) }]);
  });

  test('GIVEN corrupt files next to a good one THEN each is reported and the good one loads', () => {
    mkdirSync(join(dir, 'mixed'));
    const put = (name: string, content: string | Buffer) => writeFileSync(join(dir, 'mixed', name), content);
    put('empty.md', '');
    put('junk.txt', Buffer.from([0, 1, 2, 255, 254, 0, 7]));
    put('bad.json', '{ nope');
    put('nodate.md', '---\ntitle: T\n---\nBody.');
    put('good.txt', ' date 2024-01-05 (Wire) The good one.');
    put('large.md', 'x'.repeat(2000));
    const corpus = loadCorpus(join(dir, 'mixed'), { maxFileBytes: 1000 });
    expect(corpus.articles.map((a) => a.source)).toEqual(['Wire']);
    expect(corpus.problems.map((p) => [p.path.slice(dir.length + 7), p.reason.split(/[ :(]/)[0]])).toEqual([
      ['bad.json', 'invalid'],
      ['empty.md', 'empty'],
      ['junk.txt', 'binary'],
      ['large.md', 'file'],
      ['nodate.md', 'missing'],
    ]);
  });
});
