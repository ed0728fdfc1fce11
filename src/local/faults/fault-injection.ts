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
  type FaultService,
} from './fault-routes';

export const FAULTS_PATH = '/_local/faults';

export type FaultSpec = {
  service: FaultService;
  /** An AWS operation name (CreateBotVersion, PutItem, CreateRole); without it every call to the service fails. */
  operation?: string;
  status: number;
  code: string;
  message: string;
  /** How many matching calls fail before the fault disarms itself. */
  times: number;
};

export type ArmedFault = FaultSpec & { id: string; remaining: number };

/** An AWS error as it goes on the wire; the gateway writes it instead of routing the request. */
export type FaultResponse = { status: number; headers: Record<string, string>; body: string };

export type FaultInjection = GatewayService & {
  /** Arms a fault (what POST /_local/faults does); throws a FaultInputError naming a bad field. */
  arm(input: unknown): ArmedFault;
  list(): ArmedFault[];
  clear(): void;
  /** The injected error for `req` when an armed fault matches it (and counts it down), else undefined. */
  check(req: GatewayRequest): FaultResponse | undefined;
};

export class FaultInputError extends Error {
  override name = 'FaultInputError';
}

const DEFAULT_MESSAGE = 'Injected by the local fault injection service.';
const AWS_CODE = /^[A-Za-z][A-Za-z0-9.]*$/;

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

  const status = body.status ?? 400;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599)
    throw new FaultInputError(`status must be an HTTP error status from 400 to 599; got ${JSON.stringify(status)}.`);

  const code = body.code;
  if (typeof code !== 'string' || !AWS_CODE.test(code))
    throw new FaultInputError(
      `code must be the AWS error code the SDK should throw, such as ValidationException; got ${JSON.stringify(code)}.`,
    );

  const message = body.message ?? DEFAULT_MESSAGE;
  if (typeof message !== 'string' || message === '')
    throw new FaultInputError('message must be a non-empty string, or left out.');

  const times = body.times ?? 1;
  if (typeof times !== 'number' || !Number.isInteger(times) || times < 1)
    throw new FaultInputError(
      `times must be a whole number of calls to fail, 1 or more; got ${JSON.stringify(times)}.`,
    );

  return { service: faultService, ...(operation !== undefined ? { operation } : {}), status, code, message, times };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The error in the shape the service's SDK parses into a typed exception. */
export function faultResponse(fault: FaultSpec, requestId: string): FaultResponse {
  const { status, code, message } = fault;
  switch (PROTOCOL_OF[fault.service]) {
    case 'rest-json':
      return {
        status,
        headers: { 'content-type': 'application/json', 'x-amzn-errortype': code, 'x-amzn-requestid': requestId },
        body: JSON.stringify({ message }),
      };
    case 'json':
      return {
        status,
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amzn-errortype': code,
          'x-amzn-requestid': requestId,
        },
        body: JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${code}`, message }),
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
export function createFaultInjection(): FaultInjection {
  let faults: ArmedFault[] = [];

  const arm = (input: unknown): ArmedFault => {
    const spec = parseFaultSpec(input);
    const fault: ArmedFault = { ...spec, id: randomUUID(), remaining: spec.times };
    faults.push(fault);
    return fault;
  };

  return {
    name: 'faults',
    arm,
    list: () => faults.map((f) => ({ ...f })),
    clear() {
      faults = [];
    },
    check(req) {
      if (faults.length === 0) return undefined;
      const service = serviceOf(req);
      if (!service) return undefined;
      const operation = operationOf(service, req);
      const fault = faults.find(
        (f) => f.service === service && (f.operation === undefined || f.operation === operation),
      );
      if (!fault) return undefined;
      fault.remaining -= 1;
      if (fault.remaining <= 0) faults = faults.filter((f) => f !== fault);
      return faultResponse(fault, randomUUID());
    },
    matches: (req) => req.url.split('?')[0] === FAULTS_PATH,
    async handle(req, res) {
      switch (req.method) {
        case 'GET':
          return sendJson(res, 200, { faults: faults.map((f) => ({ ...f })) });
        case 'DELETE':
          faults = [];
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
