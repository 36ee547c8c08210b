import type { Cues } from './cues.js';
import type { StoryDomain } from './data-schemas.js';
import type { EventFrame } from './event-frames.js';
import type { Token } from './nlp.js';

/** A match score ("5-0", "2-1"): a sport sentence unless a political actor is named (a court's 9-0 ruling). */
const SCORE = /^\d{1,2}-\d{1,2}$/;
/** A month right after a score is a date range ("11-12 March"), not a result. */
const MONTH = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
/** Hints count only as nouns and modifiers: "defeated" the verb is the act, "the defeat" a sport word. */
const HINT_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM']);
/** Tokens that may stand in an object noun phrase after the predicate ("a third of the smartphone market"). */
const OBJECT_POS = new Set(['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN', 'PART']);

/**
 * The kind of story a sentence's words mark, decided by vocabulary that holds for any news text: one word only
 * such stories use ("penalty shoot-out", "shareholders", "vaccine", "box office") or a match score, else two
 * hints of one kind ("goal" and "minute"; "market" and "rivals"); null for anything else.
 */
export function storyDomain(tokens: Token[], cues: Cues): StoryDomain | null {
  const hints = new Map<StoryDomain, Set<string>>();
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] as Token;
    if (SCORE.test(t.text) && !MONTH.test(tokens[i + 1]?.text ?? '')) return 'sport';
    if (cues.domains.startsWith(t)) {
      const strong = cues.domains.longestAt(tokens, i);
      if (strong) return strong.values[0] ?? null;
    }
    if (!HINT_POS.has(t.pos) || !cues.domainHints.startsWith(t)) continue;
    const hint = cues.domainHints.longestAt(tokens, i);
    for (const domain of hint?.values ?? []) {
      const seen = hints.get(domain) ?? new Set<string>();
      seen.add(t.lemma);
      hints.set(domain, seen);
      if (seen.size >= 2) return domain;
    }
  }
  return null;
}

/**
 * The kind of thing an act is done to, from the nouns of the phrase after its predicate: "attacked the basket",
 * "besieged the Spanish goal" (sport), "is invading the European market", "captured a third of the smartphone
 * market" (business). Null when the object is no such thing.
 */
export function objectDomain(frame: EventFrame, tokens: Token[], cues: Cues): StoryDomain | null {
  for (let i = frame.anchor + 1; i < Math.min(tokens.length, frame.end + 8); i += 1) {
    const t = tokens[i] as Token;
    if (i >= frame.end && !OBJECT_POS.has(t.pos) && t.lower !== 'of') return null;
    if (!cues.domainObjects.startsWith(t)) continue;
    const match = cues.domainObjects.longestAt(tokens, i);
    // The noun must end its phrase ("the goal", not "goal-line technology"; "the market" not "market town").
    if (match && !/^(?:NOUN|PROPN)$/.test(tokens[match.end]?.pos ?? '')) return match.values[0] ?? null;
  }
  return null;
}
