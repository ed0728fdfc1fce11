// Works around npm/cli#9821: `npm install` drops lockfile entries nested inside a bundled dependency
// (@aws-amplify/data-construct, @aws-amplify/graphql-api-construct bundle @opentelemetry packages whose
// own dependency on @opentelemetry/core@2.0.0 is not in the bundle), and `npm ci` then refuses the lock.
// This adds the entries `npm ci` asks for, pointing at the registry tarball. It is the package's postinstall
// script, so `npm install` leaves the lock as committed; by hand: `npx tsx scripts/repair-lockfile.ts`
// (idempotent; `--check` only reports). Overrides cannot fix this: npm ignores them for bundled packages.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const LOCK = join(ROOT, 'package-lock.json');

const CORE_2_0_0 = {
  version: '2.0.0',
  resolved: 'https://registry.npmjs.org/@opentelemetry/core/-/core-2.0.0.tgz',
  integrity: 'sha512-SLX36allrcnVaPYG3R78F/UZZsBsvbc7lMCLx37LyH5MJ1KAAZ2E3mW9OAD3zGz0G8q/BtoS5VUrjzDydhD6LQ==',
  dev: true,
  license: 'Apache-2.0',
  dependencies: { '@opentelemetry/semantic-conventions': '^1.29.0' },
  engines: { node: '^18.19.0 || >=20.6.0' },
  peerDependencies: { '@opentelemetry/api': '>=1.0.0 <1.10.0' },
};

type Lock = { packages: Record<string, { version?: string; dependencies?: Record<string, string> }> };
const lock = JSON.parse(readFileSync(LOCK, 'utf8')) as Lock;

const missing: string[] = [];
for (const bundler of ['@aws-amplify/data-construct', '@aws-amplify/graphql-api-construct']) {
  for (const pkg of ['@opentelemetry/resources', '@opentelemetry/sdk-trace-base']) {
    const parent = `node_modules/${bundler}/node_modules/${pkg}`;
    if (lock.packages[parent]?.dependencies?.['@opentelemetry/core'] !== '2.0.0') continue;
    const nested = `${parent}/node_modules/@opentelemetry/core`;
    if (!lock.packages[nested]) missing.push(nested);
  }
}

if (missing.length === 0) {
  console.log('repair-lockfile: nothing to repair');
} else if (process.argv.includes('--check')) {
  console.error(`repair-lockfile: ${missing.length} entries missing:\n  ${missing.join('\n  ')}`);
  process.exit(1);
} else {
  for (const path of missing) lock.packages[path] = CORE_2_0_0;
  lock.packages = Object.fromEntries(
    Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
  );
  writeFileSync(LOCK, JSON.stringify(lock, null, 2) + '\n');
  console.log(`repair-lockfile: added ${missing.length} entries`);
}
