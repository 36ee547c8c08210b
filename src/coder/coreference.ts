import type { ActorMention } from './actor-mentions.js';
import type { Token } from './nlp.js';

interface Remembered {
  mention: ActorMention;
  /** Number of the sentence it was found in (1-based, in reading order). */
  sentence: number;
  /** The first actor of its sentence, which is usually the sentence's subject. */
  subject: boolean;
}

const NOMINATIVE = new Set(['he', 'she', 'they']);

/** "he", "she", "they"; "it" only before a verb ("said it would", "it also said"; not "overran it"). */
function isSubjectPronoun(m: ActorMention, tokens: readonly Token[]): boolean {
  const word = tokens[m.start]?.lower ?? '';
  if (NOMINATIVE.has(word)) return true;
  const verb = (t: Token | undefined): boolean => t?.pos === 'VERB' || t?.pos === 'AUX';
  const next = tokens[m.start + 1];
  return word === 'it' && (verb(next) || (next?.pos === 'ADV' && verb(tokens[m.start + 2])));
}

/**
 * Article-level memory of named actors, used to resolve pronouns ("he", "it", "they") and bare
 * titles ("the president") to a compatible actor named earlier.
 *
 * A subject pronoun ("it said it would", "Bangladesh told the UN it cannot") prefers the subject of
 * its own sentence, then of the sentence before (centering); other mentions take the most recent
 * compatible actor. A pronoun whose antecedent is in the same sentence keeps that antecedent's tokens
 * (`antecedentSpan`), so the event names the actor where the sentence does.
 */
export class ActorMemory {
  private readonly recent: Remembered[] = [];
  private sentence = 0;

  /** Resolves one sentence's mentions in text order, remembering each named one as it goes. */
  resolve(mentions: ActorMention[], tokens: readonly Token[] = []): ActorMention[] {
    this.sentence += 1;
    let subjectSeen = false;
    return mentions.map((m) => {
      if (m.isPlace) return m;
      const nominative = m.pronoun !== null && isSubjectPronoun(m, tokens);
      const resolved = m.needsAntecedent ? this.antecedent(m, nominative) : m;
      // Sector groups are remembered too, so "Police said they ..." resolves "they".
      if (resolved.kind !== 'PRONOUN' && (resolved.code !== null || resolved.sector !== null)) {
        this.remember(resolved, !subjectSeen);
        subjectSeen = true;
      }
      return resolved;
    });
  }

  private remember(mention: ActorMention, subject: boolean): void {
    this.recent.push({ mention, sentence: this.sentence, subject });
    if (this.recent.length > 40) this.recent.shift();
  }

  private antecedent(m: ActorMention, nominative: boolean): ActorMention {
    const fits = (r: Remembered): boolean => compatible(m, r.mention);
    const found =
      (nominative ? this.subjectOf(this.sentence, fits) : undefined) ??
      this.latest((r) => r.sentence === this.sentence && fits(r)) ??
      (nominative ? this.subjectOf(this.sentence - 1, fits) : undefined) ??
      this.latest(fits);
    if (!found) return m;
    const a = found.mention;
    const sameSentence = found.sentence === this.sentence;
    return {
      ...m,
      name: a.name,
      code: a.code,
      sector: a.sector ?? m.sector,
      entityId: a.entityId,
      kind: a.kind === 'PRONOUN' ? m.kind : a.kind,
      needsAntecedent: false,
      antecedentSpan: sameSentence ? (a.antecedentSpan ?? [a.start, a.end]) : undefined,
    };
  }

  private subjectOf(sentence: number, fits: (r: Remembered) => boolean): Remembered | undefined {
    return this.recent.find((r) => r.sentence === sentence && r.subject && fits(r));
  }

  private latest(test: (r: Remembered) => boolean): Remembered | undefined {
    for (let i = this.recent.length - 1; i >= 0; i -= 1) {
      const r = this.recent[i] as Remembered;
      if (test(r)) return r;
    }
    return undefined;
  }
}

/** One person named by a title ("the minister", "a senior British official"), so "he" or "she" can refer to it. */
function titledPerson(a: ActorMention): boolean {
  const last = a.parts[a.parts.length - 1]?.entry;
  return a.kind === 'GROUP' && !a.plural && last?.title === true;
}

function compatible(m: ActorMention, a: ActorMention): boolean {
  if (m.pronoun === 'person') return a.kind === 'PERSON' || titledPerson(a);
  if (m.pronoun === 'thing')
    return (
      a.kind === 'COUNTRY' ||
      a.kind === 'CAPITAL' ||
      a.kind === 'ORGANIZATION' ||
      (a.kind === 'GROUP' && !a.plural && !titledPerson(a))
    );
  if (m.pronoun === 'plural') return a.kind !== 'PERSON' && !titledPerson(a);
  // A bare title ("the president", "the Syrian leader") stands for the last named person of that country;
  // a plural one ("the two presidents") for several, so for no one person.
  return !m.plural && a.kind === 'PERSON' && (m.code === null || m.code === a.code);
}
