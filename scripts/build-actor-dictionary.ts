/**
 * Converts the PETRARCH2 / Phoenix actor dictionaries (MIT, Open Event Data Alliance; read from
 * ../shared/dictionaries/petrarch2, never copied) into the coder's own dated actor format,
 * data/coder/phoenix-actors.json (format: data/coder/README.md, notice: THIRD_PARTY_NOTICES.md).
 *
 *   npx tsx scripts/build-actor-dictionary.ts [--dir ../shared/dictionaries/petrarch2]
 *
 * Kept: people and organisations with their CAMEO codes and the date range of each role (state actors,
 * international and non-state actors). Left out: the country blocks (countries, their cities and regions come
 * from data/geo), codes that are neither a country nor IGO/NGO/MNC/IMG (regions, religions), names
 * listed under actors of different countries (a bare "Khan" or "Abdullah" names nobody in particular),
 * names that are ordinary English words or places, and title-prefixed copies of a name the actor
 * already has ("President Putin": the coder joins the title itself).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import sectorsJson from '../data/coder/sectors.json' with { type: 'json' };
import countriesJson from '../data/geo/countries.json' with { type: 'json' };
import { loadGazetteer } from '../src/coder/geo/index.js';
import { phraseTokens } from '../src/coder/nlp.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'data', 'coder', 'phoenix-actors.json');
const dirArg = process.argv.indexOf('--dir');
const DIR = dirArg > 0 ? (process.argv[dirArg + 1] ?? '') : join(ROOT, '..', 'shared', 'dictionaries', 'petrarch2');
const FILES = ['Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt'];
export const FORMAT = 'eventwire-actors/1';

/** One role of an actor: CAMEO code (country or IGO/NGO/..., then role codes) valid from..to (inclusive). */
interface Role {
  code: string;
  from: string | null;
  to: string | null;
}
interface RawActor {
  names: string[];
  roles: Role[];
  file: string;
}

// CAMEO codes of states that no longer exist or that differ from ISO 3166, mapped to today's ISO3.
const COUNTRY_ALIASES: Record<string, string> = {
  TMP: 'TLS',
  KSV: 'XKX',
  USR: 'RUS',
  SUN: 'RUS',
  YUG: 'SRB',
  SCG: 'SRB',
  FRY: 'SRB',
  DDR: 'DEU',
  CSK: 'CZE',
  JAP: 'JPN',
  ROM: 'ROU',
};
// Multinational companies (MNC) are left out: the coder codes political actors, and a company name is
// far more often the subject of business news than of a political event.
const NON_STATE = new Set(['IGO', 'NGO', 'IMG']);
/** Role codes the coder reports as `sector` (CAMEO primary and secondary roles). */
const SECTORS = new Set([
  'GOV',
  'MIL',
  'COP',
  'REB',
  'OPP',
  'LEG',
  'JUD',
  'CVL',
  'LAB',
  'EDU',
  'BUS',
  'MED',
  'REF',
  'REL',
  'CRM',
  'ELI',
  'HLH',
  'SPY',
  'PTY',
  'UAF',
  'AGR',
  'DEV',
  'ENV',
  'HRI',
]);
const DEFAULT_SECTOR: Record<string, string> = { IGO: 'IGO', NGO: 'NGO', IMG: 'REB' };
const PARTICLES = new Set([
  'al',
  'el',
  'bin',
  'ibn',
  'de',
  'da',
  'del',
  'della',
  'di',
  'du',
  'la',
  'le',
  'van',
  'von',
  'der',
  'den',
  'ter',
  'of',
  'the',
  'and',
  'for',
  'y',
  'on',
  'in',
  'to',
]);
const ORGANISATION_WORDS =
  /\b(ARMY|PARTY|MINISTRY|COUNCIL|FRONT|FORCES?|GROUP|COMMITTEE|MOVEMENT|UNION|ASSOCIATION|ORGANI[SZ]ATION|BRIGADES?|LEAGUE|ALLIANCE|CONGRESS|ASSEMBLY|PARLIAMENT|COURT|BANK|AGENCY|COMMISSION|GOVERNMENT|POLICE|NAVY|GUARD|SERVICE|OFFICE|FEDERATION|INSTITUTE|FUND|CORPORATION|COMPANY|NEWS|TIMES|RADIO|TELEVISION|UNIVERSITY|CHURCH|DEPARTMENT|SOCIETY|CENTER|CENTRE|NETWORK|COALITION|REPUBLIC|STATE|AUTHORITY|BUREAU|BOARD|CABINET|SENATE|TRIBUNAL|MISSION|PROGRAMME|PROGRAM|CAMPAIGN|FOUNDATION|COMMAND)\b/;

