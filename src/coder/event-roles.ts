import type { ActorMention } from './actor-mentions.js';
import type { Cues } from './cues.js';
import type { EventFrame } from './event-frames.js';
import type { Token } from './nlp.js';
import { IRREGULAR_PAST } from './pattern-match.js';

/** Source and target actor groups of one event frame. */
export interface EventRoles {
  sources: ActorMention[];
  targets: ActorMention[];
  reciprocal: boolean;
}

const POSSESSIVES = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your']);
const BE = new Set(['be', 'is', 'was', 'were', 'are', 'been', 'being', 'get', 'got']);

/** Picks source (subject side) and target (object side) actors for a frame. */
export function assignRoles(frame: EventFrame, tokens: Token[], mentions: ActorMention[], cues: Cues): EventRoles {
  const actors = mentions.filter(
    (m) => (!m.isPlace || forceOwner(m, frame)) && (m.code !== null || m.sector !== null || m.kind === 'PRONOUN'),
  );
  let sources: ActorMention[] = [];
  let targets: ActorMention[] = [];
  const passive = isPassive(frame, tokens);
  const before = speakerOnly(frame)
    ? speakerBefore(frame.head, actors, tokens)
    : nearestBefore(frame.head, actors, tokens, cues);
  const object = firstAfter(
    frame.innerTarget ? frame.innerTarget.start : frame.anchor + 1,
    actors,
    tokens,
    cues,
    frame,
  );
  // "sent inspectors to Iran to investigate": those sent carry out the inquiry; its target is where they go.
  const after = object && sentToInquire(frame, tokens) ? destination(object, actors, tokens) : object;
  if (passive) {
    const agent = actors.find((m) => m.start >= frame.end && afterBy(m, tokens)) ?? causeClause(frame, actors, tokens);
    sources = agent ? group(agent, actors, tokens) : [];
    targets = before ? group(before, actors, tokens) : [];
  } else if (frame.nominal) {
    ({ sources, targets } = nominalRoles(frame, tokens, actors, before, after));
  } else {
    sources = before ? group(before, actors, tokens) : reporterAfter(frame, tokens, actors, cues);
    targets = frame.innerTarget
      ? group(frame.innerTarget, actors, tokens)
      : after && (!speakerOnly(frame) || addressee(after, frame, tokens))
        ? group(after, actors, tokens)
        : [];
  }
  // "Kenya received vaccines from Britain": the giver is the source of aid received, the receiver its target.
  if (!frame.nominal && !passive && /^07/.test(frame.code) && tokens[frame.head]?.lemma === 'receive') {
    const giver = actors.find((m) => m.start >= frame.end && m.start <= frame.end + 4 && afterFrom(m, tokens));
    targets = sources;
    sources = giver ? group(giver, actors, tokens) : [];
  }
  if (frame.obligation && sources.length > 0) {
    const speaker = actors.find(
      (m) => !sources.includes(m) && (m.end <= (sources[0]?.start ?? 0) || m.start >= frame.end),
    );
    targets = sources;
    sources = speaker ? [speaker] : [];
  }
  targets = targets.filter((t) => !sources.includes(t));
  return splitReciprocal(frame, sources, targets, cues);
}

/**
 * "Russian air strikes", "Israeli shelling", "a Turkish offensive": a demonym right before an act of force names
 * whose force it is, though before a singular noun it is otherwise only a place hint ("the Kazakh capital").
 */
function forceOwner(m: ActorMention, frame: EventFrame): boolean {
  return (
    m.parts.length === 1 &&
    m.parts[0]?.entry.kind === 'DEMONYM' &&
    m.end === frame.start &&
    /^(?:1[89]|20)/.test(frame.code)
  );
}

const CAUSE_LINKS = new Set(['when', 'as', 'after']);

/**
 * "Twelve people were killed when gunmen opened fire", "were wounded as troops stormed the camp": harm suffered with
 * no agent of its own was done by the subject of the clause that tells how.
 */
