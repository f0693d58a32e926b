import { createHash } from 'node:crypto';
import { normaliseBody } from '../corpus/article-id.ts';

/**
 * Near-duplicate detection with MinHash over word shingles, bucketed by LSH bands. Two texts' signatures agree in a
 * share of positions that estimates the Jaccard similarity of their shingle sets; banding finds the pairs likely to
 * be similar by lookup instead of comparing every pair.
 */

/**
 * Signature length: 64 hash functions, as 32 bands of 2 rows. A pair at J = 0.3 shares a band with probability
 * 0.95, at J = 0.4 with 0.995; unrelated news (J < 0.05) with under 0.08, and those are dropped by the signature
 * comparison. 64 positions estimate J ± 0.06 at J = 0.3: enough, since copies sit far above unrelated stories.
 */
export const MINHASH_SIZE = 64;
const BAND_ROWS = 2;
export const BANDS = MINHASH_SIZE / BAND_ROWS;
/** Words per shingle: long enough that everyday phrases shared by unrelated stories weigh little. */
const SHINGLE_WORDS = 3;
/**
 * Salts the band keys with the signature scheme: band keys stored by an older scheme (other hashes or length) then
 * never meet new ones, and `similarity` refuses signatures of another length.
 */
const SCHEME = 2;

/** A 32-bit avalanche mix (murmur3's finaliser): every input bit flips about half the output bits. */
function mix32(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * Per-function multipliers (odd) and offsets: fixed, so signatures stored by one process compare with those of
 * another. Function i is x ↦ (a_i·x + b_i) mod 2³² over shingle hashes that are already well mixed: one multiply
 * per shingle and function, which is what makes the signature cheap.
 */
const MULTIPLIERS = new Int32Array(MINHASH_SIZE);
const OFFSETS = new Uint32Array(MINHASH_SIZE);
{
  let x = 0x9e3779b9;
  for (let i = 0; i < MINHASH_SIZE; i++) {
    x = mix32(x + 0x6d2b79f5 + i);
    MULTIPLIERS[i] = x | 1;
    x = mix32(x + 0x6d2b79f5 + i);
    OFFSETS[i] = x;
  }
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Per BMP code unit beyond ASCII: 0 not yet known, 1 a letter or digit, 2 not. Filled as texts are read. */
const wordCharCache = new Uint8Array(0x10000);

/** Whether a code point is a letter or a digit (`\p{L}` or `\p{N}`): ASCII by range, the rest asked once. */
function isWordCodePoint(cp: number): boolean {
  if (cp < 128) return (cp >= 48 && cp <= 57) || (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90);
  if (cp > 0xffff) return WORD_CHAR.test(String.fromCodePoint(cp));
  let known = wordCharCache[cp];
  if (known === 0) {
    known = WORD_CHAR.test(String.fromCharCode(cp)) ? 1 : 2;
    wordCharCache[cp] = known;
  }
  return known === 1;
}

/**
 * FNV-1a hashes of the words (runs of letters and digits) of a text, in order. A scan by character code: the
 * regex it replaces built a match object and a string per word, which was most of the signature's cost.
 */
function wordHashes(text: string): number[] {
  const words: number[] = [];
  let h = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) as number;
    const units = cp > 0xffff ? 2 : 1;
    if (isWordCodePoint(cp)) {
      if (!inWord) {
        h = 0x811c9dc5;
        inWord = true;
      }
      // Hash UTF-16 code units, as FNV over the word's string did.
      for (let u = 0; u < units; u++) h = Math.imul(h ^ text.charCodeAt(i + u), 0x01000193);
    } else if (inWord) {
      words.push(h >>> 0);
      inWord = false;
    }
    i += units - 1;
  }
  if (inWord) words.push(h >>> 0);
  return words;
}

/**
 * The MinHash signature of a normalised text (see `normaliseBody`): for each hash function, the least value over
 * the text's 3-word shingles. Each word is hashed once and a shingle's hash is mixed from its words' hashes in
 * order, instead of building and hashing every shingle string. A shingle that recurs changes no minimum, so
 * shingles are not deduplicated first.
 */
function minhashOfNormalised(normalised: string): Uint32Array {
  const sig = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  const words = wordHashes(normalised);
  if (words.length < SHINGLE_WORDS) {
    if (words.length > 0) addShingle(sig, mix32(words.reduce((h, w) => Math.imul(h ^ w, 0x01000193), 0x811c9dc5)));
    return sig;
  }
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    let h = 0x811c9dc5;
    for (let j = 0; j < SHINGLE_WORDS; j++) h = Math.imul(h ^ (words[i + j] as number), 0x01000193) + j;
    addShingle(sig, mix32(h));
  }
  return sig;
}

/** Lowers each of the signature's minima that this shingle's hash under that function undercuts. */
function addShingle(sig: Uint32Array, x: number): void {
  for (let i = 0; i < MINHASH_SIZE; i++) {
    const h = (Math.imul(x, MULTIPLIERS[i] as number) + (OFFSETS[i] as number)) >>> 0;
    if (h < (sig[i] as number)) sig[i] = h;
  }
}

/**
 * The MinHash signature of a text: for each of 64 hash functions, the least hash over its shingles.
 * @example similarity(minhash(a), minhash(b)) // ≈ Jaccard(shingles(a), shingles(b))
 */
export function minhash(text: string): Uint32Array {
  return minhashOfNormalised(normaliseBody(text));
}

/**
 * The share of positions where two signatures agree: an estimate of the Jaccard similarity of the texts. A
 * signature of another length (stored by an older scheme) is not comparable: 0.
 */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== MINHASH_SIZE || b.length !== MINHASH_SIZE) return 0;
  let same = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) if (a[i] === b[i]) same++;
  return same / MINHASH_SIZE;
}

/** The LSH band keys of a signature: two signatures sharing a key agree on all rows of that band. */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = mix32(SCHEME * 0x10000 + b + 1);
    for (let r = 0; r < BAND_ROWS; r++) h = mix32(h ^ (sig[b * BAND_ROWS + r] as number));
    // Signed, so SQLite stores it as a small INTEGER.
    keys.push(h | 0);
  }
  return keys;
}

/** sha256 of the normalised body: two articles with the same text, however wrapped or capitalised, hash equal. */
export function bodyHash(body: string): string {
  return hashNormalised(normaliseBody(body));
}

function hashNormalised(normalised: string): string {
  return createHash('sha256').update(normalised).digest('hex').slice(0, 32);
}

/**
 * Everything duplicate detection needs from a body, normalising it once: its exact hash, its MinHash signature and
 * the signature's band keys.
 * @example const { bodyHash, minhash, bands } = dedupeKeysOf(article.body);
 */
export function dedupeKeysOf(body: string): { bodyHash: string; minhash: Uint32Array; bands: number[] } {
  const normalised = normaliseBody(body);
  const sig = minhashOfNormalised(normalised);
  return { bodyHash: hashNormalised(normalised), minhash: sig, bands: bandKeys(sig) };
}
