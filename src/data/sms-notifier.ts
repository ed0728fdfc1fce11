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
import type { Notifier } from '../core/ports';
import type { OutboxNotifier } from './outbox-notifier';
import type { Breaker } from './dependency-breaker';

export type SmsSettings = {
  /** The sender: a phone number, sender ID or pool (id or ARN); the account's default when absent. */
  originationIdentity?: string;
  /** The configuration set whose event destinations receive delivery events. */
  configurationSetName?: string;
};

type Log = { info(message: string, detail?: unknown): void };

/**
 * Sends each notification as a transactional SMS. A recipient who opted out is recorded and skipped; any
 * other failure is recorded and thrown, for notifyCustomer to report with the booking reference (the status
 * update that caused it stands).
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
}): Notifier {
  const client =
    options.client instanceof PinpointSMSVoiceV2Client ? options.client : new PinpointSMSVoiceV2Client(options.client);
  const { settings, outbox, log } = options;
  return {
    async send(notification) {
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
        await outbox.record(notification, {
          delivery: 'SENT',
          ...(answer.MessageId ? { providerMessageId: answer.MessageId } : {}),
        });
      } catch (error) {
        if (error instanceof ConflictException && error.Reason === 'DESTINATION_PHONE_NUMBER_OPTED_OUT') {
          log.info('customer SMS not sent: the recipient opted out', {
            bookingReference: notification.bookingReference,
            kind: notification.kind,
          });
          await outbox.record(notification, { delivery: 'OPTED_OUT' });
          return;
        }
        await outbox.record(notification, { delivery: 'FAILED' }).catch(() => {});
        throw error;
      }
    },
  };
}
