import { readFileSync } from 'node:fs';

/** What a topic is: it decides nothing in matching, but replies and autocomplete group by it. */
export type TopicKind = 'country' | 'place' | 'region' | 'organisation' | 'theme';

const TOPIC_KINDS: readonly TopicKind[] = ['country', 'place', 'region', 'organisation', 'theme'];

/** Something a brief can be about: a country, place, organisation or theme, and the words that name it. */
export interface Topic {
  /** Stable lower-case id: "estonia", "suwalki-gap". */
  id: string;
  /** Display name: "Estonia". */
  name: string;
  kind: TopicKind;
  /** Other names and demonyms, matched case-insensitively: "Estonian", "Estonians". */
  aliases: string[];
  /** Names matched only as written (first letter may be capitalised): acronyms ("EU") and words with a common
   * lower-case meaning ("Poles", "Patriot"). */
  exactAliases?: string[];
  /** Places inside the topic, matched like aliases: a mention of "Narva" is a mention of Estonia. */
  places?: string[];
  /** Topics a mention of this one also counts for: the Suwałki Gap is on the Lithuania–Poland border. */
  partOf?: string[];
  /** Topics a group stands for: the Baltic states are Estonia, Latvia and Lithuania. */
  members?: string[];
}

/** An office held for a period. Dates are `YYYY-MM-DD`, both ends inclusive; no `to` while it lasts. */
export interface Role {
  /** Full title: "Prime Minister of Estonia". */
  title: string;
  /** Short form used before a name: "Estonian Prime Minister". */
  short: string;
  from: string;
  to?: string;
}

export interface Person {
  /** Full canonical name, with diacritics: "Evika Siliņa". */
  name: string;
  /** Other spellings, matched alone: surnames ("Kallas") and transliterations ("Zelenskyy"). A surname that is
   * also a common first name or word is left out, so only the full name matches it. */
  aliases: string[];
  roles: Role[];
}

export interface Gazetteer {
  version: number;
  topics: Topic[];
  people: Person[];
}

/** Letters that Unicode decomposition leaves whole but readers and keyboards write without the mark. */
const LETTER_FOLDS: Record<string, string> = {
  ł: 'l',
  Ł: 'L',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ß: 'ss',
  æ: 'ae',
  Æ: 'Ae',
  œ: 'oe',
  Œ: 'Oe',
  ı: 'i',
};
const LETTER_FOLDS_RE = /[łŁøØđĐßæÆœŒı]/g;

/**
 * Removes diacritics, keeping case: "Klaipėda" → "Klaipeda", "Suwałki" → "Suwalki". ASCII passes through untouched.
 */
export function foldDiacritics(text: string): string {
  if (!/[^\u0000-\u007f]/.test(text)) return text;
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(LETTER_FOLDS_RE, (c) => LETTER_FOLDS[c] ?? c);
}

/**
 * The comparison key of a name or a user's input: diacritics folded, lower-case, possessive dropped, hyphens and
 * runs of spaces one space, a leading "the" dropped. "the Ida-Viru’s" → "ida viru".
 */
