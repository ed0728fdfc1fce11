// AWS Lambda entry of the Lex V2 code hook: configuration, the repositories and ports a call uses, and the
// adapter. Only what a turn needs is loaded (no S3, no API router): a cold start is a caller waiting.
import type { LexV2Event } from 'aws-lambda';
import { createBusinessCalendar } from '../core/business-calendar';
import { createSettingsCache } from '../core/company-settings';
import { cryptoRandom } from '../core/crypto-random';
import { systemClock } from '../core/system-clock';
import { createTrackingLinks } from '../core/tracking-links';
import { createBookingRepository } from '../data/booking-repository';
import { createConversationRepository } from '../data/conversation-repository';
import { createCourierRepository } from '../data/courier-repository';
import { createDeploymentRepository } from '../data/deployment-repository';
import { createFeedbackRepository } from '../data/feedback-repository';
import { createIdempotencyStore } from '../data/idempotency-store';
import { createOutboxNotifier } from '../data/outbox-notifier';
import { createSettingsRepository } from '../data/settings-repository';
import { createSmsNotifier } from '../data/sms-notifier';
import { createDocumentClient } from '../lambda-runtime/document-client';
import { loadLambdaConfig, requireWebAppUrl } from '../lambda-runtime/lambda-config';
import { createLambdaSentiment } from '../lambda-runtime/lambda-sentiment';
import { createLambdaGeocoder } from '../lambda-runtime/lambda-geocoder';
import { jsonLog } from '../observability/telemetry';
import { createActiveDefinitionSource } from '../provisioning/active-prompts';
import { createLexCodeHook } from './lex-codehook';
import { createDependencyBreakers, dependencyRecorder } from '../data/dependency-breaker';

const config = loadLambdaConfig();
const log = jsonLog('lex-codehook');
const doc = createDocumentClient({ region: config.region });
const calendar = createBusinessCalendar(config.timeZone);
const outbox = createOutboxNotifier(doc, config.tables.outbox, systemClock);
// Comprehend, the SMS provider and Amazon Location behind circuit breakers whose state changes the dashboard shows.
const breakers = createDependencyBreakers({
  clock: systemClock,
  log,
  record: dependencyRecorder(doc, config.tables.rollups),
});
const settings = createSettingsRepository(doc, config.tables.settings);
const deployments = createDeploymentRepository(doc, config.tables.deployments);
// The company's rules, re-read at most once a minute per container, as the API does.
const rules = createSettingsCache(() => settings.get(), {
  onError: (e) => log.warn('company settings unavailable; using the last copy read', e),
});
// Speaks the live deployment's prompt edits, re-read at most once a minute per container.
const codeHook = createLexCodeHook(
  {
    calls: createConversationRepository(doc, config.tables.conversations),
    bookings: createBookingRepository(doc, config.tables.bookings, { calendar }),
    feedback: createFeedbackRepository(doc, config.tables.feedback, calendar),
    couriers: createCourierRepository(doc, config.tables.couriers),
    // Addresses given by phone are placed as on the web: Amazon Location in the cloud.
    geocoder: createLambdaGeocoder(config, log, breakers.geocoder),
    // Feedback given by phone is scored as on the web: Amazon Comprehend in the cloud.
    sentiment: createLambdaSentiment(config, log, breakers.sentiment),
    idempotency: createIdempotencyStore(doc, config.tables.idempotency, systemClock),
    // A booking made by phone is confirmed by SMS too, each message recorded in the outbox.
    notifier: createSmsNotifier({
      client: { region: config.region },
      settings: config.sms,
      outbox,
      log,
      breaker: breakers.sms,
    }),
    trackingLinks: createTrackingLinks(requireWebAppUrl(config)),
    onNotifyError: (error, about) =>
      log.error('customer notification not sent', {
        ...about,
        error: error instanceof Error ? { name: error.name, message: error.message } : String(error),
      }),
    clock: systemClock,
    calendar,
    rules,
    random: cryptoRandom,
    log,
  },
  createActiveDefinitionSource(deployments, { onError: (e) => log.warn('prompt edits unavailable', e) }),
);

export const handler = (event: LexV2Event) => codeHook(event);
