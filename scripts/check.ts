// `npm run check`: every static gate, fastest first; stops at the first failure.
import { spawnSync } from 'node:child_process';

type Step = { name: string; cmd: string; args: string[] };

const steps: Step[] = [
  { name: 'types (tsc --noEmit)', cmd: 'npx', args: ['tsc', '--noEmit', '-p', '.'] },
  { name: 'lint (eslint)', cmd: 'npx', args: ['eslint', '.', '--max-warnings', '0'] },
  { name: 'format (prettier --check)', cmd: 'npx', args: ['prettier', '--check', '.', '--log-level', 'warn'] },
];

for (const step of steps) {
  const started = Date.now();
  const r = spawnSync(step.cmd, step.args, { stdio: 'inherit' });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`check: ${step.name} failed (${secs}s)`);
    process.exit(r.status ?? 1);
  }
  console.log(`check: ${step.name} ok (${secs}s)`);
}
