// The API's dependencies that need DynamoDB alone: the repositories, the company's calendar and rules, and the
// outbox as the customer notifier. Every GraphQL runtime starts from these; runtime.ts adds S3 and SMS for the api
// function and the local server, and the voicebot's and the executive summaries' functions add only what their
// fields use, so no function loads a client it never calls (issue 14: cold starts).
import { createBusinessCalendar } from '../core/business-calendar';
import { createSettingsCache } from '../core/company-settings';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createRepositories, type Repositories } from '../data/repositories';
import type { TableNames } from '../data/tables';
import { createGazetteerGeocoder } from '../core/geo/gazetteer-geocoder';
import { createLexiconSentimentAnalyzer } from '../core/sentiment/lexicon-sentiment';
import type { Geocoder, SentimentAnalyzer } from '../core/ports';
import { systemClock } from '../core/system-clock';
import { cryptoRandom } from '../core/crypto-random';
import type { ApiDeps } from './deps';
import type { Log } from '../observability/telemetry';
import { createTrackingLinks } from '../core/tracking-links';
import { createVoicebotStatusSource } from '../provisioning/voicebot-status';
import { createDeployedBotSource } from '../provisioning/deployed-bot';

export type StoreDepsOptions = {
  doc: DynamoDBDocumentClient;
  tables: TableNames;
  /** The company's IANA time zone (COMPANY_TIME_ZONE in the cloud, the local configuration locally). */
  timeZone: string;
  log: Log;
  /** The MCP service's IAM ARN (MCP_SERVICE_ROLE_ARN in the cloud, a fixed local ARN locally). */
  mcpServiceArn?: string;
  /**
   * The web app's public URL, whose /track/<reference> page every customer SMS links to (WEB_APP_URL in the
   * cloud; locally the served URL, known once the server listens).
   */
  trackingBaseUrl: string | (() => string | undefined);
  /** How long finished bookings and audit entries are kept (the environment's retention rules). */
  retention?: { bookingDays?: number; auditDays?: number };
  /** The sentiment port: Amazon Comprehend in the cloud (SENTIMENT_ANALYZER); the lexicon analyser by default. */
  sentiment?: SentimentAnalyzer;
  /** The geocoder port: Amazon Location in the cloud (GEOCODER) and locally; the Seattle gazetteer by default. */
  geocoder?: Geocoder;
};

/** The API's dependencies on DynamoDB alone; customer messages are kept in the outbox (its `notifier`). */
export function createStoreDeps(options: StoreDepsOptions): ApiDeps & Pick<Repositories, 'outbox' | 'deployments'> {
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
    ...(options.mcpServiceArn ? { mcpServiceArn: options.mcpServiceArn } : {}),
    notifier: repos.outbox,
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

function describeError(error: unknown): { name: string; message: string } | string {
  return error instanceof Error ? { name: error.name, message: error.message } : String(error);
}
