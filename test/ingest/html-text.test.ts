import fc from 'fast-check';
import { expect, test } from 'vitest';
import { domParagraphs, htmlToLine, htmlToParagraphs } from '../../src/ingest/html-text.ts';

test.each([
  ['paragraphs and entities', '<p>One &amp; two</p><p>Three<br>four</p>', ['One & two', 'Three', 'four']],
  [
    'inline markup joins',
    '<p>The <b>NATO</b> <a href="https://x.test/?a=1&amp;b=2">summit</a> ended.</p>',
    ['The NATO summit ended.'],
  ],
  ['numeric references', '<p>&#8220;Ready&#x201D;, he said&#46;</p>', ['“Ready”, he said.']],
  ['lists', '<ul><li>Tallinn</li><li>Riga</li></ul>', ['Tallinn', 'Riga']],
  ['scripts are no text', '<p>Kept</p><script>var x = "<p>dropped</p>";</script>', ['Kept']],
  ['tables', '<table><tr><td>a</td><td>b</td></tr></table>after', ['ab', 'after']],
  [
    'an unknown named reference',
    '<p>&notit; and &unknownentity;</p>',
    domParagraphs('<p>&notit; and &unknownentity;</p>'),
  ],
  ['a bare ampersand', 'Rock & roll <i>live</i>', ['Rock & roll live']],
  ['plain text splits on blank lines', 'First line\nsame paragraph\n\nSecond', ['First line same paragraph', 'Second']],
])('GIVEN %s THEN the paragraphs read as a reader sees them', (_name, html, expected) => {
  expect(htmlToParagraphs(html)).toEqual(expected);
});

test('GIVEN a title with markup THEN it reads as one line', () => {
  expect(htmlToLine('<b>Estonia</b> &amp; Latvia<br>agree')).toBe('Estonia & Latvia agree');
});

/** Fragments built from tags and references feeds use, and from pieces that must send the scan to the parser. */
const piece = fc.oneof(
  fc.constantFrom(
    '<p>',
    '</p>',
    '<br>',
    '<br/>',
    '</br>',
    '<div class="x">',
    '</div>',
    '<b>',
    '</b>',
    '<em>',
    '</em>',
    '<a href="https://e.test/a?b=1&amp;c=2" title=\'x > y\'>',
    '</a>',
    '<ul>',
    '<li>',
    '</li>',
    '</ul>',
    '<h2>',
    '</h2>',
    '<span data-x=1>',
    '</span>',
    '<hr>',
    '<blockquote>',
    '</blockquote>',
    '<table>',
    '<td>',
    '<script>',
    '</script>',
    '<!-- note -->',
    '<title>',
    '</title>',
    '<img src="x.png">',
    '&amp;',
    '&lt;',
    '&gt;',
    '&quot;',
    '&nbsp;',
    '&mdash;',
    '&rsquo;',
    '&#8217;',
    '&#x41;',
    '&#0;',
    '&#150;',
    '&amp',
    '&copy',
    '&valueOf;',
    '&',
    '<',
    '>',
    ' ',
    '\n\n',
    '\t',
  ),
  fc.stringMatching(/^[A-Za-z0-9 .,“”'"-]{1,12}$/),
);

test('GIVEN generated markup THEN the quick scan reads exactly what the HTML parser reads', () => {
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
      const html = pieces.join('');
      if (!/[<&]/.test(html)) return;
      expect(htmlToParagraphs(html)).toEqual(domParagraphs(html));
    }),
    { numRuns: 3000 },
  );
});
