import type { AwsClients } from '../../../../src/storage/clients.js';

const DYNAMO_WRITES = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
  'TransactWriteItemsCommand',
]);
const S3_WRITES = new Set(['PutObjectCommand', 'DeleteObjectCommand', 'CopyObjectCommand', 'DeleteObjectsCommand']);

/** The error every request fails with once the process counts as killed. */
export const KILLED = 'killed before this write';

/**
 * Fails the `at`-th write to S3 or DynamoDB from now on and, like a killed process, every request after it; with
 * `at` null nothing fails. `writes` counts the writes seen, `dead` tells whether the kill happened. Calling it
 * again on the same clients replaces the earlier guard.
 */
export function dieAtWrite(clients: AwsClients, at: number | null): { writes: number; dead: boolean } {
  const seen = { writes: 0, dead: false };
  const guard =
    (writes: Set<string>) =>
    (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) =>
    async (args: unknown) => {
      if (seen.dead) throw new Error(KILLED);
      if (writes.has(context.commandName ?? '')) {
        seen.writes += 1;
        if (seen.writes === at) {
          seen.dead = true;
          throw new Error(KILLED);
        }
      }
      return next(args);
    };
  clients.dynamo.middlewareStack.add(guard(DYNAMO_WRITES) as never, {
    step: 'initialize',
    name: 'dieAtWriteDynamo',
    override: true,
  });
  clients.s3.middlewareStack.add(guard(S3_WRITES) as never, {
    step: 'initialize',
    name: 'dieAtWriteS3',
    override: true,
  });
  return seen;
}
