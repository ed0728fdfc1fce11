/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ActorType =
  | 'ADMIN'
  | 'COURIER'
  | 'CUSTOMER'
  | 'PARTNER'
  | 'SYSTEM'
  | 'VOICEBOT';

export type AdminNoticeDelivery =
  | 'FAILED'
  | 'OUTBOX'
  | 'SENT';

export type AlertKind =
  | 'COMPLAINT_RATE'
  | 'DATA_INTEGRITY'
  | 'LATE_DELIVERY';

export type AnalyticsGranularity =
  | 'DAY'
  | 'MONTH'
  | 'WEEK';

export type AuditSource =
  | 'graphql'
  | 'mcp';

export type BookingStatus =
  | 'BOOKED'
  | 'CANCELLED'
  | 'COLLECTED'
  | 'DELIVERED'
  | 'FAILED_DELIVERY'
  | 'IN_TRANSIT'
  | 'OUT_FOR_DELIVERY'
  | 'RETURNED';

export type BreakerState =
  | 'CLOSED'
  | 'HALF_OPEN'
  | 'OPEN';

export type CallOutcome =
  | 'ABANDONED'
  | 'BOOKED'
  | 'FEEDBACK'
  | 'TRACKED'
  | 'TRANSFERRED';

export type Channel =
  | 'API'
  | 'PARTNER'
  | 'VOICE'
  | 'WEB';

export type CollectionHoursInput = {
  close: string;
  open: string;
};

export type CompanyRulesInput = {
  collectionDays: Array<Weekday>;
  collectionHours: CollectionHoursInput;
  largestSize: PackageSize;
  maxOversizedWeightKg: number;
  maxWeightKg: number;
  requiredProof?: Array<ProofRequirement> | null | undefined;
  sameDayCutoff?: string | null | undefined;
  serviceArea: Array<string>;
};

export type ComplaintCategory =
  | 'BILLING'
  | 'COURIER_BEHAVIOUR'
  | 'DAMAGED_PACKAGE'
  | 'LATE_DELIVERY'
  | 'LOST_PACKAGE'
  | 'OTHER'
  | 'WRONG_ADDRESS';

export type DeploymentStatus =
  | 'FAILED'
  | 'PENDING'
  | 'ROLLED_BACK'
  | 'ROLLING_BACK'
  | 'RUNNING'
  | 'SUCCEEDED';

export type DeploymentStepStatus =
  | 'FAILED'
  | 'PENDING'
  | 'ROLLED_BACK'
  | 'ROLLING_BACK'
  | 'RUNNING'
  | 'SUCCEEDED';

export type DistanceSource =
  | 'ROAD'
  | 'STRAIGHT_LINE';

export type FailureReason =
  | 'ACCESS_DENIED'
  | 'ADDRESS_NOT_FOUND'
  | 'DAMAGED'
  | 'OTHER'
  | 'RECIPIENT_ABSENT'
  | 'REFUSED_BY_RECIPIENT'
  | 'WEATHER_OR_ROAD';

export type FeedbackType =
  | 'COMPLAINT'
  | 'FEEDBACK';

export type GeoPrecision =
  | 'ADDRESS'
  | 'CITY'
  | 'POSTCODE'
  | 'STREET';

export type LexAnalyticsState =
  | 'AVAILABLE'
  | 'NOT_DEPLOYED'
  | 'UNAVAILABLE';

export type LocationUnavailable =
  | 'NOT_SUPPORTED'
  | 'NO_FIX'
  | 'PERMISSION_DENIED';

export type MessageDelivery =
  | 'FAILED'
  | 'OPTED_OUT'
  | 'OUTBOX'
  | 'SENT';

export type NewAddressInput = {
  city: string;
  country?: string | null | undefined;
  line1: string;
  line2?: string | null | undefined;
  postcode: string;
  region?: string | null | undefined;
};

export type NewDeploymentSettingsInput = {
  botAliasName?: string | null | undefined;
  botName?: string | null | undefined;
  contactFlowName?: string | null | undefined;
  instanceId: string;
  localeId?: string | null | undefined;
  promptOverrides?: string | null | undefined;
  queueArn?: string | null | undefined;
  voiceId?: string | null | undefined;
};

export type NewPackageInput = {
  description?: string | null | undefined;
  handling?: Array<SpecialHandling> | null | undefined;
  size: PackageSize;
  weightKg: number;
};

export type PackageSize =
  | 'LARGE'
  | 'MEDIUM'
  | 'OVERSIZED'
  | 'SMALL';

export type ProofKind =
  | 'PHOTO'
  | 'SIGNATURE';

export type ProofRequirement =
  | 'PHOTO'
  | 'RECIPIENT_NAME'
  | 'SIGNATURE';

export type RankingMeasure =
  | 'AVERAGE_RATING'
  | 'DELIVERED'
  | 'ON_TIME_RATE'
  | 'SUCCESS_RATE';

export type RateCardRatesInput = {
  currency: string;
  perDelivery: number;
  perKm: number;
  sizeSurcharges?: Array<SizeSurchargeInput> | null | undefined;
  weightSurcharges?: Array<WeightSurchargeInput> | null | undefined;
};

export type Role =
  | 'ADMIN'
  | 'COURIER'
  | 'PARTNER';

export type SentimentLabel =
  | 'MIXED'
  | 'NEGATIVE'
  | 'NEUTRAL'
  | 'POSITIVE';

export type Severity =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

export type SizeSurchargeInput = {
  amount: number;
  size: PackageSize;
};

export type SpecialHandling =
  | 'FRAGILE'
  | 'HAZARDOUS'
  | 'KEEP_UPRIGHT'
  | 'PERISHABLE'
  | 'SIGNATURE_REQUIRED';

export type StopKeyInput = {
  kind: StopKind;
  reference: string;
};

export type StopKind =
  | 'DELIVERY'
  | 'PICKUP';

export type Vehicle =
  | 'BICYCLE'
  | 'CAR'
  | 'MOTORBIKE'
  | 'TRUCK'
  | 'VAN';

export type VoicebotDeploymentState =
  | 'DEPLOYED'
  | 'DEPLOYING'
  | 'FAILED'
  | 'NOT_DEPLOYED';

export type Weekday =
  | 'FRI'
  | 'MON'
  | 'SAT'
  | 'SUN'
  | 'THU'
  | 'TUE'
  | 'WED';

export type WeightSurchargeInput = {
  amount: number;
  overKg: number;
};

export type VolumeFiguresFieldsFragment = { bookings: number, delivered: number, failed: number, returned: number, cancelled: number, byChannel: Array<{ channel: Channel, bookings: number, delivered: number, failed: number, returned: number, cancelled: number }>, failureReasons: Array<{ reason: FailureReason, count: number }> };

export type AnalyticsVolumesQueryVariables = Exact<{
  from: string;
  to: string;
  granularity: AnalyticsGranularity;
}>;


export type AnalyticsVolumesQuery = { analyticsVolumes: { from: string, to: string, granularity: AnalyticsGranularity, previousFrom: string, previousTo: string, total: { bookings: number, delivered: number, failed: number, returned: number, cancelled: number, byChannel: Array<{ channel: Channel, bookings: number, delivered: number, failed: number, returned: number, cancelled: number }>, failureReasons: Array<{ reason: FailureReason, count: number }> }, previousTotal: { bookings: number, delivered: number, failed: number, returned: number, cancelled: number, byChannel: Array<{ channel: Channel, bookings: number, delivered: number, failed: number, returned: number, cancelled: number }>, failureReasons: Array<{ reason: FailureReason, count: number }> }, buckets: Array<{ start: string, end: string, figures: { bookings: number, delivered: number, failed: number, returned: number, cancelled: number, byChannel: Array<{ channel: Channel, bookings: number, delivered: number, failed: number, returned: number, cancelled: number }>, failureReasons: Array<{ reason: FailureReason, count: number }> }, previous: { bookings: number } }> } };

export type DurationStatsFieldsFragment = { count: number, averageMinutes: number | null, p90Minutes: number | null };

export type RegionFiguresFieldsFragment = { regionId: string, name: string, bookings: number, delivered: number, failed: number, cancelled: number, onTimeRate: number | null, onTimeBase: number, pickupOnTimeRate: number | null, pickupBase: number, bookingToPickup: { count: number, averageMinutes: number | null, p90Minutes: number | null }, pickupToDelivery: { count: number, averageMinutes: number | null, p90Minutes: number | null } };

export type AnalyticsRegionsQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type AnalyticsRegionsQuery = { analyticsRegions: { from: string, to: string, regions: Array<{ regionId: string, name: string, bookings: number, delivered: number, failed: number, cancelled: number, onTimeRate: number | null, onTimeBase: number, pickupOnTimeRate: number | null, pickupBase: number, bookingToPickup: { count: number, averageMinutes: number | null, p90Minutes: number | null }, pickupToDelivery: { count: number, averageMinutes: number | null, p90Minutes: number | null } }>, total: { regionId: string, name: string, bookings: number, delivered: number, failed: number, cancelled: number, onTimeRate: number | null, onTimeBase: number, pickupOnTimeRate: number | null, pickupBase: number, bookingToPickup: { count: number, averageMinutes: number | null, p90Minutes: number | null }, pickupToDelivery: { count: number, averageMinutes: number | null, p90Minutes: number | null } } } };

export type FeedbackFiguresFieldsFragment = { feedback: number, complaints: number, flagged: number, ratings: number, averageRating: number | null, ratingCounts: Array<{ rating: number, count: number }>, sentiment: Array<{ label: SentimentLabel, count: number }>, categories: Array<{ category: ComplaintCategory, count: number, severities: Array<{ severity: Severity, count: number }> }>, severities: Array<{ severity: Severity, count: number }>, byChannel: Array<{ channel: Channel, count: number }> };

export type AnalyticsFeedbackQueryVariables = Exact<{
  from: string;
  to: string;
  granularity: AnalyticsGranularity;
}>;


export type AnalyticsFeedbackQuery = { analyticsFeedback: { from: string, to: string, granularity: AnalyticsGranularity, total: { feedback: number, complaints: number, flagged: number, ratings: number, averageRating: number | null, ratingCounts: Array<{ rating: number, count: number }>, sentiment: Array<{ label: SentimentLabel, count: number }>, categories: Array<{ category: ComplaintCategory, count: number, severities: Array<{ severity: Severity, count: number }> }>, severities: Array<{ severity: Severity, count: number }>, byChannel: Array<{ channel: Channel, count: number }> }, buckets: Array<{ start: string, end: string, figures: { feedback: number, complaints: number, flagged: number, ratings: number, averageRating: number | null, ratingCounts: Array<{ rating: number, count: number }>, sentiment: Array<{ label: SentimentLabel, count: number }>, categories: Array<{ category: ComplaintCategory, count: number, severities: Array<{ severity: Severity, count: number }> }>, severities: Array<{ severity: Severity, count: number }>, byChannel: Array<{ channel: Channel, count: number }> } }> } };

export type AnalyticsFeedbackCommentsQueryVariables = Exact<{
  from: string;
  to: string;
  type?: FeedbackType | null | undefined;
  category?: ComplaintCategory | null | undefined;
  severity?: Severity | null | undefined;
  sentiment?: SentimentLabel | null | undefined;
  rating?: number | null | undefined;
  limit?: number | null | undefined;
  nextToken?: string | null | undefined;
}>;


export type AnalyticsFeedbackCommentsQuery = { analyticsFeedbackComments: { nextToken: string | null, items: Array<{ reference: string, bookingReference: string, type: FeedbackType, rating: number | null, text: string, complaintCategory: ComplaintCategory | null, severity: Severity | null, flagged: boolean, courierId: string | null, partnerId: string | null, channel: Channel, createdAt: string, sentiment: { label: SentimentLabel, score: number } }> } };

export type AnalyticsRoutesQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type AnalyticsRoutesQuery = { analyticsRoutes: { from: string, to: string, days: number, corridors: Array<{ from: string, to: string, fromName: string, toName: string, bookings: number, perDay: number }>, pickupsByHour: Array<{ hour: number, count: number }>, deliveriesByHour: Array<{ hour: number, count: number }>, busiestSlots: Array<{ regionId: string, name: string, hour: number, pickups: number, perDay: number, collected: number, late: number, lateRate: number | null }>, suggestions: Array<{ kind: string, title: string, detail: string, figures: Array<{ label: string, value: string }> }> } };

export type AnalyticsHeatMapQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type AnalyticsHeatMapQuery = { analyticsHeatMap: { from: string, to: string, requested: number, delivered: number, cells: Array<{ lat: number, lng: number, requested: number, delivered: number }> } };

export type AnalyticsFleetQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type AnalyticsFleetQuery = { analyticsFleet: Array<{ courierId: string, delivered: number, failed: number, successRate: number | null, averageDeliveryMinutes: number | null, onTimeRate: number | null, ratings: number, averageRating: number | null }> };

export type PartnerAnalyticsQueryVariables = Exact<{
  from: string;
  to: string;
  partnerId?: string | number | null | undefined;
}>;


export type PartnerAnalyticsQuery = { partnerAnalytics: Array<{ partnerId: string, name: string, bookings: number, delivered: number, failed: number, cancelled: number, successRate: number | null, onTimeRate: number | null, feedback: number, complaints: number, averageRating: number | null, calls: number, errors: number, rateLimited: number, mcpCalls: number, graphqlCalls: number }> };

export type CourierFiguresFieldsFragment = { assigned: number, delivered: number, failed: number, successRate: number | null, averageDeliveryMinutes: number | null, onTimeRate: number | null, ratings: number, averageRating: number | null, complaints: number, failureReasons: Array<{ reason: FailureReason, count: number }>, deliveriesByHour: Array<{ hour: number, count: number }>, corridors: Array<{ from: string, to: string, count: number }> };

export type CourierPerformanceQueryVariables = Exact<{
  from: string;
  to: string;
  granularity: AnalyticsGranularity;
  courierId?: string | number | null | undefined;
}>;


export type CourierPerformanceQuery = { courierPerformance: { courierId: string, from: string, to: string, granularity: AnalyticsGranularity, total: { assigned: number, delivered: number, failed: number, successRate: number | null, averageDeliveryMinutes: number | null, onTimeRate: number | null, ratings: number, averageRating: number | null, complaints: number, failureReasons: Array<{ reason: FailureReason, count: number }>, deliveriesByHour: Array<{ hour: number, count: number }>, corridors: Array<{ from: string, to: string, count: number }> }, buckets: Array<{ start: string, end: string, figures: { assigned: number, delivered: number, failed: number, successRate: number | null, averageDeliveryMinutes: number | null, onTimeRate: number | null, ratings: number, averageRating: number | null, complaints: number, failureReasons: Array<{ reason: FailureReason, count: number }>, deliveriesByHour: Array<{ hour: number, count: number }>, corridors: Array<{ from: string, to: string, count: number }> } }>, rankings: Array<{ measure: RankingMeasure, position: number | null, of: number, value: number | null, peers: Array<number> }> } };

export type BotFiguresFieldsFragment = { calls: number, containmentRate: number | null, recognitionRate: number | null, averageTurns: number | null, outcomes: Array<{ outcome: CallOutcome, count: number }>, transfers: Array<{ reason: string, count: number }>, intents: Array<{ intent: string, count: number }> };

export type AnalyticsBotQueryVariables = Exact<{
  from: string;
  to: string;
  granularity: AnalyticsGranularity;
}>;


export type AnalyticsBotQuery = { analyticsBot: { from: string, to: string, granularity: AnalyticsGranularity, total: { calls: number, containmentRate: number | null, recognitionRate: number | null, averageTurns: number | null, outcomes: Array<{ outcome: CallOutcome, count: number }>, transfers: Array<{ reason: string, count: number }>, intents: Array<{ intent: string, count: number }> }, buckets: Array<{ start: string, end: string, figures: { calls: number, containmentRate: number | null, recognitionRate: number | null, averageTurns: number | null, outcomes: Array<{ outcome: CallOutcome, count: number }>, transfers: Array<{ reason: string, count: number }>, intents: Array<{ intent: string, count: number }> } }>, missedUtterances: Array<{ text: string, count: number }>, reaskedSlots: Array<{ slot: string, count: number }> } };

export type AnalyticsLexQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type AnalyticsLexQuery = { analyticsLex: { from: string, to: string, state: LexAnalyticsState, detail: string, botId: string | null, botAliasId: string | null, conversations: number | null, success: number | null, failure: number | null, dropped: number | null, averageTurns: number | null, intents: Array<{ intent: string, count: number, success: number, failure: number, switched: number, dropped: number }>, stages: Array<{ intent: string, stage: string, count: number, success: number, failed: number, dropped: number, retried: number }> } };

export type ServiceAlertFieldsFragment = { day: string, key: string, kind: AlertKind, raisedAt: string, message: string, reference: string | null, minutesLate: number | null, complaints: number | null, feedback: number | null, rate: number | null, threshold: number | null, table: string | null, recovery: string | null };

export type ServiceAlertsQueryVariables = Exact<{
  day: string;
}>;


