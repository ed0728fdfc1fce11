import { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Notification } from '../core/ports';
import type { MessageDelivery } from '../core/sent-messages';
import { createSmsNotifier } from './sms-notifier';

/** AWS End User Messaging SMS as the SDK reaches it in us-east-1: JSON 1.0 POSTs to its regional endpoint. */
const ENDPOINT = 'https://sms-voice.us-east-1.amazonaws.com/';
const server = setupServer();
const client = new PinpointSMSVoiceV2Client({
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
  maxAttempts: 1,
});

const message: Notification = {
  kind: 'OUT_FOR_DELIVERY',
  to: { phone: '+12065550134' },
  bookingReference: 'K7M-4QX-9',
  trackingUrl: 'https://d111111abcdef8.cloudfront.net/track/K7M-4QX-9',
  message: 'Parcel K7M-4QX-9 is out for delivery. Track: https://d111111abcdef8.cloudfront.net/track/K7M-4QX-9',
};

function world(settings = {}) {
  const recorded: { kind: string; delivery: MessageDelivery; providerMessageId?: string }[] = [];
  const logged: unknown[] = [];
  const requests: { target: string | null; contentType: string | null; auth: string | null; body: unknown }[] = [];
  server.use(
    http.post(ENDPOINT, async ({ request }) => {
      requests.push({
        target: request.headers.get('x-amz-target'),
        contentType: request.headers.get('content-type'),
        auth: request.headers.get('authorization'),
        body: await request.json(),
      });
      return HttpResponse.json({ MessageId: 'msg-0001' });
    }),
  );
  const notifier = createSmsNotifier({
    client,
    settings,
    outbox: {
      record: async (n, outcome) => {
        recorded.push({ kind: n.kind, ...outcome });
        return { ...n, ...outcome, id: 'id', createdAt: '2025-06-10T15:00:00.000Z' };
      },
    },
    log: { info: (text, detail) => logged.push([text, detail]) },
  });
  return { notifier, recorded, logged, requests };
}

const refuse = (status: number, type: string, body: Record<string, unknown>) =>
  http.post(ENDPOINT, () =>
    HttpResponse.json({ __type: type, ...body }, { status, headers: { 'x-amzn-errortype': type } }),
  );

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => {
  server.close();
  client.destroy();
});

describe('End User Messaging SMS notifier', () => {
  it('sends a transactional SendTextMessage from the configured sender and records the message id', async () => {
    // Prepare
    const w = world({ originationIdentity: 'pool-0123456789abcdef', configurationSetName: 'courier-sms' });

    // Act
    await w.notifier.send(message);

    // Assess
    expect(w.requests).toHaveLength(1);
    expect(w.requests[0]).toMatchObject({
      target: 'PinpointSMSVoiceV2.SendTextMessage',
      contentType: 'application/x-amz-json-1.0',
    });
    expect(w.requests[0]?.auth).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/sms-voice\/aws4_request/,
    );
    expect(w.requests[0]?.body).toEqual({
      DestinationPhoneNumber: '+12065550134',
      MessageBody: message.message,
      MessageType: 'TRANSACTIONAL',
      OriginationIdentity: 'pool-0123456789abcdef',
      ConfigurationSetName: 'courier-sms',
      Context: { bookingReference: 'K7M-4QX-9', kind: 'OUT_FOR_DELIVERY' },
    });
    expect(w.recorded).toEqual([{ kind: 'OUT_FOR_DELIVERY', delivery: 'SENT', providerMessageId: 'msg-0001' }]);
  });

  it('leaves the sender to the account default when none is configured', async () => {
    // Prepare
    const w = world();

    // Act
    await w.notifier.send(message);

    // Assess
    expect(w.requests[0]?.body).not.toHaveProperty('OriginationIdentity');
    expect(w.requests[0]?.body).not.toHaveProperty('ConfigurationSetName');
  });

  it('respects an opt-out the service reports: recorded as not sent, logged with the reference, no error', async () => {
    // Prepare
    const w = world();
    server.use(
      refuse(400, 'ConflictException', {
        Message: 'The destination phone number is opted out.',
        Reason: 'DESTINATION_PHONE_NUMBER_OPTED_OUT',
        ResourceType: 'opt-out-list',
        ResourceId: 'Default',
      }),
    );

    // Act
    await w.notifier.send(message);

    // Assess
    expect(w.recorded).toEqual([{ kind: 'OUT_FOR_DELIVERY', delivery: 'OPTED_OUT' }]);
    expect(w.logged).toEqual([
      ['customer SMS not sent: the recipient opted out', { bookingReference: 'K7M-4QX-9', kind: 'OUT_FOR_DELIVERY' }],
    ]);
  });

  it('records any other refusal as failed and throws it for the caller to log', async () => {
    // Prepare
    const w = world();
    server.use(
      refuse(402, 'ServiceQuotaExceededException', {
        Message: 'Monthly spend limit reached',
        Reason: 'MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT',
      }),
    );

    // Act
    const sent = w.notifier.send(message);

    // Assess
    await expect(sent).rejects.toMatchObject({ name: 'ServiceQuotaExceededException' });
    expect(w.recorded).toEqual([{ kind: 'OUT_FOR_DELIVERY', delivery: 'FAILED' }]);
  });
});

