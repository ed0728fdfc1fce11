// `npm run check`: every static gate, with each step's time. Stage 1 runs side by side: generated-code
// drift (codegen), synth drift + CloudFormation validation (which also writes .amplify/generated, needed
// by tsc and eslint) and prettier; stage 2 runs tsc and eslint. Stops after the first failing stage.
// `--no-cache` re-synthesizes even when nothing the synth reads has changed since the last passing run.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fingerprint } from './fingerprint';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Local binaries, started directly: `npx` would add a second or so per step. */
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);

type Step = {
  name: string;
  /** The command (a local binary) and its arguments. */
  argv: string[];
  /** What to do when it fails, printed under its output. */
  hint?: string;
  /** When it may be skipped: a fingerprint of its inputs that a passing run records. */
  cacheKey?: () => string;
};
type Outcome = { step: Step; ok: boolean; seconds: number; output: string; cached: boolean };

/** Everything the synth step reads, apart from handler code (tsc and eslint cover that). */
const SYNTH_INPUTS = [
  'amplify',
  'src/data/tables.ts',
  'scripts/synth.ts',
  'scripts/validate-templates.ts',
  // infra-cfn's templates and parameters, and what the generated Connect stack is made from.
  'infra-cfn',
  'src/voice',
  'src/provisioning',
  'graphql/schema.graphql',
  'graphql/model-schema.graphql',
  'package-lock.json',
];

/** The synth step's inputs; tsc and eslint need the env types the synth writes: without them, the cache does not count. */
function synthFingerprint(): string {
  const env = existsSync(join(ROOT, '.amplify/generated/env')) ? 'env' : 'no-env';
  return `${fingerprint(ROOT, SYNTH_INPUTS)}:${env}`;
}

const CACHE_DIR = join(ROOT, '.tmp', 'check-cache');
const cacheFile = (step: Step) => join(CACHE_DIR, `${step.name.replace(/\W+/g, '-')}.sha256`);

function run(step: Step, useCache: boolean): Promise<Outcome> {
  const started = Date.now();
  const key = step.cacheKey?.();
  if (useCache && key && existsSync(cacheFile(step)) && readFileSync(cacheFile(step), 'utf8') === key) {
    return Promise.resolve({ step, ok: true, seconds: 0, output: '', cached: true });
  }
  return new Promise((done) => {
    const [command, ...args] = step.argv;
    const child = spawn(command!, args, { cwd: ROOT });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => {
      const ok = code === 0;
      if (ok && key) {
        mkdirSync(CACHE_DIR, { recursive: true });
        writeFileSync(cacheFile(step), key);
      }
      done({ step, ok, seconds: (Date.now() - started) / 1000, output: output.trim(), cached: false });
    });
  });
}

function report(outcome: Outcome): void {
  const { step, ok, seconds, output, cached } = outcome;
  if (cached) {
    console.log(`check: ${step.name} ok (cached: inputs unchanged since the last pass)`);
    return;
  }
  if (!ok && output) console.error(output);
  if (ok && output && process.argv.includes('--verbose')) console.log(output);
  const line = `check: ${step.name} ${ok ? 'ok' : 'FAILED'} (${seconds.toFixed(1)}s)`;
  if (ok) console.log(line);
  else console.error(`${line}${step.hint ? `\n       ${step.hint}` : ''}`);
}

const stages: Step[][] = [
  [
    {
      name: 'codegen drift (graphql-codegen --check)',
      argv: [bin('graphql-codegen'), '--config', 'codegen.ts', '--check'],
      hint: 'src/generated is stale: run `npm run codegen` and commit the result.',
    },
    {
      name: 'synth drift + template validation',
      argv: [bin('tsx'), 'scripts/synth.ts', '--check', '--no-tsc'],
      hint: 'see the diff / findings above; `npm run synth` refreshes graphql/*.graphql.',
      cacheKey: synthFingerprint,
    },
    {
      name: 'lockfile installable by npm ci (npm/cli#9821)',
      argv: [bin('tsx'), 'scripts/repair-lockfile.ts', '--check'],
      hint: '`npm install` repairs it (postinstall); after --ignore-scripts run `npx tsx scripts/repair-lockfile.ts`.',
    },
    {
      name: 'format (prettier --check)',
      argv: [bin('prettier'), '--check', '.', '--log-level', 'warn'],
      hint: 'run `npm run format`.',
    },
  ],
  [
    { name: 'types (tsc --noEmit)', argv: [bin('tsc'), '--noEmit', '-p', '.'] },
    { name: 'lint (eslint)', argv: [bin('eslint'), '.', '--max-warnings', '0'] },
  ],
];

const useCache = !process.argv.includes('--no-cache');
const started = Date.now();
for (const stage of stages) {
  const outcomes = await Promise.all(stage.map((step) => run(step, useCache)));
  outcomes.forEach(report);
  if (outcomes.some((o) => !o.ok)) {
    console.error(`check: failed after ${((Date.now() - started) / 1000).toFixed(1)}s`);
    process.exit(1);
  }
}
console.log(`check: all passed in ${((Date.now() - started) / 1000).toFixed(1)}s`);
