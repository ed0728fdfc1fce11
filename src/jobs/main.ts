// Fargate entry of the batch jobs (BatchDeploymentMode FARGATE): `node dist/jobs.mjs <job>`; exits non-zero on
// failure so the stopped task's exit code tells EventBridge (and the alarm topic) it failed. Logs and metrics in
// the Lambda entry's format (Powertools Logger and EMF; the task's awslogs driver sends both to CloudWatch).
import { jsonLog, serviceMetrics } from '../observability/telemetry';
import { loadJobConfig } from './config';
import { runReportedJob, type JobConfig } from './jobs';
import { createJobRuntime } from './runtime';

const log = jsonLog('batch');
let config: JobConfig | undefined;
try {
  config = loadJobConfig();
} catch (error) {
  log.error('job configuration invalid', error);
  process.exitCode = 1;
}
if (config) {
  const report = { log, metrics: serviceMetrics('batch') };
  await runReportedJob(process.argv[2], config, createJobRuntime(config, log), report).catch(() => {
    process.exitCode = 1;
  });
}
