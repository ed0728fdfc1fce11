// A minimal AppSync real-time client (graphql-ws subprotocol, header auth): used by the live tests and
// the `live` benchmark to hold many subscriptions without many Amplify instances.
import WebSocket from 'ws';

export type RealtimeAuth = { host: string; Authorization: string } | { host: string; 'x-api-key': string };

export type Subscription<T> = {
  /** Every `data` payload received so far. */
  received: T[];
  /** Resolves with the next payload (or one already waiting). */
  next(timeoutMs?: number): Promise<T>;
  onData(listener: (data: T) => void): void;
  close(): void;
};

/** Opens a connection and starts one subscription; resolves on start_ack, rejects on an error message. */
export async function subscribeRealtime<T = Record<string, unknown>>(
  realtimeUrl: string,
  auth: RealtimeAuth,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Subscription<T>> {
  const header = Buffer.from(JSON.stringify(auth)).toString('base64url');
  const ws = new WebSocket(realtimeUrl, ['graphql-ws', `header-${header}`]);
  const received: T[] = [];
  let cursor = 0;
  const waiters: ((data: T) => void)[] = [];
  let listener: ((data: T) => void) | undefined;

  await new Promise<void>((resolve, reject) => {
    ws.on('error', reject);
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init' })));
    ws.on('message', (raw) => {
      const msg = JSON.parse(raw.toString()) as { type: string; payload?: { data?: Record<string, T> } };
      switch (msg.type) {
        case 'connection_ack':
          ws.send(
            JSON.stringify({
              id: '1',
              type: 'start',
              payload: { data: JSON.stringify({ query, variables }), extensions: { authorization: auth } },
            }),
          );
          break;
        case 'start_ack':
          resolve();
          break;
        case 'data': {
          const data = Object.values(msg.payload?.data ?? {})[0] as T;
          received.push(data);
          listener?.(data);
          const waiter = waiters.shift();
          if (waiter) {
            cursor++;
            waiter(data);
          }
          break;
        }
        case 'error':
        case 'connection_error':
          reject(new Error(raw.toString()));
          break;
      }
    });
  });

  return {
    received,
    next(timeoutMs = 10_000) {
      if (cursor < received.length) return Promise.resolve(received[cursor++]!);
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no subscription data within ${timeoutMs} ms`)), timeoutMs);
        waiters.push((data) => {
          clearTimeout(timer);
          resolve(data);
        });
      });
    },
    onData(l) {
      listener = l;
    },
    close() {
      ws.close();
    },
  };
}
