// The awsJson1_0 / awsJson1_1 protocols as the gateway's JSON services (Comprehend, End User Messaging SMS)
// speak them: an operation named by X-Amz-Target, a JSON body, and errors as `{__type, Message}` with the
// x-amzn-ErrorType header, which the AWS SDKs (and the Comprehend adapter) read into a typed exception.
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { GatewayRequest } from './gateway-service';
import { signingServiceOfRequest } from './fetch-bridge';

export type JsonVersion = '1.0' | '1.1';

/** A failure answered as the AWS error of the same name, with any extra members the service's model has. */
export class AwsJsonError extends Error {
  constructor(
    readonly type: string,
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = type;
  }
}

export function writeAwsJson(res: ServerResponse, version: JsonVersion, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.statusCode = status;
  res.setHeader('Content-Type', `application/x-amz-json-${version}`);
  res.setHeader('x-amzn-RequestId', randomUUID());
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

export function writeAwsJsonError(res: ServerResponse, version: JsonVersion, error: AwsJsonError): void {
  res.setHeader('x-amzn-ErrorType', error.type);
  writeAwsJson(res, version, error.status, { __type: error.type, Message: error.message, ...error.extra });
}

/** The operation a request names in X-Amz-Target (`Prefix.Operation`), if it is addressed to `prefix`. */
export function targetOperation(req: GatewayRequest, prefix: string): string | undefined {
  const target = String(req.headers['x-amz-target'] ?? '');
  return target.startsWith(`${prefix}.`) ? target.slice(prefix.length + 1) : undefined;
}

/**
 * The request's JSON body as an object, after checking it is signed for `service` as the SDKs sign it
 * (no signature: MissingAuthenticationTokenException; another service's: InvalidSignatureException).
 */
export function signedJsonBody(req: GatewayRequest, service: string): Record<string, unknown> {
  const signed = signingServiceOfRequest(req);
  if (signed === undefined)
    throw new AwsJsonError(
      'MissingAuthenticationTokenException',
      403,
      'Missing Authentication Token: sign the request with SigV4.',
    );
  if (signed !== service)
    throw new AwsJsonError(
      'InvalidSignatureException',
      403,
      `Credential should be scoped to correct service: '${service}', not '${signed}'.`,
    );
  let body: unknown;
  try {
    body = JSON.parse(req.body.toString('utf8') || '{}');
  } catch {
    throw new AwsJsonError('SerializationException', 400, 'The request body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new AwsJsonError('SerializationException', 400, 'The request body must be a JSON object.');
  return body as Record<string, unknown>;
}
