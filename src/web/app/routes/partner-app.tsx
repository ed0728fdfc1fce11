// The partner workspace: their bookings and how each is progressing.
import { SimpleLayout } from '../../components/layouts/simple-layout';
import { PartnerBookingsPage } from '../../features/bookings/components/partner-bookings-page';

export type PartnerAppProps = { userName: string; partnerId: string; onSignOut: () => void };

export function PartnerApp({ userName, partnerId, onSignOut }: PartnerAppProps) {
  return (
    <SimpleLayout subtitle="Partner portal" userName={userName} role="Partner" onSignOut={onSignOut}>
      <PartnerBookingsPage partnerId={partnerId} />
    </SimpleLayout>
  );
}
