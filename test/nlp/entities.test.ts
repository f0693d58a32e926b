import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { tagEntities } from '../../src/nlp/entities.ts';
import { loadGazetteer, parseGazetteer } from '../../src/nlp/gazetteer.ts';

const gazetteer = loadGazetteer(new URL('../../data/gazetteer.json', import.meta.url).pathname);

describe('tagEntities topics', () => {
  test.each<[string, string, string[]]>([
    ['a country name', 'Troops arrived in Estonia on Monday.', ['estonia']],
    ['a demonym', 'The Estonian government met.', ['estonia']],
    ['a plural demonym', 'Many Latvians voted.', ['latvia']],
    ['a possessive', "Lithuania's president spoke.", ['lithuania']],
    ['a curly possessive', 'Finland’s border stays shut.', ['finland']],
    ['a capital', 'Talks were held in Vilnius.', ['lithuania']],
    ['a place without diacritics', 'A ship docked in Klaipeda.', ['lithuania']],
    ['a place with diacritics', 'A ship docked in Klaipėda.', ['lithuania']],
    ['a place in decomposed Unicode', 'A ship docked in Klaipe\u0307da.', ['lithuania']],
    ['a hyphenated place', 'Voters in Ida-Viru County', ['estonia']],
    ['a hyphenated place spelled with a space', 'Voters in Ida Viru', ['estonia']],
    ['a compound adjective', 'a Russia-backed group', ['russia']],
    ['a case-insensitive name', 'Nato and NATO allies', ['nato']],
    ['an acronym', 'The EU agreed new measures.', ['eu']],
    ['a lower-case "eu" that is not the EU', 'the domain example.eu was registered', []],
    ['a word with a common lower-case meaning', 'the poles of the tent', []],
    ['that word capitalised', 'Poles voted on Sunday.', ['poland']],
    ['a place that counts for its countries', 'the Suwałki Gap', ['suwalki-gap', 'lithuania', 'poland']],
    ['Kaliningrad', 'missiles in Kaliningrad', ['kaliningrad', 'russia']],
    ['a theme', 'A subsea cable was damaged; sabotage is suspected.', ['hybrid-threats']],
    ['GPS jamming', 'Pilots reported GPS interference over the Baltic Sea.', ['gps-jamming', 'baltic-sea']],
    ['Balticconnector', 'The Balticconnector pipeline reopened.', ['energy']],
    ['a longer name wins over its start', 'the Baltic Sea', ['baltic-sea']],
    ['a sentence break is not a phrase', 'They met in the Baltic. Sea levels rose.', []],
    ['nothing', 'The weather was fine.', []],
  ])('GIVEN %s THEN topics %j', (_name, text, topics) => {
    expect(tagEntities(text, gazetteer).topics).toEqual(topics);
  });

  test('GIVEN several topics THEN the most mentioned come first, with counts', () => {
    const text = 'Russia warned Estonia. Estonian officials replied from Tallinn. Russia again.';
    const { topics, counts } = tagEntities(text, gazetteer);
    expect(topics).toEqual(['estonia', 'russia']);
    expect(counts).toEqual({ estonia: 3, russia: 2 });
  });
});

describe('tagEntities people', () => {
  test.each<[string, string, string[]]>([
    ['a full name', 'Kaja Kallas said on Tuesday', ['Kaja Kallas']],
    ['a surname alone', 'Kallas said on Tuesday', ['Kaja Kallas']],
    ['a possessive surname', "Kallas's remarks", ['Kaja Kallas']],
    ['a name without diacritics', 'President Gitanas Nauseda', ['Gitanas Nausėda']],
    ['a transliteration', 'Zelenskyy met Stubb', ['Volodymyr Zelensky', 'Alexander Stubb']],
    ['a lower-case common word', 'an elephant tusk', []],
    ['a name at a sentence start', 'Von der Leyen spoke first.', ['Ursula von der Leyen']],
    ['a full name only person', 'Kristen Michal visited.', ['Kristen Michal']],
    ['people in order of first mention', 'Putin, Lavrov and Putin again', ['Vladimir Putin', 'Sergei Lavrov']],
  ])('GIVEN %s THEN people %j', (_name, text, people) => {
    expect(tagEntities(text, gazetteer).people).toEqual(people);
  });
});

describe('tagEntities on the seed article', () => {
  test('GIVEN the seed article THEN Estonia and Ukraine lead and its people are found', () => {
    const seed = readFileSync(
      new URL('../../data/articles/seed-article-2024-03-14-menafn-kallas.txt', import.meta.url),
      'utf8',
    );
    const { topics, people } = tagEntities(seed, gazetteer);
    expect(topics.slice(0, 2).sort()).toEqual(['estonia', 'ukraine']);
    expect(topics).toEqual(expect.arrayContaining(['russia', 'nato', 'lithuania']));
    expect(people).toEqual(['Kaja Kallas', 'Emmanuel Macron']);
  });
});

describe('tagEntities robustness', () => {
  test('GIVEN any text THEN it returns topics the gazetteer knows, each with a positive count', () => {
    const ids = new Set(gazetteer.topics.map((t) => t.id));
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const { topics, counts } = tagEntities(`${text} Riga ${text}`, gazetteer);
        for (const id of topics) {
          expect(ids.has(id)).toBe(true);
          expect(counts[id]).toBeGreaterThan(0);
        }
      }),
    );
  });

  test('GIVEN another gazetteer THEN its own names are used (no stale cache)', () => {
    const other = parseGazetteer({
      version: 1,
      topics: [{ id: 'mars', name: 'Mars', kind: 'place', aliases: ['Martian'] }],
      people: [],
    });
    expect(tagEntities('A Martian base in Estonia', other).topics).toEqual(['mars']);
  });
});
