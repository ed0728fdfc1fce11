// Test kit for the Lex emulators: SDK clients pointed at a fake endpoint (msw answers in-process), a clock
// tests move by hand, and a poll that waits for a status the way provisioning code does.
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

export function lexClients(endpoint = TEST_ENDPOINT) {
  return {
    models: new LexModelsV2Client(clientConfig(endpoint)),
    // The runtime client defaults to HTTP/2 (for StartConversation), which neither msw nor the gateway speak.
    runtime: new LexRuntimeV2Client({ ...clientConfig(endpoint), requestHandler: new NodeHttpHandler() }),
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
