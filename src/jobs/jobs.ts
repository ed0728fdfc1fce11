// Batch jobs: work that runs on a schedule or on demand, outside the request path. One registry
// for both ways infra-cfn runs them (BatchDeploymentMode): a Lambda invoked with { job } or a Fargate task
// started with the job's name as its command.
import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { checkRecentLateDeliveries } from '../core/analytics-alerts';
import { addDays, createBusinessCalendar, weekOf } from '../core/business-calendar';
import { generateLastWeekIfMissing } from '../core/executive-summary';
import { ValidationError } from '../core/errors';
import type { Clock } from '../core/ports';
import { renderSummaryPdf } from '../api/summary-pdf';
import { createAlertStore } from '../data/alert-repository';
import { createAnalyticsRepository } from '../data/analytics-repository';
import { backfillRollups } from '../data/rollup-backfill';
import { createRollupRepository } from '../data/rollup-repository';
import { createAdminNotifier, type SnsPublish } from '../data/sns-admin-notifier';
import { createSummaryStore } from '../data/summary-store';
import type { Log, ServiceMetrics } from '../observability/telemetry';

export type JobConfig = {
  region: string;
  timeZone: string;
  tables: {
    bookings: string;
    feedback: string;
    rollups: string;
    /** The calls and the partner audit trail: the bot's and partners' analytics series are built from them. */
    conversations?: string;
    audit?: string;
    alerts?: string;
    outbox?: string;
  };
  /** The bucket executive summaries are stored in (summaries/<week>.pdf). */
  summaryBucket?: string;
  /** The admins' SNS topic; without it notices are kept in the outbox only. */
  adminTopicArn?: string;
  /** The web app's public URL, for links in admin notices. */
  webAppUrl?: string;
};

/** What a job reaches the world through: the real AWS clients in the cloud, the local emulators in tests. */
export type JobRuntime = {
  doc: DynamoDBDocumentClient;
  s3: S3Client;
  publishSns: SnsPublish;
  clock: Clock;
  log: { error(message: string, detail?: unknown): void };
};

export type JobResult = { job: JobName; outcome: string };

/** The settings a job cannot run without, named by their environment variables when missing. */
function requireSettings<T extends Record<string, string | undefined>>(job: string, settings: T) {
  const missing = Object.entries(settings)
    .filter(([, value]) => !value)
    .map(([name]) => name);
  if (missing.length)
    throw new Error(`Invalid job configuration: ${job} needs ${missing.join(', ')} (set by infra-cfn's batch stack).`);
  return settings as { [K in keyof T]: string };
}

/** The admins' notification port: the SNS topic (recorded in the outbox) when configured, the outbox alone otherwise. */
function adminNotifier(config: JobConfig, runtime: JobRuntime, outboxTable: string) {
  return createAdminNotifier({
    doc: runtime.doc,
    outboxTable,
    ...(config.adminTopicArn ? { topic: { arn: config.adminTopicArn, publish: runtime.publishSns } } : {}),
    appUrl: config.webAppUrl,
    log: runtime.log,
  });
}

