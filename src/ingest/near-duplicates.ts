import { createHash } from 'node:crypto';
import { normaliseBody } from '../corpus/article-id.ts';

/**
 * Near-duplicate detection with MinHash over word shingles, bucketed by LSH bands. Two texts' signatures agree in a
 * share of positions that estimates the Jaccard similarity of their shingle sets; banding finds the pairs likely to
 * be similar by lookup instead of comparing every pair.
 */

/**
 * Signature length: 128 hash functions, as 64 bands of 2 rows: a pair at J = 0.3 shares a band with probability
 * 0.998, at J = 0.1 with 0.47 (those are then dropped by the exact signature comparison).
 */
export const MINHASH_SIZE = 128;
const BAND_ROWS = 2;
export const BANDS = MINHASH_SIZE / BAND_ROWS;
/** Words per shingle: long enough that template phrases shared by unrelated stories weigh little. */
const SHINGLE_WORDS = 3;

/** Per-function seeds: fixed, so signatures stored by one process compare with those of another. */
const SEEDS = (() => {
  const seeds = new Uint32Array(MINHASH_SIZE);
  let x = 0x9e3779b9;
  for (let i = 0; i < MINHASH_SIZE; i++) {
    x = mix32(x + 0x6d2b79f5 + i);
    seeds[i] = x;
  }
  return seeds;
})();

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

/** FNV-1a of a string, 32 bits. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The hashed word shingles of a text (lower-cased, punctuation ignored), deduplicated. */
export function shingleHashes(text: string): Uint32Array {
  const words = normaliseBody(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<number>();
  if (words.length < SHINGLE_WORDS) {
    if (words.length > 0) out.add(fnv1a(words.join(' ')));
  } else {
    for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
      out.add(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' ')));
    }
  }
  return Uint32Array.from(out);
}

/**
 * The MinHash signature of a text: for each of 128 hash functions, the least hash over its shingles.
 * @example similarity(minhash(a), minhash(b)) // ≈ Jaccard(shingles(a), shingles(b))
 */
export function minhash(text: string): Uint32Array {
  const shingles = shingleHashes(text);
  const sig = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s] as number;
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const h = mix32(x ^ (SEEDS[i] as number));
      if (h < (sig[i] as number)) sig[i] = h;
    }
  }
  return sig;
}

/** The share of positions where two signatures agree: an estimate of the Jaccard similarity of the texts. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) if (a[i] === b[i]) same++;
  return same / MINHASH_SIZE;
}

/** The LSH band keys of a signature: two signatures sharing a key agree on all rows of that band. */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = mix32(b + 1);
    for (let r = 0; r < BAND_ROWS; r++) h = mix32(h ^ (sig[b * BAND_ROWS + r] as number));
    // Signed, so SQLite stores it as a small INTEGER.
    keys.push(h | 0);
  }
  return keys;
}

/** sha256 of the normalised body: two articles with the same text, however wrapped or capitalised, hash equal. */
export function bodyHash(body: string): string {
  return createHash('sha256').update(normaliseBody(body)).digest('hex').slice(0, 32);
}
