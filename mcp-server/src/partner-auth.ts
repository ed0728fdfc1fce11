// Bearer authentication of every MCP HTTP request with a partner token (Req 7.3), the 401 challenge that
// points clients at the protected-resource metadata (RFC 9728, RFC 6750), and that metadata document.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { UnauthorizedError } from '../../src/core/errors';
import {
  PARTNER_SCOPES,
  TOKEN_REFUSALS,
  verifyPartnerToken,
  type PartnerCredential,
  type PartnerTokenDeps,
} from '../../src/core/partner-tokens';
import type { Log } from '../../src/observability/telemetry';

/** What a session knows about its caller: the verified credential, never the token string. */
export type McpSessionAuth = PartnerCredential;

export const PROTECTED_RESOURCE_METADATA_PATH = '/.well-known/oauth-protected-resource';

/** How a partner fixes each refusal when talking to this server (the core's wording is for GraphQL). */
const MCP_RESOLUTIONS: Record<string, string> = {
  [TOKEN_REFUSALS.malformed]: 'Send the whole token as issued, as "Authorization: Bearer cvb_<token id>_<secret>".',
  [TOKEN_REFUSALS.unknown]: 'Check the token, or ask the courier company for a new one.',
  [TOKEN_REFUSALS.expired]: 'Ask the courier company for a new token.',
  [TOKEN_REFUSALS.revoked]: 'Ask the courier company for a new token.',
};

const quote = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ')}"`;

/**
 * A 401 with the challenge RFC 6750 and the MCP authorization spec describe. A request without any token
 * gets no error code (RFC 6750 §3.1), only where to read about the resource and what to send.
 */
export function unauthorizedResponse(
  resourceMetadataUrl: string,
  description: string,
  error: 'invalid_token' | undefined = 'invalid_token',
): Response {
  const params = [`resource_metadata=${quote(resourceMetadataUrl)}`];
  if (error) params.push(`error=${quote(error)}`);
  params.push(`error_description=${quote(description)}`);
  return new Response(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32001, message: description } }), {
    status: 401,
    headers: { 'content-type': 'application/json', 'www-authenticate': `Bearer ${params.join(', ')}` },
  });
}

function unavailableResponse(): Response {
  const message = 'Token verification is unavailable right now. It has been logged; please retry shortly.';
  return new Response(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32603, message } }), {
    status: 503,
    headers: { 'content-type': 'application/json', 'retry-after': '5' },
  });
}

export type PartnerAuthenticatorOptions = {
  deps: Pick<PartnerTokenDeps, 'partners' | 'partnerTokens' | 'clock'>;
  resourceMetadataUrl: string;
  log: Log;
  /**
   * How long an accepted token is taken on trust before it is read again (default 30 s, the API's own
   * authorizer TTL): revocation reaches this server within it; expiry is checked on every request.
   * 0 checks the table on every request.
   */
  cacheTtlMs?: number;
};

/** Accepted credentials, keyed by a digest of the token so no token string is ever kept. */
const MAX_CACHED = 10_000;

export type PartnerAuthenticator = {
  /** Verifies an Authorization header value; throws a 401 (or 503) `Response` when it cannot be accepted. */
  fromHeader(authorization: string | undefined): Promise<McpSessionAuth>;
  /** FastMCP's `authenticate`: the same check on a Node request. */
  authenticate(req: IncomingMessage): Promise<McpSessionAuth>;
};

export function createPartnerAuthenticator(options: PartnerAuthenticatorOptions): PartnerAuthenticator {
  const { deps, resourceMetadataUrl, log } = options;
  const ttlMs = options.cacheTtlMs ?? 30_000;
  const accepted = new Map<string, { at: number; credential: McpSessionAuth }>();
  const refuse = (description: string, error?: 'invalid_token') =>
    unauthorizedResponse(resourceMetadataUrl, description, error);

  async function fromHeader(authorization: string | undefined): Promise<McpSessionAuth> {
    const header = authorization?.trim();
    if (!header) {
      throw refuse(
        'A partner token is required: send "Authorization: Bearer cvb_<token id>_<secret>" with every request.',
        undefined,
      );
    }
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) {
      throw refuse(
        'The Authorization header must use the Bearer scheme: "Authorization: Bearer cvb_<token id>_<secret>".',
      );
    }
    const token = m[1]!;
    const key = createHash('sha256').update(token).digest('hex');
    const now = deps.clock.now().getTime();
    const hit = ttlMs > 0 ? accepted.get(key) : undefined;
    if (hit && now - hit.at < ttlMs && Date.parse(hit.credential.expiresAt) > now) return hit.credential;
    try {
      const credential = await verifyPartnerToken(token, deps);
      if (ttlMs > 0) {
        if (accepted.size >= MAX_CACHED) accepted.clear();
        accepted.set(key, { at: now, credential });
      }
      return credential;
    } catch (e) {
      accepted.delete(key);
      if (e instanceof UnauthorizedError) {
        const resolution = MCP_RESOLUTIONS[e.message] ?? e.resolution;
        throw refuse(resolution ? `${e.message} ${resolution}` : e.message);
      }
      log.error('partner token verification failed', e);
      throw unavailableResponse();
    }
  }

  return {
    fromHeader,
    authenticate: (req) => fromHeader(req.headers.authorization),
  };
}

export type ProtectedResourceMetadata = {
  resource: string;
  resource_name: string;
  resource_documentation?: string;
  bearer_methods_supported: string[];
  scopes_supported: string[];
};

/**
 * RFC 9728 metadata. There is no authorization server to list: partner tokens are issued by the courier
 * company's administrators for this API and presented as bearer tokens, so `authorization_servers` is omitted.
 */
export function protectedResourceMetadata(options: {
  resource: string;
  documentationUrl?: string;
}): ProtectedResourceMetadata {
  return {
    resource: options.resource,
    resource_name: 'Courier Voicebot partner MCP server',
    ...(options.documentationUrl ? { resource_documentation: options.documentationUrl } : {}),
    bearer_methods_supported: ['header'],
    scopes_supported: [...PARTNER_SCOPES],
  };
}

/** Where the metadata of a resource URL lives: the origin's well-known path (what the challenge advertises). */
export function resourceMetadataUrlOf(resource: string): string {
  return `${new URL(resource).origin}${PROTECTED_RESOURCE_METADATA_PATH}`;
}
