import type { Actor, CodedArticle, CodedEvent, NamedEntity } from '../core/event-schema.js';
import { dominantCountry, giveCountries, isCountryCode } from './actor-countries.js';
import type { ActorDictionary } from './actor-dictionary.js';
import { sameActor } from './actor-identity.js';
import { type ActorMention, findActorMentions } from './actor-mentions.js';
import { codeForActors } from './actor-senses.js';
import { locateEvents, mainPlace } from './article-location.js';
import { codeInfo } from './cameo.js';
import { ActorMemory } from './coreference.js';
import type { Cues } from './cues.js';
import { matchDateline, resolveDateline } from './dateline.js';
import { collectEntities } from './entities.js';
import { type DateMention, findDateMentions, resolveEventDate } from './event-date.js';
import { type EventFrame, findEventFrames } from './event-frames.js';
import { eventPlaces, findPlaces, ownPlaces, type PlaceMention, pickLocation } from './event-location.js';
import { assignRoles, type EventRoles, isPassive } from './event-roles.js';
import { selectFrames } from './frame-selection.js';
import type { PlaceResolver } from './geo/index.js';
import { type Sentence, type Token, tokenizeText } from './nlp.js';
import { nonEventReason, SentenceSense } from './non-events.js';
import { findQuotations, type SentenceActors } from './quotations.js';
import type { VerbLexicon } from './verb-lexicon.js';

/** Everything the coder loads once and shares across articles. */
export interface CoderDeps {
  dict: ActorDictionary;
  lexicon: VerbLexicon;
  cues: Cues;
  places: PlaceResolver;
  version: string;
}

/** Codes one article: sentences -> actors (with coreference) -> event frames -> events -> places. */
export function codeArticle(text: string, date: string | null, deps: CoderDeps): CodedArticle {
  const dateline = matchDateline(text);
  const resolved = findArticleActors(text, date, deps, dateline?.end ?? 0);
  const countries = articleCountries(resolved);
  const events: CodedEvent[] = [];
  const entities: NamedEntity[] = [];
  const placesBySentence: PlaceMention[][] = [];
  for (const { sentence, mentions } of resolved) {
    const frames = selectFrames(findEventFrames(sentence.tokens, mentions, deps.lexicon, deps.cues), sentence.tokens);
    const places = placesOf(sentence, mentions, deps, countries);
    // The article's place is counted from the places that can be where something in it happened.
    placesBySentence.push(
      frames.length > 0
        ? places.filter((p) => frames.some((f) => eventPlaces([p], f, f.code).length > 0))
        : places.filter((p) => p.clauseVerb === null),
    );
    entities.push(...collectEntities(sentence, mentions, places));
    if (frames.length > 0) events.push(...sentenceEvents(sentence, mentions, frames, places, date, deps));
  }
  const article = {
    dateline: dateline ? resolveDateline(dateline, deps.places, countries) : null,
    main: mainPlace(placesBySentence),
  };
  return { events: locateEvents(events, article), entities, quotations: findQuotations(text, resolved) };
}

/** Every sentence's actors, coreference resolved in reading order; the dateline's words are a place. */
function findArticleActors(text: string, date: string | null, deps: CoderDeps, datelineEnd: number): SentenceActors[] {
  const found = tokenizeText(text)
    .filter((sentence) => sentence.tokens.length > 0)
    .map((sentence) => ({
      sentence,
      mentions: findActorMentions(sentence.tokens, deps.dict, deps.cues, date).map((m) =>
        (sentence.tokens[m.start]?.start ?? 0) < datelineEnd ? { ...m, isPlace: true } : m,
      ),
    }));
  const about = dominantCountry(found.map((f) => f.mentions));
  const memory = new ActorMemory();
  return found.map(({ sentence, mentions }) => ({
    sentence,
    mentions: giveCountries(memory.resolve(mentions, sentence.tokens), sentence.tokens, about),
  }));
}

/** The article's countries, most mentioned first: they decide between places of the same name. */
function articleCountries(resolved: SentenceActors[]): string[] {
  const counts = new Map<string, number>();
  for (const { mentions } of resolved)
    for (const m of mentions) {
      // A capital's dictionary country is a guess until the place is resolved ("Tripoli", Libya or Lebanon).
      const guess = m.inferredCountry || (m.isPlace && m.kind === 'CAPITAL');
      if (!guess && isCountryCode(m.code)) counts.set(m.code, (counts.get(m.code) ?? 0) + 1);
    }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([code]) => code);
}

function placesOf(sentence: Sentence, mentions: ActorMention[], deps: CoderDeps, article: string[]): PlaceMention[] {
  return findPlaces(sentence.tokens, mentions, deps.places, { sentence: actorCountries(mentions), article });
}

function actorCountries(mentions: ActorMention[]): string[] {
  const own = mentions.filter((m) => !m.isPlace && !m.inferredCountry && isCountryCode(m.code));
  return [...new Set(own.map((m) => m.code as string))];
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
  const sense = new SentenceSense(sentence.tokens, mentions, places, deps.cues, date, (t) =>
    deps.lexicon.isEventNoun(t),
  );
  const out: CodedEvent[] = [];
  const seen = new Set<string>();
  for (const frame of frames) {
    const roles = assignRoles(frame, sentence.tokens, mentions, deps.cues);
    if (nonEventReason(frame, roles, sense, isPassive(frame, sentence.tokens)) !== null) continue;
    const info = codeInfo(
      soloExercise(frame.code, roles) ? '150' : codeForActors(frame, roles, sentence.tokens, deps.cues),
    );
    const verb = span(sentence.tokens, frame.start, frame.end);
    const when = eventDate(dates, sentence, verb, frame, date);
    const location = pickLocation(places, frame, countries, info.code);
    const sources = roles.sources.length > 0 ? roles.sources.slice(0, 3) : [null];
    const targets = roles.targets.length > 0 ? roles.targets.slice(0, 3) : [null];
    // A statement is made somewhere, not to a place: only acts take the place where they happen as target.
    const placeTarget =
      roles.targets.length === 0 && !frame.code.startsWith('01') ? placeAsTarget(places, frame, sentence) : null;
    for (const s of sources) {
      const source = toActor(s, sentence);
      const others = targets.map((t) => (t ? toActor(t, sentence) : placeTarget)).filter((t) => !sameActor(source, t));
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
  const place = ownPlaces(places, frame).find((p) => p.start > frame.anchor && p.country);
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
  const [start, end] = m.antecedentSpan ?? [m.start, m.end];
  const s = span(sentence.tokens, start, end);
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
