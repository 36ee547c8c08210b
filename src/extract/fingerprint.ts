import { createHash } from 'node:crypto';

/**
 * Fingerprints of clean article text: a SHA-256 of normalised text for exact duplicates and a
 * 64-bit SimHash over word shingles for near duplicates (wire copies with small edits).
 */

const SHINGLE = 3;

/** Lower-cased Unicode word tokens. */
function words(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

// Two independent 32-bit FNV-1a style hashes make one 64-bit feature hash without BigInt math.
function hash32(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** 64-bit SimHash over 3-word shingles of the text (0n for an empty text). */
export function simhash64(text: string): bigint {
  const tokens = words(text);
  if (tokens.length === 0) return 0n;
  const weights = new Float64Array(64);
  const last = Math.max(1, tokens.length - SHINGLE + 1);
  for (let i = 0; i < last; i++) {
    const shingle = tokens.slice(i, i + SHINGLE).join(' ');
    const lo = hash32(shingle, 0x811c9dc5);
    const hi = hash32(shingle, 0x9747b28c);
    for (let bit = 0; bit < 32; bit++) {
      weights[bit] = (weights[bit] ?? 0) + ((lo >>> bit) & 1 ? 1 : -1);
      weights[bit + 32] = (weights[bit + 32] ?? 0) + ((hi >>> bit) & 1 ? 1 : -1);
    }
  }
  let result = 0n;
  for (let bit = 63; bit >= 0; bit--) result = (result << 1n) | ((weights[bit] ?? 0) > 0 ? 1n : 0n);
  return result;
}

/** Number of differing bits between two 64-bit fingerprints. */
export function hammingDistance(a: bigint, b: bigint): number {
  let x = BigInt.asUintN(64, a ^ b);
  let count = 0;
  while (x !== 0n) {
    x &= x - 1n;
    count += 1;
  }
  return count;
}

/** SHA-256 (hex) of the text after Unicode, case and whitespace normalisation. */
export function contentHash(text: string): string {
  const normal = text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normal, 'utf8').digest('hex');
}
