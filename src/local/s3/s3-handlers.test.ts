import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetBucketCorsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  NoSuchBucket,
  NoSuchKey,
  PutBucketCorsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createS3Emulator, type S3Emulator } from './s3-handlers';

const ENDPOINT = 'http://localhost:4566';
const CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
const BUCKET = 'proof-of-delivery';
const MAX_OBJECT_BYTES = 4096;
const WEB_ORIGIN = 'http://localhost:4000';

const clientWith = (overrides: Partial<ConstructorParameters<typeof S3Client>[0]> = {}) =>
  new S3Client({
    endpoint: ENDPOINT,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: CREDENTIALS,
    maxAttempts: 1,
    ...overrides,
  });
const s3 = clientWith();
/** What the API Lambda should use to presign: no checksum of an empty body baked into upload URLs. */
const presigner = clientWith({ requestChecksumCalculation: 'WHEN_REQUIRED' });

const server = setupServer();
let emulator: S3Emulator;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(async () => {
  emulator = createS3Emulator({ credentials: [CREDENTIALS], maxObjectBytes: MAX_OBJECT_BYTES, log: () => undefined });
  server.use(...emulator.handlers);
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
});
afterEach(() => server.resetHandlers());
afterAll(() => {
  server.close();
  s3.destroy();
  presigner.destroy();
});

async function errorOf(promise: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (e) {
    return e as Error & { $metadata?: { httpStatusCode?: number } };
  }
  throw new Error('expected the call to fail');
}

function s3ErrorCode(xml: string): string | undefined {
  return /<Code>([^<]+)<\/Code>/.exec(xml)?.[1];
}

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
const md5 = (data: Uint8Array) => createHash('md5').update(data).digest('hex');

