import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ExtractError } from '../errors.js';

/** One benchmark page: raw HTML, its URL and the article body a person would copy. */
export interface BenchmarkPage {
  id: string;
  url: string;
  html: string;
  expected: string;
}

/** Default location of the shared (read-only, third-party) extraction benchmark. */
export function defaultCorpusDir(repoRoot: string): string {
  return resolve(repoRoot, '..', 'shared', 'eval', 'extraction');
}

/**
 * Loads every page of the benchmark. Throws a clear error (never skips) when the shared
 * data set is missing, so an eval run cannot silently report nothing.
 */
export function loadBenchmarkPages(dir: string): BenchmarkPage[] {
  const truthPath = join(dir, 'ground-truth.json');
  if (!existsSync(truthPath) || !existsSync(join(dir, 'html'))) {
    throw new ExtractError(`extraction benchmark not found at ${dir} (expected ground-truth.json and html/)`);
  }
  const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as Record<string, { articleBody?: string; url?: string }>;
  const pages: BenchmarkPage[] = [];
  for (const file of readdirSync(join(dir, 'html')).sort()) {
    const id = file.replace(/\.html\.gz$/, '');
    const entry = truth[id];
    if (!file.endsWith('.html.gz') || entry === undefined) continue;
    const html = gunzipSync(readFileSync(join(dir, 'html', file))).toString('utf8');
    pages.push({ id, url: entry.url ?? '', html, expected: entry.articleBody ?? '' });
  }
  if (pages.length === 0) throw new ExtractError(`extraction benchmark at ${dir} holds no pages`);
  return pages;
}
