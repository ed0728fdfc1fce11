// Bucket CORS as S3 applies it: the CORSConfiguration document, preflight (OPTIONS) answers and the
// Access-Control-* headers on actual responses, from the bucket's rules or the local default rules.
import { malformedXml, S3Error } from './s3-errors';
import type { CorsRule } from './s3-store';
import { childrenNamed, childText, parseXml, type XmlNode } from './s3-xml';

const CORS_METHODS = ['GET', 'PUT', 'HEAD', 'POST', 'DELETE'];
const MAX_RULES = 100;

/**
 * What a bucket without a CORS configuration allows locally: the web app (any localhost origin) may upload
 * with a presigned PUT and show images with GET, and the SDK in a browser may read the headers it needs.
 */
export const DEFAULT_CORS_RULES: readonly CorsRule[] = [
  {
    id: 'local-default',
    allowedOrigins: ['http://localhost', 'http://localhost:*', 'http://127.0.0.1', 'http://127.0.0.1:*'],
    allowedMethods: ['GET', 'PUT', 'HEAD'],
    allowedHeaders: ['*'],
    exposeHeaders: ['ETag', 'Content-Length', 'Content-Type', 'Content-Range', 'Last-Modified', 'x-amz-request-id'],
    maxAgeSeconds: 3000,
  },
];

/** S3 origins and headers allow one `*` wildcard standing for any run of characters. */
function wildcardMatches(pattern: string, value: string, caseInsensitive: boolean): boolean {
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`, caseInsensitive ? 'i' : '').test(value);
}

function findRule(
  rules: readonly CorsRule[],
  origin: string,
  method: string,
  requestHeaders: readonly string[],
): CorsRule | undefined {
  return rules.find(
    (rule) =>
      rule.allowedOrigins.some((o) => wildcardMatches(o, origin, false)) &&
      rule.allowedMethods.includes(method.toUpperCase()) &&
      requestHeaders.every((h) => rule.allowedHeaders.some((allowed) => wildcardMatches(allowed, h, true))),
  );
}

function allowHeaders(rule: CorsRule, origin: string): Record<string, string> {
  const anyOrigin = rule.allowedOrigins.includes('*');
  return {
    'Access-Control-Allow-Origin': anyOrigin ? '*' : origin,
    'Access-Control-Allow-Methods': rule.allowedMethods.join(', '),
    ...(anyOrigin ? {} : { 'Access-Control-Allow-Credentials': 'true' }),
    ...(rule.exposeHeaders.length > 0 ? { 'Access-Control-Expose-Headers': rule.exposeHeaders.join(', ') } : {}),
    ...(rule.maxAgeSeconds !== undefined ? { 'Access-Control-Max-Age': String(rule.maxAgeSeconds) } : {}),
    Vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
  };
}

/** Answers a preflight the way S3 does: 200 with the matching rule's headers, or 403 AccessForbidden. */
export function answerPreflight(
  rules: readonly CorsRule[],
  request: Request,
  resource: 'BUCKET' | 'OBJECT',
): Record<string, string> {
  const origin = request.headers.get('origin');
  if (!origin) throw new S3Error(400, 'BadRequest', 'Insufficient information. Origin request header needed.');
  const method = request.headers.get('access-control-request-method');
  if (!method) throw new S3Error(400, 'BadRequest', 'Invalid Access-Control-Request-Method: null');
  if (rules.length === 0) {
    throw new S3Error(403, 'AccessForbidden', 'CORSResponse: CORS is not enabled for this bucket.', {
      Method: method,
      ResourceType: resource,
    });
  }
  const requested = (request.headers.get('access-control-request-headers') ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== '');
  const rule = findRule(rules, origin, method, requested);
  if (!rule) {
    throw new S3Error(
      403,
      'AccessForbidden',
      "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.",
      { Method: method, ResourceType: resource },
    );
  }
  return {
    ...allowHeaders(rule, origin),
    ...(requested.length > 0 ? { 'Access-Control-Allow-Headers': requested.join(', ') } : {}),
  };
}

/** Access-Control-* headers for an actual (non-preflight) cross-origin request, when a rule allows it. */
export function corsResponseHeaders(rules: readonly CorsRule[], request: Request): Record<string, string> {
  const origin = request.headers.get('origin');
  if (!origin) return {};
  const rule = findRule(rules, origin, request.method, []);
  return rule ? allowHeaders(rule, origin) : {};
}

function invalidCors(message: string): S3Error {
  return new S3Error(400, 'InvalidRequest', message);
}

/** Reads a PutBucketCors body, refusing what S3 refuses. */
export function parseCorsConfiguration(xml: string): CorsRule[] {
  let root;
  try {
    root = parseXml(xml);
  } catch {
    throw malformedXml();
  }
  if (root.name !== 'CORSConfiguration') throw malformedXml();
  const elements = childrenNamed(root, 'CORSRule');
  if (elements.length === 0 || elements.length > MAX_RULES) throw malformedXml();
  return elements.map((element) => {
    const texts = (name: string) => childrenNamed(element, name).map((c) => c.text.trim());
    const allowedMethods = texts('AllowedMethod');
    const allowedOrigins = texts('AllowedOrigin');
    if (allowedMethods.length === 0 || allowedOrigins.length === 0) throw malformedXml();
    const unsupported = allowedMethods.find((m) => !CORS_METHODS.includes(m));
    if (unsupported) {
      throw invalidCors(`Found unsupported HTTP method in CORS config. Unsupported method is ${unsupported}`);
    }
    const wild = allowedOrigins.find((o) => o.split('*').length > 2);
    if (wild) throw invalidCors(`AllowedOrigin "${wild}" can not have more than one wildcard.`);
    const maxAge = childText(element, 'MaxAgeSeconds')?.trim();
    if (maxAge !== undefined && !/^\d+$/.test(maxAge)) throw malformedXml();
    const id = childText(element, 'ID')?.trim();
    return {
      ...(id ? { id } : {}),
      allowedOrigins,
      allowedMethods,
      allowedHeaders: texts('AllowedHeader'),
      exposeHeaders: texts('ExposeHeader'),
      ...(maxAge !== undefined ? { maxAgeSeconds: Number(maxAge) } : {}),
    };
  });
}

/** The GetBucketCors document's children. */
export function corsConfigurationXml(rules: readonly CorsRule[]): XmlNode {
  return {
    CORSRule: rules.map((rule) => ({
      ID: rule.id,
      AllowedHeader: rule.allowedHeaders,
      AllowedMethod: rule.allowedMethods,
      AllowedOrigin: rule.allowedOrigins,
      ExposeHeader: rule.exposeHeaders,
      MaxAgeSeconds: rule.maxAgeSeconds,
    })),
  };
}
