// The image store's refusal of a proof upload, and whether it is about the image (for good: too large, not an
// image of its type) or about the moment (an expired link, a timeout, the store busy: a retry gets a new link).

/** What the courier is told to do when the image store refuses the image itself. */
export const PROOF_IMAGE_ADVICE = 'take the photo or signature again and send the update again.';

/** S3 codes that refuse the request for what it carries; sending the same image again is refused again. */
const IMAGE_REFUSALS = new Set(['EntityTooLarge', 'EntityTooSmall', 'InvalidArgument', 'InvalidRequest', 'BadDigest']);

export class UploadRefused extends Error {
  /** Which image it was, set by the outbox for the courier's message. */
  kind?: 'SIGNATURE' | 'PHOTO';

  constructor(
    readonly status: number,
    /** The S3 error code from the answer's XML, when it had one. */
    readonly code?: string,
  ) {
    super(`The image store refused the upload (HTTP ${status}${code ? `, ${code}` : ''}).`);
    this.name = 'UploadRefused';
  }

  /** True when the image itself was refused: a retry would be refused the same way. */
  get permanent(): boolean {
    if (this.code !== undefined) return IMAGE_REFUSALS.has(this.code);
    return this.status === 411 || this.status === 413 || this.status === 415;
  }
}

/** The `<Code>` of an S3 error body, if it has one. */
export function s3ErrorCode(body: string): string | undefined {
  return /<Code>([A-Za-z0-9.]{1,100})<\/Code>/.exec(body)?.[1];
}
