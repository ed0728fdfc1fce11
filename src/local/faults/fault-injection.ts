// Local-only fault injection, as AWS Fault Injection Service does in the cloud: `POST /_local/faults` arms an
// AWS error for a service (and optionally one operation), and the gateway asks `check` before routing each
// request, so the next matching SDK or browser call gets that error in its service's own wire shape.
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { GatewayRequest, GatewayService } from '../gateway-service';
import {
  FAULT_SERVICES,
  PROTOCOL_OF,
  knownOperations,
  operationOf,
  serviceOf,
  tablesOf,
  type FaultService,
} from './fault-routes';

export const FAULTS_PATH = '/_local/faults';

export type FaultSpec = {
  service: FaultService;
  /** An AWS operation name (CreateBotVersion, PutItem, CreateRole); without it every call to the service fails. */
  operation?: string;
  /** DynamoDB only: a table name, so the fault strikes only the calls that touch that table. */
  table?: string;
  /**
   * The AWS error to answer with. Absent on a latency-only fault (`delayMs`): the call is held, then served.
   */
  error?: { status: number; code: string; message: string };
  /** Holds each affected call this long before answering (FIS's latency action): a dependency failing slowly. */
  delayMs?: number;
  /** The share of matching calls affected, 0 < rate ≤ 1 (FIS's percentage): 0.2 throttles one call in five. */
  rate: number;
  /** How many affected calls before the fault disarms itself; absent for a fault that lasts `forSeconds`. */
  times?: number;
  /** How long the fault stays armed (an experiment's duration); it affects any number of calls meanwhile. */
  forSeconds?: number;
};

export type ArmedFault = FaultSpec & {
  id: string;
  /** Affected calls left before it disarms; null while a timed fault lasts. */
  remaining: number | null;
  /** When a timed fault disarms itself (ISO text). */
  until?: string;
  /** How many calls it has affected so far. */
  affected: number;
};

/** What the gateway does with a request an armed fault matched: wait, then answer with the error or serve it. */
export type FaultAction = { delayMs: number; response?: FaultResponse };

/** An AWS error as it goes on the wire; the gateway writes it instead of routing the request. */
export type FaultResponse = { status: number; headers: Record<string, string>; body: string };

export type FaultInjection = GatewayService & {
  /** Arms a fault (what POST /_local/faults does); throws a FaultInputError naming a bad field. */
  arm(input: unknown): ArmedFault;
  list(): ArmedFault[];
  clear(): void;
  /** What an armed fault does to `req` when one matches and strikes it (and counts it down), else undefined. */
  check(req: GatewayRequest): FaultAction | undefined;
};

export class FaultInputError extends Error {
  override name = 'FaultInputError';
}

const DEFAULT_MESSAGE = 'Injected by the local fault injection service.';
const AWS_CODE = /^[A-Za-z][A-Za-z0-9.]*$/;
const MAX_DELAY_MS = 30_000;
/** An hour: a local experiment, not a configuration. */
const MAX_SECONDS = 3_600;

