import type { ActorMention } from './actor-mentions.js';

/**
 * Article-level memory of named actors, used to resolve pronouns ("he", "it", "they") and bare
 * titles ("the president") to the nearest compatible actor named earlier, and to give a country
 * to bare sector nouns ("police") from the article's most recent country.
 */
export class ActorMemory {
  private readonly recent: ActorMention[] = [];

  /** Resolves mentions in text order, remembering each named one as it goes. */
  resolve(mentions: ActorMention[]): ActorMention[] {
    return mentions.map((m) => {
      if (m.isPlace) return m;
      const resolved = m.needsAntecedent ? this.antecedent(m) : m;
      // Sector groups are remembered too, so "Police said they ..." resolves "they".
      if (resolved.kind !== 'PRONOUN' && (resolved.code !== null || resolved.sector !== null)) this.remember(resolved);
      return resolved;
    });
  }

  /** The most recent country code seen in the article, for sector nouns without one. */
  lastCountry(): string | null {
    for (let i = this.recent.length - 1; i >= 0; i -= 1) {
      const code = this.recent[i]?.code;
      if (code && /^[A-Z]{3}$/.test(code) && code !== 'IGO' && code !== 'NGO' && code !== 'MNC') return code;
    }
    return null;
  }

  private remember(m: ActorMention): void {
    this.recent.push(m);
    if (this.recent.length > 40) this.recent.shift();
  }

  private antecedent(m: ActorMention): ActorMention {
    const found = this.find((a) => compatible(m, a));
    if (!found) return m;
    return {
      ...m,
      name: found.name,
      code: found.code,
      sector: found.sector ?? m.sector,
      entityId: found.entityId,
      kind: found.kind === 'PRONOUN' ? m.kind : found.kind,
      needsAntecedent: false,
    };
  }

  private find(test: (a: ActorMention) => boolean): ActorMention | undefined {
    for (let i = this.recent.length - 1; i >= 0; i -= 1) {
      const a = this.recent[i] as ActorMention;
      if (test(a)) return a;
    }
    return undefined;
  }
}

function compatible(m: ActorMention, a: ActorMention): boolean {
  if (m.pronoun === 'person') return a.kind === 'PERSON';
  if (m.pronoun === 'thing')
    return (
      a.kind === 'COUNTRY' || a.kind === 'CAPITAL' || a.kind === 'ORGANIZATION' || (a.kind === 'GROUP' && !a.plural)
    );
  if (m.pronoun === 'plural') return a.kind !== 'PERSON';
  // A bare title ("the president", "the Syrian leader") stands for the last named person of that country.
  return a.kind === 'PERSON' && (m.code === null || m.code === a.code);
}
