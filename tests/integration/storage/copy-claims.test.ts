import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
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

    expect(later).toEqual({ firstCopy: null, displaced: [] });
    expect(earlier).toEqual({ firstCopy: null, displaced: ['b-later'] });
    expect(laterAgain.firstCopy).toBe('a-earlier');
    expect(await claimKeys()).toEqual(['PARA#p1', 'PARA#p2', 'PARA#p3', 'PARA#p4']);
  });

  it('falls back to the whole-text hash for a text too short to judge by paragraphs', async () => {
    const brief = { canonicalId: null, contentHash: 'h-brief', paragraphs: ['only'] };
    await claims.judge(claimantOf('c-first', '2026-10-06T08:00:00Z'), brief);
    const copy = await claims.judge(claimantOf('d-copy', '2026-10-06T09:00:00Z'), brief);

    expect(copy).toEqual({ firstCopy: 'c-first', displaced: [] });
    expect(await claimKeys()).toContain('HASH#h-brief');
    expect(await claimKeys()).not.toContain('PARA#only');
  });
});
