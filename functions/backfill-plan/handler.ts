import { S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import { loadPlanConfig } from '../../src/backfill/env.js';
import { BackfillJobSchema, type Plan } from '../../src/backfill/job.js';
import { planJob } from '../../src/backfill/plan-job.js';
import { createLambdaRuntime } from '../../src/runtime/lambda.js';

const runtime = createLambdaRuntime('backfill-plan', []);
const config = loadPlanConfig();
// Archives may live in another region (Common Crawl's are in us-east-1): the client follows the bucket's region.
const s3 = runtime.traced(new S3Client({ region: runtime.config.region, followRegionRedirects: true }));
const PlanInputSchema = z.object({ job: BackfillJobSchema, execution: z.string().min(1) });

/** State machine task: the job -> its byte ranges, written to the results bucket for the Distributed Map. */
export const handler = async (event: unknown): Promise<Plan> => {
  const { job, execution } = PlanInputSchema.parse(event);
  const plan = await planJob(job, execution, { s3, ...config });
  runtime.logger.info('backfill planned', { execution, files: plan.files, ranges: plan.ranges });
  return plan;
};
