// The S3 emulator as msw request handlers: path-style and virtual-hosted (`<bucket>.localhost`) buckets and objects, SigV4 (header-signed and presigned)
// verified with the local credentials, S3's XML shapes and error codes. The same handlers answer in-process in
// tests (setupServer) and on the local gateway (s3-service.ts).
import { signingServiceOf } from '../fetch-bridge';
import { randomBytes } from 'node:crypto';
import { http, type HttpHandler } from 'msw';
import { decodeAwsChunked, checksumHeader, verifyUploadIntegrity } from './s3-checksums';
import {
  answerPreflight,
  corsConfigurationXml,
  corsResponseHeaders,
  DEFAULT_CORS_RULES,
  parseCorsConfiguration,
} from './s3-cors';
import {
  invalidArgument,
  malformedXml,
  MAX_HEADER_SECTION_BYTES,
  noSuchBucket,
  notImplemented,
  requestHeaderSectionTooLarge,
  S3Error,
} from './s3-errors';
import { createSignatureVerifier, queryPairs, verifyPayloadHash, type S3Credentials } from './s3-signature';
import { createS3Store, type CorsRule, type ObjectHeaders, type ObjectRecord, type S3Store } from './s3-store';
import { childrenNamed, childText, parseXml, xmlDocument, xmlTextDocument, type XmlNode } from './s3-xml';

export type S3EmulatorOptions = {
  /** Access keys the emulator accepts; signatures are recomputed with their secrets. */
  credentials: readonly S3Credentials[];
  /** The region signatures must be scoped to and new buckets live in. Default us-east-1. */
  region?: string;
  /** Storage to serve; otherwise one is created from `dataDir`. */
  store?: S3Store;
  /** Directory to persist objects to, e.g. `.data/s3`; in memory when absent (and no `store`). */
  dataDir?: string;
  /** Largest object PutObject accepts; larger uploads get 400 EntityTooLarge. Default 10 MiB. */
  maxObjectBytes?: number;
  /** CORS rules for buckets without a CORS configuration of their own. Default: GET/PUT/HEAD from localhost. */
  defaultCorsRules?: readonly CorsRule[];
  /**
   * Answer only requests to this origin (e.g. `http://localhost:4566`), and answer all of them (unsigned ones
   * with AccessDenied). Without it, requests are recognised by their SigV4 scope (`…/s3/aws4_request`) and
   * unsigned ones pass through to the next handler, so the handlers can sit beside other emulators.
   */
  endpoint?: string;
  now?: () => number;
  log?: (message: string, detail?: unknown) => void;
};

export type S3Emulator = {
  store: S3Store;
  handlers: HttpHandler[];
  /** The response S3 would give, or undefined when the request is not for S3 (see `endpoint`). */
  handle(request: Request): Promise<Response | undefined>;
};

export const DEFAULT_MAX_OBJECT_BYTES = 10 * 1024 * 1024;
const MAX_KEY_BYTES = 1024;
const MAX_METADATA_BYTES = 2048;
const MAX_LIST_KEYS = 1000;
const MAX_DELETE_KEYS = 1000;
const OWNER = { ID: '75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a', DisplayName: 'local' };

/** Subresources the emulator does not implement; answered with 501 rather than mistaken for plain operations. */
const UNSUPPORTED_SUBRESOURCES = [
  'acl',
  'tagging',
  'uploads',
  'uploadId',
  'versioning',
  'versions',
  'policy',
  'lifecycle',
  'website',
  'encryption',
  'notification',
  'replication',
  'logging',
  'ownershipControls',
  'publicAccessBlock',
  'accelerate',
  'requestPayment',
  'object-lock',
  'legal-hold',
  'retention',
  'attributes',
  'restore',
  'select',
];
/** GetObject's response-* query parameters and the header each one overrides. */
const RESPONSE_OVERRIDES: Record<string, string> = {
  'response-content-type': 'Content-Type',
  'response-content-disposition': 'Content-Disposition',
  'response-content-encoding': 'Content-Encoding',
  'response-content-language': 'Content-Language',
  'response-cache-control': 'Cache-Control',
  'response-expires': 'Expires',
};

