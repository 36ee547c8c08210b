import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeCopy } from '../../../src/copies/first-copy.js';
import { claimantOf, claimKeysOf } from '../../../src/copies/policy.js';
import { type CopyClaimStore, DynamoCopyClaims } from '../../../src/storage/copy-claims.js';
import { startTestStack, type TestStack } from '../../helpers/local-stack.js';

let env: TestStack;
let claims: CopyClaimStore;
beforeAll(async () => {
  env = await startTestStack();
  claims = new DynamoCopyClaims(env.clients.doc, env.config.tables.articles);
});
afterAll(async () => env.close());

async function claimKeys(): Promise<string[]> {
  const scan = await env.clients.doc.send(new ScanCommand({ TableName: env.config.tables.articles }));
  return (scan.Items ?? []).map((item) => String(item.pk)).sort();
}

describe('copy claims judged on the local DynamoDB-compatible server', () => {
  it('judges texts with several paragraphs by their paragraphs alone, whichever copy arrives first', async () => {
    const story = { exact: [], paragraphs: ['PARA#p1', 'PARA#p2', 'PARA#p3', 'PARA#p4'] };
    const later = await judgeCopy(claims, claimantOf('b-later', '2026-10-05T12:00:00Z'), story);
    const earlier = await judgeCopy(claims, claimantOf('a-earlier', '2026-10-05T08:00:00Z'), story);
    const laterAgain = await judgeCopy(claims, claimantOf('b-later', '2026-10-05T12:00:00Z'), story);

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
    const text = 'Ministers met in Berlin on Monday to talk about gas prices this winter.';
    const brief = claimKeysOf({ listedCanonical: 'u', canonical: 'u', text, contentHash: 'h-brief' });
    await judgeCopy(claims, claimantOf('c-first', '2026-10-06T08:00:00Z'), brief);
    const copy = await judgeCopy(claims, claimantOf('d-copy', '2026-10-06T09:00:00Z'), brief);

    expect(copy).toEqual({ firstCopy: 'c-first', displaced: [], taken: [] });
    expect(await claimKeys()).toContain('HASH#h-brief');
    expect(brief.paragraphs).toEqual([]);
  });

  it('names the displaced copy again when judged again before settling, and no longer after', async () => {
    const story = { exact: [], paragraphs: ['PARA#w1', 'PARA#w2', 'PARA#w3'] };
    const original = claimantOf('e-original', '2026-10-07T08:00:00Z');
    await judgeCopy(claims, claimantOf('f-copy', '2026-10-07T12:00:00Z'), story);
    const first = await judgeCopy(claims, original, story);
    // A crash here, before the copy is demoted: the retry must still learn of it.
    const retried = await judgeCopy(claims, original, story);
    await claims.settle(original, retried.taken);
    const settled = await judgeCopy(claims, original, story);

    expect(first.displaced).toEqual(['f-copy']);
    expect(retried.displaced).toEqual(['f-copy']);
    expect(settled).toEqual({ firstCopy: null, displaced: [], taken: [] });
  });
});
