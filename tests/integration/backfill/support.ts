import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withStackAt } from '../../helpers/local-stack.js';
import { normaliser, takeSnapshot } from '../reliability/support/store-snapshot.js';

/** What a feed poll and an archive record legitimately record differently about the same article. */
const DISCOVERY_FIELDS = new Set(['feed_id', 'feed_published', 'updated_at']);

/** The articles and events tables and the bucket: what a live run and a backfill of the same pages must agree on. */
export interface ArticleStore {
  articles: unknown[];
  events: unknown[];
  objects: Record<string, string>;
}

/** A data folder whose demo site (live or recorded) is served on `port`. */
export async function dataDirWithDemoPort(port: number, label: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `eventwire-${label}-`));
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'local.json'), JSON.stringify({ demoPort: port }));
  return dir;
}

/** Opens a data folder a CLI command left behind and snapshots what the stages stored. */
export async function storedBy(dir: string, since: Date): Promise<ArticleStore> {
  const snapshot = await withStackAt(dir, (clients, config) =>
    takeSnapshot(clients, config, normaliser(since, new Date())),
  );
  return {
    articles: (snapshot.tables.articles ?? []).map((item) =>
      Object.fromEntries(Object.entries(item as object).filter(([key]) => !DISCOVERY_FIELDS.has(key))),
    ),
    events: snapshot.tables.events ?? [],
    objects: snapshot.objects,
  };
}