export type ServiceAlertsQuery = { serviceAlerts: Array<{ day: string, key: string, kind: AlertKind, raisedAt: string, message: string, reference: string | null, minutesLate: number | null, complaints: number | null, feedback: number | null, rate: number | null, threshold: number | null, table: string | null, recovery: string | null }> };

export type AlertSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type AlertSettingsQuery = { alertSettings: { complaintRateThreshold: number, minFeedback: number, lateGraceMinutes: number, version: number, updatedAt: string | null, updatedBy: string | null } };

export type UpdateAlertSettingsMutationVariables = Exact<{
  complaintRateThreshold: number;
  minFeedback: number;
  lateGraceMinutes: number;
  expectedVersion: number;
}>;


export type UpdateAlertSettingsMutation = { updateAlertSettings: { complaintRateThreshold: number, minFeedback: number, lateGraceMinutes: number, version: number, updatedAt: string | null, updatedBy: string | null } };

export type PublishAlertRaisedMutationVariables = Exact<{
  day: string;
  key: string;
}>;


export type PublishAlertRaisedMutation = { publishAlertRaised: { day: string, key: string, kind: AlertKind, raisedAt: string, message: string, reference: string | null, minutesLate: number | null, complaints: number | null, feedback: number | null, rate: number | null, threshold: number | null, table: string | null, recovery: string | null } | null };

export type OnAlertRaisedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type OnAlertRaisedSubscription = { onAlertRaised: { day: string, key: string, kind: AlertKind, raisedAt: string, message: string, reference: string | null, minutesLate: number | null, complaints: number | null, feedback: number | null, rate: number | null, threshold: number | null, table: string | null, recovery: string | null } | null };

export type ExecutiveSummariesQueryVariables = Exact<{ [key: string]: never; }>;


export type ExecutiveSummariesQuery = { executiveSummaries: Array<{ week: string, from: string, to: string, generatedAt: string, url: string }> };

export type GenerateExecutiveSummaryMutationVariables = Exact<{
  week: string;
}>;


export type GenerateExecutiveSummaryMutation = { generateExecutiveSummary: { week: string, from: string, to: string, generatedAt: string, url: string } };

export type AddressFieldsFragment = { line1: string, line2: string | null, city: string, region: string | null, postcode: string, country: string, precision: GeoPrecision | null, point: { lat: number, lng: number } | null };

export type BookingFieldsFragment = { reference: string, customerName: string, customerPhone: string, status: BookingStatus, courierId: string | null, courierName: string | null, partnerId: string | null, partnerName: string | null, eta: string | null, channel: Channel, createdAt: string, updatedAt: string, version: number, pickup: { line1: string, line2: string | null, city: string, region: string | null, postcode: string, country: string, precision: GeoPrecision | null, point: { lat: number, lng: number } | null }, delivery: { line1: string, line2: string | null, city: string, region: string | null, postcode: string, country: string, precision: GeoPrecision | null, point: { lat: number, lng: number } | null }, package: { size: PackageSize, weightKg: number, handling: Array<SpecialHandling>, description: string | null }, pickupWindow: { start: string, end: string }, history: Array<{ status: BookingStatus, at: string, locationAccuracyM: number | null, locationUnavailable: LocationUnavailable | null, note: string | null, failureReason: FailureReason | null, receivedAt: string | null, actor: { type: ActorType, id: string, name: string | null }, location: { lat: number, lng: number } | null, proof: { signatureKey: string | null, photoKey: string | null, recipientName: string | null } | null }> };

export type GetBookingQueryVariables = Exact<{
  reference: string;
}>;


export type GetBookingQuery = { getBooking: { reference: string, customerName: string, customerPhone: string, status: BookingStatus, courierId: string | null, courierName: string | null, partnerId: string | null, partnerName: string | null, eta: string | null, channel: Channel, createdAt: string, updatedAt: string, version: number, pickup: { line1: string, line2: string | null, city: string, region: string | null, postcode: string, country: string, precision: GeoPrecision | null, point: { lat: number, lng: number } | null }, delivery: { line1: string, line2: string | null, city: string, region: string | null, postcode: string, country: string, precision: GeoPrecision | null, point: { lat: number, lng: number } | null }, package: { size: PackageSize, weightKg: number, handling: Array<SpecialHandling>, description: string | null }, pickupWindow: { start: string, end: string }, history: Array<{ status: BookingStatus, at: string, locationAccuracyM: number | null, locationUnavailable: LocationUnavailable | null, note: string | null, failureReason: FailureReason | null, receivedAt: string | null, actor: { type: ActorType, id: string, name: string | null }, location: { lat: number, lng: number } | null, proof: { signatureKey: string | null, photoKey: string | null, recipientName: string | null } | null }> } | null };

export type ListBookingsQueryVariables = Exact<{
  day?: string | null | undefined;
  status?: BookingStatus | null | undefined;
  courierId?: string | number | null | undefined;
  partnerId?: string | number | null | undefined;
  limit?: number | null | undefined;
  nextToken?: string | null | undefined;
}>;


export type ListBookingsQuery = { listBookings: { nextToken: string | null, items: Array<{ reference: string, customerName: string, customerPhone: string, status: BookingStatus, courierId: string | null, courierName: string | null, partnerId: string | null, partnerName: string | null, eta: string | null, channel: Channel, createdAt: string, updatedAt: string, version: number, pickup: { line1: string, line2: string | null, city: string, region: string | null, postcode: string, country: string, precision: GeoPrecision | null, point: { lat: number, lng: number } | null }, delivery: { line1: string, line2: string | null, city: string, region: string | null, postcode: string, country: string, precision: GeoPrecision | null, point: { lat: number, lng: number } | null }, package: { size: PackageSize, weightKg: number, handling: Array<SpecialHandling>, description: string | null }, pickupWindow: { start: string, end: string }, history: Array<{ status: BookingStatus, at: string, locationAccuracyM: number | null, locationUnavailable: LocationUnavailable | null, note: string | null, failureReason: FailureReason | null, receivedAt: string | null, actor: { type: ActorType, id: string, name: string | null }, location: { lat: number, lng: number } | null, proof: { signatureKey: string | null, photoKey: string | null, recipientName: string | null } | null }> }> } };

