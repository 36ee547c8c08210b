import type { ActorMention } from './actor-mentions.js';
import { composeCode, futureCode, negatedCode } from './compose.js';
import type { Cues } from './cues.js';
import type { GovernorClass } from './data-schemas.js';
import { reportedFuture, supposed } from './modality.js';
import type { Token } from './nlp.js';
import { firstMatch } from './phrase-trie.js';
import type { TriggerMatch, VerbLexicon } from './verb-lexicon.js';

export type EventMode = 'future' | 'hypothetical' | 'intent' | null;

/** An event before actors are attached: code, verb span (token indices) and mode. */
export interface EventFrame {
  code: string;
  /** Token where the predicate starts (the governor when composed). */
  head: number;
  /** Token where the matched act pattern starts. */
  anchor: number;
  /** Token span of the whole predicate [start, end). */
  start: number;
  end: number;
  nominal: boolean;
  mode: EventMode;
  /** A governor with an actor between it and the act ("urged Israel to withdraw"): that actor is the target. */
  innerTarget: ActorMention | null;
  /** Obligation ("X must withdraw"): the subject is the target of a demand, the speaker its source. */
  obligation: boolean;
  /**
   * Reported as not having happened ("did not attack", "no talks were held"): never an event, but still the
   * sentence's act, so a noun beside it ("during the summit") is not coded in its place.
   */
  negated: boolean;
  confidence: number;
}

interface Aux {
  negated: boolean;
  /** "did not", "has not", "had never": a negated past act, which did not happen. */
  past: boolean;
  future: boolean;
  hypothetical: boolean;
  obligation: boolean;
}

/** Finds event predicates in a sentence and resolves governors, modality and negation. */
export function findEventFrames(
  tokens: Token[],
  mentions: ActorMention[],
  lexicon: VerbLexicon,
  cues: Cues,
): EventFrame[] {
  const triggers: TriggerMatch[] = [];
  // A word inside an actor's name is not a predicate: "armed forces", "the Arab Peace Initiative".
  // An event noun that runs past the actor's end is the act: "a drone strike", where "drone" names a military means.
  for (let i = 0; i < tokens.length; ) {
    const actor = mentions.find((a) => !a.isPlace && a.start <= i && i < a.end);
    // Only from an actor's last word can a phrase run past it.
    const found = actor && i < actor.end - 1 ? null : lexicon.matchAt(tokens, i);
    const m = found && actor && ('none' in found || !found.nominal || found.end <= actor.end) ? null : found;
    if (m && 'none' in m) {
      // "a press release published": no word of a none phrase starts an event of its own.
      i = m.end;
      continue;
    }
    if (m) triggers.push(m);
    i = m && !m.nominal ? m.end : i + 1;
  }
  const consumed = new Set<number>();
  const frames: Array<{ frame: EventFrame; at: number }> = [];
  for (const trigger of triggers) {
    const frame = frameFor(trigger, triggers, tokens, mentions, cues, consumed);
    if (frame) frames.push({ frame, at: trigger.start });
  }
  const kept = frames.filter((f) => !consumed.has(f.at)).map((f) => f.frame);
  // "Britain is deploying 300 troops to the UN peacekeeping mission", "peacekeepers arrived in Juba": protection
  // provided (074), not a show of force or a visit.
  if (kept.some((f) => /^(?:15|04[23])/.test(f.code)) && firstMatch(cues.peacekeeping, tokens) !== null)
    for (const f of kept) if (/^(?:15|04[23])/.test(f.code)) f.code = '074';
  purposeOfDeployment(kept, tokens);
  // "was returned to Egypt": in the passive, returning to a place is giving back (084), not going back (042).
  for (const f of kept)
    if (f.code === '042' && tokens[f.head]?.lemma === 'return' && BE_FORMS.has(tokens[f.head - 1]?.lower ?? ''))
      f.code = '084';
  // A plain statement ("Russia says Israel must end ...") leaves room for the obligation it reports.
  return kept.some((f) => f.code !== '010') ? kept : [...obligationFrames(tokens, mentions, cues), ...kept];
}

