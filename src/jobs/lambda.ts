// AWS Lambda entry of the batch jobs (BatchDeploymentMode LAMBDA): { "job": "<name>" } in, the outcome out.
import { jsonLog } from '../api/deps';
import { loadJobConfig } from './config';
import { parseJobName, runJob } from './jobs';
import { createJobRuntime } from './runtime';

const config = loadJobConfig();
const log = jsonLog('batch');
const runtime = createJobRuntime(config, log);

export const handler = async (event: { job?: unknown }) => {
  const result = await runJob(parseJobName(event.job), config, runtime);
  log.info('job finished', result);
  return result;
};
