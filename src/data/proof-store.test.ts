import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../core/errors';
import { judgeProofImage, PROOF_MAX_BYTES } from '../core/proof';
import { JPEG_IMAGE, SVG_SIGNATURE } from '../core/testing/proof-images';
import { createS3Emulator, type S3Emulator } from '../local/s3/s3-handlers';
import { createS3ProofStore } from './proof-store';

const CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
const BUCKET = 'proofs';
const KEY = 'proof/K7M-4XR-7/signature-abcdefghijkmnpqr.png';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
const PHOTO_KEY = 'proof/K7M-4XR-7/photo-abcdefghijkmnpqr.jpg';
const SIGNATURE_KEY = 'proof/K7M-4XR-7/signature-abcdefghijkmnpqr.svg';

const s3 = new S3Client({
  endpoint: 'http://localhost:4566',
  region: 'us-east-1',
  forcePathStyle: true,
  credentials: CREDENTIALS,
  maxAttempts: 1,
  requestChecksumCalculation: 'WHEN_REQUIRED',
});
const server = setupServer();
/** The Range header of each GET the store sends (undefined: the whole object). */
let gets: (string | null)[] = [];
server.events.on('request:start', ({ request }) => {
  if (request.method === 'GET') gets.push(request.headers.get('range'));
});
const store = createS3ProofStore({ s3, bucket: BUCKET, now: () => new Date('2025-06-10T15:00:00.000Z') });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
let emulator: S3Emulator;
beforeEach(async () => {
  emulator = createS3Emulator({ credentials: [CREDENTIALS], log: () => undefined });
  server.use(...emulator.handlers);
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  gets = [];
});

async function put(key: string, contentType: string, body: Uint8Array | string): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, ContentType: contentType, Body: body }));
}
afterEach(() => server.resetHandlers());
afterAll(() => {
  server.close();
  s3.destroy();
});

describe('createS3ProofStore', () => {
  it('uploads through a presigned PUT, then sees the object and serves it through a presigned GET', async () => {
    // Prepare
    const target = await store.uploadTarget(KEY, 'image/png');
    const before = await store.inspect(KEY);

    // Act
    const put = await fetch(target.url, { method: 'PUT', headers: target.headers, body: PNG });
    const after = await store.inspect(KEY);
    const got = await fetch(await store.viewUrl(KEY));

    // Assess
    expect(target.headers).toEqual({ 'Content-Type': 'image/png' });
    expect(target.expiresAt).toBe('2025-06-10T15:05:00.000Z');
    expect(new URL(target.url).searchParams.get('X-Amz-Expires')).toBe('300');
    expect(put.status).toBe(200);
    expect(before).toBeUndefined();
    expect(after).toEqual({
      size: PNG.length,
      contentType: 'image/png',
      head: new Uint8Array(PNG.subarray(0, 16)),
      tail: new Uint8Array(PNG.subarray(-16)),
    });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await got.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('pins the upload to its content type and lets view URLs live 15 minutes', async () => {
    // Prepare
    const target = await store.uploadTarget(KEY, 'image/png');

    // Act
    const wrongType = await fetch(target.url, { method: 'PUT', headers: { 'Content-Type': 'text/html' }, body: PNG });
    const viewUrl = new URL(await store.viewUrl(KEY));

    // Assess
    expect(wrongType.status).toBe(403);
    expect(await store.inspect(KEY)).toBeUndefined();
    expect(viewUrl.searchParams.get('X-Amz-Expires')).toBe('900');
  });

  it('reads a raster image’s first and last 16 bytes with ranged GETs, and no more', async () => {
    // Prepare
    await put(PHOTO_KEY, 'image/jpeg', JPEG_IMAGE);
    await put(KEY, 'image/png', PNG.subarray(0, 5));

    // Act
    const photo = await store.inspect(PHOTO_KEY);
    const tiny = await store.inspect(KEY);

    // Assess
    expect(photo).toEqual({
      size: JPEG_IMAGE.length,
      contentType: 'image/jpeg',
      head: JPEG_IMAGE.subarray(0, 16),
      tail: JPEG_IMAGE.subarray(-16),
    });
    expect(judgeProofImage('proof.photoKey', PHOTO_KEY, photo)).toBeUndefined();
    expect(tiny).toMatchObject({
      size: 5,
      head: new Uint8Array(PNG.subarray(0, 5)),
      tail: new Uint8Array(PNG.subarray(0, 5)),
    });
    expect(gets.sort()).toEqual(['bytes=-16', 'bytes=-16', 'bytes=0-15', 'bytes=0-15']);
  });

  it('reads an SVG whole, and nothing of an empty object or one over the limit', async () => {
    // Prepare
    await put(SIGNATURE_KEY, 'image/svg+xml', SVG_SIGNATURE);
    await put(PHOTO_KEY, 'image/jpeg', new Uint8Array(0));
    const large = 'proof/K7M-4XR-7/photo-large.jpg';
    // Straight into the emulator's storage: 5 MB through the SDK and msw takes seconds.
    await emulator.store.putObject(
      BUCKET,
      large,
      { contentType: 'image/jpeg', metadata: {} },
      Buffer.alloc(PROOF_MAX_BYTES + 1),
    );

    // Act
    const signature = await store.inspect(SIGNATURE_KEY);
    const empty = await store.inspect(PHOTO_KEY);
    const tooLarge = await store.inspect(large);

    // Assess
    expect(new TextDecoder().decode(signature?.body)).toBe(SVG_SIGNATURE);
    expect(judgeProofImage('proof.signatureKey', SIGNATURE_KEY, signature)).toBeUndefined();
    expect(empty).toEqual({ size: 0, contentType: 'image/jpeg', head: new Uint8Array(0), tail: new Uint8Array(0) });
    expect(tooLarge?.size).toBe(PROOF_MAX_BYTES + 1);
    expect(judgeProofImage('proof.photoKey', large, tooLarge)?.message).toContain('proofs may be at most 5 MB');
    expect(gets).toEqual([null]);
  });

  it('refuses to judge bytes of an image replaced after it was measured', async () => {
    // Prepare
    await put(PHOTO_KEY, 'image/jpeg', JPEG_IMAGE);
    const replacer = new S3Client({
      endpoint: 'http://localhost:4566',
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: CREDENTIALS,
      maxAttempts: 1,
    });
    replacer.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        if (context.commandName === 'HeadObjectCommand') await put(PHOTO_KEY, 'image/jpeg', '<html>swapped</html>');
        return result;
      },
      { step: 'initialize' },
    );
    const swapping = createS3ProofStore({ s3: replacer, bucket: BUCKET });

    // Act
    const error = await swapping.inspect(PHOTO_KEY).then(
      () => undefined,
      (e: unknown) => e,
    );

    // Assess
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).message).toContain(
      `The image ${PHOTO_KEY} was replaced or removed while it was being checked`,
    );
    replacer.destroy();
  });
});
