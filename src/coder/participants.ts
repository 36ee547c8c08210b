import type { ActorMention } from './actor-mentions.js';
import type { Cues } from './cues.js';
import type { EventFrame } from './event-frames.js';
import type { Token } from './nlp.js';

/**
 * Sectors that make whoever holds them a political actor wherever they act: the state and its forces, armed
 * groups, opposition, the courts and legislatures, international bodies, and the press and clergy as public
 * actors. Business, labour, students, criminals and ordinary civilians are actors too, but an act among them
 * alone is a private matter (a fraud, a brawl, a strike at a firm is protest and coded as such).
 */
const POLITICAL_SECTORS = new Set(['GOV', 'MIL', 'COP', 'REB', 'OPP', 'LEG', 'JUD', 'ELI', 'IGO', 'NGO', 'MED', 'REL']);
const INTERNATIONAL = new Set(['IGO', 'NGO', 'IMG']);

/**
 * A political actor: a state (its name, capital or government), a holder of a political sector, a named
 * person or organisation from the dictionaries (not a company), or a crowd acting in public ("protesters",
 * "settlers"). In sport a country or city is a team.
 */
export function isPolitical(m: ActorMention, tokens: Token[], cues: Cues, sport: boolean): boolean {
  if (m.isPlace) return false;
  if (sport && (m.kind === 'COUNTRY' || m.kind === 'CAPITAL')) return false;
  // "league leaders", "club officials": a sector noun after a sport word names people of the sport.
  const before = tokens[m.start - 1];
  if (sport && before && (cues.domains.startsWith(before) || cues.domainHints.startsWith(before))) return false;
  if (m.sector !== null && POLITICAL_SECTORS.has(m.sector)) return true;
  if (m.code !== null && INTERNATIONAL.has(m.code)) return true;
  if (m.sector === 'CVL') return cues.politicalCrowds.has(tokens[m.end - 1]?.lower ?? '');
  if (m.sector !== null) return false;
  if (m.kind === 'COUNTRY' || m.kind === 'CAPITAL') return m.code !== null;
  return (m.kind === 'PERSON' || m.kind === 'ORGANIZATION') && m.entityId !== null;
}

/** What stands in the subject of an active predicate, as far as agency goes. */
export type SubjectKind =
  /** An actor of the dictionaries, a place used as one, a pronoun or an unknown name. */
  | 'actor'
  /** A body or collective that may act though no dictionary names it ("the coalition"), a weapon, an event. */
  | 'agent'
  /** An ordinary person ("a man", "a gunman", "two robbers"). */
  | 'person'
  /** A thing the cue lists know, which cannot act politically: a disease, the weather, an animal, a product. */
  | 'thing';

const CHAIN_POS = new Set(['AUX', 'ADV', 'PART']);
const HEAD_POS = new Set(['NOUN', 'PROPN', 'PRON']);
const PHRASE_POS = new Set(['NOUN', 'PROPN', 'PRON', 'ADJ', 'DET', 'NUM', 'PART']);
const PHRASE_LINKS = new Set(['of', 'from', 'in', 'on', 'at', 'and', ',', "'", '’', '-']);
/** Where a subject phrase may begin: the sentence start or a clause edge. */
const CLAUSE_EDGES = new Set([',', ';', ':', '"', '“', '”', '—', '–', 'that', 'and', 'but', 'while', 'as']);
/** Verbs that take a clause whose subject follows them ("found malaria killed ...", "warned the storm will ..."). */
const CLAUSE_VERBS = new Set(['find', 'show', 'suggest', 'fear', 'know', 'mean', 'hope', 'expect', 'estimate']);
/** Words of a time adjunct between a subject and its verb ("The union on Tuesday called ..."). */
const TIME_WORDS = new Set([
  'today',
  'yesterday',
  'tonight',
  'week',
  'weekend',
  'month',
  'year',
  'morning',
  'afternoon',
  'evening',
  'night',
  'last',
  'this',
  'next',
  'early',
  'late',
  'earlier',
  'on',
  'in',
]);
/** Month and weekday names: capitalised, but no names of actors. */
export const CALENDAR =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\.?$/i;

