// Offline synthesis of one environment's whole cloud: the Amplify backend (a child process, as Amplify runs it)
// and infra-cfn through CfnInclude (in process), each checked by cdk-nag. Used by `npm run synth`
// (scripts/synth.ts) and the template tests (tests/infra), which share one synthesis per environment.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ACKNOWLEDGEMENTS_FILE, type AcknowledgementReport } from '../amplify/cdk-nag';
import type { EnvironmentName } from '../amplify/environments';
import { fingerprint } from '../scripts/fingerprint';
import { buildInfraApp } from './include';

const ROOT = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

export type NagFinding = { rule: string; path: string; severity: string };
export type NagOutcome = AcknowledgementReport & { findings: NagFinding[] };
export type Synthesis = { outDir: string; templates: string[]; nag: NagOutcome; ms: number; cached?: boolean };

type ValidationReport = {
  pluginReports: {
    pluginName: string;
    violations: { ruleName: string; severity: string; violatingConstructs: { constructPath: string }[] }[];
  }[];
};

/** The cdk-nag outcome written into an assembly: unacknowledged findings and the acknowledgements. */
export function readNag(outDir: string): NagOutcome {
  const acks = join(outDir, ACKNOWLEDGEMENTS_FILE);
  const report: AcknowledgementReport = existsSync(acks)
    ? (JSON.parse(readFileSync(acks, 'utf8')) as AcknowledgementReport)
    : { acknowledged: [], unmatchedRules: [] };
  const validation = join(outDir, 'validation-report.json');
  const findings: NagFinding[] = [];
  if (existsSync(validation)) {
    const parsed = JSON.parse(readFileSync(validation, 'utf8')) as ValidationReport;
    for (const plugin of parsed.pluginReports.filter((p) => p.pluginName === 'AwsSolutions'))
      for (const v of plugin.violations)
        for (const c of v.violatingConstructs)
          findings.push({ rule: v.ruleName, path: c.constructPath, severity: v.severity });
  }
  return { ...report, findings };
}

export function templatesIn(outDir: string): string[] {
  return readdirSync(outDir)
    .filter((f) => f.endsWith('.template.json'))
    .map((f) => join(outDir, f))
    .sort();
}

/** The Amplify backend of `env`, as a standalone backend named after it (no AWS account, no Docker). */
export function synthesizeAmplify(env: EnvironmentName, outDir: string, tmpDir: string): Synthesis {
  const started = Date.now();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(tmpDir, { recursive: true });
  const context = {
    'amplify-backend-namespace': 'courier',
    'amplify-backend-name': env,
    'amplify-backend-type': 'standalone',
  };
  const r = spawnSync(process.execPath, [require.resolve('tsx/cli'), 'amplify/backend.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      CDK_OUTDIR: outDir,
      CDK_CONTEXT_JSON: JSON.stringify(context),
      TMPDIR: tmpDir,
      COURIER_ENVIRONMENT: env,
    },
  });
  const nag = existsSync(outDir) ? readNag(outDir) : { acknowledged: [], unmatchedRules: [], findings: [] };
  if (r.status !== 0 && nag.findings.length === 0) {
    const output = `${r.stdout}\n${r.stderr}`
      .split('\n')
      .filter((line) => !line.startsWith('Be careful when using @auth') && !line.startsWith('Bundling asset'))
      .map((line) => (line.length > 400 ? `${line.slice(0, 400)} …` : line))
      .join('\n')
      .trim();
    throw new Error(`amplify/backend.ts (${env}) failed to synthesize (exit ${r.status ?? r.signal}):\n${output}`);
  }
  return { outDir, templates: templatesIn(outDir), nag, ms: Date.now() - started };
}

/**
 * What the Amplify synthesis reads: the backend, the code it bundles (not tests, the web app or the local
 * stack, which no function imports), the parameter files it shares with infra-cfn, and the installed versions.
 */
const AMPLIFY_INPUTS = [
  'amplify',
  'lambdas',
  'src',
  'mcp-server',
  'graphql',
  'infra-cfn/parameters',
  'package-lock.json',
];
const NOT_SYNTH_INPUT = (path: string) =>
  /\.test\.tsx?$/.test(path) || /^src[\\/](web|local)([\\/]|$)/.test(path) || /(^|[\\/])node_modules$/.test(path);
