// Load generator for the benchmarks, run in its own thread so it does not compete with the server
// under test for the event loop: N keep-alive connections POSTing GraphQL bodies for a fixed time.
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { Agent, request } from 'undici';

const { url, headers, bodies, connections, durationMs } = workerData;
const agent = new Agent({ connections, pipelining: 1 });
const latencies = [];
let errors = 0;
let i = 0;
const until = Date.now() + durationMs;
const started = performance.now();
await Promise.all(
  Array.from({ length: connections }, async () => {
    while (Date.now() < until) {
      const body = bodies[i++ % bodies.length];
      const t = performance.now();
      try {
        const res = await request(url, { method: 'POST', headers, body, dispatcher: agent });
        const json = await res.body.json();
        if (res.statusCode !== 200 || json.errors) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t);
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
await agent.close();
parentPort.postMessage({ requests: latencies.length, errors, seconds, latencies });
