import { PutObjectCommand, paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';
import { BackfillError } from './errors.js';
import type { BackfillJob, Plan } from './job.js';
import { type ArchiveObject, planRanges } from './plan.js';

export interface PlanDeps {
  s3: S3Client;
  /** Where the plan is written, for the Distributed Map to read. */
  resultsBucket: string;
  /** The archives this deployment may read (`bucket/prefix`): its IAM grants name the same. */
  allowedSource: string;
  rangeBytes: number;
}

/** The job names archives outside what the deployment may read. */
export class SourceNotAllowedError extends BackfillError {}

/**
 * Lists the job's WARC files and writes their byte ranges as a JSON array to the results bucket
 * (`plans/<execution>.json`), which the Distributed Map reads as its items.
 * @throws SourceNotAllowedError when the job's bucket and prefix are not under the deployment's allowed source
 */
export async function planJob(job: BackfillJob, execution: string, deps: PlanDeps): Promise<Plan> {
  const source = `${job.bucket}/${job.prefix}`;
  if (!source.startsWith(deps.allowedSource))
    throw new SourceNotAllowedError(
      `s3://${source} is not under s3://${deps.allowedSource}, the archives this deployment may read (context backfillSourceBucket and backfillSourcePrefix)`,
    );
  const objects: ArchiveObject[] = [];
  for await (const page of paginateListObjectsV2({ client: deps.s3 }, { Bucket: job.bucket, Prefix: job.prefix }))
    for (const object of page.Contents ?? [])
      if (object.Key && object.Size !== undefined) objects.push({ key: object.Key, size: object.Size });
  const ranges = planRanges(objects, job, deps.rangeBytes);
  const key = `plans/${execution}.json`;
  await deps.s3.send(
    new PutObjectCommand({
      Bucket: deps.resultsBucket,
      Key: key,
      Body: JSON.stringify(ranges),
      ContentType: 'application/json',
    }),
  );
  return {
    bucket: deps.resultsBucket,
    key,
    files: new Set(ranges.map((range) => range.key)).size,
    ranges: ranges.length,
  };
}
