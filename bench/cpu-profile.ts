// Where a benchmark's main-thread time goes: a V8 CPU profile taken through the inspector around one run,
// its samples summed by what ran them (the AWS SDK, HTTP and sockets, GraphQL, the app's own code, …).
// Native frames (socket writes, the garbage collector's) count for the closest caller that has a category.
import { Session } from 'node:inspector/promises';

/** A V8 CPU profile (the inspector's Profiler.stop, or node's --cpu-prof file), as far as it is read here. */
export type CpuProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
};
export type CpuProfile = { nodes: CpuProfileNode[]; samples: number[]; timeDeltas: number[] };

/** First match wins; urls are file:// paths of the repository, node_modules or node: builtins. */
export const PROFILER = 'the profiler itself';
const CATEGORIES: [string, RegExp][] = [
  [PROFILER, /^node:inspector/],
  ['AWS SDK clients (signing, serde, middleware)', /node_modules\/(@smithy|@aws-sdk|@aws-crypto)\//],
  ['GraphQL (Apollo Server, graphql-js)', /node_modules\/(@apollo|graphql)\//],
  ['local AppSync server (auth, limits)', /\/src\/local\/appsync\//],
  ['voice: Lex emulator, Lambda host', /\/src\/local\/(lex|lambda|connect)\//],
  ['app code (router, domain, data)', /\/(src|mcp-server)\//],
  [
    'HTTP, sockets, streams, events',
    /^node:(_http|net|internal\/streams|internal\/stream_base|events|internal\/deps\/undici)|node_modules\/undici\//,
  ],
];

function categoryOf(url: string): string | undefined {
  for (const [name, pattern] of CATEGORIES) if (pattern.test(url)) return name;
  return url ? 'other (node internals, runtime)' : undefined;
}

export type CpuBreakdown = { wallMs: number; byCategoryMs: Record<string, number> };

/** Runs `run` under the main thread's CPU profiler and sums its samples by category (ms of the thread's time). */
export async function profileMainThread<T>(run: () => Promise<T>): Promise<{ result: T; cpu: CpuBreakdown }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  const started = performance.now();
  let result: T;
  let profile: CpuProfile;
  try {
    result = await run();
  } finally {
    profile = (await session.post('Profiler.stop')).profile as unknown as CpuProfile;
    session.disconnect();
  }
  const wallMs = performance.now() - started;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const categoryOfNode = new Map<number, string>();
  const resolve = (id: number): string => {
    const known = categoryOfNode.get(id);
    if (known) return known;
    const node = nodes.get(id)!;
    const name = node.callFrame.functionName;
    let category: string;
    if (name === '(idle)') category = 'idle (waiting: other threads, the machine)';
    else if (name === '(garbage collector)') category = 'garbage collector';
    else if (name === '(program)' || name === '(root)') category = 'other (node internals, runtime)';
    else {
      const own = categoryOf(node.callFrame.url);
      const up = parent.get(id);
      category = own ?? (up === undefined ? 'other (node internals, runtime)' : resolve(up));
    }
    categoryOfNode.set(id, category);
    return category;
  };
  const byCategoryMs: Record<string, number> = {};
  for (const [i, id] of profile.samples.entries()) {
    const category = resolve(id);
    byCategoryMs[category] = (byCategoryMs[category] ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000;
  }
  return { result, cpu: { wallMs, byCategoryMs } };
}
