// The ProofStore port on S3: presigned PUTs pinned to an image type for uploads, presigned GETs for showing
// the images, HeadObject to check that an upload happened. The same code runs against AWS and the local
// gateway's S3 (which needs a path-style client).
import { GetObjectCommand, HeadObjectCommand, NotFound, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ProofStore } from '../core/ports';

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
    async exists(key) {
      try {
        await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return true;
      } catch (e) {
        if (
          e instanceof NotFound ||
          (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404
        )
          return false;
        throw e;
      }
    },
  };
}
