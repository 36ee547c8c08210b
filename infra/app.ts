#!/usr/bin/env -S npx tsx
/**
 * CDK entry point (cdk.json: `npx tsx infra/app.ts`). Every tunable is a context value: see infra/config.ts
 * and docs/deploy.md.
 */
import { createEventwireApp } from './eventwire-app.js';

createEventwireApp();
