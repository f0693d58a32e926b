/**
 * `text.replace(/\s+/g, ' ')` by one scan of character codes: every run of white space (as `\s` defines it) becomes
 * one space, and a text with nothing to change is returned as it is. Ingestion collapses every paragraph and body
 * this way; the regex was a noticeable share of parsing and of duplicate detection.
 * @example collapseWhitespace('a \n\n b\tc') // 'a b c'
 */
export function collapseWhitespace(text: string): string {
  let out = '';
  // Start of the text not yet copied to `out`.
  let from = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (!isWhiteSpace(c)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < text.length && isWhiteSpace(text.charCodeAt(end))) end++;
    // A single plain space is already what the run becomes.
    if (c !== 32 || end !== i + 1) {
      out += `${text.slice(from, i)} `;
      from = end;
    }
    i = end;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** `\s`: ECMAScript white space and line terminators (tab to carriage return, the Zs spaces, U+2028/9, U+FEFF). */
export function isWhiteSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
