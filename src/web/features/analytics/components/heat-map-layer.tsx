// The heat layer as a react-leaflet component: created once, fed new points when they change.
import { createElementObject, createLayerComponent, type LayerProps } from '@react-leaflet/core';
import { HeatLayer, type HeatOptions, type HeatPoint } from './heat-layer';

export type HeatMapLayerProps = LayerProps & HeatOptions & { points: HeatPoint[] };

export const HeatMapLayer = createLayerComponent<HeatLayer, HeatMapLayerProps>(
  ({ points, radius, blur, palette }, context) =>
    createElementObject(new HeatLayer(points, { radius, blur, palette }), context),
  (layer, props, previous) => {
    if (props.points !== previous.points) layer.setPoints(props.points);
  },
);
