// Test kit for the Lex emulators: SDK clients pointed at a fake endpoint (msw answers in-process) or at a
// gateway, a clock tests move by hand, and a poll that waits for a status the way provisioning code does.
import { LexModelsV2Client } from '@aws-sdk/client-lex-models-v2';
import { LexRuntimeV2Client } from '@aws-sdk/client-lex-runtime-v2';
import { NodeHttpHandler } from '@smithy/node-http-handler';

export const TEST_ENDPOINT = 'https://lex.emulator.test';

const clientConfig = (endpoint: string) => ({
  endpoint,
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' },
  maxAttempts: 1,
});

/**
 * Without an endpoint, clients for msw's in-process handlers; with one (a gateway), the stock clients. The
 * runtime client defaults to HTTP/2, which the gateway serves but msw cannot intercept (it patches node:http,
 * not node:http2), so only the in-process runtime client is given an HTTP/1.1 handler.
 */
export function lexClients(endpoint?: string) {
  if (endpoint)
    return {
      models: new LexModelsV2Client(clientConfig(endpoint)),
      runtime: new LexRuntimeV2Client(clientConfig(endpoint)),
    };
  return {
    models: new LexModelsV2Client(clientConfig(TEST_ENDPOINT)),
    runtime: new LexRuntimeV2Client({ ...clientConfig(TEST_ENDPOINT), requestHandler: new NodeHttpHandler() }),
  };
}

export function manualClock(start = Date.parse('2025-06-10T15:00:00.000Z')) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

/** Calls `read` until `done` holds for its result (at most `attempts` times, `intervalMs` apart). */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  { attempts = 50, intervalMs = 5 } = {},
): Promise<T> {
  let value = await read();
  for (let i = 1; i < attempts && !done(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    value = await read();
  }
  if (!done(value)) throw new Error(`Gave up waiting; last value: ${JSON.stringify(value)}`);
  return value;
}
