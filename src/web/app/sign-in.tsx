// The sign-in page: Amplify's Authenticator (admins create the users, so no sign-up). Loaded only when no one is
// signed in, so a signed-in courier's phone never downloads Amplify UI.
import { Authenticator } from '@aws-amplify/ui-react';
import '@aws-amplify/ui-react/styles.css';
import './sign-in.css';
import { Brand } from '../components/brand';
import { Loading } from '../components/feedback-states';

function SignInHeader() {
  return (
    <div className="sign-in-header">
      <Brand />
      <p>Sign in with the email address and password your administrator gave you.</p>
    </div>
  );
}

/** Once signed in, Amplify's Hub tells the app root, which opens the workspace in this page's place. */
export function SignIn() {
  return (
    <Authenticator hideSignUp loginMechanisms={['email']} components={{ Header: SignInHeader }}>
      {() => (
        <div className="centered">
          <Loading label="Opening your workspace…" />
        </div>
      )}
    </Authenticator>
  );
}
