// `live`: one booking status change delivered to 100 subscribed clients over AppSync's real-time
// protocol — latency from sending the mutation to each client's `data` message. Goal: p95 ≤ 100 ms.
import { startTestStack, accessTokenFor, companyDay } from '../tests/support/test-stack';
import { onBookingChanged, updateDeliveryStatus } from '../src/generated/graphql';
import { printTable, summarize, writeResult } from './stats';
import { subscribeRealtime, type Subscription } from '../tests/support/realtime-client';

const CLIENTS = 100;
const CHANGES = Number(process.env.BENCH_LIVE_CHANGES ?? 30);

export async function runLiveBench() {
  const stack = await startTestStack();
  try {
    const token = await accessTokenFor(stack, 'admin@example.com');
    const auth = { host: new URL(stack.graphqlUrl).host, Authorization: token };
    const clients: Subscription<unknown>[] = [];
    for (let i = 0; i < CLIENTS; i++) clients.push(await subscribeRealtime(stack.realtimeUrl, auth, onBookingChanged));

    const candidates = (
      await stack.deps.bookings.query({ by: 'day', day: companyDay(stack), status: 'BOOKED' }, { limit: 100 })
    ).items.filter((b) => b.courierId);
    const latencies: number[] = [];
    // Change 0 warms the path (first publish, first compile of each code path) and is not measured.
    const changes = Math.min(CHANGES + 1, candidates.length);
    const perChange: number[] = [];
    for (let n = 0; n < changes; n++) {
      const booking = candidates[n]!;
      const started = performance.now();
      const measured = n > 0;
      let slowest = 0;
      const arrivals = clients.map(
        (c) =>
          new Promise<void>((resolve) =>
            c.onData(() => {
              const ms = performance.now() - started;
              slowest = Math.max(slowest, ms);
              if (measured) latencies.push(ms);
              resolve();
            }),
          ),
      );
      const res = await fetch(stack.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: token },
        body: JSON.stringify({
          query: updateDeliveryStatus,
          variables: { reference: booking.reference, status: 'COLLECTED' },
        }),
      });
      const json = (await res.json()) as { errors?: unknown[] };
      if (json.errors) throw new Error(JSON.stringify(json.errors));
      await Promise.race([
        Promise.all(arrivals),
        new Promise((_, reject) => setTimeout(() => reject(new Error('deliveries timed out')), 10_000)),
      ]);
      perChange.push(Math.round(slowest));
    }
    for (const c of clients) c.close();

    const s = summarize(latencies);
    const rows = [
      {
        clients: CLIENTS,
        changes: changes - 1,
        deliveries: s.count,
        'p50 ms': s.p50,
        'p95 ms': s.p95,
        'max ms': s.max,
      },
    ];
    printTable('live — status change → 100 subscribers (goal p95 ≤ 100 ms)', rows);
    console.log(`slowest delivery per change, ms (first = warm-up, not measured): ${perChange.join(', ')}`);
    return { rows, perChangeSlowestMs: perChange, p95: s.p95, goal: 100, pass: s.p95 <= 100 };
  } finally {
    await stack.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runLiveBench();
  console.log(`wrote ${await writeResult('live', result)}`);
}
