import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createS3Emulator } from '../local/s3/s3-handlers';
import { createS3ProofStore } from './proof-store';

const CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
const BUCKET = 'proofs';
const KEY = 'proof/K7M-4XR-7/signature-abcdefghijkmnpqr.png';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

const s3 = new S3Client({
  endpoint: 'http://localhost:4566',
  region: 'us-east-1',
  forcePathStyle: true,
  credentials: CREDENTIALS,
  maxAttempts: 1,
  requestChecksumCalculation: 'WHEN_REQUIRED',
});
const server = setupServer();
const store = createS3ProofStore({ s3, bucket: BUCKET, now: () => new Date('2025-06-10T15:00:00.000Z') });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(async () => {
  server.use(...createS3Emulator({ credentials: [CREDENTIALS], log: () => undefined }).handlers);
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
});
afterEach(() => server.resetHandlers());
afterAll(() => {
  server.close();
  s3.destroy();
});

describe('createS3ProofStore', () => {
  it('uploads through a presigned PUT, then sees the object and serves it through a presigned GET', async () => {
    // Prepare
    const target = await store.uploadTarget(KEY, 'image/png');
    const before = await store.exists(KEY);

    // Act
    const put = await fetch(target.url, { method: 'PUT', headers: target.headers, body: PNG });
    const after = await store.exists(KEY);
    const got = await fetch(await store.viewUrl(KEY));

    // Assess
    expect(target.headers).toEqual({ 'Content-Type': 'image/png' });
    expect(target.expiresAt).toBe('2025-06-10T15:05:00.000Z');
    expect(new URL(target.url).searchParams.get('X-Amz-Expires')).toBe('300');
    expect(put.status).toBe(200);
    expect([before, after]).toEqual([false, true]);
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
    expect(await store.exists(KEY)).toBe(false);
    expect(viewUrl.searchParams.get('X-Amz-Expires')).toBe('900');
  });
});
