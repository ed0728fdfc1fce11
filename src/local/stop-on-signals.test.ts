import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stopOnSignals, type StopOnSignalsOptions } from './stop-on-signals';

/**
 * A process stand-in and a stack whose close finishes when the test says so; `handled` is how many change-feed
 * records its drain has finished (the test moves it on).
 */
function setUp(options: StopOnSignalsOptions = {}) {
  const target = Object.assign(new EventEmitter(), { exit: vi.fn<(code: number) => void>() });
  let finishClose!: () => void;
  const close = vi.fn(() => new Promise<void>((resolve) => (finishClose = resolve)));
  const drain = { handled: 40 };
  const closing = () => ({ step: 'change feed drain', seconds: 1.5, changesHandled: drain.handled });
  const lines: string[] = [];
  stopOnSignals({ close, closing }, { process: target, log: (line) => lines.push(line), ...options });
  return { target, close, finishClose: () => finishClose(), lines, drain };
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

  it('exits with 1 and names the step it waited for when the stop makes no progress', () => {
    // Prepare
    vi.useFakeTimers();
    const { target, lines } = setUp({ stallMs: 1_000 });

    // Act
    target.emit('SIGTERM');
    vi.advanceTimersByTime(999);
    const exitedEarly = target.exit.mock.calls.length;
    vi.advanceTimersByTime(1);

    // Assess
    expect(exitedEarly).toBe(0);
    expect(target.exit.mock.calls).toEqual([[1]]);
    expect(lines.at(-1)).toBe(
      'Not stopped: no progress for 1 s (waiting for: change feed drain, 1.5 s); exiting. ' +
        'Unfinished changes are delivered on the next start.',
    );
  });

  it('keeps waiting while the change feed drains, saying how far it got, and exits with 0 once stopped', async () => {
    // Prepare
    vi.useFakeTimers();
    const { target, lines, drain, finishClose } = setUp({ stallMs: 1_000, limitMs: 60_000 });

    // Act: a drain far longer than one stall period, making progress in each
    target.emit('SIGINT');
    for (let period = 0; period < 5; period++) {
      drain.handled += 25;
      vi.advanceTimersByTime(1_000);
    }
    const exitedWhileDraining = target.exit.mock.calls.length;
    finishClose();
    await vi.waitFor(() => expect(target.exit).toHaveBeenCalled());

    // Assess
    expect(exitedWhileDraining).toBe(0);
    expect(target.exit.mock.calls).toEqual([[0]]);
    expect(lines.filter((line) => line.startsWith('Still stopping'))).toEqual(
      [25, 50, 75, 100, 125].map(
        (n) => `Still stopping (waiting for: change feed drain, 1.5 s): ${n} change-feed records handled since SIGINT…`,
      ),
    );
    expect(lines.at(-1)).toBe('Stopped.');
  });

  it('exits with 1 at its overall limit even while the drain still makes progress', () => {
    // Prepare
    vi.useFakeTimers();
    const { target, lines, drain } = setUp({ stallMs: 1_000, limitMs: 3_000 });

    // Act
    target.emit('SIGINT');
    for (let period = 0; period < 3; period++) {
      drain.handled += 10;
      vi.advanceTimersByTime(1_000);
    }

    // Assess
    expect(target.exit.mock.calls).toEqual([[1]]);
    expect(lines.at(-1)).toMatch(/^Not stopped: 3 s in all \(waiting for: change feed drain, 1\.5 s\); exiting\./);
  });
});
