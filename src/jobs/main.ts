// Fargate entry of the batch jobs (BatchDeploymentMode FARGATE): `node dist/jobs.mjs <job>`; exits non-zero on
// failure so the stopped task's exit code tells EventBridge (and the alarm topic) it failed.
import { jsonLog } from '../api/deps';
import { loadJobConfig } from './config';
import { parseJobName, runJob } from './jobs';
import { createJobRuntime } from './runtime';

const log = jsonLog('batch');
try {
  const config = loadJobConfig();
  const result = await runJob(parseJobName(process.argv[2]), config, createJobRuntime(config, log));
  log.info('job finished', result);
} catch (error) {
  log.error('job failed', error);
  process.exitCode = 1;
}
