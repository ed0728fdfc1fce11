// `npm run synth [-- --check] [--no-tsc] [--env dev,staging,prod] [--regions us-east-1,eu-west-1]`: builds the
// whole cloud of each environment offline (no AWS account): the Amplify backend and infra-cfn (through CfnInclude),
// both under cdk-nag's AwsSolutions rules (0 unacknowledged findings, every acknowledgement with its reason);
// validates every template - Amplify's synthesized ones and infra-cfn's hand-written ones with the environment's
// parameter file - with @aws/cloudformation-validate for two Regions; fails on Region, account or AZ names written
// into infra-cfn's templates; refreshes the golden GraphQL schemas and the generated Connect stack (with --check,
// used by `npm run check` for dev only: fails if they drifted); and type-checks (synth writes
// .amplify/generated/env/*, which handlers import).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectTemplates, formatValidation, validateTemplates } from './validate-templates';
import { ENVIRONMENTS, type EnvironmentName } from '../amplify/environments';
import { CONNECT_TEMPLATE_PATH, connectTemplateText } from '../infra-cfn/connect-stack';
import { readParameterFile, TEMPLATES_DIR } from '../infra-cfn/include';
import {
  cachedAmplifySynthesis,
  hardCodedLocations,
  keepInCache,
  synthesizeAmplify,
  synthesizeInfra,
  type Synthesis,
} from '../infra-cfn/synthesize';

/**
 * Two Regions every template is validated for (and infra-cfn synthesized in). Both offer Amazon Connect and Lex V2,
 * which the Connect stack needs (eu-west-1, for one, has no Connect).
 */
const DEFAULT_REGIONS = ['us-east-1', 'eu-central-1'];

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

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

const option = (argv: string[], name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};

type EnvironmentResult = {
  env: EnvironmentName;
  templates: number;
  resources: number;
  errors: number;
  warnings: number;
  nagFindings: number;
  acknowledged: number;
  ms: number;
};

function countResources(files: string[]): number {
  return files.reduce((n, f) => n + Object.keys(readJson<Template>(f).Resources ?? {}).length, 0);
}

function reportNag(label: string, synthesis: Synthesis): number {
  for (const f of synthesis.nag.findings) console.error(`  cdk-nag ${label}: ${f.severity} ${f.rule} at ${f.path}`);
  return synthesis.nag.findings.length;
}

