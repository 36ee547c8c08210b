import { appendFile, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { AppConfig } from '../config/index.js';
import { snakeCaseKeys } from '../core/snake-case.js';
import { ArticleMessageSchema, type StageName } from '../queue/messages.js';
import type { StageDeps, StageObserver } from '../stages/index.js';
import { createLocalPipeline } from './local-pipeline.js';

const QUEUES: readonly StageName[] = ['feed', 'article', 'code'];
// Letters written before the snake_case names say receiveCount; only the body is replayed.
const LetterSchema = z.object({ body: z.string(), reason: z.string().optional() }).passthrough();
type Letter = z.infer<typeof LetterSchema>;

export interface LocalRedriveOptions {
  config: AppConfig;
  dataDir: string;
  observer: StageObserver;
  signal: AbortSignal;
  /** Receives before a replayed record is dead-lettered again. Default 3. */
  maxReceiveCount?: number;
}

export interface LocalRedriveResult {
  /** Letters replayed per queue. */
  replayed: Record<StageName, number>;
  /** Failed articles put back in their stage's pending index before the replay. */
  reopened: number;
  /** Letters that failed again and are back in `dead-letters/`. */
  deadLetters: number;
}

/**
 * Replays `<dataDir>/dead-letters/<queue>.jsonl`: failed articles are reopened, every letter's body goes back on
 * its queue, and the pipeline drains as in a run. Replayed letters move to `dead-letters/redriven/<queue>.jsonl`;
 * those that fail again are dead-lettered anew with their new reason.
 */
export async function redriveLocal(options: LocalRedriveOptions): Promise<LocalRedriveResult> {
  const { queues, deps, drain, close } = createLocalPipeline(options.config, options.observer, options.maxReceiveCount);
  const replayed: Record<StageName, number> = { feed: 0, article: 0, code: 0 };
  let reopened = 0;
  try {
    for (const name of QUEUES) {
      const letters = await takeLetters(options.dataDir, name);
      for (const letter of letters) if (await reopenArticle(name, letter.body, deps)) reopened += 1;
      await queues[name].sendRaw(letters.map((letter) => letter.body));
      replayed[name] = letters.length;
    }
    await drain(options.signal);
    let deadLetters = 0;
    for (const name of QUEUES)
      deadLetters += await appendLetters(
        join(options.dataDir, 'dead-letters'),
        name,
        queues[name].deadLetters.map((letter) => ({ ...letter, deadLetteredAt: new Date().toISOString() })),
      );
    return { replayed, reopened, deadLetters };
  } finally {
    close();
  }
}

/** Reads a queue's dead letters and moves them to `redriven/` before the replay, so none is replayed twice. */
async function takeLetters(dataDir: string, queue: StageName): Promise<Letter[]> {
  const file = join(dataDir, 'dead-letters', `${queue}.jsonl`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return [];
  }
  const letters = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => LetterSchema.parse(JSON.parse(line)));
  await appendLetters(
    join(dataDir, 'dead-letters', 'redriven'),
    queue,
    letters.map((letter) => ({ ...letter, redrivenAt: new Date().toISOString() })),
  );
  await rm(file, { force: true });
  return letters;
}

async function appendLetters(dir: string, queue: StageName, letters: readonly object[]): Promise<number> {
  if (letters.length === 0) return 0;
  await mkdir(dir, { recursive: true });
  const lines = letters.map((letter) => JSON.stringify(snakeCaseKeys(letter)));
  await appendFile(join(dir, `${queue}.jsonl`), `${lines.join('\n')}\n`);
  return letters.length;
}

/** A letter of the article or code queue whose article was marked failed: back to that stage's pending index. */
async function reopenArticle(queue: StageName, body: string, deps: StageDeps): Promise<boolean> {
  if (queue === 'feed') return false;
  let articleId: string;
  try {
    articleId = ArticleMessageSchema.parse(JSON.parse(body)).article_id;
  } catch {
    return false; // Not replayable into a stage: it will simply be dead-lettered again, with its reason.
  }
  const article = await deps.articles.get(articleId);
  if (article?.status !== 'failed') return false;
  await deps.articles.reopen(articleId, queue === 'article' ? 'fetch' : 'code', deps.clock());
  return true;
}
