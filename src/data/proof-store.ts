// The ProofStore port on S3: presigned PUTs pinned to an image type for uploads, presigned GETs for showing
// the images, HeadObject and ranged GETs to read what an upload stored. The same code runs against AWS and
// the local gateway's S3 (which needs a path-style client).
import { GetObjectCommand, HeadObjectCommand, NotFound, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { ConflictError } from '../core/errors';
import type { ProofStore, StoredProof } from '../core/ports';
import { PROOF_EDGE_BYTES, PROOF_MAX_BYTES } from '../core/proof';

export const UPLOAD_URL_SECONDS = 5 * 60;
export const VIEW_URL_SECONDS = 15 * 60;

/**
 * `s3` presigns and checks objects. Give it `requestChecksumCalculation: 'WHEN_REQUIRED'`: otherwise the SDK
 * bakes a checksum of the empty body into upload URLs. `now` only dates `expiresAt` (tests).
 */
export function createS3ProofStore(options: { s3: S3Client; bucket: string; now?: () => Date }): ProofStore {
  const { s3, bucket } = options;
  const now = options.now ?? (() => new Date());
  return {
    async uploadTarget(key, contentType) {
      const issued = now();
      // Signing content-type makes S3 refuse an upload of any other type with this URL.
      const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: contentType }), {
        expiresIn: UPLOAD_URL_SECONDS,
        signableHeaders: new Set(['content-type']),
      });
      return {
        url,
        headers: { 'Content-Type': contentType },
        expiresAt: new Date(issued.getTime() + UPLOAD_URL_SECONDS * 1000).toISOString(),
      };
    },
    viewUrl(key) {
      return getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: VIEW_URL_SECONDS });
    },
    async inspect(key) {
      const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key })).catch((e: unknown) => {
        if (isNotFound(e)) return undefined;
        throw e;
      });
      if (!head) return undefined;
      const size = head.ContentLength ?? 0;
      const stored: StoredProof = { size, contentType: head.ContentType ?? '', head: EMPTY, tail: EMPTY };
      if (size === 0 || size > PROOF_MAX_BYTES) return stored;
      // If-Match: the bytes read are those of the object just measured, not of one put in its place since.
      const read = async (range?: string): Promise<Uint8Array> => {
        try {
          const got = await s3.send(
            new GetObjectCommand({ Bucket: bucket, Key: key, IfMatch: head.ETag, ...(range ? { Range: range } : {}) }),
          );
          return (await got.Body?.transformToByteArray()) ?? EMPTY;
        } catch (e) {
          if (!isStatus(e, 412) && !isNotFound(e)) throw e;
          throw new ConflictError(`The image ${key} was replaced or removed while it was being checked.`, {
            resolution: 'Send the update again once the upload has finished.',
            cause: e,
          });
        }
      };
      if (key.endsWith('.svg')) {
        const body = await read();
        return { ...stored, head: body.subarray(0, PROOF_EDGE_BYTES), tail: body.subarray(-PROOF_EDGE_BYTES), body };
      }
      const [first, last] = await Promise.all([
        read(`bytes=0-${PROOF_EDGE_BYTES - 1}`),
        read(`bytes=-${PROOF_EDGE_BYTES}`),
      ]);
      return { ...stored, head: first, tail: last };
    },
  };
}

const EMPTY = new Uint8Array(0);

function isStatus(e: unknown, status: number): boolean {
  return (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === status;
}

function isNotFound(e: unknown): boolean {
  return e instanceof NotFound || isStatus(e, 404) || (e as { name?: string }).name === 'NoSuchKey';
}
