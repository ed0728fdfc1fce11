// Batch jobs: long or heavy work that runs on a schedule or on demand, outside the request path. One registry
// for both ways infra-cfn runs them (BatchDeploymentMode): a Lambda invoked with { job } or a Fargate task
// started with the job's name as its command.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createBusinessCalendar } from '../core/business-calendar';
import { ValidationError } from '../core/errors';
import { backfillRollups } from '../data/rollup-backfill';
import { createRollupRepository } from '../data/rollup-repository';

export type JobConfig = {
  region: string;
  timeZone: string;
  tables: { bookings: string; feedback: string; rollups: string };
};

export type JobResult = { job: JobName; outcome: string };

const JOBS = {
  /** Rebuilds the dashboard rollups from the bookings and feedback tables when they are missing (after a restore). */
  'rollup-backfill': async (config: JobConfig, doc: DynamoDBDocumentClient) => {
    const built = await backfillRollups(
      doc,
      config.tables,
      createRollupRepository(doc, config.tables.rollups),
      createBusinessCalendar(config.timeZone),
    );
    return built ? 'rebuilt the rollups' : 'rollups already built: nothing to do';
  },
} satisfies Record<string, (config: JobConfig, doc: DynamoDBDocumentClient) => Promise<string>>;

export type JobName = keyof typeof JOBS;
export const JOB_NAMES = Object.keys(JOBS) as JobName[];

export function parseJobName(value: unknown): JobName {
  if (typeof value === 'string' && (JOB_NAMES as string[]).includes(value)) return value as JobName;
  throw new ValidationError(`Unknown job ${JSON.stringify(value)}: the jobs are ${JOB_NAMES.join(', ')}.`, {
    field: 'job',
  });
}

export async function runJob(job: JobName, config: JobConfig, doc: DynamoDBDocumentClient): Promise<JobResult> {
  return { job, outcome: await JOBS[job](config, doc) };
}
