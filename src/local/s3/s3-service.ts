// The gateway's S3: answers requests signed for `s3` (Authorization header or presigned query) and CORS
// preflights for its buckets, by running the msw handlers of s3-handlers.ts on a Fetch Request.
import { getResponse, type HttpHandler } from 'msw';
import type { GatewayService } from '../gateway-service';
import { toFetchRequest, writeFetchResponse } from '../fetch-bridge';
import { createS3Emulator, type S3EmulatorOptions } from './s3-handlers';
import { signingServiceOf } from '../fetch-bridge';
import type { S3Store } from './s3-store';
import { requestHeaderSectionTooLarge } from './s3-errors';
import { randomBytes } from 'node:crypto';

export type S3ServiceOptions = Omit<S3EmulatorOptions, 'endpoint'>;

export type S3Service = GatewayService & {
  store: S3Store;
  /** The emulator's handlers, for tests that want them in-process. */
  handlers: HttpHandler[];
};

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
    answerOversizedHeaders(head) {
      // Signed for S3: the presigned query (request line) or the Authorization header names the scope.
      if (!/(?:\/|%2F)s3(?:\/|%2F)aws4_request/i.test(head)) return undefined;
      const id = randomBytes(8).toString('hex').toUpperCase();
      const error = requestHeaderSectionTooLarge();
      return {
        status: error.status,
        headers: {
          'Content-Type': 'application/xml',
          'x-amz-request-id': id,
          'x-amz-id-2': Buffer.from(id).toString('base64'),
        },
        body: error.toXml(id),
      };
    },
    async handle(req, res) {
      const response =
        (await getResponse(handlers, toFetchRequest(req))) ??
        new Response('<Error><Code>InternalError</Code><Message>The S3 emulator did not answer.</Message></Error>', {
          status: 500,
          headers: { 'Content-Type': 'application/xml' },
        });
      await writeFetchResponse(res, response, req.method);
    },
    async close() {
      await store.ready;
    },
  };
}