type Target = { bucket?: string; key?: string };

function parseTarget(path: string): Target {
  const rest = path.replace(/^\//, '');
  if (rest === '') return {};
  const slash = rest.indexOf('/');
  const rawBucket = slash === -1 ? rest : rest.slice(0, slash);
  const rawKey = slash === -1 ? '' : rest.slice(slash + 1);
  try {
    const bucket = decodeURIComponent(rawBucket);
    return rawKey === '' ? { bucket } : { bucket, key: decodeURIComponent(rawKey) };
  } catch {
    throw new S3Error(400, 'InvalidURI', "Couldn't parse the specified URI.", { URI: path });
  }
}

/** Host suffixes of a virtual-hosted request to a local endpoint: `<bucket>.localhost`, `<bucket>.s3.localhost`. */
const VIRTUAL_HOST_SUFFIXES = ['.s3.localhost', '.localhost'];

/**
 * The request's URL in path style: a virtual-hosted request (what the SDK sends by default to an endpoint
 * named `localhost`: `http://<bucket>.localhost:4566/<key>`) has its bucket moved from the host into the
 * path, so the origin is the endpoint's and the path is `/<bucket>/<key>`.
 */
function pathStyleOf(url: URL): URL {
  const suffix = VIRTUAL_HOST_SUFFIXES.find((s) => url.hostname.endsWith(s) && url.hostname.length > s.length);
  if (!suffix) return url;
  const bucket = url.hostname.slice(0, -suffix.length);
  const pathStyle = new URL(url);
  pathStyle.hostname = suffix.slice(1);
  pathStyle.pathname = `/${bucket}${url.pathname}`;
  return pathStyle;
}

/** The bytes of the request line and header lines as sent over HTTP/1.1: what S3 holds to 8 KiB. */
function headerSectionBytes(request: Request, url: URL): number {
  let bytes = Buffer.byteLength(`${request.method} ${url.pathname}${url.search} HTTP/1.1\r\n`);
  if (!request.headers.has('host')) bytes += Buffer.byteLength(`host: ${url.host}\r\n`);
  request.headers.forEach((value, name) => {
    bytes += Buffer.byteLength(`${name}: ${value}\r\n`);
  });
  return bytes + 2;
}

function requestId(): string {
  return randomBytes(8).toString('hex').toUpperCase();
}

function isValidBucketName(name: string): boolean {
  return (
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) &&
    !name.includes('..') &&
    !/^\d+\.\d+\.\d+\.\d+$/.test(name) &&
    !name.startsWith('xn--')
  );
}

function xmlResponse(root: string, node: XmlNode, headers: Record<string, string>, status = 200): Response {
  return new Response(xmlDocument(root, node), { status, headers: { ...headers, 'Content-Type': 'application/xml' } });
}

function parseBody(body: Buffer): ReturnType<typeof parseXml> {
  try {
    return parseXml(body.toString('utf8'));
  } catch {
    throw malformedXml();
  }
}

/** `bytes=a-b`, `bytes=a-` or `bytes=-n` against an object of `size` bytes; undefined means "the whole object". */
function parseRange(header: string | null, size: number): { start: number; end: number } | undefined {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  const unsatisfiable = () =>
    new S3Error(416, 'InvalidRange', 'The requested range is not satisfiable', {
      RangeRequested: header ?? '',
      ActualObjectSize: size,
    });
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) throw unsatisfiable();
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (m[2] !== '' && Number(m[2]) < start) return undefined;
  if (start >= size) throw unsatisfiable();
  return { start, end };
}

function objectHeaders(record: ObjectRecord, includeChecksum: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': record.contentType,
    ETag: record.etag,
    'Last-Modified': new Date(record.lastModified).toUTCString(),
    'Accept-Ranges': 'bytes',
    'x-amz-server-side-encryption': 'AES256',
  };
  if (record.contentEncoding) headers['Content-Encoding'] = record.contentEncoding;
  if (record.contentDisposition) headers['Content-Disposition'] = record.contentDisposition;
  if (record.contentLanguage) headers['Content-Language'] = record.contentLanguage;
  if (record.cacheControl) headers['Cache-Control'] = record.cacheControl;
  if (record.expires) headers.Expires = record.expires;
  for (const [name, value] of Object.entries(record.metadata)) headers[`x-amz-meta-${name}`] = value;
  if (includeChecksum && record.checksum) {
    headers[checksumHeader(record.checksum.algorithm)] = record.checksum.value;
    headers['x-amz-checksum-type'] = 'FULL_OBJECT';
  }
  return headers;
}

