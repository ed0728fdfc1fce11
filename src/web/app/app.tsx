// The app root: public tracking for anyone; otherwise sign-in, then the workspace for the user's role.
// Each of those is its own download: a signed-in courier's phone fetches neither the sign-in page nor the admin's.
import { signOut } from 'aws-amplify/auth';
import { lazy, Suspense, useLayoutEffect, type ReactNode } from 'react';
import { matchPath } from 'react-router-dom';
import { Loading } from '../components/feedback-states';
import { ProblemNotice } from '../components/problem-notice';
import { displayNameOf } from '../lib/session';
import { dismissSavedDay } from './day-snapshot';
import { useSignInState } from './use-sign-in-state';
import { useWorkspace } from './use-workspace';

const AdminApp = lazy(() => import('./routes/admin-app').then((m) => ({ default: m.AdminApp })));
const CourierApp = lazy(() => import('./routes/courier-app').then((m) => ({ default: m.CourierApp })));
const TrackingPage = lazy(() =>
  import('../features/tracking/components/tracking-page').then((m) => ({ default: m.TrackingPage })),
);
const PartnerApp = lazy(() => import('./routes/partner-app').then((m) => ({ default: m.PartnerApp })));
const SignIn = lazy(() => import('./sign-in').then((m) => ({ default: m.SignIn })));

function Centered({ children }: { children: ReactNode }) {
  return <div className="centered">{children}</div>;
}

function SignedIn({ onSignOut }: { onSignOut: () => void }) {
  const state = useWorkspace();
  // A courier's saved day (shown while the app started) stays until the day page replaces it; any other outcome
  // replaces it at once.
  const notTheDay = state.phase === 'error' || (state.phase === 'ready' && state.workspace.kind !== 'courier');
  useLayoutEffect(() => {
    if (notTheDay) dismissSavedDay();
  }, [notTheDay]);
  if (state.phase === 'loading') {
    return (
      <Centered>
        <Loading label="Opening your workspace…" />
      </Centered>
    );
  }
  if (state.phase === 'error') {
    return (
      <Centered>
        <ProblemNotice error={state.error} onRetry={state.retry} />
        <button type="button" className="button button--ghost" onClick={onSignOut} data-testid="sign-out">
          Sign out
        </button>
      </Centered>
    );
  }

  const { workspace } = state;
  const fallback = (
    <Centered>
      <Loading />
    </Centered>
  );
  switch (workspace.kind) {
    case 'admin':
      return (
        <Suspense fallback={fallback}>
          <AdminApp userName={displayNameOf(workspace.me)} onSignOut={onSignOut} />
        </Suspense>
      );
    case 'courier':
      return (
        <Suspense fallback={fallback}>
          <CourierApp userName={displayNameOf(workspace.me)} courierId={workspace.courierId} onSignOut={onSignOut} />
        </Suspense>
      );
    case 'partner':
      return (
        <Suspense fallback={fallback}>
          <PartnerApp userName={displayNameOf(workspace.me)} partnerId={workspace.partnerId} onSignOut={onSignOut} />
        </Suspense>
      );
    case 'no-access':
      return (
        <Centered>
          <div className="notice notice--error" role="alert" data-testid="no-access">
            <div className="notice__text">
              <strong>{workspace.reason}</strong>{' '}
              <span>Ask an administrator to set up your account, then sign in again.</span>
            </div>
          </div>
          <button type="button" className="button button--secondary" onClick={onSignOut} data-testid="sign-out">
            Sign out
          </button>
        </Centered>
      );
  }
}

/** Public tracking (/track/<reference>) is for anyone holding a reference: it renders without signing in. */
export function App() {
  const tracking = matchPath('/track/:reference', window.location.pathname);
  if (tracking?.params.reference) {
    return (
      <Suspense
        fallback={
          <Centered>
            <Loading />
          </Centered>
        }
      >
        <TrackingPage reference={tracking.params.reference} />
      </Suspense>
    );
  }
  return <SignedInOrSignIn />;
}

function SignedInOrSignIn() {
  const state = useSignInState();
  useLayoutEffect(() => {
    if (state === 'signed-out') dismissSavedDay();
  }, [state]);
  const waiting = (
    <Centered>
      <Loading />
    </Centered>
  );
  switch (state) {
    case 'checking':
      return waiting;
    case 'signed-in':
      return <SignedIn onSignOut={() => void signOut()} />;
    case 'signed-out':
      return (
        <Suspense fallback={waiting}>
          <SignIn />
        </Suspense>
      );
  }
}
