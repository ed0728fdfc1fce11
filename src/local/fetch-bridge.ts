// The bridge between the gateway's Node request/response and the Fetch Request/Response that msw handlers
// answer, shared by every emulator written as msw handlers (Lex, Connect, S3, IAM, Lambda), and the one
// reading of which AWS service a request was signed for.
import type { ServerResponse } from 'node:http';
import type { GatewayRequest } from './gateway-service';

/** Headers that describe the gateway's connection, not the request the client signed. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection']);

export function toFetchRequest(req: GatewayRequest): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    headers.set(name, Array.isArray(value) ? value.join(',') : value);
  }
  const host = typeof req.headers.host === 'string' ? req.headers.host : 'localhost';
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && req.body.length > 0;
  return new Request(`http://${host}${req.url}`, {
    method: req.method,
    headers,
    ...(hasBody ? { body: new Uint8Array(req.body) } : {}),
  });
}

/**
 * Writes a Fetch Response to the gateway's Node response. HEAD and 304 answers describe a body without
 * carrying it, so they keep the declared length.
 */
export async function writeFetchResponse(res: ServerResponse, response: Response, method = 'GET'): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== 'content-length' && name !== 'transfer-encoding') res.setHeader(name, value);
  });
  const declared = response.headers.get('content-length');
  const bodiless = method === 'HEAD' || response.status === 304;
  res.setHeader('Content-Length', bodiless && declared !== null ? declared : String(body.length));
  res.end(bodiless ? undefined : body);
}

/** The service a SigV4 request was signed for, from its Authorization header or presigned query. */
export function signingServiceOf(authorization: string | null | undefined, query = ''): string | undefined {
  const fromHeader = authorization?.match(/Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/)?.[1];
  if (fromHeader) return fromHeader;
  const credential = new URLSearchParams(query).get('X-Amz-Credential');
  return credential?.split('/')[3];
}

export function signingServiceOfRequest(req: GatewayRequest): string | undefined {
  const authorization = typeof req.headers.authorization === 'string' ? req.headers.authorization : undefined;
  const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '';
  return signingServiceOf(authorization, query);
}