/** What a sentence offers the subject check, computed once per sentence. */
export interface SubjectContext {
  tokens: Token[];
  mentions: ActorMention[];
  places: Array<{ start: number; end: number }>;
  cues: Cues;
  /** A noun that names an event of the lexicon ("the attack", "the talks"). */
  isEventNoun: (token: Token) => boolean;
}

/**
 * The kind of the one who does an act: the subject of an active verbal act, read from the noun phrase right before
 * its verb chain ("Malaria killed ...", "The museum will return ..."), or the agent after "by" of a passive ("was
 * tortured by prison guards"). Every word of the phrase counts, so "Supporters of the president" and "a group of
 * gunmen" are actors. Null when the act is nominal or no such phrase can be read with confidence (a coordinated
 * verb, a participle after an object, a passive without agent).
 */
export function subjectKind(frame: EventFrame, passive: boolean, ctx: SubjectContext): SubjectKind | null {
  if (frame.nominal) return null;
  const phrase = passive ? agentPhrase(frame, ctx.tokens) : subjectPhrase(frame, ctx);
  if (!phrase) return null;
  // "The Chinese probe returned ...": a demonym or name modifying a thing is the thing's origin, not an actor.
  if (tokenKind(phrase.end - 1, ctx) === 'thing' && ctx.tokens[phrase.end - 2]?.pos !== 'NOUN') {
    const modifiers = ctx.mentions.filter((m) => m.start >= phrase.start && m.end === phrase.end - 1);
    // "Indian Air Force planes", "army bulldozers": a force's own machines are the force acting.
    const bare = (m: ActorMention) => (m.kind === 'GROUP' || m.kind === 'COUNTRY') && !FORCES.has(m.sector ?? '');
    if (modifiers.length > 0 && modifiers.every(bare)) return 'thing';
  }
  let kind: SubjectKind | null = null;
  for (let i = phrase.start; i < phrase.end; i += 1) {
    const found = tokenKind(i, ctx);
    if (found === 'actor') return 'actor';
    if (found !== null && (kind === null || RANK[found] > RANK[kind])) kind = found;
  }
  return kind;
}

const FORCES = new Set(['MIL', 'COP', 'REB', 'GOV']);

const RANK: Record<SubjectKind, number> = { thing: 0, person: 1, agent: 2, actor: 3 };

/** The noun phrase before the verb chain, when it starts a clause. */
function subjectPhrase(frame: EventFrame, ctx: SubjectContext): { start: number; end: number } | null {
  const { tokens } = ctx;
  let j = frame.head - 1;
  while (j >= 0 && CHAIN_POS.has(tokens[j]?.pos ?? '') && tokens[j]?.lower !== 'to') j -= 1;
  j = skipAdjuncts(tokens, j);
  if (j < 0 || !HEAD_POS.has(tokens[j]?.pos ?? '')) return null;
  let start = j;
  while (start > 0) {
    const prev = tokens[start - 1] as Token;
    if (!PHRASE_POS.has(prev.pos) && !PHRASE_LINKS.has(prev.lower)) break;
    // A comma or "and" joins nouns ("Russia, China and Iran"); before anything else it ends the clause.
    if ((prev.lower === ',' || prev.lower === 'and') && !HEAD_POS.has(tokens[start - 2]?.pos ?? '')) break;
    start -= 1;
  }
  const before = tokens[start - 1];
  const opens =
    before === undefined ||
    CLAUSE_EDGES.has(before.lower) ||
    before.pos === 'SCONJ' ||
    (before.pos === 'VERB' &&
      (ctx.cues.reporting.has(before.lemma) || ctx.cues.governors.has(before.lemma) || CLAUSE_VERBS.has(before.lemma)));
  return opens ? { start, end: j + 1 } : null;
}

