import { EventwireError } from '../core/errors.js';

/** A missing or invalid configuration value: stops start-up, never retried. */
export class ConfigError extends EventwireError {}
