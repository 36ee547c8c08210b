import type { ActorMention } from './actor-mentions.js';
import { restated } from './background.js';
import type { Cues } from './cues.js';
import type { StoryDomain } from './data-schemas.js';
import type { EventFrame } from './event-frames.js';
import type { EventRoles } from './event-roles.js';
import type { Token } from './nlp.js';
import { isPolitical, type SubjectContext, type SubjectKind, subjectKind, unknownName } from './participants.js';
import { firstMatch, type PhraseTrie } from './phrase-trie.js';
import { objectDomain, storyDomain } from './story-domain.js';

/** Why a coded act is not reported as a political event. */
export type NonEventReason = 'domain' | 'hazard' | 'no-actor' | 'non-agent' | 'private' | 'background';

/**
 * What the checks need to know about one sentence, read once for all its frames and only as far as a check asks
 * (most frames are decided by the first checks).
 */
export class SentenceSense {
  /** Actor mentions (not places) of the sentence. */
  readonly actors: ActorMention[];
  /** Publication year, when the article is dated. */
  readonly year: number | null;
  readonly subject: SubjectContext;
  private readonly known = new Map<string, unknown>();

  constructor(
    readonly tokens: Token[],
    private readonly mentions: ActorMention[],
    private readonly placeSpans: Array<{ start: number; end: number }>,
    readonly cues: Cues,
    published: string | null,
    isEventNoun: (token: Token) => boolean,
  ) {
    this.actors = mentions.filter((m) => !m.isPlace);
    this.year = published ? Number(published.slice(0, 4)) : null;
    this.subject = { tokens, mentions, places: placeSpans, cues, isEventNoun };
  }

  /**
   * The story kind the sentence's words mark (sport, business, culture, science, health, lifestyle) when it names
   * no political actor and no weapon of war (in sport, a country or city is a team and does not count), or null.
   */
  get domain(): StoryDomain | null {
    return this.once('domain', () => {
      const domain = storyDomain(this.tokens, this.cues);
      return domain !== null && !this.warWeapons && !this.politicalActor(domain === 'sport') ? domain : null;
    });
  }

  /** Token indices where a natural force, accident or vehicle is named. */
  get hazards(): number[] {
    return this.once('hazards', () => matchStarts(this.cues.hazards, this.tokens));
  }

  /** Token indices where a weapon is named. */
  get weapons(): number[] {
    return this.once('weapons', () => matchStarts(this.cues.weapons, this.tokens));
  }

  /** The sentence names a weapon or a political or armed actor: harm in it is violence. */
  get armed(): boolean {
    return this.weapons.length > 0 || this.political(false);
  }

  /** The sentence names a weapon of war ("a car bomb", "shelling"). */
  get warWeapons(): boolean {
    return this.once('warWeapons', () => firstMatch(this.cues.weaponsOfWar, this.tokens) !== null);
  }

  /**
   * Token indices of words of political violence ("clashes", "the insurgency"), or [-1] for a weapon of war:
   * harm beside them is no crime.
   */
  get violence(): number[] {
    return this.once('violence', () => (this.warWeapons ? [-1] : matchStarts(this.cues.violenceWords, this.tokens)));
  }

  /** An unnamed collective of states or armed men ("the two countries", "armed men"). */
  get collective(): boolean {
    return this.once('collective', () => firstMatch(this.cues.collectiveActors, this.tokens) !== null);
  }

  /**
   * Someone the dictionaries cannot code may act: a capitalised name outside places and dates (an unknown
   * organisation), or an unnamed collective actor.
   */
  get unknownActors(): boolean {
    return this.once('unknownActors', () => {
      const covered = [...this.mentions, ...this.placeSpans];
      const named = this.tokens.some(
        (_, i) => unknownName(this.tokens, i) && !covered.some((m) => m.start <= i && i < m.end),
      );
      return named || this.collective;
    });
  }

  private political(sport: boolean): boolean {
    return this.actors.some((m) => isPolitical(m, this.tokens, this.cues, sport));
  }

  /**
   * A political actor that acts in a sport, business, culture or science sentence: a state only named after a
   * preposition ("its tour of Israel", "returned the bronzes to Nigeria") is where or to whom, not who.
   */
  private politicalActor(sport: boolean): boolean {
    return this.actors.some(
      (m) =>
        isPolitical(m, this.tokens, this.cues, sport) &&
        !((m.kind === 'COUNTRY' || m.kind === 'CAPITAL') && this.tokens[m.start - 1]?.pos === 'ADP'),
    );
  }

  private once<T>(key: string, read: () => T): T {
    if (!this.known.has(key)) this.known.set(key, read());
    return this.known.get(key) as T;
  }
}

/** Harm an accident or a storm can do too ("killed", "hit", "destroyed", "blocked"); bombs and shelling cannot. */
const GENERIC_HARM = /^(?:14[0-4]|17|180|182|190)/;
/**
 * Threats and force an ordinary person or a criminal can use too (CAMEO 13, 17-20): not protest (14), which is
 * political by itself, nor force posture (15), sanctions (16), arrests, expulsions and administrative sanctions
 * (172-174), which only authorities and armed groups use.
 */
