// The admin's Messages page: what went out, in two lists — the texts sent to customers (Req 11.8) and the notices
// sent to the admins themselves (service alerts, the weekly executive summary: Req 10.5, 10.6). `?show=admins`
// picks the second, so a notice's list can be linked to.
import { Link, useSearchParams } from 'react-router-dom';
import { AdminNotices } from './admin-notices';
import { CustomerMessages } from './customer-messages';
import './messages.css';

const TABS = [
  {
    id: 'customers',
    label: 'Customer texts',
    subtitle: 'Text messages sent to customers about their bookings, newest first.',
  },
  {
    id: 'admins',
    label: 'Admin notices',
    subtitle: 'Service alerts and executive summaries sent to the administrators, newest first.',
  },
] as const;

export function MessagesPage() {
  const [params] = useSearchParams();
  const shown = params.get('show') === 'admins' ? TABS[1] : TABS[0];
  return (
    <section className="page">
      <header className="page__header">
        <div>
          <h1 className="page__title">Messages</h1>
          <p className="page__subtitle">{shown.subtitle}</p>
        </div>
      </header>
      <nav className="msg-tabs" aria-label="Messages">
        {TABS.map((tab) => (
          <Link
            key={tab.id}
            to={tab.id === 'admins' ? '/messages?show=admins' : '/messages'}
            className={tab.id === shown.id ? 'msg-tab msg-tab--active' : 'msg-tab'}
            aria-current={tab.id === shown.id ? 'page' : undefined}
            data-testid={`messages-tab-${tab.id}`}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
      {shown.id === 'admins' ? <AdminNotices /> : <CustomerMessages />}
    </section>
  );
}
