import { expect, test } from 'vitest';
import { renderText } from '../../src/console/render-text.ts';

test('GIVEN a reply with links, fields and buttons THEN readable text with URLs and /press lines', () => {
  const text = renderText({
    content: 'Heads up',
    sections: [
      {
        title: 'Sources',
        lines: ['plain', { text: '[1] Title', url: 'https://e.org/a', after: ' — ERR, 2026-11-20' }],
        fields: [{ name: 'Date', value: '2026-11-20' }],
        footer: 'one article',
      },
    ],
    buttons: [
      [
        { kind: 'action', label: 'Next ▶', action: 'search:1::cable' },
        { kind: 'action', label: '◀ Previous', action: 'search:-1::cable', disabled: true },
      ],
    ],
  });
  expect(text).toContain('[1] Title <https://e.org/a> — ERR, 2026-11-20');
  expect(text).toContain('Date: 2026-11-20');
  expect(text).toContain('→ Next ▶: /press search:1::cable');
  expect(text).not.toContain('Previous'); // a disabled button is not offered
});

test('GIVEN a Discord timestamp THEN the console writes the UTC time', () => {
  expect(renderText({ content: 'Next digest <t:1795680000:F>' })).toBe('Next digest 2026-11-26 08:00 UTC');
});
