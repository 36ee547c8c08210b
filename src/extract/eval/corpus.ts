import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ExtractError } from '../errors.js';

/** One benchmark page: raw HTML, its URL, the article body a person would copy, and its headline and date when known. */
export interface BenchmarkPage {
  id: string;
  url: string;
  html: string;
  expected: string;
  /** Headline from the set's meta.json, or null. */
  title: string | null;
  /** Publication date (YYYY-MM-DD) from the set's meta.json, or null. */
  published: string | null;
}

/** Default location of the shared (read-only, third-party) Scrapinghub extraction benchmark. */
export function defaultCorpusDir(repoRoot: string): string {
  return resolve(repoRoot, '..', 'shared', 'eval', 'extraction');
}

/** Default location of the shared WCXB article pages (same layout plus meta.json). */
export function wcxbCorpusDir(repoRoot: string): string {
  return resolve(repoRoot, '..', 'shared', 'eval', 'extraction-wcxb');
}

interface MetaEntry {
  title?: string | null;
  publish_date?: string | null;
}

function readMeta(dir: string): Record<string, MetaEntry> {
  const path = join(dir, 'meta.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, MetaEntry>) : {};
}

/**
 * Loads every page of a benchmark folder (`ground-truth.json`, `html/<id>.html.gz`, optional
 * `meta.json`). Throws a clear error (never skips) when the shared data set is missing, so an
 * eval run cannot silently report nothing.
 */
export function loadBenchmarkPages(dir: string): BenchmarkPage[] {
  const truthPath = join(dir, 'ground-truth.json');
  if (!existsSync(truthPath) || !existsSync(join(dir, 'html'))) {
    throw new ExtractError(`extraction benchmark not found at ${dir} (expected ground-truth.json and html/)`);
  }
  const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as Record<string, { articleBody?: string; url?: string }>;
  const meta = readMeta(dir);
  const pages: BenchmarkPage[] = [];
  for (const file of readdirSync(join(dir, 'html')).sort()) {
    const id = file.replace(/\.html\.gz$/, '');
    const entry = truth[id];
    if (!file.endsWith('.html.gz') || entry === undefined) continue;
    const html = gunzipSync(readFileSync(join(dir, 'html', file))).toString('utf8');
    const known = meta[id];
    pages.push({
      id,
      url: entry.url ?? '',
      html,
      expected: entry.articleBody ?? '',
      title: known?.title ?? null,
      published: known?.publish_date ?? null,
    });
  }
  if (pages.length === 0) throw new ExtractError(`extraction benchmark at ${dir} holds no pages`);
  return pages;
}
