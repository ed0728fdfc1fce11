// The local AWS gateway: one HTTP endpoint (LocalStack's :4566 convention) that routes each SDK or browser
// request to the emulated service that answers it (DynamoDB, Cognito, S3, Lex, Connect). It speaks HTTP/1.1
// and cleartext HTTP/2 (h2c, prior knowledge) on the same port, as LocalStack does: the SDK's Lex runtime
// client uses HTTP/2 by default, every other client HTTP/1.1.
import {
  createServer,
  STATUS_CODES,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttp2Server, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import type { GatewayRequest, GatewayService, RawAnswer } from './gateway-service';
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

/** What an HTTP/2 client sends first on a cleartext connection (RFC 9113 §3.4). */
const HTTP2_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');

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

  const answer = (req: IncomingMessage | Http2ServerRequest, res: ServerResponse) => {
    handleRequest(services, faults, req, res).catch((error: unknown) => {
      console.error('[gateway] unhandled error', error);
      if (!res.headersSent) sendAwsError(res, 500, 'InternalFailure', 'The local gateway failed to answer.');
      else res.destroy();
    });
  };
  const http1 = createServer(answer);
  http1.keepAliveTimeout = 5_000;
  // A request Node's parser refuses never reaches `answer`; Node's own reply to headers over its limit is a bare
  // 431. Answer as the service the request was for would (S3: 400 RequestHeaderSectionTooLarge), then close.
  http1.on('clientError', (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Socket) => {
    if (socket.writableEnded) return;
    if (!socket.writable) return void socket.destroy();
    const reply =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? oversizedHeadersAnswer(services, error.rawPacket?.toString('latin1') ?? '')
        : { status: 400, headers: {}, body: '' };
    socket.end(rawResponse(reply));
  });
  // Node's compatibility API: the members services use (statusCode, setHeader, writeHead, write, end,
  // headersSent, destroy) behave on an Http2ServerResponse as on a ServerResponse.
  const http2 = createHttp2Server((req, res: Http2ServerResponse) => answer(req, res as unknown as ServerResponse));
  const sockets = new Set<Socket>();
  // One listener for both protocols: the first bytes say which (an HTTP/2 client with prior knowledge opens
  // with the connection preface), and the socket goes to that server with those bytes put back.
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    const sniff = () => {
      const head = socket.read() as Buffer | null;
      if (head === null) return void socket.once('readable', sniff);
      socket.unshift(head);
      const seen = Math.min(head.length, HTTP2_PREFACE.length);
      const isHttp2 = head.subarray(0, seen).equals(HTTP2_PREFACE.subarray(0, seen));
      // A preface cut short by the network: wait for the rest before choosing.
      if (isHttp2 && head.length < HTTP2_PREFACE.length) return void socket.once('readable', sniff);
      (isHttp2 ? http2 : http1).emit('connection', socket);
    };
    socket.once('readable', sniff);
  });

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
      for (const socket of sockets) socket.destroy();
      await closed;
      await Promise.all(services.map((s) => s.close()));
    },
  };
}

async function handleRequest(
  services: GatewayService[],
  faults: FaultInjection | undefined,
  req: IncomingMessage | Http2ServerRequest,
  res: ServerResponse,
): Promise<void> {
  const headers = plainHeaders(req.headers);
  applyCors(req.method, headers, res);
  if (req.method === 'OPTIONS' && headers['access-control-request-method']) {
    res.statusCode = 204;
    res.setHeader('Access-Control-Max-Age', '86400');
    res.end();
    return;
  }

  const body = await readBody(req);
  const request: GatewayRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers, body };
  const injected = faults?.check(request);
  if (injected) {
    if (injected.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, injected.delayMs));
    if (injected.response) {
      writeFaultResponse(res, injected.response, request.method);
      return;
    }
  }
  const service = services.find((s) => s.matches(request));
  if (!service) {
    const target = headers['x-amz-target'];
    const what = target ? `X-Amz-Target ${String(target)}` : `${request.method} ${request.url}`;
    sendAwsError(res, 400, 'UnknownOperationException', `The local gateway has no service for ${what}.`);
    return;
  }
  await service.handle(request, res);
}

/**
 * The request's headers as HTTP/1.1 has them, whichever protocol carried it: HTTP/2's pseudo-headers
 * (:method, :path, :scheme, :authority) dropped and `host` taken from :authority when the client sent none.
 */
function plainHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  if (!Object.keys(headers).some((name) => name.startsWith(':'))) return headers;
  const plain: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (!name.startsWith(':')) plain[name] = value;
  const authority = headers[':authority'];
  if (plain.host === undefined && typeof authority === 'string') plain.host = authority;
  return plain;
}

function applyCors(method: string | undefined, headers: IncomingHttpHeaders, res: ServerResponse): void {
  const origin = headers.origin;
  if (!origin || !LOCAL_ORIGIN.test(origin)) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
  if (method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
    const requested = headers['access-control-request-headers'];
    res.setHeader('Access-Control-Allow-Headers', requested ?? '*');
  }
}

function readBody(req: IncomingMessage | Http2ServerRequest): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The first service's answer to headers over Node's limit, or the gateway's own awsJson 431. */
function oversizedHeadersAnswer(services: GatewayService[], head: string): RawAnswer {
  for (const service of services) {
    const reply = service.answerOversizedHeaders?.(head);
    if (reply) return reply;
  }
  const type = 'RequestHeaderFieldsTooLarge';
  return {
    status: 431,
    headers: { 'Content-Type': 'application/x-amz-json-1.0', 'x-amzn-ErrorType': type },
    body: JSON.stringify({ __type: type, message: 'The request headers are larger than the local gateway accepts.' }),
  };
}

/** An HTTP/1.1 response as bytes for a socket, closing the connection. */
function rawResponse(reply: RawAnswer): string {
  const lines = [`HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status] ?? ''}`];
  const headers = { ...reply.headers, 'Content-Length': String(Buffer.byteLength(reply.body)), Connection: 'close' };
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return `${lines.join('\r\n')}\r\n\r\n${reply.body}`;
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
