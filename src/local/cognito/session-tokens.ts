// Finishes the tokens cognito-local mints so they carry what real Cognito's do (origin_jti, ExpiresIn,
// TokenType), and publishes the key that signs them.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { createRequire } from 'node:module';
import { decodeJwt, jwtVerify, SignJWT, type JWK, type JWTPayload } from 'jose';
import { z } from 'zod';

const keyFile = z.object({ pem: z.string(), jwk: z.object({ kid: z.string() }).passthrough() });

/** cognito-local signs with a fixed, published RSA key (kid "CognitoLocal"): fine for a laptop only. */
function loadKeys(): { privateKey: KeyObject; publicKey: KeyObject; publicJwk: JWK; kid: string } {
  const require = createRequire(import.meta.url);
  const priv = keyFile.parse(require('cognito-local/lib/keys/cognitoLocal.private.json'));
  const pub = keyFile.parse(require('cognito-local/lib/keys/cognitoLocal.public.json'));
  return {
    privateKey: createPrivateKey(priv.pem),
    publicKey: createPublicKey(pub.pem),
    publicJwk: pub.jwk as JWK,
    kid: pub.jwk.kid,
  };
}

export type AuthenticationResult = {
  AccessToken?: string;
  IdToken?: string;
  RefreshToken?: string;
  ExpiresIn?: number;
  TokenType?: string;
  NewDeviceMetadata?: unknown;
};

export type SessionTokens = {
  /** The JWKS document served at `/<poolId>/.well-known/jwks.json`. */
  jwks(): { keys: JWK[] };
  /**
   * Adds `origin_jti` (the refresh token's jti) to the access and ID tokens. Amplify's signOut() revokes
   * the refresh token only when the access token has one, as real Cognito's always do.
   */
  finish(result: AuthenticationResult, originRefreshToken: string | undefined): Promise<AuthenticationResult>;
  /** Verifies an access token this service minted; throws when it is not one. */
  verifyAccessToken(token: string): Promise<JWTPayload & { username?: string; client_id?: string }>;
};

export function createSessionTokens(): SessionTokens {
  const keys = loadKeys();

  const resign = (token: string, claims: JWTPayload) =>
    new SignJWT({ ...decodeJwt(token), ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: keys.kid, typ: 'JWT' })
      .sign(keys.privateKey);

  return {
    jwks: () => ({ keys: [keys.publicJwk] }),

    async finish(result, originRefreshToken) {
      const originJti = originRefreshToken ? decodeJwt(originRefreshToken).jti : undefined;
      const claims: JWTPayload = originJti ? { origin_jti: originJti } : {};
      const finished: AuthenticationResult = { ...result, TokenType: 'Bearer' };
      if (result.AccessToken) {
        finished.AccessToken = await resign(result.AccessToken, claims);
        const { exp, iat } = decodeJwt(result.AccessToken);
        if (exp !== undefined && iat !== undefined) finished.ExpiresIn = exp - iat;
      }
      if (result.IdToken) finished.IdToken = await resign(result.IdToken, claims);
      return finished;
    },

    async verifyAccessToken(token) {
      const { payload } = await jwtVerify<{ username?: string; client_id?: string }>(token, keys.publicKey, {
        algorithms: ['RS256'],
      });
      if (payload.token_use !== 'access') throw new Error('not an access token');
      return payload;
    },
  };
}
