// The admin dashboard: system health, the day's KPIs and the alerts that need someone now, all read from
// the change feed's rollups and refreshed live.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Loading } from '../../../components/feedback-states';
import { LiveIndicator } from '../../../components/live-indicator';
import { ProblemNotice } from '../../../components/problem-notice';
import { StatusBadge } from '../../../components/status-badge';
import { humanize } from '../../../lib/booking-text';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import { useNow } from '../../../lib/use-now';
import type { DashboardData } from '../api/dashboard-api';
import { useDashboard } from '../hooks/use-dashboard';
import { ServiceAlerts } from './service-alerts';
import { formatLateness, formatMinutes, formatPercent, formatRating } from './kpi-format';
import './dashboard.css';

type Kpis = NonNullable<DashboardData['kpis']>;

function Kpi({ id, label, value, hint }: { id: string; label: string; value: string | number; hint?: string }) {
  return (
    <div className="kpi" data-testid={`kpi-${id}`}>
      <span className="kpi__label">{label}</span>
      <span className="kpi__value" data-testid={`kpi-${id}-value`}>
        {value}
      </span>
      {hint && <span className="kpi__hint">{hint}</span>}
    </div>
  );
}

function HealthItem({
  id,
  label,
  ok,
  text,
  title,
}: {
  id: string;
  label: string;
  ok: boolean | null;
  text: string;
  title?: string;
}) {
  const tone = ok === null ? 'unknown' : ok ? 'ok' : 'bad';
  return (
    <div className="health__item" data-testid={`health-${id}`} data-state={tone} title={title}>
      <span className={`health__dot health__dot--${tone}`} aria-hidden="true" />
      <span className="health__label">{label}</span>
      <span className="health__text">{text}</span>
    </div>
  );
}

type DependencyHealth = DashboardData['health']['dependencies'][number];

/** A dependency's breaker in the admin's words: working, failing (and what happens meanwhile), or trying again. */
function dependencyText(d: DependencyHealth, age: (at: string) => string): string {
  switch (d.state) {
    case 'CLOSED':
      return `Working · recovered ${age(d.since)}`;
    case 'OPEN':
      return `Failing since ${age(d.since)}. ${d.fallback}`;
    case 'HALF_OPEN':
      return `Trying again · failing since ${age(d.since)}`;
  }
}

function Health({ health }: { health: DashboardData['health'] }) {
  const calendar = useCompanyCalendar();
  const now = useNow();
  const voicebotText: Record<string, string> = {
    NOT_DEPLOYED: 'Not deployed',
    DEPLOYING: 'Deploying',
    DEPLOYED: 'Deployed',
    FAILED: 'Deployment failed',
  };
  return (
    <div className="health" data-testid="system-health">
      <HealthItem id="api" label="API" ok={health.api} text={health.api ? 'Up' : 'Down'} />
      <HealthItem
        id="database"
        label="Database"
        ok={health.database}
        text={health.database ? 'Reachable' : 'Unreachable'}
      />
      <HealthItem
        id="change-feed"
        label="Change feed"
        ok={health.lastChangeFeedEventAt ? true : null}
        text={
          health.lastChangeFeedEventAt
            ? `Last event ${calendar.formatAge(health.lastChangeFeedEventAt, now)}`
            : 'No events yet'
        }
      />
      <HealthItem
        id="voicebot"
        label="Voicebot"
        ok={health.voicebot.state === 'DEPLOYED' ? true : health.voicebot.state === 'FAILED' ? false : null}
        text={`${voicebotText[health.voicebot.state] ?? health.voicebot.state}${
          health.lastVoiceCallAt ? ` · last call ${calendar.formatAge(health.lastVoiceCallAt, now)}` : ''
        }`}
      />
      {health.dependencies.map((d) => (
        <HealthItem
          key={d.name}
          id={`dependency-${d.name.split(' ')[0]!.toLowerCase()}`}
          label={d.name}
          ok={d.state === 'CLOSED' ? true : d.state === 'OPEN' ? false : null}
          text={dependencyText(d, (at) => calendar.formatAge(at, now))}
          {...(d.lastError ? { title: d.lastError } : {})}
        />
      ))}
    </div>
  );
}

