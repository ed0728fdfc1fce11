// The gateway's Lex V2: the models and runtime emulators' msw handlers answering real HTTP. Both APIs sign
// as service `lex`; runtime paths carry /sessions/, so each request goes to one handler set.
import { getResponse, type HttpHandler } from 'msw';
import type { GatewayService } from '../gateway-service';
import { signingServiceOfRequest, toFetchRequest, writeFetchResponse } from '../fetch-bridge';
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

const LEX_PATH = /^\/bots(\/|$)/;

function isRuntimePath(path: string): boolean {
  return path.includes('/sessions/');
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
      const path = req.url.split('?')[0] ?? '';
      return req.headers.authorization ? signingServiceOfRequest(req) === 'lex' : LEX_PATH.test(path);
    },
    async handle(req, res) {
      const path = req.url.split('?')[0] ?? '';
      const handlers = isRuntimePath(path) ? runtime : models;
      const response = await getResponse(handlers, toFetchRequest(req));
      if (!response) {
        const message = `The Lex emulator has no operation ${req.method} ${path}.`;
        await writeFetchResponse(
          res,
          new Response(JSON.stringify({ message }), {
            status: 404,
            headers: { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'UnknownOperationException' },
          }),
          req.method,
        );
        return;
      }
      await writeFetchResponse(res, response, req.method);
    },
    async close() {
      store.save();
    },
  };
}
