// The gateway's Lex V2: the models and runtime emulators' msw handlers answering real HTTP. Both APIs sign
// as service `lex`; runtime paths carry /sessions/, so each request goes to one handler set.
import type { ServerResponse } from 'node:http';
import { getResponse, type HttpHandler } from 'msw';
import type { GatewayRequest, GatewayService } from '../gateway-service';
import type { LambdaInvoker } from './lex-dialog';
import { createLexModelsHandlers } from './lex-models-handlers';
import { createLexModelsStore, type LexModelsStore, type LexModelsStoreOptions } from './lex-models-store';
import { createLexRuntimeHandlers } from './lex-runtime-handlers';

export type LexServiceOptions = {
  /** Calls the code hook Lambda an alias names (locally: the lex-codehook handler in-process). */
  invoke: LambdaInvoker;
  /** Share a store (e.g. with tests or a seeding step); otherwise one is made from `persistence`. */
  store?: LexModelsStore;
  /** File and simulated delays for the store this service makes. */
  persistence?: LexModelsStoreOptions;
  /** Time zone for relative dates ("tomorrow") when a request gives none. Default UTC. */
  timeZone?: string;
};

export type LexService = GatewayService & { store: LexModelsStore; handlers: HttpHandler[] };

const SIGNED_FOR_LEX = /Credential=[^/]+\/\d{8}\/[^/]+\/lex\/aws4_request/;
const LEX_PATH = /^\/bots(\/|$)/;

function isRuntimePath(path: string): boolean {
  return path.includes('/sessions/');
}

/** A GatewayRequest as the Fetch Request msw handlers take. */
export function toFetchRequest(req: GatewayRequest): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const host = headers.get('host') ?? 'localhost';
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && req.body.length > 0;
  return new Request(`http://${host}${req.url}`, {
    method: req.method,
    headers,
    ...(hasBody ? { body: new Uint8Array(req.body) } : {}),
  });
}

/** Writes a Fetch Response to the gateway's Node response. */
export async function writeFetchResponse(response: Response, res: ServerResponse): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== 'content-length' && name !== 'transfer-encoding') res.setHeader(name, value);
  });
  res.setHeader('Content-Length', body.length);
  res.end(body);
}

/** The Lex V2 models and runtime emulators as one gateway service. */
export function createLexService(options: LexServiceOptions): LexService {
  const store = options.store ?? createLexModelsStore(options.persistence);
  const models = createLexModelsHandlers(store);
  const runtime = createLexRuntimeHandlers({
    store,
    invoke: options.invoke,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
  return {
    name: 'lex',
    store,
    handlers: [...models, ...runtime],
    matches(req) {
      const auth = req.headers.authorization;
      const path = req.url.split('?')[0] ?? '';
      return typeof auth === 'string' ? SIGNED_FOR_LEX.test(auth) : LEX_PATH.test(path);
    },
    async handle(req, res) {
      const path = req.url.split('?')[0] ?? '';
      const handlers = isRuntimePath(path) ? runtime : models;
      const response = await getResponse(handlers, toFetchRequest(req));
      if (!response) {
        const message = `The Lex emulator has no operation ${req.method} ${path}.`;
        await writeFetchResponse(
          new Response(JSON.stringify({ message }), {
            status: 404,
            headers: { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'UnknownOperationException' },
          }),
          res,
        );
        return;
      }
      await writeFetchResponse(response, res);
    },
    async close() {
      store.save();
    },
  };
}
