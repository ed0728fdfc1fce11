import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS } from '../dynamodb/local-dynamo';
import { startGateway, type Gateway } from '../gateway';
import { createS3Service } from './s3-service';

const BUCKET = 'proof-of-delivery';
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(3000, 1), Buffer.from([0xff, 0xd9])]);

let dataDir: string;
let gateway: Gateway;
let s3: S3Client;

const clientFor = (url: string) =>
  new S3Client({
    endpoint: url,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });

async function startWith(dir: string): Promise<{ gateway: Gateway; s3: S3Client }> {
  const service = createS3Service({ credentials: [LOCAL_CREDENTIALS], dataDir: dir, log: () => undefined });
  const started = await startGateway({ port: 0, services: [service] });
  return { gateway: started, s3: clientFor(started.url) };
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 's3-service-'));
  ({ gateway, s3 } = await startWith(dataDir));
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
});

afterAll(async () => {
  s3.destroy();
  await gateway.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('S3 on the gateway over HTTP', () => {
  it('serves the SDK: put, head, get and list', async () => {
    // Act
    const put = await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'photos/b1/door.jpg',
        Body: JPEG,
        ContentType: 'image/jpeg',
        Metadata: { booking: 'b1' },
      }),
    );
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'photos/b1/door.jpg' }));
    const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'photos/b1/door.jpg' }));
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'photos/' }));
    const missing = await s3
      .send(new GetObjectCommand({ Bucket: BUCKET, Key: 'photos/none.jpg' }))
      .catch((e: unknown) => e);

    // Assess
    expect(head.ContentLength).toBe(JPEG.length);
    expect(head.ETag).toBe(put.ETag);
    expect(head.Metadata).toEqual({ booking: 'b1' });
    expect(got.ContentType).toBe('image/jpeg');
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(JPEG)).toBe(true);
    expect(listed.Contents?.map((o) => [o.Key, o.Size, o.ETag])).toEqual([
      ['photos/b1/door.jpg', JPEG.length, put.ETag],
    ]);
    expect(missing).toBeInstanceOf(NoSuchKey);
  });

  it('accepts a presigned upload over HTTP and refuses a tampered one', async () => {
    // Prepare
    const key = 'signatures/b2.svg';
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"/>';
    const putUrl = await getSignedUrl(s3, new PutObjectCommand({ Bucket: BUCKET, Key: key }), { expiresIn: 120 });
    const getUrl = await getSignedUrl(s3, new GetObjectCommand({ Bucket: BUCKET, Key: key }), { expiresIn: 120 });

    // Act
    const uploaded = await fetch(putUrl, {
      method: 'PUT',
      body: svg,
      headers: { 'Content-Type': 'image/svg+xml', Origin: 'http://localhost:4000' },
    });
    const downloaded = await fetch(getUrl);
    const tampered = await fetch(getUrl.replace('signatures/b2.svg', 'signatures/b3.svg'));

    // Assess
    expect(uploaded.status).toBe(200);
    expect(uploaded.headers.get('access-control-allow-origin')).toBe('http://localhost:4000');
    expect(downloaded.headers.get('content-type')).toBe('image/svg+xml');
    expect(await downloaded.text()).toBe(svg);
    expect(tampered.status).toBe(403);
    expect(await tampered.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
  });

  it('answers an upload with an oversized Content-Type as S3 does: 400 RequestHeaderSectionTooLarge, nothing stored', async () => {
    // Prepare: over S3's 8 KiB, and over Node's own 16 KiB parser limit (which answered a bare 431 before).
    const key = 'photos/b4/door.jpg';
    const putUrl = await getSignedUrl(s3, new PutObjectCommand({ Bucket: BUCKET, Key: key }), { expiresIn: 120 });
    const upload = (contentType: string) =>
      fetch(putUrl, { method: 'PUT', headers: { 'Content-Type': contentType }, body: new Uint8Array(200_000) });

    // Act
    const answers = [];
    for (const size of [10_000, 100_000]) {
      const answer = await upload('x'.repeat(size));
      answers.push([answer.status, answer.headers.get('content-type'), await answer.text()] as const);
    }
    const stored = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key })).catch((e: unknown) => e);
    const fine = await upload('image/jpeg');

    // Assess
    for (const [status, type, body] of answers) {
      expect(status).toBe(400);
      expect(type).toBe('application/xml');
      expect(body).toMatch(
        /<Error><Code>RequestHeaderSectionTooLarge<\/Code><Message>Your request header section exceeds the maximum allowed size\.<\/Message><MaxSizeAllowed>8192<\/MaxSizeAllowed><RequestId>\w+<\/RequestId>/,
      );
    }
    expect((stored as { name?: string }).name).toBe('NotFound');
    expect(fine.status).toBe(200);
  });

  it('lets the web app upload: its preflight is answered with the origin and PUT allowed', async () => {
    // Act
    const answer = await fetch(`${gateway.url}/${BUCKET}/photos/new.jpg`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:4000',
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'content-type',
      },
    });

    // Assess
    expect(answer.ok).toBe(true);
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://localhost:4000');
    expect(answer.headers.get('access-control-allow-methods')).toContain('PUT');
  });

  it('claims requests signed for s3 and preflights for its buckets, and nothing else', () => {
    // Prepare
    const service = createS3Service({ credentials: [LOCAL_CREDENTIALS] });
    const request = (method: string, url: string, headers: Record<string, string> = {}) => ({
      method,
      url,
      headers,
      body: Buffer.alloc(0),
    });
    const scope = (service: string) =>
      `AWS4-HMAC-SHA256 Credential=local/20250101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`;
    const presigned =
      '/b/k.png?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=local%2F20250101%2Fus-east-1%2Fs3%2Faws4_request';

    // Act
    const claims = [
      service.matches(request('GET', '/b/k.png', { authorization: scope('s3') })),
      service.matches(request('PUT', presigned)),
      service.matches(request('POST', '/', { authorization: scope('dynamodb') })),
      service.matches(request('GET', '/b/k.png')),
      service.matches(request('OPTIONS', '/unknown-bucket/k.png', { 'access-control-request-method': 'PUT' })),
    ];

    // Assess
    expect(claims).toEqual([true, true, false, false, false]);
  });

  it('keeps objects on disk across restarts', async () => {
    // Prepare
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'kept.png', Body: JPEG, ContentType: 'image/png' }));
    s3.destroy();
    await gateway.close();

    // Act
    ({ gateway, s3 } = await startWith(dataDir));
    const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'kept.png' }));

    // Assess
    expect(got.ContentType).toBe('image/png');
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(JPEG)).toBe(true);
  });
});
