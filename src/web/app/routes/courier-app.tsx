// The courier workspace, phone first: the day, one delivery at a time, and a tab bar at the thumb.
// Each tab is a route; pages other than the day load only when opened.
import { Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { Loading } from '../../components/feedback-states';
import { MobileLayout, type MobileTab } from '../../components/layouts/mobile-layout';
import { BookingsIcon } from '../../components/icons';
import { MyDeliveriesPage } from '../../features/bookings/components/my-deliveries-page';

const TABS: MobileTab[] = [{ label: 'Today', icon: <BookingsIcon />, to: '/today' }];

export type CourierAppProps = { userName: string; courierId: string; onSignOut: () => void };

export function CourierApp({ userName, courierId, onSignOut }: CourierAppProps) {
  return (
    <BrowserRouter>
      <MobileLayout userName={userName} onSignOut={onSignOut} tabs={TABS}>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/today" element={<MyDeliveriesPage courierId={courierId} />} />
            <Route path="*" element={<Navigate to="/today" replace />} />
          </Routes>
        </Suspense>
      </MobileLayout>
    </BrowserRouter>
  );
}
