// The cluster layer as a react-leaflet component: created once, fed the whole point set on each change.
import { createElementObject, createLayerComponent, type LayerProps } from '@react-leaflet/core';
import type { BookingPoint } from '../hooks/map-state';
import { BookingClusterLayer, type BookingClusterHandlers } from './booking-cluster-layer';

export type BookingClustersProps = LayerProps & BookingClusterHandlers & { points: BookingPoint[] };

export const BookingClusters = createLayerComponent<BookingClusterLayer, BookingClustersProps>(
  ({ points, onSelect, onDraw }, context) =>
    createElementObject(new BookingClusterLayer(points, { onSelect, onDraw }), context),
  (layer, props, previous) => {
    if (props.points !== previous.points) layer.setPoints(props.points);
    if (props.onSelect !== previous.onSelect || props.onDraw !== previous.onDraw) {
      layer.setHandlers({ onSelect: props.onSelect, onDraw: props.onDraw });
    }
  },
);
