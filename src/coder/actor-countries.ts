import type { ActorMention } from './actor-mentions.js';
import type { Token } from './nlp.js';

const NON_STATE = new Set(['IGO', 'NGO', 'MNC', 'IMG']);
const MANY = new Set(['both', 'two', 'three', 'four', 'all', 'each', 'several', 'various']);
const PARTIES = new Set(['countries', 'sides', 'nations', 'states', 'governments', 'parties', 'delegations']);

/** A country code of a state ("SYR"), not IGO/NGO/MNC/IMG. */
export function isCountryCode(code: string | null | undefined): code is string {
  return typeof code === 'string' && code.length === 3 && !NON_STATE.has(code);
}

/**
 * The country an article is about, when one clearly dominates: at least two mentions and 60% of all
 * mentions of countries and international actors (as actors or places). Null for a story about several
 * countries, or about what an international body does to one ("EU weighs new Russia sanctions").
 */
export function dominantCountry(sentences: ActorMention[][]): string | null {
  const counts = new Map<string, number>();
  let total = 0;
  for (const mentions of sentences)
    for (const m of mentions) {
      if (m.code === null || m.kind === 'PRONOUN') continue;
      total += 1;
      if (isCountryCode(m.code)) counts.set(m.code, (counts.get(m.code) ?? 0) + 1);
    }
  let best: [string, number] | null = null;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  return best && best[1] >= 2 && best[1] >= 0.6 * total ? best[0] : null;
}

/**
 * Bare sector nouns and unknown titled persons ("police", "officials", "Judge Ana Ruiz") take a country
 * only where the text supports one: a place attached to them ("police in X"), else the nearest country
 * before them in the sentence, else the country the article is about, else, for an indefinite subject, the
 * place or the one country named after it ("Rebels demanded the resignation of President X of Y"). A group of several parties
 * ("the two leaders", "officials from both countries") and anything else gets none: no invented country.
 */
export function giveCountries(
  mentions: ActorMention[],
  tokens: Token[],
  articleCountry: string | null,
): ActorMention[] {
  let last: string | null = null;
  let first = true;
  const out: ActorMention[] = [];
  mentions.forEach((m, i) => {
    const subject = first && !m.isPlace;
    if (!m.isPlace) first = false;
    if (isCountryCode(m.code)) last = m.code;
    // A pronoun resolved within the sentence shares the country its antecedent has just been given.
    const antecedent = m.antecedentSpan ? out.find((o) => o.start === m.antecedentSpan?.[0]) : undefined;
    if (m.code === null && antecedent?.code) {
      out.push({ ...m, code: antecedent.code, inferredCountry: antecedent.inferredCountry });
      return;
    }
    if (m.code !== null || m.sector === null || m.kind === 'PRONOUN' || multiParty(m, tokens)) {
      out.push(m);
      return;
    }
    const next = mentions[i + 1];
    const attached = next?.isPlace && next.start - m.end <= 1 && tokens[m.end]?.lower === 'in' ? next.code : null;
    // "the leaders" refers back; an indefinite group looks ahead when it is the subject ("Rebels demanded
    // ...") or a place follows ("refugees fleeing the war in Liberia"), not at a mere country ("told
    // reporters that the measures target Russian gas").
    const ahead = definite(m, tokens) ? null : countryAfter(mentions, i, tokens, subject);
    const code = attached ?? last ?? articleCountry ?? ahead;
    out.push(code ? { ...m, code, inferredCountry: true } : m);
  });
  return out;
}

/** "the leaders", "the two sides" point back; "The Homeland Union", a capitalised name, does not. */
function definite(m: ActorMention, tokens: Token[]): boolean {
  for (let j = m.start - 1; j >= 0 && j >= m.start - 2; j -= 1) {
    if (tokens[j]?.lower === 'the') return !/^\p{Lu}/u.test(tokens[j + 1]?.text ?? '');
  }
  return false;
}

/**
 * The first place named after the group ("people blocked streets in Hong Kong"; not a point of departure,
 * "from Belarus"), else the one country after it.
 */
function countryAfter(mentions: ActorMention[], i: number, tokens: Token[], subject: boolean): string | null {
  const later = mentions
    .slice(i + 1)
    .filter((m) => isCountryCode(m.code) && !(m.isPlace && tokens[m.start - 1]?.lower === 'from'));
  const place = later.find((m) => m.isPlace);
  if (place) return place.code;
  const codes = new Set(later.map((m) => m.code));
  return subject && codes.size === 1 ? (later[0]?.code ?? null) : null;
}

/** "the two leaders", "both governments", "officials from both countries" (not "doctors from two aid groups"). */
function multiParty(m: ActorMention, tokens: Token[]): boolean {
  const before = [tokens[m.start - 1]?.lower, tokens[m.start - 2]?.lower];
  if (before.some((w) => w !== undefined && MANY.has(w))) return true;
  const link = tokens[m.end]?.lower;
  const at = tokens[m.end + 1]?.lower === 'the' ? m.end + 2 : m.end + 1;
  const quantifier = tokens[at]?.lower ?? '';
  return (link === 'from' || link === 'of') && MANY.has(quantifier) && PARTIES.has(tokens[at + 1]?.lower ?? '');
}
