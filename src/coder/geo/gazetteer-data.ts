import { gunzipSync } from 'node:zlib';
import gazetteerJson from '../../../data/geo/gazetteer.json' with { type: 'json' };
import { GeoDataError } from './errors.js';

/** One populated place of data/geo/gazetteer.json, decoded. */
export interface GazetteerPlace {
  geonamesId: number;
  name: string;
  /** ASCII spelling when accent folding cannot derive it from `name`, else ''. */
  asciiName: string;
  alternates: string[];
  /** ISO 3166-1 alpha-3. */
  country: string;
  /** GeoNames admin1 code within the country ("13"), or ''. */
  admin1: string;
  lat: number;
  lon: number;
  population: number;
  /** 'C' capital, 'G' other seat of government, 'A' seat of a first-level division, '' other. */
  kind: string;
}

const FORMAT = 'eventwire-gazetteer/2';
const FIELD_COUNT = 10;

/** Name fields of one line, all that the index needs at load time. */
export interface PlaceNames {
  name: string;
  asciiName: string;
  alternates: string[];
}

/**
 * The bundled gazetteer's lines (one `|`-separated line per place; see data/geo/README.md),
 * left encoded: places are decoded only when a lookup returns them, which keeps start-up short.
 * @throws GeoDataError when the file's format tag is wrong.
 */
export function readGazetteerLines(): string[] {
  const data = gazetteerJson as { format?: unknown; placesGzipBase64?: unknown };
  if (data.format !== FORMAT || typeof data.placesGzipBase64 !== 'string') {
    throw new GeoDataError(`gazetteer.json: expected format ${FORMAT} with placesGzipBase64`);
  }
  // Stored compressed to keep the coder's Lambda bundle small; unpacking takes a few milliseconds.
  return gunzipSync(Buffer.from(data.placesGzipBase64, 'base64')).toString('utf8').split('\n');
}

/** The name fields of a gazetteer line, without decoding the rest. */
export function readPlaceNames(line: string): PlaceNames {
  const end = nthIndexOf(line, '|', 4);
  const [, name = '', asciiName = '', alternates = ''] = line.slice(0, end).split('|');
  return { name, asciiName, alternates: alternates ? alternates.split(';') : [] };
}

function nthIndexOf(text: string, char: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = text.indexOf(char, at + 1);
    if (at === -1) return text.length;
  }
  return at;
}

/**
 * Decodes one gazetteer line.
 * @throws GeoDataError when the line does not have the documented fields.
 */
export function decodePlace(line: string, index: number): GazetteerPlace {
  const f = line.split('|');
  if (f.length !== FIELD_COUNT)
    throw new GeoDataError(`gazetteer.json: place ${index} does not have ${FIELD_COUNT} fields`);
  const [
    id = '',
    name = '',
    asciiName = '',
    alternates = '',
    country = '',
    admin1 = '',
    lat = '',
    lon = '',
    population = '',
    kind = '',
  ] = f;
  const place: GazetteerPlace = {
    geonamesId: Number(id),
    name,
    asciiName,
    alternates: alternates ? alternates.split(';') : [],
    country,
    admin1,
    lat: Number(lat),
    lon: Number(lon),
    population: Number(population),
    kind,
  };
  if (
    !Number.isInteger(place.geonamesId) ||
    !Number.isFinite(place.lat) ||
    !Number.isFinite(place.lon) ||
    name === ''
  ) {
    throw new GeoDataError(`gazetteer.json: place ${index} has an invalid id, name or coordinate`);
  }
  return place;
}
