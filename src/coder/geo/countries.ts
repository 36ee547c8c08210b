import countriesJson from '../../../data/geo/countries.json' with { type: 'json' };
import { GeoDataError } from './errors.js';

/** One ISO 3166 country (or territory), as listed in data/geo/countries.json. */
export interface CountryInfo {
  /** ISO 3166-1 alpha-3 code ("SYR"); Kosovo uses the user-assigned "XKX". */
  iso3: string;
  /** ISO 3166-1 alpha-2 code ("SY"); Kosovo uses "XK". */
  iso2: string;
  /** Common English short name ("Syria"). */
  name: string;
  /** Every English name and short form seen in news, `name` first ("United States", "U.S.", "America"). */
  names: string[];
  /** Adjectival / demonym forms ("Syrian", "Kazakh", "Kazakhstani"). */
  demonyms: string[];
  /** Capital city in English, or null for uninhabited territories. */
  capital: string | null;
  /** GeoNames id of the capital, when GeoNames lists it. */
  capitalGeonamesId: number | null;
  /** Coordinates of the capital (GeoNames), or an approximate centre when there is no capital. */
  lat: number;
  lon: number;
}

let cached: CountryInfo[] | undefined;
let byIso3: Map<string, CountryInfo> | undefined;

/**
 * Every ISO 3166 country and territory (about 250, plus Kosovo), read once from the bundled
 * data/geo/countries.json and cached.
 * @throws GeoDataError when the bundled file does not have the documented shape.
 */
export function loadCountries(): CountryInfo[] {
  cached ??= validateCountries(countriesJson as unknown);
  return cached;
}

/** The country with this ISO 3166 alpha-3 code (case-insensitive), or undefined. */
export function countryByIso3(iso3: string): CountryInfo | undefined {
  byIso3 ??= new Map(loadCountries().map((c) => [c.iso3, c]));
  return byIso3.get(iso3.toUpperCase());
}

function validateCountries(data: unknown): CountryInfo[] {
  if (!Array.isArray(data)) throw new GeoDataError('countries.json: expected an array');
  return data.map((row: unknown, index) => {
    if (!isCountryInfo(row)) throw new GeoDataError(`countries.json: row ${index} does not have the documented shape`);
    return row;
  });
}

function isCountryInfo(row: unknown): row is CountryInfo {
  if (typeof row !== 'object' || row === null) return false;
  const r = row as Record<string, unknown>;
  return (
    typeof r.iso3 === 'string' &&
    r.iso3.length === 3 &&
    typeof r.iso2 === 'string' &&
    r.iso2.length === 2 &&
    typeof r.name === 'string' &&
    isStringArray(r.names) &&
    isStringArray(r.demonyms) &&
    (r.capital === null || typeof r.capital === 'string') &&
    (r.capitalGeonamesId === null || typeof r.capitalGeonamesId === 'number') &&
    typeof r.lat === 'number' &&
    typeof r.lon === 'number'
  );
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}
