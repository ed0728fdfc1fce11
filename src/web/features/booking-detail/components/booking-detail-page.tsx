// One booking in full for the admin: route map with the courier live, details, proof of delivery, timeline
// and the customer's feedback.
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { EmptyState, Loading } from '../../../components/feedback-states';
import { LiveIndicator } from '../../../components/live-indicator';
import { ProblemNotice } from '../../../components/problem-notice';
import { StatusBadge } from '../../../components/status-badge';
import { StatusTimeline } from '../../../components/status-timeline';
import { addressLine, describePackage, humanize } from '../../../lib/booking-text';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import { useBookingDetail } from '../hooks/use-booking-detail';
import { useBookingFeedback } from '../hooks/use-booking-feedback';
import { useProofImages } from '../hooks/use-proof-images';
import { BookingFeedback } from './booking-feedback';
import { ProofOfDelivery } from './proof-of-delivery';
import { RouteMap } from './route-map';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function BookingDetailPage() {
  const calendar = useCompanyCalendar();
  const { reference = '' } = useParams();
  const detail = useBookingDetail(reference);
  const { booking } = detail;
  const feedback = useBookingFeedback(reference, booking?.version);
  const proofImages = useProofImages(reference, booking?.version);

  return (
    <section className="page booking-detail" data-testid="booking-detail">
      <Link to="/bookings" className="back-link">
        ← Bookings
      </Link>
      <header className="page__header">
        <div className="drawer-heading">
          <h1 className="page__title mono">{reference}</h1>
          {booking && <StatusBadge status={booking.status} testId="booking-detail-status" />}
        </div>
        <LiveIndicator failed={detail.liveFailed} />
      </header>
      {detail.phase === 'loading' && <Loading label="Loading the booking…" />}
      {detail.phase === 'error' && <ProblemNotice error={detail.error} onRetry={detail.retry} />}
      {detail.phase === 'missing' && (
        <EmptyState title="There is no booking with this reference.">Check the reference and try again.</EmptyState>
      )}
      {booking && (
        <div className="booking-detail__grid">
          <div className="booking-detail__main">
            <RouteMap booking={booking} courierPosition={detail.courierPosition} />
            <div className="panel">
              <h2 className="section-title">Status timeline</h2>
              <StatusTimeline history={booking.history} />
            </div>
          </div>
          <div className="booking-detail__side">
            <div className="panel">
              <dl className="fields">
                <Field label="Customer">
                  {booking.customerName}
                  <div className="cell-sub">{booking.customerPhone}</div>
                </Field>
                <Field label="Pickup">{addressLine(booking.pickup)}</Field>
                <Field label="Delivery">{addressLine(booking.delivery)}</Field>
                <Field label="Package">{describePackage(booking.package)}</Field>
                <Field label="Pickup window">
                  {calendar.formatDatedWindow(booking.pickupWindow.start, booking.pickupWindow.end)}
                </Field>
                {booking.eta && <Field label="Estimated delivery">{calendar.formatDateTime(booking.eta)}</Field>}
                <Field label="Courier">
                  {booking.courierName ?? booking.courierId ?? 'Unassigned'}
                  {detail.courierPosition && (
                    <div className="cell-sub" data-testid="courier-last-seen">
                      Last seen {calendar.formatDateTime(detail.courierPosition.at)}
                    </div>
                  )}
                </Field>
                <Field label="Partner">{booking.partnerName ?? booking.partnerId ?? 'Direct booking'}</Field>
                <Field label="Booked via">{humanize(booking.channel)}</Field>
              </dl>
            </div>
            <div className="panel">
              <h2 className="section-title">Proof of delivery</h2>
              <ProofOfDelivery history={booking.history} images={proofImages} />
            </div>
            <div className="panel">
              <h2 className="section-title">Customer feedback</h2>
              <BookingFeedback feedback={feedback} />
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