function causeClause(frame: EventFrame, actors: ActorMention[], tokens: Token[]): ActorMention | undefined {
  if (!/^(?:1[89]|20)/.test(frame.code)) return undefined;
  let j = frame.end;
  while (j < frame.end + 6 && j < tokens.length && !CAUSE_LINKS.has(tokens[j]?.lower ?? '')) {
    if (tokens[j]?.pos === 'PUNCT' || tokens[j]?.pos === 'VERB') return undefined;
    j += 1;
  }
  if (!CAUSE_LINKS.has(tokens[j]?.lower ?? '')) return undefined;
  const subject = actors.find((m) => m.start > j && m.start <= j + 3);
  const verb = subject ? tokens[subject.end] : undefined;
  return subject && (verb?.pos === 'VERB' || verb?.pos === 'AUX') ? subject : undefined;
}

function sentToInquire(frame: EventFrame, tokens: Token[]): boolean {
  const lemma = tokens[frame.head]?.lemma;
  return frame.code.startsWith('09') && (lemma === 'send' || lemma === 'dispatch' || lemma === 'deploy');
}

/** The actor after "to" following those sent, if any. */
function destination(sent: ActorMention, actors: ActorMention[], tokens: Token[]): ActorMention | null {
  return (
    actors.find((m) => m.start > sent.end && m.start <= sent.end + 6 && tokens[m.start - 1]?.lower === 'to') ?? null
  );
}

/** "from Britain", "from the European Union". */
function afterFrom(m: ActorMention, tokens: Token[]): boolean {
  let j = m.start - 1;
  while (j >= 0 && (tokens[j]?.pos === 'DET' || tokens[j]?.pos === 'ADJ')) j -= 1;
  return tokens[j]?.lower === 'from';
}

/** The agent of a passive: "by police", "by a mob", "by the country's army". */
function afterBy(m: ActorMention, tokens: Token[]): boolean {
  let j = m.start - 1;
  while (j >= 0 && (tokens[j]?.pos === 'DET' || tokens[j]?.pos === 'ADJ' || tokens[j]?.pos === 'NUM')) j -= 1;
  return tokens[j]?.lower === 'by';
}

/** An act in the passive ("was attacked", "were quickly lifted"): its subject is the target. */
export function isPassive(frame: EventFrame, tokens: Token[]): boolean {
  const prev = tokens[frame.head - 1];
  const prev2 = tokens[frame.head - 2];
  const aux = (t: Token | undefined): boolean => t !== undefined && BE.has(t.lower);
  const participle = /(ed|en|wn|ught)$/.test(tokens[frame.head]?.lower ?? '') || tokens[frame.head]?.lower === 'hit';
  // "is prepared to", "are determined to": adjectival governors, not passives.
  const governs = tokens[frame.head + 1]?.lower === 'to' && tokens[frame.head + 2]?.pos === 'VERB';
  // "The convoy came under fire": the subject suffers the act.
  const suffered = tokens[frame.head]?.lemma === 'come' && tokens[frame.head + 1]?.lower === 'under';
  return !frame.nominal && (suffered || (participle && !governs && (aux(prev) || (prev?.pos === 'ADV' && aux(prev2)))));
}

/** A plain statement (010) is made by the actor it follows in its own clause ("the ministry said"), or by no one. */
function speakerOnly(frame: EventFrame): boolean {
  return frame.code === '010';
}

/** A statement's target is whom it was told to ("told reporters", "said to Iran"), not an actor it speaks of. */
function addressee(m: ActorMention, frame: EventFrame, tokens: Token[]): boolean {
  const gap = tokens.slice(frame.end, m.start).map((t) => t.lower);
  return gap.every((w) => w === 'to' || w === 'the');
}

function speakerBefore(head: number, actors: ActorMention[], tokens: Token[]): ActorMention | null {
  const m = [...actors].reverse().find((a) => a.end <= head);
  if (!m) return null;
  const between = tokens.slice(m.end, head);
  return between.length <= 3 && between.every((t) => t.pos === 'ADV' || t.pos === 'AUX' || t.pos === 'PART') ? m : null;
}

