// Lambda entry of the MCP server (the stateless mode): a Function URL or API Gateway HTTP API (payload 2.0)
// event in, the stateless handler's response out. Infrastructure chooses this or the Fargate container.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { jsonLog } from '../../src/observability/telemetry';
import { loadMcpConfig } from './config';
import { createMcpRuntime } from './runtime';
import { createStatelessHandler, type StatelessHandler } from './stateless-handler';

/** The web request an HTTP API / Function URL event describes. */
export function requestFromEvent(event: APIGatewayProxyEventV2): Request {
  const headers = new Headers();
  for (const [k, v] of Object.entries(event.headers ?? {})) if (v !== undefined) headers.set(k, v);
  if (event.cookies?.length) headers.set('cookie', event.cookies.join('; '));
  const proto = headers.get('x-forwarded-proto') ?? 'https';
  const query = event.rawQueryString ? `?${event.rawQueryString}` : '';
  const url = `${proto}://${event.requestContext.domainName}${event.rawPath}${query}`;
  const method = event.requestContext.http.method;
  const hasBody = event.body !== undefined && method !== 'GET' && method !== 'HEAD';
  const body = hasBody ? (event.isBase64Encoded ? Buffer.from(event.body!, 'base64') : event.body) : undefined;
  return new Request(url, { method, headers, ...(body !== undefined ? { body } : {}) });
}

export async function resultFromResponse(response: Response): Promise<APIGatewayProxyStructuredResultV2> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  return { statusCode: response.status, headers, body: await response.text(), isBase64Encoded: false };
}

/** Adapts a stateless handler to Lambda's HTTP events. */
export function createLambdaHandler(handle: StatelessHandler) {
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> =>
    resultFromResponse(await handle(requestFromEvent(event)));
}

let cached: StatelessHandler | undefined;

/** Built on the first invocation and kept for the life of the execution environment. */
function runtimeHandler(): StatelessHandler {
  if (cached) return cached;
  const log = jsonLog('mcp');
  const config = loadMcpConfig();
  if (!config.publicUrl) throw new Error('Invalid MCP server configuration: MCP_PUBLIC_URL is required on Lambda');
  cached = createStatelessHandler(createMcpRuntime({ ...config, publicUrl: config.publicUrl, log }), log);
  return cached;
}

export const handler = (event: APIGatewayProxyEventV2) => createLambdaHandler(runtimeHandler())(event);
