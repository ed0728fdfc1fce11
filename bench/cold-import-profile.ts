// Where a Lambda handler's cold import goes: one import of its bundle in a fresh Node process under
// `--cpu-prof`, each sample put down to what it ran. Frames inside the bundle are mapped back through the
// bundle's source map to the package or file they came from; Node's own frames are split into compiling the
// bundle (V8 parsing the one big file), loading Node's built-in modules (http, crypto, … which the SDK needs),
// and the rest of the loader. A native call (Intl's time-zone data, a regular expression) counts for the
// JavaScript that made it.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve as resolvePath } from 'node:path';
import { SourceMap, type SourceMapPayload } from 'node:module';
import type { CpuProfile, CpuProfileNode } from './cpu-profile';

export const COLD_IMPORT_PARTS = [
  'V8 compiling the bundle',
  'Node built-in modules',
  'Node module loader',
  'AWS SDK',
  'zod',
  'Powertools logger',
  'other packages',
  'app code',
  'bundle top level',
  'GC and runtime',
] as const;
export type ColdImportPart = (typeof COLD_IMPORT_PARTS)[number];

export type ColdImportProfile = {
  /** The import as the profiled process timed it (the profiler's sampling makes it a little slower). */
  importMs: number;
  byPartMs: Record<ColdImportPart, number>;
  /** The app's own files by time, largest first (the native calls they make included). */
  appFiles: { file: string; ms: number }[];
};

/**
 * One cold import of `file` in a fresh Node process with `env` (and `nodeArgs`), timed inside that process:
 * its milliseconds, or the first lines of what it printed when the import failed.
 */
export function coldImport(
  file: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<number | string> {
  const script = `const t=performance.now();await import(${JSON.stringify(file)});console.log(JSON.stringify({ms:performance.now()-t}));process.exit(0);`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeArgs, '--input-type=module', '-e', script], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', () => {
      const line = stdout.trim().split('\n').at(-1) ?? '';
      try {
        resolve((JSON.parse(line) as { ms: number }).ms);
      } catch {
        resolve((stderr || stdout).trim().split('\n').slice(0, 3).join(' ').slice(0, 300));
      }
    });
  });
}

/**
 * Profiles one cold import of `bundle` (an ES module with its `.map` beside it) in a fresh Node process;
 * the app's files are named relative to `root`.
 */
export async function profileColdImport(
  bundle: string,
  env: Record<string, string>,
  root: string,
): Promise<ColdImportProfile> {
  const dir = await mkdtemp(join(tmpdir(), 'cold-import-'));
  try {
    const importMs = await coldImport(bundle, env, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=100']);
    if (typeof importMs === 'string') throw new Error(`profiled import of ${bundle} failed: ${importMs}`);
    const [file] = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile'));
    const profile = JSON.parse(await readFile(join(dir, file!), 'utf8')) as CpuProfile;
    const map = new SourceMap(JSON.parse(await readFile(`${bundle}.map`, 'utf8')) as SourceMapPayload);
    return { importMs, ...attribute(profile, map, bundle, root) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Frames the source map cannot place: the bundle's module body, where esbuild has put the top-level statements
 * of every module it joined (one function, so the profiler cannot tell them apart), and its wrappers.
 */
const TOP_LEVEL = '(top level of the bundle)';

function attribute(profile: CpuProfile, map: SourceMap, bundle: string, root: string) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const bundleUrl = `file://${bundle}`;

  /** The original source of a bundle frame: a node_modules package or a file of the app. */
  const sourceOf = (frame: CpuProfileNode['callFrame']): string => {
    const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string };
    return entry.originalSource ? resolvePath(dirname(bundle), entry.originalSource) : TOP_LEVEL;
  };
  const partOfSource = (source: string): ColdImportPart => {
    if (source === TOP_LEVEL) return 'bundle top level';
    if (/node_modules\/(@smithy|@aws-sdk|@aws-crypto)\//.test(source)) return 'AWS SDK';
    if (/node_modules\/zod\//.test(source)) return 'zod';
    if (/node_modules\/@aws-lambda-powertools\//.test(source)) return 'Powertools logger';
    if (/node_modules\//.test(source)) return 'other packages';
    return 'app code';
  };

  const memo = new Map<number, { part: ColdImportPart; source?: string }>();
  const resolve = (id: number): { part: ColdImportPart; source?: string } => {
    const known = memo.get(id);
    if (known) return known;
    const node = nodes.get(id)!;
    const { functionName, url } = node.callFrame;
    let answer: { part: ColdImportPart; source?: string };
    if (url === bundleUrl) {
      const source = sourceOf(node.callFrame);
      answer = { part: partOfSource(source), source };
    } else if (functionName === 'compileSourceTextModule') answer = { part: 'V8 compiling the bundle' };
    else if (/^(compileForInternalLoader|requireBuiltin|compileForPublicLoader|loadBuiltinModule)$/.test(functionName))
      answer = { part: 'Node built-in modules' };
    else if (functionName === '(garbage collector)' || functionName === '(program)' || functionName === '(idle)')
      answer = { part: 'GC and runtime' };
    else {
      // A native or Node frame: it belongs to whoever called it (a bundle frame, a built-in's load, …).
      const up = parent.get(id);
      const inherited = up === undefined ? undefined : resolve(up);
      answer =
        inherited && inherited.part !== 'GC and runtime'
          ? inherited
          : url.startsWith('node:')
            ? { part: 'Node module loader' }
            : { part: 'GC and runtime' };
    }
    memo.set(id, answer);
    return answer;
  };

  const byPartMs = Object.fromEntries(COLD_IMPORT_PARTS.map((p) => [p, 0])) as Record<ColdImportPart, number>;
  const files = new Map<string, number>();
  for (const [i, id] of profile.samples.entries()) {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const { part, source } = resolve(id);
    byPartMs[part] += ms;
    if (part === 'app code' && source) {
      const file = relative(root, source);
      files.set(file, (files.get(file) ?? 0) + ms);
    }
  }
  const appFiles = [...files].map(([file, ms]) => ({ file, ms })).sort((a, b) => b.ms - a.ms);
  return { byPartMs, appFiles };
}