function nearestBefore(head: number, actors: ActorMention[], tokens: Token[], cues: Cues): ActorMention | null {
  let best: ActorMention | null = null;
  for (const m of actors) {
    if (m.end > head) break;
    if (cues.clauseBreaks.has(tokens[m.end]?.lower ?? '') && tokens[m.end]?.lower !== ',') continue;
    best = m;
  }
  return best && ownSubjectAfterReporter(best, head, actors, tokens, cues) ? null : best;
}

/**
 * "Police said a gunman shot three people": the reported clause has a subject of its own that no dictionary
 * knows, so the reporter is not the doer.
 */
function ownSubjectAfterReporter(
  m: ActorMention,
  head: number,
  actors: ActorMention[],
  tokens: Token[],
  cues: Cues,
): boolean {
  let verb = -1;
  for (let j = m.end; j < head && j <= m.end + 3; j += 1)
    if (cues.reporting.has((tokens[j] as Token).lemma) && tokens[j]?.pos === 'VERB') verb = j;
  if (verb < 0) return false;
  // The word just before the act (past auxiliaries and adverbs) is the clause's subject: "a gunman shot", "the
  // woman was assaulted"; "reiterated its commitment to support" and "said that removing" have none.
  let j = head - 1;
  while (j > verb && (tokens[j]?.pos === 'AUX' || tokens[j]?.pos === 'ADV' || tokens[j]?.pos === 'PART')) j -= 1;
  const t = tokens[j] as Token;
  if (j <= verb || tokens[head - 1]?.lower === 'to' || !(t.pos === 'NOUN' || t.pos === 'PRON')) return false;
  if (RELATIVES.has(t.lower) || POSSESSIVES.has(t.lower) || !verbForm(tokens[head])) return false;
  // The whole noun phrase ("Burundi's government", "a gunman") must hold no actor.
  let k = j;
  while (k > verb && NOUN_PHRASE.has(tokens[k]?.pos ?? '')) {
    if (actors.some((a) => a.start <= k && k < a.end)) return false;
    k -= 1;
  }
  return true;
}

/** A verb, or a past form the tagger read as a noun ("a gunman shot"), not an event noun ("its demands"). */
function verbForm(t: Token | undefined): boolean {
  return t !== undefined && (t.pos === 'VERB' || IRREGULAR_PAST.has(t.lower) || /ed$/.test(t.lower));
}

const RELATIVES = new Set(['that', 'which', 'who', 'what', 'whom']);
const NOUN_PHRASE = new Set(['NOUN', 'PROPN', 'PRON', 'ADJ', 'DET', 'NUM', 'PART']);

function breaksBetween(from: number, to: number, tokens: Token[], cues: Cues): boolean {
  for (let j = from; j < to; j += 1) if (cues.clauseBreaks.has(tokens[j]?.lower ?? '')) return true;
  return false;
}

function firstAfter(
  from: number,
  actors: ActorMention[],
  tokens: Token[],
  cues: Cues,
  frame: EventFrame,
): ActorMention | null {
  for (const m of actors) {
    if (m.start < from) continue;
    // The actor's own forces named inside the pattern ("deployed troops", "sent police") are its instrument, not
    // the target; "shot dead protesters" names the target.
    if (m.start < frame.end && m.name === null && m.kind === 'GROUP' && (m.sector === 'MIL' || m.sector === 'COP'))
      continue;
    // Weapons ("a drone attack on ...", "shot down two drones") are instruments, not targets.
    if (m.parts.some((p) => p.entry.equipment === true)) continue;
    // "its troops", "their supporters": the subject's own people are not the target.
    if (POSSESSIVES.has(tokens[m.start - 1]?.lower ?? '')) continue;
    if (m.start - frame.end > 12) return null;
    if (breaksBetween(frame.end, m.start, tokens, cues) && m.start > frame.end + 1) return null;
    if (isReporter(m, tokens, cues)) return null;
    // "denied that it had used force": a pronoun starting a clause is that clause's subject.
    if (m.pronoun !== null && (tokens[m.start + 1]?.pos === 'VERB' || tokens[m.start + 1]?.pos === 'AUX')) return null;
    return m;
  }
  return null;
}

