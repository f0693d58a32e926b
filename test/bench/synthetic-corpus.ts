import type { Article } from '../../src/corpus/article.ts';

/**
 * A deterministic synthetic news corpus for benchmarks: articles of realistic length (350–900 words, 4–9
 * paragraphs) about the region, with attributed quotes, place names, people and dates spread over a year.
 * The text is generated here from templates; it reads like wire copy, not like a real story.
 */

/** Small, fast, seedable PRNG (mulberry32): the same seed gives the same corpus on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = [
  ['Estonia', 'Estonian', 'Tallinn', 'Narva'],
  ['Latvia', 'Latvian', 'Riga', 'Daugavpils'],
  ['Lithuania', 'Lithuanian', 'Vilnius', 'Klaipėda'],
  ['Poland', 'Polish', 'Warsaw', 'Rzeszów'],
  ['Finland', 'Finnish', 'Helsinki', 'Lappeenranta'],
  ['Sweden', 'Swedish', 'Stockholm', 'Gotland'],
  ['Ukraine', 'Ukrainian', 'Kyiv', 'Kharkiv'],
  ['Belarus', 'Belarusian', 'Minsk', 'Grodno'],
  ['Russia', 'Russian', 'Moscow', 'Kaliningrad'],
] as const;

const PEOPLE = [
  ['Kaja Kallas', 'EU foreign policy chief'],
  ['Mark Rutte', 'NATO Secretary General'],
  ['Kristen Michal', 'Estonian Prime Minister'],
  ['Evika Siliņa', 'Latvian Prime Minister'],
  ['Gitanas Nausėda', 'Lithuanian President'],
  ['Donald Tusk', 'Polish Prime Minister'],
  ['Alexander Stubb', 'Finnish President'],
  ['Volodymyr Zelensky', 'Ukrainian President'],
  ['Dmitry Peskov', 'Kremlin spokesman'],
  ['Hanno Pevkur', 'Estonian Defence Minister'],
  ['Andris Sprūds', 'Latvian Defence Minister'],
  ['Laurynas Kasčiūnas', 'Lithuanian Defence Minister'],
] as const;

const OUTLETS = ['ERR News', 'LSM', 'LRT', 'The Baltic Times', 'Reuters', 'Defense News', 'Yle', 'Notes from Poland'];

const SUBJECTS = [
  'the government',
  'the defence ministry',
  'the border guard',
  'military intelligence',
  'the coalition',
  'parliament',
  'the armed forces',
  'the navy',
  'air defence units',
  'cyber security officials',
];
const ACTIONS = [
  'announced new funding for',
  'warned of rising risks to',
  'began an inquiry into',
  'approved a plan to strengthen',
  'reported damage to',
  'called for more spending on',
  'signed a contract for',
  'postponed a decision on',
  'raised concerns about',
  'completed an exercise involving',
];
const OBJECTS = [
  'undersea cables in the Baltic Sea',
  'the eastern border fence',
  'ammunition production',
  'the brigade to be stationed in the country',
  'GPS jamming affecting civilian flights',
  'drone incursions over the border',
  'conscription and reserve training',
  'the shadow fleet of oil tankers',
  'energy links with Nordic neighbours',
  'air defence systems for the capital',
  'sanctions on Russian and Belarusian goods',
  'hybrid attacks on critical infrastructure',
];
const CLAIMS = [
  'the threat will not go away on its own',
  'allies must act together and quickly',
  'every incident will be investigated in full',
  'we are ready to defend every inch of our territory',
  'deterrence only works when it is credible',
  'there is no sign of an immediate military threat',
  'the costs of doing nothing would be far higher',
  'our support for Ukraine will continue',
];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export interface SyntheticOptions {
  count: number;
  seed?: number;
  /** The newest article's date; the rest spread over the year before it. */
  newest?: Date;
}

/** `count` synthetic articles, the same for the same options. */
export function* syntheticArticles(options: SyntheticOptions): Generator<Article> {
  const rnd = prng(options.seed ?? 42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const newest = (options.newest ?? new Date('2026-11-20T12:00:00Z')).getTime();
  for (let i = 0; i < options.count; i++) {
    const [country, demonym, capital, town] = pick(PLACES);
    const [name, role] = pick(PEOPLE);
    const surname = name.split(' ').at(-1) as string;
    const paragraphs: string[] = [];
    const lead = `${demonym} ${pick(SUBJECTS)} ${pick(ACTIONS)} ${pick(OBJECTS)} on ${pick(WEEKDAYS)}, officials in ${capital} said.`;
    paragraphs.push(`${lead} The move follows weeks of debate in ${country} about ${pick(OBJECTS)}.`);
    const paragraphCount = 4 + Math.floor(rnd() * 6);
    for (let p = 1; p < paragraphCount; p++) {
      const sentences: string[] = [];
      const n = 3 + Math.floor(rnd() * 4);
      for (let s = 0; s < n; s++) {
        const r = rnd();
        if (r < 0.15) sentences.push(`“${capitalise(pick(CLAIMS))},” ${role} ${name} said.`);
        else if (r < 0.25) sentences.push(`${surname} added that ${pick(CLAIMS)}.`);
        else if (r < 0.35)
          sentences.push(`Near ${town}, ${pick(SUBJECTS)} ${pick(ACTIONS)} ${pick(OBJECTS)} last year.`);
        else {
          const [other] = pick(PLACES);
          sentences.push(
            `${capitalise(pick(SUBJECTS))} in ${other} ${pick(ACTIONS)} ${pick(OBJECTS)}, according to documents seen by reporters, and ${pick(SUBJECTS)} ${pick(ACTIONS)} ${pick(OBJECTS)}.`,
          );
        }
      }
      paragraphs.push(sentences.join(' '));
    }
    const date = new Date(newest - Math.floor(rnd() * 365 * 86_400_000));
    const body = paragraphs.join('\n\n');
    const source = pick(OUTLETS);
    yield {
      id: `s-${i.toString(36).padStart(8, '0')}`,
      title: `${country}: ${lead.split(' on ')[0]}`.slice(0, 120),
      date: date.toISOString(),
      source,
      url: `https://example.org/${source.toLowerCase().replace(/\W+/g, '-')}/${i}`,
      body,
      paragraphs,
    };
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Queries a user might type into /brief: single words, two-word topics, and typos. */
export const BENCH_TOPICS = [
  'estonia',
  'latvia',
  'lithuania',
  'poland',
  'nato',
  'kaliningrad',
  'ukraine',
  'russia',
  'narva',
  'riga',
  'undersea cables',
  'gps jamming',
  'air defence',
  'shadow fleet',
  'drone incursions',
  'ammunition production',
  'kallas',
  'rutte',
  'estnoia',
  'lithuanai',
  'kalinigrad',
  'ukriane',
  'conscription reserve',
  'border fence',
];
