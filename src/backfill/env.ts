import { z } from 'zod';
import { ConfigError } from '../config/index.js';

/** Environment variables of the backfill-plan function; the CDK app sets them with the grants they name. */
export const BACKFILL_ENV = {
  resultsBucket: 'EVENTWIRE_BACKFILL_RESULTS_BUCKET',
  /** `bucket/prefix` of the archives this deployment may read. */
  source: 'EVENTWIRE_BACKFILL_SOURCE',
  rangeBytes: 'EVENTWIRE_BACKFILL_RANGE_BYTES',
} as const;

const PlanConfigSchema = z.object({
  resultsBucket: z.string().min(3),
  allowedSource: z.string().min(3),
  rangeBytes: z.coerce.number().int().positive(),
});
export type PlanConfig = z.infer<typeof PlanConfigSchema>;

/**
 * The plan function's configuration, read once at cold start.
 * @throws ConfigError naming every missing or invalid variable
 */
export function loadPlanConfig(env: NodeJS.ProcessEnv = process.env): PlanConfig {
  const missing = Object.values(BACKFILL_ENV).filter((name) => !env[name]);
  if (missing.length > 0) throw new ConfigError(`missing required environment variables: ${missing.join(', ')}`);
  const parsed = PlanConfigSchema.safeParse({
    resultsBucket: env[BACKFILL_ENV.resultsBucket],
    allowedSource: env[BACKFILL_ENV.source],
    rangeBytes: env[BACKFILL_ENV.rangeBytes],
  });
  if (!parsed.success) throw new ConfigError(`invalid configuration: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
