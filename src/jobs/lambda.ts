// AWS Lambda entry of the batch jobs (BatchDeploymentMode LAMBDA): { "job": "<name>" } in, the outcome out.
import { jsonLog } from '../api/deps';
import { createDocumentClient } from '../api/runtime';
import { loadJobConfig } from './config';
import { parseJobName, runJob } from './jobs';

const config = loadJobConfig();
const doc = createDocumentClient({ region: config.region });
const log = jsonLog('batch');

export const handler = async (event: { job?: unknown }) => {
  const result = await runJob(parseJobName(event.job), config, doc);
  log.info('job finished', result);
  return result;
};
