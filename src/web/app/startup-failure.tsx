// What the user sees when the app cannot even start: the configuration could not be loaded.
export function StartupFailure({ error }: { error: unknown }) {
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <div className="centered">
      <div className="notice notice--error" role="alert" data-testid="startup-failure">
        <div className="notice__text">
          <strong>The app could not start.</strong>{' '}
          <span>Reload the page; if that does not help, tell your administrator.</span>
          <div className="cell-sub">{detail}</div>
        </div>
        <button type="button" className="button button--secondary" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    </div>
  );
}
