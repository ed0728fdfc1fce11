// What bench/analytics.bench.ts and the heat-map harness page say to each other through `window.heatBench`.

export type HeatFirstRender = {
  points: number;
  /** From handing the points to the layer to the first paint after it drew. */
  firstRenderMs: number;
  /** The layer's own draw (stamping and colouring). */
  drawMs: number;
  /** Points inside the view that the layer drew. */
  drawn: number;
};

export type HeatBenchApi = { ready: Promise<void>; show(count: number, seed: number): Promise<HeatFirstRender> };
export type HeatBenchWindow = Window & { heatBench?: HeatBenchApi };
