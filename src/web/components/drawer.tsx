// A side panel over the page (dialog semantics): Escape or the backdrop closes it.
import { useEffect, useRef, type ReactNode } from 'react';

export type DrawerProps = { title: ReactNode; onClose: () => void; children: ReactNode; testId?: string };

export function Drawer({ title, onClose, children, testId }: DrawerProps) {
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      previous?.focus();
    };
  }, [onClose]);

  return (
    <div className="drawer-layer">
      <div className="drawer-backdrop" onClick={onClose} aria-hidden="true" />
      <aside className="drawer" role="dialog" aria-modal="true" aria-labelledby="drawer-title" data-testid={testId}>
        <header className="drawer__header">
          <h2 id="drawer-title" className="drawer__title">
            {title}
          </h2>
          <button ref={closeButton} type="button" className="icon-button" onClick={onClose} aria-label="Close">
            ×
          </button>
        </header>
        <div className="drawer__body">{children}</div>
      </aside>
    </div>
  );
}
