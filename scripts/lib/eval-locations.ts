/**
 * Event-location measurements for scripts/eval-coder.ts:
 * - the demo site's English articles (demo-site/, loaded by src/demo-site, coded as the pipeline codes them:
 *   a paywalled page gives only its first paragraph): share of events with a location, and the share of each
 *   basis;
 * - hand-written articles with known places (scripts/eval-data/location-articles.json): of the events of the
 *   sentences with an expectation, how many have a location, how many of those lie in the right country (per
 *   basis), how many city-level ones name the right place, and whether a capital used as an actor stayed out
 *   of the sentence's places;
 * - the PLOVER gold's `event_loc` (48 events): of the gold events with a place whose type the coder finds in
 *   the sentence, how many of those events have a location in the gold place's country.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countryByIso3, loadCountries, loadGazetteer, placeKey } from '../../src/coder/geo/index.js';
import type { EventCoder } from '../../src/coder/index.js';
import { LOCATION_BASES, type LocationBasis } from '../../src/core/event-schema.js';
import { loadSiteContent } from '../../src/demo-site/index.js';

/** Share of demo events with a location and the share of each basis among all events. */
export async function demoLocations(coder: EventCoder) {
  const content = await loadSiteContent();
  let events = 0;
  let located = 0;
  const bases = Object.fromEntries(LOCATION_BASES.map((b) => [b, 0])) as Record<LocationBasis, number>;
  for (const outlet of content.outlets)
    for (const article of content.articles.get(outlet.id) ?? []) {
      if ((article.language ?? outlet.language) !== 'en' || article.syndicatedFrom) continue;
      const text = (article.paywall ? article.paragraphs.slice(0, 1) : article.paragraphs).join('\n\n');
      for (const e of coder.code({ text, date: article.published.slice(0, 10) }).events) {
        events += 1;
        if (!e.location) continue;
        located += 1;
        bases[e.location.basis] += 1;
      }
    }
  const share = (n: number): number => n / Math.max(1, events);
  return { events, share: share(located), bases: Object.fromEntries(LOCATION_BASES.map((b) => [b, share(bases[b])])) };
}

interface Expectation {
  sentence: number;
  country: string;
  place?: string;
  noSentencePlace?: boolean;
}
interface LocationArticle {
  id: string;
  date: string;
  text: string;
  expect: Expectation[];
}

/** Hand-written articles with known places: coverage and precision of event locations. */
export function locationChecks(coder: EventCoder, root: string) {
  const file = join(root, 'scripts', 'eval-data', 'location-articles.json');
  const { articles } = JSON.parse(readFileSync(file, 'utf8')) as { articles: LocationArticle[] };
  let events = 0;
  let located = 0;
  let right = 0;
  let places = 0;
  let rightPlaces = 0;
  let metonymsAsPlaces = 0;
  const byBasis = new Map<LocationBasis, { n: number; right: number }>();
  for (const article of articles)
    for (const e of coder.code({ text: article.text, date: article.date }).events) {
      const expected = article.expect.find((x) => x.sentence === e.sentence_index);
      if (!expected) continue;
      events += 1;
      if (!e.location) continue;
      located += 1;
      const ok = e.location.country === expected.country;
      if (ok) right += 1;
      const tally = byBasis.get(e.location.basis) ?? { n: 0, right: 0 };
      byBasis.set(e.location.basis, { n: tally.n + 1, right: tally.right + (ok ? 1 : 0) });
      if (expected.noSentencePlace && e.location.basis === 'sentence') metonymsAsPlaces += 1;
      if (expected.place && e.location.geonames_id !== null) {
        places += 1;
        if (samePlace(e.location.name, expected.place)) rightPlaces += 1;
      }
    }
  return {
    articles: articles.length,
    events,
    coverage: located / Math.max(1, events),
    precision: right / Math.max(1, located),
    placePrecision: rightPlaces / Math.max(1, places),
    places,
    metonymsAsPlaces,
    byBasis: [...byBasis].map(([basis, t]) => ({ basis, n: t.n, precision: t.right / Math.max(1, t.n) })),
  };
}

function samePlace(found: string, expected: string): boolean {
  const resolved = loadGazetteer().resolve(expected, { countries: [] });
  return placeKey(found) === placeKey(expected) || (resolved !== null && placeKey(resolved.name) === placeKey(found));
}

interface GoldPlaceEvent {
  type: string;
  event_loc?: { name?: string; 'country code'?: string } | null;
}

/** PLOVER gold events with an `event_loc`: coverage and country precision of the coded events of that type. */
export function goldLocations(coder: EventCoder, gold: Array<{ text: string; events: GoldPlaceEvent[] }>) {
  const byIso2 = new Map(loadCountries().map((c) => [c.iso2, c.iso3]));
  let n = 0;
  let found = 0;
  let located = 0;
  let right = 0;
  for (const sentence of gold) {
    const withPlace = sentence.events.filter((e) => e.event_loc?.name);
    if (withPlace.length === 0) continue;
    const events = coder.code({ text: sentence.text, date: null }).events;
    for (const g of withPlace) {
      const country = goldCountry(g.event_loc ?? {}, byIso2);
      // A gold place with no country code that the gazetteer cannot place ("Europe Bridge") cannot be checked.
      if (!country) continue;
      n += 1;
      const same = events.filter((e) => e.type === g.type);
      if (same.length === 0) continue;
      found += 1;
      const placed = same.filter((e) => e.location);
      if (placed.length === 0) continue;
      located += 1;
      if (placed.some((e) => e.location?.country === country)) right += 1;
    }
  }
  return { n, found, coverage: located / Math.max(1, found), precision: right / Math.max(1, located) };
}

function goldCountry(loc: { name?: string; 'country code'?: string }, byIso2: Map<string, string>): string | null {
  const iso2 = loc['country code'];
  if (iso2 && byIso2.has(iso2)) return byIso2.get(iso2) ?? null;
  const resolved = loc.name ? loadGazetteer().resolve(loc.name, { countries: [] }) : null;
  return resolved?.country && countryByIso3(resolved.country) ? resolved.country : null;
}
