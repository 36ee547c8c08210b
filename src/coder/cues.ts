import cuesJson from '../../data/coder/cues.json' with { type: 'json' };
import type { MentionCues } from './actor-mentions.js';
import { CueFileSchema, type GovernorClass, type StoryDomain } from './data-schemas.js';
import { DictionaryError } from './errors.js';
import { phraseTokens } from './nlp.js';
import { PhraseTrie } from './phrase-trie.js';

/** cues.json compiled into sets and maps for O(1) lookups. */
export interface Cues extends MentionCues {
  negation: Set<string>;
  future: Set<string>;
  hypothetical: Set<string>;
  obligation: Set<string>;
  possibility: Set<string>;
  futureAdjectives: Set<string>;
  governors: Map<string, GovernorClass[]>;
  reporting: Set<string>;
  clauseBreaks: Set<string>;
  reciprocalCodes: Set<string>;
  contexts: Map<string, string>;
  /** Words and phrases that mark a story's domain (cues.json `domains`), and hints of it (`domainHints`). */
  domains: PhraseTrie<StoryDomain>;
  domainHints: PhraseTrie<StoryDomain>;
  domainObjects: PhraseTrie<StoryDomain>;
  contestVerbs: Set<string>;
  privatePersons: Set<string>;
  politicalCrowds: Set<string>;
  protestCrowds: Set<string>;
  agentNouns: Set<string>;
  weaponsOfWar: PhraseTrie<true>;
  violenceWords: PhraseTrie<true>;
  pastEras: PhraseTrie<true>;
  /** Natural forces, accidents and vehicles (cues.json `hazards`). */
  hazards: PhraseTrie<true>;
  weapons: PhraseTrie<true>;
  collectiveActors: PhraseTrie<true>;
  peacekeeping: PhraseTrie<true>;
}

/** Loads and indexes data/coder/cues.json. */
export function loadCues(): Cues {
  const parsed = CueFileSchema.safeParse(cuesJson);
  if (!parsed.success) throw new DictionaryError(`data/coder/cues.json is invalid: ${parsed.error.message}`);
  const c = parsed.data;
  const governors = new Map<string, GovernorClass[]>();
  for (const [cls, words] of Object.entries(c.governors) as Array<[GovernorClass, string[]]>) {
    for (const w of words) governors.set(w, [...(governors.get(w) ?? []), cls]);
  }
  const pronouns = new Map<string, 'person' | 'thing' | 'plural'>();
  for (const w of c.pronouns.person) pronouns.set(w, 'person');
  for (const w of c.pronouns.thing) pronouns.set(w, 'thing');
  for (const w of c.pronouns.plural) pronouns.set(w, 'plural');
  const contexts = new Map<string, string>();
  for (const [tag, words] of Object.entries(c.contexts))
    for (const w of words) if (!contexts.has(w)) contexts.set(w, tag);
  const domainTrie = (lists: Partial<Record<StoryDomain, string[]>>): PhraseTrie<StoryDomain> => {
    const trie = new PhraseTrie<StoryDomain>();
    for (const [domain, words] of Object.entries(lists) as Array<[StoryDomain, string[]]>)
      for (const w of words) for (const form of withPlural(w)) trie.add(phraseTokens(form), domain);
    return trie;
  };
  const wordTrie = (words: string[]): PhraseTrie<true> => {
    const trie = new PhraseTrie<true>();
    for (const w of words) for (const form of withPlural(w)) trie.add(phraseTokens(form), true);
    return trie;
  };
  return {
    negation: new Set(c.negation),
    future: new Set(c.future),
    hypothetical: new Set(c.hypothetical),
    obligation: new Set(c.obligation),
    possibility: new Set(c.possibility),
    futureAdjectives: new Set(c.futureAdjectives),
    governors,
    reporting: new Set(c.reporting),
    clauseBreaks: new Set(c.clauseBreaks),
    reciprocalCodes: new Set(c.reciprocalCodes),
    contexts,
    domains: domainTrie(c.domains),
    domainHints: domainTrie(c.domainHints),
    domainObjects: domainTrie(c.domainObjects),
    contestVerbs: new Set(c.contestVerbs),
    privatePersons: new Set(c.privatePersons),
    politicalCrowds: new Set(c.politicalCrowds),
    protestCrowds: new Set(c.protestCrowds),
    agentNouns: new Set(c.agentNouns),
    weaponsOfWar: wordTrie(c.weaponsOfWar),
    violenceWords: wordTrie(c.violenceWords),
    pastEras: wordTrie(c.pastEras),
    hazards: wordTrie(c.hazards),
    weapons: wordTrie(c.weapons),
    collectiveActors: wordTrie(c.collectiveActors),
    peacekeeping: wordTrie(c.peacekeeping),
    pronouns,
    countryLocatives: new Set(c.countryLocatives),
    placeLocatives: new Set(c.placeLocatives),
  };
}

/**
 * A cue word and its regular plural: the tagger leaves some capitalised sentence-initial words unlemmatised
 * ("Profits rose" has the lemma "profits").
 */
function withPlural(word: string): string[] {
  const w = word.toLowerCase();
  if (w.includes(' ') || w.endsWith('s')) return [w];
  return [w, /(?:sh|ch|x|z)$/.test(w) ? `${w}es` : /[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ies` : `${w}s`];
}
