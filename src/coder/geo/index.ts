/** Countries and places for the event coder: country table, gazetteer lookups. */
export { loadCountries, countryByIso3, type CountryInfo } from './countries.js';
export { loadGazetteer, type PlaceResolver } from './place-resolver.js';
export { placeKey } from './fold.js';
export { GeoError, GeoDataError } from './errors.js';
