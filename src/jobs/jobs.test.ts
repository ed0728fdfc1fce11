import { CreateBucketCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deliveryWatch } from '../core/analytics';
import { createBusinessCalendar } from '../core/business-calendar';
import { createAlertStore } from '../data/alert-repository';
import { createRollupRepository } from '../data/rollup-repository';
import { createS3Emulator } from '../local/s3/s3-handlers';
import { createSnsPublish } from '../data/sns-admin-notifier';
import { fixedClock, makeBooking, startTestTables, type TestTables } from '../data/test-tables';
import { loadJobConfig } from './config';
import { jsonLog, serviceMetrics } from '../observability/telemetry';
import { JOB_NAMES, parseJobName, runJob, runReportedJob, type JobConfig, type JobRuntime } from './jobs';

describe('batch jobs', () => {
  it('knows its jobs by name and refuses others, naming the ones it has', () => {
    // Act / Assess
    expect(parseJobName('rollup-backfill')).toBe('rollup-backfill');
    expect(parseJobName('executive-summary')).toBe('executive-summary');
    expect(parseJobName('late-deliveries')).toBe('late-deliveries');
    expect(() => parseJobName('weekly-report')).toThrow(
      /Unknown job "weekly-report": the jobs are rollup-backfill, executive-summary, late-deliveries/,
    );
    expect(JOB_NAMES).toEqual(['rollup-backfill', 'executive-summary', 'late-deliveries']);
  });

  it('fails fast on missing configuration, listing every problem', () => {
    // Act / Assess
    expect(() => loadJobConfig({ AWS_REGION: 'eu-west-1', TABLE_BOOKINGS: 'b' })).toThrow(
      /TABLE_FEEDBACK: TABLE_FEEDBACK is required; TABLE_ROLLUPS: TABLE_ROLLUPS is required/,
    );
    expect(
      loadJobConfig({ AWS_REGION: 'eu-west-1', TABLE_BOOKINGS: 'b', TABLE_FEEDBACK: 'f', TABLE_ROLLUPS: 'r' }),
    ).toEqual({
      region: 'eu-west-1',
      timeZone: 'America/Los_Angeles',
      tables: { bookings: 'b', feedback: 'f', rollups: 'r' },
    });
    expect(() =>
      loadJobConfig({
        AWS_REGION: 'eu-west-1',
        TABLE_BOOKINGS: 'b',
        TABLE_FEEDBACK: 'f',
        TABLE_ROLLUPS: 'r',
        ADMIN_TOPIC_ARN: 'courier-admins',
      }),
    ).toThrow(/ADMIN_TOPIC_ARN: ADMIN_TOPIC_ARN must be an SNS topic ARN/);
  });

  it('reads the executive summary settings, empty values (an unset CloudFormation parameter) as absent', () => {
    // Act
    const config = loadJobConfig({
      AWS_REGION: 'eu-west-1',
      TABLE_BOOKINGS: 'b',
      TABLE_FEEDBACK: 'f',
      TABLE_ROLLUPS: 'r',
      TABLE_CONVERSATIONS: 'c',
      TABLE_AUDIT: 'au',
      TABLE_ALERTS: 'a',
      TABLE_OUTBOX: 'o',
      SUMMARY_BUCKET: 'storage',
      ADMIN_TOPIC_ARN: 'arn:aws:sns:eu-west-1:111122223333:courier-prod-admins',
      WEB_APP_URL: '',
    });

    // Assess
    expect(config).toEqual({
      region: 'eu-west-1',
      timeZone: 'America/Los_Angeles',
      tables: { bookings: 'b', feedback: 'f', rollups: 'r', conversations: 'c', audit: 'au', alerts: 'a', outbox: 'o' },
      summaryBucket: 'storage',
      adminTopicArn: 'arn:aws:sns:eu-west-1:111122223333:courier-prod-admins',
    });
  });
});

/** The batch service's log and metrics, both into `lines`, on a clock that moves 25 ms a reading. */
function reportInto(lines: string[]) {
  let ms = 1_000;
  const sink = (line: string) => lines.push(line);
  return {
    log: jsonLog('batch', sink),
    metrics: serviceMetrics('batch', { namespace: 'Courier/dev', sink }),
    now: () => (ms += 25),
  };
}

