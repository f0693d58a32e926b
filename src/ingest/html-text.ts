import { parseHTML } from 'linkedom';

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
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return nodeParagraphs(document.body as unknown as DomNode);
}

/** Paragraphs of a DOM subtree (see `htmlToParagraphs`). */
export function nodeParagraphs(root: DomNode): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const p = current.replace(/\s+/g, ' ').trim();
    if (p) paragraphs.push(p);
    current = '';
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11 && node.nodeType !== 9) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    const block = BLOCKS.has(name);
    if (block) flush();
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i] as DomNode);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs;
}

/** A single line of text from HTML (titles): markup dropped, entities decoded, whitespace collapsed. */
export function htmlToLine(html: string): string {
  return htmlToParagraphs(html).join(' ');
}

function plainParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
}
