import stoplistJson from '../../../data/geo/stoplist.json' with { type: 'json' };
import type { CountryInfo } from './countries.js';
import { isAbbreviation, looseKey, placeKey } from './fold.js';
import { decodePlace, type GazetteerPlace, readPlaceNames } from './gazetteer-data.js';

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
  private byLoose: Map<string, number[]> | undefined;
  private readonly decoded: (GazetteerPlace | undefined)[];
  private readonly capitalNames: Map<number, string>;
  private readonly stopwords: Set<string>;

  /** @param lines encoded gazetteer lines (see gazetteer-data.ts); decoded only when looked up. */
  constructor(
    private readonly lines: string[],
    countries: CountryInfo[],
  ) {
    this.stopwords = new Set(stoplistJson.words.map(placeKey));
    this.capitalNames = new Map(
      countries.flatMap((c) => (c.capitalGeonamesId !== null && c.capital ? [[c.capitalGeonamesId, c.capital]] : [])),
    );
    this.decoded = new Array<GazetteerPlace | undefined>(lines.length);
    for (const country of countries) this.addCountry(country);
    lines.forEach((line, index) => {
      this.addPlaceNames(line, index);
    });
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
    const direct = [
      ...this.collect(this.byName.get(key), 'name'),
      ...this.collect(this.byAlternate.get(key), 'alternate'),
    ];
    if (direct.length > 0) return direct;
    return this.collect(this.looseIndex().get(looseKey(name)), 'loose');
  }

  /** Places whose own or alternate name is `name` (no loose matches). */
  directMatches(name: string): PlaceMatch[] {
    return this.lookup(name).filter((m) => m.tier !== 'loose');
  }

  private collect(indexes: number[] | undefined, tier: MatchTier): PlaceMatch[] {
    if (!indexes) return [];
    return indexes.flatMap((i) => {
      const place = this.place(i);
      if (!place) return [];
      const capital = place.kind === 'C' || place.kind === 'G' || this.capitalNames.has(place.geonamesId);
      return [{ place, tier, capital }];
    });
  }

  private place(index: number): GazetteerPlace | undefined {
    const line = this.lines[index];
    if (line === undefined) return undefined;
    const place = this.decoded[index] ?? decodePlace(line, index);
    this.decoded[index] = place;
    return place;
  }

  private addCountry(country: CountryInfo): void {
    for (const name of country.names) {
      if (isAbbreviation(name)) this.countriesByAbbreviation.set(name.replace(/\./g, ''), country);
      else if (!this.countriesByKey.has(placeKey(name))) this.countriesByKey.set(placeKey(name), country);
    }
  }

  private ownNames(line: string): { own: string[]; alternates: string[]; id: number } {
    const { name, asciiName, alternates } = readPlaceNames(line);
    const id = Number(line.slice(0, line.indexOf('|')));
    const own = [name, asciiName, this.capitalNames.get(id) ?? ''].filter((n) => n !== '');
    return { own, alternates, id };
  }

  private addPlaceNames(line: string, index: number): void {
    const { own, alternates } = this.ownNames(line);
    for (const name of own) addUnique(this.byName, placeKey(name), index);
    for (const alt of alternates) addUnique(this.byAlternate, placeKey(alt), index);
  }

  /** Built on the first loose lookup: most texts never need it. */
  private looseIndex(): Map<string, number[]> {
    if (this.byLoose) return this.byLoose;
    const byLoose = new Map<string, number[]>();
    this.lines.forEach((line, index) => {
      const fields = line.split('|');
      const big = Number(fields[8]) >= LOOSE_MIN_POPULATION || this.capitalNames.has(Number(fields[0]));
      if (!big) return;
      const { own, alternates } = this.ownNames(line);
      for (const name of [...own, ...alternates]) addUnique(byLoose, looseKey(name), index);
    });
    this.byLoose = byLoose;
    return byLoose;
  }
}

function addUnique(map: Map<string, number[]>, key: string, index: number): void {
  if (key === '') return;
  const list = map.get(key);
  if (!list) map.set(key, [index]);
  else if (list[list.length - 1] !== index) list.push(index);
}