/** If-Match / If-None-Match / If-Modified-Since / If-Unmodified-Since, in S3's order of precedence. */
function checkConditions(request: Request, record: ObjectRecord): 'ok' | 'not-modified' {
  const etagMatches = (header: string) =>
    header.split(',').some((tag) => {
      const t = tag.trim();
      return t === '*' || t === record.etag || `"${t}"` === record.etag;
    });
  const modified = Math.floor(new Date(record.lastModified).getTime() / 1000);
  const since = (header: string | null) => (header ? Math.floor(new Date(header).getTime() / 1000) : NaN);
  const ifMatch = request.headers.get('if-match');
  const ifNoneMatch = request.headers.get('if-none-match');
  const failed = (condition: string) =>
    new S3Error(412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', {
      Condition: condition,
    });
  if (ifMatch !== null && !etagMatches(ifMatch)) throw failed('If-Match');
  const unmodifiedSince = since(request.headers.get('if-unmodified-since'));
  if (ifMatch === null && modified > unmodifiedSince) throw failed('If-Unmodified-Since');
  if (ifNoneMatch !== null && etagMatches(ifNoneMatch)) return 'not-modified';
  const modifiedSince = since(request.headers.get('if-modified-since'));
  if (ifNoneMatch === null && modified <= modifiedSince) return 'not-modified';
  return 'ok';
}

function storedHeaders(request: Request): ObjectHeaders & { metadata: Record<string, string> } {
  const metadata: Record<string, string> = {};
  let metadataBytes = 0;
  request.headers.forEach((value, name) => {
    if (!name.startsWith('x-amz-meta-')) return;
    const short = name.slice('x-amz-meta-'.length);
    metadata[short] = value;
    metadataBytes += Buffer.byteLength(short) + Buffer.byteLength(value);
  });
  if (metadataBytes > MAX_METADATA_BYTES) {
    throw new S3Error(400, 'MetadataTooLarge', 'Your metadata headers exceed the maximum allowed metadata size', {
      Size: metadataBytes,
      MaxSizeAllowed: MAX_METADATA_BYTES,
    });
  }
  const header = (name: string) => request.headers.get(name) ?? undefined;
  const encoding = header('content-encoding')
    ?.split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '' && e !== 'aws-chunked')
    .join(', ');
  return {
    contentType: header('content-type') ?? 'application/octet-stream',
    ...(encoding ? { contentEncoding: encoding } : {}),
    ...(header('content-disposition') ? { contentDisposition: header('content-disposition') } : {}),
    ...(header('content-language') ? { contentLanguage: header('content-language') } : {}),
    ...(header('cache-control') ? { cacheControl: header('cache-control') } : {}),
    ...(header('expires') ? { expires: header('expires') } : {}),
    metadata,
  };
}

/** A ListObjectsV2 continuation token: the last key or common prefix handed out, opaque to the caller. */
const encodeToken = (marker: string) => Buffer.from(JSON.stringify({ m: marker }), 'utf8').toString('base64url');

function decodeToken(token: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { m?: unknown };
    if (typeof parsed.m === 'string') return parsed.m;
  } catch {
    // answered below
  }
  throw invalidArgument('continuation-token', token, 'The continuation token provided is incorrect');
}

