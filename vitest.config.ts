import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Fault and property tests, selected by place and name rather than listed: every file in a `reliability/` folder
 * (redelivery, crashes, deferral, hostile input), the fetcher's fault suite, and every `*.property.test.ts`.
 * `npm run test:faults` runs this project alone; `npm test` runs it and the rest, each file once.
 */
const FAULTS = [
  'tests/*/reliability/**/*.test.ts',
  'tests/integration/fetch/**/*.test.ts',
  'tests/**/*.property.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      { extends: true, test: { name: 'faults', include: FAULTS } },
      {
        extends: true,
        test: { name: 'other', include: ['tests/**/*.test.ts'], exclude: [...configDefaults.exclude, ...FAULTS] },
      },
    ],
  },
});
