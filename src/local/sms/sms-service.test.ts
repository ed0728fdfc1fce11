// The gateway's End User Messaging SMS through the stock SDK client with its default configuration: a message
// accepted with its id, AWS's validation errors as typed exceptions naming the field, and an injected fault
// thrown as the typed exception the product's notifier sees.
import {
  AccessDeniedException,
  PinpointSMSVoiceV2Client,
  SendTextMessageCommand,
  ThrottlingException,
  ValidationException,
  type SendTextMessageCommandInput,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS } from '../dynamodb/local-dynamo';
import { createFaultInjection, type FaultInjection } from '../faults/fault-injection';
import { startGateway, type Gateway } from '../gateway';
import { createSmsService } from './sms-service';

const MESSAGE: SendTextMessageCommandInput = {
  DestinationPhoneNumber: '+12065550161',
  MessageBody: 'Courier booked, ref ABC123.',
  MessageType: 'TRANSACTIONAL',
  Context: { bookingReference: 'ABC123', kind: 'BOOKED' },
};

describe('local End User Messaging SMS SendTextMessage', () => {
  let gateway: Gateway;
  let faults: FaultInjection;
  let client: PinpointSMSVoiceV2Client;
  const send = (input: Partial<SendTextMessageCommandInput>) =>
    client
      .send(new SendTextMessageCommand({ ...MESSAGE, ...input } as SendTextMessageCommandInput))
      .catch((e: unknown) => e);

  beforeAll(async () => {
    faults = createFaultInjection();
    gateway = await startGateway({ port: 0, services: [createSmsService()], faults });
    client = new PinpointSMSVoiceV2Client({
      endpoint: gateway.url,
      region: 'us-west-2',
      credentials: LOCAL_CREDENTIALS,
    });
  });
  afterAll(async () => {
    client.destroy();
    await gateway.close();
  });
  beforeEach(() => faults.clear());

  it('accepts a message and answers a new MessageId each time', async () => {
    // Act
    const first = await client.send(new SendTextMessageCommand(MESSAGE));
    const second = await client.send(new SendTextMessageCommand({ ...MESSAGE, MessageType: undefined }));

    // Assess
    expect(first.MessageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.MessageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.MessageId).not.toBe(first.MessageId);
  });

  it('refuses what AWS refuses with a ValidationException naming the field', async () => {
    // Act
    const cases = await Promise.all([
      send({ DestinationPhoneNumber: '(206) 555-0161' }),
      send({ DestinationPhoneNumber: undefined }),
      send({ MessageBody: '' }),
      send({ MessageBody: 'x'.repeat(1601) }),
      send({ MessageType: 'MARKETING' as 'PROMOTIONAL' }),
    ]);
    const longest = await send({ MessageBody: 'x'.repeat(1600) });

    // Assess
    expect(cases.map((e) => [e instanceof ValidationException, (e as ValidationException).Fields?.[0]?.Name])).toEqual([
      [true, 'DestinationPhoneNumber'],
      [true, 'DestinationPhoneNumber'],
      [true, 'MessageBody'],
      [true, 'MessageBody'],
      [true, 'MessageType'],
    ]);
    expect((cases[0] as ValidationException).message).toContain('E.164');
    expect((cases[0] as ValidationException).Reason).toBe('FIELD_VALIDATION_FAILED');
    expect(longest).toMatchObject({ MessageId: expect.any(String) });
  });

  it('a fault on sms-voice is thrown as the typed exception, retries and all', async () => {
    // Prepare: throttling for a while (the SDK retries it), then a refusal it does not retry.
    faults.arm({ service: 'sms-voice', operation: 'SendTextMessage', code: 'ThrottlingException', forSeconds: 60 });

    // Act
    const throttled = await send({});
    const struck = faults.list()[0]?.affected;
    faults.clear();
    faults.arm({ service: 'sms-voice', code: 'AccessDeniedException', status: 403, message: 'spend limit reached' });
    const denied = await send({});
    const after = await send({});

    // Assess
    expect(throttled).toBeInstanceOf(ThrottlingException);
    expect(struck).toBe(3);
    expect(denied).toBeInstanceOf(AccessDeniedException);
    expect((denied as AccessDeniedException).message).toBe('spend limit reached');
    expect(after).toMatchObject({ MessageId: expect.any(String) });
  });

  it('fault injection names the operations the local service answers', () => {
    expect(() =>
      faults.arm({ service: 'sms-voice', operation: 'SendVoiceMessage', code: 'ThrottlingException' }),
    ).toThrow(/SendTextMessage/);
    expect(() =>
      faults.arm({ service: 'comprehend', operation: 'DetectEntities', code: 'ThrottlingException' }),
    ).toThrow(/DetectSentiment/);
  });
});
