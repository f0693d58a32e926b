import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DiscordLimits, fitChoices, fitPayload, truncateText } from '../../src/bot/limits.ts';
import { embedCharacters } from '../helpers/embeds.ts';

describe('truncateText', () => {
  test.each([
    ['short text stays', 'Kallas said no', 50, 'Kallas said no'],
    ['cuts at a word boundary with an ellipsis', 'Kallas said troops may go', 12, 'Kallas said…'],
    ['cuts one long word mid-word', 'a'.repeat(30), 10, `${'a'.repeat(9)}…`],
    ['never ends on an escaping backslash', 'abcdefgh \\* more words here', 11, 'abcdefgh…'],
  ])('GIVEN %s', (_name, text, max, expected) => {
    expect(truncateText(text, max)).toBe(expected);
  });

  test('GIVEN any text and limit THEN the result fits and keeps surrogate pairs whole', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 1, max: 200 }), (text, max) => {
        const out = truncateText(text, max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
      }),
    );
  });
});

const arbitraryEmbed = fc.record(
  {
    title: fc.string({ maxLength: 400 }),
    description: fc.string({ maxLength: 5000 }),
    fields: fc.array(fc.record({ name: fc.string({ maxLength: 300 }), value: fc.string({ maxLength: 1500 }) }), {
      maxLength: 30,
    }),
    footer: fc.record({ text: fc.string({ maxLength: 2100 }) }),
  },
  { requiredKeys: [] },
);

describe('fitPayload', () => {
  test('GIVEN any embeds and content THEN every Discord limit holds and no mention is parsed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2500 }), fc.array(arbitraryEmbed, { maxLength: 12 }), (content, embeds) => {
        const out = fitPayload({ content, embeds });
        expect(out.allowedMentions).toEqual({ parse: [] });
        expect(out.content?.length ?? 0).toBeLessThanOrEqual(DiscordLimits.content);
        expect(out.embeds?.length ?? 0).toBeLessThanOrEqual(DiscordLimits.embeds);
        expect(embedCharacters(out.embeds ?? [])).toBeLessThanOrEqual(DiscordLimits.embedsTotal);
        for (const e of out.embeds ?? []) {
          expect(e.title?.length ?? 0).toBeLessThanOrEqual(DiscordLimits.embedTitle);
          expect(e.description?.length ?? 0).toBeLessThanOrEqual(DiscordLimits.embedDescription);
          expect(e.fields?.length ?? 0).toBeLessThanOrEqual(DiscordLimits.embedFields);
          for (const f of e.fields ?? []) {
            expect(f.name.length).toBeGreaterThan(0);
            expect(f.value.length).toBeGreaterThan(0);
            expect(f.value.length).toBeLessThanOrEqual(DiscordLimits.fieldValue);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  test('GIVEN more than 6,000 characters of embeds THEN the first embeds are kept whole and later ones dropped', () => {
    const embed = { title: 'Story', description: 'word '.repeat(500) };
    const out = fitPayload({ embeds: Array.from({ length: 5 }, () => embed) });
    expect(out.embeds?.[0]).toEqual({ title: 'Story', description: 'word '.repeat(500) });
    expect(embedCharacters(out.embeds ?? [])).toBeLessThanOrEqual(6000);
    expect(out.embeds?.length).toBeLessThan(5);
  });

  test.each([
    ['an over-long custom_id is dropped, not cut', { type: 2, style: 2, label: 'x', custom_id: 'a'.repeat(101) }, 0],
    ['a javascript: link is dropped', { type: 2, style: 5, label: 'x', url: 'javascript:alert(1)' }, 0],
    ['a valid button stays', { type: 2, style: 2, label: 'Next', custom_id: 'search:page:2' }, 1],
  ] as const)('GIVEN %s', (_name, button, kept) => {
    const out = fitPayload({ content: 'x', components: [{ type: 1, components: [button] }] });
    expect(out.components?.flatMap((r) => r.components).length).toBe(kept);
  });

  test('GIVEN 7 rows of 7 buttons THEN 5 rows of 5', () => {
    const row = {
      type: 1 as const,
      components: Array.from({ length: 7 }, (_, i) => ({
        type: 2 as const,
        style: 2 as const,
        label: 'b',
        custom_id: `b:${i}`,
      })),
    };
    const out = fitPayload({ content: 'x', components: Array.from({ length: 7 }, () => row) });
    expect(out.components?.length).toBe(5);
    expect(out.components?.every((r) => r.components.length === 5)).toBe(true);
  });

  test('GIVEN an embed link that is not http(s) THEN it is left out', () => {
    expect(fitPayload({ embeds: [{ title: 'x', url: 'file:///etc/passwd' }] }).embeds?.[0]?.url).toBeUndefined();
  });
});

describe('fitChoices', () => {
  test('GIVEN 40 choices, some over-long THEN at most 25, names cut, over-long values dropped', () => {
    const choices = Array.from({ length: 40 }, (_, i) => ({
      name: `topic ${i} ${'x'.repeat(i * 5)}`,
      value: i === 3 ? 'v'.repeat(101) : `v${i}`,
    }));
    const out = fitChoices(choices);
    expect(out.length).toBe(25);
    expect(out.every((c) => c.name.length <= 100)).toBe(true);
    expect(out.some((c) => c.value === 'v'.repeat(101))).toBe(false);
  });
});
