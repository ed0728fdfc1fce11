// `npm run synth [-- --check] [--no-tsc]`: synthesizes the Amplify backend offline (no AWS account),
// refreshes the golden GraphQL schemas in graphql/ (with --check: fails if they drifted), validates
// every synthesized template, and type-checks (synth writes .amplify/generated/env/*, which handlers import).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectTemplates, formatValidation, validateTemplates } from './validate-templates';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Fixed backend identifiers: the AppSync schema does not depend on them, the stack names do. */
const CDK_CONTEXT = {
  'amplify-backend-namespace': 'ci',
  'amplify-backend-name': 'check',
  'amplify-backend-type': 'standalone',
};

type Golden = { label: string; target: string; find: (outDir: string) => string };

type AssetManifest = {
  files?: Record<string, { source: { path?: string }; destinations: Record<string, { objectKey: string }> }>;
};
type Template = { Resources?: Record<string, { Type: string; Properties?: Record<string, unknown> }> };

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

/** Stops the run; main's `finally` still cleans up, then the message is printed and the exit code set. */
class SynthFailure extends Error {}

function fail(message: string): never {
  throw new SynthFailure(message);
}

/** Asset object keys (as templates reference them in S3 URLs) to their files in the cloud assembly. */
function assetFiles(outDir: string): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const name of readdirSync(outDir).filter((f) => f.endsWith('.assets.json'))) {
    for (const asset of Object.values(readJson<AssetManifest>(join(outDir, name)).files ?? {})) {
      if (!asset.source.path) continue;
      for (const destination of Object.values(asset.destinations)) {
        byKey.set(destination.objectKey, join(outDir, asset.source.path));
      }
    }
  }
  return byKey;
}

/** The literal text of an S3 location written as a string, `Fn::Sub` or an empty-delimiter `Fn::Join`. */
function s3LocationText(location: unknown): string | undefined {
  if (typeof location === 'string') return location;
  if (location && typeof location === 'object') {
    const sub = (location as Record<string, unknown>)['Fn::Sub'];
    if (typeof sub === 'string') return sub;
    if (Array.isArray(sub) && typeof sub[0] === 'string') return sub[0];
    const join = (location as Record<string, unknown>)['Fn::Join'];
    if (Array.isArray(join) && Array.isArray(join[1])) return join[1].filter((p) => typeof p === 'string').join('');
  }
  return undefined;
}

/**
 * The deployed schema is whatever the AWS::AppSync::GraphQLSchema resource points at: follow its
 * DefinitionS3Location to the asset's object key, then the asset manifest to the file.
 */
function findAppSyncSchema(outDir: string): string {
  const assets = assetFiles(outDir);
  const found: string[] = [];
  for (const name of readdirSync(outDir).filter((f) => f.endsWith('.template.json'))) {
    for (const [logicalId, resource] of Object.entries(readJson<Template>(join(outDir, name)).Resources ?? {})) {
      if (resource.Type !== 'AWS::AppSync::GraphQLSchema') continue;
      const text = s3LocationText(resource.Properties?.DefinitionS3Location);
      const objectKey = text?.split('/').pop();
      const file = objectKey ? assets.get(objectKey) : undefined;
      if (!file || !existsSync(file)) fail(`${name} ${logicalId}: cannot resolve its DefinitionS3Location to an asset`);
      found.push(file);
    }
  }
  if (found.length !== 1) fail(`expected one AWS::AppSync::GraphQLSchema, found ${found.length}`);
  return found[0]!;
}

/** The pre-transform schema (with @auth rules) travels in the codegen assets folder. */
function findModelSchema(outDir: string): string {
  const found = readdirSync(outDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name.startsWith('asset.'))
    .map((e) => join(outDir, e.name, 'model-schema.graphql'))
    .filter((file) => existsSync(file));
  if (found.length !== 1) fail(`expected one asset holding model-schema.graphql, found ${found.length}`);
  return found[0]!;
}

const GOLDEN: Golden[] = [
  { label: 'AppSync schema', target: 'graphql/schema.graphql', find: findAppSyncSchema },
  { label: 'model schema (pre-transform, with @auth)', target: 'graphql/model-schema.graphql', find: findModelSchema },
];

