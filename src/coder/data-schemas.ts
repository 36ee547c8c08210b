import { z } from 'zod';
import { PloverTypeSchema } from '../core/event-schema.js';

/** data/coder/cameo.json: CAMEO roots and the specific codes the coder emits. */
export const CameoFileSchema = z.object({
  ploverQuadClass: z.record(z.string(), z.number().int().min(0).max(4)),
  roots: z.record(
    z.string().regex(/^\d{2}$/),
    z.object({
      name: z.string(),
      goldstein: z.number(),
      quad_class: z.number().int(),
      plover: PloverTypeSchema,
    }),
  ),
  codes: z.record(
    z.string().regex(/^\d{3,4}$/),
    z.object({
      name: z.string(),
      goldstein: z.number(),
      plover: PloverTypeSchema.optional(),
    }),
  ),
});

/** data/coder/verbs.json: CAMEO code -> verb, noun (nominal event) and predicate-adjective patterns. */
export const VerbFileSchema = z.object({
  verbs: z.record(z.string().regex(/^\d{3,4}$/), z.array(z.string().min(1))),
  nouns: z.record(z.string().regex(/^\d{3,4}$/), z.array(z.string().min(1))),
  adjectives: z.record(z.string().regex(/^\d{3,4}$/), z.array(z.string().min(1))),
  /** Verb and noun phrases that are no event, overriding shorter patterns ("fight the epidemic"). */
  none: z.object({ verbs: z.array(z.string().min(1)), nouns: z.array(z.string().min(1)) }),
  /** Action nouns -> their verb lemma: "the deployment of peacekeepers" is matched as "deploy peacekeepers". */
  nominalisations: z.record(z.string().regex(/^[a-z-]+$/), z.string().regex(/^[a-z]+$/)),
});

/** One actor entry of data/coder/leaders.json, organizations.json, or a user dictionary. */
export const ActorEntrySchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['PERSON', 'ORGANIZATION']),
  code: z.string().nullable(),
  sector: z.string().nullable(),
  names: z.array(z.string().min(1)).min(1),
  office: z.string().optional(),
  from: z.string().nullable().optional(),
  to: z.string().nullable().optional(),
  /** Names that are also places (e.g. "Brussels"): after "in", "to", ... they are places, not actors. */
  place: z.boolean().optional(),
});
export type ActorEntry = z.infer<typeof ActorEntrySchema>;
export const ActorFileSchema = z.object({ actors: z.array(ActorEntrySchema) });

/** data/coder/sectors.json: sector code -> nouns; person titles. */
export const SectorFileSchema = z.object({
  sectors: z.record(z.string(), z.array(z.string().min(1))),
  /** Weapons platforms ("drones", "warplanes"): MIL actors as subjects, never targets. */
  equipment: z.array(z.string().min(1)),
  personTitles: z.array(z.string().min(1)),
});

const StoryDomainSchema = z.enum(['sport', 'business', 'culture', 'science', 'health', 'lifestyle']);

/** data/coder/cues.json: closed word lists steering mode, composition and roles. */
export const CueFileSchema = z.object({
  negation: z.array(z.string()),
  future: z.array(z.string()),
  hypothetical: z.array(z.string()),
  obligation: z.array(z.string()),
  /** Words of possibility: an act they govern in its clause is only supposed ("It is possible that ..."). */
  possibility: z.array(z.string()),
  futureAdjectives: z.array(z.string()),
  governors: z.record(
    z.enum([
      'intent',
      'refuse',
      'appeal',
      'demand',
      'order',
      'threaten',
      'accuse',
      'optimism',
      'consider',
      'claim',
      'deny',
      'authorize',
    ]),
    z.array(z.string()),
  ),
  reporting: z.array(z.string()),
  pronouns: z.object({ person: z.array(z.string()), thing: z.array(z.string()), plural: z.array(z.string()) }),
  countryLocatives: z.array(z.string()),
  placeLocatives: z.array(z.string()),
  clauseBreaks: z.array(z.string()),
  reciprocalCodes: z.array(z.string()),
  contexts: z.record(z.string(), z.array(z.string())),
  /** Words only one kind of story uses (sport, business, culture, science, health, lifestyle): one marks it. */
  domains: z.record(StoryDomainSchema, z.array(z.string().min(1))),
  /** Words such stories use often but not only: two of one kind mark it. */
  domainHints: z.record(StoryDomainSchema, z.array(z.string().min(1))),
  /** Things a sport or business act is done to ("the goal", "the market"): a conflict verb on them is no act. */
  domainObjects: z.object({ sport: z.array(z.string().min(1)), business: z.array(z.string().min(1)) }),
  /** Verbs of winning a contest ("crushed", "routed"): between two bare states with no word of war, a match. */
  contestVerbs: z.array(z.string().min(1)),
  /** Ordinary persons ("a man", "a gunman", "robbers"): their acts on other persons are private, not political. */
  privatePersons: z.array(z.string().min(1)),
  /** Civilian crowds that act in public politics ("protesters", "settlers"). */
  politicalCrowds: z.array(z.string().min(1)),
  /** Civilian crowds that protest ("demonstrators", "rioters"): their force is protest (CAMEO 14). */
  protestCrowds: z.array(z.string().min(1)),
  /** Bodies and collectives that may act though no dictionary names them ("the coalition", "the group"). */
  agentNouns: z.array(z.string().min(1)),
  /** Weapons of war: harm done with them is political violence whoever does it ("a car bomb", "shelling"). */
  weaponsOfWar: z.array(z.string().min(1)),
  /** Phrases that set an act in a past era of a life or a country ("when he was a boy", "in the past"). */
  pastEras: z.array(z.string().min(1)),
  /** Words of political violence ("clashes", "the insurgency", "a massacre"): harm beside them is no crime. */
  violenceWords: z.array(z.string().min(1)),
  /** Natural forces, diseases, accidents and vehicles: harm they do is no political act. */
  hazards: z.array(z.string().min(1)),
  /** Weapons: harm done with them is violence even beside a hazard word ("a car bomb"). */
  weapons: z.array(z.string().min(1)),
  /** Unnamed collective actors ("the two countries", "armed men"): someone acts, though no code is known. */
  collectiveActors: z.array(z.string().min(1)),
  /** Words of peacekeeping: troops deployed or arriving for it provide protection (074), not a show of force. */
  peacekeeping: z.array(z.string().min(1)),
});
export type CueFile = z.infer<typeof CueFileSchema>;
export type GovernorClass = keyof CueFile['governors'];
export type StoryDomain = z.infer<typeof StoryDomainSchema>;