const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'been', 'be', 'being']);
const MOVEMENT = /^(?:15|04[23])/;
/** What a deployment may be for: aid, cooperation or an inquiry ("sent a team to investigate"). */
const MATERIAL_HELP = /^(?:0[67]|09)/;
/** Verbs of sending, whose bare sense is aid (070) unless the purpose says otherwise. */
const SENDING = new Set(['send', 'dispatch']);

/**
 * "sent two navy ships to help evacuate civilians", "troops arrived to deliver aid", "soldiers deployed to train
 * the army", "sent experts to investigate": a deployment or arrival whose purpose is aid, cooperation or an inquiry
 * is that act (06x, 07x, 09x), not a show of force, a visit or aid.
 */
function purposeOfDeployment(frames: EventFrame[], tokens: Token[]): void {
  for (const f of frames) {
    if (!MOVEMENT.test(f.code) && !SENDING.has(tokens[f.head]?.lemma ?? '')) continue;
    const purpose = frames.find(
      (g) => g.head > f.end && MATERIAL_HELP.test(g.code) && purposeInfinitive(g.head, tokens),
    );
    if (purpose && !tokens.slice(f.end, purpose.head).some((t) => t.pos === 'PUNCT' || t.pos === 'SCONJ'))
      f.code = purpose.code;
  }
}

/** "to deliver", "to help deliver", "to help to train". */
function purposeInfinitive(head: number, tokens: Token[]): boolean {
  const prev = tokens[head - 1];
  return prev?.lower === 'to' || (prev?.lemma === 'help' && tokens[head - 2]?.lower === 'to');
}

/**
 * "X said Y must drop its barriers": with no coded act, an obligation laid on a named actor is
 * still a demand (CAMEO 100) by the speaker on that actor.
 */
function obligationFrames(tokens: Token[], mentions: ActorMention[], cues: Cues): EventFrame[] {
  for (let i = 1; i < tokens.length - 1; i += 1) {
    const t = tokens[i] as Token;
    if (!cues.obligation.has(t.lower) || t.pos !== 'AUX') continue;
    const subject = mentions.find((m) => !m.isPlace && m.end === i);
    if (!subject || cues.negation.has(tokens[i + 1]?.lower ?? '')) continue;
    return [
      {
        code: '100',
        head: i,
        anchor: i,
        start: i,
        end: i + 1,
        nominal: false,
        mode: null,
        innerTarget: null,
        obligation: true,
        negated: false,
        confidence: 0.55,
      },
    ];
  }
  return [];
}

interface Governed {
  code: string;
  head: number;
  mode: EventMode;
  innerTarget: ActorMention | null;
  governed: boolean;
}

function frameFor(
  t: TriggerMatch,
  all: TriggerMatch[],
  tokens: Token[],
  mentions: ActorMention[],
  cues: Cues,
  consumed: Set<number>,
): EventFrame | null {
  const g = applyGovernor(t, all, tokens, mentions, cues, consumed);
  const aux = auxiliaries(g.head, tokens, cues);
  // "made no arrests", "fired no shots", "held no talks": the act's own object is denied.
  if (!aux.negated && (t.nominal ? deniedNoun(t.start, tokens) : noObject(t, tokens))) aux.negated = aux.past = true;
  if (aux.obligation && g.governed && !aux.negated) {
    // "the US must be ready to mediate": an obligation laid on someone is a demand.
    const code = composeCode('demand', t.code) ?? g.code;
    return {
      code,
      head: g.head,
      anchor: t.start,
      start: g.head,
      end: t.end,
      nominal: false,
      mode: null,
      innerTarget: null,
      obligation: true,
      negated: false,
      confidence: 0.7,
    };
  }
  const modal = applyModality(t, g, aux, tokens, cues) ?? { code: g.code, mode: null, negated: true };
  const act = { head: g.head, end: t.end, code: modal.code, mode: modal.mode, nominal: t.nominal && !g.governed };
  const mode = supposed(act, tokens, cues) ? 'hypothetical' : modal.mode;
  const confidence = (t.nominal ? 0.5 : 0.7) + Math.min(0.2, 0.05 * t.size) + (g.governed ? 0.05 : 0);
  // A governed noun ("ready for talks", "rejected the ceasefire") is a verbal event.
  const nominal = t.nominal && !g.governed;
  return {
    code: modal.code,
    head: g.head,
    anchor: t.start,
    start: Math.min(g.head, t.start),
    end: t.end,
    nominal,
    mode,
    innerTarget: g.innerTarget,
    obligation: aux.obligation && !g.governed,
    negated: modal.negated === true,
    confidence,
  };
}

