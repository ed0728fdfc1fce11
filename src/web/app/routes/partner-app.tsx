// The partner workspace: their bookings and how each is progressing, and their analytics (Req 10.8).
import { lazy, Suspense } from 'react';
import { Loading } from '../../components/feedback-states';
import { SimpleLayout } from '../../components/layouts/simple-layout';
import { PartnerBookingsPage } from '../../features/bookings/components/partner-bookings-page';

// Carries the chart library: loaded after the bookings, never before.
const PartnerAnalyticsPage = lazy(() =>
  import('../../features/analytics/components/analytics-page').then((m) => ({ default: m.PartnerAnalyticsPage })),
);

export type PartnerAppProps = { userName: string; partnerId: string; onSignOut: () => void };

export function PartnerApp({ userName, partnerId, onSignOut }: PartnerAppProps) {
  return (
    <SimpleLayout subtitle="Partner portal" userName={userName} role="Partner" onSignOut={onSignOut}>
      <PartnerBookingsPage partnerId={partnerId} />
      <Suspense fallback={<Loading />}>
        <PartnerAnalyticsPage partnerId={partnerId} />
      </Suspense>
    </SimpleLayout>
  );
}
