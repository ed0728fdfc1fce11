// The courier workspace: one phone-sized page with today's deliveries.
import { MobileLayout } from '../../components/layouts/mobile-layout';
import { MyDeliveriesPage } from '../../features/bookings/components/my-deliveries-page';

export type CourierAppProps = { userName: string; courierId: string; onSignOut: () => void };

export function CourierApp({ userName, courierId, onSignOut }: CourierAppProps) {
  return (
    <MobileLayout userName={userName} onSignOut={onSignOut}>
      <MyDeliveriesPage courierId={courierId} />
    </MobileLayout>
  );
}
