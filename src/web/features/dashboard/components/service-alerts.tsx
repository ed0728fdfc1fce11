// Service-quality alerts (Req 10.5) on the dashboard: the day's late deliveries and complaint-rate alerts,
// and each new one as it is raised (onAlertRaised, published by the change feed), without a reload.
import { useEffect, useState } from 'react';
import { runOperation, subscribeTo } from '../../../lib/graphql-client';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import { OnAlertRaisedDocument, ServiceAlertsDocument, type ServiceAlertsQuery } from '../../../../generated/graphql';

type Alert = ServiceAlertsQuery['serviceAlerts'][number];

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
          <li key={a.key} className="alert-list__item" data-testid="service-alert" data-kind={a.kind}>
            <strong>{a.kind === 'LATE_DELIVERY' ? 'Late delivery' : 'Complaint rate'}</strong> {a.message}{' '}
            <span className="muted">raised {calendar.formatTime(a.raisedAt)}</span>
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