function validateOptions(options: S3EmulatorOptions): void {
  const problems: string[] = [];
  if (options.credentials.length === 0 || options.credentials.some((c) => !c.accessKeyId || !c.secretAccessKey)) {
    problems.push('credentials: give at least one { accessKeyId, secretAccessKey } (the stack uses LOCAL_CREDENTIALS)');
  }
  if (
    options.maxObjectBytes !== undefined &&
    !(Number.isInteger(options.maxObjectBytes) && options.maxObjectBytes > 0)
  ) {
    problems.push(`maxObjectBytes: must be a whole number of bytes above 0, got ${options.maxObjectBytes}`);
  }
  if (options.region !== undefined && !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(options.region)) {
    problems.push(`region: must be an AWS region name like us-east-1, got "${options.region}"`);
  }
  if (options.endpoint !== undefined && !URL.canParse(options.endpoint)) {
    problems.push(`endpoint: must be an absolute URL like http://localhost:4566, got "${options.endpoint}"`);
  }
  if (problems.length > 0) throw new Error(`Invalid S3 emulator options: ${problems.join('; ')}`);
}

/** Builds the S3 emulator: its storage, its request handling and msw handlers around it. */
export function createS3Emulator(options: S3EmulatorOptions): S3Emulator {
  validateOptions(options);
  const region = options.region ?? 'us-east-1';
  const store = options.store ?? createS3Store({ dataDir: options.dataDir });
  const maxObjectBytes = options.maxObjectBytes ?? DEFAULT_MAX_OBJECT_BYTES;
  const defaultCors = options.defaultCorsRules ?? DEFAULT_CORS_RULES;
  const endpointOrigin = options.endpoint ? new URL(options.endpoint).origin : undefined;
  const log = options.log ?? ((m, d) => console.error(`[s3] ${m}`, d ?? ''));
  const verifier = createSignatureVerifier({ credentials: options.credentials, region, now: options.now });

  const corsRulesOf = async (bucket: string | undefined): Promise<readonly CorsRule[]> => {
    if (!bucket || !store.hasBucket(bucket)) return defaultCors;
    return (await store.getBucket(bucket)).cors ?? defaultCors;
  };

  async function serve(request: Request, url: URL, body: Buffer, id: string): Promise<Response> {
    const method = request.method.toUpperCase();
    const pairs = queryPairs(url.search.slice(1));
    const query = new Map(pairs);
    const base = { 'x-amz-request-id': id, 'x-amz-id-2': Buffer.from(id).toString('base64') };
    const { bucket, key } = parseTarget(url.pathname);
    const unsupported = UNSUPPORTED_SUBRESOURCES.find((name) => query.has(name));
    if (unsupported) throw notImplemented(`the "${unsupported}" subresource`);

    if (bucket === undefined) {
      if (method !== 'GET')
        throw new S3Error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
      const buckets = await store.listBuckets();
      return xmlResponse(
        'ListAllMyBucketsResult',
        {
          Owner: OWNER,
          Buckets: {
            Bucket: buckets.map((b) => ({ Name: b.name, CreationDate: new Date(b.createdAt), BucketRegion: b.region })),
          },
        },
        base,
      );
    }

    if (key === undefined) {
      switch (method) {
        case 'PUT':
          if (query.has('cors')) {
            await store.setCors(bucket, parseCorsConfiguration(body.toString('utf8')));
            return new Response(null, { status: 200, headers: base });
          }
          return createBucket(bucket, body, base);
        case 'HEAD': {
          const record = await store.getBucket(bucket);
          return new Response(null, { status: 200, headers: { ...base, 'x-amz-bucket-region': record.region } });
        }
        case 'GET': {
          if (query.has('cors')) {
            const record = await store.getBucket(bucket);
            if (!record.cors) {
              throw new S3Error(404, 'NoSuchCORSConfiguration', 'The CORS configuration does not exist', {
                BucketName: bucket,
              });
            }
            return xmlResponse('CORSConfiguration', corsConfigurationXml(record.cors), base);
          }
          if (query.has('location')) {
            const record = await store.getBucket(bucket);
            // us-east-1 is the empty location constraint, as S3 answers it.
            const location = record.region === 'us-east-1' ? '' : record.region;
            return new Response(xmlTextDocument('LocationConstraint', location), {
              headers: { ...base, 'Content-Type': 'application/xml' },
            });
          }
          if (query.get('list-type') === '2') return listObjectsV2(bucket, query, base);
          throw notImplemented('ListObjects (version 1); use ListObjectsV2');
        }
        case 'DELETE':
          if (query.has('cors')) {
            await store.setCors(bucket, undefined);
          } else {
            await store.deleteBucket(bucket);
          }
          return new Response(null, { status: 204, headers: base });
        case 'POST':
          if (query.has('delete')) return deleteObjects(bucket, body, base);
          throw notImplemented(`POST on a bucket without ?delete`);
        default:
          throw new S3Error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
      }
    }

    if (Buffer.byteLength(key) > MAX_KEY_BYTES) {
      throw new S3Error(400, 'KeyTooLongError', 'Your key is too long', {
        Size: Buffer.byteLength(key),
        MaxSizeAllowed: MAX_KEY_BYTES,
      });
    }
    switch (method) {
      case 'PUT':
        return putObject(request, bucket, key, body, base);
      case 'GET':
      case 'HEAD':
        return getObject(request, query, bucket, key, base);
      case 'DELETE':
        await store.getBucket(bucket);
        await store.deleteObject(bucket, key);
        return new Response(null, { status: 204, headers: base });
      default:
        throw new S3Error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
    }
  }

  async function createBucket(bucket: string, body: Buffer, base: Record<string, string>): Promise<Response> {
    if (!isValidBucketName(bucket)) {
      throw new S3Error(400, 'InvalidBucketName', 'The specified bucket is not valid.', { BucketName: bucket });
    }
    if (body.length > 0) {
      const constraint = childText(parseBody(body), 'LocationConstraint')?.trim();
      if (constraint && constraint !== region) {
        throw new S3Error(
          400,
          'IllegalLocationConstraintException',
          `The ${constraint} location constraint is incompatible for the region specific endpoint this request was sent to.`,
        );
      }
    }
    const created = await store.createBucket(bucket, region);
    if (!created && region !== 'us-east-1') {
      throw new S3Error(
        409,
        'BucketAlreadyOwnedByYou',
        'Your previous request to create the named bucket succeeded and you already own it.',
        { BucketName: bucket },
      );
    }
    return new Response(null, { status: 200, headers: { ...base, Location: `/${bucket}` } });
  }

  async function putObject(
    request: Request,
    bucket: string,
    key: string,
    raw: Buffer,
    base: Record<string, string>,
  ): Promise<Response> {
    if (request.headers.has('x-amz-copy-source')) throw notImplemented('CopyObject');
    await store.getBucket(bucket);
    const chunked =
      (request.headers.get('content-encoding') ?? '').includes('aws-chunked') ||
      (request.headers.get('x-amz-content-sha256') ?? '').startsWith('STREAMING-');
    const declared = Number(request.headers.get(chunked ? 'x-amz-decoded-content-length' : 'content-length') ?? NaN);
    const tooLarge = (size: number) =>
      new S3Error(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', {
        ProposedSize: size,
        MaxSizeAllowed: maxObjectBytes,
      });
    if (declared > maxObjectBytes) throw tooLarge(declared);
    const { data, trailers } = chunked ? decodeAwsChunked(raw) : { data: raw, trailers: {} };
    if (data.length > maxObjectBytes) throw tooLarge(data.length);
    const checksum = verifyUploadIntegrity(request.headers, trailers, data);
    const record = await store.putObject(
      bucket,
      key,
      { ...storedHeaders(request), ...(checksum ? { checksum } : {}) },
      data,
    );
    return new Response(null, {
      status: 200,
      headers: {
        ...base,
        ETag: record.etag,
        'x-amz-server-side-encryption': 'AES256',
        ...(checksum
          ? { [checksumHeader(checksum.algorithm)]: checksum.value, 'x-amz-checksum-type': 'FULL_OBJECT' }
          : {}),
      },
    });
  }

  async function getObject(
    request: Request,
    query: Map<string, string>,
    bucket: string,
    key: string,
    base: Record<string, string>,
  ): Promise<Response> {
    const head = request.method.toUpperCase() === 'HEAD';
    const checksumMode = (request.headers.get('x-amz-checksum-mode') ?? query.get('x-amz-checksum-mode')) === 'ENABLED';
    const record = await store.headObject(bucket, key);
    if (checkConditions(request, record) === 'not-modified') {
      return new Response(null, {
        status: 304,
        headers: { ...base, ETag: record.etag, 'Last-Modified': new Date(record.lastModified).toUTCString() },
      });
    }
    const range = parseRange(request.headers.get('range'), record.size);
    const headers: Record<string, string> = { ...base, ...objectHeaders(record, checksumMode && !range) };
    for (const [param, header] of Object.entries(RESPONSE_OVERRIDES)) {
      const value = query.get(param);
      if (value !== undefined) headers[header] = value;
    }
    const status = range ? 206 : 200;
    if (range) headers['Content-Range'] = `bytes ${range.start}-${range.end}/${record.size}`;
    const length = range ? range.end - range.start + 1 : record.size;
    headers['Content-Length'] = String(length);
    if (head) return new Response(null, { status, headers });
    const { data } = await store.getObject(bucket, key);
    const slice = range ? data.subarray(range.start, range.end + 1) : data;
    return new Response(new Uint8Array(slice), { status, headers });
  }

  async function listObjectsV2(
    bucket: string,
    query: Map<string, string>,
    base: Record<string, string>,
  ): Promise<Response> {
    const objects = await store.listObjects(bucket);
    const prefix = query.get('prefix') ?? '';
    const delimiter = query.get('delimiter') || undefined;
    const startAfter = query.get('start-after') || undefined;
    const token = query.get('continuation-token');
    const encodingType = query.get('encoding-type');
    if (encodingType !== undefined && encodingType !== 'url') {
      throw invalidArgument('encoding-type', encodingType, 'Invalid Encoding Method specified in Request');
    }
    const maxKeysText = query.get('max-keys');
    const maxKeys = maxKeysText === undefined ? MAX_LIST_KEYS : Number(maxKeysText);
    if (!Number.isInteger(maxKeys) || maxKeys < 0 || !/^\d+$/.test(maxKeysText ?? '0')) {
      throw invalidArgument('max-keys', maxKeysText, 'Provided max-keys not an integer or within integer range');
    }
    const limit = Math.min(maxKeys, MAX_LIST_KEYS);
    const marker = token !== undefined ? decodeToken(token) : startAfter;
    const encode = (text: string) => (encodingType === 'url' ? encodeURIComponent(text).replace(/%2F/g, '/') : text);

    const contents: ObjectRecord[] = [];
    const prefixes: string[] = [];
    /** The group last handed out; keys under it are skipped, also across pages (the marker is the group). */
    let lastGroup = marker;
    let lastMarker: string | undefined;
    let truncated = false;
    for (const object of objects) {
      if (!object.key.startsWith(prefix)) continue;
      if (marker !== undefined && Buffer.compare(Buffer.from(object.key), Buffer.from(marker)) <= 0) continue;
      const cut = delimiter ? object.key.indexOf(delimiter, prefix.length) : -1;
      const group = cut === -1 ? undefined : object.key.slice(0, cut + (delimiter?.length ?? 0));
      if (group !== undefined && group === lastGroup) continue;
      if (contents.length + prefixes.length >= limit) {
        truncated = true;
        break;
      }
      if (group !== undefined) {
        prefixes.push(group);
        lastGroup = group;
        lastMarker = group;
      } else {
        contents.push(object);
        lastMarker = object.key;
      }
    }
    return xmlResponse(
      'ListBucketResult',
      {
        Name: bucket,
        Prefix: encode(prefix),
        Delimiter: delimiter !== undefined ? encode(delimiter) : undefined,
        MaxKeys: maxKeys,
        KeyCount: contents.length + prefixes.length,
        IsTruncated: truncated,
        ContinuationToken: token,
        NextContinuationToken: truncated && lastMarker !== undefined ? encodeToken(lastMarker) : undefined,
        StartAfter: startAfter !== undefined ? encode(startAfter) : undefined,
        EncodingType: encodingType,
        Contents: contents.map((o) => ({
          Key: encode(o.key),
          LastModified: new Date(o.lastModified),
          ETag: o.etag,
          ChecksumAlgorithm: o.checksum?.algorithm,
          ChecksumType: o.checksum ? 'FULL_OBJECT' : undefined,
          Size: o.size,
          StorageClass: 'STANDARD',
          Owner: query.get('fetch-owner') === 'true' ? OWNER : undefined,
        })),
        CommonPrefixes: prefixes.map((p) => ({ Prefix: encode(p) })),
      },
      base,
    );
  }

  async function deleteObjects(bucket: string, body: Buffer, base: Record<string, string>): Promise<Response> {
    await store.getBucket(bucket);
    const root = parseBody(body);
    if (root.name !== 'Delete') throw malformedXml();
    const keys = childrenNamed(root, 'Object').map((o) => childText(o, 'Key'));
    if (keys.length === 0 || keys.length > MAX_DELETE_KEYS || keys.some((k) => k === undefined)) throw malformedXml();
    const quiet = childText(root, 'Quiet')?.trim() === 'true';
    const deleted: XmlNode[] = [];
    const errors: XmlNode[] = [];
    for (const key of keys as string[]) {
      try {
        await store.deleteObject(bucket, key);
        if (!quiet) deleted.push({ Key: key });
      } catch (e) {
        log('DeleteObjects failed for a key', e);
        errors.push({
          Key: key,
          Code: 'InternalError',
          Message: 'We encountered an internal error. Please try again.',
        });
      }
    }
    return xmlResponse('DeleteResult', { Deleted: deleted, Error: errors }, base);
  }

  async function handle(request: Request): Promise<Response | undefined> {
    const signed = new URL(request.url);
    const url = pathStyleOf(signed);
    if (endpointOrigin && url.origin !== endpointOrigin) return undefined;
    const id = requestId();
    const method = request.method.toUpperCase();
    let bucket: string | undefined;
    try {
      bucket = parseTarget(url.pathname).bucket;
    } catch {
      bucket = undefined;
    }
    await store.ready;
    const isPreflight = method === 'OPTIONS' && request.headers.has('access-control-request-method');
    const signedForS3 = signingServiceOf(request.headers.get('authorization'), url.search.slice(1)) === 's3';
    if (!endpointOrigin && !signedForS3 && !(isPreflight && bucket !== undefined && store.hasBucket(bucket))) {
      return undefined;
    }

    const rules = await corsRulesOf(bucket);
    const cors = corsResponseHeaders(rules, request);
    try {
      if (headerSectionBytes(request, signed) > MAX_HEADER_SECTION_BYTES) throw requestHeaderSectionTooLarge();
      if (isPreflight) {
        if (!bucket || !store.hasBucket(bucket)) throw noSuchBucket(bucket ?? '');
        const headers = answerPreflight(rules, request, url.pathname.split('/').length > 2 ? 'OBJECT' : 'BUCKET');
        return new Response(null, { status: 200, headers: { ...headers, 'x-amz-request-id': id } });
      }
      if (!signedForS3)
        throw new S3Error(403, 'AccessDenied', 'Access Denied: the local S3 emulator serves signed requests only.');
      const body = method === 'GET' || method === 'HEAD' ? Buffer.alloc(0) : Buffer.from(await request.arrayBuffer());
      // The signature covers the request as the client sent it (a virtual-hosted one: the bucket in the host).
      const signature = verifier.verify({
        method,
        path: signed.pathname,
        query: signed.search.slice(1),
        host: signed.host,
        headers: request.headers,
        bodyLength: body.length,
      });
      if (signature.mode === 'header') verifyPayloadHash(signature.payloadHash, body);
      const response = await serve(request, url, body, id);
      for (const [name, value] of Object.entries(cors)) response.headers.set(name, value);
      return response;
    } catch (error) {
      if (error instanceof S3Error) return error.toResponse(method, id, cors);
      log(`${method} ${url.pathname} failed`, error);
      return new S3Error(500, 'InternalError', 'We encountered an internal error. Please try again.').toResponse(
        method,
        id,
        cors,
      );
    }
  }

  return {
    store,
    handle,
    handlers: [http.all('*', async ({ request }) => handle(request))],
  };
}

/** The emulator's msw handlers, for `setupServer(...createS3Handlers({ credentials }))` in tests. */
export function createS3Handlers(options: S3EmulatorOptions): HttpHandler[] {
  return createS3Emulator(options).handlers;
}
