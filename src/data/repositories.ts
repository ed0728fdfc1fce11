// Every repository of the core's ports, on one DynamoDB document client: what the api Lambda, the code
// hook, jobs and the local stack wire into the core.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type {
  AuditRepository,
  BookingRepository,
  Clock,
  CourierRepository,
  FeedbackRepository,
  IdempotencyStore,
  MembershipRepository,
  PartnerEventLog,
  PartnerRepository,
  PartnerTokenRepository,
  RateLimitCounter,
} from '../core/ports';
import type { BusinessCalendar } from '../core/business-calendar';
import { createAuditRepository } from './audit-repository';
import { createDeploymentRepository } from './deployment-repository';
import type { DeploymentRepository } from '../provisioning/deployment';
import { createPartnerEventLog } from './partner-event-log';
import { createPartnerTokenRepository } from './partner-token-repository';
import { createRateLimitCounter } from './rate-limit-counter';
import { createBookingRepository } from './booking-repository';
import { createCourierRepository } from './courier-repository';
import { createFeedbackRepository } from './feedback-repository';
import { createIdempotencyStore } from './idempotency-store';
import { createMembershipRepository } from './membership-repository';
import { createOutboxNotifier, type OutboxNotifier } from './outbox-notifier';
import { createPartnerRepository } from './partner-repository';
import { createRollupRepository, type RollupRepository } from './rollup-repository';
import { createAnalyticsRepository, type AnalyticsRepository } from './analytics-repository';
import { createConversationRepository, type ConversationRepository } from './conversation-repository';
import { createAlertStore, createOutboxAdminNotifier } from './alert-repository';
import type { AdminNotifier, AlertStore } from '../core/analytics-alerts';
import type { TableNames } from './tables';
import type { SettingsRepository } from '../core/company-settings';
import type { RateCardRepository } from '../core/rate-card';
import { createSettingsRepository } from './settings-repository';
import { createRateCardRepository } from './rate-card-repository';
import { createManualSequenceStore } from './manual-sequence-store';
import type { ManualSequenceStore } from '../core/delivery-sequence';

export type Repositories = {
  bookings: BookingRepository;
  feedback: FeedbackRepository;
  couriers: CourierRepository;
  partners: PartnerRepository;
  memberships: MembershipRepository;
  idempotency: IdempotencyStore;
  outbox: OutboxNotifier;
  rollups: RollupRepository;
  analytics: AnalyticsRepository;
  conversations: ConversationRepository;
  alerts: AlertStore;
  admins: AdminNotifier;
  partnerTokens: PartnerTokenRepository;
  rateLimits: RateLimitCounter;
  audit: AuditRepository;
  partnerEvents: PartnerEventLog;
  deployments: DeploymentRepository;
  settings: SettingsRepository;
  rateCards: RateCardRepository;
  /** Couriers' own orders of their stops, per day (Req 11.11). */
  sequences: ManualSequenceStore;
};

export type RepositoryOptions = {
  /** The company's calendar: bookings, feedback and audit entries are filed under its days. */
  calendar: BusinessCalendar;
  /** Days a booking in a terminal status is kept before TTL deletes it (default 400). */
  retentionDays?: number;
  /** Days a partner audit entry is kept before TTL deletes it (default 400). */
  auditRetentionDays?: number;
  clock?: Clock;
};

const systemClock: Clock = { now: () => new Date() };

export function createRepositories(
  doc: DynamoDBDocumentClient,
  names: TableNames,
  options: RepositoryOptions,
): Repositories {
  const clock = options.clock ?? systemClock;
  return {
    bookings: createBookingRepository(doc, names.bookings, {
      calendar: options.calendar,
      retentionDays: options.retentionDays,
    }),
    feedback: createFeedbackRepository(doc, names.feedback, options.calendar),
    couriers: createCourierRepository(doc, names.couriers),
    partners: createPartnerRepository(doc, names.partners),
    memberships: createMembershipRepository(doc, names.memberships),
    idempotency: createIdempotencyStore(doc, names.idempotency, clock),
    outbox: createOutboxNotifier(doc, names.outbox, clock),
    rollups: createRollupRepository(doc, names.rollups),
    analytics: createAnalyticsRepository(doc, names.rollups),
    conversations: createConversationRepository(doc, names.conversations),
    alerts: createAlertStore(doc, names.alerts),
    admins: createOutboxAdminNotifier(doc, names.outbox),
    partnerTokens: createPartnerTokenRepository(doc, names.partnerTokens),
    rateLimits: createRateLimitCounter(doc, names.rateLimits),
    audit: createAuditRepository(doc, names.audit, {
      calendar: options.calendar,
      retentionDays: options.auditRetentionDays,
    }),
    partnerEvents: createPartnerEventLog(doc, names.rollups),
    deployments: createDeploymentRepository(doc, names.deployments),
    settings: createSettingsRepository(doc, names.settings),
    rateCards: createRateCardRepository(doc, names.settings),
    sequences: createManualSequenceStore(doc, names.rollups),
  };
}
