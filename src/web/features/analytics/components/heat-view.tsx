// Heat maps (Req 10.7): delivery density on a canvas heat layer, and service coverage (delivered of
// requested per cell), for whole weeks of the chosen period.
import { useMemo, useState } from 'react';
import { CircleMarker, Tooltip as MapTooltip } from 'react-leaflet';
import { BaseMap } from '../../../components/base-map';
import { fetchHeatMap, type HeatReport, type Range } from '../api/analytics-api';
import { formatPercent, toCsv } from '../hooks/analytics-format';
import { useAnalyticsReport } from '../hooks/use-report';
import { HeatMapLayer } from './heat-map-layer';
import { onTimeColour } from './regions-view';
import { ReportFrame, SectionHeader, Tile } from './report-frame';

export function heatCsv(report: HeatReport): string {
  return toCsv(
    ['lat', 'lng', 'requested', 'delivered'],
    report.cells.map((c) => [c.lat, c.lng, c.requested, c.delivered]),
  );
}

function HeatBody({ report }: { report: HeatReport }) {
  const [mode, setMode] = useState<'density' | 'coverage'>('density');
  const points = useMemo(
    () => report.cells.filter((c) => c.delivered > 0).map((c) => ({ lat: c.lat, lng: c.lng, weight: c.delivered })),
    [report.cells],
  );
  return (
    <>
      <div className="an-tiles">
        <Tile
          id="delivered"
          label="Delivered"
          value={report.delivered}
          hint={`${report.from} – ${report.to} (whole weeks)`}
        />
        <Tile id="requested" label="Requested" value={report.requested} hint="parcels not cancelled" />
        <Tile
          id="coverage"
          label="Coverage"
          value={formatPercent(report.requested ? report.delivered / report.requested : null)}
          hint={`${report.cells.length} cells of about 900 m`}
        />
      </div>
      <SectionHeader
        title={mode === 'density' ? 'Delivery density' : 'Service coverage'}
        csv={() => heatCsv(report)}
        name="heat-map"
      />
      <div className="an-toggle" role="group" aria-label="Heat map layer">
        <button
          type="button"
          className={mode === 'density' ? 'button' : 'button button--secondary'}
          onClick={() => setMode('density')}
        >
          Density
        </button>
        <button
          type="button"
          className={mode === 'coverage' ? 'button' : 'button button--secondary'}
          onClick={() => setMode('coverage')}
          data-testid="coverage-mode"
        >
          Coverage
        </button>
      </div>
      <BaseMap className="an-map an-map--tall" testId={`heat-map-${mode}`} zoom={11}>
        {mode === 'density' ? (
          <HeatMapLayer points={points} />
        ) : (
          report.cells.map((c) => {
            const share = c.requested ? c.delivered / c.requested : null;
            return (
              <CircleMarker
                key={`${c.lat},${c.lng}`}
                center={[c.lat, c.lng]}
                radius={4 + Math.min(10, Math.sqrt(c.requested))}
                pathOptions={{
                  color: onTimeColour(share),
                  fillColor: onTimeColour(share),
                  fillOpacity: 0.6,
                  weight: 0,
                }}
              >
                <MapTooltip>
                  {c.delivered} of {c.requested} delivered ({formatPercent(share)})
                </MapTooltip>
              </CircleMarker>
            );
          })
        )}
      </BaseMap>
    </>
  );
}

export function HeatView({ range }: { range: Range }) {
  const state = useAnalyticsReport(() => fetchHeatMap(range), `${range.from}|${range.to}`);
  return <ReportFrame state={state}>{(report) => <HeatBody report={report} />}</ReportFrame>;
}
