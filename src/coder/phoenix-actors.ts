import { brotliDecompressSync } from 'node:zlib';
import phoenixJson from '../../data/coder/phoenix-actors.json' with { type: 'json' };
import { DictionaryError } from './errors.js';
import type { Token } from './nlp.js';

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
  /** Stable id derived from the first name ("person:vladimir-putin"). */
  id: string;
  /** Display names, the first is the normalised one. */
  names: string[];
  /** Each name's tokens as the coder's tokenizer splits them. */
  tokens: string[][];
  /** Country (or IGO/NGO/IMG) of the first role. */
  code: string;
  roles: DatedRole[];
}

/** A name of an actor that matches the text at some token. */
export interface PhoenixName {
  actor: PhoenixActor;
  /** The name's tokens as written in the dictionary (for case checks). */
  forms: string[];
}

/** Misspellings of a country's name or demonym ("Ethopia"), tokenised. */
export interface CountryVariant {
  kind: 'COUNTRY' | 'DEMONYM';
  code: string;
  tokens: string[][];
}

const FORMAT = 'eventwire-actors/1';
// A name id packs its line and its position among the line's names.
const NAMES_PER_LINE = 64;

/**
 * The converted PETRARCH2 / Phoenix actors (data/coder/phoenix-actors.json, built by
 * scripts/build-actor-dictionary.ts; format in data/coder/README.md). Some 21,000 actors would cost tens of
 * megabytes as trie nodes and decoded objects, which the coder pays for in start-up and garbage collection on
 * every article; instead their lines stay packed, indexed by the lowercased first two words of each name, and
 * an actor is decoded the first time the text matches one of its names.
 */
export class PhoenixActors {
  /** After this date the dictionary's open-ended roles are guesses: our own dated files win. */
  readonly dataEnds: string | null;
  readonly countryVariants: CountryVariant[] = [];
  private readonly lines: string[] = [];
  /** Lowercased first words of names, split by how the name writes them: capitalised or not ("al", "de"). */
  private readonly capitalFirstWords = new Set<string>();
  private readonly lowerFirstWords = new Set<string>();
  /** Names by their first word (one-word names) or first two words, lowercased. */
  private readonly byOpening = new Map<string, number[]>();
  private readonly decoded = new Map<number, PhoenixActor>();

  /** @throws DictionaryError when the file's format tag is wrong. */
  constructor() {
    const data = phoenixJson as { format?: unknown; dataEnds?: unknown; actorsBrotliBase64?: unknown };
    if (data.format !== FORMAT || typeof data.actorsBrotliBase64 !== 'string')
      throw new DictionaryError(`phoenix-actors.json: expected format ${FORMAT} with actorsBrotliBase64`);
    this.dataEnds = typeof data.dataEnds === 'string' ? data.dataEnds : null;
    const text = brotliDecompressSync(Buffer.from(data.actorsBrotliBase64, 'base64')).toString('utf8');
    for (const line of text.split('\n')) {
      if (line.startsWith('C|') || line.startsWith('D|')) this.countryVariants.push(decodeVariant(line));
      else this.index(line);
    }
  }

  /**
   * True when some name can start at this token (cheap pre-check). A capitalised name word needs a
   * capitalised token (the case rule), so "police" in running text never opens "Police Service of ...".
   */
  startsWith(token: Token): boolean {
    const initial = token.text.charAt(0);
    const words = initial !== initial.toLowerCase() ? this.capitalFirstWords : this.lowerFirstWords;
    return words.has(token.lower) || words.has(token.lemma) || this.lowerFirstWords.has(token.lower);
  }

  /**
   * Names matching the tokens from `start`, longest first found: each name token equals the text
   * token's lowercased form or lemma, as in the phrase trie. Returns [end, names] of the longest.
   */
  namesAt(tokens: Token[], start: number, accept: (name: PhoenixName, end: number) => boolean): PhoenixName[] {
    let best: PhoenixName[] = [];
    let bestEnd = start;
    const consider = (key: string): void => {
      for (const id of this.byOpening.get(key) ?? []) {
        const actor = this.actorAt(Math.floor(id / NAMES_PER_LINE));
        const forms = actor.tokens[id % NAMES_PER_LINE] ?? [];
        const end = start + forms.length;
        if (end < bestEnd || !matches(forms, tokens, start)) continue;
        const name = { actor, forms };
        if (!accept(name, end)) continue;
        if (end > bestEnd) best = [];
        bestEnd = end;
        best.push(name);
      }
    };
    const first = tokens[start];
    const second = tokens[start + 1];
    if (!first) return best;
    for (const a of first.lemma === first.lower ? [first.lower] : [first.lower, first.lemma]) {
      consider(a);
      if (second) {
        consider(`${a} ${second.lower}`);
        if (second.lemma !== second.lower) consider(`${a} ${second.lemma}`);
      }
    }
    return best;
  }

  private index(line: string): void {
    const lineNo = this.lines.length;
    this.lines.push(line);
    const names = line.slice(2, line.indexOf('|', 2)).split(';');
    names.forEach((name, i) => {
      if (i >= NAMES_PER_LINE) return;
      const words = name.toLowerCase().split(/[ _]/, 2);
      const capital = name.charAt(0) !== (words[0] ?? '').charAt(0);
      (capital ? this.capitalFirstWords : this.lowerFirstWords).add(words[0] ?? '');
      const key = words.join(' ');
      const ids = this.byOpening.get(key);
      if (ids) ids.push(lineNo * NAMES_PER_LINE + i);
      else this.byOpening.set(key, [lineNo * NAMES_PER_LINE + i]);
    });
  }

  private actorAt(lineNo: number): PhoenixActor {
    let actor = this.decoded.get(lineNo);
    if (!actor) {
      actor = decodeLine(this.lines[lineNo] ?? '', lineNo);
      this.decoded.set(lineNo, actor);
    }
    return actor;
  }
}

function matches(forms: string[], tokens: Token[], start: number): boolean {
  for (let k = 1; k < forms.length; k += 1) {
    const token = tokens[start + k];
    const key = (forms[k] ?? '').toLowerCase();
    if (!token || (key !== token.lower && key !== token.lemma)) return false;
  }
  return forms.length > 0;
}

function decodeVariant(line: string): CountryVariant {
  const [kind, names = '', code = ''] = line.split('|');
  return { kind: kind === 'C' ? 'COUNTRY' : 'DEMONYM', code, tokens: names.split(';').map((n) => n.split(/[ _]/)) };
}

/** @throws DictionaryError when the line does not have its four fields. */
function decodeLine(line: string, lineNo: number): PhoenixActor {
  const [kind, names, code, roles] = line.split('|');
  if ((kind !== 'P' && kind !== 'O') || !names || !code || roles === undefined)
    throw new DictionaryError(`phoenix-actors.json: line ${lineNo + 1} does not have 4 fields`);
  const marked = names.split(';');
  const display = marked.map((n) => n.replace(/_/g, ''));
  return {
    kind: kind === 'P' ? 'PERSON' : 'ORGANIZATION',
    id: `${kind === 'P' ? 'person' : 'org'}:${slug(display[0] ?? '')}`,
    names: display,
    tokens: marked.map((n) => n.split(/[ _]/)),
    code,
    roles: roles.split(';').map((r) => decodeRole(r, code)),
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
  const ascii = /^[\x20-\x7e]*$/.test(name) ? name : name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return ascii
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
