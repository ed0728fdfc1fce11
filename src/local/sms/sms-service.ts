// The gateway's AWS End User Messaging SMS (pinpoint-sms-voice-v2): SendTextMessage (awsJson1_0, X-Amz-Target
// PinpointSMSVoiceV2.*), validated as AWS validates it, answering a MessageId. It delivers nowhere: as in the
// cloud, the product records each message in its outbox with that id, and the Messages page shows it.
import { randomUUID } from 'node:crypto';
import { AwsJsonError, signedJsonBody, targetOperation, writeAwsJson, writeAwsJsonError } from '../aws-json';
import type { GatewayService } from '../gateway-service';

export const SMS_TARGET = 'PinpointSMSVoiceV2';
/** SendTextMessage's limit on MessageBody, in characters. */
export const MAX_MESSAGE_CHARACTERS = 1600;
const E164 = /^\+[1-9]\d{1,14}$/;
const MESSAGE_TYPES = ['TRANSACTIONAL', 'PROMOTIONAL'];

/** ValidationException as the SDK types it: Reason, and the field at fault with what is wrong. */
const invalid = (field: string, message: string) =>
  new AwsJsonError('ValidationException', 400, `${field}: ${message}`, {
    Reason: 'FIELD_VALIDATION_FAILED',
    Fields: [{ Name: field, Message: message }],
  });

export type TextMessage = { destination: string; body: string; messageType?: string };

/** SendTextMessage's checks on a request body; the message it would send. */
export function parseSendTextMessage(body: Record<string, unknown>): TextMessage {
  const { DestinationPhoneNumber: destination, MessageBody: text, MessageType: type, Context: context } = body;
  if (destination === undefined || destination === null)
    throw invalid('DestinationPhoneNumber', 'Member must not be null');
  if (typeof destination !== 'string' || !E164.test(destination))
    throw invalid(
      'DestinationPhoneNumber',
      `must be a phone number in E.164 format such as +12065550100; got ${JSON.stringify(destination)}`,
    );
  if (text !== undefined && text !== null) {
    if (typeof text !== 'string' || text.length < 1 || text.length > MAX_MESSAGE_CHARACTERS)
      throw invalid('MessageBody', `must have a length from 1 to ${MAX_MESSAGE_CHARACTERS} characters`);
  } else {
    throw invalid('MessageBody', 'a text message needs a MessageBody of 1 to 1,600 characters');
  }
  if (type !== undefined && (typeof type !== 'string' || !MESSAGE_TYPES.includes(type)))
    throw invalid('MessageType', `must be one of ${MESSAGE_TYPES.join(', ')}; got ${JSON.stringify(type)}`);
  if (
    context !== undefined &&
    (typeof context !== 'object' ||
      context === null ||
      Array.isArray(context) ||
      Object.values(context).some((v) => typeof v !== 'string'))
  )
    throw invalid('Context', 'must be a map of strings to strings');
  return { destination, body: text, ...(typeof type === 'string' ? { messageType: type } : {}) };
}

export function createSmsService(): GatewayService {
  return {
    name: 'sms-voice',
    matches: (req) => targetOperation(req, SMS_TARGET) !== undefined,
    async handle(req, res) {
      try {
        const operation = targetOperation(req, SMS_TARGET);
        const body = signedJsonBody(req, 'sms-voice');
        if (operation !== 'SendTextMessage')
          throw new AwsJsonError(
            'UnknownOperationException',
            400,
            `The local End User Messaging SMS answers SendTextMessage only; ${String(operation)} is not one of its operations.`,
          );
        parseSendTextMessage(body);
        writeAwsJson(res, '1.0', 200, { MessageId: randomUUID() });
      } catch (error) {
        if (!(error instanceof AwsJsonError)) throw error;
        writeAwsJsonError(res, '1.0', error);
      }
    },
    async close() {},
  };
}