function main(argv: string[]): void {
  const check = argv.includes('--check');
  const runTsc = !argv.includes('--no-tsc');
  const envs = (option(argv, '--env')?.split(',') ?? (check ? ['dev'] : [...ENVIRONMENTS])) as EnvironmentName[];
  const unknown = envs.filter((e) => !(ENVIRONMENTS as readonly string[]).includes(e));
  if (unknown.length > 0) fail(`unknown environment ${unknown.join(', ')} (${ENVIRONMENTS.join(', ')})`);
  const regions = option(argv, '--regions')?.split(',') ?? DEFAULT_REGIONS;
  const started = Date.now();

  const scratch = join(ROOT, '.tmp');
  mkdirSync(scratch, { recursive: true });
  // Each synth leaves transformer-assets-* in TMPDIR: give it a private one and remove it afterwards.
  const tmpDir = mkdtempSync(join(scratch, 'synth-tmp-'));
  const outRoot = check ? mkdtempSync(join(scratch, 'synth-check-')) : join(ROOT, 'cdk.out');
  if (!check) rmSync(outRoot, { recursive: true, force: true });

  try {
    const drifted: string[] = [];
    // ---- the Connect stack, generated from the wizard's bot definition and contact flow ----
    const connectTarget = join(ROOT, CONNECT_TEMPLATE_PATH);
    const connectFresh = connectTemplateText();
    const connectCurrent = existsSync(connectTarget) ? readFileSync(connectTarget, 'utf8') : undefined;
    if (connectCurrent === connectFresh) console.log(`synth: ${CONNECT_TEMPLATE_PATH} up to date`);
    else if (check) {
      drifted.push(CONNECT_TEMPLATE_PATH);
      console.error(`synth: ${CONNECT_TEMPLATE_PATH} differs from what infra-cfn/connect-stack.ts generates`);
    } else {
      writeFileSync(connectTarget, connectFresh);
      console.log(`synth: wrote ${CONNECT_TEMPLATE_PATH}`);
    }

    // ---- infra-cfn's hand-written templates: no Region, account or AZ written into them ----
    const handWritten = collectTemplates([TEMPLATES_DIR]);
    const located = handWritten.flatMap((f) =>
      hardCodedLocations(readFileSync(f, 'utf8')).map((hit) => `${relative(ROOT, f)}: ${hit}`),
    );
    if (located.length > 0) fail(`Region, account or AZ names written into templates:\n  ${located.join('\n  ')}`);
    console.log(`synth: ${handWritten.length} infra-cfn templates name no Region, account or Availability Zone`);

    const results: EnvironmentResult[] = [];
    let nagFindings = 0;
    let errors = 0;
    const unmatched = new Map<string, number>();
    for (const env of envs) {
      const envStarted = Date.now();
      // --check reuses an assembly made from the same inputs (the template tests' cache); a full run makes a
      // fresh one in cdk.out and leaves a copy in that cache.
      let amplify: Synthesis;
      if (check) amplify = cachedAmplifySynthesis(env, tmpDir);
      else {
        amplify = synthesizeAmplify(env, join(outRoot, env, 'amplify'), tmpDir);
        keepInCache(env, amplify.outDir, undefined, true);
      }
      console.log(
        `synth: ${env} Amplify backend ${amplify.cached ? `reused from ${relative(ROOT, amplify.outDir)}` : `synthesized (${seconds(amplify.ms)})`}: ${amplify.templates.length} templates, ` +
          `cdk-nag ${amplify.nag.findings.length} findings, ${amplify.nag.acknowledged.length} acknowledged with reasons`,
      );
      nagFindings += reportNag(`${env} amplify`, amplify);
      for (const r of amplify.nag.unmatchedRules)
        unmatched.set(`amplify ${r.finding} ${r.path}`, (unmatched.get(`amplify ${r.finding} ${r.path}`) ?? 0) + 1);

      if (env === envs[0]) {
        for (const golden of GOLDEN) {
          const source = golden.find(amplify.outDir);
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
      }

      let acknowledged = amplify.nag.acknowledged.length;
      let envFindings = amplify.nag.findings.length;
      const parameters = readParameterFile(env).Parameters;
      const templateFiles = [...amplify.templates, ...handWritten];
      let envErrors = 0;
      let envWarnings = 0;
      for (const region of regions) {
        const infra = synthesizeInfra(env, region, join(outRoot, env, `infra-${region}`));
        nagFindings += reportNag(`${env} infra-cfn ${region}`, infra);
        envFindings += infra.nag.findings.length;
        if (region === regions[0]) acknowledged += infra.nag.acknowledged.length;
        if (region === regions[0])
          for (const r of infra.nag.unmatchedRules)
            unmatched.set(`infra ${r.finding} ${r.path}`, (unmatched.get(`infra ${r.finding} ${r.path}`) ?? 0) + 1);
        const result = validateTemplates(templateFiles, {
          region,
          // The root stack is checked with the environment's own parameter file.
          parameterOverrides: (file) => (basename(file) === 'root.yaml' ? parameters : undefined),
        });
        const text = formatValidation(result);
        console.log(
          text
            .split('\n')
            .map((l) => `  ${env} ${region}: ${l.trim()}`)
            .join('\n'),
        );
        envErrors += result.errors.length;
        envWarnings += result.findings.length - result.errors.length;
      }
      errors += envErrors;
      results.push({
        env,
        templates: templateFiles.length,
        resources: countResources(amplify.templates) + countHandWritten(handWritten),
        errors: envErrors,
        warnings: envWarnings,
        nagFindings: envFindings,
        acknowledged,
        ms: Date.now() - envStarted,
      });
    }

    console.log(
      '\nsynth: environment | templates | resources | validation errors | warnings | cdk-nag findings | acknowledged | time',
    );
    for (const r of results) {
      console.log(
        `synth: ${r.env.padEnd(11)} | ${String(r.templates).padStart(9)} | ${String(r.resources).padStart(9)} | ` +
          `${String(r.errors).padStart(17)} | ${String(r.warnings).padStart(8)} | ${String(r.nagFindings).padStart(16)} | ` +
          `${String(r.acknowledged).padStart(12)} | ${seconds(r.ms)}`,
      );
    }
    console.log(`synth: validated for ${regions.join(' and ')}`);
    writeFileSync(join(outRoot, 'synth-summary.json'), `${JSON.stringify({ regions, results }, null, 2)}\n`);

    // An acknowledgement that matches nothing in any environment is stale: it would hide a future finding.
    const stale = [...unmatched].filter(([, n]) => n >= envs.length).map(([rule]) => rule);
    if (stale.length > 0 && envs.length === ENVIRONMENTS.length)
      console.warn(`synth: acknowledgements matching nothing in any environment:\n  ${stale.join('\n  ')}`);

    if (drifted.length > 0) {
      fail(`${drifted.join(', ')} drifted: run \`npm run synth\` (then \`npm run codegen\`) and commit`);
    }
    if (errors > 0) fail(`${errors} template errors`);
    if (nagFindings > 0) fail(`${nagFindings} cdk-nag findings without an acknowledgement`);

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
    if (check) rmSync(outRoot, { recursive: true, force: true });
  }
}

/** Resources in infra-cfn's YAML and JSON templates, read without a YAML parser: top-level keys under Resources. */
function countHandWritten(files: string[]): number {
  let n = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.json')) {
      n += Object.keys((JSON.parse(text) as Template).Resources ?? {}).length;
      continue;
    }
    const section = text.split(/^Resources:\s*$/m)[1]?.split(/^\S/m)[0] ?? '';
    n += (section.match(/^ {2}[A-Za-z0-9]+:\s*$/gm) ?? []).length;
  }
  return n;
}

try {
  main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof SynthFailure)) throw error;
  console.error(`synth: ${error.message}`);
  process.exitCode = 1;
}
