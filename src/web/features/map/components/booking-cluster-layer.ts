// A Leaflet layer for any number of bookings: supercluster indexes them once, and each view draws only
// what is on screen — clusters as small DOM badges, single bookings as circles on one canvas.
import L from 'leaflet';
import Supercluster from 'supercluster';
import type { BookingStatus } from '../../../../core/model';
import { STATUS_LOOK, STATUS_ORDER } from '../../../lib/booking-status';
import type { BookingPoint } from '../hooks/map-state';
import { clusterRing, dominantStatus, type StatusCounts } from './cluster-look';

type PointProps = { reference: string; status: BookingStatus };
type ClusterProps = { counts: StatusCounts };

/** A single booking as drawn, with its pixel position in the map container. */
export type DrawnMarker = { reference: string; status: BookingStatus; colour: string; x: number; y: number };
export type DrawnCluster = { count: number; colour: string; x: number; y: number };
export type DrawnView = { markers: DrawnMarker[]; clusters: DrawnCluster[] };

export type BookingClusterHandlers = {
  onSelect: (reference: string) => void;
  onDraw?: (view: DrawnView) => void;
};

/** Above this zoom every booking is drawn on its own. */
const CLUSTER_MAX_ZOOM = 16;

/** Beyond this many clusters on screen, they are drawn on the canvas too, so the DOM stays small. */
const MAX_DOM_CLUSTERS = 300;

/**
 * How long live changes wait before the index is rebuilt: re-indexing 50k points takes ~300 ms, so big
 * sets batch a second of changes; small sets update within a frame or two.
 */
function reindexDelayMs(pointCount: number): number {
  return Math.min(1000, pointCount / 50);
}

function newIndex(): Supercluster<PointProps, ClusterProps> {
  return new Supercluster<PointProps, ClusterProps>({
    radius: 48,
    maxZoom: CLUSTER_MAX_ZOOM,
    map: (props) => ({ counts: { [props.status]: 1 } }),
    reduce: (accumulated, props) => {
      for (const status of STATUS_ORDER) {
        const count = props.counts[status];
        if (count) accumulated.counts[status] = (accumulated.counts[status] ?? 0) + count;
      }
    },
  });
}

function clusterIcon(count: number, counts: StatusCounts): L.DivIcon {
  const size = count < 10 ? 30 : count < 100 ? 36 : count < 1000 ? 42 : 50;
  const badge = document.createElement('span');
  badge.className = 'map-cluster';
  badge.style.background = clusterRing(counts);
  const label = document.createElement('span');
  label.className = 'map-cluster__count';
  label.textContent = count < 1000 ? String(count) : `${(count / 1000).toFixed(count < 10_000 ? 1 : 0)}k`;
  badge.append(label);
  return L.divIcon({ html: badge, className: 'map-cluster-icon', iconSize: [size, size] });
}

export class BookingClusterLayer extends L.Layer {
  private index = newIndex();
  private readonly drawn = L.layerGroup();
  private readonly renderer = L.canvas({ padding: 0.3 });
  private handlers: BookingClusterHandlers;
  private points: BookingPoint[];
  private indexed = false;
  private indexedAt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private frame: number | undefined;

  constructor(points: BookingPoint[], handlers: BookingClusterHandlers) {
    super();
    this.points = points;
    this.handlers = handlers;
  }

  setHandlers(handlers: BookingClusterHandlers): void {
    this.handlers = handlers;
  }

  /** Takes the whole set at once; live bursts are coalesced into one re-index per animation frame. */
  setPoints(points: BookingPoint[]): void {
    this.points = points;
    this.indexed = false;
    this.schedule();
  }

  override onAdd(map: L.Map): this {
    this.drawn.addTo(map);
    map.on('moveend', this.redraw, this);
    this.schedule();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('moveend', this.redraw, this);
    clearTimeout(this.timer);
    if (this.frame !== undefined) L.Util.cancelAnimFrame(this.frame);
    this.timer = undefined;
    this.frame = undefined;
    this.drawn.clearLayers();
    this.drawn.remove();
    return this;
  }

  private schedule(): void {
    if (this.timer !== undefined || this.frame !== undefined || !this._map) return;
    const due = this.indexed ? 0 : this.indexedAt + reindexDelayMs(this.points.length) - Date.now();
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.frame = L.Util.requestAnimFrame(() => {
          this.frame = undefined;
          this.redraw();
        });
      },
      Math.max(0, due),
    );
  }

  private redraw(): void {
    const map = this._map;
    if (!map) return;
    if (!this.indexed) {
      this.index = newIndex();
      this.index.load(
        this.points.map((point) => ({
          type: 'Feature' as const,
          properties: { reference: point.reference, status: point.status },
          geometry: { type: 'Point' as const, coordinates: [point.lng, point.lat] },
        })),
      );
      this.indexed = true;
      this.indexedAt = Date.now();
    }
    const bounds = map.getBounds();
    const west = Math.max(-180, bounds.getWest());
    const east = Math.min(180, bounds.getEast());
    const features = this.index.getClusters(
      [west, Math.max(-85, bounds.getSouth()), east, Math.min(85, bounds.getNorth())],
      Math.round(map.getZoom()),
    );

    const layers: L.Layer[] = [];
    const view: DrawnView = { markers: [], clusters: [] };
    const clusterCount = features.reduce((n, f) => n + ('cluster' in f.properties && f.properties.cluster ? 1 : 0), 0);
    const clustersOnCanvas = clusterCount > MAX_DOM_CLUSTERS;
    for (const feature of features) {
      const [lng, lat] = feature.geometry.coordinates as [number, number];
      const at = L.latLng(lat, lng);
      const pixel = map.latLngToContainerPoint(at);
      const props = feature.properties;
      if ('cluster' in props && props.cluster) {
        const clusterId = props.cluster_id;
        const colour = STATUS_LOOK[dominantStatus(props.counts)].colour;
        const marker = clustersOnCanvas
          ? L.circleMarker(at, {
              renderer: this.renderer,
              radius: 8 + Math.min(10, Math.log2(props.point_count) * 2),
              color: '#ffffff',
              weight: 3,
              fillColor: colour,
              fillOpacity: 0.9,
            })
          : L.marker(at, { icon: clusterIcon(props.point_count, props.counts), keyboard: false });
        marker.on('click', () => map.setView(at, Math.min(this.index.getClusterExpansionZoom(clusterId), 19)));
        layers.push(marker);
        view.clusters.push({ count: props.point_count, colour, x: pixel.x, y: pixel.y });
      } else {
        const { reference, status } = props as PointProps;
        const colour = STATUS_LOOK[status].colour;
        const circle = L.circleMarker(at, {
          renderer: this.renderer,
          radius: 7,
          color: '#ffffff',
          weight: 2,
          fillColor: colour,
          fillOpacity: 1,
        });
        circle.on('click', () => this.handlers.onSelect(reference));
        layers.push(circle);
        view.markers.push({ reference, status, colour, x: pixel.x, y: pixel.y });
      }
    }
    this.drawn.clearLayers();
    for (const layer of layers) this.drawn.addLayer(layer);
    this.handlers.onDraw?.(view);
  }
}