export function nameKey(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/(\w)['’](?!\w)/g, '$1')
    .replace(/[\s\-‐‑‒–—_]+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

// ---------------------------------------------------------------------------------------------------------------
// Validation

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function isDay(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DAY.test(value)) return false;
  const t = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === value;
}

function fail(where: string, problem: string): never {
  throw new Error(`Gazetteer: ${where} ${problem}`);
}

function stringList(value: unknown, where: string, required: boolean): string[] {
  if (value === undefined && !required) return [];
  if (!Array.isArray(value)) fail(where, 'must be an array of names');
  for (const [i, item] of value.entries()) {
    if (typeof item !== 'string' || item.trim() === '') fail(`${where}[${i}]`, 'must be a non-empty string');
  }
  return value as string[];
}

function validateTopic(value: unknown, where: string): Topic {
  if (!value || typeof value !== 'object') fail(where, 'must be an object');
  const t = value as Record<string, unknown>;
  if (typeof t.id !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(t.id)) {
    fail(`${where}.id`, `must be a lower-case id like "baltic-sea" (got ${JSON.stringify(t.id)})`);
  }
  if (typeof t.name !== 'string' || t.name.trim() === '') fail(`${where}.name`, 'must be a non-empty string');
  if (!TOPIC_KINDS.includes(t.kind as TopicKind)) fail(`${where}.kind`, `must be one of ${TOPIC_KINDS.join(', ')}`);
  const topic: Topic = {
    id: t.id,
    name: t.name,
    kind: t.kind as TopicKind,
    aliases: stringList(t.aliases, `${where}.aliases`, true),
  };
  for (const key of ['exactAliases', 'places', 'partOf', 'members'] as const) {
    if (t[key] !== undefined) topic[key] = stringList(t[key], `${where}.${key}`, false);
  }
  return topic;
}

function validatePerson(value: unknown, where: string): Person {
  if (!value || typeof value !== 'object') fail(where, 'must be an object');
  const p = value as Record<string, unknown>;
  if (typeof p.name !== 'string' || p.name.trim() === '') fail(`${where}.name`, 'must be a non-empty string');
  const aliases = stringList(p.aliases, `${where}.aliases`, false);
  if (!Array.isArray(p.roles)) fail(`${where}.roles`, 'must be an array (may be empty)');
  const roles = p.roles.map((r: unknown, i: number): Role => {
    const at = `${where}.roles[${i}]`;
    if (!r || typeof r !== 'object') fail(at, 'must be an object');
    const role = r as Record<string, unknown>;
    if (typeof role.title !== 'string' || !role.title.trim()) fail(`${at}.title`, 'must be a non-empty string');
    if (typeof role.short !== 'string' || !role.short.trim()) fail(`${at}.short`, 'must be a non-empty string');
    if (!isDay(role.from)) fail(`${at}.from`, `must be a date YYYY-MM-DD (got ${JSON.stringify(role.from)})`);
    const out: Role = { title: role.title, short: role.short, from: role.from };
    if (role.to !== undefined) {
      if (!isDay(role.to)) fail(`${at}.to`, `must be a date YYYY-MM-DD or absent (got ${JSON.stringify(role.to)})`);
      if (role.to < role.from) fail(`${at}.to`, `(${role.to}) is before its "from" (${role.from})`);
      out.to = role.to;
    }
    return out;
  });
  return { name: p.name, aliases, roles };
}

/** Every name of a topic, as matched and resolved: id-like name, aliases, places. */
export function topicNames(topic: Topic): { text: string; exact: boolean; kind: 'name' | 'alias' | 'place' }[] {
  return [
    { text: topic.name, exact: false, kind: 'name' as const },
    ...topic.aliases.map((text) => ({ text, exact: false, kind: 'alias' as const })),
    ...(topic.exactAliases ?? []).map((text) => ({ text, exact: true, kind: 'alias' as const })),
    ...(topic.places ?? []).map((text) => ({ text, exact: false, kind: 'place' as const })),
  ];
}

/**
 * Checks a parsed gazetteer and returns it typed. Throws an Error naming the first problem and where it is
 * ("Gazetteer: topics[3].id must be …"): a broken gazetteer should stop start-up, not mis-tag articles silently.
 */
export function parseGazetteer(data: unknown): Gazetteer {
  if (!data || typeof data !== 'object' || Array.isArray(data)) fail('root', 'must be an object');
  const d = data as Record<string, unknown>;
  if (typeof d.version !== 'number' || !Number.isInteger(d.version)) fail('version', 'must be an integer');
  if (!Array.isArray(d.topics) || d.topics.length === 0) fail('topics', 'must be a non-empty array');
  if (!Array.isArray(d.people)) fail('people', 'must be an array');
  const topics = d.topics.map((t: unknown, i: number) => validateTopic(t, `topics[${i}]`));
  const people = d.people.map((p: unknown, i: number) => validatePerson(p, `people[${i}]`));

  const ids = new Set<string>();
  const owners = new Map<string, string>();
  for (const topic of topics) {
    if (ids.has(topic.id)) fail(`topic "${topic.id}"`, 'is defined twice');
    ids.add(topic.id);
  }
  for (const topic of topics) {
    for (const ref of [...(topic.partOf ?? []), ...(topic.members ?? [])]) {
      if (!ids.has(ref)) fail(`topic "${topic.id}"`, `refers to unknown topic "${ref}"`);
    }
    // One name, one topic: otherwise "/brief <name>" and tagging would have to guess.
    for (const { text, exact } of topicNames(topic)) {
      const key = exact ? `=${foldDiacritics(text)}` : nameKey(text);
      const owner = owners.get(key);
      if (owner === topic.id) fail(`topic "${topic.id}"`, `lists the name "${text}" twice`);
      if (owner !== undefined) fail(`topic "${topic.id}"`, `name "${text}" is already used by topic "${owner}"`);
      owners.set(key, topic.id);
    }
  }
  const personNames = new Map<string, string>();
  for (const person of people) {
    for (const text of [person.name, ...person.aliases]) {
      const key = nameKey(text);
      const owner = personNames.get(key);
      if (owner !== undefined) fail(`person "${person.name}"`, `name "${text}" is already used by "${owner}"`);
      personNames.set(key, person.name);
    }
  }
  return { version: d.version, topics, people };
}

/**
 * Reads and validates the gazetteer JSON file (keys starting with "_" are notes and ignored).
 * @example const gazetteer = loadGazetteer('data/gazetteer.json');
 */
export function loadGazetteer(path: string): Gazetteer {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`Gazetteer: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? err})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`Gazetteer: ${path} is not valid JSON (${(err as Error).message})`);
  }
  return parseGazetteer(data);
}

// ---------------------------------------------------------------------------------------------------------------
// People and roles

/**
 * The role a person held on a date (the one begun last when several overlap), or null.
 * @example activeRole(kallas, '2024-03-14')?.title // 'Prime Minister of Estonia'
 */
export function activeRole(person: Person, isoDate: string): Role | null {
  const day = isoDate.slice(0, 10);
  if (!ISO_DAY.test(day)) return null;
  let best: Role | null = null;
  for (const role of person.roles) {
    if (role.from <= day && (role.to === undefined || day <= role.to) && (!best || role.from > best.from)) best = role;
  }
  return best;
}

/**
 * The short form of the role a person held on a date (`YYYY-MM-DD` or an ISO instant), or null.
 * @example roleOn(kallas, '2025-03-01') // 'EU High Representative'
 */
export function roleOn(person: Person, isoDate: string): string | null {
  return activeRole(person, isoDate)?.short ?? null;
}

interface PersonIndex {
  byKey: Map<string, Person | null>;
  /** Multi-word names and aliases, to find "Estonian Prime Minister Kaja Kallas" by its tail. */
  fullNames: [string, Person][];
}

const personIndexes = new WeakMap<Gazetteer, PersonIndex>();

function personIndex(gazetteer: Gazetteer): PersonIndex {
  let index = personIndexes.get(gazetteer);
  if (index) return index;
  index = { byKey: new Map(), fullNames: [] };
  const add = (key: string, person: Person) => {
    const seen = index?.byKey.get(key);
    // A key two people share (a surname) is ambiguous: remember that rather than guess.
    index?.byKey.set(key, seen === undefined || seen === person ? person : null);
  };
  for (const person of gazetteer.people) {
    for (const name of [person.name, ...person.aliases]) {
      const key = nameKey(name);
      add(key, person);
      if (key.includes(' ')) index.fullNames.push([key, person]);
    }
  }
  // Surnames from full names come second so that an explicit alias of another person is not overridden.
  const explicit = new Set(index.byKey.keys());
  for (const person of gazetteer.people) {
    const surname = nameKey(person.name).split(' ').at(-1);
    if (surname && !explicit.has(surname)) add(surname, person);
  }
  personIndexes.set(gazetteer, index);
  return index;
}

/**
 * The gazetteer person a name refers to: full name, alias or surname, case- and diacritic-insensitive, also at the
 * end of a longer phrase ("Estonian Prime Minister Kaja Kallas"). Null when unknown or ambiguous.
 * @example findPerson(gazetteer, 'silina')?.name // 'Evika Siliņa'
 */
export function findPerson(gazetteer: Gazetteer, nameOrSurname: string): Person | null {
  const index = personIndex(gazetteer);
  const key = nameKey(nameOrSurname);
  if (!key) return null;
  const direct = index.byKey.get(key);
  if (direct !== undefined) return direct;
  let best: [string, Person] | undefined;
  for (const entry of index.fullNames) {
    if (key.endsWith(` ${entry[0]}`) && (!best || entry[0].length > best[0].length)) best = entry;
  }
  return best?.[1] ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Topic resolution and autocomplete

/**
 * Damerau–Levenshtein distance (optimal string alignment: a swap of neighbours costs 1), giving up as soon as it
 * must exceed `max` (then returns max + 1).
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prevPrev[j - 2] ?? 0) + 1);
      row.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length] ?? max + 1;
}

/** Typos tolerated in a query of this many characters: none up to 3 (too many short names are one edit apart),
 * 1 up to 6, 2 from 7. */
function typoBudget(length: number): number {
  return length <= 3 ? 0 : length < 7 ? 1 : 2;
}

interface TopicKey {
  key: string;
  topic: Topic;
  /** 0 = id or name, 1 = alias, 2 = place: preferred in that order when two keys are equally close. */
  rank: number;
  order: number;
  text: string;
}

const topicKeyCache = new WeakMap<Gazetteer, TopicKey[]>();

function topicKeys(gazetteer: Gazetteer): TopicKey[] {
  let keys = topicKeyCache.get(gazetteer);
  if (keys) return keys;
  keys = [];
  for (const [order, topic] of gazetteer.topics.entries()) {
    keys.push({ key: nameKey(topic.id), topic, rank: 0, order, text: topic.name });
    for (const { text, kind } of topicNames(topic)) {
      keys.push({ key: nameKey(text), topic, rank: kind === 'name' ? 0 : kind === 'alias' ? 1 : 2, order, text });
    }
  }
  topicKeyCache.set(gazetteer, keys);
  return keys;
}

/**
 * The topic a user's words name, tolerating case, diacritics and typos (Damerau–Levenshtein ≤ 1 for 4–6
 * characters, ≤ 2 from 7; exact up to 3); failing that, the first topic with a name containing the words whole.
 * Null when nothing is close enough.
 * @example resolveTopic(gazetteer, 'estnoia')?.id // 'estonia'
 */
export function resolveTopic(gazetteer: Gazetteer, input: string): Topic | null {
  const key = nameKey(input);
  if (!key) return null;
  const budget = typoBudget(key.length);
  let best: { d: number; k: TopicKey } | undefined;
  for (const k of topicKeys(gazetteer)) {
    const d = k.key === key ? 0 : editDistance(key, k.key, budget);
    if (d > budget) continue;
    if (
      !best ||
      d < best.d ||
      (d === best.d && (k.rank < best.k.rank || (k.rank === best.k.rank && k.order < best.k.order)))
    ) {
      best = { d, k };
    }
  }
  if (best) return best.k.topic;
  // Nothing close: a whole word of a longer name ("gps" → GPS jamming, "gap" → Suwałki Gap).
  const inner = topicKeys(gazetteer).find((k) => ` ${k.key} `.includes(` ${key} `));
  return inner?.topic ?? null;
}

/** One autocomplete choice: the topic, and the name that matched when it is not the topic's own. */
export interface TopicSuggestion {
  id: string;
  name: string;
  /** What to show: "Estonia", or "Estonia (Tallinn)" when an alias or place matched. */
  label: string;
}

/**
 * Topics for autocomplete, best first, one per topic: names starting with the prefix, then aliases and places
 * starting with it, then names containing a word that starts with it, then near misses. An empty prefix lists all.
 * @example topicSuggestions(gazetteer, 'lat')[0]?.id // 'latvia'
 */
export function topicSuggestions(gazetteer: Gazetteer, prefix: string, limit = 25): TopicSuggestion[] {
  const key = nameKey(prefix);
  const best = new Map<Topic, { tier: number; k: TopicKey }>();
  for (const k of topicKeys(gazetteer)) {
    let tier: number;
    if (!key) tier = 0;
    else if (k.key.startsWith(key)) tier = k.rank === 0 ? 0 : 1;
    else if (k.key.includes(` ${key}`)) tier = 2;
    else if (
      key.length >= 4 &&
      editDistance(key, k.key.slice(0, key.length), typoBudget(key.length)) <= typoBudget(key.length)
    ) {
      tier = 3;
    } else continue;
    const seen = best.get(k.topic);
    if (!seen || tier < seen.tier || (tier === seen.tier && k.rank < seen.k.rank)) best.set(k.topic, { tier, k });
  }
  return [...best.values()]
    .sort((a, b) => a.tier - b.tier || a.k.order - b.k.order)
    .slice(0, limit)
    .map(({ k }) => ({
      id: k.topic.id,
      name: k.topic.name,
      label: k.rank === 0 ? k.topic.name : `${k.topic.name} (${k.text})`,
    }));
}
