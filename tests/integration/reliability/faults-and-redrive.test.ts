import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoSite } from '../../../src/demo-site/index.js';
import { redriveLocal } from '../../../src/local/redrive.js';
import { silentObserver } from '../../../src/stages/index.js';
import { DynamoArticleStore } from '../../../src/storage/article-store.js';
import { startDemoStack, type TestStack } from '../../helpers/local-stack.js';
import { type FaultLog, injectThrottling } from './support/fault-injection.js';
import { runStages } from './support/redelivering-pipeline.js';

let demo: DemoSite;
let env: TestStack;
let faults: FaultLog;

async function articleStatuses(): Promise<Map<string, string>> {
  const scan = await env.clients.doc.send(
    new ScanCommand({
      TableName: env.config.tables.articles,
      FilterExpression: 'sk = :sk',
      ExpressionAttributeValues: { ':sk': 'ARTICLE' },
    }),
  );
  return new Map((scan.Items ?? []).map((item) => [String(item.article_id), String(item.status)]));
}

let stop: () => Promise<void>;

beforeAll(async () => {
  ({ demo, env, close: stop } = await startDemoStack());
}, 60_000);
afterAll(async () => stop());

describe('throttling from DynamoDB and S3', () => {
  it('is retried by the clients, and the run still stores and codes every article with nothing dead-lettered', async () => {
    faults = injectThrottling(env.clients, 23, 4);

    await runStages(env.config, env.clients, demo.feeds);
    const statuses = [...(await articleStatuses()).values()];

    expect(faults.dynamodb.faults).toBe(4);
    expect(faults.s3.faults).toBe(4);
    expect(statuses.length).toBe(demo.articleCount);
    expect(statuses.filter((status) => status === 'pending' || status === 'stored' || status === 'failed')).toEqual([]);
  }, 90_000);
});

describe('local redrive of dead letters', () => {
  it('reopens the failed article, replays its letter to completion and moves the letter to redriven/', async () => {
    const articles = new DynamoArticleStore(env.clients.doc, env.config.tables.articles);
    const [articleId] = [...(await articleStatuses()).entries()].find(([, status]) => status === 'coded') ?? [];
    if (!articleId) throw new Error('the run coded no article');
    await articles.markFailed(articleId, 'FetchError: injected outage', new Date());
    await mkdir(join(env.dataDir, 'dead-letters'), { recursive: true });
    const letter = { body: JSON.stringify({ articleId }), receiveCount: 3, reason: 'FetchError: injected outage' };
    await writeFile(join(env.dataDir, 'dead-letters', 'article.jsonl'), `${JSON.stringify(letter)}\n`);

    const result = await redriveLocal({
      config: env.config,
      dataDir: env.dataDir,
      observer: silentObserver,
      signal: new AbortController().signal,
    });

    expect(result).toEqual({ replayed: { feed: 0, article: 1, code: 0 }, reopened: 1, deadLetters: 0 });
    expect((await articleStatuses()).get(articleId)).toBe('coded');
    expect(await readFile(join(env.dataDir, 'dead-letters', 'redriven', 'article.jsonl'), 'utf8')).toContain(articleId);
    await expect(readFile(join(env.dataDir, 'dead-letters', 'article.jsonl'), 'utf8')).rejects.toThrow(/ENOENT/);
  }, 30_000);

  it('dead-letters an unreplayable letter again with its new reason, once', async () => {
    await writeFile(
      join(env.dataDir, 'dead-letters', 'code.jsonl'),
      `${JSON.stringify({ body: '{"articleId":"gone"}', receiveCount: 3, reason: 'old' })}\n`,
    );

    const result = await redriveLocal({
      config: env.config,
      dataDir: env.dataDir,
      observer: silentObserver,
      signal: new AbortController().signal,
    });
    const again = (await readFile(join(env.dataDir, 'dead-letters', 'code.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { reason: string });

    expect(result.deadLetters).toBe(1);
    expect(again).toEqual([
      expect.objectContaining({
        body: '{"articleId":"gone"}',
        reason: 'UnknownItemError: article gone is not in the articles table',
      }),
    ]);
  }, 30_000);
});