/** "agreed to provide", "urged X to withdraw": the governor's class decides the code. */
function applyGovernor(
  t: TriggerMatch,
  all: TriggerMatch[],
  tokens: Token[],
  mentions: ActorMention[],
  cues: Cues,
  consumed: Set<number>,
): Governed {
  const gov = findGovernor(t.start, tokens, mentions, cues);
  // "X claimed that rebels attacked" reports the rebels' act; "X claimed that they attacked" claims its own.
  const ownClaim = gov?.cls !== 'claim' || (gov.between !== null && gov.between.pronoun !== null);
  const composed = gov && ownClaim ? composeCode(gov.cls, t.code) : null;
  if (!gov || !composed) return { code: t.code, head: t.start, mode: null, innerTarget: null, governed: false };
  if (all.some((g) => g.start === gov.index)) consumed.add(gov.index);
  const mode = gov.cls === 'intent' || gov.cls === 'threaten' ? 'intent' : null;
  // The actor between governor and act is the addressee of appeals, demands, orders and
  // accusations ("urged Israel to ..."); after intents and threats it is the actor's own side.
  const addressed = gov.cls === 'appeal' || gov.cls === 'demand' || gov.cls === 'order' || gov.cls === 'accuse';
  return { code: composed, head: gov.index, mode, innerTarget: addressed ? gov.between : null, governed: true };
}

/** Negation, obligation, future and hypothetical auxiliaries; null when the act is not coded. */
function applyModality(
  t: TriggerMatch,
  g: Governed,
  aux: Aux,
  tokens: Token[],
  cues: Cues,
): { code: string; mode: EventMode; negated?: boolean } | null {
  if (aux.negated) {
    // "will not accept", "does not recognise" refuse an act now; "did not attack", "has not signed" report that
    // nothing happened, and a refusal already coded ("refused to meet") is not turned round again.
    const rejected = t.nominal || aux.past || g.governed ? null : negatedCode(g.code);
    return rejected ? { code: rejected, mode: null } : null;
  }
  if (aux.obligation && !t.nominal && !g.governed) return { code: composeCode('demand', g.code) ?? g.code, mode: null };
  if ((aux.future || aux.hypothetical) && !t.nominal) {
    return { code: g.governed ? g.code : (futureCode(g.code) ?? g.code), mode: aux.future ? 'future' : 'hypothetical' };
  }
  if (t.nominal && hasFutureAdjective(t.start, tokens, cues)) return { code: g.code, mode: 'future' };
  return { code: g.code, mode: g.mode };
}

const NP_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
const SKIPPABLE = new Set(['ADV', 'AUX', 'DET', 'ADJ', 'NUM']);

interface Governor {
  cls: GovernorClass;
  index: number;
  between: ActorMention | null;
}

