import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { alertPath, checkComplaintRate, type AdminNotice, type ServiceAlert } from '../core/analytics-alerts';
import { fixedClock } from '../core/system-clock';
import { createAlertStore, recordAdminNotice } from './alert-repository';
import { createOutboxNotifier } from './outbox-notifier';
import { createAdminNotifier, createSnsAdminNotifier, createSnsPublish, snsSubject } from './sns-admin-notifier';
import { startTestTables, type TestTables } from './test-tables';

/** Amazon SNS as the signed Publish reaches it in us-east-1: a form-encoded POST answered in XML. */
const ENDPOINT = 'https://sns.us-east-1.amazonaws.com/';
const TOPIC = 'arn:aws:sns:us-east-1:111122223333:courier-dev-admins';
const APP = 'https://d111111abcdef8.cloudfront.net';
const server = setupServer();
const publish = createSnsPublish({
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
});

type Seen = { auth: string | null; contentType: string | null; form: Record<string, string> };

/** Answers Publish as SNS does, or refuses it with SNS's XML error. */
function emulateSns(answer: { messageId: string } | { status: number; code: string; message: string }) {
  const seen: Seen[] = [];
  server.use(
    http.post(ENDPOINT, async ({ request }) => {
      seen.push({
        auth: request.headers.get('authorization'),
        contentType: request.headers.get('content-type'),
        form: Object.fromEntries(new URLSearchParams(await request.text())),
      });
      if ('messageId' in answer)
        return HttpResponse.xml(
          `<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>${answer.messageId}</MessageId></PublishResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></PublishResponse>`,
        );
      return HttpResponse.xml(
        `<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>Sender</Type><Code>${answer.code}</Code><Message>${answer.message}</Message></Error><RequestId>req-2</RequestId></ErrorResponse>`,
        { status: answer.status },
      );
    }),
  );
  return seen;
}

let db: TestTables;
beforeAll(async () => {
  // The local DynamoDB gateway (localhost) is reached for real; anything else unhandled is an error.
  server.listen({
    onUnhandledRequest: (request, print) => {
      if (new URL(request.url).hostname !== '127.0.0.1' && new URL(request.url).hostname !== 'localhost') print.error();
    },
  });
  db = await startTestTables();
});
afterEach(() => server.resetHandlers());
afterAll(async () => {
  server.close();
  await db.close();
});

async function adminOutbox() {
  const { Items } = await db.local.doc.send(new ScanCommand({ TableName: db.names.outbox }));
  return (Items ?? []).filter((i) => String(i.kind).startsWith('ADMIN_'));
}

function notifier(logged: unknown[][] = []) {
  return createSnsAdminNotifier({
    publish,
    topicArn: TOPIC,
    doc: db.local.doc,
    outboxTable: db.names.outbox,
    appUrl: `${APP}/`,
    log: { error: (...args) => logged.push(args) },
    now: () => new Date('2025-06-10T15:00:00.000Z'),
  });
}