describe('buckets and objects through the SDK', () => {
  it('stores an object and returns it with its type, metadata and MD5 ETag', async () => {
    // Prepare
    const key = 'signatures/booking 42/sig+1.svg';
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0L10 10"/></svg>';

    // Act
    const put = await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: key,
        Body: svg,
        ContentType: 'image/svg+xml',
        Metadata: { courier: 'c-7' },
      }),
    );
    const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));

    // Assess
    expect(put.ETag).toBe(`"${md5(Buffer.from(svg))}"`);
    expect(await got.Body?.transformToString()).toBe(svg);
    expect(got.ContentType).toBe('image/svg+xml');
    expect(got.Metadata).toEqual({ courier: 'c-7' });
    expect(got.ETag).toBe(put.ETag);
    expect(head.ContentLength).toBe(Buffer.byteLength(svg));
    expect(head.ContentType).toBe('image/svg+xml');
    expect(head.LastModified).toBeInstanceOf(Date);
  });

  it('serves a byte range', async () => {
    // Prepare
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'photo.png', Body: PNG, ContentType: 'image/png' }));

    // Act
    const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'photo.png', Range: 'bytes=1-3' }));

    // Assess
    expect(got.ContentRange).toBe(`bytes 1-3/${PNG.length}`);
    expect(Buffer.from(await got.Body!.transformToByteArray()).toString('latin1')).toBe('PNG');
  });

  it('serves suffix and open ranges as S3 does: 206 with Content-Range, 416 InvalidRange past the end', async () => {
    // Prepare
    const small = Buffer.from('0123456789');
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'photo.png', Body: PNG, ContentType: 'image/png' }));
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'small.jpg', Body: small, ContentType: 'image/jpeg' }));
    const bytesOf = async (key: string, range: string) => {
      const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key, Range: range }));
      return {
        range: got.ContentRange,
        length: got.ContentLength,
        body: Buffer.from(await got.Body!.transformToByteArray()),
      };
    };

    // Act
    const last = await bytesOf('photo.png', 'bytes=-16');
    const from = await bytesOf('photo.png', `bytes=${PNG.length - 3}-`);
    const suffixBeyond = await bytesOf('small.jpg', 'bytes=-16');
    const clipped = await bytesOf('small.jpg', 'bytes=0-15');
    const past = await errorOf(
      s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'small.jpg', Range: 'bytes=10-20' })),
    );
    const emptySuffix = await errorOf(
      s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'small.jpg', Range: 'bytes=-0' })),
    );
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'photo.png', Range: 'bytes=-16' }));
    const replaced = await errorOf(
      s3.send(
        new GetObjectCommand({ Bucket: BUCKET, Key: 'small.jpg', Range: 'bytes=-16', IfMatch: '"not-its-etag"' }),
      ),
    );

    // Assess
    expect(last).toEqual({
      range: `bytes ${PNG.length - 16}-${PNG.length - 1}/${PNG.length}`,
      length: 16,
      body: PNG.subarray(-16),
    });
    expect(from.body.equals(PNG.subarray(-3))).toBe(true);
    expect(suffixBeyond).toEqual({ range: 'bytes 0-9/10', length: 10, body: small });
    expect(clipped).toEqual({ range: 'bytes 0-9/10', length: 10, body: small });
    expect(past.name).toBe('InvalidRange');
    expect(past.$metadata?.httpStatusCode).toBe(416);
    expect(emptySuffix.name).toBe('InvalidRange');
    expect(head.ContentRange).toBe(`bytes ${PNG.length - 16}-${PNG.length - 1}/${PNG.length}`);
    expect(head.ContentLength).toBe(16);
    expect(replaced.$metadata?.httpStatusCode).toBe(412);
  });

  it('lists with prefix, delimiter, max-keys and continuation tokens', async () => {
    // Prepare
    const keys = ['photos/b1/1.jpg', 'photos/b1/2.jpg', 'photos/b2/1.jpg', 'photos/top.jpg', 'signatures/b1.svg'];
    for (const key of keys) await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: key }));

    // Act
    const grouped = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'photos/', Delimiter: '/' }));
    const pages: string[][] = [];
    let token: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, MaxKeys: 2, ContinuationToken: token }));
      pages.push((page.Contents ?? []).map((o) => o.Key!));
      token = page.NextContinuationToken;
    } while (token);
    const firstGroupedPage = await s3.send(
      new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'photos/', Delimiter: '/', MaxKeys: 1 }),
    );
    const secondGroupedPage = await s3.send(
      new ListObjectsV2Command({
        Bucket: BUCKET,
        Prefix: 'photos/',
        Delimiter: '/',
        MaxKeys: 1,
        ContinuationToken: firstGroupedPage.NextContinuationToken,
      }),
    );

    // Assess
    expect(grouped.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['photos/b1/', 'photos/b2/']);
    expect(grouped.Contents?.map((o) => [o.Key, o.Size])).toEqual([['photos/top.jpg', 'photos/top.jpg'.length]]);
    expect(grouped.KeyCount).toBe(3);
    expect(grouped.IsTruncated).toBe(false);
    expect(pages).toEqual([keys.slice(0, 2), keys.slice(2, 4), keys.slice(4)]);
    expect(firstGroupedPage.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['photos/b1/']);
    expect(firstGroupedPage.IsTruncated).toBe(true);
    expect(secondGroupedPage.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['photos/b2/']);
  });

  it('deletes one object and many objects', async () => {
    // Prepare
    for (const key of ['a.jpg', 'b.jpg', 'c & d.jpg']) {
      await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: key }));
    }

    // Act
    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'a.jpg' }));
    const many = await s3.send(
      new DeleteObjectsCommand({ Bucket: BUCKET, Delete: { Objects: [{ Key: 'b.jpg' }, { Key: 'c & d.jpg' }] } }),
    );
    const left = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }));

    // Assess
    expect(many.Deleted?.map((d) => d.Key)).toEqual(['b.jpg', 'c & d.jpg']);
    expect(left.KeyCount).toBe(0);
    expect(left.Contents).toBeUndefined();
  });

  it('lists and heads buckets', async () => {
    // Act
    const buckets = await s3.send(new ListBucketsCommand({}));
    const head = await s3.send(new HeadBucketCommand({ Bucket: BUCKET }));

    // Assess
    expect(buckets.Buckets?.map((b) => b.Name)).toEqual([BUCKET]);
    expect(buckets.Buckets?.[0]?.CreationDate).toBeInstanceOf(Date);
    expect(head.BucketRegion).toBe('us-east-1');
  });

  it('decodes a streamed (aws-chunked) upload and checks its trailing checksum', async () => {
    // Prepare
    const body = Readable.from([PNG.subarray(0, 100), PNG.subarray(100)]);

    // Act
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'streamed.png', Body: body, ContentLength: PNG.length }));
    const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'streamed.png' }));

    // Assess
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(PNG)).toBe(true);
  });
});

