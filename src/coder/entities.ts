import type { NamedEntity } from '../core/event-schema.js';
import type { ActorMention } from './actor-mentions.js';
import type { PlaceMention } from './event-location.js';
import type { Sentence } from './nlp.js';

/** Named entities of a sentence from its dictionary actors and resolved places. */
export function collectEntities(sentence: Sentence, mentions: ActorMention[], places: PlaceMention[]): NamedEntity[] {
  const out: NamedEntity[] = [];
  const tokens = sentence.tokens;
  const add = (start: number, end: number, kind: NamedEntity['kind'], code: string | null): void => {
    const first = tokens[start];
    const last = tokens[end - 1];
    if (!first || !last) return;
    out.push({
      text: sentence.text.slice(first.start - sentence.start, last.end - sentence.start),
      kind,
      code,
      span: [first.start, last.end],
    });
  };
  const placeStarts = new Set(places.map((p) => p.start));
  for (const m of mentions) {
    if (m.kind === 'PRONOUN' || m.parts.length === 0) continue;
    if (m.isPlace) {
      placeEntity(m, add);
      continue;
    }
    let named = false;
    for (const part of m.parts) {
      const e = part.entry;
      if (e.kind === 'PERSON' || e.kind === 'ORGANIZATION') add(part.start, part.end, e.kind, e.code);
      else if (e.kind === 'COUNTRY' || e.kind === 'CAPITAL') add(part.start, part.end, 'COUNTRY', e.code);
      else continue;
      named = true;
    }
    if (m.kind === 'PERSON' && !named) {
      const last = m.parts[m.parts.length - 1];
      add(last ? last.end : m.start, m.end, 'PERSON', m.code);
    }
  }
  const mentionStarts = new Set(mentions.filter((m) => m.isPlace).map((m) => m.start));
  for (const p of places) {
    if (!placeStarts.has(p.start) || mentionStarts.has(p.start)) continue;
    // The gazetteer resolves country names to the country itself: no admin1, no GeoNames place id.
    const isCountry = p.location !== null && p.location.admin1 === null && p.location.geonames_id === null;
    add(p.start, p.end, isCountry ? 'COUNTRY' : 'PLACE', p.location?.country ?? null);
  }
  return out;
}

type AddEntity = (start: number, end: number, kind: NamedEntity['kind'], code: string | null) => void;

/** A dictionary place used locatively: a country name stays COUNTRY, a capital or city is a PLACE. */
function placeEntity(m: ActorMention, add: AddEntity): void {
  const entry = m.parts[0]?.entry;
  if (!entry || (entry.kind !== 'COUNTRY' && entry.kind !== 'CAPITAL')) return;
  add(m.start, m.end, entry.kind === 'COUNTRY' ? 'COUNTRY' : 'PLACE', entry.code);
}
