// The courier workspace, phone first: the day, one delivery at a time, and a tab bar at the thumb.
// Each tab is a route; pages other than the day load only when opened. Every status update goes through
// the phone's outbox, so the app works the same with or without a network (issue 10).
import { lazy, Suspense, useEffect } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { Loading } from '../../components/feedback-states';
import { MobileLayout, type MobileTab } from '../../components/layouts/mobile-layout';
import { BookingsIcon, DashboardIcon, MapIcon } from '../../components/icons';
import { DayPage } from '../../features/courier-day/components/day-page';
import { DeliveryPage } from '../../features/courier-day/components/delivery-page';
import { OutboxBanner } from '../../features/courier-day/components/outbox-banner';
import { CourierDayProvider } from '../../features/courier-day/hooks/day-context';
import { OutboxProvider } from '../../features/courier-day/hooks/use-outbox';
import { forgetSavedWorkspace } from '../../lib/session';
import { forgetDaySnapshot } from '../day-snapshot';

const CourierPerformancePage = lazy(() =>
  import('../../features/courier-performance/components/performance-page').then((m) => ({
    default: m.CourierPerformancePage,
  })),
);

const RoutePage = lazy(() =>
  import('../../features/courier-route/components/route-page').then((m) => ({ default: m.RoutePage })),
);

const TABS: MobileTab[] = [
  { label: 'Today', icon: <BookingsIcon />, to: '/today' },
  { label: 'Route', icon: <MapIcon />, to: '/route' },
  { label: 'Performance', icon: <DashboardIcon />, to: '/performance' },
];

export type CourierAppProps = { userName: string; courierId: string; onSignOut: () => void };

export function CourierApp({ userName, courierId, onSignOut }: CourierAppProps) {
  useEffect(() => {
    void import('../register-service-worker').then((m) => m.registerServiceWorker());
  }, []);
  return (
    <BrowserRouter>
      <OutboxProvider courierId={courierId}>
        <CourierDayProvider courierId={courierId}>
          <MobileLayout
            userName={userName}
            onSignOut={() => {
              forgetSavedWorkspace();
              forgetDaySnapshot();
              onSignOut();
            }}
            tabs={TABS}
          >
            <OutboxBanner />
            <Suspense fallback={<Loading />}>
              <Routes>
                <Route path="/today" element={<DayPage />} />
                <Route path="/today/:reference" element={<DeliveryPage />} />
                <Route path="/route" element={<RoutePage courierId={courierId} />} />
                <Route path="/performance" element={<CourierPerformancePage courierId={courierId} />} />
                <Route path="*" element={<Navigate to="/today" replace />} />
              </Routes>
            </Suspense>
          </MobileLayout>
        </CourierDayProvider>
      </OutboxProvider>
    </BrowserRouter>
  );
}
