// AWS Signature Version 4 as S3 checks it: header-signed requests from the SDKs and presigned URLs (query
// parameters) from browsers, recomputed with the local credentials and refused with S3's error codes.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { accessDenied, S3Error } from './s3-errors';

export type S3Credentials = { accessKeyId: string; secretAccessKey: string };

/** What the signature covers, taken from the request as received (path and query still percent-encoded). */
export type SignedRequest = {
  method: string;
  /** Percent-encoded path, exactly as sent. */
  path: string;
  /** Query string without the leading `?`, exactly as sent. */
  query: string;
  /** Used for `host` when the header itself is absent (fetch's Request drops it). */
  host: string;
  headers: Headers;
  /** Used for a signed `content-length` when the header itself is absent. */
  bodyLength: number;
};

export type VerifiedSignature = {
  accessKeyId: string;
  mode: 'header' | 'presigned';
  /** The payload hash the signature covers: a hex SHA-256, UNSIGNED-PAYLOAD or a STREAMING-… marker. */
  payloadHash: string;
};

export type SignatureVerifierOptions = {
  credentials: readonly S3Credentials[];
  /** When set, a signature scoped to another region is refused, as S3 refuses it. */
  region?: string;
  now?: () => number;
};

const ALGORITHM = 'AWS4-HMAC-SHA256';
const AUTHORIZATION_RE =
  /^AWS4-HMAC-SHA256\s+Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})\s*$/;
