import { EventwireError } from '../src/core/errors.js';

/** Base of the CDK app's errors: all of them stop synthesis and are never retried. */
export class InfraError extends EventwireError {}

/** A context value (`cdk.json` or `-c key=value`) is missing or invalid; the message names the key. */
export class InfraConfigError extends InfraError {}

/** The feed list file cannot be read, is not JSON, or does not match the feed list format. */
export class FeedListError extends InfraError {}
