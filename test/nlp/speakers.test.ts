import { describe, expect, test } from 'vitest';
import {
  collectNameMentions,
  findFullName,
  firstNameGender,
  type NameMention,
  resolveSpeakerPhrase,
} from '../../src/nlp/speakers.ts';

/** Resolves a phrase standing at `marker` in the text (the marker is where the phrase would be written). */
function resolveAt(text: string, marker: string, phrase: string) {
  const at = text.indexOf(marker);
  return resolveSpeakerPhrase(phrase, { mentions: collectNameMentions(text, []), at, previous: null, text });
}

describe('firstNameGender', () => {
  test.each([
    { name: 'Sarah Watson', gender: 'f' },
    { name: 'Marcus Rojo', gender: 'm' },
    { name: 'Kaja Kallas', gender: 'f' },
    { name: 'Zxqv Tamm', gender: undefined },
  ])('GIVEN $name THEN the usual gender of the first name is $gender', ({ name, gender }) => {
    expect(firstNameGender(name)).toBe(gender);
  });
});

describe('findFullName', () => {
  const full = (name: string, start: number): NameMention => ({
    name,
    start,
    end: start + name.length,
    kind: 'person',
    role: null,
  });
  test.each([
    { short: 'Tamm', expected: 'Kristjan Juhan Tamm' },
    { short: 'Kristjan Tamm', expected: 'Kristjan Juhan Tamm' },
    { short: 'Mr Tamm', expected: 'Kristjan Juhan Tamm' },
    { short: 'Peeter Tamm', expected: undefined },
  ])('GIVEN "$short" THEN it is the same person as $expected', ({ short, expected }) => {
    expect(findFullName(short, [full('Kristjan Juhan Tamm', 0)], 100)?.name).toBe(expected);
  });
});

describe('collectNameMentions: who a later pronoun may continue', () => {
  test.each([
    {
      name: 'a possessive is no subject',
      text: "Mr Saar's deputy Liis Tamm resigned on Monday.",
      subjects: ['Liis Tamm'],
    },
    {
      name: 'the object of a preposition is no subject',
      text: 'Andris Ozols said it was wrong for Peteris Kalnins to stay.',
      subjects: ['Andris Ozols'],
    },
    {
      name: 'people in a photo caption are no subjects',
      text: 'Liis Tamm (pictured) is a sailor.',
      subjects: [],
    },
  ])('GIVEN $name THEN the subjects are $subjects', ({ text, subjects }) => {
    const got = collectNameMentions(text, []).filter((m) => m.subject);
    expect(got.map((m) => m.name)).toEqual(subjects);
  });
});

describe('resolveSpeakerPhrase: phrases that name no person directly', () => {
  test.each([
    {
      name: 'judges speak for the court the text names',
      text: 'The case reached the Court of Appeal in May. Later SPEAKER decided the fine was fair.',
      phrase: 'appeal court judges',
      speaker: 'Court of Appeal',
    },
    {
      name: 'one of a group is nobody named',
      text: 'Peter Kask stopped the car. SPEAKER said it was fine.',
      phrase: 'one of the officers',
      speaker: null,
    },
    {
      name: 'a bare plural is nobody named',
      text: 'Peter Kask stopped the car. SPEAKER said it was fine.',
      phrase: 'Motoring groups',
      speaker: null,
    },
    {
      name: 'an incidental role with no name is nobody named',
      text: 'Peter Kask was arrested on Monday. SPEAKER says it is over.',
      phrase: 'The officer',
      speaker: null,
    },
    {
      name: 'a report names its author',
      text: 'Gaps were found. SPEAKER found them.',
      phrase: 'a report by the United Nations',
      speaker: 'United Nations',
    },
    {
      name: 'the report is the one the text said someone wrote',
      text: 'The inquiry, led by Liis Tamm, ended in May. SPEAKER found failures.',
      phrase: 'The report',
      speaker: 'Liis Tamm',
    },
    {
      name: 'the ministry is the one the text named',
      text: 'A denial came from the Latvian interior ministry on Friday. SPEAKER said so.',
      phrase: 'the ministry',
      speaker: 'Latvian interior ministry',
    },
    {
      name: 'an organisation named short goes by its full name',
      text: 'Flora Football Club lost. SPEAKER said so.',
      phrase: 'Flora',
      speaker: 'Flora Football Club',
    },
    {
      name: 'an acronym is spelled out where the text gives it in full',
      text: 'The Latvian State Police arrived at noon. SPEAKER said so.',
      phrase: 'the Latvian SP',
      speaker: 'Latvian State Police',
    },
  ])('GIVEN $name THEN "$phrase" is $speaker', ({ text, phrase, speaker }) => {
    expect(resolveAt(text, 'SPEAKER', phrase).speaker).toBe(speaker);
  });

  test('GIVEN an organisation just reported as speaking THEN "the agency" is that one, not another agency', () => {
    const text = 'The Russian Federal Space Agency lost the craft. It is spinning, NASA said. SPEAKER said more.';
    expect(resolveAt(text, 'SPEAKER', 'the American space agency').speaker).not.toBe('Russian Federal Space Agency');
  });
});
