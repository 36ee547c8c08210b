import { readFileSync } from 'node:fs';
import leadersJson from '../../data/coder/leaders.json' with { type: 'json' };
import organizationsJson from '../../data/coder/organizations.json' with { type: 'json' };
import sectorsJson from '../../data/coder/sectors.json' with { type: 'json' };
import { type ActorEntry, ActorFileSchema, SectorFileSchema } from './data-schemas.js';
import { DictionaryError } from './errors.js';
import type { CountryInfo } from './geo/index.js';
import { phraseTokens, type Token } from './nlp.js';
import { type CountryVariant, type DatedRole, PhoenixActors, type PhoenixName } from './phoenix-actors.js';
import { type PhraseMatch, PhraseTrie } from './phrase-trie.js';

export { pickByDate } from './actor-at-date.js';

export type LexiconKind = 'COUNTRY' | 'DEMONYM' | 'CAPITAL' | 'PERSON' | 'ORGANIZATION' | 'SECTOR';

/** One dictionary reading of a phrase. */
export interface LexiconEntry {
  kind: LexiconKind;
  code: string | null;
  sector: string | null;
  name: string | null;
  entityId: string | null;
  /** Also a place name: after a locative preposition it is a location, not an actor. */
  place: boolean;
  plural: boolean;
  /** A person title such as "president" (can stand for a named person). */
  title: boolean;
  /** A weapons platform ("drones"): an actor as subject, not as target. */
  equipment?: boolean;
  from: string | null;
  to: string | null;
  /** A converted Phoenix actor: its dated roles decide `code` and `sector` (see actor-at-date.ts). */
  dated?: { readonly roles: DatedRole[] };
  /** Dictionary tokens as written, for case checks. */
  forms: string[];
}

/** Every actor phrase the coder knows, indexed for linear-time lookup. */
export interface ActorDictionary {
  trie: PhraseTrie<LexiconEntry>;
  countries: Map<string, CountryInfo>;
  /** Lowercased person titles ("president", "foreign minister"). */
  titles: Set<string>;
  /** The converted Phoenix actors, matched beside the trie (see {@link matchActorAt}). */
  phoenix: PhoenixActors;
  /** Last date the converted Phoenix roles know of: after it our own dated files win. */
  dataEnds: string | null;
}

/** Builds the actor dictionary from geo's countries, the bundled dictionaries and user files. */
export function buildActorDictionary(countries: CountryInfo[], userFiles: string[] = []): ActorDictionary {
  const trie = new PhraseTrie<LexiconEntry>();
  const sectors = SectorFileSchema.parse(sectorsJson);
  const titles = new Set(sectors.personTitles.map((t) => t.toLowerCase()));
  const add = (phrase: string, entry: Omit<LexiconEntry, 'forms'>): void => {
    const forms = phraseTokens(phrase);
    if (forms.length > 0) trie.add(forms, { ...entry, forms });
  };
  for (const file of userFiles) for (const actor of readUserFile(file)) addActor(add, actor);
  for (const actor of parseActors(leadersJson, 'leaders.json')) addActor(add, actor);
  for (const actor of parseActors(organizationsJson, 'organizations.json')) addActor(add, actor);
  const phoenix = new PhoenixActors();
  const byIso3 = new Map(countries.map((c) => [c.iso3, c]));
  for (const variant of phoenix.countryVariants) addCountryVariant(trie, variant, byIso3.get(variant.code));
  for (const country of countries) addCountry(add, country);
  const sectorNouns = new Set(
    Object.values(sectors.sectors)
      .flat()
      .map((n) => n.toLowerCase()),
  );
  // Titles that are not sector nouns ("secretary-general", "Gen.") still introduce a person.
  for (const title of sectors.personTitles) {
    if (!sectorNouns.has(title))
      add(title, {
        kind: 'SECTOR',
        code: null,
        sector: 'GOV',
        name: null,
        entityId: null,
        place: false,
        plural: false,
        title: true,
        from: null,
        to: null,
      });
  }
  for (const noun of sectors.equipment) {
    add(noun, {
      kind: 'SECTOR',
      code: null,
      sector: 'MIL',
      name: null,
      entityId: null,
      place: false,
      plural: noun.endsWith('s'),
      title: false,
      equipment: true,
      from: null,
      to: null,
    });
  }
  for (const [sector, nouns] of Object.entries(sectors.sectors)) {
    for (const noun of nouns) {
      add(noun, {
        kind: 'SECTOR',
        code: null,
        sector,
        name: null,
        entityId: null,
        place: false,
        plural: noun.endsWith('s'),
        title: titles.has(noun),
        from: null,
        to: null,
      });
    }
  }
  return { trie, countries: new Map(countries.map((c) => [c.iso3, c])), titles, phoenix, dataEnds: phoenix.dataEnds };
}

