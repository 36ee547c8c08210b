import type { ActorMention } from './actor-mentions.js';
import type { Token } from './nlp.js';

/*
 * Appositions and aliases describe the actor next to them, they are not actors of their own:
 * "Pakistan, a key U.S. ally, has refused ..." (Pakistan refuses, not the US), "Thomas Reyes, the
 * Philippine envoy, said ..." (an unknown name takes the envoy's country), "Qatar's emir, Sheikh
 * Tamim, met ..." and "the Nigerian Air Force (NAF) says ...". Each such pair becomes one mention
 * spanning both, with the identity of the named part and the country of whichever part has one.
 */

const APPOSITION_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'ADP', 'PART']);
const MAX_APPOSITION = 12;
const MAX_ALIAS = 6;

/** Merges appositions, parenthetical aliases and "Name, title phrase," pairs into single mentions. */
export function mergeAppositions(mentions: ActorMention[], tokens: Token[]): ActorMention[] {
  const withNames = addTitledNames(mentions, tokens);
  const out: ActorMention[] = [];
  for (let i = 0; i < withNames.length; i += 1) {
    const head = withNames[i] as ActorMention;
    if (head.isPlace || head.kind === 'PRONOUN') {
      out.push(head);
      continue;
    }
    const end = aliasEnd(head, tokens) ?? appositionEnd(head, withNames, tokens);
    if (end === null) {
      out.push(head);
      continue;
    }
    const inside = withNames.filter((m) => m !== head && m.start >= head.end && m.end <= end);
    out.push(combine(head, inside, end));
    i += inside.length;
  }
  return out;
}

/** "(NAF)", "(Party of God)": a short parenthesis without a verb right after an actor. */
function aliasEnd(head: Pick<ActorMention, 'end'>, tokens: Token[]): number | null {
  if (tokens[head.end]?.text !== '(') return null;
  for (let j = head.end + 1; j < tokens.length && j <= head.end + MAX_ALIAS + 1; j += 1) {
    const t = tokens[j] as Token;
    if (t.text === ')') return j > head.end + 1 ? j + 1 : null;
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PRON') return null;
  }
  return null;
}

/**
 * ", a key U.S. ally," / ", the former prime minister of Sri Lanka," after an actor: a noun phrase
 * without a verb, closed by a comma, that opens with a determiner or an actor and holds a noun. Or, after
 * a titled group ("Qatar's emir"), ", Name" directly followed by the verb.
 */
function appositionEnd(head: ActorMention, mentions: ActorMention[], tokens: Token[]): number | null {
  if (tokens[head.end]?.text !== ',') return null;
  const from = head.end + 1;
  const first = tokens[from];
  const opensWithActor = mentions.some((m) => m.start === from && !m.isPlace && m.kind !== 'PRONOUN');
  if (!first || !(first.pos === 'DET' || opensWithActor)) return null;
  let noun = false;
  for (let j = from; j < tokens.length && j - from <= MAX_APPOSITION; j += 1) {
    const t = tokens[j] as Token;
    // "Forces for Defence of Democracy (FDD)": an alias inside the apposition.
    const alias = t.text === '(' ? aliasEnd({ end: j }, tokens) : null;
    if (alias !== null) {
      j = alias - 1;
      continue;
    }
    if (t.text === ',') return noun && j > from ? j : null;
    if (t.pos === 'VERB' || t.pos === 'AUX') return namedAfterTitle(head, mentions, from, j, tokens) ? j : null;
    if (t.lower === 'and' || t.lower === 'or') return null;
    if (!APPOSITION_POS.has(t.pos) && t.text !== '-' && t.text !== "'s" && t.text !== '’s') return null;
    if (t.pos === 'NOUN' || mentions.some((m) => m.start === j && m.kind === 'GROUP')) noun = true;
  }
  return null;
}

/** "Qatar's emir, Sheikh Tamim bin Hamad launched": the tokens between are exactly one named person. */
function namedAfterTitle(
  head: ActorMention,
  mentions: ActorMention[],
  from: number,
  verb: number,
  tokens: Token[],
): boolean {
  const adverb = tokens[verb - 1]?.pos === 'ADV' ? 1 : 0;
  const person = mentions.find((m) => m.start === from && m.end === verb - adverb);
  return person?.kind === 'PERSON' && head.kind === 'GROUP' && isTitled(head);
}

function isTitled(m: ActorMention): boolean {
  return m.parts[m.parts.length - 1]?.entry.title === true;
}

/**
 * "Thomas Reyes, the Philippine envoy, said": two to four capitalised words that no dictionary knows, right
 * before an apposition, name a person; the apposition gives the country.
 */
function addTitledNames(mentions: ActorMention[], tokens: Token[]): ActorMention[] {
  const out = [...mentions];
  for (let comma = 2; comma < tokens.length; comma += 1) {
    if (tokens[comma]?.text !== ',') continue;
    let start = comma;
    while (start > 0 && comma - start < 4 && isCapitalisedName(tokens[start - 1] as Token)) start -= 1;
    if (comma - start < 2 || mentions.some((m) => m.end > start && m.start < comma)) continue;
    const name = tokens
      .slice(start, comma)
      .map((t) => t.text)
      .join(' ');
    const candidate: ActorMention = {
      start,
      end: comma,
      name,
      code: null,
      sector: null,
      entityId: null,
      kind: 'PERSON',
      isPlace: false,
      plural: false,
      needsAntecedent: false,
      pronoun: null,
      parts: [],
    };
    const end = appositionEnd(candidate, mentions, tokens);
    const described =
      end !== null && mentions.some((m) => m.start > comma && m.end <= end && !m.isPlace && (m.sector ?? m.code));
    if (described) out.push(candidate);
  }
  return out.sort((a, b) => a.start - b.start);
}

function isCapitalisedName(t: Token): boolean {
  return t.pos === 'PROPN' && /^\p{Lu}[\p{L}'’.-]*$/u.test(t.text);
}

function combine(head: ActorMention, inside: ActorMention[], end: number): ActorMention {
  const all = [head, ...inside];
  const named = all.find((m) => (m.kind === 'PERSON' || m.kind === 'ORGANIZATION') && m.entityId !== null);
  const identity = named ?? (head.kind === 'GROUP' ? (inside.find((m) => m.kind === 'PERSON') ?? head) : head);
  const code = identity.code ?? all.find((m) => m.code !== null)?.code ?? null;
  const sector = identity.sector ?? all.find((m) => m.sector !== null && m.code === code)?.sector ?? null;
  return {
    ...identity,
    start: head.start,
    end,
    code,
    sector,
    needsAntecedent: false,
    parts: all.flatMap((m) => m.parts),
  };
}