/** Checks a POST body field by field, so a typo says which field and how to fix it. */
export function parseFaultSpec(input: unknown): FaultSpec {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new FaultInputError('The body must be a JSON object such as {"service":"lex","code":"ThrottlingException"}.');
  const body = input as Record<string, unknown>;
  const service = body.service;
  if (typeof service !== 'string' || !(FAULT_SERVICES as readonly string[]).includes(service))
    throw new FaultInputError(`service must be one of ${FAULT_SERVICES.join(', ')}; got ${JSON.stringify(service)}.`);
  const faultService = service as FaultService;

  const operation = body.operation;
  if (operation !== undefined) {
    if (typeof operation !== 'string' || operation === '')
      throw new FaultInputError('operation must be an AWS operation name such as CreateBotVersion, or left out.');
    const known = knownOperations(faultService);
    if (known && !known.includes(operation))
      throw new FaultInputError(
        `operation ${operation} is not one the local ${service} fault injection knows; use one of ${known.join(', ')}.`,
      );
  }

  const table = body.table;
  if (table !== undefined && (typeof table !== 'string' || table === '' || faultService !== 'dynamodb'))
    throw new FaultInputError(
      faultService === 'dynamodb'
        ? `table must be a DynamoDB table name, or left out; got ${JSON.stringify(table)}.`
        : 'table names a DynamoDB table: use it with service dynamodb only.',
    );

  const delayMs = body.delayMs;
  if (
    delayMs !== undefined &&
    (typeof delayMs !== 'number' || !Number.isInteger(delayMs) || delayMs < 1 || delayMs > MAX_DELAY_MS)
  )
    throw new FaultInputError(
      `delayMs must be a whole number of milliseconds from 1 to ${MAX_DELAY_MS}, or left out; got ${JSON.stringify(delayMs)}.`,
    );

  const code = body.code;
  let error: FaultSpec['error'];
  if (code !== undefined || delayMs === undefined) {
    if (typeof code !== 'string' || !AWS_CODE.test(code))
      throw new FaultInputError(
        `code must be the AWS error code the SDK should throw, such as ValidationException` +
          ` (or left out with delayMs for a slow call that still succeeds); got ${JSON.stringify(code)}.`,
      );
    const status = body.status ?? 400;
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599)
      throw new FaultInputError(`status must be an HTTP error status from 400 to 599; got ${JSON.stringify(status)}.`);
    const message = body.message ?? DEFAULT_MESSAGE;
    if (typeof message !== 'string' || message === '')
      throw new FaultInputError('message must be a non-empty string, or left out.');
    error = { status, code, message };
  } else if (body.status !== undefined || body.message !== undefined) {
    throw new FaultInputError('status and message describe an error: give code too, or leave them out.');
  }

  const rate = body.rate ?? 1;
  if (typeof rate !== 'number' || !(rate > 0 && rate <= 1))
    throw new FaultInputError(
      `rate must be the share of calls to affect, more than 0 and at most 1 (0.2 is one in five); got ${JSON.stringify(rate)}.`,
    );

  const forSeconds = body.forSeconds;
  if (
    forSeconds !== undefined &&
    (typeof forSeconds !== 'number' || !Number.isFinite(forSeconds) || forSeconds <= 0 || forSeconds > MAX_SECONDS)
  )
    throw new FaultInputError(
      `forSeconds must be how long the fault lasts, more than 0 and at most ${MAX_SECONDS}; got ${JSON.stringify(forSeconds)}.`,
    );
  if (forSeconds !== undefined && body.times !== undefined)
    throw new FaultInputError('Give either times (a number of calls) or forSeconds (a duration), not both.');

  const times = forSeconds === undefined ? (body.times ?? 1) : undefined;
  if (times !== undefined && (typeof times !== 'number' || !Number.isInteger(times) || times < 1))
    throw new FaultInputError(
      `times must be a whole number of calls to fail, 1 or more; got ${JSON.stringify(times)}.`,
    );

  return {
    service: faultService,
    ...(operation !== undefined ? { operation } : {}),
    ...(table !== undefined ? { table } : {}),
    ...(error ? { error } : {}),
    ...(delayMs !== undefined ? { delayMs } : {}),
    rate,
    ...(times !== undefined ? { times } : {}),
    ...(forSeconds !== undefined ? { forSeconds } : {}),
  };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The error in the shape the service's SDK parses into a typed exception. */
export function faultResponse(
  service: FaultService,
  error: NonNullable<FaultSpec['error']>,
  requestId: string,
): FaultResponse {
  const { status, code, message } = error;
  switch (PROTOCOL_OF[service]) {
    case 'rest-json':
      return {
        status,
        headers: { 'content-type': 'application/json', 'x-amzn-errortype': code, 'x-amzn-requestid': requestId },
        body: JSON.stringify({ message }),
      };
    case 'json':
      // DynamoDB's errors carry its namespace and `message`; Comprehend (awsJson1_1) and End User Messaging
      // SMS answer the bare type and `Message`. The SDKs read the type from the header or __type alike.
      return {
        status,
        headers: {
          'content-type': `application/x-amz-json-${service === 'comprehend' ? '1.1' : '1.0'}`,
          'x-amzn-errortype': code,
          'x-amzn-requestid': requestId,
        },
        body: JSON.stringify(
          service === 'dynamodb'
            ? { __type: `com.amazonaws.dynamodb.v20120810#${code}`, message }
            : { __type: code, Message: message },
        ),
      };
    case 'query-xml':
      return {
        status,
        headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
        body:
          `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>${status < 500 ? 'Sender' : 'Receiver'}</Type>` +
          `<Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error>` +
          `<RequestId>${requestId}</RequestId></ErrorResponse>`,
      };
    case 's3-xml':
      return {
        status,
        headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId },
        body:
          `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${escapeXml(code)}</Code>` +
          `<Message>${escapeXml(message)}</Message><RequestId>${requestId}</RequestId></Error>`,
      };
  }
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