describe('createSnsAdminNotifier', () => {
  it('publishes a complaint-rate alert to the topic (subject, figures, link) and records it as SENT', async () => {
    // Prepare
    const seen = emulateSns({ messageId: 'sns-msg-0001' });
    const alerts = createAlertStore(db.local.doc, db.names.alerts);
    const admins = notifier();

    // Act
    const alert = await checkComplaintRate(
      '2025-06-10',
      { feedback: 8, complaints: 3 },
      new Date('2025-06-10T15:00:00Z'),
      {
        alerts,
        admins,
      },
    );

    // Assess
    expect(alert?.kind).toBe('COMPLAINT_RATE');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.auth).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/sns\/aws4_request/);
    expect(seen[0]!.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(seen[0]!.form).toEqual({
      Action: 'Publish',
      Version: '2010-03-31',
      TopicArn: TOPIC,
      Subject: 'Service alert: COMPLAINT_RATE',
      Message:
        'Complaints on 2025-06-10 are 38% of feedback (3 of 8), above the 25% threshold.\n\n' +
        `Open in the app: ${APP}/analytics/feedback`,
    });
    const outbox = await adminOutbox();
    expect(outbox).toEqual([
      expect.objectContaining({
        kind: 'ADMIN_COMPLAINT_RATE',
        to: { topic: 'admins' },
        subject: 'Service alert: COMPLAINT_RATE',
        message: 'Complaints on 2025-06-10 are 38% of feedback (3 of 8), above the 25% threshold.',
        path: '/analytics/feedback',
        delivery: 'SENT',
        topicArn: TOPIC,
        providerMessageId: 'sns-msg-0001',
        createdAt: '2025-06-10T15:00:00.000Z',
      }),
    ]);
  });

  it('records a notice SNS refuses as FAILED with its error, logs the detail, and does not throw', async () => {
    // Prepare
    const seen = emulateSns({
      status: 403,
      code: 'AuthorizationError',
      message: 'User is not authorized to perform SNS:Publish',
    });
    const logged: unknown[][] = [];
    const notice: AdminNotice = {
      kind: 'LATE_DELIVERY',
      subject: 'Service alert: LATE_DELIVERY',
      text: 'Delivery K7M-4QX-9 is 22 minutes past its ETA (courier c-7).',
      path: '/bookings/K7M-4QX-9',
    };

    // Act
    await notifier(logged).notify(notice);

    // Assess
    expect(seen[0]!.form.Message).toBe(`${notice.text}\n\nOpen in the app: ${APP}/bookings/K7M-4QX-9`);
    const failed = (await adminOutbox()).find((i) => i.kind === 'ADMIN_LATE_DELIVERY');
    expect(failed).toMatchObject({
      delivery: 'FAILED',
      topicArn: TOPIC,
      message: notice.text,
      error: `SNS Publish to ${TOPIC} failed (403 AuthorizationError): User is not authorized to perform SNS:Publish`,
    });
    expect(failed).not.toHaveProperty('providerMessageId');
    expect(logged).toEqual([
      [
        'admin notice not published to SNS; recorded in the outbox as FAILED',
        expect.objectContaining({
          kind: 'LATE_DELIVERY',
          topicArn: TOPIC,
          error: { name: 'SnsPublishError', message: expect.stringContaining('AuthorizationError') },
        }),
      ],
    ]);
  });

  it('throws when the outbox cannot record the notice, after publishing it', async () => {
    // Prepare
    const seen = emulateSns({ messageId: 'sns-msg-0002' });
    const logged: unknown[][] = [];
    const admins = createSnsAdminNotifier({
      publish,
      topicArn: TOPIC,
      doc: db.local.doc,
      outboxTable: 'no-such-table',
      log: { error: (...args) => logged.push(args) },
    });

    // Act / Assess
    await expect(admins.notify({ kind: 'COMPLAINT_RATE', subject: 'S', text: 'T' })).rejects.toThrow(
      /not found|non-existent/i,
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]!.form.Message).toBe('T');
    expect(logged[0]![0]).toBe('admin notice not recorded in the outbox');
  });

  it('keeps subjects within what SNS accepts: printable ASCII, one line, at most 100 characters', () => {
    // Act / Assess
    expect(snsSubject('Executive summary, week of 2025-06-02 – 2025-06-08\nnext')).toBe(
      'Executive summary, week of 2025-06-02 - 2025-06-08 next',
    );
    const long = snsSubject(`Service alert: ${'x'.repeat(200)}`);
    expect(long).toHaveLength(100);
    expect(long.endsWith('...')).toBe(true);
  });

  it("links each alert to the app's page of what it is about", () => {
    // Prepare
    const alert = (kind: ServiceAlert['kind'], reference?: string): ServiceAlert => ({
      day: '2025-06-10',
      key: 'k',
      kind,
      raisedAt: '2025-06-10T15:00:00.000Z',
      message: 'm',
      ...(reference ? { reference } : {}),
    });

    // Act / Assess
    expect(alertPath(alert('LATE_DELIVERY', 'K7M-4QX-9'))).toBe('/bookings/K7M-4QX-9');
    expect(alertPath(alert('DATA_INTEGRITY', 'K7M-4QX-9'))).toBe('/bookings/K7M-4QX-9');
    expect(alertPath(alert('DATA_INTEGRITY'))).toBe('/dashboard');
    expect(alertPath(alert('COMPLAINT_RATE'))).toBe('/analytics/feedback');
  });

  it('uses the outbox alone when no topic is configured (locally)', async () => {
    // Prepare: no SNS handler, so any publish would be an unhandled request.
    const admins = createAdminNotifier({
      doc: db.local.doc,
      outboxTable: db.names.outbox,
      log: { error: () => undefined },
    });

    // Act
    await admins.notify({
      kind: 'EXECUTIVE_SUMMARY',
      subject: 'Ready',
      text: 'Local only',
      path: '/analytics/summaries',
    });

    // Assess
    expect((await adminOutbox()).find((i) => i.message === 'Local only')).toMatchObject({
      kind: 'ADMIN_EXECUTIVE_SUMMARY',
      delivery: 'OUTBOX',
      path: '/analytics/summaries',
    });
  });
});