function synthesize(outDir: string, tmpDir: string): void {
  const tsx = require.resolve('tsx/cli');
  const r = spawnSync(process.execPath, [tsx, 'amplify/backend.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, CDK_OUTDIR: outDir, CDK_CONTEXT_JSON: JSON.stringify(CDK_CONTEXT), TMPDIR: tmpDir },
  });
  if (r.status !== 0) {
    // Amplify repeats one advisory line per root field; the failure is what matters.
    const output = `${r.stdout}\n${r.stderr}`
      .split('\n')
      .filter((line) => !line.startsWith('Be careful when using @auth directives') && !line.includes('nodedir'))
      .map((line) => (line.length > 400 ? `${line.slice(0, 400)} …` : line))
      .join('\n')
      .trim();
    console.error(output);
    fail(`amplify/backend.ts failed to synthesize (exit ${r.status ?? r.signal})`);
  }
}

/** A unified diff of the committed file against the fresh one, trimmed for the terminal. */
function describeDrift(committed: string, fresh: string): string {
  const r = spawnSync(
    'diff',
    ['-u', '--label', `${committed} (committed)`, '--label', 'synthesized', committed, fresh],
    {
      encoding: 'utf8',
    },
  );
  const lines = r.stdout.split('\n');
  const added = lines.filter((l) => l.startsWith('+') && !l.startsWith('+++')).length;
  const removed = lines.filter((l) => l.startsWith('-') && !l.startsWith('---')).length;
  const shown = lines.slice(0, 80).join('\n');
  return `${shown}${lines.length > 80 ? `\n… (${lines.length - 80} more diff lines)` : ''}\n  +${added} -${removed} lines`;
}

function main(argv: string[]): void {
  const check = argv.includes('--check');
  const runTsc = !argv.includes('--no-tsc');
  const started = Date.now();

  const scratch = join(ROOT, '.tmp');
  mkdirSync(scratch, { recursive: true });
  // Each synth leaves transformer-assets-* in TMPDIR: give it a private one and remove it afterwards.
  const tmpDir = mkdtempSync(join(scratch, 'synth-tmp-'));
  const outDir = check ? mkdtempSync(join(scratch, 'synth-check-')) : join(ROOT, 'cdk.out');
  rmSync(outDir, { recursive: true, force: true });

  try {
    synthesize(outDir, tmpDir);
    const synthMs = Date.now() - started;
    console.log(`synth: synthesized into ${relative(ROOT, outDir)} (${seconds(synthMs)})`);

    const drifted: string[] = [];
    for (const golden of GOLDEN) {
      const source = golden.find(outDir);
      const target = join(ROOT, golden.target);
      const fresh = readFileSync(source, 'utf8');
      const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
      if (current === fresh) {
        console.log(
          `synth: ${golden.target} up to date (${golden.label}, from ${basename(dirname(source))}/${basename(source)})`,
        );
      } else if (check) {
        drifted.push(golden.target);
        console.error(
          current === undefined
            ? `synth: ${golden.target} is missing`
            : `synth: ${golden.target} differs from the synthesized ${golden.label}:\n${describeDrift(target, source)}`,
        );
      } else {
        writeFileSync(target, fresh);
        console.log(`synth: wrote ${golden.target} (${golden.label})`);
      }
    }

    const validationStarted = Date.now();
    const result = validateTemplates(collectTemplates([outDir]));
    console.log(formatValidation(result));
    console.log(`synth: template validation took ${seconds(Date.now() - validationStarted)}`);

    if (drifted.length > 0) {
      fail(`${drifted.join(', ')} drifted from amplify/: run \`npm run synth\` (then \`npm run codegen\`) and commit`);
    }
    if (result.errors.length > 0) fail(`${result.errors.length} template errors`);

    if (runTsc) {
      const tscStarted = Date.now();
      const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', '.'], {
        cwd: ROOT,
        stdio: 'inherit',
      });
      if (tsc.status !== 0) fail('tsc --noEmit failed after synth');
      console.log(`synth: tsc ok (${seconds(Date.now() - tscStarted)})`);
    }
    console.log(`synth: done in ${seconds(Date.now() - started)}`);
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
    if (check) rmSync(outDir, { recursive: true, force: true });
  }
}

try {
  main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof SynthFailure)) throw error;
  console.error(`synth: ${error.message}`);
  process.exitCode = 1;
}
