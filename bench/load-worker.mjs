// Load generator for the benchmarks, run in its own thread so it does not compete with the server
// under test for the event loop: N requests in flight at a time, POSTing GraphQL bodies for a fixed time over
// keep-alive connections. With `sourceAddresses`, request i is sent from address i % n (loopback addresses
// 127.x.y.z), one keep-alive connection pool per address: many callers, as the public tracking page has, rather
// than one caller the API's per-address limits would refuse after its first minute's allowance.
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { Agent, request } from 'undici';

const { url, headers, bodies, connections, durationMs, sourceAddresses = [] } = workerData;
const agents = sourceAddresses.length
  ? sourceAddresses.map((localAddress) => new Agent({ connections: 1, pipelining: 1, localAddress }))
  : [new Agent({ connections, pipelining: 1 })];
const latencies = [];
let errors = 0;
let firstError;
let i = 0;
const until = Date.now() + durationMs;
const started = performance.now();
await Promise.all(
  Array.from({ length: connections }, async () => {
    while (Date.now() < until) {
      const n = i++;
      const body = bodies[n % bodies.length];
      const dispatcher = agents[n % agents.length];
      const t = performance.now();
      try {
        const res = await request(url, { method: 'POST', headers, body, dispatcher });
        const json = await res.body.json();
        if (res.statusCode !== 200 || json.errors) {
          errors++;
          firstError ??= JSON.stringify(json.errors ?? res.statusCode).slice(0, 300);
        }
      } catch (e) {
        errors++;
        firstError ??= String(e);
      }
      latencies.push(performance.now() - t);
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
await Promise.all(agents.map((a) => a.close()));
parentPort.postMessage({ requests: latencies.length, errors, firstError, seconds, latencies });
