// How bookings and clusters are painted on the cluster layer's canvas: a status-coloured dot with a white
// rim for one booking; for a cluster, a ring split by status share around a white disc with the count.
import { clusterDiameter, clusterLabel, ringSegments, type StatusCounts } from './cluster-look';

/** Radius of a single booking's dot, rim included, in CSS pixels. */
export const BOOKING_RADIUS = 8;
const BOOKING_RIM = 2;
const RING_WIDTH = 5;
const LABEL_FONT = '700 12px system-ui, -apple-system, "Segoe UI", sans-serif';
/** The page's ink colour (--ink), for the count. */
const LABEL_COLOUR = '#0f172a';
const OUTLINE = 'rgba(15, 23, 42, 0.35)';
const TURN = Math.PI * 2;

export function paintBooking(ctx: CanvasRenderingContext2D, x: number, y: number, colour: string): void {
  ctx.beginPath();
  ctx.arc(x, y, BOOKING_RADIUS, 0, TURN);
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.beginPath();
  ctx.arc(x, y, BOOKING_RADIUS - BOOKING_RIM, 0, TURN);
  ctx.fillStyle = colour;
  ctx.fill();
}

/** Paints a cluster badge centred on (x, y) and returns its radius, for hit testing. */
export function paintCluster(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  count: number,
  counts: StatusCounts,
): number {
  const radius = clusterDiameter(count) / 2;
  // Only the ring's pixels are painted in colour (stroked arcs), and the disc once: on a software canvas
  // the cost is in pixels filled, and wedges overdrawn by the disc would fill the badge twice.
  const ringRadius = radius - RING_WIDTH / 2;
  ctx.beginPath();
  ctx.arc(x, y, radius + 0.5, 0, TURN);
  ctx.lineWidth = 1;
  ctx.strokeStyle = OUTLINE;
  ctx.stroke();
  ctx.lineWidth = RING_WIDTH;
  for (const segment of ringSegments(counts)) {
    ctx.beginPath();
    ctx.arc(x, y, ringRadius, (segment.from - 0.25) * TURN, (segment.to - 0.25) * TURN);
    ctx.strokeStyle = segment.colour;
    ctx.stroke();
  }
  ctx.beginPath();
  ctx.arc(x, y, radius - RING_WIDTH, 0, TURN);
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.font = LABEL_FONT;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = LABEL_COLOUR;
  ctx.fillText(clusterLabel(count), x, y + 0.5);
  return radius;
}
