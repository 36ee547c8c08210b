import boilerplate from '../../data/extract/boilerplate.json' with { type: 'json' };
import flags from '../../data/extract/flags.json' with { type: 'json' };

/** Boilerplate word lists (see data/extract/README.md), compiled once for fast lookups. */
export interface BoilerplateRules {
  removeTags: ReadonlySet<string>;
  singleHints: ReadonlySet<string>;
  compoundHints: readonly string[];
  keepHints: readonly string[];
  threadHints: ReadonlySet<string>;
  maxProseCharsToRemove: number;
  lineStarts: readonly string[];
  linePhrases: readonly string[];
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

function compileBoilerplate(): BoilerplateRules {
  const hints = boilerplate.strongHints.map((h) => h.toLowerCase());
  return {
    removeTags: new Set(boilerplate.removeTags.map((t) => t.toUpperCase())),
    // Hints without a separator are compared with class parts; hyphenated ones with whole values.
    singleHints: new Set(hints.filter((h) => !/[-_]/.test(h))),
    compoundHints: hints.filter((h) => /[-_]/.test(h)),
    keepHints: boilerplate.keepHints.map((h) => h.toLowerCase()),
    threadHints: new Set(boilerplate.threadHints.map((h) => h.toLowerCase())),
    maxProseCharsToRemove: boilerplate.maxProseCharsToRemove,
    lineStarts: boilerplate.lineStarts,
    linePhrases: boilerplate.linePhrases,
    maxWordsForLineRules: boilerplate.maxWordsForLineRules,
    maxWordsForPhraseRules: boilerplate.maxWordsForPhraseRules,
  };
}

/** Compiled boilerplate rules shared by every extraction. */
export const BOILERPLATE: BoilerplateRules = compileBoilerplate();

/** Flag rules shared by every extraction. */
export const FLAGS: FlagRules = flags;