describe('a reported job run (the Lambda and Fargate entries)', () => {
  it('logs a failure and counts it, with its duration, then rethrows it so the invocation or the task fails', async () => {
    // Prepare
    const lines: string[] = [];
    const config: JobConfig = {
      region: 'us-east-1',
      timeZone: 'UTC',
      tables: { bookings: 'b', feedback: 'f', rollups: 'r' },
    };

    // Act
    const run = runReportedJob('weekly-report', config, {} as JobRuntime, reportInto(lines));

    // Assess
    await expect(run).rejects.toThrow(/Unknown job "weekly-report"/);
    const [logLine, metrics] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logLine).toMatchObject({ level: 'ERROR', service: 'batch', message: 'job weekly-report failed' });
    expect(logLine!.error).toMatchObject({ name: 'ValidationError' });
    expect(metrics).toMatchObject({ service: 'batch', JobFailed: 1, JobDuration: 25 });
    expect(metrics).not.toHaveProperty('JobSucceeded');
  });
});

// ---- the executive-summary job against the local DynamoDB, the S3 emulator and an emulated SNS ----

const S3_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
const SNS_ENDPOINT = 'https://sns.us-east-1.amazonaws.com/';
const TOPIC = 'arn:aws:sns:us-east-1:111122223333:courier-dev-admins';
const BUCKET = 'courier-storage';
const server = setupServer();
const s3 = new S3Client({
  endpoint: 'http://localhost:4566',
  region: 'us-east-1',
  forcePathStyle: true,
  credentials: S3_CREDENTIALS,
  maxAttempts: 1,
  requestChecksumCalculation: 'WHEN_REQUIRED',
});
let db: TestTables;
const published: Record<string, string>[] = [];

beforeAll(async () => {
  // The local DynamoDB gateway (127.0.0.1) is reached for real; S3 and SNS only through the handlers below.
  server.listen({
    onUnhandledRequest: (request, print) => {
      if (new URL(request.url).hostname !== '127.0.0.1') print.error();
    },
  });
  db = await startTestTables();
});
afterEach(() => server.resetHandlers());
afterAll(async () => {
  server.close();
  s3.destroy();
  await db.close();
});

function emulate() {
  server.use(
    ...createS3Emulator({ credentials: [S3_CREDENTIALS], log: () => undefined }).handlers,
    http.post(SNS_ENDPOINT, async ({ request }) => {
      published.push(Object.fromEntries(new URLSearchParams(await request.text())));
      return HttpResponse.xml(
        `<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>sns-${published.length}</MessageId></PublishResult></PublishResponse>`,
      );
    }),
  );
}