describe('errors as S3 sends them', () => {
  it('answers a missing key with the typed NoSuchKey and a missing bucket with NoSuchBucket', async () => {
    // Act
    const missingKey = await errorOf(s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'nope.jpg' })));
    const missingBucket = await errorOf(s3.send(new GetObjectCommand({ Bucket: 'no-such-bucket', Key: 'x' })));
    const missingHead = await errorOf(s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'nope.jpg' })));

    // Assess
    expect(missingKey).toBeInstanceOf(NoSuchKey);
    expect(missingKey.$metadata?.httpStatusCode).toBe(404);
    expect(missingBucket).toBeInstanceOf(NoSuchBucket);
    expect(missingHead.name).toBe('NotFound');
    expect(missingHead.$metadata?.httpStatusCode).toBe(404);
  });

  it('refuses a wrong secret and an unknown access key', async () => {
    // Prepare
    const wrongSecret = clientWith({ credentials: { accessKeyId: 'local', secretAccessKey: 'guess' } });
    const unknownKey = clientWith({ credentials: { accessKeyId: 'someone', secretAccessKey: 'local' } });

    // Act
    const mismatch = await errorOf(wrongSecret.send(new ListObjectsV2Command({ Bucket: BUCKET })));
    const unknown = await errorOf(unknownKey.send(new ListObjectsV2Command({ Bucket: BUCKET })));

    // Assess
    expect(mismatch.name).toBe('SignatureDoesNotMatch');
    expect(mismatch.$metadata?.httpStatusCode).toBe(403);
    expect(unknown.name).toBe('InvalidAccessKeyId');
    expect(unknown.$metadata?.httpStatusCode).toBe(403);
  });

  it('refuses an object over the size limit with EntityTooLarge', async () => {
    // Act
    const error = await errorOf(
      s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'huge.jpg', Body: Buffer.alloc(MAX_OBJECT_BYTES + 1) })),
    );

    // Assess
    expect(error.name).toBe('EntityTooLarge');
    expect(error.$metadata?.httpStatusCode).toBe(400);
  });

  it('refuses a body that does not match its Content-MD5', async () => {
    // Act
    const error = await errorOf(
      s3.send(
        new PutObjectCommand({
          Bucket: BUCKET,
          Key: 'x.jpg',
          Body: 'actual',
          ContentMD5: createHash('md5').update('other').digest('base64'),
        }),
      ),
    );

    // Assess
    expect(error.name).toBe('BadDigest');
  });

  it('names the option that is wrong when built with bad options', () => {
    // Act
    const build = () => createS3Emulator({ credentials: [], maxObjectBytes: -1 });

    // Assess
    expect(build).toThrow(/credentials: give at least one .*; maxObjectBytes: must be a whole number/);
  });

  it('passes requests not signed for s3 on to the next handler', async () => {
    // Prepare
    const unsigned = new Request(`${ENDPOINT}/${BUCKET}/a.jpg`);

    // Act
    const response = await emulator.handle(unsigned);

    // Assess
    expect(response).toBeUndefined();
  });
});

