// Times by region (Req 10.2): average and p90 from booking to pickup and from pickup to delivery, on-time
// rates, and a map of the regions' postcodes coloured by their on-time rate.
import { CircleMarker, Tooltip as MapTooltip } from 'react-leaflet';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { BaseMap } from '../../../components/base-map';
import { SEATTLE_ZIPS } from '../../../../core/geo/seattle-zips';
import { serviceRegionOf } from '../../../../core/geo/service-regions';
import { fetchRegions, type Range, type RegionReport } from '../api/analytics-api';
import { formatMinutes, formatPercent, toCsv } from '../hooks/analytics-format';
import { useAnalyticsReport } from '../hooks/use-report';
import { ReportFrame, SectionHeader, Tile } from './report-frame';

/** Red below 60 % on time, amber to 85 %, green above; grey without deliveries. */
export function onTimeColour(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '#9aa5b1';
  if (rate < 0.6) return '#d7191c';
  if (rate < 0.85) return '#f2a60c';
  return '#1a9641';
}

export function regionsCsv(report: RegionReport): string {
  return toCsv(
    [
      'region',
      'bookings',
      'delivered',
      'failed',
      'cancelled',
      'booking_to_pickup_avg_min',
      'booking_to_pickup_p90_min',
      'pickup_to_delivery_avg_min',
      'pickup_to_delivery_p90_min',
      'on_time_rate',
      'pickup_on_time_rate',
    ],
    [...report.regions, report.total].map((r) => [
      r.name,
      r.bookings,
      r.delivered,
      r.failed,
      r.cancelled,
      r.bookingToPickup.averageMinutes,
      r.bookingToPickup.p90Minutes,
      r.pickupToDelivery.averageMinutes,
      r.pickupToDelivery.p90Minutes,
      r.onTimeRate,
      r.pickupOnTimeRate,
    ]),
  );
}

export function RegionsView({ range }: { range: Range }) {
  const state = useAnalyticsReport(() => fetchRegions(range), `${range.from}|${range.to}`);
  return (
    <ReportFrame state={state}>
      {(report) => {
        const byId = new Map(report.regions.map((r) => [r.regionId, r]));
        const shown = report.regions.filter((r) => r.bookings > 0);
        const t = report.total;
        const zips = SEATTLE_ZIPS.filter(
          (z) => z.kind === 'STANDARD' && byId.has(serviceRegionOf(z.postcode)?.id ?? ''),
        );
        return (
          <>
            <div className="an-tiles">
              <Tile
                id="p2d"
                label="Pickup to delivery"
                value={formatMinutes(t.pickupToDelivery.averageMinutes)}
                hint={`p90 ${formatMinutes(t.pickupToDelivery.p90Minutes)}`}
              />
              <Tile
                id="b2p"
                label="Booking to pickup"
                value={formatMinutes(t.bookingToPickup.averageMinutes)}
                hint={`p90 ${formatMinutes(t.bookingToPickup.p90Minutes)}`}
              />
              <Tile
                id="on-time"
                label="Delivered on time"
                value={formatPercent(t.onTimeRate)}
                hint={`of ${t.onTimeBase} delivered, by the promised time`}
              />
              <Tile
                id="pickup-on-time"
                label="Collected in window"
                value={formatPercent(t.pickupOnTimeRate)}
                hint={`of ${t.pickupBase} collected`}
              />
            </div>
            <div className="an-split">
              <div>
                <SectionHeader title="On-time rate by region" />
                <BaseMap className="an-map" testId="region-map" zoom={11}>
                  {zips.map((zip) => {
                    const region = byId.get(serviceRegionOf(zip.postcode)?.id ?? '')!;
                    const colour = onTimeColour(region.onTimeRate);
                    return (
                      <CircleMarker
                        key={zip.postcode}
                        center={[zip.lat, zip.lng]}
                        radius={16}
                        pathOptions={{ color: colour, fillColor: colour, fillOpacity: 0.55, weight: 1 }}
                      >
                        <MapTooltip>
                          {region.name} ({zip.postcode}): {formatPercent(region.onTimeRate)} on time, pickup to delivery{' '}
                          {formatMinutes(region.pickupToDelivery.averageMinutes)}
                        </MapTooltip>
                      </CircleMarker>
                    );
                  })}
                </BaseMap>
                <p className="an-legend" data-testid="region-map-legend" data-markers={zips.length}>
                  <span style={{ background: onTimeColour(0.9) }} /> 85 % or more on time
                  <span style={{ background: onTimeColour(0.7) }} /> 60–85 %
                  <span style={{ background: onTimeColour(0.3) }} /> under 60 %
                </p>
              </div>
              <div>
                <SectionHeader title="Average minutes by region" />
                <div className="an-chart" data-testid="chart-regions">
                  <ResponsiveContainer width="100%" height={300}>
                    <BarChart
                      data={shown.map((r) => ({
                        name: r.name,
                        p2d: Math.round(r.pickupToDelivery.averageMinutes ?? 0),
                        p90: Math.round(r.pickupToDelivery.p90Minutes ?? 0),
                      }))}
                      layout="vertical"
                      margin={{ left: 40 }}
                    >
                      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                      <XAxis type="number" fontSize={11} />
                      <YAxis type="category" dataKey="name" fontSize={11} width={110} />
                      <Tooltip />
                      <Legend />
                      <Bar dataKey="p2d" name="Pickup to delivery, average" fill="#2f80ed" isAnimationActive={false} />
                      <Bar dataKey="p90" name="p90" fill="#9b51e0" isAnimationActive={false} />
                    </BarChart>
                  </ResponsiveContainer>
                </div>
              </div>
            </div>
            <SectionHeader title="Regions" csv={() => regionsCsv(report)} name="regions" />
            <div className="table-wrap">
              <table className="table" data-testid="table-regions">
                <thead>
                  <tr>
                    <th>Region</th>
                    <th>Bookings</th>
                    <th>Delivered</th>
                    <th>Booking → pickup (avg / p90)</th>
                    <th>Pickup → delivery (avg / p90)</th>
                    <th>On time</th>
                    <th>Collected in window</th>
                  </tr>
                </thead>
                <tbody>
                  {[...shown, t].map((r) => (
                    <tr key={r.regionId} data-testid={`region-${r.regionId}`}>
                      <td>{r.name}</td>
                      <td>{r.bookings}</td>
                      <td>{r.delivered}</td>
                      <td>
                        {formatMinutes(r.bookingToPickup.averageMinutes)} /{' '}
                        {formatMinutes(r.bookingToPickup.p90Minutes)}
                      </td>
                      <td>
                        {formatMinutes(r.pickupToDelivery.averageMinutes)} /{' '}
                        {formatMinutes(r.pickupToDelivery.p90Minutes)}
                      </td>
                      <td>
                        <span className="an-dot" style={{ background: onTimeColour(r.onTimeRate) }} />
                        {formatPercent(r.onTimeRate)}
                      </td>
                      <td>{formatPercent(r.pickupOnTimeRate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        );
      }}
    </ReportFrame>
  );
}
