import stoplistJson from '../../../data/geo/stoplist.json' with { type: 'json' };
import type { CountryInfo } from './countries.js';
import { isAbbreviation, looseKey, placeKey } from './fold.js';
import type { GazetteerPlace } from './gazetteer-data.js';

/** How a name reached a place; alternate and loose matches count for less than the place's own name. */
export type MatchTier = 'name' | 'alternate' | 'loose';

export interface PlaceMatch {
  place: GazetteerPlace;
  tier: MatchTier;
  /** The place is a capital (or seat of government) of its country. */
  capital: boolean;
}

// Transliterations collide more than real names, so loose keys are kept only for places big
// enough to be what a reporter meant.
const LOOSE_MIN_POPULATION = 50_000;

/**
 * Name lookups over countries and gazetteer places, built in one pass over both tables.
 * Country names are looked up before any city ("Georgia", "Jordan" are countries).
 */
export class PlaceIndex {
  private readonly countriesByKey = new Map<string, CountryInfo>();
  private readonly countriesByAbbreviation = new Map<string, CountryInfo>();
  private readonly byName = new Map<string, number[]>();
  private readonly byAlternate = new Map<string, number[]>();
  private readonly byLoose = new Map<string, number[]>();
  private readonly capitalIds: Set<number>;
  private readonly stopwords: Set<string>;

  constructor(private readonly places: GazetteerPlace[], countries: CountryInfo[]) {
    this.stopwords = new Set(stoplistJson.words.map(placeKey));
    this.capitalIds = new Set(countries.flatMap((c) => (c.capitalGeonamesId === null ? [] : [c.capitalGeonamesId])));
    for (const country of countries) this.addCountry(country);
    const capitalNames = new Map(countries.flatMap((c) => (c.capitalGeonamesId !== null && c.capital ? [[c.capitalGeonamesId, c.capital]] : [])));
    places.forEach((place, index) => this.addPlace(place, index, capitalNames.get(place.geonamesId)));
  }

  /** The country named exactly so; abbreviations ("US", "UK") only when written in capitals. */
  country(name: string): CountryInfo | undefined {
    const trimmed = name.trim();
    if (isAbbreviation(trimmed)) return this.countriesByAbbreviation.get(trimmed.replace(/\./g, ''));
    const key = placeKey(trimmed);
    return this.countriesByKey.get(key) ?? this.countriesByKey.get(key.replace(/^the /, ''));
  }

  /** Places whose own or alternate name is `name`; places matched only loosely when none is. */
  lookup(name: string): PlaceMatch[] {
    const key = placeKey(name);
    if (key === '' || this.stopwords.has(key)) return [];
    const direct = [...this.collect(this.byName.get(key), 'name'), ...this.collect(this.byAlternate.get(key), 'alternate')];
    if (direct.length > 0) return direct;
    return this.collect(this.byLoose.get(looseKey(name)), 'loose');
  }

  /** Places whose own or alternate name is `name` (no loose matches). */
  directMatches(name: string): PlaceMatch[] {
    return this.lookup(name).filter((m) => m.tier !== 'loose');
  }

  private collect(indexes: number[] | undefined, tier: MatchTier): PlaceMatch[] {
    if (!indexes) return [];
    return indexes.flatMap((i) => {
      const place = this.places[i];
      if (!place) return [];
      return [{ place, tier, capital: place.kind === 'C' || place.kind === 'G' || this.capitalIds.has(place.geonamesId) }];
    });
  }

  private addCountry(country: CountryInfo): void {
    for (const name of country.names) {
      if (isAbbreviation(name)) this.countriesByAbbreviation.set(name.replace(/\./g, ''), country);
      else if (!this.countriesByKey.has(placeKey(name))) this.countriesByKey.set(placeKey(name), country);
    }
  }

  private addPlace(place: GazetteerPlace, index: number, capitalName: string | undefined): void {
    const own = [place.name, place.asciiName, capitalName ?? ''].filter((n) => n !== '');
    for (const name of own) addUnique(this.byName, placeKey(name), index);
    for (const alt of place.alternates) addUnique(this.byAlternate, placeKey(alt), index);
    if (place.population < LOOSE_MIN_POPULATION && capitalName === undefined) return;
    for (const name of [...own, ...place.alternates]) addUnique(this.byLoose, looseKey(name), index);
  }
}

function addUnique(map: Map<string, number[]>, key: string, index: number): void {
  if (key === '') return;
  const list = map.get(key);
  if (!list) map.set(key, [index]);
  else if (list[list.length - 1] !== index) list.push(index);
}
