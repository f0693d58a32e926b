import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import {
  editDistance,
  findPerson,
  type Gazetteer,
  loadGazetteer,
  nameKey,
  parseGazetteer,
  resolveTopic,
  roleOn,
  topicSuggestions,
} from '../../src/nlp/gazetteer.ts';

const GAZETTEER_PATH = fileURLToPath(new URL('../../data/gazetteer.json', import.meta.url));
const gazetteer = loadGazetteer(GAZETTEER_PATH);

const minimal = () => ({
  version: 1,
  topics: [{ id: 'estonia', name: 'Estonia', kind: 'country', aliases: ['Estonian'] }],
  people: [{ name: 'Kaja Kallas', aliases: ['Kallas'], roles: [{ title: 'PM', short: 'PM', from: '2021-01-26' }] }],
});

describe('loadGazetteer', () => {
  test('GIVEN the project gazetteer THEN it loads with the region, organisations, themes and people', () => {
    const ids = gazetteer.topics.map((t) => t.id);
    for (const id of ['estonia', 'latvia', 'lithuania', 'kaliningrad', 'belarus', 'poland', 'finland', 'sweden']) {
      expect(ids).toContain(id);
    }
    for (const id of ['ukraine', 'russia', 'moldova', 'baltic-sea', 'nato', 'eu', 'efp', 'jef', 'osce']) {
      expect(ids).toContain(id);
    }
    expect(gazetteer.people.length).toBeGreaterThan(30);
    for (const person of gazetteer.people) for (const role of person.roles) expect(role.short).not.toBe('');
  });

  const dir = mkdtempSync(join(tmpdir(), 'gazetteer-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each([
    ['a missing file', null, /cannot read/],
    ['bad JSON', '{ "version": 1, ', /not valid JSON/],
  ])('GIVEN %s THEN an error naming the file', (_name, content, message) => {
    const path = join(dir, `g-${Math.random().toString(36).slice(2)}.json`);
    if (content !== null) writeFileSync(path, content);
    expect(() => loadGazetteer(path)).toThrow(message);
    expect(() => loadGazetteer(path)).toThrow(path);
  });
});

describe('parseGazetteer validation', () => {
  type Data = ReturnType<typeof minimal>;
  const topic0 = (g: Data) => g.topics[0] as Record<string, unknown>;
  const role0 = (g: Data) => g.people[0]?.roles[0] as Record<string, unknown>;
  test.each<[string, (g: Data) => unknown, RegExp]>([
    ['no version', (g) => ({ ...g, version: undefined }), /version must be an integer/],
    ['no topics', (g) => ({ ...g, topics: [] }), /topics must be a non-empty array/],
    ['an upper-case id', (g) => Object.assign(topic0(g), { id: 'Estonia' }) && g, /topics\[0\]\.id must be/],
    ['an unknown kind', (g) => Object.assign(topic0(g), { kind: 'planet' }) && g, /topics\[0\]\.kind/],
    ['an empty alias', (g) => Object.assign(topic0(g), { aliases: ['Estonian', ' '] }) && g, /aliases\[1\]/],
    [
      'an alias used by two topics',
      (g) => ({
        ...g,
        topics: [...g.topics, { id: 'latvia', name: 'Latvia', kind: 'country', aliases: ['estonian'] }],
      }),
      /"estonian" is already used by topic "estonia"/,
    ],
    ['a partOf to an unknown topic', (g) => Object.assign(topic0(g), { partOf: ['atlantis'] }) && g, /"atlantis"/],
    ['a bad role date', (g) => Object.assign(role0(g), { from: '2021-13-01' }) && g, /roles\[0\]\.from/],
    ['a role ending before it starts', (g) => Object.assign(role0(g), { to: '2020-01-01' }) && g, /before its "from"/],
    ['a person twice', (g) => ({ ...g, people: [...g.people, ...g.people] }), /already used by "Kaja Kallas"/],
  ])('GIVEN %s THEN a clear error', (_name, mutate, message) => {
    expect(() => parseGazetteer(mutate(minimal()))).toThrow(message);
  });

  test('GIVEN a valid minimal gazetteer THEN it parses', () => {
    expect(parseGazetteer(minimal()).topics[0]?.id).toBe('estonia');
  });
});

describe('roleOn', () => {
  const kallas = findPerson(gazetteer, 'Kaja Kallas');
  test.each([
    ['2024-03-14', 'Estonian Prime Minister'],
    ['2024-03-14T00:00:00.000Z', 'Estonian Prime Minister'],
    ['2021-01-26', 'Estonian Prime Minister'],
    ['2025-03-01', 'EU High Representative'],
    ['2024-09-01', null],
    ['2020-06-01', null],
    ['not a date', null],
  ])('GIVEN Kaja Kallas on %s THEN %s', (date, role) => {
    expect(kallas).not.toBeNull();
    expect(roleOn(kallas as NonNullable<typeof kallas>, date)).toBe(role);
  });

  test.each([
    ['Donald Tusk', '2019-06-01', 'European Council President'],
    ['Donald Tusk', '2024-06-01', 'Polish Prime Minister'],
    ['Mark Rutte', '2024-06-01', 'Dutch Prime Minister'],
    ['Mark Rutte', '2024-11-01', 'NATO Secretary General'],
    ['Jens Stoltenberg', '2024-06-01', 'NATO Secretary General'],
    ['Alexander Stubb', '2024-03-14', 'Finnish President'],
    ['Edgars Rinkēvičs', '2023-01-01', 'Latvian Foreign Minister'],
    ['Kristen Michal', '2025-01-10', 'Estonian Prime Minister'],
  ])('GIVEN %s on %s THEN %s', (name, date, role) => {
    const person = findPerson(gazetteer, name);
    expect(person?.name).toBe(name);
    expect(roleOn(person as NonNullable<typeof person>, date)).toBe(role);
  });
});

