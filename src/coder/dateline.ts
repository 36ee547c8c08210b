import type { Place } from '../core/event-schema.js';
import type { PlaceResolver } from './geo/index.js';

/** A dateline at the start of an article ("PORT SUDAN (MPA) —", "KYIV, Ukraine —", "Geneva (AP) -"). */
export interface DatelineMatch {
  name: string;
  /** The country written after the place, if any ("KYIV, Ukraine"). */
  country: string | null;
  /** Character offset where the story proper starts (after the dash). */
  end: number;
}

// A place in capitals, or in title case when an agency or a country follows; then an optional
// ", Country", an optional ", Oct 6", an optional "(Agency)", and a dash.
const DATELINE =
  /^\s*(\p{Lu}[\p{Lu}.'’ -]{1,40}?|\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+){0,3})(?:,\s*(\p{Lu}[\p{L}. ]{1,30}?))?(?:,\s*\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2})?\s*(\([^)\n]{1,40}\))?\s*[—–-]{1,2}\s/u;

/**
 * The dateline at the start of an article, or null. A title-case name counts only with an agency or a
 * country after it, so that an ordinary first sentence ("Iran - the country's ...") is not taken for one.
 */
export function matchDateline(text: string): DatelineMatch | null {
  const m = DATELINE.exec(text.slice(0, 200));
  if (!m) return null;
  const name = (m[1] ?? '').trim();
  const capitals = name === name.toUpperCase() && /\p{Lu}{2}/u.test(name);
  if (!capitals && !m[2] && !m[3]) return null;
  return { name, country: m[2]?.trim() ?? null, end: m[0].length };
}

/**
 * The dateline's place: the country written after it, else the article's countries, decide between
 * places of the same name; null when the gazetteer does not know it or it lies outside that country.
 */
export function resolveDateline(
  dateline: DatelineMatch,
  resolver: PlaceResolver,
  articleCountries: string[],
): Place | null {
  const country = dateline.country ? resolver.resolve(dateline.country, { countries: [] }) : null;
  const countryHint = country && country.geonames_id === null ? country.country : null;
  const place = resolver.resolve(dateline.name, { countries: countryHint ? [countryHint] : articleCountries });
  if (!place || (countryHint !== null && place.country !== countryHint)) return null;
  return place;
}
