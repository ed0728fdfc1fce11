// A heat-map layer of our own on one canvas: weighted points drawn as blurred alpha stamps, then coloured
// through a palette. leaflet.heat does the same but has had no release since 2015; this is ~120 lines we
// own, bins 100k points into a few thousand stamps, and redraws only when the map stops moving.
import L from 'leaflet';

export type HeatPoint = { lat: number; lng: number; weight: number };
export type HeatOptions = { radius?: number; blur?: number; palette?: [number, string][] };

/** Cool to hot: blue, cyan, lime, yellow, red. */
export const DENSITY_PALETTE: [number, string][] = [
  [0.0, 'rgba(0,0,255,0)'],
  [0.25, '#2c7bb6'],
  [0.45, '#00c8c8'],
  [0.6, '#7fdc2f'],
  [0.8, '#ffd21f'],
  [1.0, '#d7191c'],
];

function paletteBytes(stops: [number, string][]): Uint8ClampedArray {
  const canvas = document.createElement('canvas');
  canvas.width = 256;
  canvas.height = 1;
  const ctx = canvas.getContext('2d')!;
  const gradient = ctx.createLinearGradient(0, 0, 256, 0);
  for (const [at, colour] of stops) gradient.addColorStop(at, colour);
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, 256, 1);
  return ctx.getImageData(0, 0, 256, 1).data;
}

function stamp(radius: number, blur: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  const size = (radius + blur) * 2;
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d')!;
  // The shadow trick: the circle is drawn off-canvas and only its blurred shadow lands inside.
  ctx.shadowOffsetX = ctx.shadowOffsetY = size * 2;
  ctx.shadowBlur = blur;
  ctx.shadowColor = 'black';
  ctx.beginPath();
  ctx.arc(-size * 1.5, -size * 1.5, radius, 0, Math.PI * 2);
  ctx.fill();
  return canvas;
}

export class HeatLayer extends L.Layer {
  private points: HeatPoint[];
  private readonly options_: Required<HeatOptions>;
  private canvas?: HTMLCanvasElement;
  private palette?: Uint8ClampedArray;
  private brush?: HTMLCanvasElement;
  /** Milliseconds the last draw took (read by the benchmark). */
  lastDrawMs = 0;

  constructor(points: HeatPoint[], options: HeatOptions = {}) {
    super();
    this.points = points;
    this.options_ = {
      radius: options.radius ?? 12,
      blur: options.blur ?? 14,
      palette: options.palette ?? DENSITY_PALETTE,
    };
  }

  setPoints(points: HeatPoint[]): void {
    this.points = points;
    this.redraw();
  }

  override onAdd(map: L.Map): this {
    const canvas = (this.canvas = L.DomUtil.create('canvas', 'heat-layer leaflet-zoom-hide') as HTMLCanvasElement);
    canvas.style.pointerEvents = 'none';
    map.getPanes().overlayPane.appendChild(canvas);
    map.on('moveend zoomend resize', this.redraw, this);
    this.redraw();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('moveend zoomend resize', this.redraw, this);
    this.canvas?.remove();
    this.canvas = undefined;
    return this;
  }

  redraw(): void {
    const map = this._map as L.Map | undefined;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const started = performance.now();
    const size = map.getSize();
    canvas.width = size.x;
    canvas.height = size.y;
    L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    ctx.clearRect(0, 0, size.x, size.y);
    const { radius, blur } = this.options_;
    this.brush ??= stamp(radius, blur);
    this.palette ??= paletteBytes(this.options_.palette);
    const offset = radius + blur;
    const bounds = map.getBounds().pad(0.1);
    const visible = this.points.filter((p) => bounds.contains([p.lat, p.lng]));
    // Points closer than a few pixels land on one stamp: summed per grid cell first, so 100k points cost a few
    // thousand draws, not 100k (leaflet.heat's own trick).
    const cell = Math.max(2, Math.round(radius / 3));
    const columns = Math.ceil(size.x / cell) + 2 * Math.ceil(offset / cell) + 1;
    const bins = new Map<number, { x: number; y: number; weight: number }>();
    for (const p of visible) {
      const at = map.latLngToContainerPoint([p.lat, p.lng]);
      const cx = Math.floor((at.x + offset) / cell);
      const cy = Math.floor((at.y + offset) / cell);
      const key = cy * columns + cx;
      const bin = bins.get(key);
      if (bin) bin.weight += p.weight;
      else bins.set(key, { x: cx * cell - offset + cell / 2, y: cy * cell - offset + cell / 2, weight: p.weight });
    }
    let max = 0;
    for (const bin of bins.values()) max = Math.max(max, bin.weight);
    if (max > 0) {
      for (const bin of bins.values()) {
        // Square root: a street with a tenth of downtown's deliveries still shows (a third as strong).
        ctx.globalAlpha = Math.min(1, Math.max(0.05, Math.sqrt(bin.weight / max)));
        ctx.drawImage(this.brush, bin.x - offset, bin.y - offset);
      }
      const image = ctx.getImageData(0, 0, size.x, size.y);
      const px = image.data;
      for (let i = 3; i < px.length; i += 4) {
        const a = px[i]!;
        if (a === 0) continue;
        const j = a * 4;
        px[i - 3] = this.palette[j]!;
        px[i - 2] = this.palette[j + 1]!;
        px[i - 1] = this.palette[j + 2]!;
        px[i] = Math.min(230, a + 40);
      }
      ctx.putImageData(image, 0, 0);
    }
    this.lastDrawMs = performance.now() - started;
    canvas.dataset.points = String(visible.length);
    canvas.dataset.drawMs = this.lastDrawMs.toFixed(1);
  }
}
