import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recordJsonSchemas } from '../../../src/storage/json-schemas.js';

describe('published JSON Schemas', () => {
  it('match the zod schemas they are generated from (run scripts/build-json-schema.ts after a change)', () => {
    for (const [file, schema] of Object.entries(recordJsonSchemas())) {
      expect(JSON.parse(readFileSync(`docs/schema/${file}`, 'utf8'))).toEqual(schema);
    }
  });
});