/** "South Korea's military said": an actor followed closely by a reporting verb is the reporter. */
function isReporter(m: ActorMention, tokens: Token[], cues: Cues): boolean {
  for (let j = m.end; j < tokens.length && j <= m.end + 3; j += 1) {
    const t = tokens[j] as Token;
    if (cues.reporting.has(t.lemma) && t.pos === 'VERB') return true;
    if (t.pos === 'PUNCT' && t.lower !== "'s" && t.lower !== '’s') return false;
  }
  return false;
}

/** "..., officials said": the reporter speaks for the event when nothing precedes it. */
function reporterAfter(frame: EventFrame, tokens: Token[], actors: ActorMention[], cues: Cues): ActorMention[] {
  // "A gunman shot three people, police said": a subject the dictionaries do not know is still the doer, and the
  // police who report the act did not commit it. Only an act with no subject of its own takes its reporter.
  if (hasSubject(frame.head, tokens)) return [];
  const m = actors.find((a) => a.start >= frame.end && cues.reporting.has(tokens[a.end]?.lemma ?? ''));
  return m ? [m] : [];
}

/** A noun or pronoun before the head in its clause (back to the sentence start or a clause break). */
function hasSubject(head: number, tokens: Token[]): boolean {
  for (let j = head - 1; j >= 0; j -= 1) {
    const t = tokens[j] as Token;
    if (t.text === ',' || t.text === ';' || t.text === ':') return false;
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON') return true;
  }
  return false;
}

function nominalRoles(
  frame: EventFrame,
  tokens: Token[],
  actors: ActorMention[],
  before: ActorMention | null,
  after: ActorMention | null,
): { sources: ActorMention[]; targets: ActorMention[] } {
  const link = tokens[frame.end]?.lower;
  if (after && link === 'between') {
    const both = group(after, actors, tokens);
    const second =
      both.length > 1
        ? []
        : actors
            .filter(
              (m) =>
                m.start > after.end &&
                m.start <= after.end + 5 &&
                tokens.slice(after.end, m.start).some((t) => t.lower === 'and'),
            )
            .slice(0, 1);
    return { sources: both.slice(0, 1), targets: [...both.slice(1), ...second] };
  }
  // "the attack by rebels", "the seizure of the tanker by Iranian forces": the agent after "by" in the noun's phrase.
  const by = actors.find(
    (m) => m.start >= frame.end && m.start <= frame.end + 8 && afterBy(m, tokens) && samePhrase(frame.end, m, tokens),
  );
  // Media reporting a meeting ("quoted by SANA during a meeting") are not its participants.
  const participant = before && before.sector === 'MED' ? lastNonMedia(actors, frame.head) : before;
  // "Five villagers died in a drone strike", "were wounded in shelling": the subject is the act's victim.
  if (participant && sufferedIn(frame.start, tokens)) {
    const victims = group(participant, actors, tokens);
    return { sources: by ? group(by, actors, tokens) : [], targets: victims };
  }
  const agent = by ?? (participant ? null : passiveAgent(frame.end, actors, tokens));
  const sources = agent ? group(agent, actors, tokens) : participant ? group(participant, actors, tokens) : [];
  const targets = after && after !== agent ? group(after, actors, tokens) : [];
  return { sources, targets };
}

const SUFFERED = new Set(['die', 'died', 'kill', 'killed', 'wound', 'wounded', 'injure', 'injured', 'hurt', 'perish']);

const MODIFIER_POS = new Set(['DET', 'ADJ', 'NUM', 'NOUN']);

