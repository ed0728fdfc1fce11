// AWS Lambda entry of the batch jobs (BatchDeploymentMode LAMBDA): { "job": "<name>" } in, the outcome out; logs
// and metrics as the Fargate entry writes them (runReportedJob).
import { jsonLog, serviceMetrics } from '../observability/telemetry';
import { loadJobConfig } from './config';
import { runReportedJob } from './jobs';
import { createJobRuntime } from './runtime';

const config = loadJobConfig();
const log = jsonLog('batch');
const report = { log, metrics: serviceMetrics('batch') };
const runtime = createJobRuntime(config, log);

export const handler = async (event: { job?: unknown }) => runReportedJob(event.job, config, runtime, report);
