// Service-quality alerts (Req 10.5) on the dashboard: the day's late deliveries and complaint-rate alerts, and
// data-integrity alerts (Req 6.8) with the item and how to recover it, each new one as it is raised (onAlertRaised,
// published by the change feed), without a reload.
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { runOperation, subscribeTo } from '../../../lib/graphql-client';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import { OnAlertRaisedDocument, ServiceAlertsDocument, type ServiceAlertsQuery } from '../../../../generated/graphql';

type Alert = ServiceAlertsQuery['serviceAlerts'][number];

const KIND_LABELS: Record<Alert['kind'], string> = {
  LATE_DELIVERY: 'Late delivery',
  COMPLAINT_RATE: 'Complaint rate',
  DATA_INTEGRITY: 'Data integrity',
};

/** Newest alerts shown; the rest are counted. */
const SHOWN = 8;

export function ServiceAlerts({ day }: { day: string }) {
  const calendar = useCompanyCalendar();
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [live, setLive] = useState(0);
  useEffect(() => {
    let current = true;
    setAlerts([]);
    runOperation(ServiceAlertsDocument, { day }).then(
      (r) => current && setAlerts((seen) => merge(seen, r.serviceAlerts)),
      () => undefined,
    );
    const stop = subscribeTo(
      OnAlertRaisedDocument,
      {},
      {
        next: (r) => {
          const alert = r.onAlertRaised;
          if (!current || !alert || alert.day !== day) return;
          setAlerts((seen) => merge(seen, [alert]));
          setLive((n) => n + 1);
        },
        error: () => undefined,
      },
    );
    return () => {
      current = false;
      stop();
    };
  }, [day]);
  if (alerts.length === 0) return null;
  return (
    <section className="alerts" data-testid="service-alerts" data-live={live}>
      <h2 className="section-title">Service alerts</h2>
      <ul className="alert-list">
        {alerts.slice(0, SHOWN).map((a) => (
          <li
            key={a.key}
            className={`alert-list__item${a.kind === 'DATA_INTEGRITY' ? ' alert-list__item--integrity' : ''}`}
            data-testid="service-alert"
            data-kind={a.kind}
          >
            <strong>{KIND_LABELS[a.kind]}</strong> {a.message}{' '}
            <span className="muted">raised {calendar.formatTime(a.raisedAt)}</span>
            {a.kind === 'DATA_INTEGRITY' && a.reference && (
              <>
                {' '}
                <Link to={`/bookings/${a.reference}`} className="mono" data-testid="service-alert-item">
                  Open {a.reference}
                </Link>
              </>
            )}
            {a.recovery && (
              <p className="alert-list__recovery" data-testid="service-alert-recovery">
                <strong>To recover:</strong> {a.recovery}
              </p>
            )}
          </li>
        ))}
      </ul>
      {alerts.length > SHOWN && (
        <p className="muted" data-testid="service-alerts-more">
          and {alerts.length - SHOWN} earlier alerts this day.
        </p>
      )}
    </section>
  );
}

function merge(seen: Alert[], more: Alert[]): Alert[] {
  const byKey = new Map(seen.map((a) => [a.key, a]));
  for (const a of more) byKey.set(a.key, a);
  return [...byKey.values()].sort((a, b) => b.raisedAt.localeCompare(a.raisedAt));
}
