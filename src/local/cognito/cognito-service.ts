// The gateway's Cognito user pools: cognito-local behind the auth shim, plus the issuer's well-known
// documents, so the unmodified Amplify client signs in, refreshes and signs out against the gateway.
import type { ServerResponse } from 'node:http';
import type { GatewayRequest, GatewayService } from '../gateway-service';
import { CognitoApiError, createAuthShim, type CallCognitoLocal, type CognitoReply } from './auth-shim';
import { startCognitoLocal, type CognitoMessage } from './cognito-local-server';
import { createSessionTokens } from './session-tokens';

export type { CognitoMessage } from './cognito-local-server';

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
const WELL_KNOWN = /^\/([\w-]+_[0-9A-Za-z]+)\/\.well-known\/(jwks\.json|openid-configuration)$/;
const AMZ_JSON = 'application/x-amz-json-1.1';

export type CognitoService = GatewayService & {
  /** The `iss` of every token: `<publicUrl>/<poolId>`, as with Cognito's `https://cognito-idp.<region>.amazonaws.com/<poolId>`. */
  issuer(poolId: string): string;
  /** `<issuer>/.well-known/jwks.json`, served by this service through the gateway. */
  jwksUrl(poolId: string): string;
  /**
   * The gateway URL clients use, when it is only known once the gateway listens (port 0 in tests).
   * Tokens minted before keep the old issuer.
   */
  setPublicUrl(url: string): void;
};

export type CognitoServiceOptions = {
  /** cognito-local's store goes here (db/*.json); users' passwords are kept as salted hashes (password-hash.ts). */
  dataDir: string;
  /** The gateway URL clients use; defaults to LocalStack's http://localhost:4566. */
  publicUrl?: string;
  /** Receives the codes Cognito would email or text; by default they are printed, one line each. */
  onMessage?: (message: CognitoMessage) => void;
  /** Start-up notices (plain-text passwords of an earlier version hashed); console.log by default. */
  log?: (line: string) => void;
};

function printMessage(message: CognitoMessage): void {
  console.log(`[cognito] ${message.channel} to ${message.destination}: code ${message.code ?? '(none)'}`);
}

function targetOf(req: GatewayRequest): string | undefined {
  const target = req.headers['x-amz-target'];
  return typeof target === 'string' && target.startsWith(TARGET_PREFIX)
    ? target.slice(TARGET_PREFIX.length)
    : undefined;
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

function sendError(res: ServerResponse, status: number, type: string, message: string): void {
  res.setHeader('x-amzn-ErrorType', type);
  send(res, status, AMZ_JSON, JSON.stringify({ __type: type, message }));
}

/** cognito-local's in-process errors carry Cognito's error type in `code`. */
function isCognitoLocalError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

/**
 * Starts cognito-local on a free port and returns the gateway service in front of it. The token issuer
 * is the gateway URL, so a verifier can fetch the JWKS from where the `iss` claim points.
 */
export async function createCognitoService(options: CognitoServiceOptions): Promise<CognitoService> {
  let publicUrl = (options.publicUrl ?? 'http://localhost:4566').replace(/\/+$/, '');
  const local = await startCognitoLocal({
    dataDir: options.dataDir,
    issuerDomain: publicUrl,
    onMessage: options.onMessage ?? printMessage,
    log: options.log,
  });
  const tokens = createSessionTokens();

  const call: CallCognitoLocal = async (operation, body) => {
    const response = await fetch(local.url, {
      method: 'POST',
      headers: { 'Content-Type': AMZ_JSON, 'X-Amz-Target': `${TARGET_PREFIX}${operation}` },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : {} };
  };
  const shim = createAuthShim({ local, call, tokens });

  async function proxy(req: GatewayRequest, res: ServerResponse): Promise<void> {
    const response = await fetch(`${local.url}${req.url}`, {
      method: req.method,
      headers: {
        'Content-Type': String(req.headers['content-type'] ?? AMZ_JSON),
        'X-Amz-Target': String(req.headers['x-amz-target']),
      },
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : req.body.toString('utf8'),
    });
    const body = await response.text();
    if (response.status >= 400) {
      const type = (JSON.parse(body || '{}') as { __type?: unknown }).__type;
      if (typeof type === 'string') res.setHeader('x-amzn-ErrorType', type);
    }
    send(res, response.status, response.headers.get('content-type') ?? AMZ_JSON, body);
  }

  async function answerWellKnown(res: ServerResponse, poolId: string, document: string): Promise<void> {
    try {
      await local.services.cognito.getUserPool(local.ctx, poolId);
    } catch {
      send(res, 404, 'application/json', JSON.stringify({ message: `User pool ${poolId} does not exist.` }));
      return;
    }
    const issuer = `${publicUrl}/${poolId}`;
    const body =
      document === 'jwks.json'
        ? tokens.jwks()
        : {
            issuer,
            jwks_uri: `${issuer}/.well-known/jwks.json`,
            id_token_signing_alg_values_supported: ['RS256'],
            subject_types_supported: ['public'],
            response_types_supported: ['code', 'token'],
          };
    send(res, 200, 'application/json', JSON.stringify(body));
  }

  async function answerShim(res: ServerResponse, operation: string, raw: Buffer): Promise<void> {
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8') || '{}');
    } catch {
      sendError(res, 400, 'SerializationException', 'The request body is not valid JSON.');
      return;
    }
    let reply: CognitoReply;
    try {
      reply = await shim.handle(operation, body);
    } catch (error) {
      if (error instanceof CognitoApiError) return sendError(res, error.status, error.type, error.message);
      if (isCognitoLocalError(error)) return sendError(res, 400, error.code, error.message);
      throw error;
    }
    send(res, reply.status, AMZ_JSON, JSON.stringify(reply.body));
  }

  return {
    name: 'cognito',
    matches(req) {
      if (targetOf(req) !== undefined) return true;
      return req.method === 'GET' && WELL_KNOWN.test(req.url.split('?')[0] ?? '');
    },
    async handle(req, res) {
      const operation = targetOf(req);
      if (operation === undefined) {
        const [, poolId = '', document = ''] = WELL_KNOWN.exec(req.url.split('?')[0] ?? '') ?? [];
        return answerWellKnown(res, poolId, document);
      }
      if (shim.answers(operation)) return answerShim(res, operation, req.body);
      return proxy(req, res);
    },
    close: () => local.close(),
    issuer: (poolId) => `${publicUrl}/${poolId}`,
    jwksUrl: (poolId) => `${publicUrl}/${poolId}/.well-known/jwks.json`,
    setPublicUrl(url) {
      publicUrl = url.replace(/\/+$/, '');
      local.setIssuerDomain(publicUrl);
    },
  };
}
