// The courier's "My performance" page (Req 11.9-11.10, 12.1-12.8), phone first: the period's deliveries,
// success rate, pickup-to-delivery time and rating, the anonymized rank among peers, earnings at the rate card
// (when there is one), the trend, peak hours and frequent routes, suggestions against the fleet, what
// customers said and the searchable delivery history. Every figure is read from the change feed's rollups.
import { useState } from 'react';
import { addDays } from '../../../../core/business-calendar';
import { Loading } from '../../../components/feedback-states';
import { ProblemNotice } from '../../../components/problem-notice';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import {
  fetchEarnings,
  fetchPerformance,
  fetchRateCard,
  fetchSuggestions,
  type Earnings,
  type Performance,
  type RateCardSetting,
} from '../api/performance-api';
import {
  bucketLabel,
  chartRange,
  formatMoney,
  hourSpan,
  MEASURE_NAMES,
  minutes,
  ordinal,
  percent,
  PERIODS,
  periodRange,
  regionName,
  type Period,
} from '../hooks/performance-format';
import { useLoaded } from '../hooks/use-loaded';
import { CommentsSection } from './comments-section';
import { HistorySection } from './history-section';
import { DeliveriesChart, HoursChart } from './performance-charts';
import './performance.css';

export function CourierPerformancePage({ courierId }: { courierId: string }) {
  const calendar = useCompanyCalendar();
  const [today] = useState(() => calendar.today());
  const [period, setPeriod] = useState<Period>('week');
  const spec = PERIODS.find((p) => p.id === period)!;
  const range = periodRange(period, today);
  const span = chartRange(period, today);
  const key = `${courierId}|${period}|${today}`;
  const figures = useLoaded(() => fetchPerformance(range, spec.granularity), `figures|${key}`);
  const trend = useLoaded(() => fetchPerformance(span, spec.granularity), `trend|${key}`);
  const earnings = useLoaded(() => fetchEarnings(range), `earnings|${key}`);
  const rateCard = useLoaded(fetchRateCard, `card|${courierId}`);
  // Suggestions need a month of attempts to say anything: always the last 30 days.
  const suggestions = useLoaded(
    () => fetchSuggestions({ from: addDays(today, -29), to: today }),
    `suggest|${courierId}|${today}`,
  );

  return (
    <section className="perf" data-testid="performance-page" data-courier={courierId} data-today={today}>
      <header className="perf__header">
        <h1 className="page__title">My performance</h1>
        <div className="perf-periods" role="tablist" aria-label="Period">
          {PERIODS.map((p) => (
            <button
              key={p.id}
              type="button"
              role="tab"
              aria-selected={p.id === period}
              className={p.id === period ? 'perf-periods__tab perf-periods__tab--on' : 'perf-periods__tab'}
              onClick={() => setPeriod(p.id)}
              data-testid={`period-${p.id}`}
            >
              {p.label}
            </button>
          ))}
        </div>
        <p className="page__subtitle" data-testid="period-range" data-from={range.from} data-to={range.to}>
          {range.from === range.to
            ? calendar.formatDate(calendar.startOf(range.from))
            : `${calendar.formatDate(calendar.startOf(range.from))} – ${calendar.formatDate(calendar.startOf(range.to))}`}
        </p>
      </header>

      {figures.phase === 'error' ? (
        <ProblemNotice error={figures.error} onRetry={figures.reload} />
      ) : !figures.data ? (
        <Loading label="Loading your figures…" />
      ) : (
        <Headline performance={figures.data} phrase={spec.phrase} stale={figures.phase === 'loading'} />
      )}

      <EarningsCard
        earnings={earnings.phase === 'ready' ? earnings.data : undefined}
        rateCard={rateCard.phase === 'ready' ? rateCard.data : undefined}
        phrase={spec.phrase}
        error={earnings.phase === 'error' ? earnings.error : undefined}
        onRetry={earnings.reload}
      />

      <section className="card perf-card" aria-labelledby="perf-trend">
        <h2 id="perf-trend" className="perf-card__title">
          Deliveries by {period === 'day' ? 'day' : period === 'week' ? 'week' : 'month'}
        </h2>
        {trend.phase === 'error' ? (
          <ProblemNotice compact error={trend.error} onRetry={trend.reload} />
        ) : !trend.data ? (
          <Loading />
        ) : (
          <Trends performance={trend.data} />
        )}
      </section>

      <section className="card perf-card" aria-labelledby="perf-suggestions" data-testid="suggestions">
        <h2 id="perf-suggestions" className="perf-card__title">
          Suggestions <span className="perf-card__note">last 30 days, against the fleet</span>
        </h2>
        {suggestions.phase === 'error' ? (
          <ProblemNotice compact error={suggestions.error} onRetry={suggestions.reload} />
        ) : !suggestions.data ? (
          <Loading />
        ) : suggestions.data.length === 0 ? (
          <p className="perf-muted">Not enough finished deliveries in the last 30 days to compare yet.</p>
        ) : (
          <ul className="perf-suggestions">
            {suggestions.data.map((s) => (
              <li key={s.title} className="perf-suggestion" data-kind={s.kind}>
                <strong>{s.title}</strong>
                <p>{s.detail}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <CommentsSection courierId={courierId} />
      <HistorySection courierId={courierId} />
    </section>
  );
}

function Headline({ performance, phrase, stale }: { performance: Performance; phrase: string; stale: boolean }) {
  const t = performance.total;
  const rank = (measure: keyof typeof MEASURE_NAMES) => performance.rankings.find((r) => r.measure === measure);
  const success = rank('SUCCESS_RATE');
  return (
    <>
      <dl className={stale ? 'perf-kpis perf-kpis--stale' : 'perf-kpis'} data-testid="kpis">
        <Kpi
          label="Delivered"
          value={String(t.delivered)}
          testId="kpi-delivered"
          hint={t.failed ? `${t.failed} failed` : undefined}
        />
        <Kpi label="Success rate" value={percent(t.successRate)} testId="kpi-success" />
        <Kpi label="Pickup to delivery" value={minutes(t.averageDeliveryMinutes)} testId="kpi-time" hint="average" />
        <Kpi
          label="Rating"
          value={t.averageRating === null ? '—' : `${t.averageRating.toFixed(1)} ★`}
          testId="kpi-rating"
          hint={t.ratings ? `${t.ratings} rating${t.ratings === 1 ? '' : 's'}` : 'no ratings yet'}
        />
      </dl>
      <section className="card perf-card perf-rank" aria-label="Your rank among couriers" data-testid="ranking">
        <p className="perf-rank__lead" data-testid="rank-success">
          {success?.position
            ? `${ordinal(success.position)} of ${success.of} on success rate ${phrase}`
            : `Not ranked on success rate ${phrase} yet: no finished deliveries.`}
        </p>
        <ul className="perf-rank__others">
          {(['DELIVERED', 'ON_TIME_RATE', 'AVERAGE_RATING'] as const).map((m) => {
            const r = rank(m);
            return (
              <li key={m} data-testid={`rank-${m}`}>
                {r?.position ? `${ordinal(r.position)} of ${r.of}` : '—'} <span>on {MEASURE_NAMES[m]}</span>
              </li>
            );
          })}
        </ul>
        <p className="perf-muted">Couriers are compared by their figures only; no one sees another courier’s.</p>
      </section>
    </>
  );
}

function Kpi({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) {
  return (
    <div className="perf-kpi">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
      {hint && <dd className="perf-kpi__hint">{hint}</dd>}
    </div>
  );
}

function EarningsCard(props: {
  earnings: Earnings | null | undefined;
  rateCard: RateCardSetting | undefined;
  phrase: string;
  error: unknown;
  onRetry: () => void;
}) {
  const { earnings, rateCard } = props;
  if (props.error) return <ProblemNotice compact error={props.error} onRetry={props.onRetry} />;
  // "If applicable": no rate card applied to any day of the period, no section.
  if (!earnings || !rateCard) return null;
  const rates = rateCard.inForce?.rates;
  const money = (x: number) => formatMoney(x, earnings.currency);
  return (
    <section className="card perf-card" aria-labelledby="perf-earnings" data-testid="earnings">
      <h2 id="perf-earnings" className="perf-card__title">
        Earnings <span className="perf-card__note">{props.phrase}</span>
      </h2>
      <p className="perf-earnings__total" data-testid="earnings-total" data-amount={earnings.total}>
        {money(earnings.total)}
      </p>
      <dl className="perf-earnings__parts">
        <div>
          <dt>{earnings.deliveries} deliveries</dt>
          <dd>{money(earnings.perDelivery)}</dd>
        </div>
        <div>
          <dt>{earnings.km.toFixed(1)} km</dt>
          <dd>{money(earnings.distance)}</dd>
        </div>
        <div>
          <dt>Size surcharges</dt>
          <dd>{money(earnings.sizeSurcharges)}</dd>
        </div>
        <div>
          <dt>Weight surcharges</dt>
          <dd>{money(earnings.weightSurcharges)}</dd>
        </div>
      </dl>
      {rates && (
        <p className="perf-muted" data-testid="rates">
          Rates: {money(rates.perDelivery)} a delivery, {money(rates.perKm)} a km
          {(rates.sizeSurcharges ?? []).map((s) => `, +${money(s.amount)} ${s.size.toLowerCase()}`).join('')}
          {(rates.weightSurcharges ?? []).map((w) => `, +${money(w.amount)} over ${w.overKg} kg`).join('')}.
        </p>
      )}
    </section>
  );
}

function Trends({ performance }: { performance: Performance }) {
  const granularity = performance.granularity;
  const bars = performance.buckets.map((b) => ({
    label: bucketLabel(b.start, granularity),
    delivered: b.figures.delivered,
    failed: b.figures.failed,
  }));
  const hours = performance.total.deliveriesByHour;
  const peak = [...hours].sort((a, b) => b.count - a.count || a.hour - b.hour)[0];
  const routes = performance.total.corridors.slice(0, 4);
  const spanText = `${bars.length} ${granularity === 'DAY' ? 'days' : granularity === 'WEEK' ? 'weeks' : 'months'}`;
  return (
    <>
      <DeliveriesChart bars={bars} title={`Deliveries over the last ${spanText}`} />
      <h3 className="perf-card__subtitle">Peak hours</h3>
      {peak && peak.count > 0 ? (
        <>
          <p className="perf-muted" data-testid="peak-hour" data-hour={peak.hour}>
            Most of your deliveries over the last {spanText} were made {hourSpan(peak.hour)} ({peak.count}).
          </p>
          <HoursChart hours={hours} />
        </>
      ) : (
        <p className="perf-muted">No deliveries over the last {spanText}.</p>
      )}
      <h3 className="perf-card__subtitle">Most frequent routes</h3>
      {routes.length === 0 ? (
        <p className="perf-muted">No routes yet.</p>
      ) : (
        <ol className="perf-routes" data-testid="routes">
          {routes.map((r) => (
            <li key={`${r.from}-${r.to}`} data-from={r.from} data-to={r.to} data-count={r.count}>
              <span>
                {regionName(r.from)} → {regionName(r.to)}
              </span>
              <span className="perf-routes__count">{r.count}</span>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
