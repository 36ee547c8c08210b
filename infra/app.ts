#!/usr/bin/env -S npx tsx
/**
 * CDK entry point (cdk.json: `npx tsx infra/app.ts`). Every tunable is a context value: see infra/config.ts
 * and README.md (section "Deploy to AWS").
 */
import { createEventwireApp } from './eventwire-app.js';

createEventwireApp();
