import { parseHTML } from 'linkedom';
import { collapseWhitespace } from '../corpus/whitespace.ts';

/** Elements that end a paragraph: their text becomes a paragraph of its own. */
const BLOCKS = new Set([
  'P',
  'DIV',
  'BR',
  'LI',
  'UL',
  'OL',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'TR',
  'TABLE',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'FIGURE',
  'FIGCAPTION',
  'PRE',
  'HR',
  'DL',
  'DT',
  'DD',
]);
/** Elements whose content is never reading text. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'OBJECT', 'BUTTON', 'FORM']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/**
 * Plain-text paragraphs of an HTML fragment (a feed description, an extracted article): tags dropped, entities
 * decoded, block elements and `<br>` ending paragraphs, scripts and styles left out, whitespace collapsed.
 * Text without markup is only split on blank lines.
 * @example htmlToParagraphs('<p>One &amp; two</p><p>Three<br>four</p>') // ['One & two', 'Three', 'four']
 */
export function htmlToParagraphs(html: string): string[] {
  if (!/[<&]/.test(html)) return plainParagraphs(html);
  return simpleMarkupParagraphs(html) ?? domParagraphs(html);
}

/** `htmlToParagraphs` through the full HTML parser, whatever the markup. */
export function domParagraphs(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return nodeParagraphs(document.body as unknown as DomNode);
}

/**
 * Tags a feed description usually holds, whose text the HTML parser keeps in document order: inline formatting
 * and links (no paragraph break), and blocks (a break). Anything else (tables, scripts, raw-text elements such as
 * <title> or <textarea>, comments) goes to the full parser.
 */
const SIMPLE_INLINE = new Set(
  'a abbr b bdi bdo cite code del dfn em i ins kbd mark q s samp small span strong sub sup time u var'.split(' '),
);
const SIMPLE_BLOCKS = new Set(
  'p div br hr li ul ol h1 h2 h3 h4 h5 h6 blockquote section article header footer figure figcaption dl dt dd'.split(
    ' ',
  ),
);
/** A start or end tag with optional attributes (quoted values may hold anything but their quote). */
const TAG_RE = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)(?:\s(?:[^<>"']|"[^"]*"|'[^']*')*)?\/?>/y;
/** A character reference ending in a semicolon: decimal, hex or named. */
const REFERENCE_RE = /&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,7}));/y;
/** The named references of everyday feed text; a name not here goes to the full parser. */
const NAMED_REFERENCES = new Map<string, string>([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', '\u00a0'],
  ['ndash', '\u2013'],
  ['mdash', '\u2014'],
  ['hellip', '\u2026'],
  ['lsquo', '\u2018'],
  ['rsquo', '\u2019'],
  ['ldquo', '\u201c'],
  ['rdquo', '\u201d'],
  ['laquo', '\u00ab'],
  ['raquo', '\u00bb'],
  ['bull', '\u2022'],
  ['middot', '\u00b7'],
  ['euro', '\u20ac'],
  ['pound', '\u00a3'],
  ['deg', '\u00b0'],
  ['copy', '\u00a9'],
]);

/** A numeric reference's text, when it names a plain character (controls and surrogates go to the full parser). */
function plainCodePoint(cp: number): string | undefined {
  const plain =
    cp === 9 ||
    cp === 10 ||
    cp === 13 ||
    (cp >= 0x20 && cp < 0x7f) ||
    (cp >= 0xa0 && cp < 0xd800) ||
    (cp >= 0xe000 && cp <= 0x10ffff);
  return plain ? String.fromCodePoint(cp) : undefined;
}

/** Elements that close an open <p> directly above them when they start (as the HTML parser does). */
const CLOSES_P = new Set(
  'p h1 h2 h3 h4 h5 h6 div ul ol dl blockquote section article header footer figure figcaption hr'.split(' '),
);
/** The other elements a start tag closes when one is open directly above. */
const CLOSES_SAME: Record<string, ReadonlySet<string>> = {
  li: new Set(['li']),
  dd: new Set(['dd', 'dt']),
  dt: new Set(['dd', 'dt']),
};
const VOID = new Set(['br', 'hr']);
const CLOSES_P_ONLY: ReadonlySet<string> = new Set(['p']);

