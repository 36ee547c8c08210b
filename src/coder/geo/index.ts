/** Countries and places for the event coder: country table, gazetteer lookups. */
export { type CountryInfo, countryByIso3, loadCountries } from './countries.js';
export { GeoDataError, GeoError } from './errors.js';
export { placeKey } from './fold.js';
export { countryPlace, loadGazetteer, type PlaceResolver } from './place-resolver.js';