/** Writes an injected error to the client, leaving HEAD answers without a body as HTTP requires. */
export function writeFaultResponse(res: ServerResponse, fault: FaultResponse, method: string): void {
  res.statusCode = fault.status;
  for (const [name, value] of Object.entries(fault.headers)) res.setHeader(name, value);
  res.setHeader('Content-Length', Buffer.byteLength(fault.body));
  res.end(method === 'HEAD' ? undefined : fault.body);
}

/** The fault injection service: its own HTTP API under /_local/faults, and the check the gateway makes first. */
export function createFaultInjection(options: { random?: () => number; now?: () => number } = {}): FaultInjection {
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  let faults: ArmedFault[] = [];
  const expiresAt = new Map<string, number>();

  const arm = (input: unknown): ArmedFault => {
    const spec = parseFaultSpec(input);
    const id = randomUUID();
    const until = spec.forSeconds === undefined ? undefined : now() + spec.forSeconds * 1000;
    if (until !== undefined) expiresAt.set(id, until);
    const fault: ArmedFault = {
      ...spec,
      id,
      remaining: spec.times ?? null,
      ...(until !== undefined ? { until: new Date(until).toISOString() } : {}),
      affected: 0,
    };
    faults.push(fault);
    return { ...fault };
  };
  /** Timed faults past their end disarm themselves, as an experiment ends. */
  const live = (): ArmedFault[] => {
    const at = now();
    if (faults.some((f) => (expiresAt.get(f.id) ?? Infinity) <= at)) {
      faults = faults.filter((f) => (expiresAt.get(f.id) ?? Infinity) > at);
    }
    return faults;
  };

  return {
    name: 'faults',
    arm,
    list: () => live().map((f) => ({ ...f })),
    clear() {
      faults = [];
      expiresAt.clear();
    },
    check(req) {
      if (live().length === 0) return undefined;
      const service = serviceOf(req);
      if (!service) return undefined;
      const operation = operationOf(service, req);
      let tables: string[] | undefined;
      const touches = (table: string) => (tables ??= tablesOf(service, req)).includes(table);
      // The first matching fault whose dice strike this call; a call every fault spares goes through untouched
      // and counts against no fault's `times`.
      const fault = faults.find(
        (f) =>
          f.service === service &&
          (f.operation === undefined || f.operation === operation) &&
          (f.table === undefined || touches(f.table)) &&
          (f.rate >= 1 || random() < f.rate),
      );
      if (!fault) return undefined;
      fault.affected += 1;
      if (fault.remaining !== null) {
        fault.remaining -= 1;
        if (fault.remaining <= 0) faults = faults.filter((f) => f !== fault);
      }
      return {
        delayMs: fault.delayMs ?? 0,
        ...(fault.error ? { response: faultResponse(service, fault.error, randomUUID()) } : {}),
      };
    },
    matches: (req) => req.url.split('?')[0] === FAULTS_PATH,
    async handle(req, res) {
      switch (req.method) {
        case 'GET':
          return sendJson(res, 200, { faults: live().map((f) => ({ ...f })) });
        case 'DELETE':
          faults = [];
          expiresAt.clear();
          return sendJson(res, 200, { faults: [] });
        case 'POST': {
          let input: unknown;
          try {
            input = JSON.parse(req.body.toString('utf8')) as unknown;
          } catch {
            return sendJson(res, 400, { message: 'The body must be JSON, such as {"service":"lex","code":"…"}.' });
          }
          try {
            return sendJson(res, 201, arm(input));
          } catch (error) {
            if (error instanceof FaultInputError) return sendJson(res, 400, { message: error.message });
            throw error;
          }
        }
        default:
          res.setHeader('Allow', 'GET, POST, DELETE');
          return sendJson(res, 405, { message: `${FAULTS_PATH} answers GET (list), POST (arm) and DELETE (clear).` });
      }
    },
    async close() {
      faults = [];
    },
  };
}