/** Walks back from an act over "to" / "that" / an actor to a governing verb or adjective. */
function findGovernor(start: number, tokens: Token[], mentions: ActorMention[], cues: Cues): Governor | null {
  let j = start - 1;
  // Skip auxiliaries and adverbs before a verb, and "an immediate" before a noun ("called for an immediate ceasefire").
  while (
    j >= 0 &&
    (SKIPPABLE.has(tokens[j]?.pos ?? '') || cues.negation.has(tokens[j]?.lower ?? '') || amount(tokens, j))
  )
    j -= 1;
  const clause = thatClause(j, tokens, mentions);
  if (clause) return clause.index >= 0 ? governorAt(clause.index, tokens, cues, clause.subject, false) : null;
  const link = tokens[j]?.lower;
  if (link !== 'to' && link !== 'that' && link !== 'of' && link !== 'for') {
    return governorAt(j, tokens, cues, null, true);
  }
  j -= 1;
  let between: ActorMention | null = null;
  const actor = mentions.find((m) => m.end === j + 1 && !m.isPlace);
  if (actor) {
    between = actor;
    j = actor.start - 1;
  } else {
    // "urged donors to ...": skip a short noun phrase that is not a known actor.
    const floor = j - 5;
    while (j > floor && j >= 0 && NP_POS.has(tokens[j]?.pos ?? '') && !cues.governors.has(tokens[j]?.lemma ?? ''))
      j -= 1;
  }
  if (tokens[j]?.lower === 'on' || tokens[j]?.lower === 'upon' || tokens[j]?.lower === 'for') j -= 1;
  while (j >= 0 && tokens[j]?.pos === 'ADV') j -= 1;
  return governorAt(j, tokens, cues, between, false);
}

/** A unit of an amount before an event noun: "a 50 billion euro aid package", "a $3 million loan". */
function amount(tokens: Token[], j: number): boolean {
  const t = tokens[j];
  return t !== undefined && (t.pos === 'SYM' || (t.pos === 'NOUN' && tokens[j - 1]?.pos === 'NUM'));
}

/** "warned that Turkey would launch ...": the governor before "that" and the clause's subject. */
function thatClause(
  j: number,
  tokens: Token[],
  mentions: ActorMention[],
): { index: number; subject: ActorMention } | null {
  const subject = mentions.find((m) => m.end === j + 1 && !m.isPlace);
  if (!subject || tokens[subject.start - 1]?.lower !== 'that') return null;
  return { index: subject.start - 2, subject };
}

function governorAt(
  j: number,
  tokens: Token[],
  cues: Cues,
  between: ActorMention | null,
  direct: boolean,
): Governor | null {
  const t = tokens[j];
  if (!t) return null;
  const classes = cues.governors.get(t.lemma) ?? cues.governors.get(t.lower);
  if (!classes) return null;
  // Without "to"/"that", only refusals, denials, deliberations and approvals govern a direct object act ("rejected
  // talks", "denied sending troops", "is considering sanctions", "approved an aid package").
  const cls = direct ? classes.find((c) => DIRECT_GOVERNORS.has(c)) : classes[0];
  return cls ? { cls, index: j, between } : null;
}

const DIRECT_GOVERNORS = new Set<GovernorClass>(['refuse', 'deny', 'consider', 'authorize']);
const PAST_AUXILIARIES = new Set(['did', 'has', 'have', 'had', 'was', 'were']);

/**
 * Raising words before "to": "likely to" makes the act supposed; "set to", "expected to", "believed to" leave its
 * mode to the rest of the verb group ("are expected to end their strike" is coded as the act, as the future tense
 * of a third party's report is no promise of the actor's).
 */
const RAISED = new Map<string, 'hypothetical' | 'none'>([
  ['set', 'none'],
  ['due', 'none'],
  ['scheduled', 'none'],
  ['expected', 'none'],
  ['poised', 'none'],
  ['likely', 'hypothetical'],
  ['unlikely', 'hypothetical'],
  ['believed', 'none'],
  ['reported', 'none'],
  ['said', 'none'],
  ['thought', 'none'],
]);

