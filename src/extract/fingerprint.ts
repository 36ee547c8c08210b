import { createHash } from 'node:crypto';

/**
 * The fingerprint of clean article text: a SHA-256 of normalised text, for exact duplicates. Near duplicates
 * (syndicated copies with edits) are found by copy detection's paragraph claims (src/copies/), not by a text-wide
 * fingerprint.
 */

/** SHA-256 (hex) of the text after Unicode, case and whitespace normalisation. */
export function contentHash(text: string): string {
  const normal = text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normal, 'utf8').digest('hex');
}
