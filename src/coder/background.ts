import type { Cues } from './cues.js';
import type { EventFrame } from './event-frames.js';
import type { Token } from './nlp.js';
import { CALENDAR } from './participants.js';

const CLAUSE_EDGE = new Set([',', ';', ':', '(', ')', '—', '–']);
const TIME_PREPOSITIONS = new Set(['in', 'since', 'during', 'until', 'from', 'between', 'by', 'after', 'before']);
const AGO_UNITS = new Set(['year', 'years', 'decade', 'decades', 'century', 'centuries']);
/** Words between "the" and a decade or century ("in the late 1970s", "in the early 19th century"). */
const ERA_MODIFIERS = new Set(['early', 'late', 'mid', 'mid-', 'middle', 'first', 'last']);
const ORDINALS =
  /^(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)$/;

/**
 * The act is a past event restated as background, not news: its clause (or an adverbial opening the sentence)
 * dates it to a year before the article's ("in 2014", "since the 1990s", "in the late 1970s", "a decade ago"),
 * to an earlier century ("in the seventeenth century"), to a named war of the past ("during the Second World
 * War", "in the Six-Day War": a war with a capitalised name) or to a past era of a life or a country ("when he
 * was a boy", "in the past", "historically"; cues.json `pastEras`), or it has long held ("has long been accused").
 * A year inside a noun phrase ("the 2015 attack") does not date the act.
 */
export function restated(frame: EventFrame, tokens: Token[], year: number, cues: Cues): boolean {
  let from = frame.head;
  while (from > 0 && !CLAUSE_EDGE.has(tokens[from - 1]?.text ?? '')) from -= 1;
  // The clause ends at its edge, or at a participle or relative clause on the object ("released a contractor held
  // since 2020", "freed a man who was jailed in 2019"): their dates are the object's past, not the act's.
  let to = frame.end;
  while (to < tokens.length && !CLAUSE_EDGE.has(tokens[to]?.text ?? '') && !modifierStarts(tokens, to)) to += 1;
  // A time adverbial after a comma dates the clause before it ("have fought twice, in 1965 and 1971").
  if (tokens[to]?.text === ',' && TIME_PREPOSITIONS.has(tokens[to + 1]?.lower ?? '')) {
    to += 1;
    while (to < tokens.length && !CLAUSE_EDGE.has(tokens[to]?.text ?? '')) to += 1;
  }
  // A sentence-initial adverbial ("In 2019, ...", "Years ago, ...", "During the Cold War, ...") dates the clause
  // after it.
  const comma = tokens.findIndex((t) => t.text === ',');
  const preposed = from > 0 && comma >= 0 && comma < from && tokens[from - 1]?.text === ',';
  if (preposed && comma === from - 1) from = 0;
  for (let i = from; i < to; i += 1) {
    const t = tokens[i] as Token;
    const y = /^(1[5-9]\d\d|20\d\d)s?$/.exec(t.lower);
    if (y && Number(y[1]) < year && datesTheClause(tokens, i, from)) return true;
    if (t.lower === 'ago' && AGO_UNITS.has(tokens[i - 1]?.lower ?? '')) return true;
    if (t.lower === 'century' && pastCentury(tokens, i)) return true;
    if (t.text === 'War' && namedWar(tokens, i)) return true;
    if (t.lower === 'long' && /^ha(?:s|ve|d)$/.test(tokens[i - 1]?.lower ?? '')) return true;
    if (cues.pastEras.startsWith(t) && cues.pastEras.longestAt(tokens, i) !== null) return true;
  }
  return false;
}

function datesTheClause(tokens: Token[], i: number, clauseStart: number): boolean {
  const before = tokens[i - 1]?.lower ?? '';
  if (TIME_PREPOSITIONS.has(before) || CALENDAR.test(tokens[i - 1]?.text ?? '')) return true;
  // "killed in the 1973 war", "in the late 1970s": a dated event or era named in the act's own adverbial.
  let j = i - 1;
  while (ERA_MODIFIERS.has(tokens[j]?.lower ?? '') || tokens[j]?.text === '-') j -= 1;
  if (tokens[j]?.lower === 'the' && TIME_PREPOSITIONS.has(tokens[j - 1]?.lower ?? '')) return true;
  // "Since the 2003 invasion, ...": a year in the preposed adverbial of the sentence.
  return (
    clauseStart === 0 && TIME_PREPOSITIONS.has(tokens[0]?.lower ?? '') && i < tokens.findIndex((t) => t.text === ',')
  );
}

/** "in the seventeenth century", "during the 19th century", "in the last century". */
function pastCentury(tokens: Token[], i: number): boolean {
  let j = i - 1;
  const ordinal = tokens[j]?.lower ?? '';
  if (!ORDINALS.test(ordinal) && ordinal !== 'last' && ordinal !== 'previous') return false;
  j -= 1;
  while (ERA_MODIFIERS.has(tokens[j]?.lower ?? '') || tokens[j]?.text === '-') j -= 1;
  if (tokens[j]?.lower !== 'the' || !TIME_PREPOSITIONS.has(tokens[j - 1]?.lower ?? '')) return false;
  const n = Number.parseInt(ordinal, 10);
  return Number.isNaN(n) || n < 21;
}

/** A war with a capitalised name in a time adverbial: "during the Second World War", "after the Gulf War". */
function namedWar(tokens: Token[], i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 5; j -= 1) {
    if (tokens[j]?.lower === 'the') return TIME_PREPOSITIONS.has(tokens[j - 1]?.lower ?? '');
    if (!/^\p{Lu}|^\d|^-$/u.test(tokens[j]?.text ?? '')) return false;
  }
  return false;
}

/** A past participle after a noun ("a contractor held since") or a relative pronoun starts a modifier of the object. */
function modifierStarts(tokens: Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (t.lower === 'who' || t.lower === 'which' || t.lower === 'whom') return true;
  return t.pos === 'VERB' && /(?:ed|en|wn|eld|ept|ught)$/.test(t.lower) && tokens[i - 1]?.pos === 'NOUN';
}
