// Heat-map benchmark harness: the analytics page's heat layer (same component, same options) on a Leaflet
// map of the analytics page's size, fed N delivery points, driven by bench/analytics.bench.ts.
import 'leaflet/dist/leaflet.css';
import '../../../styles.css';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { MapContainer, TileLayer } from 'react-leaflet';
import type { HeatPoint } from '../components/heat-layer';
import { HeatMapLayer } from '../components/heat-map-layer';
import type { HeatBenchApi, HeatBenchWindow } from './heat-bench-protocol';

const MAP_SIZE = { width: 1170, height: 520 };

/** Deterministic points around Seattle's neighbourhoods (mulberry32), denser downtown as deliveries are. */
export function syntheticDeliveryPoints(count: number, seed: number): HeatPoint[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const centres = [
    [47.6105, -122.3364],
    [47.6233, -122.3212],
    [47.6733, -122.3428],
    [47.6858, -122.2994],
    [47.5515, -122.2908],
    [47.5632, -122.3871],
  ];
  return Array.from({ length: count }, () => {
    const [lat, lng] = centres[Math.floor(random() * centres.length)]!;
    const spread = random() < 0.5 ? 0.01 : 0.03;
    return { lat: lat! + (random() - 0.5) * spread * 2, lng: lng! + (random() - 0.5) * spread * 3, weight: 1 };
  });
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const tiles = new URLSearchParams(location.search).get('tiles') ?? '/tiles/{z}/{x}/{y}.png';

let setPoints: (points: HeatPoint[]) => void = () => undefined;
let mounted: () => void = () => undefined;
const ready = new Promise<void>((resolve) => (mounted = resolve));

function Harness() {
  const [points, set] = useState<HeatPoint[]>([]);
  useEffect(() => {
    setPoints = set;
    mounted();
  }, []);
  return (
    <div style={MAP_SIZE}>
      <MapContainer center={[47.6062, -122.3321]} zoom={11} preferCanvas style={{ width: '100%', height: '100%' }}>
        <TileLayer url={tiles} />
        <HeatMapLayer points={points} />
      </MapContainer>
    </div>
  );
}

const api: HeatBenchApi = {
  ready,
  async show(count, seed) {
    const points = syntheticDeliveryPoints(count, seed);
    await nextFrame();
    const started = performance.now();
    setPoints(points);
    const canvas = () => document.querySelector<HTMLCanvasElement>('canvas.heat-layer');
    while (Number(canvas()?.dataset.points ?? -1) <= 0 && performance.now() - started < 10_000) await nextFrame();
    await nextFrame();
    await nextFrame();
    const c = canvas();
    return {
      points: count,
      firstRenderMs: performance.now() - started,
      drawMs: Number(c?.dataset.drawMs ?? NaN),
      drawn: Number(c?.dataset.points ?? 0),
    };
  },
};
(window as HeatBenchWindow).heatBench = api;
createRoot(document.getElementById('root')!).render(<Harness />);