function auxiliaries(head: number, tokens: Token[], cues: Cues): Aux {
  const aux: Aux = { negated: false, past: false, future: false, hypothetical: false, obligation: false };
  for (let j = head - 1; j >= 0 && j >= head - 5; j -= 1) {
    const t = tokens[j] as Token;
    // "are set to be released", "is unlikely to be lifted", "are believed to have been detained".
    if (tokens[j + 1]?.lower === 'to' && RAISED.has(t.lower)) {
      if (RAISED.get(t.lower) === 'hypothetical') aux.hypothetical = true;
      continue;
    }
    if (!(t.pos === 'AUX' || t.pos === 'PART' || t.pos === 'ADV' || t.lower === 'to' || t.lower === 'going')) break;
    if (cues.negation.has(t.lower)) aux.negated = true;
    if (PAST_AUXILIARIES.has(t.lower)) aux.past = true;
    if (cues.future.has(t.lower)) aux.future = true;
    if (cues.hypothetical.has(t.lower)) {
      if (reportedFuture(j, tokens, cues)) aux.future = true;
      else aux.hypothetical = true;
    }
    if (cues.obligation.has(t.lower)) aux.obligation = true;
  }
  // "must ensure security and provide aid", "will meet and sign", "did not attack or shell": a verb coordinated
  // with the one before shares its auxiliaries.
  const shared = coordinatedVerb(head, tokens);
  if (shared !== null && !aux.negated && !aux.future && !aux.hypothetical && !aux.obligation) {
    const first = auxiliaries(shared, tokens, cues);
    Object.assign(aux, first);
  }
  // "without demanding payment", "without firing a shot": an act said not to have been done.
  if (tokens[head - 1]?.lower === 'without' && /ing$/.test(tokens[head]?.lower ?? '')) aux.negated = aux.past = true;
  // "never attacked": a negated simple past; "no talks were held", "neither side fired": a negated subject.
  if (aux.negated && !aux.future && !aux.hypothetical && /ed$/.test(tokens[head]?.lower ?? '')) aux.past = true;
  if (!aux.negated && negatedSubject(head, tokens)) aux.negated = aux.past = true;
  return aux;
}

/** The verb before "and"/"or" that a verb right after it is coordinated with, in the same clause. */
function coordinatedVerb(head: number, tokens: Token[]): number | null {
  const link = tokens[head - 1];
  if (link?.pos !== 'CCONJ' || tokens[head]?.pos !== 'VERB') return null;
  for (let k = head - 2; k >= 0 && k >= head - 10; k -= 1) {
    const t = tokens[k] as Token;
    if (t.pos === 'PUNCT' || t.pos === 'SCONJ' || t.pos === 'CCONJ') return null;
    if (t.pos === 'VERB') return k;
  }
  return null;
}

/** "No arrests were made", "Neither side launched attacks", "None of the parties signed": nobody acted. */
function negatedSubject(head: number, tokens: Token[]): boolean {
  for (let j = head - 1; j >= 0 && j >= head - 6; j -= 1) {
    const w = tokens[j]?.lower ?? '';
    if (w === 'no' || w === 'neither' || w === 'none' || w === 'nobody') return j === 0 || isClauseStart(tokens[j - 1]);
    if (w === ',' || w === ';' || tokens[j]?.pos === 'VERB') return false;
  }
  return false;
}

/** "made no arrests", "there were no clashes", "no new sanctions": an event noun under "no". */
function deniedNoun(start: number, tokens: Token[]): boolean {
  for (let j = start - 1; j >= 0 && j >= start - 3; j -= 1) {
    if (tokens[j]?.lower === 'no') return true;
    if (tokens[j]?.pos !== 'ADJ' && tokens[j]?.pos !== 'NUM') return false;
  }
  return false;
}

function noObject(t: TriggerMatch, tokens: Token[]): boolean {
  for (let j = t.start + 1; j < t.end; j += 1) if (tokens[j]?.lower === 'no') return true;
  return false;
}

function isClauseStart(t: Token | undefined): boolean {
  return t === undefined || t.pos === 'PUNCT' || t.pos === 'CCONJ' || t.pos === 'SCONJ';
}

function hasFutureAdjective(start: number, tokens: Token[], cues: Cues): boolean {
  for (let j = start - 1; j >= 0 && j >= start - 3; j -= 1)
    if (cues.futureAdjectives.has(tokens[j]?.lower ?? '')) return true;
  return false;
}