/** "YYMMDD" or "YYYYMMDD" (typos of 9-10 digits recovered) -> "YYYY-MM-DD". */
function parseDate(raw: string): string | null {
  let digits = raw.replace(/\D/g, '');
  if (digits.length === 10 && digits.startsWith('19')) digits = digits.slice(2);
  if (digits.length === 9) digits = digits.slice(0, 8);
  if (digits.length === 6) digits = `${Number(digits.slice(0, 2)) < 30 ? '20' : '19'}${digits}`;
  if (digits.length !== 8) return null;
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
}

/** One bracket: "RUSGOV", "RUSGOV 991231-080507", "RUSGOV >080508", "RUSGOV < 990809". */
function parseBracket(text: string): Role | null {
  const m = /^\s*([A-Z-]+)\s*(.*)$/.exec(text);
  if (!m) return null;
  const code = m[1] ?? '';
  const range = (m[2] ?? '').replace(/\s+/g, '');
  if (range === '') return { code, from: null, to: null };
  if (range.startsWith('>')) return { code, from: parseDate(range.slice(1)), to: null };
  if (range.startsWith('<')) return { code, from: null, to: parseDate(range.slice(1)) };
  const [a = '', b] = range.split('-');
  if (b === undefined) return { code, from: parseDate(a), to: null };
  return { code, from: parseDate(a), to: parseDate(b) };
}

function brackets(text: string): Role[] {
  return [...text.matchAll(/\[([^\]]*)\]/g)].flatMap((m) => {
    const role = parseBracket(m[1] ?? '');
    return role ? [role] : [];
  });
}