describe('findPerson', () => {
  test.each([
    ['Kaja Kallas', 'Kaja Kallas'],
    ['kallas', 'Kaja Kallas'],
    ["Kallas's", 'Kaja Kallas'],
    ['Estonian Prime Minister Kaja Kallas', 'Kaja Kallas'],
    ['Evika Silina', 'Evika Siliņa'],
    ['NAUSEDA', 'Gitanas Nausėda'],
    ['Zelenskyy', 'Volodymyr Zelensky'],
    ['Lukashenka', 'Alexander Lukashenko'],
    ['Michal', 'Kristen Michal'],
    ['von der leyen', 'Ursula von der Leyen'],
    ['Nobody Known', null],
    ['', null],
  ])('GIVEN %j THEN %s', (input, name) => {
    expect(findPerson(gazetteer, input)?.name ?? null).toBe(name);
  });

  test('GIVEN a surname two people share THEN null rather than a guess', () => {
    const g: Gazetteer = parseGazetteer({
      ...minimal(),
      people: [
        { name: 'Anna Berg', aliases: [], roles: [] },
        { name: 'Olav Berg', aliases: [], roles: [] },
      ],
    });
    expect(findPerson(g, 'Berg')).toBeNull();
    expect(findPerson(g, 'Olav Berg')?.name).toBe('Olav Berg');
  });
});

describe('resolveTopic', () => {
  test.each([
    ['Estonia', 'estonia'],
    ['estonia', 'estonia'],
    ['ESTONIA', 'estonia'],
    ['estnoia', 'estonia'],
    ['estonai', 'estonia'],
    ['Estonian', 'estonia'],
    ["Estonia's", 'estonia'],
    ['tallinn', 'estonia'],
    ['tallin', 'estonia'],
    ['ida viru', 'estonia'],
    ['latvian', 'latvia'],
    ['latvai', 'latvia'],
    ['riga', 'latvia'],
    ['lithuana', 'lithuania'],
    ['klaipeda', 'lithuania'],
    ['suwalki', 'suwalki-gap'],
    ['Suwałki Gap', 'suwalki-gap'],
    ['suwalki gap', 'suwalki-gap'],
    ['kaliningrd', 'kaliningrad'],
    ['belarus', 'belarus'],
    ['poalnd', 'poland'],
    ['finnland', 'finland'],
    ['swedn', 'sweden'],
    ['ukriane', 'ukraine'],
    ['kyiv', 'ukraine'],
    ['russai', 'russia'],
    ['moldva', 'moldova'],
    ['the baltic sea', 'baltic-sea'],
    ['baltics', 'baltics'],
    ['nato', 'nato'],
    ['NATO', 'nato'],
    ['eu', 'eu'],
    ['european union', 'eu'],
    ['jef', 'jef'],
    ['osce', 'osce'],
    ['efp', 'efp'],
    ['gps', 'gps-jamming'],
    ['gps jamming', 'gps-jamming'],
    ['sanctoins', 'sanctions'],
    ['undersea cables', 'hybrid-threats'],
    ['balticconnector', 'energy'],
    ['conscription', 'conscription'],
    ['air defense', 'air-defence'],
  ])('GIVEN %j THEN %s', (input, id) => {
    expect(resolveTopic(gazetteer, input)?.id).toBe(id);
  });

  test.each([['us'], ['xyz'], ['banana'], ['football'], [''], ['   ']])('GIVEN %j THEN null', (input) => {
    expect(resolveTopic(gazetteer, input)).toBeNull();
  });
});

describe('topicSuggestions', () => {
  test.each([
    ['lat', 'latvia'],
    ['Est', 'estonia'],
    ['tall', 'estonia'],
    ['gap', 'suwalki-gap'],
    ['estn', 'estonia'],
    ['kal', 'kaliningrad'],
  ])('GIVEN %j THEN %s comes first', (prefix, id) => {
    expect(topicSuggestions(gazetteer, prefix)[0]?.id).toBe(id);
  });

  test('GIVEN an alias match THEN the label shows what matched', () => {
    expect(topicSuggestions(gazetteer, 'tall')[0]?.label).toBe('Estonia (Tallinn)');
  });

  test('GIVEN an empty prefix THEN at most 25 distinct topics (Discord’s limit)', () => {
    const all = topicSuggestions(gazetteer, '');
    expect(all).toHaveLength(25);
    expect(new Set(all.map((s) => s.id)).size).toBe(25);
  });

  test('GIVEN nonsense THEN nothing', () => {
    expect(topicSuggestions(gazetteer, 'qqqq')).toEqual([]);
  });
});

describe('text keys and distance', () => {
  test.each([
    ['Klaipėda', 'klaipeda'],
    ['Suwałki', 'suwalki'],
    ['the Ida-Viru’s', 'ida viru'],
    ["Kallas'", 'kallas'],
    ['  Baltic   Sea ', 'baltic sea'],
  ])('GIVEN %j THEN key %j', (input, key) => {
    expect(nameKey(input)).toBe(key);
  });

  test.each([
    ['estonia', 'estnoia', 1],
    ['latvia', 'latvia', 0],
    ['kitten', 'sitting', 3],
    ['ab', 'ba', 1],
  ])('GIVEN %s and %s THEN distance %i', (a, b, d) => {
    expect(editDistance(a, b, 5)).toBe(d);
  });
});
