// `npm run package:lambdas`: the Lambda bundles infra-cfn deploys in its Lambda modes - the partner MCP server
// (McpDeploymentMode LAMBDA, mcp-server/src/lambda.ts) and the batch jobs (BatchDeploymentMode LAMBDA,
// src/jobs/lambda.ts). Each is one ES module with its npm packages inside (the runtime's own SDK is not relied
// on), zipped as lambda.mjs (the templates' Handler is lambda.handler) under dist/lambdas/, named by the hash of
// its contents so a changed bundle is a changed S3 key and CloudFormation updates the function. It prints the
// upload commands and the root stack's parameters. Needs the `zip` command.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'dist', 'lambdas');

const BUNDLES = [
  { name: 'mcp', entry: 'mcp-server/src/lambda.ts', parameter: 'McpLambdaCodeKey' },
  { name: 'batch', entry: 'src/jobs/lambda.ts', parameter: 'BatchLambdaCodeKey' },
] as const;

rmSync(OUT, { recursive: true, force: true });
const keys: string[] = [];
for (const bundle of BUNDLES) {
  const dir = join(OUT, bundle.name);
  mkdirSync(dir, { recursive: true });
  await build({
    entryPoints: [join(ROOT, bundle.entry)],
    outfile: join(dir, 'lambda.mjs'),
    bundle: true,
    minify: true,
    sourcemap: false,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    // fastmcp's schema converter imports these only for schema libraries this project does not use (it uses zod).
    external: ['effect', 'sury', '@valibot/to-json-schema'],
    // Some dependencies are CommonJS calling require(): give the ES module one, as Lambda bundlers do.
    banner: { js: "import{createRequire as __cr}from'module';const require=__cr(import.meta.url);" },
    logLevel: 'warning',
  });
  const zip = join(OUT, `${bundle.name}.zip`);
  // -X: no extra file attributes; with a fixed order the archive depends on the bundle only.
  const zipped = spawnSync('zip', ['-q', '-X', '-j', zip, join(dir, 'lambda.mjs')], { stdio: 'inherit' });
  if (zipped.error || zipped.status !== 0) {
    throw new Error('package-lambdas: the `zip` command failed or is missing (apt-get install zip)', {
      cause: zipped.error,
    });
  }
  const hash = createHash('sha256')
    .update(readFileSync(join(dir, 'lambda.mjs')))
    .digest('hex')
    .slice(0, 16);
  const key = `lambdas/${bundle.name}-${hash}.zip`;
  renameSync(zip, join(OUT, `${bundle.name}-${hash}.zip`));
  keys.push(`${bundle.parameter}=${key}`);
  console.log(`package-lambdas: ${bundle.entry} -> dist/${key}`);
  console.log(`  aws s3 cp dist/${key} s3://<ArtifactBucket>/${key}`);
}
console.log(`root stack parameters: ArtifactBucket=<ArtifactBucket> ${keys.join(' ')}`);
