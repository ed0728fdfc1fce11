// The Lambda entry's stateless mode: Function URL events through the web-standard handler, one request each —
// initialize, a tool call, the 401 challenge, the metadata document and the refusal of GET streams.
import { describe, expect, it } from 'vitest';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { issuePartnerToken } from '../../src/core/partner-tokens';
import { fixedClock } from '../../src/core/system-clock';
import {
  createMemoryPartnerRepository,
  createMemoryPartnerTokenRepository,
} from '../../src/core/testing/memory-repositories';
import type { AuditEntry } from '../../src/core/model';
import { buildMcpServer } from './build-server';
import type { GraphQLCaller } from './graphql-client';
import { createLambdaHandler } from './lambda';
import { createPartnerAuthenticator, protectedResourceMetadata } from './partner-auth';
import { createStatelessHandler } from './stateless-handler';

const RESOURCE = 'https://mcp.courier.example/mcp';
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

async function prepare() {
  const clock = fixedClock('2026-06-01T09:00:00Z');
  const partners = createMemoryPartnerRepository([
    { id: 'acme', name: 'Acme', contactEmail: 'ops@acme.example', createdAt: '2026-01-01T00:00:00Z' },
  ]);
  const partnerTokens = createMemoryPartnerTokenRepository();
  const { token } = await issuePartnerToken(
    { partnerId: 'acme', name: 'lambda', scopes: ['bookings:read'], expiresAt: '2026-12-01T00:00:00Z' },
    { role: 'ADMIN', sub: 'admin' },
    { partners, partnerTokens, clock, random: { int: (n) => Math.floor(Math.random() * n) } },
  );
  const audit: AuditEntry[] = [];
  const graphql: GraphQLCaller = {
    execute: async () =>
      ({
        trackBooking: {
          reference: 'K7M-4XR-9',
          status: 'IN_TRANSIT',
          lastUpdate: '2026-06-01T08:30:00Z',
          eta: '2026-06-01T10:00:00Z',
          pickupCity: 'Seattle',
          deliveryCity: 'Tacoma',
          courierPosition: { lat: 47.5, lng: -122.3 },
          timeline: [],
        },
      }) as never,
  };
  const app = buildMcpServer({
    graphql,
    audit: { record: async (e) => void audit.push(e), list: async () => ({ items: audit }) },
    clock,
    log: quiet,
  });
  const authenticator = createPartnerAuthenticator({
    deps: { partners, partnerTokens, clock },
    resourceMetadataUrl: 'https://mcp.courier.example/.well-known/oauth-protected-resource',
    log: quiet,
  });
  const handler = createLambdaHandler(
    createStatelessHandler({ app, authenticator, metadata: protectedResourceMetadata({ resource: RESOURCE }) }, quiet),
  );
  return { handler, token, audit };
}

function event(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: unknown,
): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...headers,
    },
    requestContext: {
      domainName: 'mcp.courier.example',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'test' },
    } as APIGatewayProxyEventV2['requestContext'],
    isBase64Encoded: false,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
}

const rpc = (id: number, method: string, params: unknown) => ({ jsonrpc: '2.0', id, method, params });

describe('the Lambda entry (stateless)', () => {
  it('serves initialize and a tool call as separate invocations', async () => {
    // Prepare
    const { handler, token, audit } = await prepare();
    const auth = { authorization: `Bearer ${token}` };
    // Act
    const init = await handler(
      event(
        'POST',
        '/mcp',
        auth,
        rpc(1, 'initialize', {
          protocolVersion: '2025-06-18',
          capabilities: {},
          clientInfo: { name: 't', version: '1' },
        }),
      ),
    );
    const called = await handler(
      event(
        'POST',
        '/mcp',
        { ...auth, 'mcp-protocol-version': '2025-06-18' },
        rpc(2, 'tools/call', { name: 'track_booking', arguments: { reference: 'K7M-4XR-9' } }),
      ),
    );
    // Assess
    expect(init.statusCode).toBe(200);
    expect(JSON.parse(init.body!)).toMatchObject({ id: 1, result: { serverInfo: { name: 'courier-partners' } } });
    expect(init.headers?.['mcp-session-id']).toBeUndefined();
    expect(called.statusCode).toBe(200);
    const result = JSON.parse(called.body!) as { result: { content: { text: string }[]; isError?: boolean } };
    expect(result.result.isError).toBeFalsy();
    expect(result.result.content[0]?.text).toContain('K7M-4XR-9 is IN_TRANSIT (Seattle → Tacoma)');
    expect(audit).toMatchObject([{ operation: 'track_booking', outcome: 'ok', source: 'mcp', partnerId: 'acme' }]);
  });

  it('challenges a missing token with 401 and the metadata location, and serves that metadata', async () => {
    // Prepare
    const { handler } = await prepare();
    // Act
    const refused = await handler(event('POST', '/mcp', {}, rpc(1, 'tools/list', {})));
    const metadata = await handler(event('GET', '/.well-known/oauth-protected-resource'));
    // Assess
    expect(refused.statusCode).toBe(401);
    expect(refused.headers?.['www-authenticate']).toContain(
      'resource_metadata="https://mcp.courier.example/.well-known/oauth-protected-resource"',
    );
    expect(JSON.parse(metadata.body!)).toMatchObject({ resource: RESOURCE, bearer_methods_supported: ['header'] });
  });

  it('refuses a GET stream: there is no session to stream from', async () => {
    // Prepare
    const { handler, token } = await prepare();
    // Act
    const res = await handler(event('GET', '/mcp', { authorization: `Bearer ${token}` }));
    // Assess
    expect(res.statusCode).toBe(405);
    expect(res.headers?.allow).toBe('POST');
  });
});