describe("the admins' notices as the Messages page reads them", () => {
  it('lists every recorded notice newest first, a page at a time, whatever became of it, apart from customer SMS', async () => {
    // Prepare: three notices later than any other test's, and a customer SMS between them.
    const at = (minute: number) => new Date(Date.UTC(2030, 0, 1, 9, minute));
    const outbox = createOutboxNotifier(db.local.doc, db.names.outbox, fixedClock(at(2)));
    await recordAdminNotice(
      db.local.doc,
      db.names.outbox,
      { kind: 'LATE_DELIVERY', subject: 'Late', text: 'Delivery A is late.', path: '/bookings/AAA-AAA-A' },
      { delivery: 'SENT', topicArn: TOPIC, providerMessageId: 'sns-1' },
      at(1),
    );
    await outbox.send({
      kind: 'BOOKED',
      to: { phone: '+12065550134' },
      bookingReference: 'AAA-AAA-A',
      trackingUrl: 'https://track.example.com/track/AAA-AAA-A',
      message: 'Courier booked',
    });
    await recordAdminNotice(
      db.local.doc,
      db.names.outbox,
      { kind: 'COMPLAINT_RATE', subject: 'Complaints', text: 'Complaints are high.' },
      { delivery: 'FAILED', topicArn: TOPIC, error: 'SNS Publish failed' },
      at(3),
    );
    await recordAdminNotice(
      db.local.doc,
      db.names.outbox,
      { kind: 'EXECUTIVE_SUMMARY', subject: 'Summary', text: 'Ready.', path: '/analytics/summaries' },
      { delivery: 'OUTBOX' },
      at(4),
    );

    // Act
    const first = await outbox.listAdminNotices({ limit: 2 });
    const second = await outbox.listAdminNotices({ limit: 1, nextToken: first.nextToken });
    const sms = await outbox.listSent({ limit: 100 });

    // Assess
    expect(first.items.map((n) => [n.kind, n.delivery, n.createdAt])).toEqual([
      ['ADMIN_EXECUTIVE_SUMMARY', 'OUTBOX', at(4).toISOString()],
      ['ADMIN_COMPLAINT_RATE', 'FAILED', at(3).toISOString()],
    ]);
    expect(second.items).toEqual([
      expect.objectContaining({
        kind: 'ADMIN_LATE_DELIVERY',
        subject: 'Late',
        message: 'Delivery A is late.',
        path: '/bookings/AAA-AAA-A',
        delivery: 'SENT',
      }),
    ]);
    expect(sms.items.map((m) => m.message)).toContain('Courier booked');
    expect(sms.items.filter((m) => String(m.kind).startsWith('ADMIN_'))).toEqual([]);
  });
});