describe('sending a failed text again, and texts the outbox could not record', () => {
  it('resend records only what the provider took, and throws, recording nothing, while it still fails', async () => {
    // Prepare
    const w = world();

    // Act
    const taken = await w.notifier.resend(message);
    server.use(refuse(500, 'InternalServerException', { Message: 'down' }));
    const stillDown = w.notifier.resend(message);

    // Assess
    expect(taken).toEqual({ delivery: 'SENT', id: 'id' });
    await expect(stillDown).rejects.toMatchObject({ name: 'InternalServerException' });
    expect(w.recorded).toEqual([{ kind: 'OUT_FOR_DELIVERY', delivery: 'SENT', providerMessageId: 'msg-0001' }]);
  });

  it('never keeps a text the provider took as not sent, even when recording it failed (it would go twice)', async () => {
    // Prepare: the outbox refuses the first record (the SENT one), as a throttled table would.
    const recorded: MessageDelivery[] = [];
    let refusals = 1;
    server.use(http.post(ENDPOINT, () => HttpResponse.json({ MessageId: 'msg-0002' })));
    const notifier = createSmsNotifier({
      client,
      settings: {},
      outbox: {
        record: async (n, outcome) => {
          if (refusals-- > 0) throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
          recorded.push(outcome.delivery);
          return { ...n, ...outcome, id: 'id', createdAt: '2025-06-10T15:00:00.000Z' };
        },
      },
      log: { info: () => {} },
    });

    // Act
    const sent = notifier.send(message);

    // Assess
    await expect(sent).rejects.toMatchObject({ name: 'SentNotRecorded', cause: { name: 'ThrottlingException' } });
    expect(recorded).toEqual([]);
  });
});

describe('createSmsNotifier behind a circuit breaker', () => {
  it('records each message as failed, stops calling a failing provider once open, and lets opt-outs keep it closed', async () => {
    // Prepare
    const { createBreaker, isServiceFailure } = await import('./dependency-breaker');
    let answer: 'optedOut' | 'down' = 'optedOut';
    let calls = 0;
    server.use(
      http.post(ENDPOINT, () => {
        calls += 1;
        return answer === 'optedOut'
          ? HttpResponse.json(
              { __type: 'ConflictException', message: 'opted out', Reason: 'DESTINATION_PHONE_NUMBER_OPTED_OUT' },
              { status: 400, headers: { 'x-amzn-errortype': 'ConflictException' } },
            )
          : HttpResponse.json(
              { __type: 'InternalServerException', message: 'down' },
              { status: 500, headers: { 'x-amzn-errortype': 'InternalServerException' } },
            );
      }),
    );
    const breaker = createBreaker({
      name: 'Customer SMS (End User Messaging)',
      fallback: 'Kept as not sent',
      timeoutMs: 2_000,
      failuresToOpen: 2,
      counts: isServiceFailure,
      clock: { now: () => new Date() },
      log: { warn: () => {}, info: () => {} },
    });
    const recorded: MessageDelivery[] = [];
    const notifier = createSmsNotifier({
      client,
      settings: {},
      outbox: {
        record: async (n, outcome) => {
          recorded.push(outcome.delivery);
          return { ...n, ...outcome, id: 'id', createdAt: '2025-06-10T15:00:00.000Z' };
        },
      },
      log: { info: () => {} },
      breaker,
    });

    // Act
    for (let i = 0; i < 3; i++) await notifier.send(message);
    const afterOptOuts = breaker.status().state;
    answer = 'down';
    const failures = [];
    for (let i = 0; i < 4; i++) failures.push(await notifier.send(message).catch((e: unknown) => (e as Error).name));

    // Assess: two provider failures open it; the last two never reach the provider, and every one is recorded.
    expect(afterOptOuts).toBe('CLOSED');
    expect(calls).toBe(3 + 2);
    expect(breaker.status().state).toBe('OPEN');
    expect(failures).toEqual([
      'InternalServerException',
      'InternalServerException',
      'DependencyUnavailableError',
      'DependencyUnavailableError',
    ]);
    expect(recorded).toEqual(['OPTED_OUT', 'OPTED_OUT', 'OPTED_OUT', 'FAILED', 'FAILED', 'FAILED', 'FAILED']);
  });
});
