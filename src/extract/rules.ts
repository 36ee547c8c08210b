import boilerplate from '../../data/extract/boilerplate.json' with { type: 'json' };
import flags from '../../data/extract/flags.json' with { type: 'json' };

/** Boilerplate word lists (see data/extract/README.md), compiled once for fast lookups. */
export interface BoilerplateRules {
  removeTags: ReadonlySet<string>;
  singleHints: ReadonlySet<string>;
  compoundHints: readonly string[];
  keepHints: readonly string[];
  /** `keepHints` and `compoundHints` as one pattern each, for the per-element test. */
  keepPattern: RegExp;
  compoundPattern: RegExp;
  threadHints: ReadonlySet<string>;
  maxProseCharsToRemove: number;
  lineStarts: readonly string[];
  linePhrases: readonly string[];
  fillerPattern: RegExp;
  maxWordsForLineRules: number;
  maxWordsForPhraseRules: number;
}

/** Article-flag word lists (see data/extract/README.md). */
export interface FlagRules {
  paywallMarkers: readonly string[];
  paywallHints: readonly string[];
  consentMarkers: readonly string[];
  maxPaywallWords: number;
  maxConsentWords: number;
}

/** A pattern matching any of the literal strings (never matching when there are none). */
export function anyOf(literals: readonly string[]): RegExp {
  if (literals.length === 0) return /(?!)/;
  return new RegExp(literals.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
}

function compileBoilerplate(): BoilerplateRules {
  const hints = boilerplate.strongHints.map((h) => h.toLowerCase());
  const keepHints = boilerplate.keepHints.map((h) => h.toLowerCase());
  const compoundHints = hints.filter((h) => /[-_]/.test(h));
  return {
    removeTags: new Set(boilerplate.removeTags.map((t) => t.toUpperCase())),
    // Hints without a separator are compared with class parts; hyphenated ones with whole values.
    singleHints: new Set(hints.filter((h) => !/[-_]/.test(h))),
    compoundHints,
    keepHints,
    keepPattern: anyOf(keepHints),
    compoundPattern: anyOf(compoundHints),
    threadHints: new Set(boilerplate.threadHints.map((h) => h.toLowerCase())),
    maxProseCharsToRemove: boilerplate.maxProseCharsToRemove,
    lineStarts: boilerplate.lineStarts,
    linePhrases: boilerplate.linePhrases,
    fillerPattern: new RegExp(anyOf(boilerplate.fillerPhrases).source, 'i'),
    maxWordsForLineRules: boilerplate.maxWordsForLineRules,
    maxWordsForPhraseRules: boilerplate.maxWordsForPhraseRules,
  };
}

/** Compiled boilerplate rules shared by every extraction. */
export const BOILERPLATE: BoilerplateRules = compileBoilerplate();

/** Flag rules shared by every extraction. */
export const FLAGS: FlagRules = flags;
