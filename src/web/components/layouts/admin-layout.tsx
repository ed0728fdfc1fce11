// The admin workspace frame: sidebar navigation, header with the signed-in user, content area.
import { useEffect, useState, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router-dom';
import { Brand } from '../brand';
import { MenuIcon } from '../icons';
import { UserMenu } from '../user-menu';

/** A sidebar entry; entries without `to` are announced but not built yet, and cannot be opened. */
export type NavItem = { label: string; icon: ReactNode; to?: string };

export type AdminLayoutProps = {
  nav: NavItem[];
  userName: string;
  onSignOut: () => void;
  children: ReactNode;
};

export function AdminLayout({ nav, userName, onSignOut, children }: AdminLayoutProps) {
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  useEffect(() => setMenuOpen(false), [location.pathname]);

  return (
    <div className={menuOpen ? 'admin admin--menu-open' : 'admin'}>
      <aside className="sidebar" aria-label="Main navigation">
        <div className="sidebar__brand">
          <Brand subtitle="Operations" />
        </div>
        <nav className="sidebar__nav">
          {nav.map((item) =>
            item.to ? (
              <NavLink
                key={item.label}
                to={item.to}
                className={({ isActive }) => (isActive ? 'nav-item nav-item--active' : 'nav-item')}
              >
                {item.icon}
                <span>{item.label}</span>
              </NavLink>
            ) : (
              <span key={item.label} className="nav-item nav-item--disabled" aria-disabled="true">
                {item.icon}
                <span>{item.label}</span>
                <span className="nav-item__soon">Coming soon</span>
              </span>
            ),
          )}
        </nav>
      </aside>
      <div className="sidebar-scrim" onClick={() => setMenuOpen(false)} aria-hidden="true" />
      <div className="admin__main">
        <header className="topbar">
          <button
            type="button"
            className="icon-button topbar__menu"
            aria-label="Open navigation"
            aria-expanded={menuOpen}
            onClick={() => setMenuOpen((open) => !open)}
          >
            <MenuIcon />
          </button>
          <span className="topbar__spacer" />
          <UserMenu name={userName} role="Administrator" onSignOut={onSignOut} />
        </header>
        <main className="admin__content">{children}</main>
      </div>
    </div>
  );
}
