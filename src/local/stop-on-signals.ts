// `npm start`'s Ctrl-C: stops the stack once, the way `Stack.close` does (new work refused, the change feed
// drained, then the servers and the gateway), and ends the process. A stop that takes too long ends it
// anyway; what the change feed had not finished then stays in its log and is delivered on the next start.

export type SignalledProcess = {
  on(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  exit(code: number): void;
};

export type StopOnSignalsOptions = {
  log?: (line: string) => void;
  /** How long the stop may take before the process exits regardless (code 1). */
  timeoutMs?: number;
  process?: SignalledProcess;
};

/**
 * The first SIGINT or SIGTERM stops the stack; later ones are ignored, because one Ctrl-C can arrive twice
 * (from the terminal and relayed by npm or tsx) and a second must not cut the drain short.
 */
export function stopOnSignals(stack: { close(): Promise<void> }, options: StopOnSignalsOptions = {}): void {
  const log = options.log ?? ((line: string) => console.log(line));
  const target = options.process ?? process;
  const timeoutMs = options.timeoutMs ?? 10_000;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`\n${signal}: stopping (finishing the change feed first)…`);
    const timer = setTimeout(() => {
      log(`Not stopped after ${timeoutMs / 1000} s; exiting. Unfinished changes are delivered on the next start.`);
      target.exit(1);
    }, timeoutMs).unref();
    await stack.close();
    clearTimeout(timer);
    log('Stopped.');
    target.exit(0);
  };
  target.on('SIGINT', () => void stop('SIGINT'));
  target.on('SIGTERM', () => void stop('SIGTERM'));
}
