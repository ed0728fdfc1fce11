// AWS errors as the wizard shows them: the error code and message AWS gave, plus what the admin can do
// about it, in plain words. The one place provisioning failures are turned into a resolution.

/** Failures the engine raises itself (a build that failed, a wait that ran out), shaped like AWS errors. */
export class ProvisioningError extends Error {
  readonly code: string;
  readonly resolution?: string;
  constructor(code: string, message: string, options: { resolution?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = code;
    this.code = code;
    this.resolution = options.resolution;
  }
}

export type DescribedError = { code: string; message: string; resolution: string };

type Rule = { codes: string[]; resolution: string };

// IAM's modeled errors arrive with an Exception suffix (NoSuchEntityException), unmodeled ones without
// (AccessDenied): both spellings are listed.
const RULES: Rule[] = [
  {
    codes: [
      'AccessDenied',
      'AccessDeniedException',
      'UnauthorizedOperation',
      'UnrecognizedClientException',
      'InvalidClientTokenId',
      'ExpiredToken',
      'ExpiredTokenException',
    ],
    resolution:
      'The provisioner is not allowed to make this AWS call. Give its IAM role the permission named in the message (or renew expired credentials), then retry.',
  },
  {
    codes: [
      'ServiceQuotaExceededException',
      'LimitExceeded',
      'LimitExceededException',
      'PolicyLengthExceededException',
    ],
    resolution:
      'An AWS service quota was reached (for example bots, bot versions or Lambda policy size). Delete resources you no longer use or request a quota increase in the Service Quotas console, then retry.',
  },
  {
    codes: [
      'ValidationException',
      'InvalidParameterException',
      'InvalidParameterValueException',
      'InvalidRequestException',
      'MalformedPolicyDocument',
      'MalformedPolicyDocumentException',
      'InvalidContactFlowException',
      'InvalidInput',
    ],
    resolution:
      'AWS rejected a value it was sent. Check the settings the message names (bot name, voice, queue, locale) and correct them; if the message names part of the bot definition, fix the definition. Then retry.',
  },
  {
    codes: [
      'ConflictException',
      'ResourceConflictException',
      'ResourceInUseException',
      'PreconditionFailedException',
      'DuplicateResourceException',
      'EntityAlreadyExists',
      'EntityAlreadyExistsException',
      'DeleteConflict',
      'DeleteConflictException',
      'ConcurrentModification',
      'ConcurrentModificationException',
    ],
    resolution:
      'The resource is being changed by something else right now, or is still finishing an earlier change. Wait a minute for it to settle, then retry.',
  },
  {
    codes: ['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'LimitExceededThrottling'],
    resolution: 'AWS is throttling requests from this account. Wait a minute, then retry.',
  },
  {
    codes: ['ResourceNotFoundException', 'NoSuchEntity', 'NoSuchEntityException', 'NotFoundException'],
    resolution:
      'Something this step needs does not exist: it was deleted outside the wizard, or the Connect instance, queue or code-hook function is wrong. Check them; retry re-creates what this deployment owns.',
  },
  {
    codes: ['InternalServerException', 'InternalFailure', 'ServiceException', 'ServiceUnavailable', 'ServiceFailure'],
    resolution: 'AWS had an internal error. Retry; if it keeps failing, check the AWS Health Dashboard.',
  },
  {
    codes: ['ProvisioningTimeout'],
    resolution:
      'AWS did not finish in the time allowed. It may still be working: wait a few minutes, then retry — the step picks up where it left off.',
  },
  {
    codes: ['BuildFailed'],
    resolution:
      'Lex could not build the bot from its definition. The reasons are in the message: correct the intents, slots or prompts they name (or undo the last prompt edit), then retry.',
  },
  {
    codes: ['CredentialsProviderError'],
    resolution: 'No AWS credentials were found for the provisioner. Configure its role or credentials, then retry.',
  },
];

const BY_CODE = new Map(RULES.flatMap((rule) => rule.codes.map((code) => [code, rule.resolution] as const)));

const FALLBACK =
  'Something unexpected went wrong. Retry; if it fails again, roll back and report the code and message above.';

/** The AWS SDK's error name (its `name`, or `Code`/`code` on older shapes). */
export function awsErrorCode(error: unknown): string {
  if (error instanceof ProvisioningError) return error.code;
  const e = error as { name?: unknown; Code?: unknown; code?: unknown } | null;
  for (const candidate of [e?.name, e?.Code, e?.code]) {
    if (typeof candidate === 'string' && candidate !== '' && candidate !== 'Error') return candidate;
  }
  return 'UnknownError';
}

export function isAwsError(error: unknown, ...codes: string[]): boolean {
  return codes.includes(awsErrorCode(error));
}

export function describeAwsError(error: unknown): DescribedError {
  const code = awsErrorCode(error);
  const message =
    error instanceof Error && error.message ? error.message : typeof error === 'string' ? error : 'No message.';
  const own = error instanceof ProvisioningError ? error.resolution : undefined;
  return { code, message, resolution: own ?? BY_CODE.get(code) ?? FALLBACK };
}
