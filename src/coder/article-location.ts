import type { CodedEvent, EventLocation, Place } from '../core/event-schema.js';
import { isCountryCode } from './actor-countries.js';
import type { PlaceMention } from './event-location.js';
import { countryPlace } from './geo/index.js';

/** Article-wide places for events whose sentence names none. */
export interface ArticlePlaces {
  /** Where the story was filed. */
  dateline: Place | null;
  /** The place the article names most often (a city counts for a little more than a country). */
  main: Place | null;
}

/** The article's most named place; origins ("from Belarus") do not count. */
export function mainPlace(sentences: PlaceMention[][]): Place | null {
  const tally = new Map<string, { place: Place; score: number }>();
  for (const places of sentences)
    for (const p of places) {
      if (!p.location || p.origin) continue;
      const key = p.location.geonames_id === null ? `country:${p.location.country}` : String(p.location.geonames_id);
      const entry = tally.get(key) ?? { place: p.location, score: p.location.geonames_id === null ? 0 : 0.5 };
      entry.score += 1;
      tally.set(key, entry);
    }
  let best: { place: Place; score: number } | null = null;
  for (const entry of tally.values()) if (!best || entry.score > best.score) best = entry;
  return best?.place ?? null;
}

/**
 * Gives every event without a place of its own the best supported one, with its basis: the dateline, when
 * its country is one of the event's actors' (or the actors have none); the article's main place, when its
 * country is the source's (a state acting from home: "Rwanda rejected the accusation" is not where the
 * article's fighting is), else, for a source without a country, one of the actors'; else the country of the
 * source actor, then of the target, at country level. An event with neither keeps none.
 */
export function locateEvents(events: CodedEvent[], article: ArticlePlaces): CodedEvent[] {
  return events.map((e) => (e.location ? e : { ...e, location: fallbackLocation(e, article) }));
}

function fallbackLocation(e: CodedEvent, article: ArticlePlaces): EventLocation | null {
  const involved = [e.source.code, e.target?.code].filter(isCountryCode);
  const acting = isCountryCode(e.source.code) ? [e.source.code] : involved;
  const within = (p: Place | null, countries: string[]): p is Place =>
    p !== null && (countries.length === 0 || (p.country !== null && countries.includes(p.country)));
  if (within(article.dateline, involved)) return { ...article.dateline, basis: 'dateline' };
  if (within(article.main, acting)) return { ...article.main, basis: 'article' };
  for (const code of involved) {
    const place = countryPlace(code);
    if (place) return { ...place, basis: 'actor_country' };
  }
  return null;
}
