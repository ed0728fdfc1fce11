// The batch jobs' configuration (Lambda or Fargate task alike): the one place that reads process.env for them.
import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../core/business-calendar';
import type { JobConfig } from './jobs';

const required = (name: string) => z.string({ required_error: `${name} is required` }).min(1, `${name} is required`);

const schema = z.object({
  AWS_REGION: required('AWS_REGION'),
  TABLE_BOOKINGS: required('TABLE_BOOKINGS'),
  TABLE_FEEDBACK: required('TABLE_FEEDBACK'),
  TABLE_ROLLUPS: required('TABLE_ROLLUPS'),
  COMPANY_TIME_ZONE: z
    .string()
    .refine(isValidTimeZone, 'COMPANY_TIME_ZONE must be an IANA time zone such as America/Los_Angeles')
    .default(DEFAULT_TIME_ZONE),
});

export function loadJobConfig(env: NodeJS.ProcessEnv = process.env): JobConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid job configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    region: e.AWS_REGION,
    timeZone: e.COMPANY_TIME_ZONE,
    tables: { bookings: e.TABLE_BOOKINGS, feedback: e.TABLE_FEEDBACK, rollups: e.TABLE_ROLLUPS },
  };
}
