import { brotliDecompressSync } from 'node:zlib';
import phoenixJson from '../../data/coder/phoenix-actors.json' with { type: 'json' };
import { DictionaryError } from './errors.js';

/** One role of an actor: CAMEO country (or IGO/NGO/IMG) and sector, valid from..to (inclusive, YYYY-MM-DD). */
export interface DatedRole {
  code: string;
  sector: string | null;
  from: string | null;
  to: string | null;
}

/** One actor of data/coder/phoenix-actors.json, decoded. */
export interface PhoenixActor {
  kind: 'PERSON' | 'ORGANIZATION';
  /** Stable id derived from the first name ("person:vladimir-putin"), computed on first use. */
  readonly id: string;
  /** Display names, the first is the normalised one. */
  names: string[];
  /** Each name's tokens as the coder's tokenizer splits them. */
  tokens: string[][];
  /** Country (or IGO/NGO/IMG) of the first role. */
  code: string;
  /** Every role, decoded on first use (most actors are never mentioned). */
  readonly roles: DatedRole[];
}

const FORMAT = 'eventwire-actors/1';

/** Misspellings of a country's name or demonym ("Ethopia"), tokenised. */
export interface CountryVariant {
  kind: 'COUNTRY' | 'DEMONYM';
  code: string;
  tokens: string[][];
}

/** The converted PETRARCH2 / Phoenix actors and the last date their roles know of. */
export interface PhoenixDictionary {
  actors: PhoenixActor[];
  countryVariants: CountryVariant[];
  /** After this date the dictionary's open-ended roles are guesses: our own dated files win. */
  dataEnds: string | null;
}

/**
 * Reads data/coder/phoenix-actors.json (built by scripts/build-actor-dictionary.ts; format in
 * data/coder/README.md). Names are stored already tokenised, so loading needs no tokenizer pass.
 * @throws DictionaryError when the file's format tag or a line is wrong.
 */
export function loadPhoenixActors(): PhoenixDictionary {
  const data = phoenixJson as { format?: unknown; dataEnds?: unknown; actorsBrotliBase64?: unknown };
  if (data.format !== FORMAT || typeof data.actorsBrotliBase64 !== 'string')
    throw new DictionaryError(`phoenix-actors.json: expected format ${FORMAT} with actorsBrotliBase64`);
  const text = brotliDecompressSync(Buffer.from(data.actorsBrotliBase64, 'base64')).toString('utf8');
  const actors: PhoenixActor[] = [];
  const countryVariants: CountryVariant[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.startsWith('C|') || line.startsWith('D|')) countryVariants.push(decodeVariant(line, index));
    else actors.push(decodeLine(line, index));
  });
  return { actors, countryVariants, dataEnds: typeof data.dataEnds === 'string' ? data.dataEnds : null };
}

function decodeVariant(line: string, index: number): CountryVariant {
  const [kind, names, code] = line.split('|');
  if (!names || !code) throw new DictionaryError(`phoenix-actors.json: line ${index + 1} does not have 4 fields`);
  return { kind: kind === 'C' ? 'COUNTRY' : 'DEMONYM', code, tokens: names.split(';').map((n) => n.split(/[ _]/)) };
}

function decodeLine(line: string, index: number): PhoenixActor {
  const [kind, names, code, roles] = line.split('|');
  if ((kind !== 'P' && kind !== 'O') || !names || !code || roles === undefined)
    throw new DictionaryError(`phoenix-actors.json: line ${index + 1} does not have 4 fields`);
  const marked = names.split(';');
  const display = marked.map((n) => n.replace(/_/g, ''));
  let decoded: DatedRole[] | undefined;
  let id: string | undefined;
  return {
    kind: kind === 'P' ? 'PERSON' : 'ORGANIZATION',
    get id() {
      id ??= `${kind === 'P' ? 'person' : 'org'}:${slug(display[0] ?? '')}`;
      return id;
    },
    names: display,
    tokens: marked.map((n) => n.split(/[ _]/)),
    code,
    get roles() {
      decoded ??= roles.split(';').map((r) => decodeRole(r, code));
      return decoded;
    },
  };
}

/** "GOV 19991231 20080507", "ELI", "USA:GOV 20010120" (a role under another code). */
function decodeRole(packed: string, main: string): DatedRole {
  const colon = packed.indexOf(':');
  const code = colon > 0 ? packed.slice(0, colon) : main;
  const [sector = '', from = '', to = ''] = packed.slice(colon + 1).split(' ');
  return { code, sector: sector || null, from: isoDate(from), to: isoDate(to) };
}

function isoDate(compact: string): string | null {
  return compact.length === 8 ? `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6)}` : null;
}

function slug(name: string): string {
  // Unicode normalisation is the costliest step of loading: only names with non-ASCII letters need it.
  const ascii = /^[\x20-\x7e]*$/.test(name) ? name : name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return ascii
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
