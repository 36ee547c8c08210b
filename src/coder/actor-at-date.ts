import type { LexiconEntry, LexiconKind } from './actor-dictionary.js';
import type { DatedRole } from './phoenix-actors.js';

/**
 * Which reading of a dictionary phrase applies on `date`, with the role the actor held that day.
 *
 * Named actors (people, organisations) come from two kinds of file: ours (leaders.json, organizations.json,
 * user files: one entry per term in office) and the converted Phoenix dictionary (one entry per actor with
 * dated roles, known up to `dataEnds`). With a date:
 * 1. our entry whose term covers the date;
 * 2. up to `dataEnds`, the Phoenix role valid that day (a dated role, else its default role);
 * 3. a person our files know but who held no listed office that day: the same country, sector ELI
 *    (a former or future office holder);
 * 4. after `dataEnds`, a Phoenix role still open then, else its default, else ELI for a person.
 * Without a date the actor's current role: our most recent term, else the Phoenix role valid when its data ends.
 */
export function pickByDate(
  entries: LexiconEntry[],
  date: string | null,
  dataEnds: string | null,
): LexiconEntry | undefined {
  const named = entries.filter((e) => e.kind === 'PERSON' || e.kind === 'ORGANIZATION');
  if (named.length === 0) return pickUnnamed(entries, date);
  const own = named.filter((e) => !e.dated);
  const dictionary = named.filter((e) => e.dated);
  // A Phoenix actor stands for one of ours only when both name the same entity (same id or same country).
  const same = dictionary.filter((d) => own.length === 0 || own.some((o) => sameActor(o, d)));
  if (date !== null) {
    const current = own.find((e) => covers(e.from, e.to, date));
    if (current) return current;
    if (dataEnds !== null && date <= dataEnds) {
      const historic = roleOn(same, date, true);
      if (historic) return withOwnId(historic, own);
    }
    if (own.length > 0) return formerHolder(latest(own));
    return roleOn(same, date, true) ?? roleOn(same, date, false) ?? formerHolder(same[0]);
  }
  if (own.length > 0) return latest(own);
  const end = dataEnds ?? '9999-12-31';
  return roleOn(same, end, true) ?? roleOn(same, end, false) ?? formerHolder(same[0]);
}

function covers(from: string | null, to: string | null, date: string): boolean {
  return (from === null || from <= date) && (to === null || to >= date);
}

function sameActor(own: LexiconEntry, dictionary: LexiconEntry): boolean {
  return own.entityId === dictionary.entityId || dictionary.dated?.roles.some((r) => r.code === own.code) === true;
}

/**
 * The role valid on `date` as an entry of its own. `dated`: only roles with a date bound, bounded on both
 * sides first ("GOV 2003-2008" before "GOV from 2008"), later starts first; otherwise default roles too.
 */
function roleOn(entries: LexiconEntry[], date: string, dated: boolean): LexiconEntry | undefined {
  let best: { entry: LexiconEntry; role: DatedRole } | undefined;
  for (const entry of entries) {
    for (const role of entry.dated?.roles ?? []) {
      const hasBound = role.from !== null || role.to !== null;
      if (hasBound !== dated || !covers(role.from, role.to, date)) continue;
      if (!best || rank(role) > rank(best.role)) best = { entry, role };
    }
  }
  return best ? asRole(best.entry, best.role) : undefined;
}

function asRole(entry: LexiconEntry, role: DatedRole): LexiconEntry {
  return {
    ...entry,
    code: role.code,
    sector: role.sector,
    from: role.from,
    to: role.to,
  };
}

function rank(role: DatedRole): string {
  const bounded = role.from !== null && role.to !== null ? '1' : '0';
  return `${bounded}${role.from ?? '0000-00-00'}`;
}

function withOwnId(entry: LexiconEntry, own: LexiconEntry[]): LexiconEntry {
  const match = own.find((o) => sameActor(o, entry));
  return match ? { ...entry, entityId: match.entityId, name: match.name } : entry;
}

/** The most recent term (an entry without a start date counts as current). */
function latest(entries: LexiconEntry[]): LexiconEntry {
  const start = (e: LexiconEntry): string => e.from ?? '9999-12-31';
  return entries.reduce((a, b) => (start(b) > start(a) ? b : a));
}

/** A person outside every listed office keeps the country and counts as elite (CAMEO ELI). */
function formerHolder(entry: LexiconEntry | undefined): LexiconEntry | undefined {
  if (!entry) return undefined;
  const role = entry.dated?.roles[0];
  const base = role ? asRole(entry, role) : entry;
  if (entry.kind !== 'PERSON') return base;
  const international = base.code === 'IGO' || base.code === 'NGO';
  return { ...base, sector: international ? base.code : 'ELI', from: null, to: null };
}

const KIND_ORDER: LexiconKind[] = ['PERSON', 'ORGANIZATION', 'COUNTRY', 'CAPITAL', 'DEMONYM', 'SECTOR'];

/** Countries, capitals, demonyms and sector nouns: dictionary order, else the strongest kind. */
function pickUnnamed(entries: LexiconEntry[], date: string | null): LexiconEntry | undefined {
  if (entries.length <= 1) return entries[0];
  const dated = entries.filter((e) => date && covers(e.from, e.to, date));
  if (dated[0]) return dated[0];
  return [...entries].sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (b.from ?? '').localeCompare(a.from ?? ''),
  )[0];
}
