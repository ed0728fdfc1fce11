// Main-thread CPU time per frame from a Chromium trace: the share of a frame the page's own work takes,
// which, unlike frame intervals, does not grow when other processes on a shared machine take the CPU.

type TraceEvent = {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
};

/** The categories `mainThreadCpuPerFrame` needs: tasks with thread time, frame starts, user-timing marks. */
export const FRAME_CPU_TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
];

/**
 * Sums the thread (CPU) time of the renderer main thread's top-level tasks per frame, frames being cut at
 * each BeginMainThreadFrame, keeping only frames that start between a `startMark` and the next `endMark`.
 * Throws when the trace holds no renderer main thread or no marks, naming what is missing.
 */
export function mainThreadCpuPerFrame(trace: Buffer | string, startMark: string, endMark: string): number[] {
  const { traceEvents } = JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] };
  const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) throw new Error('the trace has no CrRendererMain thread: trace the page with the map harness open');
  const onMain = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const windows: [number, number][] = [];
  let opened: number | undefined;
  for (const e of [...traceEvents]
    .filter((e) => e.name === startMark || e.name === endMark)
    .sort((a, b) => a.ts - b.ts)) {
    if (e.name === startMark) opened = e.ts;
    else if (opened !== undefined) {
      windows.push([opened, e.ts]);
      opened = undefined;
    }
  }
  if (windows.length === 0) throw new Error(`the trace has no "${startMark}" … "${endMark}" marks: trace the gestures`);

  const frameStarts = onMain
    .filter((e) => e.name === 'BeginMainThreadFrame')
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  const tasks = onMain.filter((e) => e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  // Top-level tasks only: an event inside another one's span is part of it.
  const topLevel: TraceEvent[] = [];
  let busyUntil = -Infinity;
  for (const task of tasks) {
    if (task.ts < busyUntil) continue;
    topLevel.push(task);
    busyUntil = task.ts + task.dur!;
  }

  const inWindow = (ts: number) => windows.some(([from, to]) => ts >= from && ts < to);
  const perFrame: number[] = [];
  let t = 0;
  for (let i = 0; i + 1 < frameStarts.length; i++) {
    const from = frameStarts[i]!;
    const to = frameStarts[i + 1]!;
    let cpu = 0;
    while (t < topLevel.length && topLevel[t]!.ts < to) {
      const task = topLevel[t]!;
      if (task.ts >= from) cpu += (task.tdur ?? task.dur!) / 1000;
      t++;
    }
    if (inWindow(from)) perFrame.push(cpu);
  }
  return perFrame;
}
