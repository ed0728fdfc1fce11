// The gateway's S3: answers requests signed for `s3` (Authorization header or presigned query) and CORS
// preflights for its buckets, by running the msw handlers of s3-handlers.ts on a Fetch Request.
import type { ServerResponse } from 'node:http';
import { getResponse, type HttpHandler } from 'msw';
import type { GatewayRequest, GatewayService } from '../gateway-service';
import { createS3Emulator, type S3EmulatorOptions } from './s3-handlers';
import { signingServiceOf } from './s3-signature';
import type { S3Store } from './s3-store';

export type S3ServiceOptions = Omit<S3EmulatorOptions, 'endpoint'>;

export type S3Service = GatewayService & {
  store: S3Store;
  /** The emulator's handlers, for tests that want them in-process. */
  handlers: HttpHandler[];
};

/** Headers that describe the gateway's connection, not the request the client signed. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection']);

function toFetchRequest(req: GatewayRequest): Request {
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

async function writeResponse(res: ServerResponse, response: Response, method: string): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== 'content-length') res.setHeader(name, value);
  });
  // HEAD and 304 answers describe the object without carrying it: keep the object's length.
  const declared = response.headers.get('content-length');
  const bodiless = method === 'HEAD' || response.status === 304;
  res.setHeader('Content-Length', bodiless && declared !== null ? declared : String(body.length));
  res.end(bodiless ? undefined : body);
}

function firstPathSegment(url: string): string {
  const path = url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(path.split('/')[1] ?? '');
  } catch {
    return '';
  }
}

/**
 * The S3 emulator as a gateway service. Options: `credentials` (required: the access keys it accepts, e.g.
 * LOCAL_CREDENTIALS), `region`, `dataDir` (or `store`), `maxObjectBytes`, `defaultCorsRules`, `log`.
 */
export function createS3Service(options: S3ServiceOptions): S3Service {
  const emulator = createS3Emulator(options);
  const { store, handlers } = emulator;
  return {
    name: 's3',
    store,
    handlers,
    matches(req) {
      const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '';
      const authorization = typeof req.headers.authorization === 'string' ? req.headers.authorization : undefined;
      if (signingServiceOf(authorization, query) === 's3') return true;
      return (
        req.method === 'OPTIONS' &&
        req.headers['access-control-request-method'] !== undefined &&
        store.hasBucket(firstPathSegment(req.url))
      );
    },
    async handle(req, res) {
      const response =
        (await getResponse(handlers, toFetchRequest(req))) ??
        new Response('<Error><Code>InternalError</Code><Message>The S3 emulator did not answer.</Message></Error>', {
          status: 500,
          headers: { 'Content-Type': 'application/xml' },
        });
      await writeResponse(res, response, req.method);
    },
    async close() {
      await store.ready;
    },
  };
}
