// Writes docs/schema/*.schema.json from the zod schemas, for consumers in other languages.
import { writeFileSync } from 'node:fs';
import { recordJsonSchemas } from '../src/storage/json-schemas.js';

for (const [file, schema] of Object.entries(recordJsonSchemas())) {
  writeFileSync(`docs/schema/${file}`, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote docs/schema/${file}`);
}
