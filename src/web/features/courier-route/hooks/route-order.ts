// Moving one stop of the route by hand, one place up or down, never putting a parcel's delivery above its
// pickup (the server refuses such an order; the buttons that would make one are not offered).
export type StopKey = { reference: string; kind: 'PICKUP' | 'DELIVERY' };

/** Whether the stop at `index` may swap places with its neighbour in `direction` (-1 up, +1 down). */
export function canMove(stops: readonly StopKey[], index: number, direction: -1 | 1): boolean {
  const other = index + direction;
  if (index < 0 || index >= stops.length || other < 0 || other >= stops.length) return false;
  const [upper, lower] = direction === -1 ? [stops[other]!, stops[index]!] : [stops[index]!, stops[other]!];
  // Swapping puts `lower` above `upper`: not allowed when they are one parcel's pickup and delivery.
  return !(upper.reference === lower.reference && upper.kind === 'PICKUP' && lower.kind === 'DELIVERY');
}

/** The order with the stop at `index` moved one place; the same order when the move is not allowed. */
export function moveStop<T extends StopKey>(stops: readonly T[], index: number, direction: -1 | 1): T[] {
  if (!canMove(stops, index, direction)) return [...stops];
  const out = [...stops];
  const other = index + direction;
  [out[index], out[other]] = [out[other]!, out[index]!];
  return out;
}
