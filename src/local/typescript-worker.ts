// A worker thread whose entry is TypeScript. Under tsx the parent thread has tsx's loader, under vitest it
// does not (vitest transforms only what it imports), and loader flags are not inherited by worker threads on
// Node 20: so the thread itself imports its entry through tsx's scoped `tsImport`, whatever runs the parent.
import { Worker } from 'node:worker_threads';

export function startTypeScriptWorker(entry: URL, workerData: unknown): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)}));`;
  return new Worker(code, { eval: true, workerData });
}