const PRIVATE_FORCE = /^(?:13|1[7-9]|20)/;
const STATE_ONLY = /^17[234]/;
/** Statements, appeals, intents, meetings, demands, accusations, rejections, threats and reduced relations. */
const VERBAL = /^(?:0[1-5]|09|1[0-3]|16)/;
/** Acts of force a sport or business sentence uses as metaphors ("crushed", "stormed", "captured the market"). */
const FORCE = /^(?:13|15|1[7-9]|20)/;

/**
 * Why a coded act is no political event, or null when it is one:
 * - `domain`: a sport, business, culture, science, health or lifestyle sentence that names no political actor
 *   ("Brazil beat Argentina 2-1"; in sport a country or city is a team), an act of force on a sport or business
 *   object by no political actor ("besieged the Spanish goal", "is invading the European market"), a state that
 *   "crushed" another with no word of war, or a business threatening or using force on no political target ("the
 *   company plans to attack the budget market").
 * - `hazard`: generic harm ("killed", "hit", "destroyed") in a sentence about a storm, disease or crash, with no
 *   political or armed participant ("Floods killed 12 people").
 * - `no-actor`: neither side is an actor (or a pronoun for a person) and the sentence names no one the dictionaries
 *   could have missed ("Two men attacked a taxi driver", "the virus attacks the cells").
 * - `non-agent`: the subject of the act is a thing that cannot act politically ("Malaria killed ...", "The museum
 *   will return the bronzes ...", "Locusts invaded farms").
 * - `private`: a threat or act of force done by ordinary persons or criminals, or by no one named, on no political
 *   actor and with no word of war: crime and private life, not politics ("A man shot three people",
 *   "Robbers attacked a cash van"); police or a government acting makes it political, and an arrest is theirs.
 * - `background`: the act is dated before the article ("which Russia annexed in 2014", "a decade ago", "during the
 *   Second World War", "when he was a boy"; `background.ts`): a past event restated, not news.
 */
export function nonEventReason(
  frame: EventFrame,
  roles: EventRoles,
  sense: SentenceSense,
  passive: boolean,
): NonEventReason | null {
  const participants = [...roles.sources, ...roles.targets];
  // An actor inside the predicate counts too: "clashed with police", "deployed troops".
  const inside = sense.actors.filter((m) => m.start >= frame.start && m.end <= frame.end);
  if (sense.domain !== null || commercialForce(frame, roles, sense) || metaphoricForce(frame, participants, sense))
    return 'domain';
  if (GENERIC_HARM.test(frame.code) && ((sense.hazards.length > 0 && !sense.armed) || hazardAgent(frame, sense)))
    return 'hazard';
  // A plain statement needs its speaker: "..., Pakistan said" with no actor before "said" is nobody's statement.
  if (frame.code === '010' && !roles.sources.some(isActor)) return 'no-actor';
  if (![...participants, ...inside].some(isActor) && !sense.unknownActors && !unnamedForce(frame, sense))
    return 'no-actor';
  const subject = subjectKind(frame, passive, sense.subject);
  if (subject === 'thing') return 'non-agent';
  // Words are someone's: a statement, appeal, accusation or threat with no one before it ("The crisis threatens to
  // drag the region into war") is a possibility, not an act.
  const someone = roles.sources.length > 0 || subject === 'actor' || subject === 'agent';
  if (VERBAL.test(frame.code) && !frame.nominal && !passive && !someone) return 'no-actor';
  if (privateAct(frame, [...participants, ...inside], subject, roles, sense)) return 'private';
  if (ordinaryJustice(frame, roles, passive, sense)) return 'private';
  if (sense.year !== null && restated(frame, sense.tokens, sense.year, sense.cues)) return 'background';
  return null;
}

/**
 * Force that only states and armed groups use, though none is named: arrests in a crackdown ("Dozens were
 * arrested in a crackdown on dissent"), killing by a weapon of war ("A suicide bombing at a checkpoint killed
 * seven").
 */
function unnamedForce(frame: EventFrame, sense: SentenceSense): boolean {
  if (STATE_ONLY.test(frame.code)) return sense.violence.length > 0;
  if (!/^(?:18|19|20)/.test(frame.code) || !sense.warWeapons) return false;
  // The act's own word is no weapon named ("The musical bombed").
  return matchStarts(sense.cues.weaponsOfWar, sense.tokens).some((i) => i < frame.start || i >= frame.end);
}

/** A business threatening or using force on no political target: "the company plans to attack the market". */
function commercialForce(frame: EventFrame, roles: EventRoles, sense: SentenceSense): boolean {
  return (
    FORCE.test(frame.code) &&
    roles.sources.length > 0 &&
    roles.sources.every((m) => m.sector === 'BUS') &&
    !roles.targets.some((m) => isPolitical(m, sense.tokens, sense.cues, false))
  );
}

/**
 * Force done to a goal, a basket or a market by no political actor: a team's or a firm's, not a state's; or a state
 * that "crushed" or "routed" another with no word of war in the sentence ("Scotland were crushed by Ireland").
 */
