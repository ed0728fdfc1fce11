// `npm start`'s Ctrl-C: stops the stack once, the way `Stack.close` does (new work refused, the change feed
// drained, then the servers and the gateway), and ends the process. The stop waits as long as the drain makes
// progress — a burst of changes can leave the change feed's consumers seconds behind, and cutting them off
// would only defer that work to the next start — and says so every few seconds. A stop that makes no progress
// for a while, or takes far too long, ends the process anyway; what the change feed had not finished then
// stays in its log and is delivered on the next start.

export type SignalledProcess = {
  on(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  exit(code: number): void;
};

/** Where a stop stands: the step under way, for how long, and the change-feed records handled so far. */
export type StopProgress = { step: string; seconds: number; changesHandled: number };

export type StopOnSignalsOptions = {
  log?: (line: string) => void;
  /** How long the stop may go without progress (no change-feed record handled) before the process exits (code 1). */
  stallMs?: number;
  /** How long the stop may take in all, progress or not, before the process exits (code 1). */
  limitMs?: number;
  process?: SignalledProcess;
};

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

/**
 * The first SIGINT or SIGTERM stops the stack; later ones are ignored, because one Ctrl-C can arrive twice
 * (from the terminal and relayed by npm or tsx) and a second must not cut the drain short.
 */
export function stopOnSignals(
  stack: { close(): Promise<void>; closing?(): StopProgress | undefined },
  options: StopOnSignalsOptions = {},
): void {
  const log = options.log ?? ((line: string) => console.log(line));
  const target = options.process ?? process;
  const stallMs = options.stallMs ?? 10_000;
  const limitMs = options.limitMs ?? 120_000;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`\n${signal}: stopping (finishing the change feed first)…`);
    const startedAt = Date.now();
    const handledAtStart = stack.closing?.()?.changesHandled ?? 0;
    let handledBefore = handledAtStart;
    const watchdog = setInterval(() => {
      const progress = stack.closing?.();
      const handled = progress?.changesHandled ?? handledBefore;
      const waiting = progress ? ` (waiting for: ${progress.step}, ${progress.seconds.toFixed(1)} s)` : '';
      const elapsed = Date.now() - startedAt;
      if (handled === handledBefore || elapsed >= limitMs) {
        const why = handled === handledBefore ? `no progress for ${seconds(stallMs)}` : `${seconds(elapsed)} in all`;
        log(`Not stopped: ${why}${waiting}; exiting. Unfinished changes are delivered on the next start.`);
        clearInterval(watchdog);
        target.exit(1);
        return;
      }
      handledBefore = handled;
      log(`Still stopping${waiting}: ${handled - handledAtStart} change-feed records handled since ${signal}…`);
    }, stallMs).unref();
    await stack.close();
    clearInterval(watchdog);
    log('Stopped.');
    target.exit(0);
  };
  target.on('SIGINT', () => void stop('SIGINT'));
  target.on('SIGTERM', () => void stop('SIGTERM'));
}