function phraseOf(text: string): string {
  return text
    .replace(/\[.*$/, '')
    .replace(/[{}]/g, '')
    .replace(/[_\s]+/g, ' ')
    .replace(/\(.*?\)/g, ' ')
    .trim();
}

/** Reads one TABARI/PETRARCH actor file into records (primary phrase, synonyms, dated codes). */
function readActorFile(file: string): RawActor[] {
  const out: RawActor[] = [];
  let current: RawActor | null = null;
  for (const rawLine of readFileSync(join(DIR, file), 'latin1').split(/\r?\n/)) {
    const line = rawLine.replace(/#.*$/, '').replace(/\s;.*$/, '');
    if (line.trim() === '') continue;
    if (line.startsWith('+')) {
      current?.names.push(phraseOf(line.slice(1)));
      current?.roles.push(...brackets(line));
    } else if (/^\s/.test(line)) {
      current?.roles.push(...brackets(line));
    } else {
      current = { names: [phraseOf(line)], roles: brackets(line), file };
      out.push(current);
    }
  }
  return out;
}

/** CAMEO code -> [country or non-state code, sector], or null for codes the coder does not report. */
function splitCode(code: string, countries: Set<string>): [string, string | null] | null {
  const head = code.slice(0, 3);
  const who = COUNTRY_ALIASES[head] ?? head;
  if (!countries.has(who) && !NON_STATE.has(who)) return null;
  for (let i = 3; i + 3 <= code.length; i += 3) {
    const part = code.slice(i, i + 3);
    if (SECTORS.has(part)) return [who, part];
  }
  return [who, DEFAULT_SECTOR[who] ?? null];
}

/** Arabic articles and patronymics stay lower case even first in a name ("al-Qaeda", "bin Laden"). */
const LOWER_FIRST = new Set(['al', 'el', 'bin', 'ibn']);

function titleCase(phrase: string, organisation: boolean): string {
  const words = phrase.replace(/^the /i, '').split(' ');
  return words
    .map((word, i) => {
      const lower = word.toLowerCase();
      // Other particles are capitalised first in a name ("Le Duc Anh", "La Francophonie"), so the name does
      // not open on an everyday word the text is full of.
      if (PARTICLES.has(lower) && (i > 0 || LOWER_FIRST.has(lower))) return lower;
      // Acronyms keep exact case ("IAEA", "WHO" is not "Who"): a short one-word organisation name, a
      // word without vowels ("PKK", "ANSF") or a regnal number ("Hassan II").
      const letters = word.replace(/[.&]/g, '');
      const short = organisation && words.length === 1 && letters.length <= 6;
      if (/^[A-Z]{2,}$/.test(letters) && (short || !/[AEIOUY]/.test(letters))) return word;
      if (/^(II|III|IV|VI)$/.test(word)) return word;
      return lower.replace(/(^|[-'’.])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
    })
    .join(' ')
    .replace(/\b(al|el)-(\p{L})/giu, (_m, art: string, ch: string) => `${art.toLowerCase()}-${ch.toUpperCase()}`);
}

interface Built {
  kind: 'P' | 'O';
  names: string[];
  roles: Array<{ code: string; sector: string | null; from: string | null; to: string | null }>;
}

function isPerson(actor: RawActor): boolean {
  if (actor.file !== FILES[0] && !actor.roles.some((r) => r.from || r.to)) return false;
  return !ORGANISATION_WORDS.test(actor.names[0] ?? '');
}

/** Names that open on a number ("17 November") would be looked up at every number in the text. */
const usableName = (name: string): boolean => name.length > 1 && !/^\d/.test(name);

function convert(actor: RawActor, countries: Set<string>): Built | null {
  const roles: Built['roles'] = [];
  for (const role of actor.roles) {
    if (role.code === '---') continue;
    const split = splitCode(role.code, countries);
    if (split) roles.push({ code: split[0], sector: split[1], from: role.from, to: role.to });
  }
  if (roles.length === 0) return null;
  const person = isPerson(actor);
  const names = [...new Set(actor.names.filter(usableName).map((n) => titleCase(n, !person)))];
  return names.length > 0 ? { kind: person ? 'P' : 'O', names, roles } : null;
}

/** "President Putin", "Russian President Vladimir Putin": a title or demonym before a name the actor has. */
function titledCopy(name: string, own: Set<string>, prefixes: Set<string>): boolean {
  const words = name.toLowerCase().split(' ');
  for (let i = 1; i < words.length; i += 1) {
    const head = words.slice(0, i).join(' ');
    const rest = words.slice(i).join(' ');
    if (own.has(rest) && words.slice(0, i).every((w) => prefixes.has(w) || prefixes.has(head))) return true;
  }
  return false;
}

/**
 * A name with its token boundaries marked as the coder's tokenizer finds them: "_" between two tokens that
 * the text writes without a space ("Boutros_-_Ghali"), so loading needs no tokenizer pass.
 */
function tokenMarked(name: string): string {
  const tokens = phraseTokens(name);
  let out = '';
  let at = 0;
  for (const token of tokens) {
    const found = name.indexOf(token, at);
    if (out !== '') out += found > at ? ' ' : '_';
    out += token;
    at = found + token.length;
  }
  return out;
}

/**
 * A person outside every listed office is coded as elite (ELI) of the first role's country anyway (see
 * src/coder/actor-at-date.ts), so ELI roles of that country add nothing unless another default role would
 * take over; one role is always kept.
 */
function withoutElite(kind: Built['kind'], roles: Built['roles']): Built['roles'] {
  if (kind !== 'P') return roles;
  const main = roles[0]?.code;
  const defaults = roles.filter((r) => !r.from && !r.to);
  if (!defaults.every((r) => r.sector === 'ELI' && r.code === main)) return roles;
  const kept = roles.filter((r) => !(r.sector === 'ELI' && r.code === main));
  return kept.length > 0 ? kept : roles.slice(0, 1);
}

/** Roles as "CCC" (the first role's code) then ";"-separated "SEC from to" (dates YYYYMMDD, empty if open); "CCC:" prefixes a role of another code. */
function packRoles(kind: Built['kind'], all: Built['roles']): string {
  const roles = withoutElite(kind, all);
  const main = roles[0]?.code ?? '';
  const packed = roles.map((r) => {
    const date = (d: string | null): string => (d ? d.replace(/-/g, '') : '');
    const body = `${r.sector ?? ''} ${date(r.from)} ${date(r.to)}`.trimEnd();
    return r.code === main ? body : `${r.code}:${body}`;
  });
  return `${main}|${[...new Set(packed)].join(';')}`;
}

interface CountryRow {
  iso3: string;
  names: string[];
  demonyms: string[];
}

/** Every word the country table already knows ("syria", "syrian"), lowercased. */
function countryWordsOf(rows: CountryRow[]): Set<string> {
  return new Set(rows.flatMap((c) => [...c.names, ...c.demonyms].map((n) => n.toLowerCase())));
}

/** Words that may precede a name the actor already has: titles, countries and demonyms, "former". */
function namePrefixes(countryWords: Set<string>): Set<string> {
  const extra = ['u.s.', 'us', 'mr', 'mr.', 'former', 'acting', 'deputy', 'then'];
  return new Set([...sectorsJson.personTitles.flatMap((t) => t.toLowerCase().split(' ')), ...countryWords, ...extra]);
}

/** "Hamad bin Khalifa al Thani" is written "al-Thani" in news: both spellings are kept. */
function withArticleVariants(names: string[]): string[] {
  const out = [...names];
  for (const name of names) {
    const joined = name.replace(/\b(al|el) (\p{Lu})/gu, '$1-$2');
    if (joined !== name && !out.includes(joined)) out.push(joined);
  }
  return out;
}

function readActors(countries: Set<string>): { actors: Built[]; blocks: RawActor[] } {
  const raw = FILES.flatMap(readActorFile);
  // Country blocks ("AFGHANISTAN_ [AFG]" with its spellings, cities and regions) are not people or organisations.
  const isBlock = (a: RawActor): boolean =>
    a.roles.length === 1 && /^[A-Z]{3}$/.test(a.roles[0]?.code ?? '') && a.names.length > 3;
  const actors = raw.filter((a) => !isBlock(a)).flatMap((a) => convert(a, countries) ?? []);
  for (const a of actors) a.names = withArticleVariants(a.names);
  return { actors, blocks: raw.filter(isBlock) };
}

/** A name listed under actors of different countries (or kinds) names nobody in particular. */
function ambiguousNames(actors: Built[]): Set<string> {
  const owners = new Map<string, Set<string>>();
  for (const a of actors)
    for (const n of a.names) {
      const key = n.toLowerCase();
      const set = owners.get(key) ?? new Set<string>();
      set.add(`${a.kind}${[...new Set(a.roles.map((r) => r.code))].sort().join('')}`);
      owners.set(key, set);
    }
  return new Set([...owners].filter(([, set]) => set.size > 1).map(([key]) => key));
}

function actorLines(actors: Built[], countryWords: Set<string>): { lines: string[]; dropped: number } {
  const places = loadGazetteer();
  const ambiguous = ambiguousNames(actors);
  const prefixes = namePrefixes(countryWords);
  const lines: string[] = [];
  const seen = new Set<string>();
  let dropped = 0;
  for (const a of actors) {
    const own = new Set(a.names.map((n) => n.toLowerCase()));
    const names = a.names.filter((n) => {
      const key = n.toLowerCase();
      const single = !key.includes(' ');
      const keep =
        !ambiguous.has(key) &&
        !countryWords.has(key) &&
        !titledCopy(n, own, prefixes) &&
        !(single && (places.isPlace(n) || sectorsJson.personTitles.includes(key))) &&
        !seen.has(`${key}|${a.kind}`);
      if (!keep) dropped += 1;
      return keep;
    });
    if (names.length === 0) continue;
    for (const n of names) seen.add(`${n.toLowerCase()}|${a.kind}`);
    lines.push(`${a.kind}|${names.map(tokenMarked).join(';')}|${packRoles(a.kind, a.roles)}`);
  }
  return { lines, dropped };
}

/** Edit distance (insert, delete, substitute, swap two neighbours), for spelling variants. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j += 1) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    const row = d[i] as number[];
    const up = d[i - 1] as number[];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/** The closest of `words` to `key`, and whether it is close enough to be a misspelling of it. */
function nearest(key: string, words: string[]): { distance: number; close: boolean } {
  let best = { distance: Number.POSITIVE_INFINITY, close: false };
  for (const word of words) {
    const w = word.toLowerCase();
    const distance = editDistance(key, w);
    const close = w.charAt(0) === key.charAt(0) && distance <= (w.length >= 8 ? 2 : 1);
    if (distance < best.distance) best = { distance, close };
  }
  return best;
}

/**
 * Misspellings of a country or its demonym that the country blocks list ("Ethopia", "Quatar", "Pakstan"):
 * within one edit of a name of up to 7 letters, two of a longer one, with the same first letter, at least
 * 6 letters long, and neither a place, a plural demonym nor another country's word. Cities, regions and foreign-language names in the same blocks are left out.
 */
function countryVariantLines(blocks: RawActor[], rows: CountryRow[], countryWords: Set<string>): string[] {
  const places = loadGazetteer();
  const byIso = new Map(rows.map((c) => [c.iso3, c]));
  const lines: string[] = [];
  for (const block of blocks) {
    const code = block.roles[0]?.code ?? '';
    const country = byIso.get(COUNTRY_ALIASES[code] ?? code);
    if (!country) continue;
    const found = { C: [] as string[], D: [] as string[] };
    const plurals = new Set(country.demonyms.flatMap((d) => [`${d}s`, `${d}es`]).map((d) => d.toLowerCase()));
    for (const raw of block.names) {
      const name = titleCase(raw, false);
      const key = name.toLowerCase();
      if (key.length < 6 || countryWords.has(key) || plurals.has(key) || places.isPlace(name)) continue;
      const asName = nearest(key, country.names);
      const asDemonym = nearest(key, country.demonyms);
      if (asName.close && asName.distance <= asDemonym.distance) found.C.push(name);
      else if (asDemonym.close) found.D.push(name);
    }
    for (const kind of ['C', 'D'] as const)
      if (found[kind].length > 0) lines.push(`${kind}|${found[kind].map(tokenMarked).join(';')}|${country.iso3}|`);
  }
  return lines;
}

function main(): void {
  const rows = countriesJson as CountryRow[];
  const countryWords = countryWordsOf(rows);
  const { actors, blocks } = readActors(new Set(rows.map((c) => c.iso3)));
  const { lines, dropped } = actorLines(actors, countryWords);
  const variants = countryVariantLines(blocks, rows, countryWords);
  const text = [...lines, ...variants].join('\n');
  const dates = lines.flatMap((l) => [...l.matchAll(/\d{8}/g)].map((m) => m[0])).sort();
  const packed = brotliCompressSync(Buffer.from(text), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  const json = {
    format: FORMAT,
    source:
      'PETRARCH2 / Phoenix actor dictionaries (MIT, Open Event Data Alliance), converted by scripts/build-actor-dictionary.ts; see THIRD_PARTY_NOTICES.md',
    dataEnds: (dates[dates.length - 1] ?? '').replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3') || null,
    fields: ['kind', 'names', 'code', 'roles'],
    actorsBrotliBase64: packed.toString('base64'),
  };
  writeFileSync(OUT, `${JSON.stringify(json)}\n`);
  const people = lines.filter((l) => l.startsWith('P|')).length;
  const names = lines.reduce((n, l) => n + (l.split('|')[1] ?? '').split(';').length, 0);
  console.log(
    `${lines.length} actors (${people} people), ${names} names, ${dropped} names dropped, ${variants.length} countries with spelling variants; text ${text.length} bytes, stored ${JSON.stringify(json).length} bytes; data ends ${json.dataEnds}`,
  );
}

main();
