// S3 errors as the AWS SDK reads them: an HTTP status and an XML `<Error>` body whose `<Code>` names the typed
// exception (NoSuchKey, NoSuchBucket, …). HEAD responses carry no body, so the SDK names those by status.
import { escapeXml } from './s3-xml';

const hostId = (requestId: string) => Buffer.from(requestId).toString('base64');

/** A failure the emulator answers as the S3 error of the same code. `details` become extra `<Error>` children. */
export class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, string | number | undefined> = {},
  ) {
    super(message);
    this.name = code;
  }

  /** The `<Error>` document S3 answers with. */
  toXml(requestId: string): string {
    const details = Object.entries(this.details)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => `<${name}>${escapeXml(String(value))}</${name}>`)
      .join('');
    return (
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${escapeXml(this.code)}</Code>` +
      `<Message>${escapeXml(this.message)}</Message>${details}<RequestId>${requestId}</RequestId>` +
      `<HostId>${hostId(requestId)}</HostId></Error>`
    );
  }

  toResponse(method: string, requestId: string, extraHeaders: Record<string, string> = {}): Response {
    const headers = { 'x-amz-request-id': requestId, 'x-amz-id-2': hostId(requestId), ...extraHeaders };
    if (method === 'HEAD') return new Response(null, { status: this.status, headers });
    return new Response(this.toXml(requestId), {
      status: this.status,
      headers: { ...headers, 'Content-Type': 'application/xml' },
    });
  }
}

export const noSuchBucket = (bucket: string) =>
  new S3Error(404, 'NoSuchBucket', 'The specified bucket does not exist', { BucketName: bucket });

export const noSuchKey = (key: string) =>
  new S3Error(404, 'NoSuchKey', 'The specified key does not exist.', { Key: key });

export const invalidArgument = (name: string, value: string | undefined, message: string) =>
  new S3Error(400, 'InvalidArgument', message, { ArgumentName: name, ArgumentValue: value });

export const malformedXml = () =>
  new S3Error(
    400,
    'MalformedXML',
    'The XML you provided was not well-formed or did not validate against our published schema',
  );

export const accessDenied = (message = 'Access Denied', details: S3Error['details'] = {}) =>
  new S3Error(403, 'AccessDenied', message, details);

export const notImplemented = (what: string) =>
  new S3Error(501, 'NotImplemented', `The local S3 emulator does not implement ${what}.`);

/**
 * S3 reads at most 8 KiB of request line and headers: past that it answers 400 RequestHeaderSectionTooLarge
 * (with MaxSizeAllowed) and closes the connection, whatever the request was.
 */
export const MAX_HEADER_SECTION_BYTES = 8192;

export const requestHeaderSectionTooLarge = () =>
  new S3Error(400, 'RequestHeaderSectionTooLarge', 'Your request header section exceeds the maximum allowed size.', {
    MaxSizeAllowed: MAX_HEADER_SECTION_BYTES,
  });
