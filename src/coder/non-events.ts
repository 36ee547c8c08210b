import type { ActorMention } from './actor-mentions.js';
import type { Cues } from './cues.js';
import type { StoryDomain } from './data-schemas.js';
import type { EventFrame } from './event-frames.js';
import type { EventRoles } from './event-roles.js';
import type { Token } from './nlp.js';
import { firstMatch, type PhraseTrie } from './phrase-trie.js';

/** Why a coded act is not reported as a political event. */
export type NonEventReason = 'domain' | 'hazard' | 'no-actor' | 'background';

/** What the checks need to know about one sentence, computed once for all its frames. */
export interface SentenceSense {
  tokens: Token[];
  /** Actor mentions (not places) of the sentence. */
  actors: ActorMention[];
  /**
   * The story kind the sentence's words mark (sport, business, culture, science) when it names no political
   * actor (in sport, a country is a team and does not count), or null.
   */
  domain: StoryDomain | null;
  /** Token indices where a natural force, accident or vehicle is named. */
  hazards: number[];
  /** Token indices where a weapon is named. */
  weapons: number[];
  /** The sentence names a weapon or a political or armed actor: harm in it is violence. */
  armed: boolean;
  /**
   * Someone the dictionaries cannot code may act: a capitalised name outside places and dates (an unknown
   * organisation), or an unnamed collective actor ("the two countries", "armed men").
   */
  unknownActors: boolean;
  /** Publication year, when the article is dated. */
  year: number | null;
}

/** Roles that make an act political wherever it is told; countries also count, except as sports teams. */
const POLITICAL_SECTORS = new Set(['GOV', 'MIL', 'COP', 'REB', 'OPP', 'LEG', 'JUD', 'ELI', 'CRM', 'IGO', 'NGO']);
/** Harm an accident or a storm can do too ("killed", "hit", "destroyed", "blocked"); bombs and shelling cannot. */
const GENERIC_HARM = /^(?:14[0-4]|17|180|182|190)/;
/** A match score ("5-0", "2-1"): a sport sentence unless a political actor is named (a court's 9-0 ruling). */
const SCORE = /^\d{1,2}-\d{1,2}$/;
const CALENDAR =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\.?$/i;

/** Reads the sentence once: its domain, hazard words, unknown names and the article's year. */
export function senseOf(
  tokens: Token[],
  mentions: ActorMention[],
  placeSpans: Array<{ start: number; end: number }>,
  cues: Cues,
  published: string | null,
): SentenceSense {
  const covered = [...mentions, ...placeSpans];
  // The tagger calls capitalised plural nouns starting a sentence PROPN ("Wildfires ravaged", "Profits fell").
  const unknownName = (t: Token, i: number): boolean =>
    t.pos === 'PROPN' &&
    /^\p{Lu}/u.test(t.text) &&
    !CALENDAR.test(t.text) &&
    (i > 0 || tokens[1]?.pos === 'PROPN' || !/[a-z]s$/.test(t.text)) &&
    !covered.some((m) => m.start <= i && i < m.end);
  const actors = mentions.filter((m) => !m.isPlace);
  const score = tokens.some((t, i) => SCORE.test(t.text) && !CALENDAR.test(tokens[i + 1]?.text ?? ''));
  const domain = firstMatch(cues.domains, tokens) ?? (score ? 'sport' : null);
  return {
    tokens,
    actors,
    domain: domain !== null && !actors.some((m) => political(m, domain === 'sport')) ? domain : null,
    hazards: matchStarts(cues.hazards, tokens),
    weapons: matchStarts(cues.weapons, tokens),
    armed: firstMatch(cues.weapons, tokens) !== null || actors.some((m) => political(m, false)),
    unknownActors: tokens.some(unknownName) || firstMatch(cues.collectiveActors, tokens) !== null,
    year: published ? Number(published.slice(0, 4)) : null,
  };
}

/**
 * Why a coded act is no political event, or null when it is one:
 * - `domain`: a sport, business, culture or science sentence that names no political actor ("Brazil beat
 *   Argentina 2-1"; in sport a country is a team), or a business threatening or using force on no political
 *   target ("the company plans to attack the budget market").
 * - `hazard`: generic harm ("killed", "hit", "destroyed") in a sentence about a storm, disease or crash, with no
 *   political or armed participant ("Floods killed 12 people").
 * - `no-actor`: neither side is an actor (or a pronoun for a person) and the sentence names no one the dictionaries
 *   could have missed ("Two men attacked a taxi driver", "the virus attacks the cells").
 * - `background`: the act is dated to an earlier year than the article ("which Russia annexed in 2014", "a decade
 *   ago"): a past event restated, not news.
 */