function metaphoricForce(frame: EventFrame, participants: ActorMention[], sense: SentenceSense): boolean {
  if (!FORCE.test(frame.code) || sense.warWeapons) return false;
  if (contest(frame, participants, sense)) return true;
  const object = objectDomain(frame, sense.tokens, sense.cues);
  return object !== null && !participants.some((m) => isPolitical(m, sense.tokens, sense.cues, object === 'sport'));
}

/** A verb of winning between two states named bare (no forces, no government), and no word of violence. */
function contest(frame: EventFrame, participants: ActorMention[], sense: SentenceSense): boolean {
  const verb = sense.tokens[frame.anchor];
  if (!verb || !(sense.cues.contestVerbs.has(verb.lemma) || sense.cues.contestVerbs.has(verb.lower))) return false;
  const bareStates = participants.filter((m) => (m.kind === 'COUNTRY' || m.kind === 'CAPITAL') && !m.isPlace);
  return bareStates.length >= 2 && bareStates.length === participants.length && sense.violence.length === 0;
}

/**
 * A threat or act of force with no political participant, done by an ordinary person or a criminal ("a man",
 * "robbers", "a gang") or by no one named, with no weapon or word of war ("clashes") and no collective of states or
 * armed men.
 * Civilians, workers or students acting on each other as groups ("villagers clashed with herders") stay events.
 */
function privateAct(
  frame: EventFrame,
  participants: ActorMention[],
  subject: SubjectKind | null,
  roles: EventRoles,
  sense: SentenceSense,
): boolean {
  // The act's own words ("two gangs clashed") are no evidence of war.
  const violence = sense.violence.some((i) => i < frame.start || i >= frame.end);
  if (!PRIVATE_FORCE.test(frame.code) || STATE_ONLY.test(frame.code) || violence || sense.collective) return false;
  if (participants.some((m) => isPolitical(m, sense.tokens, sense.cues, false))) return false;
  if (subject === 'person') return true;
  if (subject === 'actor' || subject === 'agent') return false;
  return roles.sources.every((m) => m.sector === 'CRM');
}

const JUSTICE = /^17[13]/;
const NP_WORDS = new Set(['DET', 'ADJ', 'NUM']);

/**
 * Police or a court arresting, charging or sentencing an ordinary person ("a man", "two teenagers") in a sentence
 * that names no other political actor and no word of war: a crime report, not politics ("Local police arrested a
 * man suspected of killing his wife", "A man who robbed a bank was sentenced to ten years"). An arrest of
 * protesters, activists or a named opponent stays an event.
 */
function ordinaryJustice(frame: EventFrame, roles: EventRoles, passive: boolean, sense: SentenceSense): boolean {
  const lawOnly = roles.sources.length > 0 && roles.sources.every((m) => m.sector === 'COP' || m.sector === 'JUD');
  // Ordinary police, not security forces, whose force on "suspects" is often counter-insurgency.
  const police = roles.sources.every((m) => POLICE.has(sense.tokens[m.end - 1]?.lower ?? ''));
  const policing = lawOnly && police && !passive && POLICE_FORCE.test(frame.code);
  if (!(JUSTICE.test(frame.code) || policing) || sense.violence.length > 0 || sense.collective) return false;
  const others = sense.actors.filter((m) => !roles.sources.includes(m));
  if (others.some((m) => isPolitical(m, sense.tokens, sense.cues, false))) return false;
  // The person acted on: the object after an active verb, the sentence's subject before a passive one.
  let i = passive ? 0 : frame.end;
  while (NP_WORDS.has(sense.tokens[i]?.pos ?? '')) i += 1;
  const t = sense.tokens[i];
  if (!t || (passive && i >= frame.head)) return false;
  if (!(sense.cues.privatePersons.has(t.lemma) || sense.cues.privatePersons.has(t.lower))) return false;
  // The crime is named: "a man suspected of killing", "a man who robbed a bank", "jailed for fraud"; a suspect is one.
  if (OFFENDERS.has(t.lower)) return true;
  return sense.tokens.slice(i + 1).some((w) => CRIME_REASONS.has(w.lower));
}

const CRIME_REASONS = new Set(['suspected', 'accused', 'for', 'over', 'who', 'charged', 'convicted', 'after']);
/** Police using force (18x, 19x) on an ordinary person: "shot dead a man who threatened officers". */
const POLICE_FORCE = /^1[89]/;
const POLICE = new Set(['police', 'policeman', 'policemen', 'officer', 'officers', 'detectives']);
const OFFENDERS = new Set(['suspect', 'suspects', 'robber', 'robbers', 'thief', 'thieves', 'burglar', 'burglars']);

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

/** A coded or named actor, or a pronoun standing for someone named before ("He has now been released"). */
function isActor(m: ActorMention): boolean {
  if (m.kind === 'PRONOUN') return m.pronoun !== 'thing';
  return m.code !== null || m.sector !== null || m.kind === 'PERSON' || m.kind === 'ORGANIZATION';
}

function matchStarts<T>(trie: PhraseTrie<T>, tokens: Token[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i += 1)
    if (trie.startsWith(tokens[i] as Token) && trie.longestAt(tokens, i) !== null) out.push(i);
  return out;
}
