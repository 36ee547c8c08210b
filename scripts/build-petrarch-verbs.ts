/**
 * Converts the PETRARCH2 CAMEO verb dictionary (../shared/dictionaries/petrarch2/CAMEO.2.0.txt, MIT, format in
 * dictionaries.rst there) into the coder's own verb-pattern format: data/coder/petrarch-verbs.json.
 *
 *   npx tsx scripts/build-petrarch-verbs.ts
 *
 * What is kept, and how (see data/coder/README.md, "petrarch-verbs.json"):
 * - a pattern goes to the verb of its block that its comment names ("# STAGE"), else to every verb of the block
 *   (PETRARCH applies every pattern to every synonym, which yields "base a vigil" from "stage a vigil"); a verb's
 *   own code (or the block's) becomes its bare pattern; a multi-word verb ("+CORDON_OFF") keeps its particle as an
 *   adjacent word;
 * - a pattern's words after the verb are kept in order: nouns, {noun phrases}, (preposition noun); actor markers
 *   ($ + % ^) are dropped; synonym sets (&WEAPON) stay references to the `synsets` table;
 * - patterns that constrain the subject (words before `*`), verbs whose verb word is not their first word
 *   ("WIRE_+TAP"), and transformations (`~` lines) are left out: the coder's matcher reads words after the verb;
 * - "[---]" patterns with words after the verb are `none` phrases (no event), "[042:043]" keeps the source's code.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourcePath = join(root, '..', 'shared', 'dictionaries', 'petrarch2', 'CAMEO.2.0.txt');
const outPath = join(root, 'data', 'coder', 'petrarch-verbs.json');

interface Block {
  code: string | null;
  verbs: Array<{ verb: string; particle: string[]; code: string | null }>;
  /** `verb`: the block verb the pattern was written for (its trailing comment), when the comment names one. */
  patterns: Array<{ words: string[]; code: string | null; verb: string | null }>;
}

const text = readFileSync(sourcePath, 'utf8');
const lines = text.split(/\r?\n/);
const patternsAt = lines.findIndex((l) => l.startsWith('####### VERB PATTERNS'));
if (patternsAt < 0) throw new Error(`${sourcePath}: no VERB PATTERNS section`);

/** "[042:043]" -> "042"; "[---]" -> null; "[:173]" -> undefined (no code for the source: skipped). */
function codeOf(raw: string | undefined): string | null | undefined {
  if (raw === undefined) return undefined;
  const first = raw.split(':')[0]?.trim() ?? '';
  if (first === '---') return null;
  return /^\d{2,4}$/.test(first) ? first : undefined;
}

function stripComment(line: string): string {
  const hash = line.indexOf('#');
  return (hash >= 0 ? line.slice(0, hash) : line).trim();
}

function readSynsets(): Map<string, string[]> {
  const synsets = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const raw of lines.slice(0, patternsAt)) {
    const line = stripComment(raw);
    if (line.startsWith('&')) {
      current = [];
      synsets.set(line.slice(1).replace(/_$/, '').toLowerCase(), current);
    } else if (line.startsWith('+') && current) {
      // Multi-word members ("IS_TO") match on their last word, the head of the phrase.
      const words = line.slice(1).replace(/_$/, '').toLowerCase().split('_').filter(Boolean);
      const head = words[words.length - 1];
      if (head && !current.includes(head)) current.push(head);
    } else if (raw.trim() === '') current = null;
  }
  return synsets;
}

/** The words after `*` of a pattern, in text order; null when the pattern constrains its subject. */
function patternWords(body: string): string[] | null {
  const star = body.indexOf('*');
  if (star < 0 || body.slice(0, star).trim() !== '') return null;
  const words: string[] = [];
  for (const raw of body
    .slice(star + 1)
    .replace(/[{}()]/g, ' ')
    .split(/\s+/)) {
    if (raw === '' || /^[$+%^]$/.test(raw)) continue;
    for (const part of raw.toLowerCase().split('_').filter(Boolean)) words.push(part);
  }
  return words;
}

