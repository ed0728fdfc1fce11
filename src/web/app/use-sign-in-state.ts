// Whether someone is signed in, from the tokens on the device and Amplify's auth events: the app root decides
// between the sign-in page and the workspace without loading the Authenticator for a signed-in user.
import { getCurrentUser } from 'aws-amplify/auth';
import { Hub } from 'aws-amplify/utils';
import { useEffect, useState } from 'react';

export type SignInState = 'checking' | 'signed-in' | 'signed-out';

export function useSignInState(): SignInState {
  const [state, setState] = useState<SignInState>('checking');
  useEffect(() => {
    let active = true;
    const stop = Hub.listen('auth', ({ payload }) => {
      if (payload.event === 'signedIn') setState('signed-in');
      if (payload.event === 'signedOut') setState('signed-out');
    });
    getCurrentUser().then(
      () => active && setState((s) => (s === 'checking' ? 'signed-in' : s)),
      () => active && setState((s) => (s === 'checking' ? 'signed-out' : s)),
    );
    return () => {
      active = false;
      stop();
    };
  }, []);
  return state;
}