/** "died in a", "were killed in the", "wounded in heavy", "died in a roadside bomb": a verb of dying or injury and "in" before the event noun. */
function sufferedIn(start: number, tokens: Token[]): boolean {
  let j = start - 1;
  while (j >= 0 && j >= start - 4 && MODIFIER_POS.has(tokens[j]?.pos ?? '')) j -= 1;
  const verb = tokens[j - 1];
  return tokens[j]?.lower === 'in' && verb !== undefined && (SUFFERED.has(verb.lemma) || SUFFERED.has(verb.lower));
}

/**
 * "The lifting of sanctions was announced by the EU", "The expulsion of the diplomats was ordered by the ministry":
 * an event noun that is the subject of a passive takes the passive's agent as its source.
 */
function passiveAgent(from: number, actors: ActorMention[], tokens: Token[]): ActorMention | null {
  let j = from;
  while (j < tokens.length && j < from + 8 && tokens[j]?.pos !== 'AUX') {
    const pos = tokens[j]?.pos;
    if (pos === 'VERB' || pos === 'PUNCT') return null;
    j += 1;
  }
  if (tokens[j]?.pos !== 'AUX') return null;
  j += 1;
  if (tokens[j]?.pos === 'ADV') j += 1;
  if (tokens[j]?.pos !== 'VERB' || tokens[j + 1]?.lower !== 'by') return null;
  return actors.find((m) => m.start > j + 1 && m.start <= j + 4 && afterBy(m, tokens)) ?? null;
}

/** Only the noun's own phrase ("of the tanker", "on the convoy") lies between its end and the actor. */
function samePhrase(from: number, m: ActorMention, tokens: Token[]): boolean {
  return tokens.slice(from, m.start).every((t) => t.pos !== 'VERB' && t.pos !== 'AUX' && t.pos !== 'PUNCT');
}

function lastNonMedia(actors: ActorMention[], head: number): ActorMention | null {
  let best: ActorMention | null = null;
  for (const m of actors) if (m.end <= head && m.sector !== 'MED') best = m;
  return best;
}

/** The coordinated group ("Russia and Turkey", "Hungarian and Romanian officials") around a mention. */
export function group(m: ActorMention, actors: ActorMention[], tokens: Token[]): ActorMention[] {
  const i = actors.indexOf(m);
  let lo = i;
  let hi = i;
  while (lo > 0 && joined(actors[lo - 1] as ActorMention, actors[lo] as ActorMention, tokens)) lo -= 1;
  while (hi < actors.length - 1 && joined(actors[hi] as ActorMention, actors[hi + 1] as ActorMention, tokens)) hi += 1;
  const members = actors.slice(lo, hi + 1);
  const sector = members.find((a) => a.sector && a.kind === 'GROUP')?.sector ?? null;
  return members.map((a) => (a.kind === 'GROUP' && !a.sector && sector ? { ...a, sector } : a));
}

function joined(a: ActorMention, b: ActorMention, tokens: Token[]): boolean {
  const gap = tokens.slice(a.end, b.start).map((t) => t.lower);
  if (gap.length === 1) return gap[0] === 'and' || gap[0] === '&' || gap[0] === 'or';
  if (gap.length === 2) return (gap[0] === ',' && gap[1] === 'and') || (gap[0] === 'and' && gap[1] === 'the');
  return gap.length === 3 && gap[0] === 'as' && gap[1] === 'well' && gap[2] === 'as';
}

function splitReciprocal(frame: EventFrame, sources: ActorMention[], targets: ActorMention[], cues: Cues): EventRoles {
  const reciprocalCode = cues.reciprocalCodes.has(frame.code) || cues.reciprocalCodes.has(frame.code.slice(0, 3));
  // "Moscow and Kyiv exchanged prisoners (in a deal brokered by X)": the pair acts on each other.
  if (reciprocalCode && sources.length >= 2) {
    return { sources: sources.slice(0, 1), targets: sources.slice(1), reciprocal: true };
  }
  // With an explicit partner only joint acts (meet with, negotiate with, sign with) are reciprocal;
  // a promise or pledge to someone is directed.
  const joint = reciprocalCode && /^0[456]/.test(frame.code);
  return { sources, targets, reciprocal: joint && targets.length > 0 };
}