describe('the executive-summary job', () => {
  it("builds last week's summary from the rollups, stores the PDF, tells the admins by SNS and the outbox, once", async () => {
    // Prepare: Monday 9 June 2025, 06:00 in Seattle; three bookings for pickup on Thursday of the week before.
    emulate();
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    for (const [i, reference] of ['JB1-AAA-1', 'JB2-AAA-2', 'JB3-AAA-3'].entries())
      await db.repos.bookings.create(
        makeBooking({
          reference,
          channel: i === 0 ? 'WEB' : 'VOICE',
          createdAt: '2025-06-04T18:00:00.000Z',
          pickupWindow: { start: '2025-06-05T17:00:00.000Z', end: '2025-06-05T19:00:00.000Z' },
        }),
      );
    const config: JobConfig = {
      region: 'us-east-1',
      timeZone: 'America/Los_Angeles',
      tables: {
        bookings: db.names.bookings,
        feedback: db.names.feedback,
        rollups: db.names.rollups,
        conversations: db.names.conversations,
        audit: db.names.audit,
        alerts: db.names.alerts,
        outbox: db.names.outbox,
      },
      summaryBucket: BUCKET,
      adminTopicArn: TOPIC,
      webAppUrl: 'https://d111111abcdef8.cloudfront.net',
    };
    const logged: unknown[] = [];
    const reported: string[] = [];
    const runtime: JobRuntime = {
      doc: db.local.doc,
      s3,
      publishSns: createSnsPublish({ region: 'us-east-1', credentials: { accessKeyId: 'AKID', secretAccessKey: 's' } }),
      clock: fixedClock('2025-06-09T13:00:00.000Z'),
      log: { error: (...args) => logged.push(args) },
    };

    // Act
    const backfill = await runJob('rollup-backfill', config, runtime);
    const first = await runJob('executive-summary', config, runtime);
    const second = await runReportedJob('executive-summary', config, runtime, reportInto(reported));

    // Assess
    expect(backfill.outcome).toBe('built the dashboard rollups and the analytics series');
    expect(first).toEqual({
      job: 'executive-summary',
      outcome: `generated the executive summary for the week of 2025-06-02 (s3://${BUCKET}/summaries/2025-06-02.pdf)`,
    });
    expect(second.outcome).toBe('the executive summary for the week of 2025-06-02 exists: nothing to do');
    const pdf = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'summaries/2025-06-02.pdf' }));
    expect(pdf.ContentType).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.Body!.transformToByteArray())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const listed = await db.local.doc.send(
      new GetCommand({ TableName: db.names.alerts, Key: { pk: 'summaries', sk: '2025-06-02' } }),
    );
    expect(listed.Item).toMatchObject({ week: '2025-06-02', to: '2025-06-08', key: 'summaries/2025-06-02.pdf' });
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({
      Action: 'Publish',
      TopicArn: TOPIC,
      Subject: 'Executive summary, week of 2025-06-02',
    });
    expect(published[0]!.Message).toContain('The executive summary for 2025-06-02 – 2025-06-08 is ready.');
    expect(published[0]!.Message).toContain('Most bookings came by voice: 2 of 3.');
    expect(published[0]!.Message).toContain('\nBookings: 3 (new this week)\n');
    expect(published[0]!.Message).toMatch(
      /\n\nOpen in the app: https:\/\/d111111abcdef8\.cloudfront\.net\/analytics\/summaries$/,
    );
    const { Items } = await db.local.doc.send(new ScanCommand({ TableName: db.names.outbox }));
    expect(Items!.filter((i) => i.kind === 'ADMIN_EXECUTIVE_SUMMARY')).toEqual([
      expect.objectContaining({
        delivery: 'SENT',
        providerMessageId: 'sns-1',
        topicArn: TOPIC,
        path: '/analytics/summaries',
      }),
    ]);
    expect(logged).toEqual([]);
    // The run through runReportedJob, as both entries make it: one log line and one EMF document.
    expect(reported.map((line) => JSON.parse(line) as unknown)).toEqual([
      expect.objectContaining({ level: 'INFO', service: 'batch', message: 'job finished', detail: second }),
      expect.objectContaining({ service: 'batch', JobSucceeded: 1, JobDuration: 25 }),
    ]);
  });

  it('refuses to run without the tables and bucket it writes, naming their variables', async () => {
    // Prepare
    const config: JobConfig = {
      region: 'us-east-1',
      timeZone: 'America/Los_Angeles',
      tables: { bookings: 'b', feedback: 'f', rollups: 'r', outbox: 'o' },
    };

    // Act / Assess
    await expect(
      runJob('executive-summary', config, {
        doc: db.local.doc,
        s3,
        publishSns: () => Promise.reject(new Error('not reached')),
        clock: fixedClock('2025-06-09T13:00:00.000Z'),
        log: { error: () => undefined },
      }),
    ).rejects.toThrow('Invalid job configuration: executive-summary needs TABLE_ALERTS, SUMMARY_BUCKET');
  });
});

