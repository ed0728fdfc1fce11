// A Leaflet layer for any number of bookings: supercluster indexes them once, and each view paints only
// what is on screen — clusters as ringed badges and single bookings as dots — in one pass on one canvas.
import L from 'leaflet';
import Supercluster from 'supercluster';
import type { BookingStatus } from '../../../../core/model';
import { STATUS_LOOK, STATUS_ORDER } from '../../../lib/booking-status';
import type { BookingPoint } from '../hooks/map-state';
import { BOOKING_RADIUS, paintBooking, paintCluster } from './booking-marks';
import { dominantStatus, type StatusCounts } from './cluster-look';

type PointProps = { reference: string; status: BookingStatus };
type ClusterProps = { counts: StatusCounts };

/** A single booking as drawn, with its pixel position in the map container. */
export type DrawnMarker = { reference: string; status: BookingStatus; colour: string; x: number; y: number };
/** A cluster as drawn; `id` is stable while the index and zoom stay the same (pans keep it). */
export type DrawnCluster = { id: number; count: number; colour: string; x: number; y: number };
export type DrawnView = { markers: DrawnMarker[]; clusters: DrawnCluster[] };

export type BookingClusterHandlers = {
  onSelect: (reference: string) => void;
  onDraw?: (view: DrawnView) => void;
};

/** Something painted that a click can hit: a booking or a cluster, at a layer point. */
type HitTarget =
  | { kind: 'booking'; reference: string; x: number; y: number; radius: number }
  | { kind: 'cluster'; clusterId: number; at: L.LatLng; x: number; y: number; radius: number };

/** Above this zoom every booking is drawn on its own. */
const CLUSTER_MAX_ZOOM = 16;

/** The canvas reaches this share of the view beyond each edge, so short pans show bookings at once. */
const PADDING = 0.1;

/** Extra pixels around a dot that still count as a click on it. */
const CLICK_TOLERANCE = 2;

/**
 * How long live changes wait before the index is rebuilt: re-indexing 50k points takes ~300 ms, so big
 * sets batch a second of changes; small sets update within a frame or two.
 */
function reindexDelayMs(pointCount: number): number {
  return Math.min(1000, pointCount / 50);
}

/** Bookings closer than this many screen pixels share a cluster; the largest badge is 50 px across. */
const CLUSTER_RADIUS_PX = 48;

