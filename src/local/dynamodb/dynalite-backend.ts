// Runs dynalite in-process and hands it requests directly (no socket): the DynamoDB service forwards client
// requests to it and makes its own calls (reads for stream images, TTL).
import { EventEmitter } from 'node:events';
import type { IncomingHttpHeaders, RequestListener } from 'node:http';
import dynalite from 'dynalite';

export type BackendResponse = { status: number; headers: IncomingHttpHeaders; body: Buffer };

/** An awsJson call that failed: the status and error body exactly as dynalite sent them. */
export class BackendError extends Error {
  constructor(readonly response: BackendResponse) {
    super(`dynalite answered ${response.status}: ${response.body.toString('utf8')}`);
    this.name = 'BackendError';
  }

  get type(): string {
    try {
      const parsed = JSON.parse(this.response.body.toString('utf8')) as { __type?: string };
      return parsed.__type?.split('#').pop() ?? '';
    } catch {
      return '';
    }
  }
}

export type DynaliteBackend = {
  /** Sends raw bytes with the given headers, as a POST to `/`. */
  send(headers: IncomingHttpHeaders, body: Buffer): Promise<BackendResponse>;
  /** Calls an operation with a JSON input; throws BackendError on a non-200 answer. */
  call<T = Record<string, unknown>>(operation: string, input: unknown): Promise<T>;
  close(): Promise<void>;
};

// dynalite checks that a signature is present but never verifies it.
const INTERNAL_AUTH =
  'AWS4-HMAC-SHA256 Credential=local/20240101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0';

/**
 * The request and response objects dynalite's handler touches: it reads `method`, `url`, `headers` and
 * the body events, and answers with `statusCode`, `setHeader` and `end`. Handing it these instead of a
 * loopback HTTP round trip saves a socket write, a parse and an event-loop turn per call.
 */
function exchange(handler: RequestListener, headers: IncomingHttpHeaders, body: Buffer): Promise<BackendResponse> {
  return new Promise((resolve, reject) => {
    const req = Object.assign(new EventEmitter(), { method: 'POST', url: '/', headers });
    const responseHeaders: IncomingHttpHeaders = {};
    const res = {
      statusCode: 200,
      headersSent: false,
      setHeader(name: string, value: number | string | string[]) {
        responseHeaders[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
        return res;
      },
      getHeader: (name: string) => responseHeaders[name.toLowerCase()],
      end(chunk?: string | Buffer) {
        res.headersSent = true;
        const bytes = chunk === undefined ? Buffer.alloc(0) : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
        resolve({ status: res.statusCode, headers: responseHeaders, body: bytes });
        return res;
      },
    };
    try {
      handler(req as never, res as never);
      if (body.length > 0) req.emit('data', body);
      req.emit('end');
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

export async function startDynaliteBackend(options: {
  path?: string;
  /** How long dynalite keeps a new table CREATING before it is ACTIVE (0, its next tick, by default). */
  createTableMs?: number;
}): Promise<DynaliteBackend> {
  const server = dynalite({
    path: options.path,
    createTableMs: options.createTableMs ?? 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  const [handler] = server.listeners('request') as RequestListener[];
  if (!handler) throw new Error('dynalite exposes no request handler');
  // Nothing connects to this port; dynalite only releases its store (LevelDB lock) from `server.close()`,
  // which fails on a server that never listened.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });

  const send = (headers: IncomingHttpHeaders, body: Buffer): Promise<BackendResponse> =>
    exchange(handler, headers, body);

  return {
    send,
    async call<T>(operation: string, input: unknown): Promise<T> {
      const response = await send(
        {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': `DynamoDB_20120810.${operation}`,
          'x-amz-date': '20240101T000000Z',
          authorization: INTERNAL_AUTH,
        },
        Buffer.from(JSON.stringify(input)),
      );
      if (response.status !== 200) throw new BackendError(response);
      return JSON.parse(response.body.toString('utf8')) as T;
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
