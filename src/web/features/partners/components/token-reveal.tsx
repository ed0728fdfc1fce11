// The one moment a token's secret is on screen: right after it is issued. Only its hash is stored, so
// this panel says so plainly, offers a Copy button, and is gone for good once dismissed.
import { useEffect, useRef, useState } from 'react';
import type { IssuedToken } from '../api/partners-api';

export type TokenRevealProps = { issued: IssuedToken; onDismiss: () => void };

type CopyState = 'idle' | 'copied' | 'manual';

export function TokenReveal({ issued, onDismiss }: TokenRevealProps) {
  const [copy, setCopy] = useState<CopyState>('idle');
  const field = useRef<HTMLInputElement>(null);
  const panel = useRef<HTMLElement>(null);

  useEffect(() => {
    panel.current?.scrollIntoView({ block: 'nearest' });
    field.current?.focus();
    field.current?.select();
  }, []);

  const copyToken = () => {
    const manual = () => {
      field.current?.focus();
      field.current?.select();
      setCopy('manual');
    };
    if (!navigator.clipboard) {
      manual();
      return;
    }
    navigator.clipboard.writeText(issued.token).then(() => setCopy('copied'), manual);
  };

  return (
    <section
      ref={panel}
      className="token-reveal"
      aria-labelledby="token-reveal-title"
      data-testid="token-reveal"
      data-token-id={issued.tokenInfo.tokenId}
    >
      <h2 id="token-reveal-title" className="token-reveal__title">
        Token “{issued.tokenInfo.name}” issued
      </h2>
      <p className="token-reveal__warning" role="alert">
        <strong>Copy it now: it will not be shown again.</strong> Only a hash of it is kept, so nobody can look it up
        later. If it is lost, revoke it and issue a new one.
      </p>
      <div className="token-reveal__row">
        <label className="visually-hidden" htmlFor="token-reveal-value">
          API token
        </label>
        <input
          ref={field}
          id="token-reveal-value"
          className="token-reveal__value mono"
          readOnly
          value={issued.token}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="token-value"
        />
        <button type="button" className="button button--primary" onClick={copyToken} data-testid="token-copy">
          {copy === 'copied' ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className="token-reveal__hint" aria-live="polite">
        {copy === 'copied'
          ? 'The token is on your clipboard. Hand it to the partner over a secure channel.'
          : copy === 'manual'
            ? 'Copying was not allowed here: the token is selected, press Ctrl+C (⌘C on a Mac).'
            : 'The partner sends it as the Authorization header to the MCP server or the GraphQL API.'}
      </p>
      <div className="token-reveal__actions">
        <button type="button" className="button button--secondary" onClick={onDismiss} data-testid="token-reveal-done">
          I have stored it, hide the token
        </button>
      </div>
    </section>
  );
}
