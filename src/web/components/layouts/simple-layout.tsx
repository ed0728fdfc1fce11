// A single-page frame (partners): header with brand and user, content below.
import type { ReactNode } from 'react';
import { Brand } from '../brand';
import { UserMenu } from '../user-menu';

export type SimpleLayoutProps = {
  subtitle: string;
  userName: string;
  role: string;
  onSignOut: () => void;
  children: ReactNode;
};

export function SimpleLayout({ subtitle, userName, role, onSignOut, children }: SimpleLayoutProps) {
  return (
    <div className="simple">
      <header className="topbar topbar--full">
        <Brand subtitle={subtitle} />
        <span className="topbar__spacer" />
        <UserMenu name={userName} role={role} onSignOut={onSignOut} />
      </header>
      <main className="simple__content">{children}</main>
    </div>
  );
}
