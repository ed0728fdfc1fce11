// The batch jobs' configuration (Lambda or Fargate task alike): the one place that reads process.env for them.
import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../core/business-calendar';
import type { JobConfig } from './jobs';

const required = (name: string) => z.string({ required_error: `${name} is required` }).min(1, `${name} is required`);
const optional = z
  .string()
  .optional()
  .transform((v) => v || undefined);

const schema = z.object({
  AWS_REGION: required('AWS_REGION'),
  TABLE_BOOKINGS: required('TABLE_BOOKINGS'),
  TABLE_FEEDBACK: required('TABLE_FEEDBACK'),
  TABLE_ROLLUPS: required('TABLE_ROLLUPS'),
  COMPANY_TIME_ZONE: z
    .string()
    .refine(isValidTimeZone, 'COMPANY_TIME_ZONE must be an IANA time zone such as America/Los_Angeles')
    .default(DEFAULT_TIME_ZONE),
  // The bot's and partners' analytics series are built from these by rollup-backfill.
  TABLE_CONVERSATIONS: optional,
  TABLE_AUDIT: optional,
  // The executive summary's: where summaries are listed (Alerts table) and stored (the storage bucket), where
  // admin notices are recorded (Outbox table) and published (the admins' SNS topic), and the app's URL for links.
  TABLE_ALERTS: optional,
  TABLE_OUTBOX: optional,
  SUMMARY_BUCKET: optional,
  ADMIN_TOPIC_ARN: z
    .string()
    .regex(/^(arn:aws[\w-]*:sns:[\w-]+:\d{12}:[\w-]{1,256})?$/, 'ADMIN_TOPIC_ARN must be an SNS topic ARN')
    .optional()
    .transform((v) => v || undefined),
  WEB_APP_URL: z
    .string()
    .regex(/^(https?:\/\/\S+)?$/, 'WEB_APP_URL must be an absolute http(s) URL')
    .optional()
    .transform((v) => v || undefined),
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
    tables: {
      bookings: e.TABLE_BOOKINGS,
      feedback: e.TABLE_FEEDBACK,
      rollups: e.TABLE_ROLLUPS,
      ...(e.TABLE_CONVERSATIONS ? { conversations: e.TABLE_CONVERSATIONS } : {}),
      ...(e.TABLE_AUDIT ? { audit: e.TABLE_AUDIT } : {}),
      ...(e.TABLE_ALERTS ? { alerts: e.TABLE_ALERTS } : {}),
      ...(e.TABLE_OUTBOX ? { outbox: e.TABLE_OUTBOX } : {}),
    },
    ...(e.SUMMARY_BUCKET ? { summaryBucket: e.SUMMARY_BUCKET } : {}),
    ...(e.ADMIN_TOPIC_ARN ? { adminTopicArn: e.ADMIN_TOPIC_ARN } : {}),
    ...(e.WEB_APP_URL ? { webAppUrl: e.WEB_APP_URL } : {}),
  };
}
