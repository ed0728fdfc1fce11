// `npm run bench`: every benchmark under bench/, one after another; prints tables, writes bench/results/*.json.
import { runAnalyticsBench } from './analytics.bench';
import { runApiBench } from './api.bench';
import { runCourierFirstLoadBench } from './courier-first-load.bench';
import { runCourierPerformanceBench } from './courier-performance';
import { runCourierSequenceBench } from './courier-sequence.bench';
import { runDashboardBench } from './dashboard.bench';
import { runLiveBench } from './live.bench';
import { runMapBench } from './map.bench';
import { runMcpBench } from './mcp.bench';
import { runSoakBench } from './soak.bench';
import { runStreamsBench } from './streams.bench';
import { runLambdaBench, runVoiceBench } from './voice.bench';
import { machineLoad, writeResult } from './stats';

const benches = {
  api: runApiBench,
  live: runLiveBench,
  dashboard: runDashboardBench,
  analytics: runAnalyticsBench,
  map: runMapBench,
  mcp: runMcpBench,
  voice: runVoiceBench,
  // The courier app's benchmarks (issue 10, 9): (a) the app's first load, (b) the suggested delivery sequence,
  // (c) the performance page at 100k bookings against 1k; each part alone too.
  courier: async () => ({
    firstLoad: await runCourierFirstLoadBench(),
    ...(await runCourierSequenceBench()),
    performancePage: await runCourierPerformanceBench(),
  }),
  'courier-first-load': async () => ({ firstLoad: await runCourierFirstLoadBench() }),
  'courier-sequence': runCourierSequenceBench,
  'courier-performance': runCourierPerformanceBench,
  lambda: runLambdaBench,
  streams: runStreamsBench,
  // Issue 13: a mixed load for SOAK_SECONDS (90 by default) with faults switched on and off midway, then a recount.
  soak: runSoakBench,
};
const only = process.argv.slice(2);

for (const [name, run] of Object.entries(benches)) {
  if (only.length && !only.includes(name)) continue;
  // `voice` measures the Lambda bundles too and `courier` both of its parts; the parts alone are for when only
  // they are wanted.
  if (!only.length && ['lambda', 'courier-first-load', 'courier-sequence', 'courier-performance'].includes(name))
    continue;
  const before = machineLoad();
  console.log(`\n${name}: ${before.cores} cores, load average ${before.loadAverage.join(' / ')} (1/5/15 min) at start`);
  const result = await run();
  const after = machineLoad();
  console.log(`${name}: load average ${after.loadAverage.join(' / ')} at the end`);
  console.log(`wrote ${await writeResult(name, { ...(result as object), machine: { before, after } })}`);
}