const CREDENTIAL_RE = /^([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request$/;
const AMZ_DATE_RE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
/** S3 refuses header-signed requests more than 15 minutes off the server clock. */
const MAX_SKEW_MS = 15 * 60_000;
/** Presigned URLs live at most seven days. */
const MAX_EXPIRES_SECONDS = 604_800;
const EMPTY_SHA256 = createHash('sha256').digest('hex');

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Query pairs decoded, in order. `+` stays a plus: SigV4 clients encode spaces as %20. */
export function queryPairs(query: string): [string, string][] {
  if (query === '') return [];
  return query.split('&').map((part) => {
    const eq = part.indexOf('=');
    return eq === -1 ? [decode(part), ''] : [decode(part.slice(0, eq)), decode(part.slice(eq + 1))];
  });
}

function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function canonicalQuery(pairs: [string, string][]): string {
  return pairs
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

function parseAmzDate(value: string | null | undefined): Date | undefined {
  const d = value ? AMZ_DATE_RE.exec(value) : null;
  if (!d) return undefined;
  return new Date(Date.UTC(+d[1]!, +d[2]! - 1, +d[3]!, +d[4]!, +d[5]!, +d[6]!));
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

type Parsed = {
  mode: VerifiedSignature['mode'];
  accessKeyId: string;
  scopeDate: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  amzDate: string;
  signingDate: Date;
  payloadHash: string;
  /** Query pairs the signature covers (all but X-Amz-Signature when presigned). */
  pairs: [string, string][];
  /** Presigned only: X-Amz-Expires. */
  expiresSeconds?: number;
};

function parseHeaderSigned(request: SignedRequest, authorization: string): Parsed {
  const m = AUTHORIZATION_RE.exec(authorization.trim());
  if (!m) {
    throw new S3Error(
      400,
      'AuthorizationHeaderMalformed',
      'The authorization header is malformed; expected "AWS4-HMAC-SHA256 Credential=<key>/<date>/<region>/s3/aws4_request, SignedHeaders=<names>, Signature=<64 hex>".',
    );
  }
  const [, accessKeyId = '', scopeDate = '', region = '', service = '', signedHeaders = '', signature = ''] = m;
  const amzDate = request.headers.get('x-amz-date') ?? '';
  const signingDate = parseAmzDate(amzDate);
  if (!signingDate) {
    throw accessDenied('AWS authentication requires a valid x-amz-date header (YYYYMMDDTHHMMSSZ).');
  }
  const payloadHash = request.headers.get('x-amz-content-sha256');
  if (payloadHash === null) {
    throw new S3Error(400, 'InvalidRequest', 'Missing required header for this request: x-amz-content-sha256');
  }
  return {
    mode: 'header',
    accessKeyId,
    scopeDate,
    region,
    service,
    signedHeaders: signedHeaders.split(';'),
    signature,
    amzDate,
    signingDate,
    payloadHash,
    pairs: queryPairs(request.query),
  };
}

function queryError(message: string): S3Error {
  return new S3Error(400, 'AuthorizationQueryParametersError', message);
}

function parsePresigned(request: SignedRequest): Parsed {
  const all = queryPairs(request.query);
  const param = (name: string) => all.find(([k]) => k === name)?.[1];
  if (param('X-Amz-Algorithm') !== ALGORITHM) {
    throw queryError(`X-Amz-Algorithm only supports "${ALGORITHM}".`);
  }
  const credential = CREDENTIAL_RE.exec(param('X-Amz-Credential') ?? '');
  if (!credential) {
    throw queryError(
      'Error parsing the X-Amz-Credential parameter; expected "<key>/<YYYYMMDD>/<region>/s3/aws4_request".',
    );
  }
  const amzDate = param('X-Amz-Date') ?? '';
  const signingDate = parseAmzDate(amzDate);
  if (!signingDate) throw queryError("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\".");
  const expires = param('X-Amz-Expires') ?? '';
  const expiresSeconds = /^\d+$/.test(expires) ? Number(expires) : NaN;
  if (!(expiresSeconds >= 1 && expiresSeconds <= MAX_EXPIRES_SECONDS)) {
    throw queryError(`X-Amz-Expires must be a whole number of seconds from 1 to ${MAX_EXPIRES_SECONDS}.`);
  }
  const signedHeaders = param('X-Amz-SignedHeaders');
  if (!signedHeaders) throw queryError('Query-string authentication requires the X-Amz-SignedHeaders parameter.');
  const signature = param('X-Amz-Signature') ?? '';
  if (!/^[0-9a-f]{64}$/.test(signature)) throw queryError('X-Amz-Signature must be 64 lower-case hex digits.');
  const [, accessKeyId = '', scopeDate = '', region = '', service = ''] = credential;
  return {
    mode: 'presigned',
    accessKeyId,
    scopeDate,
    region,
    service,
    signedHeaders: signedHeaders.split(';'),
    signature,
    amzDate,
    signingDate,
    payloadHash: param('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD',
    pairs: all.filter(([k]) => k !== 'X-Amz-Signature'),
    expiresSeconds,
  };
}

/** True when the request carries SigV4 query parameters rather than an Authorization header. */
export function isPresigned(request: Pick<SignedRequest, 'headers' | 'query'>): boolean {
  return !request.headers.get('authorization') && /(^|&)X-Amz-Signature=/.test(request.query);
}

/**
 * Recomputes a request's SigV4 signature with the secret of its access key and refuses it the way S3 does.
 * Both forms share one canonical request; they differ in where the parameters live and in the clock rule
 * (header-signed: at most 15 minutes skew; presigned: until X-Amz-Date + X-Amz-Expires).
 */
export function createSignatureVerifier(options: SignatureVerifierOptions): {
  verify(request: SignedRequest): VerifiedSignature;
} {
  const secrets = new Map(options.credentials.map((c) => [c.accessKeyId, c.secretAccessKey]));
  const now = options.now ?? Date.now;
  return {
    verify(request) {
      const authorization = request.headers.get('authorization');
      const parsed = authorization ? parseHeaderSigned(request, authorization) : parsePresigned(request);
      const secret = secrets.get(parsed.accessKeyId);
      if (secret === undefined) {
        throw new S3Error(
          403,
          'InvalidAccessKeyId',
          'The AWS Access Key Id you provided does not exist in our records.',
          {
            AWSAccessKeyId: parsed.accessKeyId,
          },
        );
      }
      const malformed = (message: string) =>
        parsed.mode === 'header'
          ? new S3Error(400, 'AuthorizationHeaderMalformed', `The authorization header is malformed; ${message}`, {
              Region: options.region,
            })
          : queryError(`Error parsing the X-Amz-Credential parameter; ${message}`);
      if (parsed.service !== 's3')
        throw malformed(`incorrect service "${parsed.service}". This endpoint belongs to "s3".`);
      if (options.region && parsed.region !== options.region) {
        throw malformed(`the region '${parsed.region}' is wrong; expecting '${options.region}'`);
      }
      if (!parsed.amzDate.startsWith(parsed.scopeDate)) {
        throw malformed(
          `the date in the credential scope (${parsed.scopeDate}) is not the signing date (${parsed.amzDate}).`,
        );
      }

      const serverTime = new Date(now());
      if (parsed.expiresSeconds !== undefined) {
        const expiresAt = parsed.signingDate.getTime() + parsed.expiresSeconds * 1000;
        if (serverTime.getTime() > expiresAt) {
          throw accessDenied('Request has expired', {
            'X-Amz-Expires': parsed.expiresSeconds,
            Expires: new Date(expiresAt).toISOString(),
            ServerTime: serverTime.toISOString(),
          });
        }
      } else if (Math.abs(serverTime.getTime() - parsed.signingDate.getTime()) > MAX_SKEW_MS) {
        throw new S3Error(
          403,
          'RequestTimeTooSkewed',
          'The difference between the request time and the current time is too large.',
          {
            RequestTime: parsed.amzDate,
            ServerTime: serverTime.toISOString(),
            MaxAllowedSkewMilliseconds: MAX_SKEW_MS,
          },
        );
      }

      const headerLines: string[] = [];
      for (const name of parsed.signedHeaders) {
        let value = request.headers.get(name);
        if (value === null && name === 'host') value = request.host;
        if (value === null && name === 'content-length') value = String(request.bodyLength);
        if (value === null) {
          throw accessDenied(`There were headers present in the signature that were not in the request: ${name}`);
        }
        headerLines.push(`${name}:${value.trim().replace(/\s+/g, ' ')}\n`);
      }
      const canonicalRequest = [
        request.method,
        request.path,
        canonicalQuery(parsed.pairs),
        headerLines.join(''),
        parsed.signedHeaders.join(';'),
        parsed.payloadHash,
      ].join('\n');
      const scope = `${parsed.scopeDate}/${parsed.region}/${parsed.service}/aws4_request`;
      const stringToSign = [
        ALGORITHM,
        parsed.amzDate,
        scope,
        createHash('sha256').update(canonicalRequest, 'utf8').digest('hex'),
      ].join('\n');
      const key = hmac(
        hmac(hmac(hmac(`AWS4${secret}`, parsed.scopeDate), parsed.region), parsed.service),
        'aws4_request',
      );
      const expected = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
      if (!sameText(expected, parsed.signature)) {
        throw new S3Error(
          403,
          'SignatureDoesNotMatch',
          'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
          {
            AWSAccessKeyId: parsed.accessKeyId,
            StringToSign: stringToSign,
            SignatureProvided: parsed.signature,
            CanonicalRequest: canonicalRequest,
          },
        );
      }
      return { accessKeyId: parsed.accessKeyId, mode: parsed.mode, payloadHash: parsed.payloadHash };
    },
  };
}

/**
 * Checks a body against the x-amz-content-sha256 the signature covered. S3 does this for header-signed
 * requests only; presigned URLs always sign UNSIGNED-PAYLOAD.
 */
export function verifyPayloadHash(payloadHash: string, body: Uint8Array): void {
  if (payloadHash === 'UNSIGNED-PAYLOAD' || payloadHash.startsWith('STREAMING-')) return;
  if (!/^[0-9a-f]{64}$/.test(payloadHash)) {
    throw new S3Error(
      400,
      'InvalidArgument',
      'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD or the hex SHA-256 of the body.',
      { ArgumentName: 'x-amz-content-sha256', ArgumentValue: payloadHash },
    );
  }
  const computed = body.length === 0 ? EMPTY_SHA256 : createHash('sha256').update(body).digest('hex');
  if (computed !== payloadHash) {
    throw new S3Error(
      400,
      'XAmzContentSHA256Mismatch',
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
      { ClientComputedContentSHA256: payloadHash, S3ComputedContentSHA256: computed },
    );
  }
}
