/**
 * Copy detection evaluation: does the copy policy (src/copies/policy.ts) recognise a syndicated copy of an
 * article, and does it leave distinct articles apart? Read at eval time from ../shared (never copied): the
 * human-reviewed article bodies of the WCXB dev set. Each text with 3+ substantial paragraphs gets, in turn, one
 * edit that republishing outlets make; the copy's claims are judged against the original's, as the claim store
 * would (the original ranks first and owns every claim it took). Every pair of distinct texts is judged too.
 *   npx tsx scripts/eval-copies.ts   (last line: RESULT {json})
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { claimantOf, claimKeysOf, paragraphHashes, paragraphOwner } from '../src/copies/policy.js';
import { contentHash } from '../src/extract/index.js';

type Edit = (paragraphs: string[]) => string[];

/** Edits of syndication, one class each; none is written for a particular text. */
const EDITS: Record<string, Edit> = {
  agency_footer: (p) => [...p, 'This article was distributed by a news agency and is republished with permission.'],
  dateline: (p) => [`CITY, Oct 5 (Agency) - ${p[0] ?? ''}`, ...p.slice(1)],
  cut_last_two: (p) => p.slice(0, Math.max(1, p.length - 2)),
  copy_edited: (p) =>
    p.map((paragraph, i) =>
      i % Math.max(1, Math.floor(p.length / 3)) === 0 ? paragraph.replace(/\b(\w{5,})\b/, '$1s') : paragraph,
    ),
  new_lead: (p) => [
    'A new opening paragraph written by the republishing outlet, in its own words and style for readers.',
    ...p.slice(1),
  ],
  paragraphs_merged: (p) => p.flatMap((paragraph, i) => (i % 2 === 0 ? [`${paragraph} ${p[i + 1] ?? ''}`.trim()] : [])),
};

type Keys = ReturnType<typeof claimKeysOf>;

function keysOf(paragraphs: string[]): Keys {
  const text = paragraphs.join('\n\n');
  return claimKeysOf({ listedCanonical: 'same', canonical: 'same', text, contentHash: contentHash(text) });
}

/** Whether the later article is judged a copy of the first, which ranks first and owns every claim it took. */
function judgedCopy(first: Keys, later: Keys): boolean {
  const owned = new Set([...first.exact, ...first.paragraphs]);
  if (later.exact.some((key) => owned.has(key))) return true;
  const claimant = claimantOf('later', null);
  const owners = later.paragraphs.map((key) => (owned.has(key) ? 'first' : claimant.articleId));
  return paragraphOwner(claimant, owners, later.paragraphs.length) !== null;
}

const truthPath = resolve(import.meta.dirname, '../../shared/eval/extraction-wcxb/ground-truth.json');
if (!existsSync(truthPath)) {
  console.error(`eval-copies: ${truthPath} not found (expected ../shared next to the repo)`);
  process.exit(1);
}
const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as Record<string, { articleBody: string }>;
const texts = Object.values(truth).map(({ articleBody }) =>
  articleBody
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean),
);
const usable = texts.filter((paragraphs) => paragraphHashes(paragraphs.join('\n\n')).length >= 3);
const recall: Record<string, number> = {};
for (const [name, edit] of Object.entries(EDITS)) {
  const found = usable.filter((paragraphs) => judgedCopy(keysOf(paragraphs), keysOf(edit(paragraphs)))).length;
  recall[`copies_recall_${name}`] = Math.round((found / usable.length) * 1000) / 1000;
  console.log(`${name.padEnd(20)} copies recognised ${((100 * found) / usable.length).toFixed(1).padStart(5)}%`);
}
const keys = texts.map(keysOf);
let pairs = 0;
let falseCopies = 0;
for (let i = 0; i < texts.length; i += 1) {
  for (let j = i + 1; j < texts.length; j += 1) {
    if (texts[i]?.join('\n') === texts[j]?.join('\n')) continue;
    pairs += 1;
    const [a, b] = [keys[i], keys[j]];
    if (a && b && (judgedCopy(a, b) || judgedCopy(b, a))) falseCopies += 1;
  }
}
console.log(`${usable.length} texts edited; ${pairs} pairs of distinct texts, ${falseCopies} judged copies`);
console.log(
  `RESULT ${JSON.stringify({ copies_texts: usable.length, ...recall, copies_distinct_pairs: pairs, copies_false_copies: falseCopies })}`,
);
