// The live benchmark's subscribers, in a thread of their own: each is a phone or a browser elsewhere, so their
// reading of 100 or 1,000 frames must not queue on the event loop of the server under test (as the api
// benchmark's load generator runs in its own thread too). Each subscriber holds one AppSync real-time
// connection (tests/support/realtime-client.ts); for a change, the thread reports when each received it, in
// the time both threads share (performance.timeOrigin + performance.now()).
import { parentPort, workerData } from 'node:worker_threads';
import { subscribeRealtime, type RealtimeAuth, type Subscription } from '../tests/support/realtime-client';

export type LiveClientsInit = { realtimeUrl: string; auth: RealtimeAuth; query: string };
export type ToLiveClients = { type: 'subscribe'; count: number } | { type: 'expect'; change: number };
export type FromLiveClients =
  | { type: 'subscribed'; count: number }
  | { type: 'ready'; change: number }
  | { type: 'arrivals'; change: number; at: number[] }
  | { type: 'failed'; message: string };

const { realtimeUrl, auth, query } = workerData as LiveClientsInit;
const port = parentPort!;
const clients: Subscription<unknown>[] = [];
let expected: { change: number; at: number[]; arrived: Set<number> } | undefined;

const now = () => performance.timeOrigin + performance.now();
const post = (message: FromLiveClients) => port.postMessage(message);

function watch(client: Subscription<unknown>, index: number): void {
  client.onData(() => {
    const at = now();
    if (!expected || expected.arrived.has(index)) return;
    expected.arrived.add(index);
    expected.at.push(at);
    if (expected.arrived.size === clients.length) {
      post({ type: 'arrivals', change: expected.change, at: expected.at });
      expected = undefined;
    }
  });
}

port.on('message', (message: ToLiveClients) => {
  void (async () => {
    if (message.type === 'subscribe') {
      // In batches: each connection and each start is authenticated (a Cognito JWT verified) as AppSync does.
      while (clients.length < message.count) {
        const batch = Math.min(50, message.count - clients.length);
        const opened = await Promise.all(
          Array.from({ length: batch }, () => subscribeRealtime(realtimeUrl, auth, query)),
        );
        for (const client of opened) {
          clients.push(client);
          watch(client, clients.length - 1);
        }
      }
      post({ type: 'subscribed', count: clients.length });
    } else {
      expected = { change: message.change, at: [], arrived: new Set() };
      post({ type: 'ready', change: message.change });
    }
  })().catch((error: unknown) => post({ type: 'failed', message: String(error) }));
});

// The benchmark ends the thread when it is done (worker.terminate()), which closes every connection.
