import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AdminInitiateAuthCommand,
  AdminCreateUserCommand,
  AdminRespondToAuthChallengeCommand,
  CognitoIdentityProviderClient,
  GetTokensFromRefreshTokenCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { Amplify } from 'aws-amplify';
import {
  confirmSignIn,
  confirmSignUp,
  fetchAuthSession,
  fetchUserAttributes,
  getCurrentUser,
  signIn,
  signOut,
  signUp,
} from 'aws-amplify/auth';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from '../gateway';
import { createCognitoService, type CognitoMessage, type CognitoService } from './cognito-service';
import { ensureUser, provisionUserPool, type ProvisionedUserPool } from './provision-user-pool';
import { createSrpClient, formatSrpTimestamp, srpPoolName } from './srp';

const PASSWORD = 'Courier-Pa55!';
const ADMIN = { email: 'ada@example.com', password: PASSWORD, groups: ['admin'], name: 'Ada' };
const COURIER = { email: 'carl@example.com', password: PASSWORD, groups: ['courier'] };

let dataDir: string;
let cognito: CognitoService;
let gateway: Gateway;
let sdk: CognitoIdentityProviderClient;
let pool: ProvisionedUserPool;
let admin: { sub: string; username: string };
const messages: CognitoMessage[] = [];

/** The refresh token Amplify holds, read the way Amplify's own token store keeps it. */
async function currentRefreshToken(): Promise<string> {
  const { tokenOrchestrator } = await import('@aws-amplify/auth/cognito').then((m) => m.cognitoUserPoolsTokenProvider);
  const tokens = await tokenOrchestrator.getTokenStore().loadTokens();
  if (!tokens?.refreshToken) throw new Error('Amplify holds no refresh token');
  return tokens.refreshToken;
}

