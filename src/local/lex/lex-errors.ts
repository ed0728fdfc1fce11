// Lex V2 errors as the AWS SDK reads them: HTTP status, the x-amzn-errortype header and a JSON message.
import { HttpResponse } from 'msw';

/** Error types of the Lex V2 models and runtime APIs, with the status each is sent with. */
export const LEX_ERROR_STATUS = {
  ValidationException: 400,
  ServiceQuotaExceededException: 402,
  AccessDeniedException: 403,
  ResourceNotFoundException: 404,
  ConflictException: 409,
  PreconditionFailedException: 412,
  DependencyFailedException: 424,
  ThrottlingException: 429,
  InternalServerException: 500,
  BadGatewayException: 502,
} as const;
export type LexErrorType = keyof typeof LEX_ERROR_STATUS;

/** A failure the emulator reports to the caller as the AWS error of the same name. */
export class LexApiError extends Error {
  constructor(
    readonly type: LexErrorType,
    message: string,
  ) {
    super(message);
    this.name = type;
  }

  get status(): number {
    return LEX_ERROR_STATUS[this.type];
  }
}

export const notFound = (message: string) => new LexApiError('ResourceNotFoundException', message);
export const conflict = (message: string) => new LexApiError('ConflictException', message);
export const preconditionFailed = (message: string) => new LexApiError('PreconditionFailedException', message);
export const invalid = (message: string) => new LexApiError('ValidationException', message);

/** The response the SDK turns into a typed exception (it reads the type from the header, the text from `message`). */
export function lexErrorResponse(error: LexApiError, requestId: string): Response {
  return HttpResponse.json(
    { message: error.message },
    {
      status: error.status,
      headers: { 'x-amzn-ErrorType': error.type, 'x-amzn-RequestId': requestId },
    },
  );
}