export const SYNTH_CACHE_DIR = join(ROOT, '.tmp', 'synth-cache');

/** The cache key of an environment's Amplify assembly: the environment and a fingerprint of what synthesis reads. */
export function amplifyCacheKey(env: EnvironmentName): string {
  return `${env}-${fingerprint(ROOT, AMPLIFY_INPUTS, NOT_SYNTH_INPUT).slice(0, 16)}`;
}

/**
 * The Amplify assembly of `env` from .tmp/synth-cache when nothing it is made from has changed, else a fresh one
 * (then kept there, replacing the environment's older ones). `npm run synth` and the template tests share it, so
 * each environment is synthesized once per change (20-50 s each on two cores).
 */
export function cachedAmplifySynthesis(env: EnvironmentName, tmpDir: string): Synthesis {
  const key = amplifyCacheKey(env);
  const outDir = join(SYNTH_CACHE_DIR, key);
  if (existsSync(join(outDir, 'manifest.json'))) {
    return { outDir, templates: templatesIn(outDir), nag: readNag(outDir), ms: 0, cached: true };
  }
  const partial = join(SYNTH_CACHE_DIR, `partial-${key}-${process.pid}`);
  let synthesis: Synthesis;
  try {
    synthesis = synthesizeAmplify(env, partial, tmpDir);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
  keepInCache(env, partial, key);
  return { ...synthesis, outDir, templates: templatesIn(outDir), cached: false };
}

/** Moves (or, with `copy`, copies) a finished Amplify assembly into the cache under `key`. */
export function keepInCache(env: EnvironmentName, assembly: string, key = amplifyCacheKey(env), copy = false): void {
  const outDir = join(SYNTH_CACHE_DIR, key);
  mkdirSync(SYNTH_CACHE_DIR, { recursive: true });
  for (const old of readdirSync(SYNTH_CACHE_DIR).filter((d) => d.startsWith(`${env}-`) && d !== key)) {
    rmSync(join(SYNTH_CACHE_DIR, old), { recursive: true, force: true });
  }
  if (existsSync(join(outDir, 'manifest.json'))) {
    // Another process got there first with the same inputs.
    if (!copy) rmSync(assembly, { recursive: true, force: true });
    return;
  }
  rmSync(outDir, { recursive: true, force: true });
  if (copy) cpSync(assembly, outDir, { recursive: true });
  else renameSync(assembly, outDir);
}

/** infra-cfn for `env` in `region` through CfnInclude; cdk-nag findings are returned, not thrown. */
export function synthesizeInfra(
  env: EnvironmentName,
  region: string,
  outDir: string,
  overrides?: Record<string, string>,
): Synthesis {
  const started = Date.now();
  rmSync(outDir, { recursive: true, force: true });
  const { app } = buildInfraApp({ env, region, outdir: outDir, ...(overrides ? { overrides } : {}) });
  try {
    app.synth();
  } catch (error) {
    if (!existsSync(join(outDir, 'validation-report.json'))) throw error;
  }
  return { outDir, templates: templatesIn(outDir), nag: readNag(outDir), ms: Date.now() - started };
}

/**
 * Region names, twelve-digit account ids and Availability Zone names written into a template's values. Templates
 * must take them from pseudo parameters (AWS::Region, AWS::AccountId, Fn::GetAZs) or parameters. Prose is not
 * checked: comments, and Description / AssertDescription texts (a folded block runs while it is indented deeper).
 */
export function hardCodedLocations(text: string): string[] {
  const region =
    /\b(?:us|eu|ap|sa|ca|me|af|il|mx|cn)-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d(?:[a-f]\b)?/g;
  const account = /(?<![\w.])\d{12}(?![\w.])/g;
  const hits: string[] = [];
  let proseIndent: number | undefined;
  for (const line of text.split('\n')) {
    const indent = line.length - line.trimStart().length;
    if (proseIndent !== undefined && (line.trim() === '' || indent > proseIndent)) continue;
    proseIndent = undefined;
    const prose = /^(\s*)"?(?:Description|AssertDescription)"?\s*:/.exec(line);
    if (prose) {
      proseIndent = prose[1]!.length;
      continue;
    }
    const code = line.replace(/(^|\s)#.*$/, '');
    hits.push(...(code.match(region) ?? []), ...(code.match(account) ?? []));
  }
  return hits;
}
