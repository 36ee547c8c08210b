import type { BuildOptions } from 'esbuild';
import { LogLevel, OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';

/**
 * The one definition of how a function is bundled, used by the CDK construct (which runs the esbuild CLI)
 * and by scripts/bundle-sizes.ts (which calls the esbuild API), so the measured bundle is the deployed one.
 *
 * Everything is bundled, the AWS SDK v3 included: a pinned, tree-shaken SDK is smaller to load than the
 * whole SDK in the runtime and cannot change under us. Nothing is external.
 */
export const BUNDLE = {
  /** Matches Runtime.NODEJS_24_X. */
  target: 'node24',
  format: 'esm',
  platform: 'node',
  minify: true,
  sourcemap: true,
  // Stack traces map to file:line without shipping the sources themselves.
  sourcesContent: false,
  // Prefer ESM builds of dependencies: they tree-shake better.
  mainFields: ['module', 'main'],
  // Dictionaries keep their non-ASCII characters as-is instead of \u escapes.
  charset: 'utf8',
  external: [] as string[],
  // Bundled CommonJS dependencies call require(); ESM has none, so give them one.
  banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
  /** Output file name; .mjs so Node loads it as ESM without a package.json. */
  outFile: 'index.mjs',
} as const;

/**
 * Bundling options for NodejsFunction, derived from {@link BUNDLE}. Data files (data/**.json) are imported
 * with `with { type: 'json' }` by the modules that use them, so esbuild inlines them: nothing is copied
 * and no path has to be resolved at run time.
 */
export function cdkBundlingOptions(): BundlingOptions {
  return {
    target: BUNDLE.target,
    format: OutputFormat.ESM,
    minify: BUNDLE.minify,
    sourceMap: BUNDLE.sourcemap,
    sourcesContent: BUNDLE.sourcesContent,
    mainFields: [...BUNDLE.mainFields],
    // The `charset` prop is not passed on by this aws-cdk-lib release; the raw flag is.
    esbuildArgs: { '--charset': BUNDLE.charset },
    bundleAwsSDK: true,
    externalModules: [...BUNDLE.external],
    banner: BUNDLE.banner,
    logLevel: LogLevel.WARNING,
    // esbuild is a local devDependency: no Docker needed, and synth works offline.
    forceDockerBundling: false,
  };
}

/** esbuild API options equal to what {@link cdkBundlingOptions} makes the CDK pass to the esbuild CLI. */
export function esbuildBuildOptions(entry: string, outdir: string): BuildOptions {
  return {
    entryPoints: [entry],
    bundle: true,
    outfile: `${outdir}/${BUNDLE.outFile}`,
    target: BUNDLE.target,
    format: BUNDLE.format,
    platform: BUNDLE.platform,
    minify: BUNDLE.minify,
    sourcemap: BUNDLE.sourcemap,
    sourcesContent: BUNDLE.sourcesContent,
    mainFields: [...BUNDLE.mainFields],
    charset: BUNDLE.charset,
    external: [...BUNDLE.external],
    banner: { js: BUNDLE.banner },
    logLevel: 'warning',
  };
}