/** Skips back over a parenthesis and a time adjunct before the verb ("The ONLF (rebels) on Sunday declared"). */
function skipAdjuncts(tokens: Token[], from: number): number {
  let j = from;
  for (let guard = 0; guard < 3; guard += 1) {
    if (tokens[j]?.text === ')') {
      while (j >= 0 && tokens[j]?.text !== '(') j -= 1;
      j -= 1;
      continue;
    }
    let k = j;
    while (
      k >= 0 &&
      (TIME_WORDS.has(tokens[k]?.lower ?? '') || CALENDAR.test(tokens[k]?.text ?? '') || tokens[k]?.pos === 'NUM')
    )
      k -= 1;
    const time = k < j && (CALENDAR.test(tokens[j]?.text ?? '') || TIME_WORDS.has(tokens[j]?.lower ?? ''));
    if (!time) break;
    j = k;
  }
  return j;
}

/** The agent phrase of a passive: the words after "by" right after the predicate. */
function agentPhrase(frame: EventFrame, tokens: Token[]): { start: number; end: number } | null {
  let i = frame.end;
  while (i < tokens.length && i < frame.end + 4 && tokens[i]?.lower !== 'by') i += 1;
  if (tokens[i]?.lower !== 'by') return null;
  let end = i + 1;
  while (end < tokens.length && PHRASE_POS.has(tokens[end]?.pos ?? '')) end += 1;
  return end > i + 1 ? { start: i + 1, end } : null;
}

function tokenKind(i: number, ctx: SubjectContext): SubjectKind | null {
  const t = ctx.tokens[i] as Token;
  const inside = (spans: Array<{ start: number; end: number }>) => spans.some((m) => m.start <= i && i < m.end);
  const mention = ctx.mentions.find((m) => m.start <= i && i < m.end);
  // A criminal group ("a gang", "bandits") acts privately, like a person.
  if (mention) return mention.sector === 'CRM' ? 'person' : 'actor';
  if (inside(ctx.places) || t.pos === 'PRON') return 'actor';
  const { cues } = ctx;
  // A capitalised word starting the sentence that the cue lists know is a common noun ("Malaria", "Locusts").
  // So is one right before a lower-case noun ("Extreme heat", "Heavy rain").
  const next = ctx.tokens[1];
  const common = i === 0 && (thingWord(t, cues) || (next?.pos === 'NOUN' && next.text === next.lower));
  if (t.pos === 'PROPN' && !common && unknownName(ctx.tokens, i)) return 'actor';
  if (cues.agentNouns.has(t.lemma) || cues.agentNouns.has(t.lower)) return 'agent';
  if (cues.weaponsOfWar.startsWith(t) || ctx.isEventNoun(t)) return 'agent';
  if (cues.privatePersons.has(t.lemma) || cues.privatePersons.has(t.lower)) return 'person';
  // Only a word the cue lists know as a thing of some kind of story is a thing: an unknown noun ("lawyers",
  // "fundamentalists") may well be someone.
  return thingWord(t, cues) && (t.pos === 'NOUN' || t.pos === 'PROPN') ? 'thing' : null;
}

/** A word of a hazard or of some kind of story (a disease, a film, a market, a goal). */
function thingWord(t: Token, cues: Cues): boolean {
  return (
    cues.hazards.startsWith(t) ||
    cues.domains.startsWith(t) ||
    cues.domainHints.startsWith(t) ||
    cues.domainObjects.startsWith(t)
  );
}

/**
 * A capitalised name the dictionaries do not know (an organisation, a person), not a date; a capitalised
 * plural starting the sentence is a common noun the tagger took for a name ("Wildfires ravaged").
 */
export function unknownName(tokens: Token[], i: number): boolean {
  const t = tokens[i] as Token;
  return (
    t.pos === 'PROPN' &&
    /^\p{Lu}/u.test(t.text) &&
    !CALENDAR.test(t.text) &&
    (i > 0 || tokens[1]?.pos === 'PROPN' || !/[a-z]s$/.test(t.text))
  );
}
