// What the map benchmark (bench/map.bench.ts) and its browser harness (map-bench.tsx) say to each other.

/** User-timing marks around each gesture, so a browser trace can be cut to the gestures' frames. */
export const STEP_START_MARK = 'map-bench:step-start';
export const STEP_END_MARK = 'map-bench:step-end';

/** One scripted gesture: an animated pan by pixels, or an animated zoom by levels around a container point. */
export type BenchStep = { kind: 'pan'; dx: number; dy: number } | { kind: 'zoom'; by: number; x: number; y: number };

/** The harness's answer to `show`: how long the first render took and what it drew. */
export type FirstRender = {
  /** From handing the N points to the map until the first frame after the layer drew them all (painted). */
  ms: number;
  /** From the same start until the layer's own draw call returned (before the canvas paint). */
  drawMs: number;
  zoom: number;
  markers: number;
  clusters: number;
  /** Bookings represented on screen (single markers plus cluster counts). */
  bookingsOnScreen: number;
};

/** Frame intervals (ms, from requestAnimationFrame timestamps) during each step of a script. */
export type StepFrames = { step: BenchStep; zoom: number; frames: number[]; markers: number; clusters: number };

export type MapBenchApi = {
  /** Resolves once the map is mounted with no bookings. */
  ready: Promise<void>;
  show(count: number, seed: number): Promise<FirstRender>;
  run(steps: BenchStep[]): Promise<StepFrames[]>;
  /** Frame intervals of `count` frames with nothing moving: the machine's own jitter, for comparison. */
  idle(count: number): Promise<number[]>;
};

export type MapBenchWindow = { mapBench?: MapBenchApi };
