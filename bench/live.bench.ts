// `live`: one booking status change delivered to 100 subscribed clients over AppSync's real-time
// protocol — latency from sending the mutation to each client's `data` message. Goal: p95 ≤ 100 ms. Then the
// same with 1,000 subscribers beside it (AppSync's published k6 broadcast: 83 ms p95 at 10k, in the cloud).
// Each figure comes with where the time went, per change (median): the write reaching the change feed's
// notifier, the notifier's signed publish mutation reaching the real-time server, rendering the payload (once
// per distinct subscriber shape), writing the frames, and the frames reaching the last subscriber. The
// subscribers run in a thread of their own (live-clients.worker.ts), as they are other devices: reading their
// frames does not queue on the event loop that serves them.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { startTestStack, accessTokenFor, companyDay } from '../tests/support/test-stack';
import { onBookingChanged, updateDeliveryStatus } from '../src/generated/graphql';
import type { Stack } from '../src/local/stack';
import type { PublishTiming } from '../src/local/appsync/realtime';
import { printTable, setting, summarize, writeResult } from './stats';
import { startTypeScriptWorker } from '../src/local/typescript-worker';
import type { FromLiveClients, LiveClientsInit, ToLiveClients } from './live-clients.worker';

const GOAL_P95_MS = 100;
const CHANGES = setting('BENCH_LIVE_CHANGES', 30, 1);
const CHANGES_AT_1000 = setting('BENCH_LIVE_CHANGES_1000', 10, 1);
const NOTIFIER_CHANNEL = 'courier:change-feed:notifier';
const PUBLISH_CHANNEL = 'courier:appsync:realtime-publish';

type Phases = {
  'write → notifier': number;
  'notifier → publish': number;
  render: number;
  'write frames': number;
  'frames → last client': number;
  'mutation answered': number;
};

type Round = { latencies: number[]; perChangeSlowestMs: number[]; phases: Phases[] };

function median(values: number[]): number {
  return summarize(values).p50;
}

/** `changes` status changes (plus one unmeasured warm-up) delivered to every client, timed per phase. */
type Change = { reference: string; status: string };

/** The subscribers' thread (live-clients.worker.ts), driven by messages. */
type LiveClients = {
  subscribe(count: number): Promise<void>;
  /** Arms the subscribers for one change; resolves with each one's arrival time (shared clock) once all have it. */
  expect(change: number): Promise<{ arrivals: Promise<number[]> }>;
  stop(): Promise<void>;
};