function KpiGrid({ kpis }: { kpis: Kpis }) {
  return (
    <div className="kpis">
      <Kpi id="bookings" label="Bookings" value={kpis.bookings} hint="picked up on this day" />
      <Kpi id="in-transit" label="In transit" value={kpis.inTransit} hint="collected, on the way" />
      <Kpi id="delivered" label="Delivered" value={kpis.delivered} />
      <Kpi
        id="success-rate"
        label="Delivery success"
        value={formatPercent(kpis.deliverySuccessRate)}
        hint={`${kpis.failed} failed or returned`}
      />
      <Kpi
        id="delivery-time"
        label="Average delivery time"
        value={formatMinutes(kpis.averageDeliveryMinutes)}
        hint="collection to delivery"
      />
      <Kpi
        id="satisfaction"
        label="Customer satisfaction"
        value={formatRating(kpis.averageRating)}
        hint={`${formatPercent(kpis.satisfiedShare)} rated 4–5 · ${kpis.ratings} ratings`}
      />
      <Kpi
        id="calls"
        label="Calls handled by the bot"
        value={kpis.callsHandled}
        hint={`${kpis.voiceBookings} bookings · ${kpis.voiceFeedback} feedback`}
      />
    </div>
  );
}

function Alerts({ alerts, kpis }: { alerts: DashboardData['alerts']; kpis?: Kpis | null }) {
  const calendar = useCompanyCalendar();
  const empty = alerts.complaints.length === 0 && alerts.delayed.length === 0;
  return (
    <section className="alerts" data-testid="alerts">
      <h2 className="section-title">Alerts</h2>
      {empty && <p className="muted">Nothing needs attention right now.</p>}
      {alerts.complaints.length > 0 && (
        <ul className="alert-list" data-testid="complaint-alerts">
          {alerts.complaints.map((complaint) => (
            <li key={complaint.reference} className="alert alert--complaint" data-testid="complaint-alert">
              <div className="alert__head">
                <strong>High-severity complaint</strong>
                <Link to={`/bookings/${complaint.bookingReference}`} className="mono">
                  {complaint.bookingReference}
                </Link>
                {complaint.complaintCategory && <span className="tag">{humanize(complaint.complaintCategory)}</span>}
                <span className="muted">{calendar.formatDateTime(complaint.createdAt)}</span>
              </div>
              <p className="alert__text">{complaint.text}</p>
            </li>
          ))}
        </ul>
      )}
      {kpis && kpis.flaggedComplaints > alerts.complaints.length && (
        <p className="muted">{kpis.flaggedComplaints - alerts.complaints.length} more flagged complaints this day.</p>
      )}
      {alerts.delayed.length > 0 && (
        <ul className="alert-list" data-testid="delay-alerts">
          {alerts.delayed.map((delay) => (
            <li key={delay.reference} className="alert alert--delay" data-testid="delay-alert">
              <div className="alert__head">
                <strong>Delayed delivery</strong>
                <Link to={`/bookings/${delay.reference}`} className="mono">
                  {delay.reference}
                </Link>
                <StatusBadge status={delay.status} />
                <span>{formatLateness(delay.minutesLate)}</span>
                <span className="muted">ETA {calendar.formatDateTime(delay.eta)}</span>
                {delay.courierId && <span className="muted">{delay.courierId}</span>}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function DashboardPage() {
  const calendar = useCompanyCalendar();
  const [day, setDay] = useState(() => calendar.today());
  const dashboard = useDashboard(day);
  const { data } = dashboard;

  return (
    <section className="page dashboard" data-testid="dashboard" data-refreshes={dashboard.liveRefreshes}>
      <header className="page__header">
        <div>
          <h1 className="page__title">Dashboard</h1>
          <p className="page__subtitle">How the day is going, kept current by the change feed.</p>
        </div>
        <div className="dashboard__tools">
          <label className="control">
            <span className="control__label">Day</span>
            <input
              type="date"
              value={day}
              required
              onChange={(event) => event.target.value && setDay(event.target.value)}
              data-testid="dashboard-day"
            />
          </label>
          <LiveIndicator failed={dashboard.liveFailed} />
        </div>
      </header>
      {dashboard.phase === 'loading' && !data && <Loading label="Loading the dashboard…" />}
      {dashboard.phase === 'error' && <ProblemNotice error={dashboard.error} onRetry={dashboard.reload} />}
      {data && (
        <>
          <Health health={data.health} />
          {data.kpis ? (
            <>
              <KpiGrid kpis={data.kpis} />
              <div className="status-counts" data-testid="status-counts">
                {data.kpis.statusCounts.map(({ status, count }) => (
                  <span key={status} className="status-counts__item" data-status={status} data-count={count}>
                    <StatusBadge status={status} /> <strong>{count}</strong>
                  </span>
                ))}
              </div>
            </>
          ) : (
            <div className="notice notice--error" role="alert">
              <div className="notice__text">
                <strong>The figures cannot be read right now.</strong>{' '}
                <span>The database did not answer; the dashboard retries on the next change, or try again.</span>
              </div>
              <button type="button" className="button button--secondary" onClick={dashboard.reload}>
                Try again
              </button>
            </div>
          )}
          <ServiceAlerts day={day} />
          <Alerts alerts={data.alerts} kpis={data.kpis} />
        </>
      )}
    </section>
  );
}
