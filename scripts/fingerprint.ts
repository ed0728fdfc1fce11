// A fingerprint of files by content: what `npm run check` keys its cached steps on and what the synthesis cache
// (infra-cfn/synthesize.ts) keys the Amplify assemblies on.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * SHA-256 over the paths (files, or directories walked in name order) under `root`, each file's path and
 * content; `skip` leaves out paths (relative to root) that cannot change the outcome.
 */
export function fingerprint(root: string, paths: string[], skip: (path: string) => boolean = () => false): string {
  const hash = createHash('sha256');
  const add = (path: string): void => {
    if (skip(path)) return;
    const full = join(root, path);
    if (!existsSync(full)) {
      hash.update(`missing:${path}\n`);
      return;
    }
    if (statSync(full).isDirectory()) {
      for (const entry of readdirSync(full).sort()) add(join(path, entry));
      return;
    }
    hash.update(`${path}\n`).update(readFileSync(full));
  };
  paths.forEach(add);
  return hash.digest('hex');
}
