import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CopyClaims, claimantOf } from '../../../src/storage/copy-claims.js';
import { startTestStack, type TestStack } from '../../helpers/local-stack.js';

let env: TestStack;
let claims: CopyClaims;
beforeAll(async () => {
  env = await startTestStack();
  claims = new CopyClaims(env.clients.doc, env.config.tables.articles);
});
afterAll(async () => env.close());

async function claimKeys(): Promise<string[]> {
  const scan = await env.clients.doc.send(new ScanCommand({ TableName: env.config.tables.articles }));
  return (scan.Items ?? []).map((item) => String(item.pk)).sort();
}

describe('CopyClaims on the local DynamoDB-compatible server', () => {
  it('judges texts with several paragraphs by their paragraphs alone, whichever copy arrives first', async () => {
    const story = { canonicalId: null, contentHash: 'h-story', paragraphs: ['p1', 'p2', 'p3', 'p4'] };
    const later = await claims.judge(claimantOf('b-later', '2026-10-05T12:00:00Z'), story);
    const earlier = await claims.judge(claimantOf('a-earlier', '2026-10-05T08:00:00Z'), story);
    const laterAgain = await claims.judge(claimantOf('b-later', '2026-10-05T12:00:00Z'), story);

    expect(later).toEqual({ firstCopy: null, displaced: [], taken: [] });
    expect(earlier).toEqual({
      firstCopy: null,
      displaced: ['b-later'],
      taken: ['PARA#p1', 'PARA#p2', 'PARA#p3', 'PARA#p4'],
    });
    expect(laterAgain.firstCopy).toBe('a-earlier');
    expect(await claimKeys()).toEqual(['PARA#p1', 'PARA#p2', 'PARA#p3', 'PARA#p4']);
  });

  it('falls back to the whole-text hash for a text too short to judge by paragraphs', async () => {
    const brief = { canonicalId: null, contentHash: 'h-brief', paragraphs: ['only'] };
    await claims.judge(claimantOf('c-first', '2026-10-06T08:00:00Z'), brief);
    const copy = await claims.judge(claimantOf('d-copy', '2026-10-06T09:00:00Z'), brief);

    expect(copy).toEqual({ firstCopy: 'c-first', displaced: [], taken: [] });
    expect(await claimKeys()).toContain('HASH#h-brief');
    expect(await claimKeys()).not.toContain('PARA#only');
  });

  it('names the displaced copy again when judged again before settling, and no longer after', async () => {
    const story = { canonicalId: null, contentHash: 'h-wire', paragraphs: ['w1', 'w2', 'w3'] };
    const original = claimantOf('e-original', '2026-10-07T08:00:00Z');
    await claims.judge(claimantOf('f-copy', '2026-10-07T12:00:00Z'), story);
    const first = await claims.judge(original, story);
    // A crash here, before the copy is demoted: the retry must still learn of it.
    const retried = await claims.judge(original, story);
    await claims.settle(original, retried.taken);
    const settled = await claims.judge(original, story);

    expect(first.displaced).toEqual(['f-copy']);
    expect(retried.displaced).toEqual(['f-copy']);
    expect(settled).toEqual({ firstCopy: null, displaced: [], taken: [] });
  });
});
