// Map benchmark harness: the admin's GlobalMap (same components, same cluster layer, same tile setup) fed
// N synthetic bookings, driven by bench/map.bench.ts through window.mapBench. Built by the benchmark only.
import '../../../styles.css';
import L from 'leaflet';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useMap } from 'react-leaflet';
import { configureAmplify } from '../../../lib/amplify-config';
import type { DrawnView } from '../components/booking-cluster-layer';
import { GlobalMap } from '../components/global-map';
import type { BookingPoint } from '../hooks/map-state';
import {
  STEP_END_MARK,
  STEP_START_MARK,
  type BenchStep,
  type FirstRender,
  type MapBenchApi,
  type MapBenchWindow,
  type StepFrames,
} from './map-bench-protocol';
import { syntheticBookingPoints, syntheticCouriers } from './synthetic-bookings';

/** The map area of the admin's map page in a 1440 × 900 window (the side panel takes the rest). */
const MAP_SIZE = { width: 1100, height: 690 };
const COURIERS = syntheticCouriers(30);
/** Longest a gesture may take before the harness gives up on its moveend. */
const STEP_TIMEOUT_MS = 10_000;

type Shown = { points: BookingPoint[]; frameKey: string | null };

let drawListener: ((view: DrawnView) => void) | undefined;
let lastView: DrawnView = { markers: [], clusters: [] };
const notifyDrawn = (view: DrawnView) => {
  lastView = view;
  drawListener?.(view);
};
const ignore = () => undefined;

function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Resolves just after the next frame is painted: a task posted from its animation-frame callback. */
function afterNextPaint(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }),
  );
}

function bookingsOnScreen(view: DrawnView): number {
  return view.markers.length + view.clusters.reduce((sum, cluster) => sum + cluster.count, 0);
}

function MapHandle({ onMap }: { onMap: (map: L.Map) => void }) {
  const map = useMap();
  useEffect(() => onMap(map), [map, onMap]);
  return null;
}

function Harness({ onReady }: { onReady: (map: L.Map, show: (shown: Shown) => void) => void }) {
  const [shown, setShown] = useState<Shown>({ points: [], frameKey: null });
  return (
    <div className="map-page__map" style={MAP_SIZE}>
      <GlobalMap
        points={shown.points}
        couriers={COURIERS}
        frameKey={shown.frameKey}
        onSelectBooking={ignore}
        onSelectCourier={ignore}
        onDrawn={notifyDrawn}
      >
        <MapHandle onMap={(map) => onReady(map, setShown)} />
      </GlobalMap>
    </div>
  );
}

function gesture(map: L.Map, step: BenchStep): void {
  switch (step.kind) {
    case 'pan':
      map.panBy([step.dx, step.dy]);
      return;
    case 'zoom':
      map.setZoomAround(L.point(step.x, step.y), map.getZoom() + step.by);
      return;
  }
}

function createApi(map: L.Map, show: (shown: Shown) => void, ready: Promise<void>): MapBenchApi {
  return {
    ready,
    async show(count, seed) {
      const points = syntheticBookingPoints(count, seed);
      await nextFrame();
      const drawn = new Promise<DrawnView>((resolve) => {
        drawListener = (view) => {
          if (count === 0 || bookingsOnScreen(view) > 0) resolve(view);
        };
      });
      const started = performance.now();
      show({ points, frameKey: `${count}-${seed}` });
      const view = await drawn;
      const drawMs = performance.now() - started;
      drawListener = undefined;
      const painted = await afterNextPaint();
      const result: FirstRender = {
        ms: painted - started,
        drawMs,
        zoom: map.getZoom(),
        markers: view.markers.length,
        clusters: view.clusters.length,
        bookingsOnScreen: bookingsOnScreen(view),
      };
      return result;
    },
    async idle(count) {
      const stamps: number[] = [];
      for (let i = 0; i <= count; i++) stamps.push(await nextFrame());
      return stamps.slice(1).map((at, i) => at - stamps[i]!);
    },
    async run(steps) {
      const results: StepFrames[] = [];
      for (const step of steps) {
        // Let the previous gesture's aftermath (the canvas repaint, the list's commit) settle first.
        for (let i = 0; i < 5; i++) await nextFrame();
        const stamps: number[] = [];
        let recording = true;
        const record = (at: number) => {
          stamps.push(at);
          if (recording) requestAnimationFrame(record);
        };
        const moved = new Promise<void>((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`no moveend within ${STEP_TIMEOUT_MS} ms after ${JSON.stringify(step)}`)),
            STEP_TIMEOUT_MS,
          );
          map.once('moveend', () => {
            clearTimeout(timer);
            resolve();
          });
        });
        requestAnimationFrame((at) => {
          performance.mark(STEP_START_MARK);
          record(at);
          gesture(map, step);
        });
        await moved;
        // The frames that paint the new view: the canvas redraw and the drawn list's commit.
        await nextFrame();
        await nextFrame();
        recording = false;
        performance.mark(STEP_END_MARK);
        await nextFrame();
        results.push({
          step,
          zoom: map.getZoom(),
          frames: stamps.slice(1).map((at, i) => at - stamps[i]!),
          markers: lastView.markers.length,
          clusters: lastView.clusters.length,
        });
      }
      return results;
    },
  };
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);
const benchWindow = window as MapBenchWindow;

// The same start-up as the app: outputs served beside the page configure Amplify and the tile URL.
configureAmplify().then(
  () => {
    let mounted = false;
    let announce: () => void = ignore;
    const ready = new Promise<void>((resolve) => (announce = resolve));
    root.render(
      <StrictMode>
        <Harness
          onReady={(map, show) => {
            if (mounted) return;
            mounted = true;
            benchWindow.mapBench = createApi(map, show, ready);
            map.whenReady(() => announce());
          }}
        />
      </StrictMode>,
    );
  },
  (error: unknown) => {
    container.textContent = `Map benchmark harness could not start: ${String(error)}`;
  },
);