function newIndex(): Supercluster<PointProps, ClusterProps> {
  return new Supercluster<PointProps, ClusterProps>({
    radius: CLUSTER_RADIUS_PX,
    // Supercluster measures the radius against its tile extent; Leaflet's tiles are 256 px, so with the
    // default 512 the radius would be half as many screen pixels and badges would pile onto each other.
    extent: 256,
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

export class BookingClusterLayer extends L.Layer {
  private index = newIndex();
  private handlers: BookingClusterHandlers;
  private points: BookingPoint[];
  private indexed = false;
  private indexedAt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private frame: number | undefined;
  private canvas: HTMLCanvasElement | undefined;
  /** Where the canvas's top-left corner was when last painted, and at which zoom: for zoom animation. */
  private paintedCorner: L.LatLng | undefined;
  private paintedZoom = 0;
  /** The view last painted (bounds, zoom, index): a repeat request for the same view paints nothing. */
  private paintedView = '';
  private targets: HitTarget[] = [];

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
    const canvas = L.DomUtil.create('canvas', 'leaflet-booking-layer');
    if (map.options.zoomAnimation) L.DomUtil.addClass(canvas, 'leaflet-zoom-animated');
    map.getPane('overlayPane')?.appendChild(canvas);
    this.canvas = canvas;
    this.paintedView = '';
    map.on('moveend', this.redraw, this);
    map.on('zoomanim', this.animateZoom, this);
    map.on('zoom', this.followZoom, this);
    map.on('click', this.click, this);
    map.on('mousemove', this.hover, this);
    this.schedule();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('moveend', this.redraw, this);
    map.off('zoomanim', this.animateZoom, this);
    map.off('zoom', this.followZoom, this);
    map.off('click', this.click, this);
    map.off('mousemove', this.hover, this);
    clearTimeout(this.timer);
    if (this.frame !== undefined) L.Util.cancelAnimFrame(this.frame);
    this.timer = undefined;
    this.frame = undefined;
    this.canvas?.remove();
    this.canvas = undefined;
    this.targets = [];
    map.getContainer().style.cursor = '';
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

  private reindex(): void {
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
    this.paintedView = '';
  }

  /** Scales the last painting with the map's zoom animation, as Leaflet's own renderers do. */
  private animateZoom(event: L.ZoomAnimEvent): void {
    this.transformTo(event.center, event.zoom);
  }

  private followZoom(): void {
    const map = this._map;
    if (map) this.transformTo(map.getCenter(), map.getZoom());
  }

  private transformTo(center: L.LatLng, zoom: number): void {
    const map = this._map;
    if (!map || !this.canvas || !this.paintedCorner) return;
    const mapPane = map.getPane('mapPane');
    const panePosition = mapPane ? L.DomUtil.getPosition(mapPane) : L.point(0, 0);
    const origin = map.project(center, zoom).subtract(map.getSize().divideBy(2)).add(panePosition).round();
    const corner = map.project(this.paintedCorner, zoom).subtract(origin);
    L.DomUtil.setTransform(this.canvas, corner, map.getZoomScale(zoom, this.paintedZoom));
  }

  private redraw(): void {
    const map = this._map;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    if (!this.indexed) this.reindex();

    const size = map.getSize();
    const margin = size.multiplyBy(PADDING).round();
    const topLeft = map.containerPointToLayerPoint(margin.multiplyBy(-1)).round();
    const zoom = map.getZoom();
    const viewKey = `${zoom}:${topLeft.x},${topLeft.y}:${size.x}x${size.y}:${this.indexedAt}`;
    if (viewKey === this.paintedView) return;
    this.paintedView = viewKey;

    const width = size.x + 2 * margin.x;
    const height = size.y + 2 * margin.y;
    const ratio = window.devicePixelRatio || 1;
    // Resizing a canvas reallocates it: only when the map's size changed, otherwise clear it.
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    L.DomUtil.setPosition(canvas, topLeft);
    this.paintedCorner = map.layerPointToLatLng(topLeft);
    this.paintedZoom = zoom;

    const nw = map.containerPointToLatLng(margin.multiplyBy(-1));
    const se = map.containerPointToLatLng(size.add(margin));
    const features = this.index.getClusters(
      [Math.max(-180, nw.lng), Math.max(-85, se.lat), Math.min(180, se.lng), Math.min(85, nw.lat)],
      Math.round(zoom),
    );

    const targets: HitTarget[] = [];
    const view: DrawnView = { markers: [], clusters: [] };
    for (const feature of features) {
      const [lng, lat] = feature.geometry.coordinates as [number, number];
      const at = L.latLng(lat, lng);
      const layerPoint = map.latLngToLayerPoint(at);
      const x = layerPoint.x - topLeft.x;
      const y = layerPoint.y - topLeft.y;
      const onScreen = x >= margin.x && x <= margin.x + size.x && y >= margin.y && y <= margin.y + size.y;
      const props = feature.properties;
      if ('cluster' in props && props.cluster) {
        const radius = paintCluster(ctx, x, y, props.point_count, props.counts);
        targets.push({ kind: 'cluster', clusterId: props.cluster_id, at, x: layerPoint.x, y: layerPoint.y, radius });
        if (onScreen) {
          const colour = STATUS_LOOK[dominantStatus(props.counts)].colour;
          view.clusters.push({
            id: props.cluster_id,
            count: props.point_count,
            colour,
            x: x - margin.x,
            y: y - margin.y,
          });
        }
      } else {
        const { reference, status } = props as PointProps;
        const colour = STATUS_LOOK[status].colour;
        paintBooking(ctx, x, y, colour);
        targets.push({ kind: 'booking', reference, x: layerPoint.x, y: layerPoint.y, radius: BOOKING_RADIUS });
        if (onScreen) view.markers.push({ reference, status, colour, x: x - margin.x, y: y - margin.y });
      }
    }
    this.targets = targets;
    this.handlers.onDraw?.(view);
  }

  /** The topmost painted booking or cluster under a layer point, if any. */
  private targetAt(point: L.Point): HitTarget | undefined {
    for (let i = this.targets.length - 1; i >= 0; i--) {
      const target = this.targets[i]!;
      const reach = target.radius + CLICK_TOLERANCE;
      const dx = point.x - target.x;
      const dy = point.y - target.y;
      if (dx * dx + dy * dy <= reach * reach) return target;
    }
    return undefined;
  }

  private click(event: L.LeafletMouseEvent): void {
    // Leaflet fires no click at the end of a drag, so a click here is always meant for what is under it.
    const map = this._map;
    const target = map ? this.targetAt(event.layerPoint) : undefined;
    if (!map || !target) return;
    if (target.kind === 'booking') this.handlers.onSelect(target.reference);
    else map.setView(target.at, Math.min(this.index.getClusterExpansionZoom(target.clusterId), 19));
  }

  private hover(event: L.LeafletMouseEvent): void {
    const map = this._map;
    if (!map) return;
    map.getContainer().style.cursor = this.targetAt(event.layerPoint) ? 'pointer' : '';
  }
}
