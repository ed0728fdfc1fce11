// The admin workspace: its navigation and pages. Entries without a page yet are shown disabled.
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import {
  BookingsIcon,
  CouriersIcon,
  DashboardIcon,
  MapIcon,
  PartnersIcon,
  ReportsIcon,
  VoicebotIcon,
} from '../../components/icons';
import { AdminLayout, type NavItem } from '../../components/layouts/admin-layout';
import { AdminBookingsPage } from '../../features/bookings/components/admin-bookings-page';
import { CouriersPage } from '../../features/couriers/components/couriers-page';

const NAV: NavItem[] = [
  { label: 'Bookings', icon: <BookingsIcon />, to: '/bookings' },
  { label: 'Map', icon: <MapIcon /> },
  { label: 'Dashboard', icon: <DashboardIcon /> },
  { label: 'Reports', icon: <ReportsIcon /> },
  { label: 'Couriers', icon: <CouriersIcon />, to: '/couriers' },
  { label: 'Voicebot', icon: <VoicebotIcon /> },
  { label: 'Partners', icon: <PartnersIcon /> },
];

export type AdminAppProps = { userName: string; onSignOut: () => void };

export function AdminApp({ userName, onSignOut }: AdminAppProps) {
  return (
    <BrowserRouter>
      <AdminLayout nav={NAV} userName={userName} onSignOut={onSignOut}>
        <Routes>
          <Route path="/bookings" element={<AdminBookingsPage />} />
          <Route path="/couriers" element={<CouriersPage />} />
          <Route path="*" element={<Navigate to="/bookings" replace />} />
        </Routes>
      </AdminLayout>
    </BrowserRouter>
  );
}