export type BookCourierMutationVariables = Exact<{
  customerName: string;
  customerPhone: string;
  pickup: NewAddressInput;
  delivery: NewAddressInput;
  package: NewPackageInput;
  pickupWindowStart: string;
  pickupWindowEnd: string;
  partnerId?: string | number | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type BookCourierMutation = { bookCourier: { reference: string, customerName: string, customerPhone: string, status: BookingStatus, courierId: string | null, courierName: string | null, partnerId: string | null, partnerName: string | null, eta: string | null, channel: Channel, createdAt: string, updatedAt: string, version: number, pickup: { line1: string, line2: string | null, city: string, region: string | null, postcode: string, country: string, precision: GeoPrecision | null, point: { lat: number, lng: number } | null }, delivery: { line1: string, line2: string | null, city: string, region: string | null, postcode: string, country: string, precision: GeoPrecision | null, point: { lat: number, lng: number } | null }, package: { size: PackageSize, weightKg: number, handling: Array<SpecialHandling>, description: string | null }, pickupWindow: { start: string, end: string }, history: Array<{ status: BookingStatus, at: string, locationAccuracyM: number | null, locationUnavailable: LocationUnavailable | null, note: string | null, failureReason: FailureReason | null, receivedAt: string | null, actor: { type: ActorType, id: string, name: string | null }, location: { lat: number, lng: number } | null, proof: { signatureKey: string | null, photoKey: string | null, recipientName: string | null } | null }> } };

export type AssignCourierMutationVariables = Exact<{
  reference: string;
  courierId: string | number;
}>;


export type AssignCourierMutation = { assignCourier: { reference: string, customerName: string, customerPhone: string, status: BookingStatus, courierId: string | null, courierName: string | null, partnerId: string | null, partnerName: string | null, eta: string | null, channel: Channel, createdAt: string, updatedAt: string, version: number, pickup: { line1: string, line2: string | null, city: string, region: string | null, postcode: string, country: string, precision: GeoPrecision | null, point: { lat: number, lng: number } | null }, delivery: { line1: string, line2: string | null, city: string, region: string | null, postcode: string, country: string, precision: GeoPrecision | null, point: { lat: number, lng: number } | null }, package: { size: PackageSize, weightKg: number, handling: Array<SpecialHandling>, description: string | null }, pickupWindow: { start: string, end: string }, history: Array<{ status: BookingStatus, at: string, locationAccuracyM: number | null, locationUnavailable: LocationUnavailable | null, note: string | null, failureReason: FailureReason | null, receivedAt: string | null, actor: { type: ActorType, id: string, name: string | null }, location: { lat: number, lng: number } | null, proof: { signatureKey: string | null, photoKey: string | null, recipientName: string | null } | null }> } };

export type UpdateDeliveryStatusMutationVariables = Exact<{
  reference: string;
  status: BookingStatus;
  lat?: number | null | undefined;
  lng?: number | null | undefined;
  note?: string | null | undefined;
  recipientName?: string | null | undefined;
  signatureKey?: string | null | undefined;
  photoKey?: string | null | undefined;
  failureReason?: FailureReason | null | undefined;
  expectedVersion?: number | null | undefined;
  locationAccuracyM?: number | null | undefined;
  locationUnavailable?: LocationUnavailable | null | undefined;
  at?: string | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type UpdateDeliveryStatusMutation = { updateDeliveryStatus: { reference: string, customerName: string, customerPhone: string, status: BookingStatus, courierId: string | null, courierName: string | null, partnerId: string | null, partnerName: string | null, eta: string | null, channel: Channel, createdAt: string, updatedAt: string, version: number, pickup: { line1: string, line2: string | null, city: string, region: string | null, postcode: string, country: string, precision: GeoPrecision | null, point: { lat: number, lng: number } | null }, delivery: { line1: string, line2: string | null, city: string, region: string | null, postcode: string, country: string, precision: GeoPrecision | null, point: { lat: number, lng: number } | null }, package: { size: PackageSize, weightKg: number, handling: Array<SpecialHandling>, description: string | null }, pickupWindow: { start: string, end: string }, history: Array<{ status: BookingStatus, at: string, locationAccuracyM: number | null, locationUnavailable: LocationUnavailable | null, note: string | null, failureReason: FailureReason | null, receivedAt: string | null, actor: { type: ActorType, id: string, name: string | null }, location: { lat: number, lng: number } | null, proof: { signatureKey: string | null, photoKey: string | null, recipientName: string | null } | null }> } };

export type CancelBookingMutationVariables = Exact<{
  reference: string;
  reason?: string | null | undefined;
}>;


export type CancelBookingMutation = { cancelBooking: { reference: string, customerName: string, customerPhone: string, status: BookingStatus, courierId: string | null, courierName: string | null, partnerId: string | null, partnerName: string | null, eta: string | null, channel: Channel, createdAt: string, updatedAt: string, version: number, pickup: { line1: string, line2: string | null, city: string, region: string | null, postcode: string, country: string, precision: GeoPrecision | null, point: { lat: number, lng: number } | null }, delivery: { line1: string, line2: string | null, city: string, region: string | null, postcode: string, country: string, precision: GeoPrecision | null, point: { lat: number, lng: number } | null }, package: { size: PackageSize, weightKg: number, handling: Array<SpecialHandling>, description: string | null }, pickupWindow: { start: string, end: string }, history: Array<{ status: BookingStatus, at: string, locationAccuracyM: number | null, locationUnavailable: LocationUnavailable | null, note: string | null, failureReason: FailureReason | null, receivedAt: string | null, actor: { type: ActorType, id: string, name: string | null }, location: { lat: number, lng: number } | null, proof: { signatureKey: string | null, photoKey: string | null, recipientName: string | null } | null }> } };

export type UpdatePickupWindowMutationVariables = Exact<{
  reference: string;
  pickupWindowStart: string;
  pickupWindowEnd: string;
}>;


export type UpdatePickupWindowMutation = { updatePickupWindow: { reference: string, customerName: string, customerPhone: string, status: BookingStatus, courierId: string | null, courierName: string | null, partnerId: string | null, partnerName: string | null, eta: string | null, channel: Channel, createdAt: string, updatedAt: string, version: number, pickup: { line1: string, line2: string | null, city: string, region: string | null, postcode: string, country: string, precision: GeoPrecision | null, point: { lat: number, lng: number } | null }, delivery: { line1: string, line2: string | null, city: string, region: string | null, postcode: string, country: string, precision: GeoPrecision | null, point: { lat: number, lng: number } | null }, package: { size: PackageSize, weightKg: number, handling: Array<SpecialHandling>, description: string | null }, pickupWindow: { start: string, end: string }, history: Array<{ status: BookingStatus, at: string, locationAccuracyM: number | null, locationUnavailable: LocationUnavailable | null, note: string | null, failureReason: FailureReason | null, receivedAt: string | null, actor: { type: ActorType, id: string, name: string | null }, location: { lat: number, lng: number } | null, proof: { signatureKey: string | null, photoKey: string | null, recipientName: string | null } | null }> } };

export type ListStatusEventsQueryVariables = Exact<{
  since?: string | null | undefined;
  limit?: number | null | undefined;
  partnerId?: string | number | null | undefined;
}>;


export type ListStatusEventsQuery = { listStatusEvents: { cursor: string | null, hasMore: boolean, events: Array<{ reference: string, status: BookingStatus, at: string, note: string | null, failureReason: FailureReason | null, actor: { type: ActorType, id: string, name: string | null } }> } };

export type RateCardVersionFieldsFragment = { version: number, effectiveFrom: string, setAt: string, rates: { currency: string, perDelivery: number, perKm: number, sizeSurcharges: Array<{ size: PackageSize, amount: number }> | null, weightSurcharges: Array<{ overKg: number, amount: number }> | null } | null, setBy: { sub: string, name: string | null } };

export type RateCardSettingFieldsFragment = { version: number, inForce: { version: number, effectiveFrom: string, setAt: string, rates: { currency: string, perDelivery: number, perKm: number, sizeSurcharges: Array<{ size: PackageSize, amount: number }> | null, weightSurcharges: Array<{ overKg: number, amount: number }> | null } | null, setBy: { sub: string, name: string | null } } | null, upcoming: Array<{ version: number, effectiveFrom: string, setAt: string, rates: { currency: string, perDelivery: number, perKm: number, sizeSurcharges: Array<{ size: PackageSize, amount: number }> | null, weightSurcharges: Array<{ overKg: number, amount: number }> | null } | null, setBy: { sub: string, name: string | null } }> };

export type RateCardQueryVariables = Exact<{ [key: string]: never; }>;


export type RateCardQuery = { rateCard: { version: number, inForce: { version: number, effectiveFrom: string, setAt: string, rates: { currency: string, perDelivery: number, perKm: number, sizeSurcharges: Array<{ size: PackageSize, amount: number }> | null, weightSurcharges: Array<{ overKg: number, amount: number }> | null } | null, setBy: { sub: string, name: string | null } } | null, upcoming: Array<{ version: number, effectiveFrom: string, setAt: string, rates: { currency: string, perDelivery: number, perKm: number, sizeSurcharges: Array<{ size: PackageSize, amount: number }> | null, weightSurcharges: Array<{ overKg: number, amount: number }> | null } | null, setBy: { sub: string, name: string | null } }> } };

export type SetRateCardMutationVariables = Exact<{
  rates?: RateCardRatesInput | null | undefined;
  effectiveFrom?: string | null | undefined;
  expectedVersion: number;
}>;


export type SetRateCardMutation = { setRateCard: { version: number, inForce: { version: number, effectiveFrom: string, setAt: string, rates: { currency: string, perDelivery: number, perKm: number, sizeSurcharges: Array<{ size: PackageSize, amount: number }> | null, weightSurcharges: Array<{ overKg: number, amount: number }> | null } | null, setBy: { sub: string, name: string | null } } | null, upcoming: Array<{ version: number, effectiveFrom: string, setAt: string, rates: { currency: string, perDelivery: number, perKm: number, sizeSurcharges: Array<{ size: PackageSize, amount: number }> | null, weightSurcharges: Array<{ overKg: number, amount: number }> | null } | null, setBy: { sub: string, name: string | null } }> } };

export type CourierEarningsQueryVariables = Exact<{
  from: string;
  to: string;
  courierId?: string | number | null | undefined;
}>;


export type CourierEarningsQuery = { courierEarnings: { courierId: string, from: string, to: string, currency: string, deliveries: number, km: number, perDelivery: number, distance: number, sizeSurcharges: number, weightSurcharges: number, total: number, stretches: Array<{ from: string, to: string, version: number }> } | null };

export type CourierSuggestionsQueryVariables = Exact<{
  from: string;
  to: string;
  courierId?: string | number | null | undefined;
}>;


export type CourierSuggestionsQuery = { courierSuggestions: Array<{ kind: string, title: string, detail: string, figures: Array<{ label: string, value: string }> }> };

export type CourierDeliveryHistoryQueryVariables = Exact<{
  courierId?: string | number | null | undefined;
  search?: string | null | undefined;
  status?: BookingStatus | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  limit?: number | null | undefined;
  nextToken?: string | null | undefined;
}>;


export type CourierDeliveryHistoryQuery = { courierDeliveryHistory: { nextToken: string | null, items: Array<{ reference: string, customerName: string, customerPhone: string, status: BookingStatus, courierId: string | null, courierName: string | null, partnerId: string | null, partnerName: string | null, eta: string | null, channel: Channel, createdAt: string, updatedAt: string, version: number, pickup: { line1: string, line2: string | null, city: string, region: string | null, postcode: string, country: string, precision: GeoPrecision | null, point: { lat: number, lng: number } | null }, delivery: { line1: string, line2: string | null, city: string, region: string | null, postcode: string, country: string, precision: GeoPrecision | null, point: { lat: number, lng: number } | null }, package: { size: PackageSize, weightKg: number, handling: Array<SpecialHandling>, description: string | null }, pickupWindow: { start: string, end: string }, history: Array<{ status: BookingStatus, at: string, locationAccuracyM: number | null, locationUnavailable: LocationUnavailable | null, note: string | null, failureReason: FailureReason | null, receivedAt: string | null, actor: { type: ActorType, id: string, name: string | null }, location: { lat: number, lng: number } | null, proof: { signatureKey: string | null, photoKey: string | null, recipientName: string | null } | null }> }> } };

export type CourierFeedbackQueryVariables = Exact<{
  courierId?: string | number | null | undefined;
  limit?: number | null | undefined;
  nextToken?: string | null | undefined;
}>;


export type CourierFeedbackQuery = { courierFeedback: { nextToken: string | null, items: Array<{ reference: string, bookingReference: string, type: FeedbackType, rating: number | null, text: string, complaintCategory: ComplaintCategory | null, severity: Severity | null, flagged: boolean, courierId: string | null, partnerId: string | null, channel: Channel, createdAt: string, sentiment: { label: SentimentLabel, score: number } }> } };

export type CourierFieldsFragment = { id: string, name: string, phone: string, email: string, vehicle: Vehicle, active: boolean, createdAt: string, updatedAt: string, lastLocation: { lat: number, lng: number, at: string, heading: number | null, speedKph: number | null } | null };

export type ListCouriersQueryVariables = Exact<{
  limit?: number | null | undefined;
  nextToken?: string | null | undefined;
}>;


export type ListCouriersQuery = { listCouriers: { nextToken: string | null, items: Array<{ id: string, name: string, phone: string, email: string, vehicle: Vehicle, active: boolean, createdAt: string, updatedAt: string, lastLocation: { lat: number, lng: number, at: string, heading: number | null, speedKph: number | null } | null }> } };

export type GetCourierQueryVariables = Exact<{
  id: string | number;
}>;


export type GetCourierQuery = { getCourier: { id: string, name: string, phone: string, email: string, vehicle: Vehicle, active: boolean, createdAt: string, updatedAt: string, lastLocation: { lat: number, lng: number, at: string, heading: number | null, speedKph: number | null } | null } | null };

export type UpdateCourierLocationMutationVariables = Exact<{
  lat: number;
  lng: number;
  heading?: number | null | undefined;
  speedKph?: number | null | undefined;
}>;


export type UpdateCourierLocationMutation = { updateCourierLocation: { id: string, name: string, phone: string, email: string, vehicle: Vehicle, active: boolean, createdAt: string, updatedAt: string, lastLocation: { lat: number, lng: number, at: string, heading: number | null, speedKph: number | null } | null } };

export type DashboardQueryVariables = Exact<{
  day?: string | null | undefined;
}>;


export type DashboardQuery = { dashboard: { day: string, generatedAt: string, health: { api: boolean, database: boolean, lastChangeFeedEventAt: string | null, lastVoiceCallAt: string | null, voicebot: { state: VoicebotDeploymentState, detail: string | null }, dependencies: Array<{ name: string, state: BreakerState, since: string, fallback: string, lastError: string | null }> }, kpis: { bookings: number, inTransit: number, delivered: number, failed: number, deliverySuccessRate: number | null, averageDeliveryMinutes: number | null, averageRating: number | null, satisfiedShare: number | null, ratings: number, feedback: number, complaints: number, flaggedComplaints: number, voiceBookings: number, voiceFeedback: number, callsHandled: number, statusCounts: Array<{ status: BookingStatus, count: number }> } | null, alerts: { complaints: Array<{ reference: string, bookingReference: string, type: FeedbackType, rating: number | null, text: string, complaintCategory: ComplaintCategory | null, severity: Severity | null, flagged: boolean, courierId: string | null, partnerId: string | null, channel: Channel, createdAt: string, sentiment: { label: SentimentLabel, score: number } }>, delayed: Array<{ reference: string, eta: string, status: BookingStatus, courierId: string | null, minutesLate: number }> } } };

export type DeliverySequenceFieldsFragment = { courierId: string, day: string, manual: boolean, distances: DistanceSource, finishAt: string, lateMinutes: number, computedAt: string, origin: { lat: number, lng: number } | null, stops: Array<{ reference: string, kind: StopKind, status: BookingStatus, customerName: string, windowStart: string | null, windowEnd: string | null, plannedArrival: string, lateMinutes: number, address: { line1: string, line2: string | null, city: string, region: string | null, postcode: string, country: string, precision: GeoPrecision | null, point: { lat: number, lng: number } | null }, point: { lat: number, lng: number } | null }> };

export type SuggestedSequenceQueryVariables = Exact<{
  lat?: number | null | undefined;
  lng?: number | null | undefined;
  courierId?: string | number | null | undefined;
}>;


export type SuggestedSequenceQuery = { suggestedSequence: { courierId: string, day: string, manual: boolean, distances: DistanceSource, finishAt: string, lateMinutes: number, computedAt: string, origin: { lat: number, lng: number } | null, stops: Array<{ reference: string, kind: StopKind, status: BookingStatus, customerName: string, windowStart: string | null, windowEnd: string | null, plannedArrival: string, lateMinutes: number, address: { line1: string, line2: string | null, city: string, region: string | null, postcode: string, country: string, precision: GeoPrecision | null, point: { lat: number, lng: number } | null }, point: { lat: number, lng: number } | null }> } };

export type SetDeliverySequenceMutationVariables = Exact<{
  stops: Array<StopKeyInput> | StopKeyInput;
  lat?: number | null | undefined;
  lng?: number | null | undefined;
  courierId?: string | number | null | undefined;
}>;


export type SetDeliverySequenceMutation = { setDeliverySequence: { courierId: string, day: string, manual: boolean, distances: DistanceSource, finishAt: string, lateMinutes: number, computedAt: string, origin: { lat: number, lng: number } | null, stops: Array<{ reference: string, kind: StopKind, status: BookingStatus, customerName: string, windowStart: string | null, windowEnd: string | null, plannedArrival: string, lateMinutes: number, address: { line1: string, line2: string | null, city: string, region: string | null, postcode: string, country: string, precision: GeoPrecision | null, point: { lat: number, lng: number } | null }, point: { lat: number, lng: number } | null }> } };

export type ResetDeliverySequenceMutationVariables = Exact<{
  lat?: number | null | undefined;
  lng?: number | null | undefined;
  courierId?: string | number | null | undefined;
}>;


export type ResetDeliverySequenceMutation = { resetDeliverySequence: { courierId: string, day: string, manual: boolean, distances: DistanceSource, finishAt: string, lateMinutes: number, computedAt: string, origin: { lat: number, lng: number } | null, stops: Array<{ reference: string, kind: StopKind, status: BookingStatus, customerName: string, windowStart: string | null, windowEnd: string | null, plannedArrival: string, lateMinutes: number, address: { line1: string, line2: string | null, city: string, region: string | null, postcode: string, country: string, precision: GeoPrecision | null, point: { lat: number, lng: number } | null }, point: { lat: number, lng: number } | null }> } };

export type FeedbackFieldsFragment = { reference: string, bookingReference: string, type: FeedbackType, rating: number | null, text: string, complaintCategory: ComplaintCategory | null, severity: Severity | null, flagged: boolean, courierId: string | null, partnerId: string | null, channel: Channel, createdAt: string, sentiment: { label: SentimentLabel, score: number } };

export type ListFeedbackQueryVariables = Exact<{
  bookingReference?: string | null | undefined;
  day?: string | null | undefined;
  courierId?: string | number | null | undefined;
  flaggedOnly?: boolean | null | undefined;
  limit?: number | null | undefined;
  nextToken?: string | null | undefined;
}>;


export type ListFeedbackQuery = { listFeedback: { nextToken: string | null, items: Array<{ reference: string, bookingReference: string, type: FeedbackType, rating: number | null, text: string, complaintCategory: ComplaintCategory | null, severity: Severity | null, flagged: boolean, courierId: string | null, partnerId: string | null, channel: Channel, createdAt: string, sentiment: { label: SentimentLabel, score: number } }> } };

export type SubmitFeedbackMutationVariables = Exact<{
  bookingReference: string;
  type: FeedbackType;
  rating?: number | null | undefined;
  text: string;
  complaintCategory?: ComplaintCategory | null | undefined;
  severity?: Severity | null | undefined;
}>;


export type SubmitFeedbackMutation = { submitFeedback: { reference: string, bookingReference: string, type: FeedbackType, rating: number | null, text: string, complaintCategory: ComplaintCategory | null, severity: Severity | null, flagged: boolean, courierId: string | null, partnerId: string | null, channel: Channel, createdAt: string, sentiment: { label: SentimentLabel, score: number } } };

export type CourierMoveFieldsFragment = { courierId: string, lat: number, lng: number, at: string, heading: number | null, speedKph: number | null };

export type OnBookingChangedSubscriptionVariables = Exact<{
  courierId?: string | number | null | undefined;
  partnerId?: string | number | null | undefined;
}>;


export type OnBookingChangedSubscription = { onBookingChanged: { reference: string, customerName: string, customerPhone: string, status: BookingStatus, courierId: string | null, courierName: string | null, partnerId: string | null, partnerName: string | null, eta: string | null, channel: Channel, createdAt: string, updatedAt: string, version: number, pickup: { line1: string, line2: string | null, city: string, region: string | null, postcode: string, country: string, precision: GeoPrecision | null, point: { lat: number, lng: number } | null }, delivery: { line1: string, line2: string | null, city: string, region: string | null, postcode: string, country: string, precision: GeoPrecision | null, point: { lat: number, lng: number } | null }, package: { size: PackageSize, weightKg: number, handling: Array<SpecialHandling>, description: string | null }, pickupWindow: { start: string, end: string }, history: Array<{ status: BookingStatus, at: string, locationAccuracyM: number | null, locationUnavailable: LocationUnavailable | null, note: string | null, failureReason: FailureReason | null, receivedAt: string | null, actor: { type: ActorType, id: string, name: string | null }, location: { lat: number, lng: number } | null, proof: { signatureKey: string | null, photoKey: string | null, recipientName: string | null } | null }> } | null };

export type OnCourierMovedSubscriptionVariables = Exact<{
  courierId?: string | number | null | undefined;
}>;


export type OnCourierMovedSubscription = { onCourierMoved: { courierId: string, lat: number, lng: number, at: string, heading: number | null, speedKph: number | null } | null };

export type PublishBookingChangedMutationVariables = Exact<{
  reference: string;
}>;


export type PublishBookingChangedMutation = { publishBookingChanged: { reference: string, customerName: string, customerPhone: string, status: BookingStatus, courierId: string | null, courierName: string | null, partnerId: string | null, partnerName: string | null, eta: string | null, channel: Channel, createdAt: string, updatedAt: string, version: number, pickup: { line1: string, line2: string | null, city: string, region: string | null, postcode: string, country: string, precision: GeoPrecision | null, point: { lat: number, lng: number } | null }, delivery: { line1: string, line2: string | null, city: string, region: string | null, postcode: string, country: string, precision: GeoPrecision | null, point: { lat: number, lng: number } | null }, package: { size: PackageSize, weightKg: number, handling: Array<SpecialHandling>, description: string | null }, pickupWindow: { start: string, end: string }, history: Array<{ status: BookingStatus, at: string, locationAccuracyM: number | null, locationUnavailable: LocationUnavailable | null, note: string | null, failureReason: FailureReason | null, receivedAt: string | null, actor: { type: ActorType, id: string, name: string | null }, location: { lat: number, lng: number } | null, proof: { signatureKey: string | null, photoKey: string | null, recipientName: string | null } | null }> } | null };

export type PublishCourierMovedMutationVariables = Exact<{
  courierId: string | number;
  lat: number;
  lng: number;
  at: string;
  heading?: number | null | undefined;
  speedKph?: number | null | undefined;
}>;


export type PublishCourierMovedMutation = { publishCourierMoved: { courierId: string, lat: number, lng: number, at: string, heading: number | null, speedKph: number | null } | null };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { sub: string, email: string | null, role: Role, courierId: string | null, partnerId: string | null, displayName: string | null } };

export type SentMessagesQueryVariables = Exact<{
  bookingReference?: string | null | undefined;
  limit?: number | null | undefined;
  nextToken?: string | null | undefined;
}>;


export type SentMessagesQuery = { sentMessages: { nextToken: string | null, items: Array<{ id: string, sentAt: string, phone: string, bookingReference: string, kind: BookingStatus, text: string, trackingUrl: string, delivery: MessageDelivery }> } };

export type AdminNoticesQueryVariables = Exact<{
  limit?: number | null | undefined;
  nextToken?: string | null | undefined;
}>;


export type AdminNoticesQuery = { adminNotices: { nextToken: string | null, items: Array<{ id: string, sentAt: string, kind: string, subject: string, text: string, path: string | null, delivery: AdminNoticeDelivery }> } };

export type PartnerFieldsFragment = { id: string, name: string, contactEmail: string, createdAt: string };

export type PartnerTokenFieldsFragment = { tokenId: string, partnerId: string, name: string, scopes: Array<string>, rateLimitPerMinute: number, createdAt: string, expiresAt: string, revokedAt: string | null, createdBy: { type: ActorType, id: string, name: string | null }, revokedBy: { type: ActorType, id: string, name: string | null } | null };

export type CreatePartnerMutationVariables = Exact<{
  id?: string | number | null | undefined;
  name: string;
  contactEmail: string;
}>;


export type CreatePartnerMutation = { createPartner: { id: string, name: string, contactEmail: string, createdAt: string } };

export type ListPartnersQueryVariables = Exact<{ [key: string]: never; }>;


export type ListPartnersQuery = { listPartners: Array<{ id: string, name: string, contactEmail: string, createdAt: string }> };

export type GetPartnerQueryVariables = Exact<{
  id: string | number;
}>;


export type GetPartnerQuery = { getPartner: { id: string, name: string, contactEmail: string, createdAt: string } | null };

export type IssuePartnerTokenMutationVariables = Exact<{
  partnerId: string | number;
  name: string;
  scopes: Array<string> | string;
  expiresAt: string;
  rateLimitPerMinute?: number | null | undefined;
}>;


export type IssuePartnerTokenMutation = { issuePartnerToken: { token: string, tokenInfo: { tokenId: string, partnerId: string, name: string, scopes: Array<string>, rateLimitPerMinute: number, createdAt: string, expiresAt: string, revokedAt: string | null, createdBy: { type: ActorType, id: string, name: string | null }, revokedBy: { type: ActorType, id: string, name: string | null } | null } } };

export type ListPartnerTokensQueryVariables = Exact<{
  partnerId: string | number;
}>;


export type ListPartnerTokensQuery = { listPartnerTokens: Array<{ tokenId: string, partnerId: string, name: string, scopes: Array<string>, rateLimitPerMinute: number, createdAt: string, expiresAt: string, revokedAt: string | null, createdBy: { type: ActorType, id: string, name: string | null }, revokedBy: { type: ActorType, id: string, name: string | null } | null }> };

export type RevokePartnerTokenMutationVariables = Exact<{
  tokenId: string | number;
}>;


export type RevokePartnerTokenMutation = { revokePartnerToken: { tokenId: string, partnerId: string, name: string, scopes: Array<string>, rateLimitPerMinute: number, createdAt: string, expiresAt: string, revokedAt: string | null, createdBy: { type: ActorType, id: string, name: string | null }, revokedBy: { type: ActorType, id: string, name: string | null } | null } };

export type ListAuditEntriesQueryVariables = Exact<{
  partnerId?: string | number | null | undefined;
  day?: string | null | undefined;
  limit?: number | null | undefined;
  nextToken?: string | null | undefined;
}>;


export type ListAuditEntriesQuery = { listAuditEntries: { nextToken: string | null, items: Array<{ id: string, partnerId: string, tokenId: string | null, source: AuditSource, operation: string, argsDigest: string, outcome: string, latencyMs: number, at: string }> } };

export type RequestProofUploadMutationVariables = Exact<{
  reference: string;
  kind: ProofKind;
  contentType: string;
}>;


export type RequestProofUploadMutation = { requestProofUpload: { key: string, uploadUrl: string, headers: string, expiresAt: string } };

export type ProofImagesQueryVariables = Exact<{
  reference: string;
}>;


export type ProofImagesQuery = { proofImages: { signatureUrl: string | null, photoUrl: string | null, recipientName: string | null, at: string } | null };

export type CompanySettingsFieldsFragment = { timeZone: string, serviceArea: Array<string>, collectionDays: Array<Weekday>, sameDayCutoff: string | null, maxWeightKg: number, maxOversizedWeightKg: number, largestSize: PackageSize, requiredProof: Array<ProofRequirement>, version: number, updatedAt: string | null, collectionHours: { open: string, close: string }, updatedBy: { sub: string, name: string | null } | null };

export type CompanySettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type CompanySettingsQuery = { companySettings: { timeZone: string, serviceArea: Array<string>, collectionDays: Array<Weekday>, sameDayCutoff: string | null, maxWeightKg: number, maxOversizedWeightKg: number, largestSize: PackageSize, requiredProof: Array<ProofRequirement>, version: number, updatedAt: string | null, collectionHours: { open: string, close: string }, updatedBy: { sub: string, name: string | null } | null } };

export type UpdateCompanySettingsMutationVariables = Exact<{
  rules: CompanyRulesInput;
  expectedVersion: number;
}>;


export type UpdateCompanySettingsMutation = { updateCompanySettings: { timeZone: string, serviceArea: Array<string>, collectionDays: Array<Weekday>, sameDayCutoff: string | null, maxWeightKg: number, maxOversizedWeightKg: number, largestSize: PackageSize, requiredProof: Array<ProofRequirement>, version: number, updatedAt: string | null, collectionHours: { open: string, close: string }, updatedBy: { sub: string, name: string | null } | null } };

export type SettingsChangesQueryVariables = Exact<{
  limit?: number | null | undefined;
  nextToken?: string | null | undefined;
}>;


export type SettingsChangesQuery = { settingsChanges: { nextToken: string | null, items: Array<{ version: number, at: string, by: { sub: string, name: string | null }, changes: Array<{ field: string, from: string | null, to: string | null }> }> } };

export type RequiredProofQueryVariables = Exact<{ [key: string]: never; }>;


export type RequiredProofQuery = { requiredProof: Array<ProofRequirement> };

export type TrackBookingQueryVariables = Exact<{
  reference: string;
}>;


export type TrackBookingQuery = { trackBooking: { reference: string, status: BookingStatus, lastUpdate: string, eta: string | null, pickupCity: string, deliveryCity: string, courierPosition: { lat: number, lng: number } | null, timeline: Array<{ status: BookingStatus, at: string }> } | null };

export type DeploymentFieldsFragment = { id: string, instanceId: string, status: DeploymentStatus, createdAt: string, updatedAt: string, version: number, settings: { instanceId: string, botName: string, localeId: string, voiceId: string, botAliasName: string, contactFlowName: string, queueArn: string | null, promptOverrides: string }, steps: Array<{ key: string, title: string, status: DeploymentStepStatus, startedAt: string | null, endedAt: string | null, detail: string | null, resources: Array<{ kind: string, name: string, id: string, arn: string | null, created: boolean, updated: boolean | null, rolledBack: boolean | null }>, error: { code: string, message: string, resolution: string, phase: string, at: string } | null }>, error: { step: string | null, code: string, message: string, resolution: string, phase: string, at: string } | null, createdBy: { type: ActorType, id: string, name: string | null } };

export type ListConnectInstancesQueryVariables = Exact<{ [key: string]: never; }>;


export type ListConnectInstancesQuery = { listConnectInstances: Array<{ id: string, arn: string, alias: string | null, status: string | null, inboundCallsEnabled: boolean | null }> };

export type ListConnectQueuesQueryVariables = Exact<{
  instanceId: string;
}>;


export type ListConnectQueuesQuery = { listConnectQueues: Array<{ id: string, arn: string, name: string | null }> };

export type PlanDeploymentQueryVariables = Exact<{
  settings: NewDeploymentSettingsInput;
}>;


export type PlanDeploymentQuery = { planDeployment: Array<{ key: string, title: string, description: string }> };

export type GetDeploymentQueryVariables = Exact<{
  id: string | number;
}>;


export type GetDeploymentQuery = { getDeployment: { id: string, instanceId: string, status: DeploymentStatus, createdAt: string, updatedAt: string, version: number, settings: { instanceId: string, botName: string, localeId: string, voiceId: string, botAliasName: string, contactFlowName: string, queueArn: string | null, promptOverrides: string }, steps: Array<{ key: string, title: string, status: DeploymentStepStatus, startedAt: string | null, endedAt: string | null, detail: string | null, resources: Array<{ kind: string, name: string, id: string, arn: string | null, created: boolean, updated: boolean | null, rolledBack: boolean | null }>, error: { code: string, message: string, resolution: string, phase: string, at: string } | null }>, error: { step: string | null, code: string, message: string, resolution: string, phase: string, at: string } | null, createdBy: { type: ActorType, id: string, name: string | null } } | null };

export type ListDeploymentsQueryVariables = Exact<{
  limit?: number | null | undefined;
  nextToken?: string | null | undefined;
}>;


export type ListDeploymentsQuery = { listDeployments: { nextToken: string | null, items: Array<{ id: string, instanceId: string, status: DeploymentStatus, createdAt: string, updatedAt: string, version: number, settings: { instanceId: string, botName: string, localeId: string, voiceId: string, botAliasName: string, contactFlowName: string, queueArn: string | null, promptOverrides: string }, steps: Array<{ key: string, title: string, status: DeploymentStepStatus, startedAt: string | null, endedAt: string | null, detail: string | null, resources: Array<{ kind: string, name: string, id: string, arn: string | null, created: boolean, updated: boolean | null, rolledBack: boolean | null }>, error: { code: string, message: string, resolution: string, phase: string, at: string } | null }>, error: { step: string | null, code: string, message: string, resolution: string, phase: string, at: string } | null, createdBy: { type: ActorType, id: string, name: string | null } }> } };

export type BotPromptsQueryVariables = Exact<{
  localeId?: string | null | undefined;
}>;


export type BotPromptsQuery = { botPrompts: Array<{ key: string, text: string, defaultText: string, overridden: boolean }> };

export type StartDeploymentMutationVariables = Exact<{
  settings: NewDeploymentSettingsInput;
}>;


export type StartDeploymentMutation = { startDeployment: { id: string, instanceId: string, status: DeploymentStatus, createdAt: string, updatedAt: string, version: number, settings: { instanceId: string, botName: string, localeId: string, voiceId: string, botAliasName: string, contactFlowName: string, queueArn: string | null, promptOverrides: string }, steps: Array<{ key: string, title: string, status: DeploymentStepStatus, startedAt: string | null, endedAt: string | null, detail: string | null, resources: Array<{ kind: string, name: string, id: string, arn: string | null, created: boolean, updated: boolean | null, rolledBack: boolean | null }>, error: { code: string, message: string, resolution: string, phase: string, at: string } | null }>, error: { step: string | null, code: string, message: string, resolution: string, phase: string, at: string } | null, createdBy: { type: ActorType, id: string, name: string | null } } };

export type RetryDeploymentMutationVariables = Exact<{
  id: string | number;
}>;


export type RetryDeploymentMutation = { retryDeployment: { id: string, instanceId: string, status: DeploymentStatus, createdAt: string, updatedAt: string, version: number, settings: { instanceId: string, botName: string, localeId: string, voiceId: string, botAliasName: string, contactFlowName: string, queueArn: string | null, promptOverrides: string }, steps: Array<{ key: string, title: string, status: DeploymentStepStatus, startedAt: string | null, endedAt: string | null, detail: string | null, resources: Array<{ kind: string, name: string, id: string, arn: string | null, created: boolean, updated: boolean | null, rolledBack: boolean | null }>, error: { code: string, message: string, resolution: string, phase: string, at: string } | null }>, error: { step: string | null, code: string, message: string, resolution: string, phase: string, at: string } | null, createdBy: { type: ActorType, id: string, name: string | null } } };

export type RollbackDeploymentMutationVariables = Exact<{
  id: string | number;
}>;


export type RollbackDeploymentMutation = { rollbackDeployment: { id: string, instanceId: string, status: DeploymentStatus, createdAt: string, updatedAt: string, version: number, settings: { instanceId: string, botName: string, localeId: string, voiceId: string, botAliasName: string, contactFlowName: string, queueArn: string | null, promptOverrides: string }, steps: Array<{ key: string, title: string, status: DeploymentStepStatus, startedAt: string | null, endedAt: string | null, detail: string | null, resources: Array<{ kind: string, name: string, id: string, arn: string | null, created: boolean, updated: boolean | null, rolledBack: boolean | null }>, error: { code: string, message: string, resolution: string, phase: string, at: string } | null }>, error: { step: string | null, code: string, message: string, resolution: string, phase: string, at: string } | null, createdBy: { type: ActorType, id: string, name: string | null } } };

export type OnDeploymentChangedSubscriptionVariables = Exact<{
  id?: string | number | null | undefined;
}>;


export type OnDeploymentChangedSubscription = { onDeploymentChanged: { id: string, instanceId: string, status: DeploymentStatus, createdAt: string, updatedAt: string, version: number, settings: { instanceId: string, botName: string, localeId: string, voiceId: string, botAliasName: string, contactFlowName: string, queueArn: string | null, promptOverrides: string }, steps: Array<{ key: string, title: string, status: DeploymentStepStatus, startedAt: string | null, endedAt: string | null, detail: string | null, resources: Array<{ kind: string, name: string, id: string, arn: string | null, created: boolean, updated: boolean | null, rolledBack: boolean | null }>, error: { code: string, message: string, resolution: string, phase: string, at: string } | null }>, error: { step: string | null, code: string, message: string, resolution: string, phase: string, at: string } | null, createdBy: { type: ActorType, id: string, name: string | null } } | null };

export type PublishDeploymentChangedMutationVariables = Exact<{
  id: string | number;
}>;


export type PublishDeploymentChangedMutation = { publishDeploymentChanged: { id: string, instanceId: string, status: DeploymentStatus, createdAt: string, updatedAt: string, version: number, settings: { instanceId: string, botName: string, localeId: string, voiceId: string, botAliasName: string, contactFlowName: string, queueArn: string | null, promptOverrides: string }, steps: Array<{ key: string, title: string, status: DeploymentStepStatus, startedAt: string | null, endedAt: string | null, detail: string | null, resources: Array<{ kind: string, name: string, id: string, arn: string | null, created: boolean, updated: boolean | null, rolledBack: boolean | null }>, error: { code: string, message: string, resolution: string, phase: string, at: string } | null }>, error: { step: string | null, code: string, message: string, resolution: string, phase: string, at: string } | null, createdBy: { type: ActorType, id: string, name: string | null } } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const VolumeFiguresFieldsFragmentDoc = new TypedDocumentString(`
    fragment VolumeFiguresFields on VolumeFigures {
  bookings
  delivered
  failed
  returned
  cancelled
  byChannel {
    channel
    bookings
    delivered
    failed
    returned
    cancelled
  }
  failureReasons {
    reason
    count
  }
}
    `, {"fragmentName":"VolumeFiguresFields"}) as unknown as TypedDocumentString<VolumeFiguresFieldsFragment, unknown>;
export const DurationStatsFieldsFragmentDoc = new TypedDocumentString(`
    fragment DurationStatsFields on DurationStats {
  count
  averageMinutes
  p90Minutes
}
    `, {"fragmentName":"DurationStatsFields"}) as unknown as TypedDocumentString<DurationStatsFieldsFragment, unknown>;
export const RegionFiguresFieldsFragmentDoc = new TypedDocumentString(`
    fragment RegionFiguresFields on RegionFigures {
  regionId
  name
  bookings
  delivered
  failed
  cancelled
  bookingToPickup {
    ...DurationStatsFields
  }
  pickupToDelivery {
    ...DurationStatsFields
  }
  onTimeRate
  onTimeBase
  pickupOnTimeRate
  pickupBase
}
    fragment DurationStatsFields on DurationStats {
  count
  averageMinutes
  p90Minutes
}`, {"fragmentName":"RegionFiguresFields"}) as unknown as TypedDocumentString<RegionFiguresFieldsFragment, unknown>;
export const FeedbackFiguresFieldsFragmentDoc = new TypedDocumentString(`
    fragment FeedbackFiguresFields on FeedbackFigures {
  feedback
  complaints
  flagged
  ratings
  averageRating
  ratingCounts {
    rating
    count
  }
  sentiment {
    label
    count
  }
  categories {
    category
    count
    severities {
      severity
      count
    }
  }
  severities {
    severity
    count
  }
  byChannel {
    channel
    count
  }
}
    `, {"fragmentName":"FeedbackFiguresFields"}) as unknown as TypedDocumentString<FeedbackFiguresFieldsFragment, unknown>;
export const CourierFiguresFieldsFragmentDoc = new TypedDocumentString(`
    fragment CourierFiguresFields on CourierFigures {
  assigned
  delivered
  failed
  failureReasons {
    reason
    count
  }
  successRate
  averageDeliveryMinutes
  onTimeRate
  ratings
  averageRating
  complaints
  deliveriesByHour {
    hour
    count
  }
  corridors {
    from
    to
    count
  }
}
    `, {"fragmentName":"CourierFiguresFields"}) as unknown as TypedDocumentString<CourierFiguresFieldsFragment, unknown>;
export const BotFiguresFieldsFragmentDoc = new TypedDocumentString(`
    fragment BotFiguresFields on BotFigures {
  calls
  outcomes {
    outcome
    count
  }
  containmentRate
  recognitionRate
  averageTurns
  transfers {
    reason
    count
  }
  intents {
    intent
    count
  }
}
    `, {"fragmentName":"BotFiguresFields"}) as unknown as TypedDocumentString<BotFiguresFieldsFragment, unknown>;
export const ServiceAlertFieldsFragmentDoc = new TypedDocumentString(`
    fragment ServiceAlertFields on ServiceAlert {
  day
  key
  kind
  raisedAt
  message
  reference
  minutesLate
  complaints
  feedback
  rate
  threshold
  table
  recovery
}
    `, {"fragmentName":"ServiceAlertFields"}) as unknown as TypedDocumentString<ServiceAlertFieldsFragment, unknown>;
export const AddressFieldsFragmentDoc = new TypedDocumentString(`
    fragment AddressFields on Address {
  line1
  line2
  city
  region
  postcode
  country
  point {
    lat
    lng
  }
  precision
}
    `, {"fragmentName":"AddressFields"}) as unknown as TypedDocumentString<AddressFieldsFragment, unknown>;
export const BookingFieldsFragmentDoc = new TypedDocumentString(`
    fragment BookingFields on Booking {
  reference
  customerName
  customerPhone
  pickup {
    ...AddressFields
  }
  delivery {
    ...AddressFields
  }
  package {
    size
    weightKg
    handling
    description
  }
  pickupWindow {
    start
    end
  }
  status
  history {
    status
    at
    actor {
      type
      id
      name
    }
    location {
      lat
      lng
    }
    locationAccuracyM
    locationUnavailable
    note
    proof {
      signatureKey
      photoKey
      recipientName
    }
    failureReason
    receivedAt
  }
  courierId
  courierName
  partnerId
  partnerName
  eta
  channel
  createdAt
  updatedAt
  version
}
    fragment AddressFields on Address {
  line1
  line2
  city
  region
  postcode
  country
  point {
    lat
    lng
  }
  precision
}`, {"fragmentName":"BookingFields"}) as unknown as TypedDocumentString<BookingFieldsFragment, unknown>;
export const RateCardVersionFieldsFragmentDoc = new TypedDocumentString(`
    fragment RateCardVersionFields on RateCardVersion {
  version
  effectiveFrom
  rates {
    currency
    perDelivery
    perKm
    sizeSurcharges {
      size
      amount
    }
    weightSurcharges {
      overKg
      amount
    }
  }
  setAt
  setBy {
    sub
    name
  }
}
    `, {"fragmentName":"RateCardVersionFields"}) as unknown as TypedDocumentString<RateCardVersionFieldsFragment, unknown>;
export const RateCardSettingFieldsFragmentDoc = new TypedDocumentString(`
    fragment RateCardSettingFields on RateCardSetting {
  version
  inForce {
    ...RateCardVersionFields
  }
  upcoming {
    ...RateCardVersionFields
  }
}
    fragment RateCardVersionFields on RateCardVersion {
  version
  effectiveFrom
  rates {
    currency
    perDelivery
    perKm
    sizeSurcharges {
      size
      amount
    }
    weightSurcharges {
      overKg
      amount
    }
  }
  setAt
  setBy {
    sub
    name
  }
}`, {"fragmentName":"RateCardSettingFields"}) as unknown as TypedDocumentString<RateCardSettingFieldsFragment, unknown>;
export const CourierFieldsFragmentDoc = new TypedDocumentString(`
    fragment CourierFields on Courier {
  id
  name
  phone
  email
  vehicle
  active
  lastLocation {
    lat
    lng
    at
    heading
    speedKph
  }
  createdAt
  updatedAt
}
    `, {"fragmentName":"CourierFields"}) as unknown as TypedDocumentString<CourierFieldsFragment, unknown>;
export const DeliverySequenceFieldsFragmentDoc = new TypedDocumentString(`
    fragment DeliverySequenceFields on DeliverySequence {
  courierId
  day
  manual
  origin {
    lat
    lng
  }
  distances
  stops {
    reference
    kind
    status
    customerName
    address {
      ...AddressFields
    }
    point {
      lat
      lng
    }
    windowStart
    windowEnd
    plannedArrival
    lateMinutes
  }
  finishAt
  lateMinutes
  computedAt
}
    fragment AddressFields on Address {
  line1
  line2
  city
  region
  postcode
  country
  point {
    lat
    lng
  }
  precision
}`, {"fragmentName":"DeliverySequenceFields"}) as unknown as TypedDocumentString<DeliverySequenceFieldsFragment, unknown>;
export const FeedbackFieldsFragmentDoc = new TypedDocumentString(`
    fragment FeedbackFields on Feedback {
  reference
  bookingReference
  type
  rating
  text
  complaintCategory
  severity
  sentiment {
    label
    score
  }
  flagged
  courierId
  partnerId
  channel
  createdAt
}
    `, {"fragmentName":"FeedbackFields"}) as unknown as TypedDocumentString<FeedbackFieldsFragment, unknown>;
export const CourierMoveFieldsFragmentDoc = new TypedDocumentString(`
    fragment CourierMoveFields on CourierMove {
  courierId
  lat
  lng
  at
  heading
  speedKph
}
    `, {"fragmentName":"CourierMoveFields"}) as unknown as TypedDocumentString<CourierMoveFieldsFragment, unknown>;
export const PartnerFieldsFragmentDoc = new TypedDocumentString(`
    fragment PartnerFields on Partner {
  id
  name
  contactEmail
  createdAt
}
    `, {"fragmentName":"PartnerFields"}) as unknown as TypedDocumentString<PartnerFieldsFragment, unknown>;
export const PartnerTokenFieldsFragmentDoc = new TypedDocumentString(`
    fragment PartnerTokenFields on PartnerToken {
  tokenId
  partnerId
  name
  scopes
  rateLimitPerMinute
  createdAt
  createdBy {
    type
    id
    name
  }
  expiresAt
  revokedAt
  revokedBy {
    type
    id
    name
  }
}
    `, {"fragmentName":"PartnerTokenFields"}) as unknown as TypedDocumentString<PartnerTokenFieldsFragment, unknown>;
export const CompanySettingsFieldsFragmentDoc = new TypedDocumentString(`
    fragment CompanySettingsFields on CompanySettings {
  timeZone
  serviceArea
  collectionDays
  collectionHours {
    open
    close
  }
  sameDayCutoff
  maxWeightKg
  maxOversizedWeightKg
  largestSize
  requiredProof
  version
  updatedAt
  updatedBy {
    sub
    name
  }
}
    `, {"fragmentName":"CompanySettingsFields"}) as unknown as TypedDocumentString<CompanySettingsFieldsFragment, unknown>;
export const DeploymentFieldsFragmentDoc = new TypedDocumentString(`
    fragment DeploymentFields on Deployment {
  id
  instanceId
  status
  settings {
    instanceId
    botName
    localeId
    voiceId
    botAliasName
    contactFlowName
    queueArn
    promptOverrides
  }
  steps {
    key
    title
    status
    startedAt
    endedAt
    detail
    resources {
      kind
      name
      id
      arn
      created
      updated
      rolledBack
    }
    error {
      code
      message
      resolution
      phase
      at
    }
  }
  error {
    step
    code
    message
    resolution
    phase
    at
  }
  createdBy {
    type
    id
    name
  }
  createdAt
  updatedAt
  version
}
    `, {"fragmentName":"DeploymentFields"}) as unknown as TypedDocumentString<DeploymentFieldsFragment, unknown>;
export const AnalyticsVolumesDocument = new TypedDocumentString(`
    query AnalyticsVolumes($from: AWSDate!, $to: AWSDate!, $granularity: AnalyticsGranularity!) {
  analyticsVolumes(from: $from, to: $to, granularity: $granularity) {
    from
    to
    granularity
    previousFrom
    previousTo
    total {
      ...VolumeFiguresFields
    }
    previousTotal {
      ...VolumeFiguresFields
    }
    buckets {
      start
      end
      figures {
        ...VolumeFiguresFields
      }
      previous {
        bookings
      }
    }
  }
}
    fragment VolumeFiguresFields on VolumeFigures {
  bookings
  delivered
  failed
  returned
  cancelled
  byChannel {
    channel
    bookings
    delivered
    failed
    returned
    cancelled
  }
  failureReasons {
    reason
    count
  }
}`) as unknown as TypedDocumentString<AnalyticsVolumesQuery, AnalyticsVolumesQueryVariables>;
export const AnalyticsRegionsDocument = new TypedDocumentString(`
    query AnalyticsRegions($from: AWSDate!, $to: AWSDate!) {
  analyticsRegions(from: $from, to: $to) {
    from
    to
    regions {
      ...RegionFiguresFields
    }
    total {
      ...RegionFiguresFields
    }
  }
}
    fragment DurationStatsFields on DurationStats {
  count
  averageMinutes
  p90Minutes
}
fragment RegionFiguresFields on RegionFigures {
  regionId
  name
  bookings
  delivered
  failed
  cancelled
  bookingToPickup {
    ...DurationStatsFields
  }
  pickupToDelivery {
    ...DurationStatsFields
  }
  onTimeRate
  onTimeBase
  pickupOnTimeRate
  pickupBase
}`) as unknown as TypedDocumentString<AnalyticsRegionsQuery, AnalyticsRegionsQueryVariables>;
export const AnalyticsFeedbackDocument = new TypedDocumentString(`
    query AnalyticsFeedback($from: AWSDate!, $to: AWSDate!, $granularity: AnalyticsGranularity!) {
  analyticsFeedback(from: $from, to: $to, granularity: $granularity) {
    from
    to
    granularity
    total {
      ...FeedbackFiguresFields
    }
    buckets {
      start
      end
      figures {
        ...FeedbackFiguresFields
      }
    }
  }
}
    fragment FeedbackFiguresFields on FeedbackFigures {
  feedback
  complaints
  flagged
  ratings
  averageRating
  ratingCounts {
    rating
    count
  }
  sentiment {
    label
    count
  }
  categories {
    category
    count
    severities {
      severity
      count
    }
  }
  severities {
    severity
    count
  }
  byChannel {
    channel
    count
  }
}`) as unknown as TypedDocumentString<AnalyticsFeedbackQuery, AnalyticsFeedbackQueryVariables>;
export const AnalyticsFeedbackCommentsDocument = new TypedDocumentString(`
    query AnalyticsFeedbackComments($from: AWSDate!, $to: AWSDate!, $type: FeedbackType, $category: ComplaintCategory, $severity: Severity, $sentiment: SentimentLabel, $rating: Int, $limit: Int, $nextToken: String) {
  analyticsFeedbackComments(
    from: $from
    to: $to
    type: $type
    category: $category
    severity: $severity
    sentiment: $sentiment
    rating: $rating
    limit: $limit
    nextToken: $nextToken
  ) {
    items {
      reference
      bookingReference
      type
      rating
      text
      complaintCategory
      severity
      sentiment {
        label
        score
      }
      flagged
      courierId
      partnerId
      channel
      createdAt
    }
    nextToken
  }
}
    `) as unknown as TypedDocumentString<AnalyticsFeedbackCommentsQuery, AnalyticsFeedbackCommentsQueryVariables>;
export const AnalyticsRoutesDocument = new TypedDocumentString(`
    query AnalyticsRoutes($from: AWSDate!, $to: AWSDate!) {
  analyticsRoutes(from: $from, to: $to) {
    from
    to
    days
    corridors {
      from
      to
      fromName
      toName
      bookings
      perDay
    }
    pickupsByHour {
      hour
      count
    }
    deliveriesByHour {
      hour
      count
    }
    busiestSlots {
      regionId
      name
      hour
      pickups
      perDay
      collected
      late
      lateRate
    }
    suggestions {
      kind
      title
      detail
      figures {
        label
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AnalyticsRoutesQuery, AnalyticsRoutesQueryVariables>;
export const AnalyticsHeatMapDocument = new TypedDocumentString(`
    query AnalyticsHeatMap($from: AWSDate!, $to: AWSDate!) {
  analyticsHeatMap(from: $from, to: $to) {
    from
    to
    requested
    delivered
    cells {
      lat
      lng
      requested
      delivered
    }
  }
}
    `) as unknown as TypedDocumentString<AnalyticsHeatMapQuery, AnalyticsHeatMapQueryVariables>;
export const AnalyticsFleetDocument = new TypedDocumentString(`
    query AnalyticsFleet($from: AWSDate!, $to: AWSDate!) {
  analyticsFleet(from: $from, to: $to) {
    courierId
    delivered
    failed
    successRate
    averageDeliveryMinutes
    onTimeRate
    ratings
    averageRating
  }
}
    `) as unknown as TypedDocumentString<AnalyticsFleetQuery, AnalyticsFleetQueryVariables>;
export const PartnerAnalyticsDocument = new TypedDocumentString(`
    query PartnerAnalytics($from: AWSDate!, $to: AWSDate!, $partnerId: ID) {
  partnerAnalytics(from: $from, to: $to, partnerId: $partnerId) {
    partnerId
    name
    bookings
    delivered
    failed
    cancelled
    successRate
    onTimeRate
    feedback
    complaints
    averageRating
    calls
    errors
    rateLimited
    mcpCalls
    graphqlCalls
  }
}
    `) as unknown as TypedDocumentString<PartnerAnalyticsQuery, PartnerAnalyticsQueryVariables>;
export const CourierPerformanceDocument = new TypedDocumentString(`
    query CourierPerformance($from: AWSDate!, $to: AWSDate!, $granularity: AnalyticsGranularity!, $courierId: ID) {
  courierPerformance(
    from: $from
    to: $to
    granularity: $granularity
    courierId: $courierId
  ) {
    courierId
    from
    to
    granularity
    total {
      ...CourierFiguresFields
    }
    buckets {
      start
      end
      figures {
        ...CourierFiguresFields
      }
    }
    rankings {
      measure
      position
      of
      value
      peers
    }
  }
}
    fragment CourierFiguresFields on CourierFigures {
  assigned
  delivered
  failed
  failureReasons {
    reason
    count
  }
  successRate
  averageDeliveryMinutes
  onTimeRate
  ratings
  averageRating
  complaints
  deliveriesByHour {
    hour
    count
  }
  corridors {
    from
    to
    count
  }
}`) as unknown as TypedDocumentString<CourierPerformanceQuery, CourierPerformanceQueryVariables>;
export const AnalyticsBotDocument = new TypedDocumentString(`
    query AnalyticsBot($from: AWSDate!, $to: AWSDate!, $granularity: AnalyticsGranularity!) {
  analyticsBot(from: $from, to: $to, granularity: $granularity) {
    from
    to
    granularity
    total {
      ...BotFiguresFields
    }
    buckets {
      start
      end
      figures {
        ...BotFiguresFields
      }
    }
    missedUtterances {
      text
      count
    }
    reaskedSlots {
      slot
      count
    }
  }
}
    fragment BotFiguresFields on BotFigures {
  calls
  outcomes {
    outcome
    count
  }
  containmentRate
  recognitionRate
  averageTurns
  transfers {
    reason
    count
  }
  intents {
    intent
    count
  }
}`) as unknown as TypedDocumentString<AnalyticsBotQuery, AnalyticsBotQueryVariables>;
export const AnalyticsLexDocument = new TypedDocumentString(`
    query AnalyticsLex($from: AWSDate!, $to: AWSDate!) {
  analyticsLex(from: $from, to: $to) {
    from
    to
    state
    detail
    botId
    botAliasId
    conversations
    success
    failure
    dropped
    averageTurns
    intents {
      intent
      count
      success
      failure
      switched
      dropped
    }
    stages {
      intent
      stage
      count
      success
      failed
      dropped
      retried
    }
  }
}
    `) as unknown as TypedDocumentString<AnalyticsLexQuery, AnalyticsLexQueryVariables>;
export const ServiceAlertsDocument = new TypedDocumentString(`
    query ServiceAlerts($day: AWSDate!) {
  serviceAlerts(day: $day) {
    ...ServiceAlertFields
  }
}
    fragment ServiceAlertFields on ServiceAlert {
  day
  key
  kind
  raisedAt
  message
  reference
  minutesLate
  complaints
  feedback
  rate
  threshold
  table
  recovery
}`) as unknown as TypedDocumentString<ServiceAlertsQuery, ServiceAlertsQueryVariables>;
export const AlertSettingsDocument = new TypedDocumentString(`
    query AlertSettings {
  alertSettings {
    complaintRateThreshold
    minFeedback
    lateGraceMinutes
    version
    updatedAt
    updatedBy
  }
}
    `) as unknown as TypedDocumentString<AlertSettingsQuery, AlertSettingsQueryVariables>;
export const UpdateAlertSettingsDocument = new TypedDocumentString(`
    mutation UpdateAlertSettings($complaintRateThreshold: Float!, $minFeedback: Int!, $lateGraceMinutes: Int!, $expectedVersion: Int!) {
  updateAlertSettings(
    complaintRateThreshold: $complaintRateThreshold
    minFeedback: $minFeedback
    lateGraceMinutes: $lateGraceMinutes
    expectedVersion: $expectedVersion
  ) {
    complaintRateThreshold
    minFeedback
    lateGraceMinutes
    version
    updatedAt
    updatedBy
  }
}
    `) as unknown as TypedDocumentString<UpdateAlertSettingsMutation, UpdateAlertSettingsMutationVariables>;
export const PublishAlertRaisedDocument = new TypedDocumentString(`
    mutation PublishAlertRaised($day: AWSDate!, $key: String!) {
  publishAlertRaised(day: $day, key: $key) {
    ...ServiceAlertFields
  }
}
    fragment ServiceAlertFields on ServiceAlert {
  day
  key
  kind
  raisedAt
  message
  reference
  minutesLate
  complaints
  feedback
  rate
  threshold
  table
  recovery
}`) as unknown as TypedDocumentString<PublishAlertRaisedMutation, PublishAlertRaisedMutationVariables>;
export const OnAlertRaisedDocument = new TypedDocumentString(`
    subscription OnAlertRaised {
  onAlertRaised {
    ...ServiceAlertFields
  }
}
    fragment ServiceAlertFields on ServiceAlert {
  day
  key
  kind
  raisedAt
  message
  reference
  minutesLate
  complaints
  feedback
  rate
  threshold
  table
  recovery
}`) as unknown as TypedDocumentString<OnAlertRaisedSubscription, OnAlertRaisedSubscriptionVariables>;
export const ExecutiveSummariesDocument = new TypedDocumentString(`
    query ExecutiveSummaries {
  executiveSummaries {
    week
    from
    to
    generatedAt
    url
  }
}
    `) as unknown as TypedDocumentString<ExecutiveSummariesQuery, ExecutiveSummariesQueryVariables>;
export const GenerateExecutiveSummaryDocument = new TypedDocumentString(`
    mutation GenerateExecutiveSummary($week: AWSDate!) {
  generateExecutiveSummary(week: $week) {
    week
    from
    to
    generatedAt
    url
  }
}
    `) as unknown as TypedDocumentString<GenerateExecutiveSummaryMutation, GenerateExecutiveSummaryMutationVariables>;
export const GetBookingDocument = new TypedDocumentString(`
    query GetBooking($reference: String!) {
  getBooking(reference: $reference) {
    ...BookingFields
  }
}
    fragment AddressFields on Address {
  line1
  line2
  city
  region
  postcode
  country
  point {
    lat
    lng
  }
  precision
}
fragment BookingFields on Booking {
  reference
  customerName
  customerPhone
  pickup {
    ...AddressFields
  }
  delivery {
    ...AddressFields
  }
  package {
    size
    weightKg
    handling
    description
  }
  pickupWindow {
    start
    end
  }
  status
  history {
    status
    at
    actor {
      type
      id
      name
    }
    location {
      lat
      lng
    }
    locationAccuracyM
    locationUnavailable
    note
    proof {
      signatureKey
      photoKey
      recipientName
    }
    failureReason
    receivedAt
  }
  courierId
  courierName
  partnerId
  partnerName
  eta
  channel
  createdAt
  updatedAt
  version
}`) as unknown as TypedDocumentString<GetBookingQuery, GetBookingQueryVariables>;
export const ListBookingsDocument = new TypedDocumentString(`
    query ListBookings($day: AWSDate, $status: BookingStatus, $courierId: ID, $partnerId: ID, $limit: Int, $nextToken: String) {
  listBookings(
    day: $day
    status: $status
    courierId: $courierId
    partnerId: $partnerId
    limit: $limit
    nextToken: $nextToken
  ) {
    items {
      ...BookingFields
    }
    nextToken
  }
}
    fragment AddressFields on Address {
  line1
  line2
  city
  region
  postcode
  country
  point {
    lat
    lng
  }
  precision
}
fragment BookingFields on Booking {
  reference
  customerName
  customerPhone
  pickup {
    ...AddressFields
  }
  delivery {
    ...AddressFields
  }
  package {
    size
    weightKg
    handling
    description
  }
  pickupWindow {
    start
    end
  }
  status
  history {
    status
    at
    actor {
      type
      id
      name
    }
    location {
      lat
      lng
    }
    locationAccuracyM
    locationUnavailable
    note
    proof {
      signatureKey
      photoKey
      recipientName
    }
    failureReason
    receivedAt
  }
  courierId
  courierName
  partnerId
  partnerName
  eta
  channel
  createdAt
  updatedAt
  version
}`) as unknown as TypedDocumentString<ListBookingsQuery, ListBookingsQueryVariables>;
export const BookCourierDocument = new TypedDocumentString(`
    mutation BookCourier($customerName: String!, $customerPhone: String!, $pickup: NewAddressInput!, $delivery: NewAddressInput!, $package: NewPackageInput!, $pickupWindowStart: AWSDateTime!, $pickupWindowEnd: AWSDateTime!, $partnerId: ID, $idempotencyKey: String) {
  bookCourier(
    customerName: $customerName
    customerPhone: $customerPhone
    pickup: $pickup
    delivery: $delivery
    package: $package
    pickupWindowStart: $pickupWindowStart
    pickupWindowEnd: $pickupWindowEnd
    partnerId: $partnerId
    idempotencyKey: $idempotencyKey
  ) {
    ...BookingFields
  }
}
    fragment AddressFields on Address {
  line1
  line2
  city
  region
  postcode
  country
  point {
    lat
    lng
  }
  precision
}
fragment BookingFields on Booking {
  reference
  customerName
  customerPhone
  pickup {
    ...AddressFields
  }
  delivery {
    ...AddressFields
  }
  package {
    size
    weightKg
    handling
    description
  }
  pickupWindow {
    start
    end
  }
  status
  history {
    status
    at
    actor {
      type
      id
      name
    }
    location {
      lat
      lng
    }
    locationAccuracyM
    locationUnavailable
    note
    proof {
      signatureKey
      photoKey
      recipientName
    }
    failureReason
    receivedAt
  }
  courierId
  courierName
  partnerId
  partnerName
  eta
  channel
  createdAt
  updatedAt
  version
}`) as unknown as TypedDocumentString<BookCourierMutation, BookCourierMutationVariables>;
export const AssignCourierDocument = new TypedDocumentString(`
    mutation AssignCourier($reference: String!, $courierId: ID!) {
  assignCourier(reference: $reference, courierId: $courierId) {
    ...BookingFields
  }
}
    fragment AddressFields on Address {
  line1
  line2
  city
  region
  postcode
  country
  point {
    lat
    lng
  }
  precision
}
fragment BookingFields on Booking {
  reference
  customerName
  customerPhone
  pickup {
    ...AddressFields
  }
  delivery {
    ...AddressFields
  }
  package {
    size
    weightKg
    handling
    description
  }
  pickupWindow {
    start
    end
  }
  status
  history {
    status
    at
    actor {
      type
      id
      name
    }
    location {
      lat
      lng
    }
    locationAccuracyM
    locationUnavailable
    note
    proof {
      signatureKey
      photoKey
      recipientName
    }
    failureReason
    receivedAt
  }
  courierId
  courierName
  partnerId
  partnerName
  eta
  channel
  createdAt
  updatedAt
  version
}`) as unknown as TypedDocumentString<AssignCourierMutation, AssignCourierMutationVariables>;
export const UpdateDeliveryStatusDocument = new TypedDocumentString(`
    mutation UpdateDeliveryStatus($reference: String!, $status: BookingStatus!, $lat: Float, $lng: Float, $note: String, $recipientName: String, $signatureKey: String, $photoKey: String, $failureReason: FailureReason, $expectedVersion: Int, $locationAccuracyM: Float, $locationUnavailable: LocationUnavailable, $at: AWSDateTime, $idempotencyKey: String) {
  updateDeliveryStatus(
    reference: $reference
    status: $status
    lat: $lat
    lng: $lng
    note: $note
    recipientName: $recipientName
    signatureKey: $signatureKey
    photoKey: $photoKey
    failureReason: $failureReason
    expectedVersion: $expectedVersion
    locationAccuracyM: $locationAccuracyM
    locationUnavailable: $locationUnavailable
    at: $at
    idempotencyKey: $idempotencyKey
  ) {
    ...BookingFields
  }
}
    fragment AddressFields on Address {
  line1
  line2
  city
  region
  postcode
  country
  point {
    lat
    lng
  }
  precision
}
fragment BookingFields on Booking {
  reference
  customerName
  customerPhone
  pickup {
    ...AddressFields
  }
  delivery {
    ...AddressFields
  }
  package {
    size
    weightKg
    handling
    description
  }
  pickupWindow {
    start
    end
  }
  status
  history {
    status
    at
    actor {
      type
      id
      name
    }
    location {
      lat
      lng
    }
    locationAccuracyM
    locationUnavailable
    note
    proof {
      signatureKey
      photoKey
      recipientName
    }
    failureReason
    receivedAt
  }
  courierId
  courierName
  partnerId
  partnerName
  eta
  channel
  createdAt
  updatedAt
  version
}`) as unknown as TypedDocumentString<UpdateDeliveryStatusMutation, UpdateDeliveryStatusMutationVariables>;
export const CancelBookingDocument = new TypedDocumentString(`
    mutation CancelBooking($reference: String!, $reason: String) {
  cancelBooking(reference: $reference, reason: $reason) {
    ...BookingFields
  }
}
    fragment AddressFields on Address {
  line1
  line2
  city
  region
  postcode
  country
  point {
    lat
    lng
  }
  precision
}
fragment BookingFields on Booking {
  reference
  customerName
  customerPhone
  pickup {
    ...AddressFields
  }
  delivery {
    ...AddressFields
  }
  package {
    size
    weightKg
    handling
    description
  }
  pickupWindow {
    start
    end
  }
  status
  history {
    status
    at
    actor {
      type
      id
      name
    }
    location {
      lat
      lng
    }
    locationAccuracyM
    locationUnavailable
    note
    proof {
      signatureKey
      photoKey
      recipientName
    }
    failureReason
    receivedAt
  }
  courierId
  courierName
  partnerId
  partnerName
  eta
  channel
  createdAt
  updatedAt
  version
}`) as unknown as TypedDocumentString<CancelBookingMutation, CancelBookingMutationVariables>;
export const UpdatePickupWindowDocument = new TypedDocumentString(`
    mutation UpdatePickupWindow($reference: String!, $pickupWindowStart: AWSDateTime!, $pickupWindowEnd: AWSDateTime!) {
  updatePickupWindow(
    reference: $reference
    pickupWindowStart: $pickupWindowStart
    pickupWindowEnd: $pickupWindowEnd
  ) {
    ...BookingFields
  }
}
    fragment AddressFields on Address {
  line1
  line2
  city
  region
  postcode
  country
  point {
    lat
    lng
  }
  precision
}
fragment BookingFields on Booking {
  reference
  customerName
  customerPhone
  pickup {
    ...AddressFields
  }
  delivery {
    ...AddressFields
  }
  package {
    size
    weightKg
    handling
    description
  }
  pickupWindow {
    start
    end
  }
  status
  history {
    status
    at
    actor {
      type
      id
      name
    }
    location {
      lat
      lng
    }
    locationAccuracyM
    locationUnavailable
    note
    proof {
      signatureKey
      photoKey
      recipientName
    }
    failureReason
    receivedAt
  }
  courierId
  courierName
  partnerId
  partnerName
  eta
  channel
  createdAt
  updatedAt
  version
}`) as unknown as TypedDocumentString<UpdatePickupWindowMutation, UpdatePickupWindowMutationVariables>;
export const ListStatusEventsDocument = new TypedDocumentString(`
    query ListStatusEvents($since: String, $limit: Int, $partnerId: ID) {
  listStatusEvents(since: $since, limit: $limit, partnerId: $partnerId) {
    events {
      reference
      status
      at
      actor {
        type
        id
        name
      }
      note
      failureReason
    }
    cursor
    hasMore
  }
}
    `) as unknown as TypedDocumentString<ListStatusEventsQuery, ListStatusEventsQueryVariables>;
export const RateCardDocument = new TypedDocumentString(`
    query RateCard {
  rateCard {
    ...RateCardSettingFields
  }
}
    fragment RateCardVersionFields on RateCardVersion {
  version
  effectiveFrom
  rates {
    currency
    perDelivery
    perKm
    sizeSurcharges {
      size
      amount
    }
    weightSurcharges {
      overKg
      amount
    }
  }
  setAt
  setBy {
    sub
    name
  }
}
fragment RateCardSettingFields on RateCardSetting {
  version
  inForce {
    ...RateCardVersionFields
  }
  upcoming {
    ...RateCardVersionFields
  }
}`) as unknown as TypedDocumentString<RateCardQuery, RateCardQueryVariables>;
export const SetRateCardDocument = new TypedDocumentString(`
    mutation SetRateCard($rates: RateCardRatesInput, $effectiveFrom: AWSDate, $expectedVersion: Int!) {
  setRateCard(
    rates: $rates
    effectiveFrom: $effectiveFrom
    expectedVersion: $expectedVersion
  ) {
    ...RateCardSettingFields
  }
}
    fragment RateCardVersionFields on RateCardVersion {
  version
  effectiveFrom
  rates {
    currency
    perDelivery
    perKm
    sizeSurcharges {
      size
      amount
    }
    weightSurcharges {
      overKg
      amount
    }
  }
  setAt
  setBy {
    sub
    name
  }
}
fragment RateCardSettingFields on RateCardSetting {
  version
  inForce {
    ...RateCardVersionFields
  }
  upcoming {
    ...RateCardVersionFields
  }
}`) as unknown as TypedDocumentString<SetRateCardMutation, SetRateCardMutationVariables>;
export const CourierEarningsDocument = new TypedDocumentString(`
    query CourierEarnings($from: AWSDate!, $to: AWSDate!, $courierId: ID) {
  courierEarnings(from: $from, to: $to, courierId: $courierId) {
    courierId
    from
    to
    currency
    deliveries
    km
    perDelivery
    distance
    sizeSurcharges
    weightSurcharges
    total
    stretches {
      from
      to
      version
    }
  }
}
    `) as unknown as TypedDocumentString<CourierEarningsQuery, CourierEarningsQueryVariables>;
export const CourierSuggestionsDocument = new TypedDocumentString(`
    query CourierSuggestions($from: AWSDate!, $to: AWSDate!, $courierId: ID) {
  courierSuggestions(from: $from, to: $to, courierId: $courierId) {
    kind
    title
    detail
    figures {
      label
      value
    }
  }
}
    `) as unknown as TypedDocumentString<CourierSuggestionsQuery, CourierSuggestionsQueryVariables>;
export const CourierDeliveryHistoryDocument = new TypedDocumentString(`
    query CourierDeliveryHistory($courierId: ID, $search: String, $status: BookingStatus, $from: AWSDate, $to: AWSDate, $limit: Int, $nextToken: String) {
  courierDeliveryHistory(
    courierId: $courierId
    search: $search
    status: $status
    from: $from
    to: $to
    limit: $limit
    nextToken: $nextToken
  ) {
    items {
      ...BookingFields
    }
    nextToken
  }
}
    fragment AddressFields on Address {
  line1
  line2
  city
  region
  postcode
  country
  point {
    lat
    lng
  }
  precision
}
fragment BookingFields on Booking {
  reference
  customerName
  customerPhone
  pickup {
    ...AddressFields
  }
  delivery {
    ...AddressFields
  }
  package {
    size
    weightKg
    handling
    description
  }
  pickupWindow {
    start
    end
  }
  status
  history {
    status
    at
    actor {
      type
      id
      name
    }
    location {
      lat
      lng
    }
    locationAccuracyM
    locationUnavailable
    note
    proof {
      signatureKey
      photoKey
      recipientName
    }
    failureReason
    receivedAt
  }
  courierId
  courierName
  partnerId
  partnerName
  eta
  channel
  createdAt
  updatedAt
  version
}`) as unknown as TypedDocumentString<CourierDeliveryHistoryQuery, CourierDeliveryHistoryQueryVariables>;
export const CourierFeedbackDocument = new TypedDocumentString(`
    query CourierFeedback($courierId: ID, $limit: Int, $nextToken: String) {
  courierFeedback(courierId: $courierId, limit: $limit, nextToken: $nextToken) {
    items {
      ...FeedbackFields
    }
    nextToken
  }
}
    fragment FeedbackFields on Feedback {
  reference
  bookingReference
  type
  rating
  text
  complaintCategory
  severity
  sentiment {
    label
    score
  }
  flagged
  courierId
  partnerId
  channel
  createdAt
}`) as unknown as TypedDocumentString<CourierFeedbackQuery, CourierFeedbackQueryVariables>;
export const ListCouriersDocument = new TypedDocumentString(`
    query ListCouriers($limit: Int, $nextToken: String) {
  listCouriers(limit: $limit, nextToken: $nextToken) {
    items {
      ...CourierFields
    }
    nextToken
  }
}
    fragment CourierFields on Courier {
  id
  name
  phone
  email
  vehicle
  active
  lastLocation {
    lat
    lng
    at
    heading
    speedKph
  }
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<ListCouriersQuery, ListCouriersQueryVariables>;
export const GetCourierDocument = new TypedDocumentString(`
    query GetCourier($id: ID!) {
  getCourier(id: $id) {
    ...CourierFields
  }
}
    fragment CourierFields on Courier {
  id
  name
  phone
  email
  vehicle
  active
  lastLocation {
    lat
    lng
    at
    heading
    speedKph
  }
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<GetCourierQuery, GetCourierQueryVariables>;
export const UpdateCourierLocationDocument = new TypedDocumentString(`
    mutation UpdateCourierLocation($lat: Float!, $lng: Float!, $heading: Float, $speedKph: Float) {
  updateCourierLocation(
    lat: $lat
    lng: $lng
    heading: $heading
    speedKph: $speedKph
  ) {
    ...CourierFields
  }
}
    fragment CourierFields on Courier {
  id
  name
  phone
  email
  vehicle
  active
  lastLocation {
    lat
    lng
    at
    heading
    speedKph
  }
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<UpdateCourierLocationMutation, UpdateCourierLocationMutationVariables>;
export const DashboardDocument = new TypedDocumentString(`
    query Dashboard($day: AWSDate) {
  dashboard(day: $day) {
    day
    generatedAt
    health {
      api
      database
      lastChangeFeedEventAt
      lastVoiceCallAt
      voicebot {
        state
        detail
      }
      dependencies {
        name
        state
        since
        fallback
        lastError
      }
    }
    kpis {
      bookings
      statusCounts {
        status
        count
      }
      inTransit
      delivered
      failed
      deliverySuccessRate
      averageDeliveryMinutes
      averageRating
      satisfiedShare
      ratings
      feedback
      complaints
      flaggedComplaints
      voiceBookings
      voiceFeedback
      callsHandled
    }
    alerts {
      complaints {
        ...FeedbackFields
      }
      delayed {
        reference
        eta
        status
        courierId
        minutesLate
      }
    }
  }
}
    fragment FeedbackFields on Feedback {
  reference
  bookingReference
  type
  rating
  text
  complaintCategory
  severity
  sentiment {
    label
    score
  }
  flagged
  courierId
  partnerId
  channel
  createdAt
}`) as unknown as TypedDocumentString<DashboardQuery, DashboardQueryVariables>;
export const SuggestedSequenceDocument = new TypedDocumentString(`
    query SuggestedSequence($lat: Float, $lng: Float, $courierId: ID) {
  suggestedSequence(lat: $lat, lng: $lng, courierId: $courierId) {
    ...DeliverySequenceFields
  }
}
    fragment AddressFields on Address {
  line1
  line2
  city
  region
  postcode
  country
  point {
    lat
    lng
  }
  precision
}
fragment DeliverySequenceFields on DeliverySequence {
  courierId
  day
  manual
  origin {
    lat
    lng
  }
  distances
  stops {
    reference
    kind
    status
    customerName
    address {
      ...AddressFields
    }
    point {
      lat
      lng
    }
    windowStart
    windowEnd
    plannedArrival
    lateMinutes
  }
  finishAt
  lateMinutes
  computedAt
}`) as unknown as TypedDocumentString<SuggestedSequenceQuery, SuggestedSequenceQueryVariables>;
export const SetDeliverySequenceDocument = new TypedDocumentString(`
    mutation SetDeliverySequence($stops: [StopKeyInput!]!, $lat: Float, $lng: Float, $courierId: ID) {
  setDeliverySequence(stops: $stops, lat: $lat, lng: $lng, courierId: $courierId) {
    ...DeliverySequenceFields
  }
}
    fragment AddressFields on Address {
  line1
  line2
  city
  region
  postcode
  country
  point {
    lat
    lng
  }
  precision
}
fragment DeliverySequenceFields on DeliverySequence {
  courierId
  day
  manual
  origin {
    lat
    lng
  }
  distances
  stops {
    reference
    kind
    status
    customerName
    address {
      ...AddressFields
    }
    point {
      lat
      lng
    }
    windowStart
    windowEnd
    plannedArrival
    lateMinutes
  }
  finishAt
  lateMinutes
  computedAt
}`) as unknown as TypedDocumentString<SetDeliverySequenceMutation, SetDeliverySequenceMutationVariables>;
export const ResetDeliverySequenceDocument = new TypedDocumentString(`
    mutation ResetDeliverySequence($lat: Float, $lng: Float, $courierId: ID) {
  resetDeliverySequence(lat: $lat, lng: $lng, courierId: $courierId) {
    ...DeliverySequenceFields
  }
}
    fragment AddressFields on Address {
  line1
  line2
  city
  region
  postcode
  country
  point {
    lat
    lng
  }
  precision
}
fragment DeliverySequenceFields on DeliverySequence {
  courierId
  day
  manual
  origin {
    lat
    lng
  }
  distances
  stops {
    reference
    kind
    status
    customerName
    address {
      ...AddressFields
    }
    point {
      lat
      lng
    }
    windowStart
    windowEnd
    plannedArrival
    lateMinutes
  }
  finishAt
  lateMinutes
  computedAt
}`) as unknown as TypedDocumentString<ResetDeliverySequenceMutation, ResetDeliverySequenceMutationVariables>;
export const ListFeedbackDocument = new TypedDocumentString(`
    query ListFeedback($bookingReference: String, $day: AWSDate, $courierId: ID, $flaggedOnly: Boolean, $limit: Int, $nextToken: String) {
  listFeedback(
    bookingReference: $bookingReference
    day: $day
    courierId: $courierId
    flaggedOnly: $flaggedOnly
    limit: $limit
    nextToken: $nextToken
  ) {
    items {
      ...FeedbackFields
    }
    nextToken
  }
}
    fragment FeedbackFields on Feedback {
  reference
  bookingReference
  type
  rating
  text
  complaintCategory
  severity
  sentiment {
    label
    score
  }
  flagged
  courierId
  partnerId
  channel
  createdAt
}`) as unknown as TypedDocumentString<ListFeedbackQuery, ListFeedbackQueryVariables>;
export const SubmitFeedbackDocument = new TypedDocumentString(`
    mutation SubmitFeedback($bookingReference: String!, $type: FeedbackType!, $rating: Int, $text: String!, $complaintCategory: ComplaintCategory, $severity: Severity) {
  submitFeedback(
    bookingReference: $bookingReference
    type: $type
    rating: $rating
    text: $text
    complaintCategory: $complaintCategory
    severity: $severity
  ) {
    ...FeedbackFields
  }
}
    fragment FeedbackFields on Feedback {
  reference
  bookingReference
  type
  rating
  text
  complaintCategory
  severity
  sentiment {
    label
    score
  }
  flagged
  courierId
  partnerId
  channel
  createdAt
}`) as unknown as TypedDocumentString<SubmitFeedbackMutation, SubmitFeedbackMutationVariables>;
export const OnBookingChangedDocument = new TypedDocumentString(`
    subscription OnBookingChanged($courierId: ID, $partnerId: ID) {
  onBookingChanged(courierId: $courierId, partnerId: $partnerId) {
    ...BookingFields
  }
}
    fragment AddressFields on Address {
  line1
  line2
  city
  region
  postcode
  country
  point {
    lat
    lng
  }
  precision
}
fragment BookingFields on Booking {
  reference
  customerName
  customerPhone
  pickup {
    ...AddressFields
  }
  delivery {
    ...AddressFields
  }
  package {
    size
    weightKg
    handling
    description
  }
  pickupWindow {
    start
    end
  }
  status
  history {
    status
    at
    actor {
      type
      id
      name
    }
    location {
      lat
      lng
    }
    locationAccuracyM
    locationUnavailable
    note
    proof {
      signatureKey
      photoKey
      recipientName
    }
    failureReason
    receivedAt
  }
  courierId
  courierName
  partnerId
  partnerName
  eta
  channel
  createdAt
  updatedAt
  version
}`) as unknown as TypedDocumentString<OnBookingChangedSubscription, OnBookingChangedSubscriptionVariables>;
export const OnCourierMovedDocument = new TypedDocumentString(`
    subscription OnCourierMoved($courierId: ID) {
  onCourierMoved(courierId: $courierId) {
    ...CourierMoveFields
  }
}
    fragment CourierMoveFields on CourierMove {
  courierId
  lat
  lng
  at
  heading
  speedKph
}`) as unknown as TypedDocumentString<OnCourierMovedSubscription, OnCourierMovedSubscriptionVariables>;
export const PublishBookingChangedDocument = new TypedDocumentString(`
    mutation PublishBookingChanged($reference: String!) {
  publishBookingChanged(reference: $reference) {
    ...BookingFields
  }
}
    fragment AddressFields on Address {
  line1
  line2
  city
  region
  postcode
  country
  point {
    lat
    lng
  }
  precision
}
fragment BookingFields on Booking {
  reference
  customerName
  customerPhone
  pickup {
    ...AddressFields
  }
  delivery {
    ...AddressFields
  }
  package {
    size
    weightKg
    handling
    description
  }
  pickupWindow {
    start
    end
  }
  status
  history {
    status
    at
    actor {
      type
      id
      name
    }
    location {
      lat
      lng
    }
    locationAccuracyM
    locationUnavailable
    note
    proof {
      signatureKey
      photoKey
      recipientName
    }
    failureReason
    receivedAt
  }
  courierId
  courierName
  partnerId
  partnerName
  eta
  channel
  createdAt
  updatedAt
  version
}`) as unknown as TypedDocumentString<PublishBookingChangedMutation, PublishBookingChangedMutationVariables>;
export const PublishCourierMovedDocument = new TypedDocumentString(`
    mutation PublishCourierMoved($courierId: ID!, $lat: Float!, $lng: Float!, $at: AWSDateTime!, $heading: Float, $speedKph: Float) {
  publishCourierMoved(
    courierId: $courierId
    lat: $lat
    lng: $lng
    at: $at
    heading: $heading
    speedKph: $speedKph
  ) {
    ...CourierMoveFields
  }
}
    fragment CourierMoveFields on CourierMove {
  courierId
  lat
  lng
  at
  heading
  speedKph
}`) as unknown as TypedDocumentString<PublishCourierMovedMutation, PublishCourierMovedMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    sub
    email
    role
    courierId
    partnerId
    displayName
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const SentMessagesDocument = new TypedDocumentString(`
    query SentMessages($bookingReference: String, $limit: Int, $nextToken: String) {
  sentMessages(
    bookingReference: $bookingReference
    limit: $limit
    nextToken: $nextToken
  ) {
    items {
      id
      sentAt
      phone
      bookingReference
      kind
      text
      trackingUrl
      delivery
    }
    nextToken
  }
}
    `) as unknown as TypedDocumentString<SentMessagesQuery, SentMessagesQueryVariables>;
export const AdminNoticesDocument = new TypedDocumentString(`
    query AdminNotices($limit: Int, $nextToken: String) {
  adminNotices(limit: $limit, nextToken: $nextToken) {
    items {
      id
      sentAt
      kind
      subject
      text
      path
      delivery
    }
    nextToken
  }
}
    `) as unknown as TypedDocumentString<AdminNoticesQuery, AdminNoticesQueryVariables>;
export const CreatePartnerDocument = new TypedDocumentString(`
    mutation CreatePartner($id: ID, $name: String!, $contactEmail: String!) {
  createPartner(id: $id, name: $name, contactEmail: $contactEmail) {
    ...PartnerFields
  }
}
    fragment PartnerFields on Partner {
  id
  name
  contactEmail
  createdAt
}`) as unknown as TypedDocumentString<CreatePartnerMutation, CreatePartnerMutationVariables>;
export const ListPartnersDocument = new TypedDocumentString(`
    query ListPartners {
  listPartners {
    ...PartnerFields
  }
}
    fragment PartnerFields on Partner {
  id
  name
  contactEmail
  createdAt
}`) as unknown as TypedDocumentString<ListPartnersQuery, ListPartnersQueryVariables>;
export const GetPartnerDocument = new TypedDocumentString(`
    query GetPartner($id: ID!) {
  getPartner(id: $id) {
    ...PartnerFields
  }
}
    fragment PartnerFields on Partner {
  id
  name
  contactEmail
  createdAt
}`) as unknown as TypedDocumentString<GetPartnerQuery, GetPartnerQueryVariables>;
export const IssuePartnerTokenDocument = new TypedDocumentString(`
    mutation IssuePartnerToken($partnerId: ID!, $name: String!, $scopes: [String!]!, $expiresAt: AWSDateTime!, $rateLimitPerMinute: Int) {
  issuePartnerToken(
    partnerId: $partnerId
    name: $name
    scopes: $scopes
    expiresAt: $expiresAt
    rateLimitPerMinute: $rateLimitPerMinute
  ) {
    token
    tokenInfo {
      ...PartnerTokenFields
    }
  }
}
    fragment PartnerTokenFields on PartnerToken {
  tokenId
  partnerId
  name
  scopes
  rateLimitPerMinute
  createdAt
  createdBy {
    type
    id
    name
  }
  expiresAt
  revokedAt
  revokedBy {
    type
    id
    name
  }
}`) as unknown as TypedDocumentString<IssuePartnerTokenMutation, IssuePartnerTokenMutationVariables>;
export const ListPartnerTokensDocument = new TypedDocumentString(`
    query ListPartnerTokens($partnerId: ID!) {
  listPartnerTokens(partnerId: $partnerId) {
    ...PartnerTokenFields
  }
}
    fragment PartnerTokenFields on PartnerToken {
  tokenId
  partnerId
  name
  scopes
  rateLimitPerMinute
  createdAt
  createdBy {
    type
    id
    name
  }
  expiresAt
  revokedAt
  revokedBy {
    type
    id
    name
  }
}`) as unknown as TypedDocumentString<ListPartnerTokensQuery, ListPartnerTokensQueryVariables>;
export const RevokePartnerTokenDocument = new TypedDocumentString(`
    mutation RevokePartnerToken($tokenId: ID!) {
  revokePartnerToken(tokenId: $tokenId) {
    ...PartnerTokenFields
  }
}
    fragment PartnerTokenFields on PartnerToken {
  tokenId
  partnerId
  name
  scopes
  rateLimitPerMinute
  createdAt
  createdBy {
    type
    id
    name
  }
  expiresAt
  revokedAt
  revokedBy {
    type
    id
    name
  }
}`) as unknown as TypedDocumentString<RevokePartnerTokenMutation, RevokePartnerTokenMutationVariables>;
export const ListAuditEntriesDocument = new TypedDocumentString(`
    query ListAuditEntries($partnerId: ID, $day: AWSDate, $limit: Int, $nextToken: String) {
  listAuditEntries(
    partnerId: $partnerId
    day: $day
    limit: $limit
    nextToken: $nextToken
  ) {
    items {
      id
      partnerId
      tokenId
      source
      operation
      argsDigest
      outcome
      latencyMs
      at
    }
    nextToken
  }
}
    `) as unknown as TypedDocumentString<ListAuditEntriesQuery, ListAuditEntriesQueryVariables>;
export const RequestProofUploadDocument = new TypedDocumentString(`
    mutation RequestProofUpload($reference: String!, $kind: ProofKind!, $contentType: String!) {
  requestProofUpload(
    reference: $reference
    kind: $kind
    contentType: $contentType
  ) {
    key
    uploadUrl
    headers
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<RequestProofUploadMutation, RequestProofUploadMutationVariables>;
export const ProofImagesDocument = new TypedDocumentString(`
    query ProofImages($reference: String!) {
  proofImages(reference: $reference) {
    signatureUrl
    photoUrl
    recipientName
    at
  }
}
    `) as unknown as TypedDocumentString<ProofImagesQuery, ProofImagesQueryVariables>;
export const CompanySettingsDocument = new TypedDocumentString(`
    query CompanySettings {
  companySettings {
    ...CompanySettingsFields
  }
}
    fragment CompanySettingsFields on CompanySettings {
  timeZone
  serviceArea
  collectionDays
  collectionHours {
    open
    close
  }
  sameDayCutoff
  maxWeightKg
  maxOversizedWeightKg
  largestSize
  requiredProof
  version
  updatedAt
  updatedBy {
    sub
    name
  }
}`) as unknown as TypedDocumentString<CompanySettingsQuery, CompanySettingsQueryVariables>;
export const UpdateCompanySettingsDocument = new TypedDocumentString(`
    mutation UpdateCompanySettings($rules: CompanyRulesInput!, $expectedVersion: Int!) {
  updateCompanySettings(rules: $rules, expectedVersion: $expectedVersion) {
    ...CompanySettingsFields
  }
}
    fragment CompanySettingsFields on CompanySettings {
  timeZone
  serviceArea
  collectionDays
  collectionHours {
    open
    close
  }
  sameDayCutoff
  maxWeightKg
  maxOversizedWeightKg
  largestSize
  requiredProof
  version
  updatedAt
  updatedBy {
    sub
    name
  }
}`) as unknown as TypedDocumentString<UpdateCompanySettingsMutation, UpdateCompanySettingsMutationVariables>;
export const SettingsChangesDocument = new TypedDocumentString(`
    query SettingsChanges($limit: Int, $nextToken: String) {
  settingsChanges(limit: $limit, nextToken: $nextToken) {
    items {
      version
      at
      by {
        sub
        name
      }
      changes {
        field
        from
        to
      }
    }
    nextToken
  }
}
    `) as unknown as TypedDocumentString<SettingsChangesQuery, SettingsChangesQueryVariables>;
export const RequiredProofDocument = new TypedDocumentString(`
    query RequiredProof {
  requiredProof
}
    `) as unknown as TypedDocumentString<RequiredProofQuery, RequiredProofQueryVariables>;
export const TrackBookingDocument = new TypedDocumentString(`
    query TrackBooking($reference: String!) {
  trackBooking(reference: $reference) {
    reference
    status
    lastUpdate
    eta
    pickupCity
    deliveryCity
    courierPosition {
      lat
      lng
    }
    timeline {
      status
      at
    }
  }
}
    `) as unknown as TypedDocumentString<TrackBookingQuery, TrackBookingQueryVariables>;
export const ListConnectInstancesDocument = new TypedDocumentString(`
    query ListConnectInstances {
  listConnectInstances {
    id
    arn
    alias
    status
    inboundCallsEnabled
  }
}
    `) as unknown as TypedDocumentString<ListConnectInstancesQuery, ListConnectInstancesQueryVariables>;
export const ListConnectQueuesDocument = new TypedDocumentString(`
    query ListConnectQueues($instanceId: String!) {
  listConnectQueues(instanceId: $instanceId) {
    id
    arn
    name
  }
}
    `) as unknown as TypedDocumentString<ListConnectQueuesQuery, ListConnectQueuesQueryVariables>;
export const PlanDeploymentDocument = new TypedDocumentString(`
    query PlanDeployment($settings: NewDeploymentSettingsInput!) {
  planDeployment(settings: $settings) {
    key
    title
    description
  }
}
    `) as unknown as TypedDocumentString<PlanDeploymentQuery, PlanDeploymentQueryVariables>;
export const GetDeploymentDocument = new TypedDocumentString(`
    query GetDeployment($id: ID!) {
  getDeployment(id: $id) {
    ...DeploymentFields
  }
}
    fragment DeploymentFields on Deployment {
  id
  instanceId
  status
  settings {
    instanceId
    botName
    localeId
    voiceId
    botAliasName
    contactFlowName
    queueArn
    promptOverrides
  }
  steps {
    key
    title
    status
    startedAt
    endedAt
    detail
    resources {
      kind
      name
      id
      arn
      created
      updated
      rolledBack
    }
    error {
      code
      message
      resolution
      phase
      at
    }
  }
  error {
    step
    code
    message
    resolution
    phase
    at
  }
  createdBy {
    type
    id
    name
  }
  createdAt
  updatedAt
  version
}`) as unknown as TypedDocumentString<GetDeploymentQuery, GetDeploymentQueryVariables>;
export const ListDeploymentsDocument = new TypedDocumentString(`
    query ListDeployments($limit: Int, $nextToken: String) {
  listDeployments(limit: $limit, nextToken: $nextToken) {
    items {
      ...DeploymentFields
    }
    nextToken
  }
}
    fragment DeploymentFields on Deployment {
  id
  instanceId
  status
  settings {
    instanceId
    botName
    localeId
    voiceId
    botAliasName
    contactFlowName
    queueArn
    promptOverrides
  }
  steps {
    key
    title
    status
    startedAt
    endedAt
    detail
    resources {
      kind
      name
      id
      arn
      created
      updated
      rolledBack
    }
    error {
      code
      message
      resolution
      phase
      at
    }
  }
  error {
    step
    code
    message
    resolution
    phase
    at
  }
  createdBy {
    type
    id
    name
  }
  createdAt
  updatedAt
  version
}`) as unknown as TypedDocumentString<ListDeploymentsQuery, ListDeploymentsQueryVariables>;
export const BotPromptsDocument = new TypedDocumentString(`
    query BotPrompts($localeId: String) {
  botPrompts(localeId: $localeId) {
    key
    text
    defaultText
    overridden
  }
}
    `) as unknown as TypedDocumentString<BotPromptsQuery, BotPromptsQueryVariables>;
export const StartDeploymentDocument = new TypedDocumentString(`
    mutation StartDeployment($settings: NewDeploymentSettingsInput!) {
  startDeployment(settings: $settings) {
    ...DeploymentFields
  }
}
    fragment DeploymentFields on Deployment {
  id
  instanceId
  status
  settings {
    instanceId
    botName
    localeId
    voiceId
    botAliasName
    contactFlowName
    queueArn
    promptOverrides
  }
  steps {
    key
    title
    status
    startedAt
    endedAt
    detail
    resources {
      kind
      name
      id
      arn
      created
      updated
      rolledBack
    }
    error {
      code
      message
      resolution
      phase
      at
    }
  }
  error {
    step
    code
    message
    resolution
    phase
    at
  }
  createdBy {
    type
    id
    name
  }
  createdAt
  updatedAt
  version
}`) as unknown as TypedDocumentString<StartDeploymentMutation, StartDeploymentMutationVariables>;
export const RetryDeploymentDocument = new TypedDocumentString(`
    mutation RetryDeployment($id: ID!) {
  retryDeployment(id: $id) {
    ...DeploymentFields
  }
}
    fragment DeploymentFields on Deployment {
  id
  instanceId
  status
  settings {
    instanceId
    botName
    localeId
    voiceId
    botAliasName
    contactFlowName
    queueArn
    promptOverrides
  }
  steps {
    key
    title
    status
    startedAt
    endedAt
    detail
    resources {
      kind
      name
      id
      arn
      created
      updated
      rolledBack
    }
    error {
      code
      message
      resolution
      phase
      at
    }
  }
  error {
    step
    code
    message
    resolution
    phase
    at
  }
  createdBy {
    type
    id
    name
  }
  createdAt
  updatedAt
  version
}`) as unknown as TypedDocumentString<RetryDeploymentMutation, RetryDeploymentMutationVariables>;
export const RollbackDeploymentDocument = new TypedDocumentString(`
    mutation RollbackDeployment($id: ID!) {
  rollbackDeployment(id: $id) {
    ...DeploymentFields
  }
}
    fragment DeploymentFields on Deployment {
  id
  instanceId
  status
  settings {
    instanceId
    botName
    localeId
    voiceId
    botAliasName
    contactFlowName
    queueArn
    promptOverrides
  }
  steps {
    key
    title
    status
    startedAt
    endedAt
    detail
    resources {
      kind
      name
      id
      arn
      created
      updated
      rolledBack
    }
    error {
      code
      message
      resolution
      phase
      at
    }
  }
  error {
    step
    code
    message
    resolution
    phase
    at
  }
  createdBy {
    type
    id
    name
  }
  createdAt
  updatedAt
  version
}`) as unknown as TypedDocumentString<RollbackDeploymentMutation, RollbackDeploymentMutationVariables>;
export const OnDeploymentChangedDocument = new TypedDocumentString(`
    subscription OnDeploymentChanged($id: ID) {
  onDeploymentChanged(id: $id) {
    ...DeploymentFields
  }
}
    fragment DeploymentFields on Deployment {
  id
  instanceId
  status
  settings {
    instanceId
    botName
    localeId
    voiceId
    botAliasName
    contactFlowName
    queueArn
    promptOverrides
  }
  steps {
    key
    title
    status
    startedAt
    endedAt
    detail
    resources {
      kind
      name
      id
      arn
      created
      updated
      rolledBack
    }
    error {
      code
      message
      resolution
      phase
      at
    }
  }
  error {
    step
    code
    message
    resolution
    phase
    at
  }
  createdBy {
    type
    id
    name
  }
  createdAt
  updatedAt
  version
}`) as unknown as TypedDocumentString<OnDeploymentChangedSubscription, OnDeploymentChangedSubscriptionVariables>;
export const PublishDeploymentChangedDocument = new TypedDocumentString(`
    mutation PublishDeploymentChanged($id: ID!) {
  publishDeploymentChanged(id: $id) {
    ...DeploymentFields
  }
}
    fragment DeploymentFields on Deployment {
  id
  instanceId
  status
  settings {
    instanceId
    botName
    localeId
    voiceId
    botAliasName
    contactFlowName
    queueArn
    promptOverrides
  }
  steps {
    key
    title
    status
    startedAt
    endedAt
    detail
    resources {
      kind
      name
      id
      arn
      created
      updated
      rolledBack
    }
    error {
      code
      message
      resolution
      phase
      at
    }
  }
  error {
    step
    code
    message
    resolution
    phase
    at
  }
  createdBy {
    type
    id
    name
  }
  createdAt
  updatedAt
  version
}`) as unknown as TypedDocumentString<PublishDeploymentChangedMutation, PublishDeploymentChangedMutationVariables>;

export type GeneratedQuery<InputType, OutputType> = string & { __generatedQueryInput: InputType; __generatedQueryOutput: OutputType };
export type GeneratedMutation<InputType, OutputType> = string & { __generatedMutationInput: InputType; __generatedMutationOutput: OutputType };
export type GeneratedSubscription<InputType, OutputType> = string & { __generatedSubscriptionInput: InputType; __generatedSubscriptionOutput: OutputType };

export const analyticsVolumes = AnalyticsVolumesDocument.toString() as GeneratedQuery<AnalyticsVolumesQueryVariables, AnalyticsVolumesQuery>;
export const analyticsRegions = AnalyticsRegionsDocument.toString() as GeneratedQuery<AnalyticsRegionsQueryVariables, AnalyticsRegionsQuery>;
export const analyticsFeedback = AnalyticsFeedbackDocument.toString() as GeneratedQuery<AnalyticsFeedbackQueryVariables, AnalyticsFeedbackQuery>;
export const analyticsFeedbackComments = AnalyticsFeedbackCommentsDocument.toString() as GeneratedQuery<AnalyticsFeedbackCommentsQueryVariables, AnalyticsFeedbackCommentsQuery>;
export const analyticsRoutes = AnalyticsRoutesDocument.toString() as GeneratedQuery<AnalyticsRoutesQueryVariables, AnalyticsRoutesQuery>;
export const analyticsHeatMap = AnalyticsHeatMapDocument.toString() as GeneratedQuery<AnalyticsHeatMapQueryVariables, AnalyticsHeatMapQuery>;
export const analyticsFleet = AnalyticsFleetDocument.toString() as GeneratedQuery<AnalyticsFleetQueryVariables, AnalyticsFleetQuery>;
export const partnerAnalytics = PartnerAnalyticsDocument.toString() as GeneratedQuery<PartnerAnalyticsQueryVariables, PartnerAnalyticsQuery>;
export const courierPerformance = CourierPerformanceDocument.toString() as GeneratedQuery<CourierPerformanceQueryVariables, CourierPerformanceQuery>;
export const analyticsBot = AnalyticsBotDocument.toString() as GeneratedQuery<AnalyticsBotQueryVariables, AnalyticsBotQuery>;
export const analyticsLex = AnalyticsLexDocument.toString() as GeneratedQuery<AnalyticsLexQueryVariables, AnalyticsLexQuery>;
export const serviceAlerts = ServiceAlertsDocument.toString() as GeneratedQuery<ServiceAlertsQueryVariables, ServiceAlertsQuery>;
export const alertSettings = AlertSettingsDocument.toString() as GeneratedQuery<AlertSettingsQueryVariables, AlertSettingsQuery>;
export const updateAlertSettings = UpdateAlertSettingsDocument.toString() as GeneratedMutation<UpdateAlertSettingsMutationVariables, UpdateAlertSettingsMutation>;
export const publishAlertRaised = PublishAlertRaisedDocument.toString() as GeneratedMutation<PublishAlertRaisedMutationVariables, PublishAlertRaisedMutation>;
export const onAlertRaised = OnAlertRaisedDocument.toString() as GeneratedSubscription<OnAlertRaisedSubscriptionVariables, OnAlertRaisedSubscription>;
export const executiveSummaries = ExecutiveSummariesDocument.toString() as GeneratedQuery<ExecutiveSummariesQueryVariables, ExecutiveSummariesQuery>;
export const generateExecutiveSummary = GenerateExecutiveSummaryDocument.toString() as GeneratedMutation<GenerateExecutiveSummaryMutationVariables, GenerateExecutiveSummaryMutation>;
export const getBooking = GetBookingDocument.toString() as GeneratedQuery<GetBookingQueryVariables, GetBookingQuery>;
export const listBookings = ListBookingsDocument.toString() as GeneratedQuery<ListBookingsQueryVariables, ListBookingsQuery>;
export const bookCourier = BookCourierDocument.toString() as GeneratedMutation<BookCourierMutationVariables, BookCourierMutation>;
export const assignCourier = AssignCourierDocument.toString() as GeneratedMutation<AssignCourierMutationVariables, AssignCourierMutation>;
export const updateDeliveryStatus = UpdateDeliveryStatusDocument.toString() as GeneratedMutation<UpdateDeliveryStatusMutationVariables, UpdateDeliveryStatusMutation>;
export const cancelBooking = CancelBookingDocument.toString() as GeneratedMutation<CancelBookingMutationVariables, CancelBookingMutation>;
export const updatePickupWindow = UpdatePickupWindowDocument.toString() as GeneratedMutation<UpdatePickupWindowMutationVariables, UpdatePickupWindowMutation>;
export const listStatusEvents = ListStatusEventsDocument.toString() as GeneratedQuery<ListStatusEventsQueryVariables, ListStatusEventsQuery>;
export const rateCard = RateCardDocument.toString() as GeneratedQuery<RateCardQueryVariables, RateCardQuery>;
export const setRateCard = SetRateCardDocument.toString() as GeneratedMutation<SetRateCardMutationVariables, SetRateCardMutation>;
export const courierEarnings = CourierEarningsDocument.toString() as GeneratedQuery<CourierEarningsQueryVariables, CourierEarningsQuery>;
export const courierSuggestions = CourierSuggestionsDocument.toString() as GeneratedQuery<CourierSuggestionsQueryVariables, CourierSuggestionsQuery>;
export const courierDeliveryHistory = CourierDeliveryHistoryDocument.toString() as GeneratedQuery<CourierDeliveryHistoryQueryVariables, CourierDeliveryHistoryQuery>;
export const courierFeedback = CourierFeedbackDocument.toString() as GeneratedQuery<CourierFeedbackQueryVariables, CourierFeedbackQuery>;
export const listCouriers = ListCouriersDocument.toString() as GeneratedQuery<ListCouriersQueryVariables, ListCouriersQuery>;
export const getCourier = GetCourierDocument.toString() as GeneratedQuery<GetCourierQueryVariables, GetCourierQuery>;
export const updateCourierLocation = UpdateCourierLocationDocument.toString() as GeneratedMutation<UpdateCourierLocationMutationVariables, UpdateCourierLocationMutation>;
export const dashboard = DashboardDocument.toString() as GeneratedQuery<DashboardQueryVariables, DashboardQuery>;
export const suggestedSequence = SuggestedSequenceDocument.toString() as GeneratedQuery<SuggestedSequenceQueryVariables, SuggestedSequenceQuery>;
export const setDeliverySequence = SetDeliverySequenceDocument.toString() as GeneratedMutation<SetDeliverySequenceMutationVariables, SetDeliverySequenceMutation>;
export const resetDeliverySequence = ResetDeliverySequenceDocument.toString() as GeneratedMutation<ResetDeliverySequenceMutationVariables, ResetDeliverySequenceMutation>;
export const listFeedback = ListFeedbackDocument.toString() as GeneratedQuery<ListFeedbackQueryVariables, ListFeedbackQuery>;
export const submitFeedback = SubmitFeedbackDocument.toString() as GeneratedMutation<SubmitFeedbackMutationVariables, SubmitFeedbackMutation>;
export const onBookingChanged = OnBookingChangedDocument.toString() as GeneratedSubscription<OnBookingChangedSubscriptionVariables, OnBookingChangedSubscription>;
export const onCourierMoved = OnCourierMovedDocument.toString() as GeneratedSubscription<OnCourierMovedSubscriptionVariables, OnCourierMovedSubscription>;
export const publishBookingChanged = PublishBookingChangedDocument.toString() as GeneratedMutation<PublishBookingChangedMutationVariables, PublishBookingChangedMutation>;
export const publishCourierMoved = PublishCourierMovedDocument.toString() as GeneratedMutation<PublishCourierMovedMutationVariables, PublishCourierMovedMutation>;
export const me = MeDocument.toString() as GeneratedQuery<MeQueryVariables, MeQuery>;
export const sentMessages = SentMessagesDocument.toString() as GeneratedQuery<SentMessagesQueryVariables, SentMessagesQuery>;
export const adminNotices = AdminNoticesDocument.toString() as GeneratedQuery<AdminNoticesQueryVariables, AdminNoticesQuery>;
export const createPartner = CreatePartnerDocument.toString() as GeneratedMutation<CreatePartnerMutationVariables, CreatePartnerMutation>;
export const listPartners = ListPartnersDocument.toString() as GeneratedQuery<ListPartnersQueryVariables, ListPartnersQuery>;
export const getPartner = GetPartnerDocument.toString() as GeneratedQuery<GetPartnerQueryVariables, GetPartnerQuery>;
export const issuePartnerToken = IssuePartnerTokenDocument.toString() as GeneratedMutation<IssuePartnerTokenMutationVariables, IssuePartnerTokenMutation>;
export const listPartnerTokens = ListPartnerTokensDocument.toString() as GeneratedQuery<ListPartnerTokensQueryVariables, ListPartnerTokensQuery>;
export const revokePartnerToken = RevokePartnerTokenDocument.toString() as GeneratedMutation<RevokePartnerTokenMutationVariables, RevokePartnerTokenMutation>;
export const listAuditEntries = ListAuditEntriesDocument.toString() as GeneratedQuery<ListAuditEntriesQueryVariables, ListAuditEntriesQuery>;
export const requestProofUpload = RequestProofUploadDocument.toString() as GeneratedMutation<RequestProofUploadMutationVariables, RequestProofUploadMutation>;
export const proofImages = ProofImagesDocument.toString() as GeneratedQuery<ProofImagesQueryVariables, ProofImagesQuery>;
export const companySettings = CompanySettingsDocument.toString() as GeneratedQuery<CompanySettingsQueryVariables, CompanySettingsQuery>;
export const updateCompanySettings = UpdateCompanySettingsDocument.toString() as GeneratedMutation<UpdateCompanySettingsMutationVariables, UpdateCompanySettingsMutation>;
export const settingsChanges = SettingsChangesDocument.toString() as GeneratedQuery<SettingsChangesQueryVariables, SettingsChangesQuery>;
export const requiredProof = RequiredProofDocument.toString() as GeneratedQuery<RequiredProofQueryVariables, RequiredProofQuery>;
export const trackBooking = TrackBookingDocument.toString() as GeneratedQuery<TrackBookingQueryVariables, TrackBookingQuery>;
export const listConnectInstances = ListConnectInstancesDocument.toString() as GeneratedQuery<ListConnectInstancesQueryVariables, ListConnectInstancesQuery>;
export const listConnectQueues = ListConnectQueuesDocument.toString() as GeneratedQuery<ListConnectQueuesQueryVariables, ListConnectQueuesQuery>;
export const planDeployment = PlanDeploymentDocument.toString() as GeneratedQuery<PlanDeploymentQueryVariables, PlanDeploymentQuery>;
export const getDeployment = GetDeploymentDocument.toString() as GeneratedQuery<GetDeploymentQueryVariables, GetDeploymentQuery>;
export const listDeployments = ListDeploymentsDocument.toString() as GeneratedQuery<ListDeploymentsQueryVariables, ListDeploymentsQuery>;
export const botPrompts = BotPromptsDocument.toString() as GeneratedQuery<BotPromptsQueryVariables, BotPromptsQuery>;
export const startDeployment = StartDeploymentDocument.toString() as GeneratedMutation<StartDeploymentMutationVariables, StartDeploymentMutation>;
export const retryDeployment = RetryDeploymentDocument.toString() as GeneratedMutation<RetryDeploymentMutationVariables, RetryDeploymentMutation>;
export const rollbackDeployment = RollbackDeploymentDocument.toString() as GeneratedMutation<RollbackDeploymentMutationVariables, RollbackDeploymentMutation>;
export const onDeploymentChanged = OnDeploymentChangedDocument.toString() as GeneratedSubscription<OnDeploymentChangedSubscriptionVariables, OnDeploymentChangedSubscription>;
export const publishDeploymentChanged = PublishDeploymentChangedDocument.toString() as GeneratedMutation<PublishDeploymentChangedMutationVariables, PublishDeploymentChangedMutation>;
