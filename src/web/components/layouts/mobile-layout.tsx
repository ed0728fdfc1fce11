// The courier's phone-first frame: a compact top bar, one scrolling column, and the tabs at the bottom
// where a thumb reaches them.
import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { Brand } from '../brand';

export type MobileTab = { label: string; icon: ReactNode; to: string };

export type MobileLayoutProps = { userName: string; onSignOut: () => void; tabs?: MobileTab[]; children: ReactNode };

export function MobileLayout({ userName, onSignOut, tabs = [], children }: MobileLayoutProps) {
  return (
    <div className={tabs.length > 1 ? 'mobile mobile--tabbed' : 'mobile'}>
      <header className="mobile__bar">
        <Brand subtitle={userName} />
        <button type="button" className="button button--ghost" onClick={onSignOut} data-testid="sign-out">
          Sign out
        </button>
      </header>
      <main className="mobile__content">{children}</main>
      {tabs.length > 1 && (
        <nav className="mobile__tabs" aria-label="Courier">
          {tabs.map((tab) => (
            <NavLink
              key={tab.to}
              to={tab.to}
              className={({ isActive }) => (isActive ? 'mobile__tab mobile__tab--active' : 'mobile__tab')}
              data-testid={`tab-${tab.label.toLowerCase().replace(/\s+/g, '-')}`}
            >
              {tab.icon}
              <span>{tab.label}</span>
            </NavLink>
          ))}
        </nav>
      )}
    </div>
  );
}
