import type { Place } from '../../core/event-schema.js';
import { type CountryInfo, countryByIso3, loadCountries } from './countries.js';
import { readGazetteerLines } from './gazetteer-data.js';
import { PlaceIndex, type PlaceMatch } from './place-index.js';

/** Resolves place names found in news text to locations. */
export interface PlaceResolver {
  /**
   * The best place for a name mentioned in text, preferring places in `hints.countries` (ISO3),
   * then capitals, then population; null when unknown. Country names resolve to the country.
   * Case-insensitive on exact names and common alternate names, with ASCII folding
   * ("Sao Paulo" = "São Paulo"); abbreviations ("US", "UK") only match in capitals. Looser
   * transliteration matches ("al-Raqqa" ~ "Ar Raqqah") in several countries count only in one of
   * `hints.countries`.
   */
  resolve(name: string, hints: { countries: string[] }): Place | null;
  /** ISO3 of the country whose capital this name is ("Damascus" -> "SYR"), else null. */
  isCapitalOf(name: string): string | null;
  /** True when the name is a known place (city or country), for NER of places. */
  isPlace(name: string): boolean;
  /**
   * True when places of this exact name lie in more than one country and none dominates: the runner-up
   * in another country has at least a tenth of the best one's weight (population, capital), as for
   * "Hyderabad" or "Valencia", unlike "London" or "Alexandria".
   */
  ambiguous(name: string): boolean;
}

// A capital outranks a bigger namesake only up to this factor ("Tripoli" is Libya's before Lebanon's,
// but "Hamilton" is the Canadian city, not Bermuda's capital).
const CAPITAL_WEIGHT = 20;
// A namesake abroad with a tenth of the best place's weight makes a name ambiguous.
const AMBIGUITY_RATIO = 10;
// An exonym or variant is weaker evidence than a place's own name.
const TIER_WEIGHT = { name: 1, alternate: 0.05, loose: 0.01 } as const;

class GazetteerResolver implements PlaceResolver {
  constructor(private readonly index: PlaceIndex) {}

  resolve(name: string, hints: { countries: string[] }): Place | null {
    const country = this.index.country(name);
    if (country) return countryLocation(country);
    const hinted = new Set(hints.countries.map((c) => c.toUpperCase()));
    const matches = this.index.lookup(name);
    const best = pickBest(matches, hinted);
    if (!best) return null;
    // Transliteration matches in several countries ("Samarra" ~ Samara, Russia, and Samarra, Iraq) are
    // trusted only in a country the text names.
    const spread = new Set(matches.map((m) => m.place.country)).size > 1;
    if (best.tier === 'loose' && spread && !hinted.has(best.place.country)) return null;
    return placeLocation(best);
  }

  isCapitalOf(name: string): string | null {
    const best = pickBest(this.index.directMatches(name), new Set());
    return best?.capital ? best.place.country : null;
  }

  isPlace(name: string): boolean {
    return this.index.country(name) !== undefined || this.index.directMatches(name).length > 0;
  }

  ambiguous(name: string): boolean {
    if (this.index.country(name)) return false;
    const matches = this.index.directMatches(name);
    const best = pickBest(matches, new Set());
    if (!best) return false;
    const rival = matches.filter((m) => m.place.country !== best.place.country).map(score);
    return rival.some((s) => s * AMBIGUITY_RATIO >= score(best));
  }
}

function score(match: PlaceMatch): number {
  // +1 so that places without a census figure still rank by kind.
  return (match.place.population + 1) * (match.capital ? CAPITAL_WEIGHT : 1) * TIER_WEIGHT[match.tier];
}

function pickBest(matches: PlaceMatch[], hinted: Set<string>): PlaceMatch | undefined {
  const inHinted = matches.filter((m) => hinted.has(m.place.country));
  const pool = inHinted.length > 0 ? inHinted : matches;
  let best: PlaceMatch | undefined;
  for (const match of pool) if (!best || score(match) > score(best)) best = match;
  return best;
}

function placeLocation(match: PlaceMatch): Place {
  const { place } = match;
  const iso2 = countryByIso3(place.country)?.iso2;
  return {
    name: place.name,
    country: place.country,
    admin1: place.admin1 && iso2 ? `${iso2}.${place.admin1}` : null,
    lat: place.lat,
    lon: place.lon,
    geonames_id: place.geonamesId,
  };
}

/** A country as a place (its capital's coordinates, no admin1, no GeoNames id), or null for an unknown code. */
export function countryPlace(iso3: string): Place | null {
  const country = countryByIso3(iso3);
  return country ? countryLocation(country) : null;
}

function countryLocation(country: CountryInfo): Place {
  return {
    name: country.name,
    country: country.iso3,
    admin1: null,
    lat: country.lat,
    lon: country.lon,
    geonames_id: null,
  };
}

let cached: PlaceResolver | undefined;

/**
 * The place resolver over the bundled gazetteer (GeoNames places of 35,000+ people, every capital
 * and first-level admin seat) and the country table; built once and cached.
 * @throws GeoDataError when a bundled data file does not have the documented shape.
 */
export function loadGazetteer(): PlaceResolver {
  cached ??= new GazetteerResolver(new PlaceIndex(readGazetteerLines(), loadCountries()));
  return cached;
}
