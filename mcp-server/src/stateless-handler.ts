// The MCP app as a web-standard request handler (Request → Response) for hosts without a long-lived HTTP
// server — the Lambda entry: each POST to /mcp is authenticated, served by a one-request session over the
// SDK's streamable HTTP transport (no session id, JSON responses) and closed.
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { Log } from '../../src/observability/telemetry';
import { PROTECTED_RESOURCE_METADATA_PATH } from './partner-auth';
import type { McpRuntime } from './runtime';
import { MCP_ENDPOINT } from './server';

export type StatelessHandler = (request: Request) => Promise<Response>;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

export function createStatelessHandler(
  runtime: Pick<McpRuntime, 'app' | 'authenticator' | 'metadata'>,
  log: Log,
): StatelessHandler {
  return async (request) => {
    const path = new URL(request.url).pathname;
    if (request.method === 'GET' && path === '/health') {
      return new Response('ok', { status: 200, headers: { 'content-type': 'text/plain' } });
    }
    if (
      request.method === 'GET' &&
      (path === PROTECTED_RESOURCE_METADATA_PATH || path.startsWith(`${PROTECTED_RESOURCE_METADATA_PATH}/`))
    ) {
      return json(200, runtime.metadata);
    }
    if (path !== MCP_ENDPOINT) return json(404, { error: `Nothing at ${path}; the MCP endpoint is ${MCP_ENDPOINT}.` });

    let auth;
    try {
      auth = await runtime.authenticator.fromHeader(request.headers.get('authorization') ?? undefined);
    } catch (e) {
      if (e instanceof Response) return e;
      throw e;
    }
    if (request.method !== 'POST') {
      // Stateless: no standing server-to-client stream (GET) and no session to end (DELETE).
      return json(
        405,
        {
          jsonrpc: '2.0',
          id: null,
          error: {
            code: -32000,
            message: 'Method not allowed: this server is stateless; POST JSON-RPC messages to /mcp.',
          },
        },
        { allow: 'POST' },
      );
    }
    const session = runtime.app.createStatelessSession(auth);
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    try {
      await session.connect(transport);
      return await transport.handleRequest(request);
    } catch (e) {
      log.error('MCP request failed', e);
      return json(500, {
        jsonrpc: '2.0',
        id: null,
        error: { code: -32603, message: 'Internal error. It has been logged; please retry.' },
      });
    } finally {
      await session.close().catch(() => {});
    }
  };
}