/**
 * The longest dictionary phrase at token `start` that passes the case rule: from the trie (our files,
 * countries, sector nouns) and the Phoenix actors; readings of the same length from both are kept together.
 */
export function matchActorAt(dict: ActorDictionary, tokens: Token[], start: number): PhraseMatch<LexiconEntry> | null {
  const token = tokens[start];
  if (!token) return null;
  const own = dict.trie.startsWith(token)
    ? dict.trie.longestAt(tokens, start, (e, m) => caseMatches(e, tokens, m))
    : null;
  if (!dict.phoenix.startsWith(token)) return own;
  const names = dict.phoenix.namesAt(tokens, start, (name, end) =>
    caseMatches(phoenixEntry(name), tokens, { start, end, values: [] }),
  );
  const end = start + (names[0]?.forms.length ?? 0);
  if (names.length === 0 || (own && own.end > end)) return own;
  const values = names.map(phoenixEntry);
  return own && own.end === end ? { start, end, values: [...own.values, ...values] } : { start, end, values };
}

/** A Phoenix name as a dictionary reading; its dated roles decide code and sector (see actor-at-date.ts). */
function phoenixEntry(name: PhoenixName): LexiconEntry {
  const { actor } = name;
  return {
    kind: actor.kind,
    code: actor.code,
    sector: null,
    name: actor.names[0] ?? null,
    entityId: actor.id,
    place: false,
    plural: false,
    title: false,
    from: null,
    to: null,
    dated: actor,
    forms: name.forms,
  };
}

/** A misspelt country or demonym ("Ethopia") reads as the country itself. */
function addCountryVariant(trie: PhraseTrie<LexiconEntry>, variant: CountryVariant, country?: CountryInfo): void {
  if (!country) return;
  const entry = {
    kind: variant.kind,
    code: country.iso3,
    sector: null,
    name: country.name,
    entityId: `country:${country.iso3}`,
    place: variant.kind === 'COUNTRY',
    plural: false,
    title: false,
    from: null,
    to: null,
  };
  for (const forms of variant.tokens) trie.add(forms, { ...entry, forms });
}

type AddFn = (phrase: string, entry: Omit<LexiconEntry, 'forms'>) => void;

function addActor(add: AddFn, actor: ActorEntry): void {
  const base = {
    kind: actor.kind,
    code: actor.code,
    sector: actor.sector,
    name: actor.names[0] ?? null,
    entityId: actor.id,
    place: actor.place ?? false,
    plural: false,
    title: false,
    from: actor.from ?? null,
    to: actor.to ?? null,
  } as const;
  for (const name of actor.names) add(name, base);
}

function addCountry(add: AddFn, country: CountryInfo): void {
  const common = {
    code: country.iso3,
    name: country.name,
    entityId: `country:${country.iso3}`,
    title: false,
    from: null,
    to: null,
  };
  for (const name of country.names) add(name, { ...common, kind: 'COUNTRY', sector: null, place: true, plural: false });
  for (const demonym of country.demonyms) {
    add(demonym, { ...common, kind: 'DEMONYM', sector: null, place: false, plural: false });
    if (!/(s|sh|ch|ese|ss)$/i.test(demonym))
      add(`${demonym}s`, { ...common, kind: 'DEMONYM', sector: 'CVL', place: false, plural: true });
  }
  if (country.capital) add(country.capital, { ...common, kind: 'CAPITAL', sector: 'GOV', place: true, plural: false });
}

function parseActors(json: unknown, label: string): ActorEntry[] {
  const parsed = ActorFileSchema.safeParse(json);
  if (!parsed.success) throw new DictionaryError(`${label} is invalid: ${parsed.error.message}`);
  return parsed.data.actors;
}

function readUserFile(path: string): ActorEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DictionaryError(`cannot read actor dictionary ${path}`, { cause: error });
  }
  return parseActors(json, path);
}

/** Case rule: capitalised dictionary words need a capitalised token; acronyms need exact case. */
export function caseMatches(entry: LexiconEntry, tokens: Token[], match: PhraseMatch<LexiconEntry>): boolean {
  for (let i = 0; i < entry.forms.length; i += 1) {
    const form = entry.forms[i] ?? '';
    const text = tokens[match.start + i]?.text ?? '';
    const first = form.charAt(0);
    if (first === first.toLowerCase()) continue;
    const acronym = form.length >= 2 && form === form.toUpperCase() && /[A-Z]/.test(form);
    if (acronym ? text !== form : text.charAt(0) !== text.charAt(0).toUpperCase()) return false;
  }
  return true;
}
