// The admin workspace: its navigation and pages. Entries without a page yet are shown disabled.
import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import {
  BookingsIcon,
  CouriersIcon,
  DashboardIcon,
  MapIcon,
  MessagesIcon,
  PartnersIcon,
  ReportsIcon,
  SettingsIcon,
  VoicebotIcon,
} from '../../components/icons';
import { Loading } from '../../components/feedback-states';
import { AdminLayout, type NavItem } from '../../components/layouts/admin-layout';
import { AdminBookingsPage } from '../../features/bookings/components/admin-bookings-page';
import { CouriersPage } from '../../features/couriers/components/couriers-page';

// The map and the booking detail carry Leaflet: loaded only when opened.
const MapPage = lazy(() => import('../../features/map/components/map-page').then((m) => ({ default: m.MapPage })));
const DashboardPage = lazy(() =>
  import('../../features/dashboard/components/dashboard-page').then((m) => ({ default: m.DashboardPage })),
);
const ReportsPage = lazy(() =>
  import('../../features/reports/components/reports-page').then((m) => ({ default: m.ReportsPage })),
);
// The analytics pages carry the chart library (recharts): loaded only when opened.
const AnalyticsPage = lazy(() =>
  import('../../features/analytics/components/analytics-page').then((m) => ({ default: m.AnalyticsPage })),
);
const PartnersPage = lazy(() =>
  import('../../features/partners/components/partners-page').then((m) => ({ default: m.PartnersPage })),
);
const PartnerDetailPage = lazy(() =>
  import('../../features/partners/components/partner-detail-page').then((m) => ({ default: m.PartnerDetailPage })),
);
const VoicebotRoutes = lazy(() =>
  import('../../features/voicebot/components/voicebot-routes').then((m) => ({ default: m.VoicebotRoutes })),
);
const SettingsPage = lazy(() =>
  import('../../features/settings/components/settings-page').then((m) => ({ default: m.SettingsPage })),
);
const MessagesPage = lazy(() =>
  import('../../features/messages/components/messages-page').then((m) => ({ default: m.MessagesPage })),
);
const BookingDetailPage = lazy(() =>
  import('../../features/booking-detail/components/booking-detail-page').then((m) => ({
    default: m.BookingDetailPage,
  })),
);

const NAV: NavItem[] = [
  { label: 'Bookings', icon: <BookingsIcon />, to: '/bookings' },
  { label: 'Map', icon: <MapIcon />, to: '/map' },
  { label: 'Dashboard', icon: <DashboardIcon />, to: '/dashboard' },
  { label: 'Reports', icon: <ReportsIcon />, to: '/reports' },
  { label: 'Analytics', icon: <DashboardIcon />, to: '/analytics' },
  { label: 'Couriers', icon: <CouriersIcon />, to: '/couriers' },
  { label: 'Messages', icon: <MessagesIcon />, to: '/messages' },
  { label: 'Voicebot', icon: <VoicebotIcon />, to: '/voicebot' },
  { label: 'Partners', icon: <PartnersIcon />, to: '/partners' },
  { label: 'Settings', icon: <SettingsIcon />, to: '/settings' },
];

export type AdminAppProps = { userName: string; onSignOut: () => void };

export function AdminApp({ userName, onSignOut }: AdminAppProps) {
  return (
    <BrowserRouter>
      <AdminLayout nav={NAV} userName={userName} onSignOut={onSignOut}>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/bookings" element={<AdminBookingsPage />} />
            <Route path="/bookings/:reference" element={<BookingDetailPage />} />
            <Route path="/map" element={<MapPage />} />
            <Route path="/dashboard" element={<DashboardPage />} />
            <Route path="/reports" element={<ReportsPage />} />
            <Route path="/analytics" element={<AnalyticsPage />} />
            <Route path="/analytics/:view" element={<AnalyticsPage />} />
            <Route path="/couriers" element={<CouriersPage />} />
            <Route path="/messages" element={<MessagesPage />} />
            <Route path="/partners" element={<PartnersPage />} />
            <Route path="/partners/:id" element={<PartnerDetailPage />} />
            <Route path="/voicebot/*" element={<VoicebotRoutes />} />
            <Route path="/settings" element={<SettingsPage />} />
            <Route path="*" element={<Navigate to="/bookings" replace />} />
          </Routes>
        </Suspense>
      </AdminLayout>
    </BrowserRouter>
  );
}
