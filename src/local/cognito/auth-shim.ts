// The operations cognito-local lacks or answers unlike Cognito, answered in front of it: SRP sign-in
// (Amplify's default), GetTokensFromRefreshToken (Amplify ≥ 6.15's refresh), GlobalSignOut, the password
// checks (cognito-local compares plain text; the store holds hashes, see password-hash.ts), the sessions
// of challenges such as NEW_PASSWORD_REQUIRED (cognito-local accepts any), and Cognito's own error types.
import { randomBytes } from 'node:crypto';
import type { AppClient } from 'cognito-local/lib/services/appClient';
import type { User } from 'cognito-local/lib/services/userPoolService';
import type { CognitoLocal } from './cognito-local-server';
import { srpVerifierOf, verifyPassword } from './password-hash';
import type { AuthenticationResult, SessionTokens } from './session-tokens';
import {
  createDecoySrpVerifier,
  createSrpChallenge,
  isSrpTimestamp,
  passwordClaimSignature,
  signaturesMatch,
  srpPoolName,
} from './srp';

/** A Cognito API error: `type` becomes `__type` and x-amzn-ErrorType. */
export class CognitoApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export type CognitoReply = { status: number; body: unknown };

/** Calls cognito-local's own HTTP API (`AWSCognitoIdentityProviderService.<operation>`). */
export type CallCognitoLocal = (operation: string, body: unknown) => Promise<CognitoReply>;

type Json = Record<string, unknown>;

type SrpSession = {
  clientId: string;
  poolId: string;
  userIdForSrp: string;
  requestedUsername: string;
  /** False for the decoy challenge given for an unknown user when PreventUserExistenceErrors is on. */
  userExists: boolean;
  key: Buffer;
  expiresAt: number;
};

/** How long a PASSWORD_VERIFIER challenge may be answered; Cognito's sessions last minutes too. */
const SRP_SESSION_TTL_MS = 5 * 60_000;
/** How long another challenge's Session may be answered: Cognito's default (AuthSessionValidity) is 3 minutes. */
const CHALLENGE_SESSION_TTL_MS = 3 * 60_000;

/** A challenge cognito-local issued through this shim, which alone may be answered with its Session. */
type ChallengeSession = { clientId: string; challengeName: string; username: string; expiresAt: number };
const INCORRECT = 'Incorrect username or password.';

const notAuthorized = (message = INCORRECT) => new CognitoApiError('NotAuthorizedException', message);
const missing = (name: string) =>
  new CognitoApiError('InvalidParameterException', `Missing required parameter ${name}`);

