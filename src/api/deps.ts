// What the field handlers need: the core's ports plus a logger. Built once per runtime (Lambda or local).
import type { BusinessCalendar } from '../core/business-calendar';
import type { NotifyErrorHandler } from '../core/customer-notifications';
import type { BookCourierDeps } from '../core/bookings';
import type { AdminNoticeLog, SentMessageLog } from '../core/sent-messages';
import type { TrackingLinks } from '../core/tracking-links';
import type { ManualSequenceStore, RoutingPort } from '../core/delivery-sequence';
import type { SettingsReader, SettingsRepository } from '../core/company-settings';
import type { RateCardRepository } from '../core/rate-card';
import type {
  AuditRepository,
  BookingRepository,
  Clock,
  CourierRepository,
  FeedbackRepository,
  Geocoder,
  IdempotencyStore,
  MembershipRepository,
  Notifier,
  PartnerEventLog,
  PartnerRepository,
  PartnerTokenRepository,
  ProofStore,
  Random,
  RateLimitCounter,
  SentimentAnalyzer,
} from '../core/ports';
import type { RollupReader, VoicebotStatusSource } from '../core/dashboard';
import type { SeriesReader } from '../core/analytics-range';
import type { CallRecorder } from '../core/call-metrics';
import type { AdminNotifier, AlertStore } from '../core/analytics-alerts';
import type { SummaryStore } from '../core/executive-summary';
import type { DeployedBotSource, LexAnalyticsSource } from '../core/lex-analytics';
import type { DeploymentRepository } from '../provisioning/deployment';
import type { ProvisioningEngine } from '../provisioning/engine';
import type { ConnectDirectory } from '../provisioning/connect-directory';

// Every runtime's logger: Powertools Logger's structured JSON lines (src/observability/telemetry.ts).
import type { Log } from '../observability/telemetry';

export type ApiDeps = {
  bookings: BookingRepository;
  feedback: FeedbackRepository;
  couriers: CourierRepository;
  partners: PartnerRepository;
  memberships: MembershipRepository;
  idempotency: IdempotencyStore;
  /** Customer SMS (Req 11.8): End User Messaging SMS in the cloud, the outbox locally. */
  notifier: Notifier;
  /** The public tracking page each customer message links to. */
  trackingLinks: TrackingLinks;
  /** Why a customer message could not be sent: logged with the booking reference, never failing the change. */
  onNotifyError: NotifyErrorHandler;
  /** A booking stored whose idempotency record could not be completed: logged; the booking is still the answer. */
  onIdempotencyError?: BookCourierDeps['onIdempotencyError'];
  /** The customer messages that went out, for the admins' Messages page. */
  sentMessages: SentMessageLog;
  /** The notices sent to the admins (service alerts, executive summaries), as the outbox recorded them. */
  adminNotices: AdminNoticeLog;
  geocoder: Geocoder;
  sentiment: SentimentAnalyzer;
  clock: Clock;
  /** The company's calendar: what "a day" means everywhere in the API. */
  calendar: BusinessCalendar;
  /** The company's rules as admins set them (Req 2.5), and the cached copy bookings and calls are checked against. */
  settings: SettingsRepository;
  rules: SettingsReader;
  /** The courier rate card (Req 12.4): its versions, each in force from a company day. */
  rateCards: RateCardRepository;
  /** Called after the settings change, so this process's next booking or call follows them at once. */
  onSettingsChanged?: () => void;
  random: Random;
  log: Log;
  /** The dashboard's rollups (written by the change-feed aggregator). */
  rollups?: RollupReader;
  /** The analytics series (written by the same aggregator): every analytics figure is read from them. */
  analytics?: SeriesReader;
  /** Where the code hook records each call's turns (the bot's performance figures, Req 2.4). */
  calls?: CallRecorder;
  /** Service-quality alerts and their thresholds, and how admins are told (Req 10.5). */
  alerts?: AlertStore;
  admins?: AdminNotifier;
  /** The weekly executive summaries' PDFs and their listing (Req 10.6), where the runtime has a bucket. */
  summaries?: SummaryStore;
  /** The Lex bot and alias callers reach (from the latest successful deployment), and Lex V2's analytics of it. */
  lexBots?: DeployedBotSource;
  lexAnalytics?: LexAnalyticsSource;
  /** Where the voicebot's deployment state comes from, once a voicebot is deployed. */
  voicebot?: VoicebotStatusSource;
  // Partner access (Req 7, 16.4): absent in runtimes that serve no partners.
  partnerTokens?: PartnerTokenRepository;
  rateLimits?: RateLimitCounter;
  audit?: AuditRepository;
  partnerEvents?: PartnerEventLog;
  /** The MCP service's IAM ARN: the one identity that may act for a partner (x-courier-partner-token-id). */
  mcpServiceArn?: string;
  /** Voicebot deployments (Req 1, 2.1-2.2): their records, and where the engine and Connect are reachable. */
  deployments?: DeploymentRepository;
  provisioning?: ProvisioningEngine;
  connectDirectory?: ConnectDirectory;
  /** Couriers' own orders of their stops (Req 11.11). */
  sequences?: ManualSequenceStore;
  /** Road travel times, when a routing service is configured; straight-line estimates otherwise. */
  routing?: RoutingPort;
  /** Proof-of-delivery images (S3), when the runtime has a bucket for them. */
  proofs?: ProofStore;
};