async function refreshWith(refreshToken: string) {
  return sdk.send(
    new GetTokensFromRefreshTokenCommand({ ClientId: pool.userPoolClientId, RefreshToken: refreshToken }),
  );
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cognito-service-'));
  cognito = await createCognitoService({ dataDir, onMessage: (m) => messages.push(m) });
  gateway = await startGateway({ port: 0, services: [cognito] });
  cognito.setPublicUrl(gateway.url);
  sdk = new CognitoIdentityProviderClient({
    endpoint: gateway.url,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  pool = await provisionUserPool(sdk, { poolName: 'courier-test', clientName: 'web', groups: ['admin', 'courier'] });
  admin = await ensureUser(sdk, pool.userPoolId, ADMIN);
  await ensureUser(sdk, pool.userPoolId, COURIER);
  Amplify.configure({
    Auth: {
      Cognito: { userPoolId: pool.userPoolId, userPoolClientId: pool.userPoolClientId, userPoolEndpoint: gateway.url },
    },
  });
}, 60_000);

afterAll(async () => {
  await gateway?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('provisioning', () => {
  it('finds what exists instead of creating it again', async () => {
    // Prepare / Act
    const again = await provisionUserPool(sdk, {
      poolName: 'courier-test',
      clientName: 'web',
      groups: ['admin', 'courier'],
    });
    const adminAgain = await ensureUser(sdk, pool.userPoolId, ADMIN);

    // Assess
    expect(again).toEqual(pool);
    expect(adminAgain).toEqual(admin);
    expect(admin.username).not.toBe(ADMIN.email);
  });
});

describe('Amplify against the gateway', () => {
  it('signs in with the default SRP flow and gets tokens the JWKS verifies', { timeout: 30_000 }, async () => {
    // Prepare
    const jwks = createRemoteJWKSet(new URL(cognito.jwksUrl(pool.userPoolId)));

    // Act
    const started = performance.now();
    const result = await signIn({ username: ADMIN.email, password: ADMIN.password });
    const signInMs = performance.now() - started;
    const session = await fetchAuthSession();

    // Assess
    expect(result.isSignedIn).toBe(true);
    expect(result.nextStep.signInStep).toBe('DONE');
    const accessToken = session.tokens?.accessToken.toString() ?? '';
    const { payload } = await jwtVerify(accessToken, jwks, { issuer: cognito.issuer(pool.userPoolId) });
    expect(payload['cognito:groups']).toEqual(['admin']);
    expect(payload.sub).toBe(admin.sub);
    expect(payload.token_use).toBe('access');
    expect(session.tokens?.idToken?.payload.email).toBe(ADMIN.email);
    expect((await getCurrentUser()).username).toBe(admin.username);
    console.info(`Amplify SRP sign-in took ${signInMs.toFixed(0)} ms`);
  });

  it('refreshes through GetTokensFromRefreshToken', { timeout: 30_000 }, async () => {
    // Prepare
    const before = (await fetchAuthSession()).tokens?.accessToken.toString();

    // Act
    const after = (await fetchAuthSession({ forceRefresh: true })).tokens?.accessToken.toString() ?? '';

    // Assess
    expect(after).not.toBe(before);
    const { payload } = await jwtVerify(after, createRemoteJWKSet(new URL(cognito.jwksUrl(pool.userPoolId))), {
      issuer: cognito.issuer(pool.userPoolId),
    });
    expect(payload['cognito:groups']).toEqual(['admin']);
    expect(payload.origin_jti).toBe(decodeJwt(before ?? '').origin_jti);
  });

  it('signs out and revokes the refresh token', { timeout: 30_000 }, async () => {
    // Prepare
    const refreshToken = await currentRefreshToken();

    // Act
    await signOut();

    // Assess
    expect((await fetchAuthSession()).tokens).toBeUndefined();
    await expect(refreshWith(refreshToken)).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Invalid Refresh Token',
    });
  });

  it('rejects a wrong password like Cognito', { timeout: 30_000 }, async () => {
    // Prepare / Act
    const attempt = signIn({ username: COURIER.email, password: 'Not-the-Pa55!' });

    // Assess
    await expect(attempt).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('does not reveal whether a user exists', { timeout: 30_000 }, async () => {
    // Prepare / Act
    const attempt = signIn({ username: 'nobody@example.com', password: PASSWORD });

    // Assess
    await expect(attempt).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('ends every session on global sign-out', { timeout: 30_000 }, async () => {
    // Prepare
    await signIn({ username: COURIER.email, password: COURIER.password });
    const refreshToken = await currentRefreshToken();

    // Act
    await signOut({ global: true });

    // Assess
    await expect(refreshWith(refreshToken)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });
});

describe('Authenticator flows', () => {
  it('signs up, confirms with the delivered code and signs in', { timeout: 30_000 }, async () => {
    // Prepare
    const email = 'newcomer@example.com';
    const signedUp = await signUp({ username: email, password: PASSWORD, options: { userAttributes: { email } } });
    const code = messages.find((m) => m.destination === email)?.code ?? '';

    // Act
    const confirmed = await confirmSignUp({ username: email, confirmationCode: code });
    const signedIn = await signIn({ username: email, password: PASSWORD });
    const attributes = await fetchUserAttributes();
    await signOut();

    // Assess
    expect(signedUp.nextStep.signUpStep).toBe('CONFIRM_SIGN_UP');
    expect(code).toMatch(/^\d+$/);
    expect(confirmed.isSignUpComplete).toBe(true);
    expect(signedIn.isSignedIn).toBe(true);
    expect(attributes.email).toBe(email);
  });

  it('asks for a new password after an admin-created temporary one', { timeout: 30_000 }, async () => {
    // Prepare
    const email = 'temp@example.com';
    await sdk.send(
      new AdminCreateUserCommand({
        UserPoolId: pool.userPoolId,
        Username: email,
        TemporaryPassword: 'Temp-Pa55!',
        MessageAction: 'SUPPRESS',
      }),
    );
    const first = await signIn({ username: email, password: 'Temp-Pa55!' });

    // Act
    const second = await confirmSignIn({ challengeResponse: 'Brand-New-Pa55!' });
    await signOut();
    const again = await signIn({ username: email, password: 'Brand-New-Pa55!' });
    await signOut();

    // Assess
    expect(first.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED');
    expect(second.isSignedIn).toBe(true);
    expect(again.isSignedIn).toBe(true);
  });
});

describe('Cognito API through the SDK', () => {
  it('signs in with AdminInitiateAuth USER_SRP_AUTH and AdminRespondToAuthChallenge', async () => {
    // Prepare
    const srp = createSrpClient(srpPoolName(pool.userPoolId));
    const init = await sdk.send(
      new AdminInitiateAuthCommand({
        UserPoolId: pool.userPoolId,
        ClientId: pool.userPoolClientId,
        AuthFlow: 'USER_SRP_AUTH',
        AuthParameters: { USERNAME: COURIER.email, SRP_A: srp.srpA },
      }),
    );
    const params = init.ChallengeParameters ?? {};
    const timestamp = formatSrpTimestamp(new Date());
    const userIdForSrp = params.USER_ID_FOR_SRP ?? '';

    // Act
    const answer = await sdk.send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId: pool.userPoolId,
        ClientId: pool.userPoolClientId,
        ChallengeName: 'PASSWORD_VERIFIER',
        ChallengeResponses: {
          USERNAME: userIdForSrp,
          PASSWORD_CLAIM_SECRET_BLOCK: params.SECRET_BLOCK ?? '',
          TIMESTAMP: timestamp,
          PASSWORD_CLAIM_SIGNATURE: srp.respond({
            userIdForSrp,
            password: COURIER.password,
            salt: params.SALT ?? '',
            srpB: params.SRP_B ?? '',
            secretBlock: params.SECRET_BLOCK ?? '',
            timestamp,
          }),
        },
      }),
    );

    // Assess
    expect(init.ChallengeName).toBe('PASSWORD_VERIFIER');
    expect(userIdForSrp).not.toBe(COURIER.email);
    expect(answer.AuthenticationResult?.TokenType).toBe('Bearer');
    expect(answer.AuthenticationResult?.ExpiresIn).toBe(3600);
    expect(decodeJwt(answer.AuthenticationResult?.AccessToken ?? '')['cognito:groups']).toEqual(['courier']);
  });

  it('answers USER_PASSWORD_AUTH with a wrong password as Cognito does', async () => {
    // Prepare
    const command = new InitiateAuthCommand({
      ClientId: pool.userPoolClientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: COURIER.email, PASSWORD: 'Not-the-Pa55!' },
    });

    // Act / Assess
    await expect(sdk.send(command)).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('serves the issuer document where the iss claim points', async () => {
    // Prepare / Act
    const known = await fetch(`${cognito.issuer(pool.userPoolId)}/.well-known/openid-configuration`);
    const unknown = await fetch(`${gateway.url}/eu-west-1_Nope1234/.well-known/jwks.json`);

    // Assess
    expect(await known.json()).toMatchObject({
      issuer: cognito.issuer(pool.userPoolId),
      jwks_uri: cognito.jwksUrl(pool.userPoolId),
    });
    expect(unknown.status).toBe(404);
  });
});
