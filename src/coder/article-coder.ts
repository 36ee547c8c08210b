import type { Actor, CodedArticle, CodedEvent, NamedEntity } from '../core/event-schema.js';
import type { ActorDictionary } from './actor-dictionary.js';
import { type ActorMention, findActorMentions } from './actor-mentions.js';
import { codeInfo } from './cameo.js';
import { ActorMemory } from './coreference.js';
import type { Cues } from './cues.js';
import { collectEntities } from './entities.js';
import { type DateMention, findDateMentions, resolveEventDate } from './event-date.js';
import { type EventFrame, findEventFrames } from './event-frames.js';
import { findPlaces, type PlaceMention, pickLocation } from './event-location.js';
import { assignRoles, type EventRoles } from './event-roles.js';
import { selectFrames } from './frame-selection.js';
import type { PlaceResolver } from './geo/index.js';
import { type Sentence, type Token, tokenizeText } from './nlp.js';
import { nonEventReason, senseOf } from './non-events.js';
import { findQuotations, type SentenceActors } from './quotations.js';
import { isSameActor } from './self-target.js';
import type { VerbLexicon } from './verb-lexicon.js';

/** Everything the coder loads once and shares across articles. */
export interface CoderDeps {
  dict: ActorDictionary;
  lexicon: VerbLexicon;
  cues: Cues;
  places: PlaceResolver;
  version: string;
}

/** Codes one article: sentences -> actors (with coreference) -> event frames -> events. */
export function codeArticle(text: string, date: string | null, deps: CoderDeps): CodedArticle {
  const memory = new ActorMemory();
  const events: CodedEvent[] = [];
  const entities: NamedEntity[] = [];
  const resolved: SentenceActors[] = [];
  for (const sentence of tokenizeText(text)) {
    if (sentence.tokens.length === 0) continue;
    const before = memory.lastCountry();
    const raw = findActorMentions(sentence.tokens, deps.dict, deps.cues, date);
    const mentions = giveCountries(memory.resolve(raw), sentence.tokens, before);
    resolved.push({ sentence, mentions });
    const frames = selectFrames(findEventFrames(sentence.tokens, mentions, deps.lexicon, deps.cues), sentence.tokens);
    const places = frames.length > 0 ? placesOf(sentence, mentions, deps) : [];
    entities.push(...collectEntities(sentence, mentions, places));
    if (frames.length > 0) events.push(...sentenceEvents(sentence, mentions, frames, places, date, deps));
  }
  return { events, entities, quotations: findQuotations(text, resolved) };
}

function placesOf(sentence: Sentence, mentions: ActorMention[], deps: CoderDeps): PlaceMention[] {
  return findPlaces(sentence.tokens, mentions, deps.places, actorCountries(mentions));
}

function actorCountries(mentions: ActorMention[]): string[] {
  return [...new Set(mentions.filter((m) => !m.isPlace && m.code && m.code.length === 3).map((m) => m.code as string))];
}

/**
 * Bare sector nouns and unknown titled persons ("police", "Judge Ana Ruiz") take the country of a
 * place attached to them ("police in X"), else the nearest country before them in the sentence, else
 * the article's last country, else the first country after them in the sentence.
 */
function giveCountries(mentions: ActorMention[], tokens: Token[], articleCountry: string | null): ActorMention[] {
  let last: string | null = null;
  const countryAfter = (i: number): string | null =>
    mentions.slice(i + 1).find((m) => isCountryCode(m.code))?.code ?? null;
  return mentions.map((m, i) => {
    if (isCountryCode(m.code)) last = m.code;
    if (m.code !== null || m.sector === null || m.kind === 'PRONOUN') return m;
    const next = mentions[i + 1];
    const attached = next?.isPlace && next.start - m.end <= 1 && tokens[m.end]?.lower === 'in' ? next.code : null;
    const code = attached ?? last ?? articleCountry ?? countryAfter(i);
    return code ? { ...m, code } : m;
  });
}

function isCountryCode(code: string | null): boolean {
  return code !== null && code.length === 3 && code !== 'IGO' && code !== 'NGO' && code !== 'MNC';
}

