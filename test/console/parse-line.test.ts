import { describe, expect, test } from 'vitest';
import { getCommand } from '../../commands/index.ts';
import { parseLine } from '../../src/console/parse-line.ts';

const parse = (line: string) => parseLine(line, (name) => getCommand(name)?.data);

describe('parseLine', () => {
  test.each([
    ['/brief estonia', { name: 'brief', input: { options: { topic: 'estonia' } } }],
    ['/brief topic:latvia days:30', { name: 'brief', input: { options: { topic: 'latvia', days: 30 } } }],
    [
      '/quote speaker:"Kaja Kallas" troops',
      { name: 'quote', input: { options: { speaker: 'Kaja Kallas', query: 'troops' } } },
    ],
    ['/search troops near Narva', { name: 'search', input: { options: { query: 'troops near Narva' } } }],
    ['/BRIEF Suwałki Gap', { name: 'brief', input: { options: { topic: 'Suwałki Gap' } } }],
    ['/brief days:abc estonia', { name: 'brief', input: { options: { topic: 'estonia', days: 'abc' } } }],
  ])('GIVEN %s THEN the options a user meant', (line, expected) => {
    expect(parse(line)).toEqual({ kind: 'command', ...expected });
  });

  test.each([
    ['brief estonia', /start with a slash/],
    ['/nope', /no \/nope command/],
    ['/brief topic:x colour:red', /no option “colour”.*topic, days, source/],
    ['/help extra words', /Not sure what “extra words” is for/],
  ])('GIVEN %s THEN a clear message', (line, message) => {
    const parsed = parse(line);
    expect(parsed.kind).toBe('error');
    expect(parsed.kind === 'error' && parsed.message).toMatch(message);
  });

  test('GIVEN a blank line THEN nothing to answer', () => {
    expect(parse('   ')).toEqual({ kind: 'empty' });
  });

  test('GIVEN /press with an action THEN a button click', () => {
    expect(parse('/press search:1::troops')).toEqual({ kind: 'press', action: 'search:1::troops' });
  });
});
