import { describe, expect, it } from 'vitest';
import { contentHash } from '../../../src/extract/index.js';

describe('contentHash', () => {
  it('is the same for texts that differ only in case and whitespace', () => {
    expect(contentHash('Council  closes\nthe pier')).toBe(contentHash('council closes the PIER'));
  });

  it('differs when a word changes and is 64 hex characters', () => {
    expect(contentHash('council closes the pier')).not.toBe(contentHash('council opens the pier'));
    expect(contentHash('x')).toMatch(/^[0-9a-f]{64}$/);
  });
});
