// Builds the API's dependencies from a DynamoDB client and table names: shared by the Lambda and the
// local server so both run the same code against different endpoints.
import { createBusinessCalendar } from '../core/business-calendar';
import { createSettingsCache } from '../core/company-settings';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { createS3ProofStore } from '../data/proof-store';
import { createSummaryStore } from '../data/summary-store';
import { createRepositories } from '../data/repositories';
import type { TableNames } from '../data/tables';
import { createGazetteerGeocoder } from '../core/geo/gazetteer-geocoder';
import { createLexiconSentimentAnalyzer } from '../core/sentiment/lexicon-sentiment';
import type { Geocoder, SentimentAnalyzer } from '../core/ports';
import { systemClock } from '../core/system-clock';
import { cryptoRandom } from '../core/crypto-random';
import type { ApiDeps } from './deps';
import type { Log } from '../observability/telemetry';
import type { PinpointSMSVoiceV2ClientConfig } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { createSmsNotifier, type SmsSettings } from '../data/sms-notifier';
import type { DependencyBreakers } from '../data/dependency-breaker';
import { createTrackingLinks } from '../core/tracking-links';
import { createVoicebotStatusSource } from '../provisioning/voicebot-status';
import { createDeployedBotSource } from '../provisioning/deployed-bot';
import { createLexAnalyticsReader } from '../data/lex-analytics-reader';
import type { LexModelsV2ClientConfig } from '@aws-sdk/client-lex-models-v2';

export function createApiDeps(options: {
  doc: DynamoDBDocumentClient;
  tables: TableNames;
  /** The company's IANA time zone (COMPANY_TIME_ZONE in the cloud, the local configuration locally). */
  timeZone: string;
  log: Log;
  /** The MCP service's IAM ARN (MCP_SERVICE_ROLE_ARN in the cloud, a fixed local ARN locally). */
  mcpServiceArn?: string;
  /** The proof-of-delivery bucket and how to reach S3 (PROOF_BUCKET in the cloud, the gateway locally). */
  proofs?: { bucket: string; s3: S3ClientConfig };
  /**
   * The web app's public URL, whose /track/<reference> page every customer SMS links to (WEB_APP_URL in the
   * cloud; locally the served URL, known once the server listens).
   */
  trackingBaseUrl: string | (() => string | undefined);
  /** Customer SMS through End User Messaging SMS (the cloud); without it they are kept in the outbox only. */
  sms?: { client: PinpointSMSVoiceV2ClientConfig; settings: SmsSettings };
  /** How long finished bookings and audit entries are kept (the environment's retention rules). */
  retention?: { bookingDays?: number; auditDays?: number };
  /** The sentiment port: Amazon Comprehend in the cloud (SENTIMENT_ANALYZER); the lexicon analyser by default. */
  sentiment?: SentimentAnalyzer;
  /** The geocoder port: Amazon Location in the cloud (GEOCODER) and locally; the Seattle gazetteer by default. */
  geocoder?: Geocoder;
  /** The circuit breakers around the dependencies that can fail slowly (the SMS provider's is used here). */
  breakers?: DependencyBreakers;
  /** How to reach Lex V2's models API, for its analytics of the deployed bot (AWS in the cloud, the gateway locally). */
  lex?: LexModelsV2ClientConfig;
}): ApiDeps {
  const calendar = createBusinessCalendar(options.timeZone);
  const repos = createRepositories(options.doc, options.tables, {
    calendar,
    retentionDays: options.retention?.bookingDays,
    auditRetentionDays: options.retention?.auditDays,
  });
  // Bookings and calls read the rules many times a minute, admins change them rarely: each runtime (a Lambda
  // container, the local server) re-reads them at most once a minute, and at once after its own change.
  const rules = createSettingsCache(() => repos.settings.get(), {
    onError: (e) => options.log.warn('company settings unavailable; using the last copy read', e),
  });
  return {
    ...repos,
    voicebot: createVoicebotStatusSource(repos.deployments),
    lexBots: createDeployedBotSource(repos.deployments),
    ...(options.lex ? { lexAnalytics: createLexAnalyticsReader(options.lex) } : {}),
    ...(options.mcpServiceArn ? { mcpServiceArn: options.mcpServiceArn } : {}),
    ...(options.proofs ? { proofs: createProofStore(options.proofs) } : {}),
    ...(options.proofs
      ? {
          summaries: createSummaryStore({
            doc: options.doc,
            table: options.tables.alerts,
            s3: new S3Client(options.proofs.s3),
            bucket: options.proofs.bucket,
          }),
        }
      : {}),
    notifier: options.sms
      ? createSmsNotifier({
          client: options.sms.client,
          settings: options.sms.settings,
          outbox: repos.outbox,
          log: options.log,
          ...(options.breakers ? { breaker: options.breakers.sms } : {}),
        })
      : repos.outbox,
    trackingLinks: createTrackingLinks(options.trackingBaseUrl),
    onNotifyError: (error, about) =>
      options.log.error('customer notification not sent', { ...about, error: describeError(error) }),
    onIdempotencyError: (error, about) =>
      options.log.error('booking stored, its idempotency record not completed', {
        ...about,
        error: describeError(error),
      }),
    sentMessages: repos.outbox,
    adminNotices: repos.outbox,
    calls: repos.conversations,
    geocoder: options.geocoder ?? createGazetteerGeocoder(),
    sentiment: options.sentiment ?? createLexiconSentimentAnalyzer(),
    clock: systemClock,
    calendar,
    rules,
    onSettingsChanged: () => rules.invalidate(),
    random: cryptoRandom,
    log: options.log,
  };
}

/** Presigned uploads must not carry a checksum of the empty body the presigner sees, hence WHEN_REQUIRED. */
function createProofStore(options: { bucket: string; s3: S3ClientConfig }) {
  const s3 = new S3Client({ ...options.s3, requestChecksumCalculation: 'WHEN_REQUIRED' });
  return createS3ProofStore({ s3, bucket: options.bucket });
}

function describeError(error: unknown): { name: string; message: string } | string {
  return error instanceof Error ? { name: error.name, message: error.message } : String(error);
}
