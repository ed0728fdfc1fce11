// The gateway's Amazon Connect: the msw emulator handlers for requests signed for `connect`, and a local-only
// JSON API under /_local/connect/calls through which the web test-call page drives the call simulator.
import { getResponse, http, HttpResponse, type HttpHandler } from 'msw';
import { z } from 'zod';
import { isDomainError, NotFoundError, ValidationError } from '../../core/errors';
import type { GatewayService } from '../gateway-service';
import { signingServiceOfRequest, toFetchRequest, writeFetchResponse } from '../fetch-bridge';
import { createCallSimulator, type CallSimulator, type LexRuntime, type SimulatedCall } from './call-simulator';
import { createConnectHandlers } from './connect-handlers';
import { createConnectState, type ConnectState } from './connect-state';

/** Where the local call API lives on the gateway. */
export const CALL_API_PATH = '/_local/connect';

const startCallBody = z.object({
  instanceId: z.string().min(1).optional(),
  contactFlowId: z.string().min(1).optional(),
  phoneNumber: z.string().min(1).optional(),
  from: z.string({ required_error: "from is required: the caller's number in E.164, like +12065550123" }),
  languageCode: z.string().optional(),
});

const sayBody = z.object({
  text: z
    .string({ required_error: 'text is required: what the caller says (an empty string is silence)' })
    .max(1024, 'text can be at most 1024 characters, as Lex accepts'),
});

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message }));
  throw new ValidationError(issues.map((i) => `${i.field}: ${i.message}`).join('; '), { issues });
}

async function jsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ValidationError('The request body must be JSON', { field: 'body' });
  }
}

function problem(error: unknown, log: (message: string, detail?: unknown) => void): Response {
  if (isDomainError(error) && error.kind === 'user') {
    const status =
      error.name === 'NotFoundError'
        ? 404
        : error.name === 'ConflictError'
          ? 409
          : error.name === 'ValidationError'
            ? 400
            : 422;
    const field = error instanceof ValidationError ? error.field : undefined;
    return HttpResponse.json(
      {
        error: error.name,
        message: error.message,
        ...(field ? { field } : {}),
        ...(error.resolution ? { resolution: error.resolution } : {}),
      },
      { status },
    );
  }
  log('call API failed', error);
  return HttpResponse.json(
    { error: 'InternalError', message: 'The call simulator failed; see the server log.' },
    { status: 500 },
  );
}

/**
 * The call simulator over HTTP: start a call, say something, hang up, read the transcript. Local only: it
 * stands in for a phone, so it has no AWS equivalent and no authentication.
 */
export function createCallApiHandlers(
  simulator: CallSimulator,
  log: (message: string, detail?: unknown) => void = (m, d) => console.error(`[connect] ${m}`, d),
): HttpHandler[] {
  const base = `*${CALL_API_PATH}/calls`;
  const callOf = (contactId: unknown): SimulatedCall => {
    const call = simulator.getCall(String(contactId));
    if (!call) {
      throw new NotFoundError(`No call ${String(contactId)}`, {
        resolution: `Start one with POST ${CALL_API_PATH}/calls.`,
      });
    }
    return call;
  };
  const guard =
    (handle: (request: Request, params: Record<string, unknown>) => Promise<Response>) =>
    async ({ request, params }: { request: Request; params: Record<string, unknown> }) => {
      try {
        return await handle(request, params);
      } catch (e) {
        return problem(e, log);
      }
    };
  return [
    http.post(
      base,
      guard(async (request) => {
        const call = await simulator.startCall(parse(startCallBody, await jsonBody(request)));
        return HttpResponse.json({ heard: call.transcript.map((e) => e.text), call: call.view() }, { status: 201 });
      }),
    ),
    http.get(
      `${base}/:contactId`,
      guard(async (_request, params) => HttpResponse.json({ call: callOf(params.contactId).view() })),
    ),
    http.post(
      `${base}/:contactId/say`,
      guard(async (request, params) => {
        const call = callOf(params.contactId);
        const { text } = parse(sayBody, await jsonBody(request));
        const heard = await call.say(text);
        return HttpResponse.json({ heard, call: call.view() });
      }),
    ),
    http.post(
      `${base}/:contactId/hang-up`,
      guard(async (_request, params) => {
        const call = callOf(params.contactId);
        call.hangUp();
        return HttpResponse.json({ call: call.view() });
      }),
    ),
  ];
}

export type ConnectServiceOptions = {
  region: string;
  /** The Lex V2 runtime the call simulator talks to (the gateway's own, through the SDK, in `npm start`). */
  lex: LexRuntime;
  /** State to serve; otherwise one is created from `stateFile`. */
  state?: ConnectState;
  /** JSON file the emulator persists to, e.g. `.data/connect.json`; in memory when absent. */
  stateFile?: string;
  log?: (message: string, detail?: unknown) => void;
};

export type ConnectService = GatewayService & {
  state: ConnectState;
  simulator: CallSimulator;
  /** The emulator's and the call API's handlers, for tests that want them in-process. */
  handlers: HttpHandler[];
};

function isCallApi(url: string): boolean {
  return url === CALL_API_PATH || url.startsWith(`${CALL_API_PATH}/`);
}

/** The Connect emulator and the call simulator as one gateway service. */
export function createConnectService(options: ConnectServiceOptions): ConnectService {
  const log = options.log ?? ((m, d) => console.warn(`[connect] ${m}`, d ?? ''));
  const state = options.state ?? createConnectState({ region: options.region, file: options.stateFile });
  const simulator = createCallSimulator({ state, lex: options.lex, log });
  const handlers = [...createConnectHandlers(state), ...createCallApiHandlers(simulator, log)];
  return {
    name: 'connect',
    state,
    simulator,
    handlers,
    matches: (req) => signingServiceOfRequest(req) === 'connect' || isCallApi(req.url),
    async handle(req, res) {
      const response = await getResponse(handlers, toFetchRequest(req));
      if (response) return writeFetchResponse(res, response, req.method);
      const message = `The Connect emulator does not implement ${req.method} ${req.url.split('?')[0]}.`;
      await writeFetchResponse(
        res,
        isCallApi(req.url)
          ? HttpResponse.json({ error: 'NotFound', message }, { status: 404 })
          : HttpResponse.json(
              { Message: message },
              { status: 400, headers: { 'x-amzn-errortype': 'UnknownOperationException' } },
            ),
      );
    },
    async close() {
      state.save();
    },
  };
}