describe('presigned URLs', () => {
  const presign = (command: PutObjectCommand | GetObjectCommand, options: Parameters<typeof getSignedUrl>[2] = {}) =>
    getSignedUrl(presigner, command, { expiresIn: 300, ...options });

  it('lets a browser upload with a presigned PUT and read back with a presigned GET', async () => {
    // Prepare
    const key = "photos/b9 (Zoë's)!*~.png";
    const putUrl = await presign(new PutObjectCommand({ Bucket: BUCKET, Key: key, ContentType: 'image/png' }));
    const getUrl = await presign(new GetObjectCommand({ Bucket: BUCKET, Key: key }));

    // Act
    const uploaded = await fetch(putUrl, { method: 'PUT', body: PNG, headers: { 'Content-Type': 'image/png' } });
    const downloaded = await fetch(getUrl);

    // Assess
    expect(uploaded.status).toBe(200);
    expect(uploaded.headers.get('etag')).toBe(`"${md5(PNG)}"`);
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await downloaded.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents?.map((o) => o.Key)).toEqual([key]);
  });

  it('accepts an upload URL presigned with the default checksum settings (S3 ignores query checksums)', async () => {
    // Prepare
    const putUrl = await getSignedUrl(s3, new PutObjectCommand({ Bucket: BUCKET, Key: 'default.png' }), {
      expiresIn: 60,
    });

    // Act
    const uploaded = await fetch(putUrl, { method: 'PUT', body: PNG });

    // Assess
    expect(new URL(putUrl).searchParams.get('x-amz-checksum-crc32')).toBe('AAAAAA==');
    expect(uploaded.status).toBe(200);
  });

  it('refuses a tampered signature, another key, another method and an expired URL with 403', async () => {
    // Prepare
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'photos/mine.png', Body: PNG }));
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'photos/theirs.png', Body: PNG }));
    const getUrl = await presign(new GetObjectCommand({ Bucket: BUCKET, Key: 'photos/mine.png' }));
    const tampered = new URL(getUrl);
    const signature = tampered.searchParams.get('X-Amz-Signature')!;
    tampered.searchParams.set('X-Amz-Signature', `${signature.startsWith('0') ? '1' : '0'}${signature.slice(1)}`);
    const otherKey = getUrl.replace('photos/mine.png', 'photos/theirs.png');
    const expiredUrl = await presign(new GetObjectCommand({ Bucket: BUCKET, Key: 'photos/mine.png' }), {
      expiresIn: 60,
      signingDate: new Date(Date.now() - 10 * 60_000),
    });

    // Act
    const answers = await Promise.all([
      fetch(tampered),
      fetch(otherKey),
      fetch(getUrl, { method: 'PUT', body: 'overwrite' }),
      fetch(expiredUrl),
    ]);
    const bodies = await Promise.all(answers.map((a) => a.text()));

    // Assess
    expect(answers.map((a) => a.status)).toEqual([403, 403, 403, 403]);
    expect(bodies.slice(0, 3).map(s3ErrorCode)).toEqual([
      'SignatureDoesNotMatch',
      'SignatureDoesNotMatch',
      'SignatureDoesNotMatch',
    ]);
    expect(s3ErrorCode(bodies[3]!)).toBe('AccessDenied');
    expect(bodies[3]).toContain('<Message>Request has expired</Message>');
    const still = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'photos/mine.png' }));
    expect(Buffer.from(await still.Body!.transformToByteArray()).equals(PNG)).toBe(true);
  });

  it('refuses an oversize upload through a presigned URL', async () => {
    // Prepare
    const putUrl = await presign(new PutObjectCommand({ Bucket: BUCKET, Key: 'photos/big.jpg' }));

    // Act
    const answer = await fetch(putUrl, { method: 'PUT', body: Buffer.alloc(MAX_OBJECT_BYTES * 2) });
    const body = await answer.text();

    // Assess
    expect(answer.status).toBe(400);
    expect(s3ErrorCode(body)).toBe('EntityTooLarge');
    expect(body).toContain(`<MaxSizeAllowed>${MAX_OBJECT_BYTES}</MaxSizeAllowed>`);
    expect(await errorOf(s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'photos/big.jpg' })))).toHaveProperty(
      'name',
      'NotFound',
    );
  });
});

describe('CORS', () => {
  const preflight = (origin: string, method: string, headers = 'content-type') =>
    fetch(`${ENDPOINT}/${BUCKET}/photos/p.png`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': headers },
    });

  it('answers a preflight from the web app with the default local rules', async () => {
    // Act
    const answer = await preflight(WEB_ORIGIN, 'PUT');

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(WEB_ORIGIN);
    expect(answer.headers.get('access-control-allow-methods')).toBe('GET, PUT, HEAD');
    expect(answer.headers.get('access-control-allow-headers')).toBe('content-type');
  });

  it('follows the bucket CORS configuration once one is set', async () => {
    // Prepare
    await s3.send(
      new PutBucketCorsCommand({
        Bucket: BUCKET,
        CORSConfiguration: {
          CORSRules: [
            {
              AllowedOrigins: ['https://admin.example.com'],
              AllowedMethods: ['GET', 'PUT'],
              AllowedHeaders: ['content-type'],
              ExposeHeaders: ['ETag'],
              MaxAgeSeconds: 600,
            },
          ],
        },
      }),
    );

    // Act
    const stored = await s3.send(new GetBucketCorsCommand({ Bucket: BUCKET }));
    const allowed = await preflight('https://admin.example.com', 'PUT');
    const otherOrigin = await preflight(WEB_ORIGIN, 'PUT');
    const otherHeader = await preflight('https://admin.example.com', 'PUT', 'x-custom');

    // Assess
    expect(stored.CORSRules).toEqual([
      {
        AllowedOrigins: ['https://admin.example.com'],
        AllowedMethods: ['GET', 'PUT'],
        AllowedHeaders: ['content-type'],
        ExposeHeaders: ['ETag'],
        MaxAgeSeconds: 600,
      },
    ]);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://admin.example.com');
    expect(allowed.headers.get('access-control-max-age')).toBe('600');
    expect(otherOrigin.status).toBe(403);
    expect(s3ErrorCode(await otherOrigin.text())).toBe('AccessForbidden');
    expect(otherHeader.status).toBe(403);
  });
});
