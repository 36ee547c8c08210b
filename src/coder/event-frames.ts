import type { ActorMention } from './actor-mentions.js';
import { composeCode, futureCode, negatedCode } from './compose.js';
import type { Cues } from './cues.js';
import type { GovernorClass } from './data-schemas.js';
import type { Token } from './nlp.js';
import type { TriggerMatch, VerbLexicon } from './verb-lexicon.js';

export type EventMode = 'future' | 'hypothetical' | 'negated' | 'intent' | null;

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
  confidence: number;
}

interface Aux { negated: boolean; future: boolean; hypothetical: boolean; obligation: boolean }

/** Finds event predicates in a sentence and resolves governors, modality and negation. */
export function findEventFrames(tokens: Token[], mentions: ActorMention[], lexicon: VerbLexicon, cues: Cues): EventFrame[] {
  const triggers: TriggerMatch[] = [];
  for (let i = 0; i < tokens.length;) {
    const m = lexicon.matchAt(tokens, i);
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
  return kept.length > 0 ? kept : obligationFrames(tokens, mentions, cues);
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
    return [{ code: '100', head: i, anchor: i, start: i, end: i + 1, nominal: false, mode: null, innerTarget: null, obligation: true, confidence: 0.55 }];
  }
  return [];
}

function frameFor(t: TriggerMatch, all: TriggerMatch[], tokens: Token[], mentions: ActorMention[], cues: Cues, consumed: Set<number>): EventFrame | null {
  const gov = findGovernor(t.start, tokens, mentions, cues);
  let code = t.code;
  let head = t.start;
  let mode: EventMode = null;
  let innerTarget: ActorMention | null = null;
  if (gov) {
    const composed = composeCode(gov.cls, t.code);
    if (composed) {
      code = composed;
      head = gov.index;
      innerTarget = gov.between;
      mode = gov.cls === 'intent' || gov.cls === 'threaten' ? 'intent' : null;
      const govTrigger = all.find((g) => g.start === gov.index);
      if (govTrigger) consumed.add(govTrigger.start);
    }
  }
  const aux = auxiliaries(head, tokens, cues);
  if (aux.obligation && gov && !aux.negated) {
    // "the US must be ready to mediate": an obligation laid on someone is a demand.
    code = composeCode('demand', t.code) ?? code;
    return { code, head, anchor: t.start, start: head, end: t.end, nominal: false, mode: null, innerTarget: null, obligation: true, confidence: 0.7 };
  }
  if (aux.negated) {
    const rejected = t.nominal ? null : negatedCode(code);
    if (!rejected) return null;
    code = rejected;
    mode = null;
  } else if (aux.obligation && !t.nominal && !gov) {
    code = composeCode('demand', code) ?? code;
  } else if ((aux.future || aux.hypothetical) && !t.nominal) {
    if (!gov) code = futureCode(code) ?? code;
    mode = aux.future ? 'future' : 'hypothetical';
  } else if (t.nominal && hasFutureAdjective(t.start, tokens, cues)) {
    mode = 'future';
  }
  if (!mode && isConditional(head, tokens)) mode = 'hypothetical';
  const confidence = (t.nominal ? 0.5 : 0.7) + Math.min(0.2, 0.05 * t.size) + (gov ? 0.05 : 0);
  // A governed noun ("ready for talks", "rejected the ceasefire") is a verbal event.
  const nominal = t.nominal && head === t.start;
  return { code, head, anchor: t.start, start: Math.min(head, t.start), end: t.end, nominal, mode, innerTarget, obligation: aux.obligation && !gov, confidence };
}

const NP_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);

interface Governor { cls: GovernorClass; index: number; between: ActorMention | null }

/** Walks back from an act over "to" / "that" / an actor to a governing verb or adjective. */
function findGovernor(start: number, tokens: Token[], mentions: ActorMention[], cues: Cues): Governor | null {
  let j = start - 1;
  while (j >= 0 && (tokens[j]?.pos === 'ADV' || tokens[j]?.pos === 'AUX' || cues.negation.has(tokens[j]?.lower ?? ''))) j -= 1;
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
    while (j > floor && j >= 0 && NP_POS.has(tokens[j]?.pos ?? '') && !cues.governors.has(tokens[j]?.lemma ?? '')) j -= 1;
  }
  if (tokens[j]?.lower === 'on' || tokens[j]?.lower === 'upon' || tokens[j]?.lower === 'for') j -= 1;
  while (j >= 0 && tokens[j]?.pos === 'ADV') j -= 1;
  return governorAt(j, tokens, cues, between, false);
}

function governorAt(j: number, tokens: Token[], cues: Cues, between: ActorMention | null, direct: boolean): Governor | null {
  const t = tokens[j];
  if (!t) return null;
  const classes = cues.governors.get(t.lemma) ?? cues.governors.get(t.lower);
  if (!classes) return null;
  // Without "to"/"that", only refusals and accusations govern a direct object act ("rejected talks").
  const cls = direct ? classes.find((c) => c === 'refuse') : classes[0];
  return cls ? { cls, index: j, between } : null;
}

function auxiliaries(head: number, tokens: Token[], cues: Cues): Aux {
  const aux: Aux = { negated: false, future: false, hypothetical: false, obligation: false };
  for (let j = head - 1; j >= 0 && j >= head - 5; j -= 1) {
    const t = tokens[j] as Token;
    if (!(t.pos === 'AUX' || t.pos === 'PART' || t.pos === 'ADV' || t.lower === 'to' || t.lower === 'going')) break;
    if (cues.negation.has(t.lower)) aux.negated = true;
    if (cues.future.has(t.lower)) aux.future = true;
    if (cues.hypothetical.has(t.lower)) aux.hypothetical = true;
    if (cues.obligation.has(t.lower)) aux.obligation = true;
  }
  return aux;
}

function hasFutureAdjective(start: number, tokens: Token[], cues: Cues): boolean {
  for (let j = start - 1; j >= 0 && j >= start - 3; j -= 1) if (cues.futureAdjectives.has(tokens[j]?.lower ?? '')) return true;
  return false;
}

function isConditional(head: number, tokens: Token[]): boolean {
  for (let j = head - 1; j >= 0 && j >= head - 8; j -= 1) {
    const w = tokens[j]?.lower ?? '';
    if (w === 'if' || w === 'unless' || w === 'whether') return true;
    if (w === ',' || w === ';') return false;
  }
  return false;
}