function readBlocks(): Block[] {
  const blocks: Block[] = [];
  let block: Block | null = null;
  for (const raw of lines.slice(patternsAt + 1)) {
    const header = /^---\s+\S+\s+\[([^\]]*)\]\s+---/.exec(raw);
    if (header) {
      block = { code: codeOf(header[1]) ?? null, verbs: [], patterns: [] };
      blocks.push(block);
      continue;
    }
    const line = stripComment(raw);
    if (!block || line === '' || line.startsWith('~')) continue;
    const noted = /#\s*([A-Za-z_+-]+)/.exec(raw)?.[1]?.toLowerCase().replace(/^\+/, '').split('_')[0] ?? null;
    const code = codeOf(/\[([^\]]*)\]\s*$/.exec(line)?.[1]);
    const body = line.replace(/\[[^\]]*\]\s*$/, '').trim();
    if (line.startsWith('-')) {
      const words = patternWords(body.slice(1));
      if (words && words.length > 0 && code !== undefined) block.patterns.push({ words, code, verb: noted });
      continue;
    }
    const verb = verbEntry(body.replace(/\{[^}]*\}/g, '').trim(), code);
    if (verb) block.verbs.push(verb);
  }
  return blocks;
}

/** "ASK", "+ASK_FOR": the verb and its particle; null for "WIRE_+TAP" (words before the verb). */
function verbEntry(body: string, code: string | null | undefined): Block['verbs'][number] | null {
  const words = body.toLowerCase().split('_').filter(Boolean);
  const first = words[0];
  if (!first || words.slice(1).some((w) => w.startsWith('+'))) return null;
  const verb = first.replace(/^\+/, '');
  if (!/^[a-z][a-z'-]*$/.test(verb)) return null;
  return { verb, particle: words.slice(1), code: code === undefined ? null : code };
}

const synsets = readSynsets();
const blocks = readBlocks();
const verbs = new Map<string, Set<string>>();
const none = new Set<string>();
const addPattern = (code: string | null, phrase: string): void => {
  if (code === null) {
    none.add(phrase);
    return;
  }
  const list = verbs.get(code) ?? new Set<string>();
  list.add(phrase);
  verbs.set(code, list);
};
const usedSynsets = new Set<string>();
for (const block of blocks) {
  for (const v of block.verbs) {
    const head = [v.verb, ...v.particle.map((p) => `=${p}`)].join(' ');
    const own = v.code ?? block.code;
    if (own !== null) addPattern(own, head);
    const named = new Set(block.verbs.map((b) => b.verb));
    for (const p of block.patterns) {
      // A pattern written for one verb of the block ("# STAGE") is kept for that verb only: PETRARCH applies it
      // to every synonym, which turns "stage a vigil" into "base a vigil" and "post a vigil" too.
      if (p.verb !== null && named.has(p.verb) && p.verb !== v.verb) continue;
      const words = p.words.map((w) => {
        if (!w.startsWith('&')) return w;
        const name = w.slice(1).replace(/_$/, '');
        usedSynsets.add(name);
        return `&${name}`;
      });
      if (words.some((w) => w.startsWith('&') && !synsets.has(w.slice(1)))) continue;
      addPattern(p.code, `${head} ${words.join(' ')}`);
    }
  }
}

const out = {
  source:
    'Converted by scripts/build-petrarch-verbs.ts from CAMEO.2.0.txt, the PETRARCH2 verb dictionary (openeventdata/petrarch2, commit 676801cd9cb2924bbbad09f86d15c9323e7097bf). Copyright (c) 2015 Open Event Data Alliance, MIT licence: see THIRD-PARTY-NOTICES.md.',
  synsets: Object.fromEntries([...synsets].filter(([name]) => usedSynsets.has(name)).sort()),
  verbs: Object.fromEntries([...verbs].sort(([a], [b]) => a.localeCompare(b)).map(([c, s]) => [c, [...s].sort()])),
  none: [...none].sort(),
};
const json = `{\n${Object.entries(out)
  .map(([key, value]) =>
    typeof value === 'string' || Array.isArray(value)
      ? `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`
      : `  ${JSON.stringify(key)}: {\n${Object.entries(value)
          .map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
          .join(',\n')}\n  }`,
  )
  .join(',\n')}\n}\n`;
writeFileSync(outPath, json);
const patternCount = [...verbs.values()].reduce((n, s) => n + s.size, 0);
console.log(
  `wrote ${outPath}: ${patternCount} patterns under ${verbs.size} codes, ${none.size} none phrases, ${usedSynsets.size} synonym sets, ${json.length} bytes`,
);
