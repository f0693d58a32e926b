import { describe, expect, test } from 'vitest';
import { redundancy, type SummaryDoc, summarizeMany, summarizeText } from '../../src/nlp/summarize.ts';

// Invented stories, written for these tests.
const STORY = [
  '(CNN) Estonia has expelled a Russian diplomat after a cyber attack hit the country’s power grid on Tuesday night.',
  'The foreign ministry in Tallinn said the diplomat had coordinated the attack with a group of hackers based in Pskov.',
  'Scroll down for video.',
  'Officials said the grid was restored within four hours and no hospitals lost power during the outage.',
  '"We will not tolerate attacks on our critical infrastructure," the foreign minister told reporters in Tallinn.',
  'Russia denied any involvement and promised to respond to the expulsion in kind.',
  'NATO allies offered technical help to trace the attackers and to harden the grid against new attacks.',
  'Latvia and Lithuania summoned Russian envoys as well.',
  'The attack is the largest on Estonian infrastructure since the riots over a Soviet war memorial in 2007.',
].join(' ');

describe('GIVEN summarizeText on a news story', () => {
  test.each([0, 1, 2, 3, 5])('WHEN asked for %i sentences THEN it returns that many', (count) => {
    expect(summarizeText(STORY, count)).toHaveLength(count);
  });

  test('THEN picks come in text order, are distinct and are exact spans of the text', () => {
    const picks = summarizeText(STORY, 4);
    const starts = picks.map((p) => p.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(new Set(starts).size).toBe(picks.length);
    for (const p of picks) expect(STORY.slice(p.start, p.end)).toBe(p.text);
  });

  test('THEN the lead is in the summary without its "(CNN)" dateline, and page furniture is not', () => {
    const texts = summarizeText(STORY, 3).map((p) => p.text);
    expect(texts[0]).toMatch(/^Estonia has expelled/);
    expect(texts.join(' ')).not.toMatch(/Scroll down/);
  });

  test.each([
    [
      'a Daily Mail byline',
      'By . Daily Mail Reporter . PUBLISHED: . 12:04 EST, 3 April 2014 . | . UPDATED: . 13:22 EST, 3 April 2014 . ',
    ],
    ['a CNN dateline', 'TALLINN, Estonia (CNN) -- '],
  ])('WHEN the story opens with %s THEN the summary starts at the first real sentence', (_name, prefix) => {
    const text = `${prefix}Estonia has expelled a Russian diplomat after a cyber attack hit the power grid on Tuesday. The ministry said the diplomat had coordinated a group of hackers. Officials said the grid was restored within four hours.`;
    expect(summarizeText(text, 2)[0]?.text).toMatch(/^Estonia has expelled/);
  });

  test('THEN a sentence repeated later in the story is picked once', () => {
    const lead = 'Lithuania will buy new air defence systems to protect Vilnius, the defence ministry said on Monday.';
    const text = `${lead} The contract is worth 200 million euros and covers three batteries. ${lead} Delivery starts next year, officials said.`;
    const texts = summarizeText(text, 3).map((p) => p.text);
    expect(texts.filter((t) => t === lead)).toHaveLength(1);
  });

  test.each([
    ['empty text', ''],
    ['whitespace', '   \n  '],
  ])('WHEN the input is %s THEN the summary is empty', (_name, text) => {
    expect(summarizeText(text, 3)).toEqual([]);
  });
});

const DOCS: SummaryDoc[] = [
  {
    id: 'grid',
    sentences: [
      'Estonia has expelled a Russian diplomat after a cyber attack hit the country’s power grid.',
      'Officials said the grid was restored within four hours and no hospitals lost power.',
    ],
  },
  {
    id: 'drills',
    sentences: [
      'Finland began its largest military exercise in a decade near the Russian border on Monday.',
      'About 12,000 reservists joined the drills, which will last two weeks, the army said.',
      'Estonian troops will take part in the final week of the exercise alongside Swedish units.',
    ],
  },
  {
    id: 'gas',
    sentences: [
      'Lithuania signed a new liquefied gas deal with a Norwegian supplier on Wednesday.',
      'The contract covers most of the country’s winter demand, the energy ministry said.',
    ],
  },
];

describe('GIVEN summarizeMany over several documents', () => {
  test('THEN each pick points to the sentence of its document', () => {
    for (const pick of summarizeMany(DOCS, { count: 4 })) {
      const doc = DOCS.find((d) => d.id === pick.docId);
      expect(doc?.sentences[pick.index]).toBe(pick.text);
    }
  });

  test.each([0, 1, 3, 10])('WHEN asked for %i picks THEN it returns at most that many, all distinct', (count) => {
    const picks = summarizeMany(DOCS, { count });
    expect(picks.length).toBeLessThanOrEqual(count);
    expect(new Set(picks.map((p) => `${p.docId}:${p.index}`)).size).toBe(picks.length);
  });

  test.each([
    [['estonia'], /Eston/],
    [['gas', 'lithuania'], /gas/],
    [['finland', 'exercise'], /Finland/],
  ])('WHEN the query is %j THEN the best pick is about it', (query, pattern) => {
    expect(summarizeMany(DOCS, { count: 2, query })[0]?.text).toMatch(pattern);
  });

  test('THEN a syndicated copy of a story is not picked twice', () => {
    const copy: SummaryDoc = { id: 'grid-copy', sentences: [`${DOCS[0]!.sentences[0]!} `, DOCS[0]!.sentences[1]!] };
    const picks = summarizeMany([...DOCS, copy], { count: 5 });
    expect(picks.filter((p) => /expelled a Russian diplomat/.test(p.text))).toHaveLength(1);
    expect(redundancy(picks.map((p) => p.text))).toBeLessThan(0.5);
  });

  test.each([
    ['no documents', []],
    ['documents without sentences', [{ id: 'x', sentences: [] }]],
  ])('WHEN given %s THEN there are no picks', (_name, docs: SummaryDoc[]) => {
    expect(summarizeMany(docs, { count: 3 })).toEqual([]);
  });
});

describe('GIVEN the redundancy measure', () => {
  test.each([
    ['the same sentence twice', ['NATO jets scrambled over the Baltic.', 'NATO jets scrambled over the Baltic!'], 1],
    ['unrelated sentences', ['NATO jets scrambled over the Baltic.', 'Lithuania signed a gas deal.'], 0],
    ['a single text', ['NATO jets scrambled over the Baltic.'], 0],
  ])('WHEN given %s THEN it is %d', (_name, texts, expected) => {
    expect(redundancy(texts)).toBeCloseTo(expected, 6);
  });
});