export function nonEventReason(frame: EventFrame, roles: EventRoles, sense: SentenceSense): NonEventReason | null {
  const participants = [...roles.sources, ...roles.targets];
  if (sense.domain !== null || commercialForce(frame, roles)) return 'domain';
  if (GENERIC_HARM.test(frame.code) && ((sense.hazards.length > 0 && !sense.armed) || hazardAgent(frame, sense)))
    return 'hazard';
  // A plain statement needs its speaker: "..., Pakistan said" with no actor before "said" is nobody's statement.
  if (frame.code === '010' && !roles.sources.some(isActor)) return 'no-actor';
  // An actor inside the predicate counts too: "clashed with police", "deployed troops".
  const inside = sense.actors.filter((m) => m.start >= frame.start && m.end <= frame.end);
  if (![...participants, ...inside].some(isActor) && !sense.unknownActors) return 'no-actor';
  if (sense.year !== null && restated(frame, sense.tokens, sense.year)) return 'background';
  return null;
}

/** A coded or named actor, or a pronoun standing for someone named before ("He has now been released"). */
/** A business threatening or using force on no political target: "the company plans to attack the market". */
function commercialForce(frame: EventFrame, roles: EventRoles): boolean {
  return (
    Number(frame.code.slice(0, 2)) >= 13 &&
    roles.sources.length > 0 &&
    roles.sources.every((m) => m.sector === 'BUS') &&
    !roles.targets.some((m) => political(m, false))
  );
}

/**
 * A hazard right before the harm verb or after its "by" does the harm, whatever else the sentence names:
 * "a drought that has killed 30 people" in a sentence about authorities sending aid.
 */
function hazardAgent(frame: EventFrame, sense: SentenceSense): boolean {
  const near = (i: number): boolean =>
    (i < frame.head && i >= frame.head - 4 && !sense.tokens.slice(i, frame.head).some((t) => t.text === ',')) ||
    (i >= frame.end && i <= frame.end + 3 && sense.tokens.slice(frame.end, i).some((t) => t.lower === 'by'));
  return sense.hazards.some(near) && !sense.weapons.some(near);
}

function isActor(m: ActorMention): boolean {
  if (m.kind === 'PRONOUN') return m.pronoun !== 'thing';
  return m.code !== null || m.sector !== null || m.kind === 'PERSON' || m.kind === 'ORGANIZATION';
}

function political(m: ActorMention, sport: boolean): boolean {
  if (m.sector !== null) return POLITICAL_SECTORS.has(m.sector);
  if (m.code === 'IGO') return true;
  if (m.kind === 'PERSON' || m.kind === 'ORGANIZATION') return m.entityId !== null;
  return !sport && m.code !== null && (m.kind === 'COUNTRY' || m.kind === 'CAPITAL');
}

const CLAUSE_EDGE = new Set([',', ';', ':', '(', ')', '—', '–']);
const TIME_PREPOSITIONS = new Set(['in', 'since', 'during', 'until', 'from', 'between', 'by']);
const AGO_UNITS = new Set(['year', 'years', 'decade', 'decades', 'century', 'centuries']);

/**
 * The act's clause (or a preposed "Since 2011," / "In 2019," before it) dates it to a year before the article's:
 * "in 2014", "since the 1990s", "a decade ago". A year inside a noun phrase ("the 2015 attack") does not date
 * the act.
 */
function restated(frame: EventFrame, tokens: Token[], year: number): boolean {
  let from = frame.head;
  while (from > 0 && !CLAUSE_EDGE.has(tokens[from - 1]?.text ?? '')) from -= 1;
  let to = frame.end;
  while (to < tokens.length && !CLAUSE_EDGE.has(tokens[to]?.text ?? '')) to += 1;
  // A sentence-initial adverbial ("In 2019, ...", "Since the 2003 invasion, ...") dates the clause after it.
  if (from > 0 && tokens[from - 1]?.text === ',' && TIME_PREPOSITIONS.has(tokens[0]?.lower ?? '')) from = 0;
  for (let i = from; i < to; i += 1) {
    const t = tokens[i] as Token;
    const y = /^(1[5-9]\d\d|20\d\d)s?$/.exec(t.lower);
    if (y && Number(y[1]) < year && datesTheClause(tokens, i, from)) return true;
    if (t.lower === 'ago' && AGO_UNITS.has(tokens[i - 1]?.lower ?? '')) return true;
  }
  return false;
}

function datesTheClause(tokens: Token[], i: number, clauseStart: number): boolean {
  const before = tokens[i - 1]?.lower ?? '';
  if (TIME_PREPOSITIONS.has(before) || CALENDAR.test(tokens[i - 1]?.text ?? '')) return true;
  // "killed in the 1973 war": a dated event named in the act's own adverbial.
  if (before === 'the' && TIME_PREPOSITIONS.has(tokens[i - 2]?.lower ?? '')) return true;
  // "Since the 2003 invasion, ...": a year in the preposed adverbial of the sentence.
  return (
    clauseStart === 0 && TIME_PREPOSITIONS.has(tokens[0]?.lower ?? '') && i < tokens.findIndex((t) => t.text === ',')
  );
}

function matchStarts<T>(trie: PhraseTrie<T>, tokens: Token[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i += 1)
    if (trie.startsWith(tokens[i] as Token) && trie.longestAt(tokens, i, () => true) !== null) out.push(i);
  return out;
}
