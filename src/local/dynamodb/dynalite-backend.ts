// Runs dynalite in-process on an ephemeral loopback port and talks to it over keep-alive HTTP: the
// DynamoDB service forwards client requests to it and makes its own calls (reads for stream images, TTL).
import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
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
  /** Sends raw bytes with the given headers; hop-by-hop headers are replaced. */
  send(headers: IncomingHttpHeaders, body: Buffer): Promise<BackendResponse>;
  /** Calls an operation with a JSON input; throws BackendError on a non-200 answer. */
  call<T = Record<string, unknown>>(operation: string, input: unknown): Promise<T>;
  close(): Promise<void>;
};

// dynalite checks that a signature is present but never verifies it.
const INTERNAL_AUTH =
  'AWS4-HMAC-SHA256 Credential=local/20240101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0';

export async function startDynaliteBackend(options: { path?: string }): Promise<DynaliteBackend> {
  const server = dynalite({ path: options.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });

  const send = (headers: IncomingHttpHeaders, body: Buffer): Promise<BackendResponse> =>
    new Promise((resolve, reject) => {
      const outgoing: IncomingHttpHeaders = {
        ...headers,
        host: `127.0.0.1:${port}`,
        'content-length': String(body.length),
      };
      delete outgoing.connection;
      delete outgoing['transfer-encoding'];
      delete outgoing['keep-alive'];
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers: outgoing, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 500, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });

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
      agent.destroy();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