function sentenceEvents(
  sentence: Sentence,
  mentions: ActorMention[],
  frames: EventFrame[],
  places: PlaceMention[],
  date: string | null,
  deps: CoderDeps,
): CodedEvent[] {
  const dates = findDateMentions(sentence.text, date);
  const countries = actorCountries(mentions);
  const context = contextTags(sentence.tokens, deps.cues);
  const sense = senseOf(sentence.tokens, mentions, places, deps.cues, date);
  const out: CodedEvent[] = [];
  const seen = new Set<string>();
  for (const frame of frames) {
    const roles = assignRoles(frame, sentence.tokens, mentions, deps.cues);
    if (nonEventReason(frame, roles, sense) !== null) continue;
    const info = codeInfo(soloExercise(frame.code, roles) ? '150' : frame.code);
    const verb = span(sentence.tokens, frame.start, frame.end);
    const when = eventDate(dates, sentence, verb, frame, date);
    const location = pickLocation(places, frame.head, countries);
    const sources = roles.sources.length > 0 ? roles.sources.slice(0, 3) : [null];
    const targets = roles.targets.length > 0 ? roles.targets.slice(0, 3) : [null];
    // A statement is made somewhere, not to a place: only acts take the place where they happen as target.
    const placeTarget =
      roles.targets.length === 0 && !frame.code.startsWith('01') ? placeAsTarget(places, frame, sentence) : null;
    for (const s of sources) {
      const source = toActor(s, sentence);
      const others = targets
        .map((t) => (t ? toActor(t, sentence) : placeTarget))
        .filter((t) => !isSameActor(source, t));
      for (const target of others.length > 0 ? others : [null]) {
        const key = `${info.code}|${source.code}|${source.text}|${target?.code}|${target?.text}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const confidence = Math.max(0.05, frame.confidence - (s ? 0 : 0.25) - (s?.code ? 0 : 0.1));
        out.push({
          type: info.type,
          code: info.code,
          quad_class: info.quad_class,
          goldstein: info.goldstein,
          mode: frame.mode,
          context,
          source,
          target,
          reciprocal: roles.reciprocal && target !== null,
          date: when,
          location,
          sentence: sentence.text,
          sentence_index: sentence.index,
          offsets: { source: source.span, verb, target: target?.span ?? null },
          confidence: Math.round(confidence * 100) / 100,
          coder_version: deps.version,
        });
      }
    }
  }
  return out;
}

/** Military exercises are cooperation (062) only with a partner; alone they are a show of force (150). */
function soloExercise(code: string, roles: EventRoles): boolean {
  return code === '062' && roles.targets.length === 0 && !roles.reciprocal;
}

/**
 * CAMEO convention: an act with no explicit target ("arrived in Amman", "fired at targets in
 * Jericho") targets the country where it happened. The actor has the place's text and country.
 */
function placeAsTarget(places: PlaceMention[], frame: EventFrame, sentence: Sentence): Actor | null {
  const place = places.find((p) => p.start > frame.anchor && p.country);
  if (!place) return null;
  const s = span(sentence.tokens, place.start, place.end);
  return {
    text: sentence.text.slice(s[0] - sentence.start, s[1] - sentence.start),
    name: place.location?.name ?? place.name,
    code: place.country,
    sector: null,
    entity_id: null,
    span: s,
  };
}

function eventDate(
  dates: DateMention[],
  sentence: Sentence,
  verb: [number, number],
  frame: EventFrame,
  published: string | null,
): string | null {
  // "agreed on Monday to ..." happened on the last Monday; only "will ... on Monday" looks ahead.
  const future = frame.mode === 'future';
  const position = { start: verb[0] - sentence.start, end: verb[1] - sentence.start, sentence: sentence.text };
  return resolveEventDate(dates, position, future, published);
}

function span(tokens: Token[], start: number, end: number): [number, number] {
  return [tokens[start]?.start ?? 0, tokens[Math.max(start, end - 1)]?.end ?? 0];
}

function toActor(m: ActorMention | null, sentence: Sentence): Actor {
  if (!m) return { text: '', name: null, code: null, sector: null, entity_id: null, span: null };
  const s = span(sentence.tokens, m.start, m.end);
  return {
    text: sentence.text.slice(s[0] - sentence.start, s[1] - sentence.start),
    name: m.name,
    code: m.code,
    sector: m.sector,
    entity_id: m.entityId,
    span: s,
  };
}

function contextTags(tokens: Token[], cues: Cues): string[] {
  const tags = new Set<string>();
  for (const t of tokens) {
    const tag = cues.contexts.get(t.lemma) ?? cues.contexts.get(t.lower);
    if (tag) tags.add(tag);
  }
  return [...tags].slice(0, 4);
}
