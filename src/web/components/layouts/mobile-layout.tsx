// The courier's phone-first frame: a compact top bar and one scrolling column.
import type { ReactNode } from 'react';
import { Brand } from '../brand';

export type MobileLayoutProps = { userName: string; onSignOut: () => void; children: ReactNode };

export function MobileLayout({ userName, onSignOut, children }: MobileLayoutProps) {
  return (
    <div className="mobile">
      <header className="mobile__bar">
        <Brand subtitle={userName} />
        <button type="button" className="button button--ghost" onClick={onSignOut} data-testid="sign-out">
          Sign out
        </button>
      </header>
      <main className="mobile__content">{children}</main>
    </div>
  );
}