const JOBS = {
  /**
   * Builds the dashboard rollups and the analytics series from the tables when they are missing (after a
   * restore), as the local stack does at start.
   */
  'rollup-backfill': async (config: JobConfig, { doc }: JobRuntime) => {
    const built = await backfillRollups(
      doc,
      config.tables,
      createRollupRepository(doc, config.tables.rollups),
      createBusinessCalendar(config.timeZone),
      createAnalyticsRepository(doc, config.tables.rollups),
    );
    const what = [built.dashboard && 'the dashboard rollups', built.analytics && 'the analytics series'].filter(
      Boolean,
    );
    return what.length ? `built ${what.join(' and ')}` : 'rollups and analytics series already built: nothing to do';
  },
  /**
   * Last week's executive summary, unless it exists: the local stack's timer's code path (the KPIs from the
   * rollups, the PDF, the summary store, the admins told through SNS and the outbox).
   */
  'executive-summary': async (config: JobConfig, runtime: JobRuntime) => {
    const { TABLE_ALERTS, TABLE_OUTBOX, SUMMARY_BUCKET } = requireSettings('executive-summary', {
      TABLE_ALERTS: config.tables.alerts,
      TABLE_OUTBOX: config.tables.outbox,
      SUMMARY_BUCKET: config.summaryBucket,
    });
    const { doc, clock } = runtime;
    const today = createBusinessCalendar(config.timeZone).dayOf(clock.now());
    const made = await generateLastWeekIfMissing(today, {
      series: createAnalyticsRepository(doc, config.tables.rollups),
      summaries: createSummaryStore({ doc, table: TABLE_ALERTS, s3: runtime.s3, bucket: SUMMARY_BUCKET }),
      admins: adminNotifier(config, runtime, TABLE_OUTBOX),
      render: renderSummaryPdf,
      clock,
    });
    return made
      ? `generated the executive summary for the week of ${made.week} (s3://${SUMMARY_BUCKET}/${made.key})`
      : `the executive summary for the week of ${addDays(weekOf(today), -7)} exists: nothing to do`;
  },
  /**
   * Service-quality alerts for deliveries running late against their ETA (Req 10.5): time passing writes nothing,
   * so the change feed cannot see them; the local stack's timer's code path, every minute. Each alert is raised
   * once (the Alerts table's stream puts it on the dashboard live) and the admins are told through SNS and the
   * outbox.
   */
  'late-deliveries': async (config: JobConfig, runtime: JobRuntime) => {
    const { TABLE_ALERTS, TABLE_OUTBOX } = requireSettings('late-deliveries', {
      TABLE_ALERTS: config.tables.alerts,
      TABLE_OUTBOX: config.tables.outbox,
    });
    const { doc, clock } = runtime;
    const now = clock.now();
    const rollups = createRollupRepository(doc, config.tables.rollups);
    const raised = await checkRecentLateDeliveries(createBusinessCalendar(config.timeZone).dayOf(now), now, {
      alerts: createAlertStore(doc, TABLE_ALERTS),
      admins: adminNotifier(config, runtime, TABLE_OUTBOX),
      overdue: (day, before, limit) => rollups.overdue(day, before, limit),
    });
    return raised.length
      ? `raised ${raised.length} late-delivery ${raised.length === 1 ? 'alert' : 'alerts'}: ${raised.map((a) => a.reference).join(', ')}`
      : 'no delivery newly late: nothing to do';
  },
} satisfies Record<string, (config: JobConfig, runtime: JobRuntime) => Promise<string>>;

export type JobName = keyof typeof JOBS;
export const JOB_NAMES = Object.keys(JOBS) as JobName[];

export function parseJobName(value: unknown): JobName {
  if (typeof value === 'string' && (JOB_NAMES as string[]).includes(value)) return value as JobName;
  throw new ValidationError(`Unknown job ${JSON.stringify(value)}: the jobs are ${JOB_NAMES.join(', ')}.`, {
    field: 'job',
  });
}

export async function runJob(job: JobName, config: JobConfig, runtime: JobRuntime): Promise<JobResult> {
  return { job, outcome: await JOBS[job](config, runtime) };
}

/**
 * A job as both entries run it (Lambda and Fargate): its outcome or its failure logged, and the batch service's
 * JobSucceeded or JobFailed count and JobDuration in EMF, so either mode reports the same lines and metrics. A
 * failure (an unknown job name included) is rethrown: the Lambda's invocation or the task's exit code fails.
 */
export async function runReportedJob(
  name: unknown,
  config: JobConfig,
  runtime: JobRuntime,
  report: { log: Log; metrics: ServiceMetrics; now?: () => number },
): Promise<JobResult> {
  const now = report.now ?? Date.now;
  const started = now();
  try {
    const result = await runJob(parseJobName(name), config, runtime);
    report.metrics.count('JobSucceeded', 1);
    report.log.info('job finished', result);
    return result;
  } catch (error) {
    report.metrics.count('JobFailed', 1);
    report.log.error(`job ${String(name)} failed`, error);
    throw error;
  } finally {
    report.metrics.milliseconds('JobDuration', now() - started);
    report.metrics.flush();
  }
}
