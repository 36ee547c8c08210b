import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoSite, startDemoSite } from '../../../src/demo-site/index.js';
import { runPipeline } from '../../../src/local/runner.js';
import { silentObserver } from '../../../src/stages/index.js';
import { startTestStack, type TestStack } from '../../helpers/local-stack.js';
import { runWithRedelivery } from './support/redelivering-pipeline.js';
import { countsOf, normaliser, type StoreSnapshot, takeSnapshot } from './support/store-snapshot.js';

let demo: DemoSite;
let reference: TestStack;
let redelivered: TestStack;
const startedAt = new Date();

async function runOnce(env: TestStack): Promise<void> {
  const result = await runPipeline({
    config: env.config,
    feeds: demo.feeds,
    observer: silentObserver,
    dataDir: env.dataDir,
    signal: new AbortController().signal,
  });
  result.clients.s3.destroy();
  result.clients.dynamo.destroy();
}

async function snapshot(env: TestStack): Promise<StoreSnapshot> {
  return takeSnapshot(env.clients, env.config, normaliser(startedAt, new Date()));
}

beforeAll(async () => {
  demo = await startDemoSite({ port: 0 });
  const host = new URL(demo.origin).host;
  [reference, redelivered] = await Promise.all([startTestStack([host]), startTestStack([host])]);
}, 60_000);
afterAll(async () => {
  await demo.close();
  await Promise.all([reference.close(), redelivered.close()]);
});

describe('at-least-once delivery of every stage message', () => {
  it('leaves the same tables and bucket when each message arrives 1, 2 or 5 times in shuffled order', async () => {
    await runOnce(reference);
    const deliveries = await runWithRedelivery(redelivered, demo.feeds, 20260917);
    const expected = await snapshot(reference);
    const actual = await snapshot(redelivered);

    expect(deliveries).toBeGreaterThan(Object.keys(expected.tables).length);
    expect(countsOf(actual)).toEqual(countsOf(expected));
    expect(actual).toEqual(expected);
  }, 90_000);

  it('leaves them the same again after the whole pipeline is re-run on both', async () => {
    await Promise.all([runOnce(reference), runOnce(redelivered)]);

    expect(await snapshot(redelivered)).toEqual(await snapshot(reference));
  }, 60_000);
});
