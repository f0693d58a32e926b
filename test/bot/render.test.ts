import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { displayText, escapeMarkdown, renderReply } from '../../src/bot/render.ts';

describe('escapeMarkdown', () => {
  test.each([
    ['bold', '**Kallas**', '\\*\\*Kallas\\*\\*'],
    ['underscore and strike', '_a_ ~~b~~', '\\_a\\_ \\~\\~b\\~\\~'],
    ['spoiler and code', '||x|| `y`', '\\|\\|x\\|\\| \\`y\\`'],
    ['masked link brackets', '[click](https://evil.example)', '\\[click\\](https://evil.example)'],
    ['a heading at line start', '# Breaking', '\\# Breaking'],
    ['a block quote at line start', '> said', '\\> said'],
    ['a numbered list', '1. first', '1\\. first'],
    ['a bare URL stays clickable', 'see https://err.ee/a_b_c', 'see https://err.ee/a_b_c'],
    ['plain prose is untouched', 'Kallas said: "No."', 'Kallas said: "No."'],
  ])('GIVEN %s', (_name, input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});

describe('displayText', () => {
  test.each([
    ['@everyone', '@everyone please', '@\u200beveryone please'],
    ['@here', 'hi @here', 'hi @\u200bhere'],
    ['a user mention', '<@123456789012345678>', '<@\u200b123456789012345678>'],
    ['a role mention', '<@&123456789012345678>', '<@&\u200b123456789012345678>'],
  ])('GIVEN %s THEN it cannot ping or render as a mention', (_name, input, expected) => {
    expect(displayText(input)).toBe(expected);
  });
});

describe('renderReply', () => {
  test('GIVEN a brief-like reply THEN embeds with colour, link, fields, footer and time, and buttons', () => {
    const out = renderReply({
      content: 'Estonia, last 7 days',
      sections: [
        {
          title: 'Estonia',
          url: 'https://example.com/a',
          lines: ['Kallas declined to give assurances.'],
          fields: [{ name: 'Kaja Kallas, Prime Minister', value: '"I do not make such promises."', inline: false }],
          footer: 'MENAFN · 14 Mar 2024',
          timestamp: '2024-03-14T00:00:00.000Z',
        },
      ],
      buttons: [
        [
          { kind: 'action', label: 'Next', action: 'search:page:2:troops' },
          { kind: 'link', label: 'Source', url: 'https://example.com/a' },
        ],
      ],
    });
    expect(out.allowedMentions).toEqual({ parse: [] });
    expect(out.flags).toBeUndefined();
    expect(out.embeds?.[0]).toMatchObject({
      title: 'Estonia',
      url: 'https://example.com/a',
      fields: [{ name: 'Kaja Kallas, Prime Minister', value: '"I do not make such promises."' }],
      footer: { text: 'MENAFN · 14 Mar 2024' },
      timestamp: '2024-03-14T00:00:00.000Z',
    });
    expect(typeof out.embeds?.[0]?.color).toBe('number');
    expect(out.components?.[0]?.components).toEqual([
      { type: 2, style: 2, label: 'Next', custom_id: 'search:page:2:troops' },
      { type: 2, style: 5, label: 'Source', url: 'https://example.com/a' },
    ]);
  });

  test('GIVEN a line linking to a source THEN a masked link whose URL cannot break the markdown', () => {
    const out = renderReply({
      sections: [{ lines: [{ text: '[1] Kallas *declines*', url: 'https://example.com/a_(b)', after: ' — ERR' }] }],
    });
    expect(out.embeds?.[0]?.description).toBe('[\\[1\\] Kallas \\*declines\\*](https://example.com/a_%28b%29) — ERR');
  });

  test('GIVEN more lines than fit THEN whole lines are kept and the rest marked with an ellipsis', () => {
    const lines = Array.from({ length: 100 }, (_, i) => ({
      text: `source ${i} ${'x'.repeat(60)}`,
      url: `https://e.com/${i}`,
    }));
    const description = renderReply({ sections: [{ lines }] }).embeds?.[0]?.description ?? '';
    expect(description.length).toBeLessThanOrEqual(4096);
    expect(description.endsWith('\n…')).toBe(true);
    expect(
      description
        .split('\n')
        .slice(0, -1)
        .every((l) => /^\[.*\]\(https:\/\/e\.com\/\d+\)$/.test(l)),
    ).toBe(true);
  });

  test('GIVEN a private reply THEN it is ephemeral', () => {
    expect(renderReply({ private: true, content: 'No coverage.' }).flags).toBe(64);
  });

  test('GIVEN any text in every slot THEN the rendered message never carries a live @everyone', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const t = `${text}@everyone${text}`;
        const out = renderReply({
          content: t,
          sections: [{ title: t, lines: [t], fields: [{ name: t, value: t }], footer: t }],
        });
        expect(JSON.stringify(out)).not.toMatch(/@everyone/);
      }),
    );
  });
});
