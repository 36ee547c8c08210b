/** Event coder: English news text + publication date -> PLOVER / CAMEO events. */
import type { CodedArticle } from '../core/event-schema.js';
import { buildActorDictionary } from './actor-dictionary.js';
import { type CoderDeps, codeArticle } from './article-coder.js';
import { loadCues } from './cues.js';
import { CoderInputError } from './errors.js';
import { loadCountries, loadGazetteer, type PlaceResolver } from './geo/index.js';
import { cachedResolver } from './place-cache.js';
import { VerbLexicon } from './verb-lexicon.js';

export { CAMEO_ROOTS, type CameoRoot, type CodeInfo, codeInfo, ploverQuadClass } from './cameo.js';
export { CoderError, CoderInputError, DictionaryError } from './errors.js';
export type { PlaceResolver } from './geo/index.js';

/** Coder version stamped on every event (bump when rules or dictionaries change). */
export const CODER_VERSION = 'eventwire-coder-1.0.0';

/** Options of {@link createEventCoder}. */
export interface CoderOptions {
  /** Extra actor dictionary JSON files (same format as data/coder/organizations.json); they win over bundled entries. */
  actorDictionaries?: string[];
  /** Place resolver for event locations; default: geo's bundled gazetteer. */
  gazetteer?: PlaceResolver;
}

/** One text to code. */
export interface CodeInput {
  text: string;
  /** Publication date YYYY-MM-DD: anchors relative dates; null or absent = undated events. */
  date?: string | null;
}

/** A loaded coder: call `code` for each article (synchronous, no I/O). */
export interface EventCoder {
  readonly version: string;
  code(input: CodeInput): CodedArticle;
}

/**
 * Loads the wink model and every dictionary once and returns a reusable coder.
 * @throws DictionaryError when a bundled or user dictionary is malformed.
 */
export function createEventCoder(options: CoderOptions = {}): EventCoder {
  const deps: CoderDeps = {
    dict: buildActorDictionary(loadCountries(), options.actorDictionaries ?? []),
    lexicon: new VerbLexicon(),
    cues: loadCues(),
    places: cachedResolver(options.gazetteer ?? loadGazetteer()),
    version: CODER_VERSION,
  };
  return {
    version: CODER_VERSION,
    code(input: CodeInput): CodedArticle {
      const date = input.date ?? null;
      if (date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(date))
        throw new CoderInputError(`publication date must be YYYY-MM-DD, got ${date}`);
      return codeArticle(input.text, date, deps);
    },
  };
}
