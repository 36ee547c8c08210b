import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { createEventCoder } from '../coder/index.js';
import type { LocalConfig } from '../config/index.js';
import { describeError } from '../core/errors.js';
import { saveDeadLetters } from '../local/runner.js';
import type { StageObserver } from '../stages/index.js';
import { type AwsClients, createAwsClients } from '../storage/clients.js';
import { archiveEntries, type RecordFilter } from './archive-records.js';
import { CheckpointStore } from './checkpoint.js';
import { ArchiveReadError } from './errors.js';
import { ArchiveIngest, emptyTally, type IngestTally } from './ingest.js';

/** An archive file's fate in one backfill. */
export interface FileOutcome {
  path: string;
  status: 'done' | 'already-done' | 'interrupted' | 'failed';
  /** Where it started reading (a checkpoint of an earlier, interrupted run), in bytes. */
  resumedAt: number;
  reason?: string;
}

export interface LocalBackfillOptions {
  config: LocalConfig;
  dataDir: string;
  /** WARC files (`.warc`, `.warc.gz`) or folders holding them. */
  files: readonly string[];
  filter: RecordFilter;
  observer: StageObserver;
  signal: AbortSignal;
  maxWaitMs?: number;
  /** Read every file from its start, whatever its checkpoint says (known articles are then counted as known). */
  restart?: boolean;
  /** Live counts, for the progress line. */
  tally?: IngestTally;
  onFile?: (path: string, size: number) => void;
  onRecord?: (offset: number) => void;
}

export interface LocalBackfillResult {
  files: FileOutcome[];
  tally: IngestTally;
  /** Articles an earlier run stored but did not code, handed to the code stage first. */
  resumed: number;
  /** Stage messages that failed every delivery: in `<dataDir>/dead-letters/`, replayed by `eventwire redrive`. */
  deadLetters: number;
  /** Articles whose coding still waits (a first copy not coded yet): finished by the next backfill or run. */
  waiting: number;
  interrupted: boolean;
  clients: AwsClients;
}

/** The archive files named by `paths`: files as given, folders searched (recursively) for WARC files, sorted. */
export async function listArchiveFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths.map((p) => resolve(p))) {
    if (!(await stat(path)).isDirectory()) {
      files.push(path);
      continue;
    }
    const entries = await readdir(path, { recursive: true, withFileTypes: true });
    for (const entry of entries)
      if (entry.isFile() && /\.warc(\.gz)?$/i.test(entry.name)) files.push(join(entry.parentPath, entry.name));
  }
  return [...new Set(files)].sort();
}

/**
 * A backfill of local WARC files into the local stack, with the stages of a live run (see ArchiveIngest). Each
 * file resumes at its checkpoint, so Ctrl-C and a rerun finish the rest without doing anything twice; an
 * unreadable file is reported with its reason and the others go on.
 */
export async function backfillLocal(options: LocalBackfillOptions): Promise<LocalBackfillResult> {
  const clients = createAwsClients(options.config);
  const platform = { config: options.config, doc: clients.doc, s3: clients.s3, observer: options.observer };
  const ingest = new ArchiveIngest({ ...platform, clock: () => new Date() }, lazyCoder(), {
    concurrency: { article: 4, code: 2 },
  });
  const stored = await ingest.deps.articles.pending('code');
  await ingest.queues.code.send(stored.map((article) => ({ article_id: article.article_id })));
  const checkpoints = new CheckpointStore(options.dataDir);
  const tally = options.tally ?? emptyTally();
  const outcomes: FileOutcome[] = [];
  for (const path of await listArchiveFiles(options.files)) {
    if (options.signal.aborted) break;
    const { size } = await stat(path);
    const checkpoint = options.restart ? null : await checkpoints.read(path, size);
    const resumedAt = checkpoint?.next_offset ?? 0;
    if (checkpoint?.done) {
      outcomes.push({ path, status: 'already-done', resumedAt });
      continue;
    }
    options.onFile?.(path, size);
    try {
      const result = await ingest.ingest(
        archiveEntries(createReadStream(path, { start: resumedAt }), options.filter, resumedAt),
        {
          archiveName: basename(path),
          signal: options.signal,
          tally,
          ...(options.onRecord ? { onRecord: options.onRecord } : {}),
          ...(options.maxWaitMs === undefined ? {} : { maxWaitMs: options.maxWaitMs }),
          checkpoint: (next) => checkpoints.write(path, size, next),
        },
      );
      outcomes.push({ path, status: result.stopped === 'interrupted' ? 'interrupted' : 'done', resumedAt });
    } catch (error) {
      if (!(error instanceof ArchiveReadError)) throw error;
      outcomes.push({ path, status: 'failed', resumedAt, reason: describeError(error).message });
      options.observer.warn('archive not read to its end', { file: path, reason: describeError(error).message });
    }
  }
  const deadLetters = await saveDeadLetters(options.dataDir, [ingest.queues.article, ingest.queues.code]);
  return {
    files: outcomes,
    tally,
    resumed: stored.length,
    deadLetters,
    waiting: ingest.queues.code.depth,
    interrupted: options.signal.aborted,
    clients,
  };
}

/** The event coder, loaded on first use (importing the model takes a second). */
function lazyCoder(): () => ReturnType<typeof createEventCoder> {
  let coder: ReturnType<typeof createEventCoder> | undefined;
  return () => {
    coder ??= createEventCoder();
    return coder;
  };
}