describe('the late-deliveries job', () => {
  it("raises each delivery running late against its ETA once, from yesterday's and today's watches, and tells the admins", async () => {
    // Prepare: Tuesday 10 June 2025, 13:00 in Seattle. Watches as the change feed files them under the pickup day.
    emulate();
    published.length = 0;
    const calendar = createBusinessCalendar('America/Los_Angeles');
    const rollups = createRollupRepository(db.local.doc, db.names.rollups);
    const watched = [
      // Picked up yesterday evening, due before dawn: 14 hours late.
      {
        reference: 'LT1-AAA-1',
        pickup: '2025-06-10T02:00:00.000Z',
        eta: '2025-06-10T06:00:00.000Z',
        courierId: 'courier-03',
      },
      // Today's, 30 minutes past its ETA (the default grace is 15).
      { reference: 'LT2-AAA-2', pickup: '2025-06-10T17:00:00.000Z', eta: '2025-06-10T19:30:00.000Z' },
      // Today's, 10 minutes past: within the grace.
      { reference: 'LT3-AAA-3', pickup: '2025-06-10T17:00:00.000Z', eta: '2025-06-10T19:50:00.000Z' },
      // Today's, due later.
      { reference: 'LT4-AAA-4', pickup: '2025-06-10T18:00:00.000Z', eta: '2025-06-10T21:00:00.000Z' },
    ];
    for (const w of watched) {
      const booking = makeBooking({
        reference: w.reference,
        status: 'IN_TRANSIT',
        eta: w.eta,
        ...(w.courierId ? { courierId: w.courierId } : {}),
        pickupWindow: { start: w.pickup, end: new Date(Date.parse(w.pickup) + 7_200_000).toISOString() },
      });
      await rollups.watch(undefined, deliveryWatch(booking, calendar), booking.version);
    }
    const config: JobConfig = {
      region: 'us-east-1',
      timeZone: 'America/Los_Angeles',
      tables: {
        bookings: db.names.bookings,
        feedback: db.names.feedback,
        rollups: db.names.rollups,
        alerts: db.names.alerts,
        outbox: db.names.outbox,
      },
      adminTopicArn: TOPIC,
      webAppUrl: 'https://d111111abcdef8.cloudfront.net',
    };
    const logged: unknown[] = [];
    const clock = fixedClock('2025-06-10T20:00:00.000Z');
    const runtime: JobRuntime = {
      doc: db.local.doc,
      s3,
      publishSns: createSnsPublish({ region: 'us-east-1', credentials: { accessKeyId: 'AKID', secretAccessKey: 's' } }),
      clock,
      log: { error: (...args) => logged.push(args) },
    };

    // Act
    const first = await runJob('late-deliveries', config, runtime);
    const again = await runJob('late-deliveries', config, runtime);
    clock.set('2025-06-10T20:10:00.000Z');
    const later = await runJob('late-deliveries', config, runtime);

    // Assess
    expect(first).toEqual({ job: 'late-deliveries', outcome: 'raised 2 late-delivery alerts: LT1-AAA-1, LT2-AAA-2' });
    expect(again.outcome).toBe('no delivery newly late: nothing to do');
    expect(later.outcome).toBe('raised 1 late-delivery alert: LT3-AAA-3');
    const alerts = createAlertStore(db.local.doc, db.names.alerts);
    expect(await alerts.get('2025-06-09', 'LATE#LT1-AAA-1#2025-06-10T06:00:00.000Z')).toMatchObject({
      kind: 'LATE_DELIVERY',
      minutesLate: 840,
      message: 'Delivery LT1-AAA-1 is 840 minutes past its ETA (courier courier-03).',
    });
    expect((await alerts.list('2025-06-10', 10)).map((a) => [a.reference, a.minutesLate])).toEqual([
      ['LT3-AAA-3', 20],
      ['LT2-AAA-2', 30],
    ]);
    expect(published.map((p) => [p.TopicArn, p.Subject])).toEqual([
      [TOPIC, 'Service alert: LATE_DELIVERY'],
      [TOPIC, 'Service alert: LATE_DELIVERY'],
      [TOPIC, 'Service alert: LATE_DELIVERY'],
    ]);
    expect(published[1]!.Message).toContain('Delivery LT2-AAA-2 is 30 minutes past its ETA.');
    expect(published[1]!.Message).toContain('https://d111111abcdef8.cloudfront.net/bookings/LT2-AAA-2');
    const { Items } = await db.local.doc.send(new ScanCommand({ TableName: db.names.outbox }));
    expect(
      Items!
        .filter((i) => i.kind === 'ADMIN_LATE_DELIVERY')
        .map((i) => [i.path, i.delivery])
        .sort(),
    ).toEqual([
      ['/bookings/LT1-AAA-1', 'SENT'],
      ['/bookings/LT2-AAA-2', 'SENT'],
      ['/bookings/LT3-AAA-3', 'SENT'],
    ]);
    expect(logged).toEqual([]);
  });

  it('refuses to run without the alerts and outbox tables, naming their variables', async () => {
    // Act / Assess
    await expect(
      runJob(
        'late-deliveries',
        {
          region: 'us-east-1',
          timeZone: 'America/Los_Angeles',
          tables: { bookings: 'b', feedback: 'f', rollups: 'r' },
        },
        {
          doc: db.local.doc,
          s3,
          publishSns: () => Promise.reject(new Error('not reached')),
          clock: fixedClock('2025-06-10T20:00:00.000Z'),
          log: { error: () => undefined },
        },
      ),
    ).rejects.toThrow('Invalid job configuration: late-deliveries needs TABLE_ALERTS, TABLE_OUTBOX');
  });
});