function startLiveClients(init: LiveClientsInit): LiveClients {
  const worker = startTypeScriptWorker(new URL('./live-clients.worker.ts', import.meta.url), init);
  const waiting: ((message: FromLiveClients) => boolean)[] = [];
  let failure: Error | undefined;
  worker.on('message', (message: FromLiveClients) => {
    if (message.type === 'failed') failure = new Error(`live clients: ${message.message}`);
    const index = waiting.findIndex((w) => w(message));
    if (index >= 0) waiting.splice(index, 1);
  });
  worker.on('error', (error) => (failure = error));
  const next = <T extends FromLiveClients['type']>(type: T, timeoutMs = 120_000) =>
    new Promise<Extract<FromLiveClients, { type: T }>>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(failure ?? new Error(`live clients: no ${type} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      waiting.push((message) => {
        if (message.type !== type && message.type !== 'failed') return false;
        clearTimeout(timer);
        if (message.type === 'failed') reject(new Error(message.message));
        else resolve(message as Extract<FromLiveClients, { type: T }>);
        return true;
      });
    });
  const send = (message: ToLiveClients) => worker.postMessage(message);
  return {
    async subscribe(count) {
      const subscribed = next('subscribed');
      send({ type: 'subscribe', count });
      await subscribed;
    },
    async expect(change) {
      const ready = next('ready');
      const arrivals = next('arrivals', 30_000).then((m) => m.at);
      // Not left unhandled if the change fails before anyone waits for its arrivals.
      arrivals.catch(() => undefined);
      send({ type: 'expect', change });
      await ready;
      return { arrivals };
    },
    async stop() {
      await worker.terminate();
    },
  };
}

/** Now in the time the bench and its subscribers' thread share. */
const sharedNow = () => performance.timeOrigin + performance.now();

async function measure(stack: Stack, token: string, clients: LiveClients, changes: Change[]) {
  const notified: number[] = [];
  const published: PublishTiming[] = [];
  const onNotifier = (m: unknown) => notified.push((m as { receivedAt: number }).receivedAt);
  const onPublish = (m: unknown) => {
    const timing = m as PublishTiming;
    if (timing.delivered > 0) published.push(timing);
  };
  subscribe(NOTIFIER_CHANNEL, onNotifier);
  subscribe(PUBLISH_CHANNEL, onPublish);
  const round: Round = { latencies: [], perChangeSlowestMs: [], phases: [] };
  try {
    // Change 0 warms the path (first publish, first compile of each code path) and is not measured.
    for (const [n, variables] of changes.entries()) {
      notified.length = 0;
      published.length = 0;
      const { arrivals } = await clients.expect(n);
      const started = performance.now();
      const startedShared = sharedNow();
      const measured = n > 0;
      const res = await fetch(stack.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: token },
        body: JSON.stringify({ query: updateDeliveryStatus, variables }),
      });
      const json = (await res.json()) as { errors?: unknown[] };
      const answered = performance.now() - started;
      if (json.errors) throw new Error(JSON.stringify(json.errors));
      const latencies = (await arrivals).map((at) => at - startedShared);
      const slowest = Math.max(...latencies);
      if (measured) round.latencies.push(...latencies);
      round.perChangeSlowestMs.push(Math.round(slowest));
      const notifiedAt = notified[0];
      const publish = published[0];
      if (measured && notifiedAt !== undefined && publish) {
        round.phases.push({
          'write → notifier': notifiedAt - started,
          'notifier → publish': publish.startedAt - notifiedAt,
          render: publish.renderMs,
          'write frames': publish.writeMs,
          'frames → last client': started + slowest - publish.endedAt,
          'mutation answered': answered,
        });
      }
    }
  } finally {
    unsubscribe(NOTIFIER_CHANNEL, onNotifier);
    unsubscribe(PUBLISH_CHANNEL, onPublish);
  }
  return round;
}

export async function runLiveBench() {
  const stack = await startTestStack();
  try {
    const token = await accessTokenFor(stack, 'admin@example.com');
    const auth = { host: new URL(stack.graphqlUrl).host, Authorization: token };
    const booked = (
      await stack.deps.bookings.query({ by: 'day', day: companyDay(stack), status: 'BOOKED' }, { limit: 200 })
    ).items.filter((b) => b.courierId);
    // Each booked booking collected first, then (when more changes are wanted than bookings) taken on a step.
    const candidates = ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY'].flatMap((status) =>
      booked.map((b) => ({ reference: b.reference, status })),
    );
    const clients = startLiveClients({ realtimeUrl: stack.realtimeUrl, auth, query: onBookingChanged });

    const rounds: { clients: number; round: Round }[] = [];
    let used = 0;
    for (const [count, changes] of [
      [100, CHANGES],
      [1000, CHANGES_AT_1000],
    ] as const) {
      const round = candidates.slice(used, used + changes + 1);
      used += round.length;
      if (round.length < 2) throw new Error(`only ${booked.length} booked bookings to change`);
      await clients.subscribe(count);
      rounds.push({ clients: count, round: await measure(stack, token, clients, round) });
    }
    await clients.stop();

    const rows = rounds.map(({ clients: count, round }) => {
      const s = summarize(round.latencies);
      return {
        clients: count,
        changes: round.perChangeSlowestMs.length - 1,
        deliveries: s.count,
        'p50 ms': s.p50,
        'p95 ms': s.p95,
        'max ms': s.max,
        goal:
          count === 100 ? `p95 ≤ ${GOAL_P95_MS} ms: ${s.p95 <= GOAL_P95_MS ? 'met' : 'MISSED'}` : 'figure beside it',
      };
    });
    printTable(`live — status change → subscribers (goal at 100: p95 ≤ ${GOAL_P95_MS} ms)`, rows);
    const breakdown = rounds.map(({ clients: count, round }) => {
      const row: Record<string, string | number> = { clients: count };
      for (const phase of Object.keys(round.phases[0] ?? {}) as (keyof Phases)[])
        row[`${phase} ms`] = median(round.phases.map((p) => p[phase]));
      return row;
    });
    printTable(
      'live — where the time goes, median per change (the last three add up to the slowest delivery after the publish starts)',
      breakdown,
    );
    for (const { clients: count, round } of rounds)
      console.log(
        `${count} clients — slowest delivery per change, ms (first = warm-up, not measured): ${round.perChangeSlowestMs.join(', ')}`,
      );
    const p95 = rows[0]!['p95 ms'];
    return {
      rows,
      breakdown,
      perChangeSlowestMs: Object.fromEntries(rounds.map((r) => [r.clients, r.round.perChangeSlowestMs])),
      p95,
      goal: GOAL_P95_MS,
      pass: p95 <= GOAL_P95_MS,
    };
  } finally {
    await stack.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runLiveBench();
  console.log(`wrote ${await writeResult('live', result)}`);
}