/**
 * `htmlToParagraphs` for the markup most feeds send (paragraphs, line breaks, lists, inline formatting, common
 * character references) by one scan instead of building a DOM, which cost more than parsing the whole feed.
 * Undefined for anything else, so the full parser decides. The scan keeps the parser's stack of open elements
 * (linkedom parses with htmlparser2: a start tag closes an open <p> or <li> above it, an end tag closes everything
 * down to its element, a stray end tag is ignored except </p> and </br>) and breaks paragraphs wherever a block
 * element starts or ends. Tested against the parser on generated fragments (test/ingest/html-text.test.ts).
 */
function simpleMarkupParagraphs(html: string): string[] | undefined {
  const text = new ParagraphText();
  /** Open elements, innermost last. */
  const open: string[] = [];
  const startTag = (name: string) => {
    const closes = CLOSES_P.has(name) ? CLOSES_P_ONLY : CLOSES_SAME[name];
    if (closes) while (open.length > 0 && closes.has(open[open.length - 1] as string)) open.pop();
    if (SIMPLE_BLOCKS.has(name)) text.endParagraph();
    if (!VOID.has(name)) open.push(name);
  };
  const endTag = (name: string) => {
    if (VOID.has(name)) {
      if (name === 'br') text.endParagraph();
      return;
    }
    const at = open.lastIndexOf(name);
    if (at < 0) {
      if (name === 'p') text.endParagraph();
      return;
    }
    // Everything above the element closes with it.
    if (open.slice(at).some((n) => SIMPLE_BLOCKS.has(n))) text.endParagraph();
    open.length = at;
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const amp = html.indexOf('&', i);
    const next = lt < 0 ? amp : amp < 0 ? lt : Math.min(lt, amp);
    if (next < 0) {
      text.add(html.slice(i));
      break;
    }
    text.add(html.slice(i, next));
    if (next === lt) {
      TAG_RE.lastIndex = lt;
      const tag = TAG_RE.exec(html);
      if (!tag) return undefined;
      const name = (tag[2] as string).toLowerCase();
      if (!SIMPLE_BLOCKS.has(name) && !SIMPLE_INLINE.has(name)) return undefined;
      if (tag[1] === '/') endTag(name);
      else startTag(name);
      i = TAG_RE.lastIndex;
    } else {
      REFERENCE_RE.lastIndex = amp;
      const ref = REFERENCE_RE.exec(html);
      if (!ref) return undefined;
      const decoded =
        ref[1] !== undefined
          ? plainCodePoint(Number.parseInt(ref[1], 10))
          : ref[2] !== undefined
            ? plainCodePoint(Number.parseInt(ref[2], 16))
            : NAMED_REFERENCES.get(ref[3] as string);
      if (decoded === undefined) return undefined;
      text.add(decoded);
      i = REFERENCE_RE.lastIndex;
    }
  }
  return text.paragraphs();
}

/** Text read in document order, cut into paragraphs: white space collapsed, empty paragraphs dropped. */
class ParagraphText {
  readonly #paragraphs: string[] = [];
  #current = '';

  add(text: string): void {
    this.#current += text;
  }

  endParagraph(): void {
    const p = collapseWhitespace(this.#current).trim();
    if (p) this.#paragraphs.push(p);
    this.#current = '';
  }

  /** The paragraphs, the one being read included. */
  paragraphs(): string[] {
    this.endParagraph();
    return this.#paragraphs;
  }
}

/** Paragraphs of a DOM subtree (see `htmlToParagraphs`). */
export function nodeParagraphs(root: DomNode): string[] {
  const text = new ParagraphText();
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      text.add(node.textContent ?? '');
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11 && node.nodeType !== 9) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    const block = BLOCKS.has(name);
    if (block) text.endParagraph();
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i] as DomNode);
    if (block) text.endParagraph();
  };
  walk(root);
  return text.paragraphs();
}

/** A single line of text from HTML (titles): markup dropped, entities decoded, whitespace collapsed. */
export function htmlToLine(html: string): string {
  return htmlToParagraphs(html).join(' ');
}

function plainParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => collapseWhitespace(p).trim())
    .filter((p) => p.length > 0);
}
