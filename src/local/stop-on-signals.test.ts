import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stopOnSignals } from './stop-on-signals';

/** A process stand-in and a stack whose close finishes when the test says so. */
function setUp(options: { timeoutMs?: number } = {}) {
  const target = Object.assign(new EventEmitter(), { exit: vi.fn<(code: number) => void>() });
  let finishClose!: () => void;
  const close = vi.fn(() => new Promise<void>((resolve) => (finishClose = resolve)));
  const lines: string[] = [];
  stopOnSignals({ close }, { process: target, log: (line) => lines.push(line), ...options });
  return { target, close, finishClose: () => finishClose(), lines };
}

describe('stopOnSignals', () => {
  afterEach(() => vi.useRealTimers());

  it('closes the stack once on SIGINT and exits with 0 only after the close finished', async () => {
    // Prepare
    const { target, close, finishClose, lines } = setUp();

    // Act
    target.emit('SIGINT');
    target.emit('SIGINT');
    target.emit('SIGTERM');
    await Promise.resolve();
    const exitedBeforeClose = target.exit.mock.calls.length;
    finishClose();
    await vi.waitFor(() => expect(target.exit).toHaveBeenCalled());

    // Assess
    expect(close).toHaveBeenCalledTimes(1);
    expect(exitedBeforeClose).toBe(0);
    expect(target.exit.mock.calls).toEqual([[0]]);
    expect(lines.join('\n')).toMatch(/SIGINT: stopping[\s\S]*Stopped\./);
  });

  it('exits with 1 and says so when the stop takes longer than its time limit', () => {
    // Prepare
    vi.useFakeTimers();
    const { target, lines } = setUp({ timeoutMs: 1_000 });

    // Act
    target.emit('SIGTERM');
    vi.advanceTimersByTime(1_000);

    // Assess
    expect(target.exit.mock.calls).toEqual([[1]]);
    expect(lines.at(-1)).toContain('delivered on the next start');
  });
});
