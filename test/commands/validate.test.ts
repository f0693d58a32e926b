import { describe, expect, test } from 'vitest';
import type { CommandDefinition } from '../../commands/types.ts';
import { validateCommandDefinitions } from '../../commands/validate.ts';

const ok: CommandDefinition = {
  name: 'brief',
  description: 'A briefing',
  options: [
    { type: 3, name: 'topic', description: 'Topic', required: true, autocomplete: true },
    { type: 4, name: 'days', description: 'Days', min_value: 1, max_value: 90 },
  ],
};

describe('validateCommandDefinitions', () => {
  test('GIVEN valid definitions THEN no problems', () => {
    expect(validateCommandDefinitions([ok])).toEqual([]);
  });

  test.each<[string, CommandDefinition, RegExp]>([
    ['an upper-case name', { ...ok, name: 'Brief' }, /lower-case/],
    ['a name with a space', { ...ok, name: 'my brief' }, /name "my brief"/],
    ['a 33-character name', { ...ok, name: 'a'.repeat(33) }, /1–32/],
    ['an empty description', { ...ok, description: '' }, /description must be 1–100/],
    ['a 101-character description', { ...ok, description: 'd'.repeat(101) }, /description must be 1–100/],
    [
      'a required option after an optional one',
      { ...ok, options: [...(ok.options ?? []).slice(1), ...(ok.options ?? []).slice(0, 1)] },
      /required options must come before/,
    ],
    [
      '26 options',
      { ...ok, options: Array.from({ length: 26 }, (_, i) => ({ type: 3 as const, name: `o${i}`, description: 'x' })) },
      /at most 25 options/,
    ],
    [
      '26 choices',
      {
        ...ok,
        options: [
          {
            type: 3,
            name: 'kind',
            description: 'k',
            choices: Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: `c${i}` })),
          },
        ],
      },
      /at most 25 choices/,
    ],
    [
      'choices with autocomplete',
      {
        ...ok,
        options: [{ type: 3, name: 'k', description: 'k', autocomplete: true, choices: [{ name: 'a', value: 'a' }] }],
      },
      /cannot both be set/,
    ],
    [
      'subcommands mixed with options',
      {
        ...ok,
        options: [
          { type: 1, name: 'add', description: 'Add' },
          { type: 3, name: 'x', description: 'x' },
        ],
      },
      /cannot be mixed/,
    ],
  ])('GIVEN %s THEN the problem is named', (_name, def, problem) => {
    const problems = validateCommandDefinitions([def]);
    expect(problems.some((p) => problem.test(p))).toBe(true);
  });

  test('GIVEN the same command twice THEN it is reported', () => {
    expect(validateCommandDefinitions([ok, ok])).toContain('/brief: defined twice');
  });
});
