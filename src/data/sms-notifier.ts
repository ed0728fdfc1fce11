// The cloud Notifier: customer SMS through AWS End User Messaging SMS (SendTextMessage), each one recorded in
// the outbox with what the service answered, so admins read the same Messages page in the cloud as locally.
//
// Why End User Messaging SMS rather than SNS Publish: it is the service SNS's own SMS now runs on, and the one
// AWS develops SMS in; its SendTextMessage takes the origination identity (phone number, sender ID or pool) and
// a configuration set (delivery events) per message, and it reports an opted-out recipient in the answer
// itself (ConflictException, reason DESTINATION_PHONE_NUMBER_OPTED_OUT) where SNS Publish only says so in
// delivery logs. Opt-outs are kept by the service (keyword STOP) and respected here: the message is recorded
// as not sent, and is not an error.
import {
  ConflictException,
  PinpointSMSVoiceV2Client,
  SendTextMessageCommand,
  type PinpointSMSVoiceV2ClientConfig,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import type { TextResender } from '../core/failed-texts';
import type { Notification, Notifier } from '../core/ports';
import type { OutboxNotifier } from './outbox-notifier';
import type { Breaker } from './dependency-breaker';

export type SmsSettings = {
  /** The sender: a phone number, sender ID or pool (id or ARN); the account's default when absent. */
  originationIdentity?: string;
  /** The configuration set whose event destinations receive delivery events. */
  configurationSetName?: string;
};

type Log = { info(message: string, detail?: unknown): void };

/** The provider took the text but the outbox did not record it (the outbox's own failure is the cause). */
class SentNotRecorded extends Error {
  constructor(cause: unknown) {
    super('The SMS was sent but could not be recorded in the outbox', { cause });
    this.name = 'SentNotRecorded';
  }
}

/**
 * Sends each notification as a transactional SMS. A recipient who opted out is recorded and skipped; any
 * other failure is recorded as not sent and thrown, for notifyCustomer to report with the booking reference (the
 * status update that caused it stands). `resend` sends a text that failed before (failed-texts.ts): it records
 * the new message when the provider takes it and throws, recording nothing, when it still fails.
 */
export function createSmsNotifier(options: {
  client: PinpointSMSVoiceV2Client | PinpointSMSVoiceV2ClientConfig;
  outbox: Pick<OutboxNotifier, 'record'>;
  settings: SmsSettings;
  log: Log;
  /**
   * The circuit breaker and timeout around End User Messaging: while it is open (or a send times out) the
   * message is recorded as not sent at once, rather than each status update waiting out a failing provider.
   */
  breaker?: Breaker;
}): Notifier & TextResender {
  const client =
    options.client instanceof PinpointSMSVoiceV2Client ? options.client : new PinpointSMSVoiceV2Client(options.client);
  const { settings, outbox, log } = options;

  /** Sends one text and records it (sent, or opted out); throws, recording nothing, on any other failure. */
  const deliver = async (notification: Notification) => {
    const phone = notification.to.phone;
    if (!phone) throw new Error(`No phone number to text for booking ${notification.bookingReference}`);
    try {
      const command = new SendTextMessageCommand({
        DestinationPhoneNumber: phone,
        MessageBody: notification.message,
        MessageType: 'TRANSACTIONAL',
        ...(settings.originationIdentity ? { OriginationIdentity: settings.originationIdentity } : {}),
        ...(settings.configurationSetName ? { ConfigurationSetName: settings.configurationSetName } : {}),
        // Comes back with every delivery event, so an event can be traced to its booking.
        Context: { bookingReference: notification.bookingReference, kind: notification.kind },
      });
      const { breaker } = options;
      const answer = await (breaker
        ? breaker.run((abortSignal) => client.send(command, { abortSignal }))
        : client.send(command));
      return await outbox
        .record(notification, {
          delivery: 'SENT',
          ...(answer.MessageId ? { providerMessageId: answer.MessageId } : {}),
        })
        .catch((error: unknown) => {
          throw new SentNotRecorded(error);
        });
    } catch (error) {
      if (error instanceof SentNotRecorded) throw error;
      if (error instanceof ConflictException && error.Reason === 'DESTINATION_PHONE_NUMBER_OPTED_OUT') {
        log.info('customer SMS not sent: the recipient opted out', {
          bookingReference: notification.bookingReference,
          kind: notification.kind,
        });
        return await outbox.record(notification, { delivery: 'OPTED_OUT' });
      }
      throw error;
    }
  };

  return {
    async send(notification) {
      try {
        await deliver(notification);
      } catch (error) {
        // Kept as not sent: the text resender sends it once the provider answers again. A text the provider took
        // is never kept as not sent, even when recording it failed: it would go twice.
        if (notification.to.phone && !(error instanceof SentNotRecorded))
          await outbox.record(notification, { delivery: 'FAILED' }).catch(() => {});
        throw error;
      }
    },
    async resend(notification) {
      const entry = await deliver(notification);
      return { delivery: entry.delivery === 'OPTED_OUT' ? 'OPTED_OUT' : 'SENT', id: entry.id };
    },
  };
}
