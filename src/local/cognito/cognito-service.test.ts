import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AdminInitiateAuthCommand,
  AdminCreateUserCommand,
  AdminRespondToAuthChallengeCommand,
  ChangePasswordCommand,
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  GetTokensFromRefreshTokenCommand,
  InitiateAuthCommand,
  ListUsersInGroupCommand,
  RespondToAuthChallengeCommand,
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
import { isPasswordHash } from './password-hash';
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

/** Every file under `dir`, as text. */
async function readTree(dir: string): Promise<{ path: string; text: string }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((e) => e.isFile())
      .map(async (e) => ({
        path: join(e.parentPath, e.name),
        text: await readFile(join(e.parentPath, e.name), 'utf8'),
      })),
  );
}

type StoredUser = { Username: string; Password?: string; Attributes?: { Name: string; Value: string }[] };

/** The user records of a pool as cognito-local keeps them in `db/<poolId>.json`. */
async function storedUsers(dir: string, userPoolId: string): Promise<StoredUser[]> {
  const db = JSON.parse(await readFile(join(dir, 'db', `${userPoolId}.json`), 'utf8')) as {
    Users: Record<string, StoredUser>;
  };
  return Object.values(db.Users);
}

function passwordSignIn(client: CognitoIdentityProviderClient, clientId: string, email: string, password: string) {
  return client.send(
    new InitiateAuthCommand({
      ClientId: clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );
}

/** Signs in with USER_SRP_AUTH through the SDK, as Amplify does, and returns the tokens. */
async function srpSignIn(
  client: CognitoIdentityProviderClient,
  on: ProvisionedUserPool,
  email: string,
  password: string,
) {
  const srp = createSrpClient(srpPoolName(on.userPoolId));
  const init = await client.send(
    new InitiateAuthCommand({
      ClientId: on.userPoolClientId,
      AuthFlow: 'USER_SRP_AUTH',
      AuthParameters: { USERNAME: email, SRP_A: srp.srpA },
    }),
  );
  const params = init.ChallengeParameters ?? {};
  const timestamp = formatSrpTimestamp(new Date());
  const userIdForSrp = params.USER_ID_FOR_SRP ?? '';
  const answer = await client.send(
    new RespondToAuthChallengeCommand({
      ClientId: on.userPoolClientId,
      ChallengeName: 'PASSWORD_VERIFIER',
      ChallengeResponses: {
        USERNAME: userIdForSrp,
        PASSWORD_CLAIM_SECRET_BLOCK: params.SECRET_BLOCK ?? '',
        TIMESTAMP: timestamp,
        PASSWORD_CLAIM_SIGNATURE: srp.respond({
          userIdForSrp,
          password,
          salt: params.SALT ?? '',
          srpB: params.SRP_B ?? '',
          secretBlock: params.SECRET_BLOCK ?? '',
          timestamp,
        }),
      },
    }),
  );
  return answer.AuthenticationResult;
}

const INCORRECT = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };

/** The error a call was refused with (undefined when it succeeded), so a test can act first and assess after. */
function refusal(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => undefined,
    (error: unknown) => error,
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

  it('keeps every member of a group when many users are provisioned at once', { timeout: 60_000 }, async () => {
    // Prepare: the demo seed provisions its 25 couriers concurrently; each password is hashed meanwhile.
    const couriers = Array.from({ length: 12 }, (_, i) => ({
      email: `crowd${i + 1}@example.com`,
      password: PASSWORD,
      groups: ['courier'],
    }));

    // Act
    const made = await Promise.all(couriers.map((spec) => ensureUser(sdk, pool.userPoolId, spec)));

    // Assess: no addition to the group lost another (they did while group writes waited behind hashing).
    const members = await sdk.send(new ListUsersInGroupCommand({ UserPoolId: pool.userPoolId, GroupName: 'courier' }));
    const names = new Set((members.Users ?? []).map((u) => u.Username));
    for (const user of made) expect(names.has(user.username)).toBe(true);
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

describe('passwords checked against the stored hash', () => {
  const PERSON = { email: 'pat@example.com', password: 'Pat-Pa55word!', groups: ['courier'] };

  beforeAll(async () => {
    await ensureUser(sdk, pool.userPoolId, PERSON);
  }, 30_000);

  it(
    'signs in with the right password by password and by SRP, and refuses a wrong one',
    { timeout: 30_000 },
    async () => {
      // Prepare / Act
      const byPassword = await passwordSignIn(sdk, pool.userPoolClientId, PERSON.email, PERSON.password);
      const bySrp = await srpSignIn(sdk, pool, PERSON.email, PERSON.password);
      const wrong = passwordSignIn(sdk, pool.userPoolClientId, PERSON.email, 'Pat-Pa55word?');
      const wrongBySrp = srpSignIn(sdk, pool, PERSON.email, 'Pat-Pa55word?');

      // Assess
      expect(byPassword.AuthenticationResult?.AccessToken).toBeTruthy();
      expect(bySrp?.AccessToken).toBeTruthy();
      await expect(wrong).rejects.toMatchObject(INCORRECT);
      await expect(wrongBySrp).rejects.toMatchObject(INCORRECT);
    },
  );

  it('refuses the stored hash offered as the password', { timeout: 30_000 }, async () => {
    // Prepare
    const stored = (await storedUsers(dataDir, pool.userPoolId)).find((u) =>
      u.Attributes?.some((a) => a.Name === 'email' && a.Value === PERSON.email),
    );

    // Act
    const attempt = passwordSignIn(sdk, pool.userPoolClientId, PERSON.email, stored?.Password ?? '');

    // Assess
    expect(isPasswordHash(stored?.Password)).toBe(true);
    await expect(attempt).rejects.toMatchObject(INCORRECT);
  });

  it('changes a password only with the right previous one', { timeout: 30_000 }, async () => {
    // Prepare
    const email = 'changer@example.com';
    await ensureUser(sdk, pool.userPoolId, { email, password: 'Before-Pa55!', groups: ['courier'] });
    const signedIn = await passwordSignIn(sdk, pool.userPoolClientId, email, 'Before-Pa55!');
    const AccessToken = signedIn.AuthenticationResult?.AccessToken ?? '';

    // Act
    const wrongPrevious = await refusal(
      sdk.send(
        new ChangePasswordCommand({
          AccessToken,
          PreviousPassword: 'Not-Before-Pa55!',
          ProposedPassword: 'After-Pa55!',
        }),
      ),
    );
    await sdk.send(
      new ChangePasswordCommand({ AccessToken, PreviousPassword: 'Before-Pa55!', ProposedPassword: 'After-Pa55!' }),
    );

    // Assess
    expect(wrongPrevious).toMatchObject(INCORRECT);
    await expect(passwordSignIn(sdk, pool.userPoolClientId, email, 'Before-Pa55!')).rejects.toMatchObject(INCORRECT);
    expect((await passwordSignIn(sdk, pool.userPoolClientId, email, 'After-Pa55!')).AuthenticationResult).toBeDefined();
    expect(await srpSignIn(sdk, pool, email, 'After-Pa55!')).toBeDefined();
  });

  it('refuses ChangePassword with a forged access token', { timeout: 30_000 }, async () => {
    // Prepare
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const claims = { token_use: 'access', client_id: pool.userPoolClientId, username: admin.username };
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;

    // Act
    const attempt = sdk.send(
      new ChangePasswordCommand({ AccessToken: forged, PreviousPassword: PASSWORD, ProposedPassword: 'Taken-Over-1!' }),
    );

    // Assess
    await expect(attempt).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Invalid Access Token' });
    expect(await srpSignIn(sdk, pool, ADMIN.email, ADMIN.password)).toBeDefined();
  });

  it('resets a forgotten password with the code delivered by email', { timeout: 30_000 }, async () => {
    // Prepare
    const email = 'forgetful@example.com';
    await ensureUser(sdk, pool.userPoolId, { email, password: 'Forgotten-Pa55!', groups: ['courier'] });
    await sdk.send(new ForgotPasswordCommand({ ClientId: pool.userPoolClientId, Username: email }));
    const code = messages.findLast((m) => m.destination === email)?.code ?? '';

    // Act
    await sdk.send(
      new ConfirmForgotPasswordCommand({
        ClientId: pool.userPoolClientId,
        Username: email,
        ConfirmationCode: code,
        Password: 'Remembered-Pa55!',
      }),
    );

    // Assess
    expect(code).toMatch(/^\d+$/);
    await expect(passwordSignIn(sdk, pool.userPoolClientId, email, 'Forgotten-Pa55!')).rejects.toMatchObject(INCORRECT);
    expect(await srpSignIn(sdk, pool, email, 'Remembered-Pa55!')).toBeDefined();
  });

  it('refuses a wrong temporary password instead of asking for a new one', { timeout: 30_000 }, async () => {
    // Prepare
    const email = 'second-temp@example.com';
    await sdk.send(
      new AdminCreateUserCommand({
        UserPoolId: pool.userPoolId,
        Username: email,
        TemporaryPassword: 'Temp-Pa55!',
        MessageAction: 'SUPPRESS',
      }),
    );

    // Act
    const wrong = await refusal(passwordSignIn(sdk, pool.userPoolClientId, email, 'Not-Temp-Pa55!'));
    const right = await passwordSignIn(sdk, pool.userPoolClientId, email, 'Temp-Pa55!');

    // Assess
    expect(wrong).toMatchObject(INCORRECT);
    expect(right.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  });

  it('sets no new password through a challenge Session it did not issue', { timeout: 30_000 }, async () => {
    // Prepare
    const forged = new RespondToAuthChallengeCommand({
      ClientId: pool.userPoolClientId,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: 'a-session-nobody-was-given',
      ChallengeResponses: { USERNAME: PERSON.email, NEW_PASSWORD: 'Taken-Over-1!' },
    });

    // Act
    const attempt = sdk.send(forged);

    // Assess
    await expect(attempt).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    await expect(passwordSignIn(sdk, pool.userPoolClientId, PERSON.email, 'Taken-Over-1!')).rejects.toMatchObject(
      INCORRECT,
    );
    expect(await srpSignIn(sdk, pool, PERSON.email, PERSON.password)).toBeDefined();
  });
});

describe('passwords at rest', () => {
  it('keeps a salted hash in every user record and no password anywhere in the data folder', async () => {
    // Prepare: every password this file set, by every path (admin-set, temporary, sign-up, new, changed, reset).
    const passwords = [PASSWORD, 'Temp-Pa55!', 'Brand-New-Pa55!', 'Pat-Pa55word!', 'After-Pa55!', 'Remembered-Pa55!'];

    // Act
    const users = await storedUsers(dataDir, pool.userPoolId);
    const files = await readTree(dataDir);

    // Assess
    expect(users.length).toBeGreaterThanOrEqual(8);
    for (const user of users) expect(isPasswordHash(user.Password), user.Username).toBe(true);
    for (const { path, text } of files) {
      for (const password of passwords) expect(text.includes(password), `${password} in ${path}`).toBe(false);
    }
  });
});

describe('plain-text passwords left by an earlier version', () => {
  it(
    'hashes them at start, before any sign-in, and the same passwords still sign in',
    { timeout: 60_000 },
    async () => {
      // Prepare: a data folder as the earlier version left it, with the password in the user record.
      const dir = await mkdtemp(join(tmpdir(), 'cognito-legacy-'));
      const logged: string[] = [];
      const start = async () => {
        const service = await createCognitoService({
          dataDir: dir,
          onMessage: () => undefined,
          log: (l) => logged.push(l),
        });
        const gw = await startGateway({ port: 0, services: [service] });
        service.setPublicUrl(gw.url);
        const client = new CognitoIdentityProviderClient({
          endpoint: gw.url,
          region: 'eu-west-1',
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        });
        return { gw, client };
      };
      try {
        const first = await start();
        const legacyPool = await provisionUserPool(first.client, { poolName: 'legacy', clientName: 'web', groups: [] });
        await ensureUser(first.client, legacyPool.userPoolId, {
          email: 'old@example.com',
          password: PASSWORD,
          groups: [],
        });
        await first.gw.close();
        const file = join(dir, 'db', `${legacyPool.userPoolId}.json`);
        const db = JSON.parse(await readFile(file, 'utf8')) as { Users: Record<string, StoredUser> };
        for (const user of Object.values(db.Users)) user.Password = PASSWORD;
        await writeFile(file, JSON.stringify(db));

        // Act
        const second = await start();
        const atStart = await readFile(file, 'utf8');
        const bySrp = await srpSignIn(second.client, legacyPool, 'old@example.com', PASSWORD);
        const wrong = passwordSignIn(second.client, legacyPool.userPoolClientId, 'old@example.com', 'Not-the-Pa55!');
        await expect(wrong).rejects.toMatchObject(INCORRECT);
        await second.gw.close();

        // Assess
        expect(atStart).not.toContain(PASSWORD);
        expect((await storedUsers(dir, legacyPool.userPoolId)).every((u) => isPasswordHash(u.Password))).toBe(true);
        expect(logged).toEqual([
          `[cognito] hashed 1 plain-text password(s) left in user pool ${legacyPool.userPoolId}`,
        ]);
        expect(bySrp?.AccessToken).toBeTruthy();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
});
