import { z } from 'zod';

/** The 16 PLOVER event types (PLOVER manual, current version). */
export const PLOVER_TYPES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const;
export const PloverTypeSchema = z.enum(PLOVER_TYPES);
export type PloverType = z.infer<typeof PloverTypeSchema>;

/** Character span [start, end) in the article text. */
export const SpanSchema = z.tuple([z.number().int(), z.number().int()]);

export const ActorSchema = z.object({
  /** The text as written in the sentence. */
  text: z.string(),
  /** Normalised name, e.g. "Bashar al-Assad" or "Syria". */
  name: z.string().nullable(),
  /** ISO 3166 alpha-3 country code, or IGO / NGO / MNC for non-state actors without a country. */
  code: z.string().nullable(),
  /** CAMEO-style sector role: GOV, MIL, REB, OPP, CVL, COP, JUD, LEG, BUS, MED, REF, IGO, ... */
  sector: z.string().nullable(),
  /** Stable entity id from the actor dictionaries, when the actor is known. */
  entity_id: z.string().nullable(),
  span: SpanSchema.nullable(),
});
export type Actor = z.infer<typeof ActorSchema>;

/** A resolved place: a gazetteer place (GeoNames) or a country (no admin1, no GeoNames id, its capital's coordinates). */
export const PlaceSchema = z.object({
  name: z.string(),
  country: z.string().nullable(),
  admin1: z.string().nullable(),
  lat: z.number(),
  lon: z.number(),
  geonames_id: z.number().int().nullable(),
});
export type Place = z.infer<typeof PlaceSchema>;

/**
 * What an event's place rests on, most precise first: `sentence` (named in the event's sentence), `dateline`
 * (where the story was filed), `article` (the place the article is about), `actor_country` (the country of
 * the event's actor, at country level).
 */
export const LOCATION_BASES = ['sentence', 'dateline', 'article', 'actor_country'] as const;
export const LocationBasisSchema = z.enum(LOCATION_BASES);
export type LocationBasis = z.infer<typeof LocationBasisSchema>;

export const LocationSchema = PlaceSchema.extend({ basis: LocationBasisSchema });
export type EventLocation = z.infer<typeof LocationSchema>;

export const EventModeSchema = z.enum(['future', 'hypothetical', 'negated', 'intent']).nullable();

/** One event as the coder emits it for one sentence (the `eventwire code` contract). */
export const CodedEventSchema = z.object({
  type: PloverTypeSchema,
  /** CAMEO code, as specific as the text allows ("04", "042", "0421"). */
  code: z.string().regex(/^\d{2,4}$/),
  /**
   * Phoenix QuadClass 0-4 of `code`'s CAMEO root: 0 statements and appeals (01-02), 1 verbal cooperation (03-05),
   * 2 material cooperation (06-08), 3 verbal conflict (09-13, 16), 4 material conflict (14-15, 17-20).
   */
  quad_class: z.number().int().min(0).max(4),
  /** Goldstein value of `code` (CAMEO's conflict-cooperation scale, -10..10). */
  goldstein: z.number().min(-10).max(10),
  mode: EventModeSchema,
  context: z.array(z.string()),
  source: ActorSchema,
  target: ActorSchema.nullable(),
  /** Both sides act (meetings, agreements): source and target are both participants. */
  reciprocal: z.boolean(),
  /** YYYY-MM-DD, the day the event happened. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  location: LocationSchema.nullable(),
  sentence: z.string(),
  sentence_index: z.number().int().min(0),
  offsets: z.object({ source: SpanSchema.nullable(), verb: SpanSchema, target: SpanSchema.nullable() }),
  confidence: z.number().min(0).max(1),
  coder_version: z.string(),
});
export type CodedEvent = z.infer<typeof CodedEventSchema>;

export const EntitySchema = z.object({
  text: z.string(),
  kind: z.enum(['PERSON', 'ORGANIZATION', 'PLACE', 'COUNTRY']),
  code: z.string().nullable(),
  span: SpanSchema,
});
export type NamedEntity = z.infer<typeof EntitySchema>;

export const QuotationSchema = z.object({
  speaker: z.string().nullable(),
  quote: z.string(),
  span: SpanSchema,
});
export type Quotation = z.infer<typeof QuotationSchema>;

/** The coder's result for one article or one text. */
export const CodedArticleSchema = z.object({
  events: z.array(CodedEventSchema),
  entities: z.array(EntitySchema),
  quotations: z.array(QuotationSchema),
});
export type CodedArticle = z.infer<typeof CodedArticleSchema>;
