// The local AWS gateway: one HTTP endpoint (LocalStack's :4566 convention) that routes each SDK or browser
// request to the emulated service that answers it (DynamoDB, Cognito, S3, Lex, Connect).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GatewayRequest, GatewayService } from './gateway-service';
import { writeFaultResponse, type FaultInjection } from './faults/fault-injection';

export type GatewayOptions = {
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  /** Tried in order: the first whose `matches` is true answers. */
  services: GatewayService[];
  /** Local fault injection: answers /_local/faults and is asked before any service, so an armed AWS error wins. */
  faults?: FaultInjection;
};

export type Gateway = {
  url: string;
  port: number;
  /** Closes the listener, drops open sockets, then closes every service. */
  close(): Promise<void>;
};

const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/** Headers the AWS SDKs and Amplify read from responses; browsers hide anything not exposed. */
const EXPOSED_HEADERS = [
  'x-amzn-requestid',
  'x-amzn-errortype',
  'x-amzn-errormessage',
  'x-amz-request-id',
  'x-amz-id-2',
  'x-amz-crc32',
  'x-amz-date',
  'x-amz-version-id',
  'x-amz-delete-marker',
  'etag',
  'date',
  'content-length',
  'content-type',
  'content-range',
  'last-modified',
].join(', ');

/**
 * Starts the gateway. Browsers reach Cognito and S3 through it from the web app's origin, so it answers
 * CORS for localhost origins itself instead of relying on each emulator to.
 */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const { port, host = '127.0.0.1', faults } = options;
  const services = faults ? [faults, ...options.services] : options.services;

  const server = createServer((req, res) => {
    handleRequest(services, faults, req, res).catch((error: unknown) => {
      console.error('[gateway] unhandled error', error);
      if (!res.headersSent) sendAwsError(res, 500, 'InternalFailure', 'The local gateway failed to answer.');
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${bound}`,
    port: bound,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await Promise.all(services.map((s) => s.close()));
    },
  };
}

async function handleRequest(
  services: GatewayService[],
  faults: FaultInjection | undefined,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  applyCors(req, res);
  if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
    res.statusCode = 204;
    res.setHeader('Access-Control-Max-Age', '86400');
    res.end();
    return;
  }

  const body = await readBody(req);
  const request: GatewayRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body };
  const injected = faults?.check(request);
  if (injected) {
    writeFaultResponse(res, injected, request.method);
    return;
  }
  const service = services.find((s) => s.matches(request));
  if (!service) {
    const target = req.headers['x-amz-target'];
    const what = target ? `X-Amz-Target ${String(target)}` : `${request.method} ${request.url}`;
    sendAwsError(res, 400, 'UnknownOperationException', `The local gateway has no service for ${what}.`);
    return;
  }
  await service.handle(request, res);
}

function applyCors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  if (!origin || !LOCAL_ORIGIN.test(origin)) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
    const requested = req.headers['access-control-request-headers'];
    res.setHeader('Access-Control-Allow-Headers', requested ?? '*');
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** An error body in the awsJson shape, with the header the SDKs read the error type from. */
export function sendAwsError(res: ServerResponse, status: number, type: string, message: string): void {
  const body = JSON.stringify({ __type: type, message });
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/x-amz-json-1.0');
  res.setHeader('x-amzn-ErrorType', type);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}