function stringField(source: unknown, name: string): string | undefined {
  const value = (source as Json | undefined)?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function requireField(source: unknown, name: string, label = name): string {
  const value = stringField(source, name);
  if (value === undefined) throw missing(label);
  return value;
}

export type AuthShim = {
  /** True when the shim answers this operation; everything else goes to cognito-local as is. */
  answers(operation: string): boolean;
  handle(operation: string, body: unknown): Promise<CognitoReply>;
};

export function createAuthShim(deps: { local: CognitoLocal; call: CallCognitoLocal; tokens: SessionTokens }): AuthShim {
  const { local, call, tokens } = deps;
  const { cognito } = local.services;
  const ctx = local.ctx;
  const srpSessions = new Map<string, SrpSession>();
  const challengeSessions = new Map<string, ChallengeSession>();

  async function appClient(clientId: string): Promise<AppClient> {
    const client = await cognito.getAppClient(ctx, clientId);
    if (!client) throw new CognitoApiError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
    return client;
  }

  /** Cognito refuses a flow the app client does not list; an empty list means Cognito's defaults (SRP, refresh, custom). */
  function assertFlowEnabled(client: AppClient, flow: string): void {
    const flows = client.ExplicitAuthFlows ?? [];
    if (flows.length === 0 && flow === 'ALLOW_USER_SRP_AUTH') return;
    if (!flows.includes(flow) && !flows.includes(flow.replace(/^ALLOW_/, ''))) {
      throw new CognitoApiError('InvalidParameterException', 'Auth flow not enabled for this client');
    }
  }

  async function findUser(clientId: string, username: string): Promise<User | null> {
    const pool = await cognito.getUserPoolForClientId(ctx, clientId);
    return pool.getUserByUsername(ctx, username);
  }

  function userNotFound(client: AppClient): CognitoApiError {
    return client.PreventUserExistenceErrors === 'ENABLED'
      ? notAuthorized()
      : new CognitoApiError('UserNotFoundException', 'User does not exist.');
  }

  /** Forwards to cognito-local; its errors become CognitoApiErrors, its tokens get finished. */
  async function forward(operation: string, body: unknown, originRefreshToken?: string): Promise<Json> {
    const reply = await call(operation, body);
    const payload = (reply.body ?? {}) as Json;
    if (reply.status >= 400) {
      const type = String(payload.__type ?? 'InternalErrorException');
      throw new CognitoApiError(type, String(payload.message ?? type), reply.status);
    }
    rememberChallenge(body, payload);
    const result = payload.AuthenticationResult as AuthenticationResult | undefined;
    if (!result) return payload;
    return {
      ...payload,
      AuthenticationResult: await tokens.finish(result, originRefreshToken ?? result.RefreshToken),
    };
  }

  function pruneSrpSessions(now: number): void {
    for (const [block, session] of srpSessions) if (session.expiresAt <= now) srpSessions.delete(block);
  }

  /** Notes the Session of a challenge cognito-local answered with, so that only it can be responded to. */
  function rememberChallenge(request: unknown, reply: Json): void {
    const session = stringField(reply, 'Session');
    const challengeName = stringField(reply, 'ChallengeName');
    const username = stringField(reply.ChallengeParameters, 'USER_ID_FOR_SRP');
    const clientId = stringField(request, 'ClientId');
    if (!session || !challengeName || !username || !clientId) return;
    const now = Date.now();
    for (const [key, value] of challengeSessions) if (value.expiresAt <= now) challengeSessions.delete(key);
    challengeSessions.set(session, { clientId, challengeName, username, expiresAt: now + CHALLENGE_SESSION_TTL_MS });
  }

  async function initiateSrp(body: Json, client: AppClient): Promise<Json> {
    assertFlowEnabled(client, 'ALLOW_USER_SRP_AUTH');
    const params = body.AuthParameters;
    const username = requireField(params, 'USERNAME', 'USERNAME');
    const srpA = requireField(params, 'SRP_A', 'SRP_A');
    const user = await findUser(client.ClientId, username);
    if (!user && client.PreventUserExistenceErrors !== 'ENABLED') throw userNotFound(client);

    const userIdForSrp = user?.Username ?? username;
    let challenge;
    try {
      // An unknown user gets a decoy challenge under a verifier of no password, so the answer reveals nothing.
      const verifier = (user && srpVerifierOf(user.Password)) ?? createDecoySrpVerifier();
      challenge = createSrpChallenge({ verifier, srpA });
    } catch {
      throw new CognitoApiError('InvalidParameterException', 'SRP_A is invalid');
    }

    const now = Date.now();
    pruneSrpSessions(now);
    const secretBlock = randomBytes(96).toString('base64');
    srpSessions.set(secretBlock, {
      clientId: client.ClientId,
      poolId: client.UserPoolId,
      userIdForSrp,
      requestedUsername: username,
      userExists: user !== null,
      key: challenge.key,
      expiresAt: now + SRP_SESSION_TTL_MS,
    });
    return {
      ChallengeName: 'PASSWORD_VERIFIER',
      ChallengeParameters: {
        SALT: challenge.salt,
        SRP_B: challenge.srpB,
        SECRET_BLOCK: secretBlock,
        USER_ID_FOR_SRP: userIdForSrp,
        USERNAME: userIdForSrp,
      },
    };
  }

  /**
   * Verifies the claim, then obtains real tokens (or the next challenge) from cognito-local's password flow,
   * which compares what it is given with what it stores: the stored hash, passed back to it.
   */
  async function respondPasswordVerifier(body: Json, client: AppClient): Promise<Json> {
    const responses = body.ChallengeResponses;
    const username = requireField(responses, 'USERNAME', 'USERNAME');
    const secretBlock = requireField(responses, 'PASSWORD_CLAIM_SECRET_BLOCK', 'PASSWORD_CLAIM_SECRET_BLOCK');
    const signature = requireField(responses, 'PASSWORD_CLAIM_SIGNATURE', 'PASSWORD_CLAIM_SIGNATURE');
    const timestamp = requireField(responses, 'TIMESTAMP', 'TIMESTAMP');
    if (!isSrpTimestamp(timestamp))
      throw new CognitoApiError('InvalidParameterException', 'TIMESTAMP format is invalid');

    const session = srpSessions.get(secretBlock);
    // Single use: a replayed claim finds no session.
    srpSessions.delete(secretBlock);
    if (!session || session.expiresAt <= Date.now() || session.clientId !== client.ClientId) {
      throw notAuthorized('Invalid session for the user, session is expired.');
    }
    if (username !== session.userIdForSrp && username !== session.requestedUsername) throw notAuthorized();

    const expected = passwordClaimSignature({
      key: session.key,
      poolName: srpPoolName(session.poolId),
      userIdForSrp: session.userIdForSrp,
      secretBlock,
      timestamp,
    });
    // Always compare, even for a decoy, so both paths take the same time.
    const matches = signaturesMatch(expected, signature);
    if (!session.userExists || !matches) throw notAuthorized();

    const user = await findUser(client.ClientId, session.userIdForSrp);
    if (!user) throw notAuthorized();
    if (user.Enabled === false) throw notAuthorized('User is disabled.');
    return forward('InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: client.ClientId,
      AuthParameters: { USERNAME: user.Username, PASSWORD: user.Password },
      ClientMetadata: body.ClientMetadata,
    });
  }

  /**
   * Checks the password against the stored hash here, then lets cognito-local finish the flow (status,
   * challenges, tokens) with the stored hash in place of the password, the value its own comparison expects.
   */
  async function passwordSignIn(operation: string, body: Json, client: AppClient, allow: string): Promise<Json> {
    assertFlowEnabled(client, allow);
    const params = body.AuthParameters as Json | undefined;
    const user = await findUser(client.ClientId, requireField(params, 'USERNAME', 'USERNAME'));
    const password = requireField(params, 'PASSWORD', 'PASSWORD');
    // An unknown user's refusal costs a hash too, so that timing does not tell who exists.
    const passwordMatches = await verifyPassword(password, user?.Password);
    if (!user) throw userNotFound(client);
    if (user.Enabled === false) throw notAuthorized('User is disabled.');
    // A user an admin sent to reset their password is told so whatever they type, as cognito-local does.
    if (!passwordMatches && user.UserStatus !== 'RESET_REQUIRED') throw notAuthorized();
    try {
      return await forward(operation, { ...body, AuthParameters: { ...params, PASSWORD: user.Password } });
    } catch (error) {
      if (error instanceof CognitoApiError && error.type === 'InvalidPasswordException') throw notAuthorized();
      throw error;
    }
  }

  async function refresh(operation: string, body: Json, refreshToken: string): Promise<Json> {
    try {
      return await forward(operation, body, refreshToken);
    } catch (error) {
      if (error instanceof CognitoApiError && error.type === 'NotAuthorizedException') {
        throw notAuthorized('Invalid Refresh Token');
      }
      throw error;
    }
  }

  async function initiateAuth(operation: 'InitiateAuth' | 'AdminInitiateAuth', body: Json): Promise<Json> {
    const client = await appClient(requireField(body, 'ClientId'));
    if (operation === 'AdminInitiateAuth' && body.UserPoolId !== client.UserPoolId) {
      throw new CognitoApiError('ResourceNotFoundException', `User pool client ${client.ClientId} does not exist.`);
    }
    const flow = requireField(body, 'AuthFlow');
    switch (flow) {
      case 'USER_SRP_AUTH':
        return initiateSrp(body, client);
      case 'USER_PASSWORD_AUTH':
        return passwordSignIn(operation, body, client, 'ALLOW_USER_PASSWORD_AUTH');
      case 'ADMIN_USER_PASSWORD_AUTH':
      case 'ADMIN_NO_SRP_AUTH':
        return passwordSignIn(
          operation,
          { ...body, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH' },
          client,
          'ALLOW_ADMIN_USER_PASSWORD_AUTH',
        );
      case 'REFRESH_TOKEN_AUTH':
      case 'REFRESH_TOKEN':
        return refresh(operation, body, requireField(body.AuthParameters, 'REFRESH_TOKEN', 'REFRESH_TOKEN'));
      default:
        return forward(operation, body);
    }
  }

  async function respondToAuthChallenge(operation: string, body: Json): Promise<Json> {
    const client = await appClient(requireField(body, 'ClientId'));
    if (body.ChallengeName === 'PASSWORD_VERIFIER') return respondPasswordVerifier(body, client);
    // cognito-local answers any Session: a made-up one would set a new password for any user.
    const sessionId = requireField(body, 'Session');
    const session = challengeSessions.get(sessionId);
    challengeSessions.delete(sessionId);
    const user = await findUser(client.ClientId, requireField(body.ChallengeResponses, 'USERNAME', 'USERNAME'));
    if (
      !session ||
      session.expiresAt <= Date.now() ||
      session.clientId !== client.ClientId ||
      session.challengeName !== body.ChallengeName ||
      session.username !== user?.Username
    ) {
      throw notAuthorized('Invalid session for the user.');
    }
    return forward(operation, body);
  }

  /** Checks the previous password against the hash; cognito-local would compare it with the stored text. */
  async function changePassword(body: Json): Promise<Json> {
    const accessToken = requireField(body, 'AccessToken');
    const previous = requireField(body, 'PreviousPassword');
    requireField(body, 'ProposedPassword');
    let claims;
    try {
      claims = await tokens.verifyAccessToken(accessToken);
    } catch {
      throw notAuthorized('Invalid Access Token');
    }
    if (!claims.client_id || !claims.username) throw notAuthorized('Invalid Access Token');
    const user = await findUser(claims.client_id, claims.username);
    if (!user) throw notAuthorized('User does not exist.');
    if (!(await verifyPassword(previous, user.Password))) throw notAuthorized();
    return forward('ChangePassword', { ...body, PreviousPassword: user.Password });
  }

  async function getTokensFromRefreshToken(body: Json): Promise<Json> {
    const clientId = requireField(body, 'ClientId');
    const refreshToken = requireField(body, 'RefreshToken');
    await appClient(clientId);
    const reply = await refresh(
      'InitiateAuth',
      { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: refreshToken } },
      refreshToken,
    );
    return { AuthenticationResult: reply.AuthenticationResult };
  }

  /** Ends every session of the user: all their refresh tokens stop working. */
  async function globalSignOut(body: Json): Promise<Json> {
    const accessToken = requireField(body, 'AccessToken');
    let claims;
    try {
      claims = await tokens.verifyAccessToken(accessToken);
    } catch {
      throw notAuthorized('Invalid Access Token');
    }
    if (!claims.client_id || !claims.username) throw notAuthorized('Invalid Access Token');
    const pool = await cognito.getUserPoolForClientId(ctx, claims.client_id);
    const user = await pool.getUserByUsername(ctx, claims.username);
    if (!user) throw notAuthorized('User does not exist.');
    await pool.saveUser(ctx, { ...user, RefreshTokens: [] });
    return {};
  }

  const handlers: Record<string, (body: Json) => Promise<Json>> = {
    InitiateAuth: (body) => initiateAuth('InitiateAuth', body),
    AdminInitiateAuth: (body) => initiateAuth('AdminInitiateAuth', body),
    RespondToAuthChallenge: (body) => respondToAuthChallenge('RespondToAuthChallenge', body),
    AdminRespondToAuthChallenge: (body) => respondToAuthChallenge('AdminRespondToAuthChallenge', body),
    GetTokensFromRefreshToken: getTokensFromRefreshToken,
    GlobalSignOut: globalSignOut,
    ChangePassword: changePassword,
  };

  return {
    answers: (operation) => Object.hasOwn(handlers, operation),
    async handle(operation, body) {
      const handler = handlers[operation];
      if (!handler) throw new CognitoApiError('UnknownOperationException', `Unknown operation ${operation}`);
      if (typeof body !== 'object' || body === null)
        throw new CognitoApiError('SerializationException', 'Body must be a JSON object');
      return { status: 200, body: await handler(body as Json) };
    },
  };
}
