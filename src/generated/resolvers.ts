import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  AWSDate: { input: string; output: string; }
  AWSDateTime: { input: string; output: string; }
  AWSEmail: { input: string; output: string; }
  AWSIPAddress: { input: string; output: string; }
  AWSJSON: { input: string; output: string; }
  AWSPhone: { input: string; output: string; }
  AWSTime: { input: string; output: string; }
  AWSTimestamp: { input: number; output: number; }
  AWSURL: { input: string; output: string; }
};

export type Actor = {
  __typename?: 'Actor';
  id: Scalars['String']['output'];
  name?: Maybe<Scalars['String']['output']>;
  type: ActorType;
};

export type ActorType =
  | 'ADMIN'
  | 'COURIER'
  | 'CUSTOMER'
  | 'PARTNER'
  | 'SYSTEM'
  | 'VOICEBOT';

export type Address = {
  __typename?: 'Address';
  city: Scalars['String']['output'];
  country: Scalars['String']['output'];
  line1: Scalars['String']['output'];
  line2?: Maybe<Scalars['String']['output']>;
  point?: Maybe<GeoPoint>;
  postcode: Scalars['String']['output'];
  precision?: Maybe<GeoPrecision>;
  region?: Maybe<Scalars['String']['output']>;
};

export type AdminNotice = {
  __typename?: 'AdminNotice';
  delivery: AdminNoticeDelivery;
  id: Scalars['ID']['output'];
  kind: Scalars['String']['output'];
  path?: Maybe<Scalars['String']['output']>;
  sentAt: Scalars['AWSDateTime']['output'];
  subject: Scalars['String']['output'];
  text: Scalars['String']['output'];
};

export type AdminNoticeDelivery =
  | 'FAILED'
  | 'OUTBOX'
  | 'SENT';

export type AdminNoticePage = {
  __typename?: 'AdminNoticePage';
  items: Array<AdminNotice>;
  nextToken?: Maybe<Scalars['String']['output']>;
};

export type AlertKind =
  | 'COMPLAINT_RATE'
  | 'DATA_INTEGRITY'
  | 'LATE_DELIVERY';

export type AlertSettings = {
  __typename?: 'AlertSettings';
  complaintRateThreshold: Scalars['Float']['output'];
  lateGraceMinutes: Scalars['Int']['output'];
  minFeedback: Scalars['Int']['output'];
  updatedAt?: Maybe<Scalars['AWSDateTime']['output']>;
  updatedBy?: Maybe<Scalars['String']['output']>;
  version: Scalars['Int']['output'];
};

export type AmplifyAiConversationTurnErrorInput = {
  errorType: Scalars['String']['input'];
  message: Scalars['String']['input'];
};

export type AnalyticsGranularity =
  | 'DAY'
  | 'MONTH'
  | 'WEEK';

export type AuditEntry = {
  __typename?: 'AuditEntry';
  argsDigest: Scalars['String']['output'];
  at: Scalars['AWSDateTime']['output'];
  id: Scalars['ID']['output'];
  latencyMs: Scalars['Int']['output'];
  operation: Scalars['String']['output'];
  outcome: Scalars['String']['output'];
  partnerId: Scalars['ID']['output'];
  source: AuditSource;
  tokenId?: Maybe<Scalars['ID']['output']>;
};

export type AuditEntryPage = {
  __typename?: 'AuditEntryPage';
  items: Array<AuditEntry>;
  nextToken?: Maybe<Scalars['String']['output']>;
};

export type AuditSource =
  | 'graphql'
  | 'mcp';

export type Booking = {
  __typename?: 'Booking';
  channel: Channel;
  courierId?: Maybe<Scalars['ID']['output']>;
  courierName?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['AWSDateTime']['output'];
  customerName: Scalars['String']['output'];
  customerPhone: Scalars['String']['output'];
  delivery: Address;
  eta?: Maybe<Scalars['AWSDateTime']['output']>;
  history: Array<StatusEvent>;
  package: PackageDetails;
  partnerId?: Maybe<Scalars['ID']['output']>;
  partnerName?: Maybe<Scalars['String']['output']>;
  pickup: Address;
  pickupWindow: PickupWindow;
  reference: Scalars['String']['output'];
  status: BookingStatus;
  updatedAt: Scalars['AWSDateTime']['output'];
  version: Scalars['Int']['output'];
};

export type BookingPage = {
  __typename?: 'BookingPage';
  items: Array<Booking>;
  nextToken?: Maybe<Scalars['String']['output']>;
};

export type BookingStatus =
  | 'BOOKED'
  | 'CANCELLED'
  | 'COLLECTED'
  | 'DELIVERED'
  | 'FAILED_DELIVERY'
  | 'IN_TRANSIT'
  | 'OUT_FOR_DELIVERY'
  | 'RETURNED';

export type BotBucket = {
  __typename?: 'BotBucket';
  end: Scalars['AWSDate']['output'];
  figures: BotFigures;
  start: Scalars['AWSDate']['output'];
};

export type BotFigures = {
  __typename?: 'BotFigures';
  averageTurns?: Maybe<Scalars['Float']['output']>;
  calls: Scalars['Int']['output'];
  containmentRate?: Maybe<Scalars['Float']['output']>;
  intents: Array<IntentCount>;
  outcomes: Array<OutcomeCount>;
  recognitionRate?: Maybe<Scalars['Float']['output']>;
  transfers: Array<ReasonCount>;
};

export type BotPrompt = {
  __typename?: 'BotPrompt';
  defaultText: Scalars['String']['output'];
  key: Scalars['String']['output'];
  overridden: Scalars['Boolean']['output'];
  text: Scalars['String']['output'];
};

export type BotReport = {
  __typename?: 'BotReport';
  buckets: Array<BotBucket>;
  from: Scalars['AWSDate']['output'];
  granularity: AnalyticsGranularity;
  missedUtterances: Array<UtteranceCount>;
  reaskedSlots: Array<SlotCount>;
  to: Scalars['AWSDate']['output'];
  total: BotFigures;
};

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

export type CategoryCount = {
  __typename?: 'CategoryCount';
  category: ComplaintCategory;
  count: Scalars['Int']['output'];
  severities: Array<SeverityCount>;
};

export type Channel =
  | 'API'
  | 'PARTNER'
  | 'VOICE'
  | 'WEB';

export type ChannelCount = {
  __typename?: 'ChannelCount';
  channel: Channel;
  count: Scalars['Int']['output'];
};

export type ChannelVolume = {
  __typename?: 'ChannelVolume';
  bookings: Scalars['Int']['output'];
  cancelled: Scalars['Int']['output'];
  channel: Channel;
  delivered: Scalars['Int']['output'];
  failed: Scalars['Int']['output'];
  returned: Scalars['Int']['output'];
};

export type CollectionHours = {
  __typename?: 'CollectionHours';
  close: Scalars['String']['output'];
  open: Scalars['String']['output'];
};

export type CollectionHoursInput = {
  close: Scalars['String']['input'];
  open: Scalars['String']['input'];
};

export type CompanyRules = {
  __typename?: 'CompanyRules';
  collectionDays: Array<Weekday>;
  collectionHours: CollectionHours;
  largestSize: PackageSize;
  maxOversizedWeightKg: Scalars['Float']['output'];
  maxWeightKg: Scalars['Float']['output'];
  requiredProof?: Maybe<Array<ProofRequirement>>;
  sameDayCutoff?: Maybe<Scalars['String']['output']>;
  serviceArea: Array<Scalars['String']['output']>;
};

export type CompanyRulesInput = {
  collectionDays: Array<Weekday>;
  collectionHours: CollectionHoursInput;
  largestSize: PackageSize;
  maxOversizedWeightKg: Scalars['Float']['input'];
  maxWeightKg: Scalars['Float']['input'];
  requiredProof?: InputMaybe<Array<ProofRequirement>>;
  sameDayCutoff?: InputMaybe<Scalars['String']['input']>;
  serviceArea: Array<Scalars['String']['input']>;
};

export type CompanySettings = {
  __typename?: 'CompanySettings';
  collectionDays: Array<Weekday>;
  collectionHours: CollectionHours;
  largestSize: PackageSize;
  maxOversizedWeightKg: Scalars['Float']['output'];
  maxWeightKg: Scalars['Float']['output'];
  requiredProof: Array<ProofRequirement>;
  sameDayCutoff?: Maybe<Scalars['String']['output']>;
  serviceArea: Array<Scalars['String']['output']>;
  timeZone: Scalars['String']['output'];
  updatedAt?: Maybe<Scalars['AWSDateTime']['output']>;
  updatedBy?: Maybe<SettingsAuthor>;
  version: Scalars['Int']['output'];
};

export type ComplaintCategory =
  | 'BILLING'
  | 'COURIER_BEHAVIOUR'
  | 'DAMAGED_PACKAGE'
  | 'LATE_DELIVERY'
  | 'LOST_PACKAGE'
  | 'OTHER'
  | 'WRONG_ADDRESS';

export type ConnectInstance = {
  __typename?: 'ConnectInstance';
  alias?: Maybe<Scalars['String']['output']>;
  arn: Scalars['String']['output'];
  id: Scalars['String']['output'];
  inboundCallsEnabled?: Maybe<Scalars['Boolean']['output']>;
  status?: Maybe<Scalars['String']['output']>;
};

export type ConnectQueue = {
  __typename?: 'ConnectQueue';
  arn: Scalars['String']['output'];
  id: Scalars['String']['output'];
  name?: Maybe<Scalars['String']['output']>;
};

export type Corridor = {
  __typename?: 'Corridor';
  bookings: Scalars['Int']['output'];
  from: Scalars['String']['output'];
  fromName: Scalars['String']['output'];
  perDay: Scalars['Float']['output'];
  to: Scalars['String']['output'];
  toName: Scalars['String']['output'];
};

export type CorridorCount = {
  __typename?: 'CorridorCount';
  count: Scalars['Int']['output'];
  from: Scalars['String']['output'];
  to: Scalars['String']['output'];
};

export type Courier = {
  __typename?: 'Courier';
  active: Scalars['Boolean']['output'];
  createdAt: Scalars['AWSDateTime']['output'];
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  lastLocation?: Maybe<CourierLocation>;
  name: Scalars['String']['output'];
  phone: Scalars['String']['output'];
  updatedAt: Scalars['AWSDateTime']['output'];
  vehicle: Vehicle;
};

export type CourierBucket = {
  __typename?: 'CourierBucket';
  end: Scalars['AWSDate']['output'];
  figures: CourierFigures;
  start: Scalars['AWSDate']['output'];
};

export type CourierEarnings = {
  __typename?: 'CourierEarnings';
  courierId: Scalars['ID']['output'];
  currency: Scalars['String']['output'];
  deliveries: Scalars['Int']['output'];
  distance: Scalars['Float']['output'];
  from: Scalars['AWSDate']['output'];
  km: Scalars['Float']['output'];
  perDelivery: Scalars['Float']['output'];
  sizeSurcharges: Scalars['Float']['output'];
  stretches: Array<EarningsStretch>;
  to: Scalars['AWSDate']['output'];
  total: Scalars['Float']['output'];
  weightSurcharges: Scalars['Float']['output'];
};

export type CourierFigures = {
  __typename?: 'CourierFigures';
  assigned: Scalars['Int']['output'];
  averageDeliveryMinutes?: Maybe<Scalars['Float']['output']>;
  averageRating?: Maybe<Scalars['Float']['output']>;
  complaints: Scalars['Int']['output'];
  corridors: Array<CorridorCount>;
  delivered: Scalars['Int']['output'];
  deliveriesByHour: Array<HourCount>;
  failed: Scalars['Int']['output'];
  failureReasons: Array<FailureReasonCount>;
  onTimeRate?: Maybe<Scalars['Float']['output']>;
  ratings: Scalars['Int']['output'];
  successRate?: Maybe<Scalars['Float']['output']>;
};

export type CourierLocation = {
  __typename?: 'CourierLocation';
  at: Scalars['AWSDateTime']['output'];
  heading?: Maybe<Scalars['Float']['output']>;
  lat: Scalars['Float']['output'];
  lng: Scalars['Float']['output'];
  speedKph?: Maybe<Scalars['Float']['output']>;
};

export type CourierMove = {
  __typename?: 'CourierMove';
  at: Scalars['AWSDateTime']['output'];
  courierId: Scalars['ID']['output'];
  heading?: Maybe<Scalars['Float']['output']>;
  lat: Scalars['Float']['output'];
  lng: Scalars['Float']['output'];
  speedKph?: Maybe<Scalars['Float']['output']>;
};

export type CourierPage = {
  __typename?: 'CourierPage';
  items: Array<Courier>;
  nextToken?: Maybe<Scalars['String']['output']>;
};

export type CourierPerformance = {
  __typename?: 'CourierPerformance';
  buckets: Array<CourierBucket>;
  courierId: Scalars['ID']['output'];
  from: Scalars['AWSDate']['output'];
  granularity: AnalyticsGranularity;
  rankings: Array<CourierRanking>;
  to: Scalars['AWSDate']['output'];
  total: CourierFigures;
};

export type CourierRanking = {
  __typename?: 'CourierRanking';
  measure: RankingMeasure;
  of: Scalars['Int']['output'];
  peers: Array<Scalars['Float']['output']>;
  position?: Maybe<Scalars['Int']['output']>;
  value?: Maybe<Scalars['Float']['output']>;
};

export type CourierSuggestion = {
  __typename?: 'CourierSuggestion';
  detail: Scalars['String']['output'];
  figures: Array<SuggestionFigure>;
  kind: Scalars['String']['output'];
  title: Scalars['String']['output'];
};

export type Dashboard = {
  __typename?: 'Dashboard';
  alerts: DashboardAlerts;
  day: Scalars['AWSDate']['output'];
  generatedAt: Scalars['AWSDateTime']['output'];
  health: SystemHealth;
  kpis?: Maybe<DashboardKpis>;
};

export type DashboardAlerts = {
  __typename?: 'DashboardAlerts';
  complaints: Array<Feedback>;
  delayed: Array<DelayedDelivery>;
};

export type DashboardKpis = {
  __typename?: 'DashboardKpis';
  averageDeliveryMinutes?: Maybe<Scalars['Float']['output']>;
  averageRating?: Maybe<Scalars['Float']['output']>;
  bookings: Scalars['Int']['output'];
  callsHandled: Scalars['Int']['output'];
  complaints: Scalars['Int']['output'];
  delivered: Scalars['Int']['output'];
  deliverySuccessRate?: Maybe<Scalars['Float']['output']>;
  failed: Scalars['Int']['output'];
  feedback: Scalars['Int']['output'];
  flaggedComplaints: Scalars['Int']['output'];
  inTransit: Scalars['Int']['output'];
  ratings: Scalars['Int']['output'];
  satisfiedShare?: Maybe<Scalars['Float']['output']>;
  statusCounts: Array<StatusCount>;
  voiceBookings: Scalars['Int']['output'];
  voiceFeedback: Scalars['Int']['output'];
};

export type DelayedDelivery = {
  __typename?: 'DelayedDelivery';
  courierId?: Maybe<Scalars['ID']['output']>;
  eta: Scalars['AWSDateTime']['output'];
  minutesLate: Scalars['Int']['output'];
  reference: Scalars['String']['output'];
  status: BookingStatus;
};

export type DeliveryProof = {
  __typename?: 'DeliveryProof';
  photoKey?: Maybe<Scalars['String']['output']>;
  recipientName?: Maybe<Scalars['String']['output']>;
  signatureKey?: Maybe<Scalars['String']['output']>;
};

export type DeliverySequence = {
  __typename?: 'DeliverySequence';
  computedAt: Scalars['AWSDateTime']['output'];
  courierId: Scalars['ID']['output'];
  day: Scalars['AWSDate']['output'];
  distances: DistanceSource;
  finishAt: Scalars['AWSDateTime']['output'];
  lateMinutes: Scalars['Int']['output'];
  manual: Scalars['Boolean']['output'];
  origin?: Maybe<GeoPoint>;
  stops: Array<SequencedStop>;
};

export type DependencyHealth = {
  __typename?: 'DependencyHealth';
  fallback: Scalars['String']['output'];
  lastError?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  since: Scalars['AWSDateTime']['output'];
  state: BreakerState;
};

export type Deployment = {
  __typename?: 'Deployment';
  createdAt: Scalars['AWSDateTime']['output'];
  createdBy: Actor;
  error?: Maybe<DeploymentError>;
  id: Scalars['ID']['output'];
  instanceId: Scalars['String']['output'];
  settings: DeploymentSettings;
  status: DeploymentStatus;
  steps: Array<DeploymentStep>;
  updatedAt: Scalars['AWSDateTime']['output'];
  version: Scalars['Int']['output'];
};

export type DeploymentError = {
  __typename?: 'DeploymentError';
  at: Scalars['AWSDateTime']['output'];
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  phase: Scalars['String']['output'];
  resolution: Scalars['String']['output'];
  step?: Maybe<Scalars['String']['output']>;
};

export type DeploymentPage = {
  __typename?: 'DeploymentPage';
  items: Array<Deployment>;
  nextToken?: Maybe<Scalars['String']['output']>;
};

export type DeploymentResource = {
  __typename?: 'DeploymentResource';
  arn?: Maybe<Scalars['String']['output']>;
  created: Scalars['Boolean']['output'];
  id: Scalars['String']['output'];
  kind: Scalars['String']['output'];
  name: Scalars['String']['output'];
  rolledBack?: Maybe<Scalars['Boolean']['output']>;
  updated?: Maybe<Scalars['Boolean']['output']>;
};

export type DeploymentSettings = {
  __typename?: 'DeploymentSettings';
  botAliasName: Scalars['String']['output'];
  botName: Scalars['String']['output'];
  contactFlowName: Scalars['String']['output'];
  instanceId: Scalars['String']['output'];
  localeId: Scalars['String']['output'];
  promptOverrides: Scalars['AWSJSON']['output'];
  queueArn?: Maybe<Scalars['String']['output']>;
  voiceId: Scalars['String']['output'];
};

export type DeploymentStatus =
  | 'FAILED'
  | 'PENDING'
  | 'ROLLED_BACK'
  | 'ROLLING_BACK'
  | 'RUNNING'
  | 'SUCCEEDED';

export type DeploymentStep = {
  __typename?: 'DeploymentStep';
  detail?: Maybe<Scalars['String']['output']>;
  endedAt?: Maybe<Scalars['AWSDateTime']['output']>;
  error?: Maybe<DeploymentError>;
  key: Scalars['String']['output'];
  resources: Array<DeploymentResource>;
  startedAt?: Maybe<Scalars['AWSDateTime']['output']>;
  status: DeploymentStepStatus;
  title: Scalars['String']['output'];
};

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

export type DurationStats = {
  __typename?: 'DurationStats';
  averageMinutes?: Maybe<Scalars['Float']['output']>;
  count: Scalars['Int']['output'];
  p90Minutes?: Maybe<Scalars['Float']['output']>;
};

export type EarningsStretch = {
  __typename?: 'EarningsStretch';
  from: Scalars['AWSDate']['output'];
  to: Scalars['AWSDate']['output'];
  version: Scalars['Int']['output'];
};

export type ExecutiveSummaryInfo = {
  __typename?: 'ExecutiveSummaryInfo';
  from: Scalars['AWSDate']['output'];
  generatedAt: Scalars['AWSDateTime']['output'];
  to: Scalars['AWSDate']['output'];
  url: Scalars['AWSURL']['output'];
  week: Scalars['AWSDate']['output'];
};

export type FailureReason =
  | 'ACCESS_DENIED'
  | 'ADDRESS_NOT_FOUND'
  | 'DAMAGED'
  | 'OTHER'
  | 'RECIPIENT_ABSENT'
  | 'REFUSED_BY_RECIPIENT'
  | 'WEATHER_OR_ROAD';

export type FailureReasonCount = {
  __typename?: 'FailureReasonCount';
  count: Scalars['Int']['output'];
  reason: FailureReason;
};

export type Feedback = {
  __typename?: 'Feedback';
  bookingReference: Scalars['String']['output'];
  channel: Channel;
  complaintCategory?: Maybe<ComplaintCategory>;
  courierId?: Maybe<Scalars['ID']['output']>;
  createdAt: Scalars['AWSDateTime']['output'];
  flagged: Scalars['Boolean']['output'];
  partnerId?: Maybe<Scalars['ID']['output']>;
  rating?: Maybe<Scalars['Int']['output']>;
  reference: Scalars['String']['output'];
  sentiment: Sentiment;
  severity?: Maybe<Severity>;
  text: Scalars['String']['output'];
  type: FeedbackType;
};

export type FeedbackBucket = {
  __typename?: 'FeedbackBucket';
  end: Scalars['AWSDate']['output'];
  figures: FeedbackFigures;
  start: Scalars['AWSDate']['output'];
};

export type FeedbackFigures = {
  __typename?: 'FeedbackFigures';
  averageRating?: Maybe<Scalars['Float']['output']>;
  byChannel: Array<ChannelCount>;
  categories: Array<CategoryCount>;
  complaints: Scalars['Int']['output'];
  feedback: Scalars['Int']['output'];
  flagged: Scalars['Int']['output'];
  ratingCounts: Array<RatingCount>;
  ratings: Scalars['Int']['output'];
  sentiment: Array<SentimentCount>;
  severities: Array<SeverityCount>;
};

export type FeedbackPage = {
  __typename?: 'FeedbackPage';
  items: Array<Feedback>;
  nextToken?: Maybe<Scalars['String']['output']>;
};

export type FeedbackReport = {
  __typename?: 'FeedbackReport';
  buckets: Array<FeedbackBucket>;
  from: Scalars['AWSDate']['output'];
  granularity: AnalyticsGranularity;
  to: Scalars['AWSDate']['output'];
  total: FeedbackFigures;
};

export type FeedbackType =
  | 'COMPLAINT'
  | 'FEEDBACK';

export type FleetLine = {
  __typename?: 'FleetLine';
  averageDeliveryMinutes?: Maybe<Scalars['Float']['output']>;
  averageRating?: Maybe<Scalars['Float']['output']>;
  courierId: Scalars['ID']['output'];
  delivered: Scalars['Int']['output'];
  failed: Scalars['Int']['output'];
  onTimeRate?: Maybe<Scalars['Float']['output']>;
  ratings: Scalars['Int']['output'];
  successRate?: Maybe<Scalars['Float']['output']>;
};

export type GeoPoint = {
  __typename?: 'GeoPoint';
  lat: Scalars['Float']['output'];
  lng: Scalars['Float']['output'];
};

export type GeoPrecision =
  | 'ADDRESS'
  | 'CITY'
  | 'POSTCODE'
  | 'STREET';

export type HeatCell = {
  __typename?: 'HeatCell';
  delivered: Scalars['Int']['output'];
  lat: Scalars['Float']['output'];
  lng: Scalars['Float']['output'];
  requested: Scalars['Int']['output'];
};

export type HeatReport = {
  __typename?: 'HeatReport';
  cells: Array<HeatCell>;
  delivered: Scalars['Int']['output'];
  from: Scalars['AWSDate']['output'];
  requested: Scalars['Int']['output'];
  to: Scalars['AWSDate']['output'];
};

export type HourCount = {
  __typename?: 'HourCount';
  count: Scalars['Int']['output'];
  hour: Scalars['Int']['output'];
};

export type IntentCount = {
  __typename?: 'IntentCount';
  count: Scalars['Int']['output'];
  intent: Scalars['String']['output'];
};

export type IssuedPartnerToken = {
  __typename?: 'IssuedPartnerToken';
  token: Scalars['String']['output'];
  tokenInfo: PartnerToken;
};

export type LexAnalyticsState =
  | 'AVAILABLE'
  | 'NOT_DEPLOYED'
  | 'UNAVAILABLE';

export type LexIntentFigures = {
  __typename?: 'LexIntentFigures';
  count: Scalars['Int']['output'];
  dropped: Scalars['Int']['output'];
  failure: Scalars['Int']['output'];
  intent: Scalars['String']['output'];
  success: Scalars['Int']['output'];
  switched: Scalars['Int']['output'];
};

export type LexReport = {
  __typename?: 'LexReport';
  averageTurns?: Maybe<Scalars['Float']['output']>;
  botAliasId?: Maybe<Scalars['String']['output']>;
  botId?: Maybe<Scalars['String']['output']>;
  conversations?: Maybe<Scalars['Int']['output']>;
  detail: Scalars['String']['output'];
  dropped?: Maybe<Scalars['Int']['output']>;
  failure?: Maybe<Scalars['Int']['output']>;
  from: Scalars['AWSDate']['output'];
  intents: Array<LexIntentFigures>;
  stages: Array<LexStageFigures>;
  state: LexAnalyticsState;
  success?: Maybe<Scalars['Int']['output']>;
  to: Scalars['AWSDate']['output'];
};

export type LexStageFigures = {
  __typename?: 'LexStageFigures';
  count: Scalars['Int']['output'];
  dropped: Scalars['Int']['output'];
  failed: Scalars['Int']['output'];
  intent: Scalars['String']['output'];
  retried: Scalars['Int']['output'];
  stage: Scalars['String']['output'];
  success: Scalars['Int']['output'];
};

export type LocationUnavailable =
  | 'NOT_SUPPORTED'
  | 'NO_FIX'
  | 'PERMISSION_DENIED';

export type Me = {
  __typename?: 'Me';
  courierId?: Maybe<Scalars['ID']['output']>;
  displayName?: Maybe<Scalars['String']['output']>;
  email?: Maybe<Scalars['String']['output']>;
  partnerId?: Maybe<Scalars['ID']['output']>;
  role: Role;
  sub: Scalars['String']['output'];
};

export type MessageDelivery =
  | 'FAILED'
  | 'OPTED_OUT'
  | 'OUTBOX'
  | 'SENT';

export type ModelAttributeTypes =
  | '_null'
  | 'binary'
  | 'binarySet'
  | 'bool'
  | 'list'
  | 'map'
  | 'number'
  | 'numberSet'
  | 'string'
  | 'stringSet';

export type ModelBooleanInput = {
  attributeExists?: InputMaybe<Scalars['Boolean']['input']>;
  attributeType?: InputMaybe<ModelAttributeTypes>;
  eq?: InputMaybe<Scalars['Boolean']['input']>;
  ne?: InputMaybe<Scalars['Boolean']['input']>;
};

export type ModelFloatInput = {
  attributeExists?: InputMaybe<Scalars['Boolean']['input']>;
  attributeType?: InputMaybe<ModelAttributeTypes>;
  between?: InputMaybe<Array<InputMaybe<Scalars['Float']['input']>>>;
  eq?: InputMaybe<Scalars['Float']['input']>;
  ge?: InputMaybe<Scalars['Float']['input']>;
  gt?: InputMaybe<Scalars['Float']['input']>;
  le?: InputMaybe<Scalars['Float']['input']>;
  lt?: InputMaybe<Scalars['Float']['input']>;
  ne?: InputMaybe<Scalars['Float']['input']>;
};

export type ModelIdInput = {
  attributeExists?: InputMaybe<Scalars['Boolean']['input']>;
  attributeType?: InputMaybe<ModelAttributeTypes>;
  beginsWith?: InputMaybe<Scalars['ID']['input']>;
  between?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
  contains?: InputMaybe<Scalars['ID']['input']>;
  eq?: InputMaybe<Scalars['ID']['input']>;
  ge?: InputMaybe<Scalars['ID']['input']>;
  gt?: InputMaybe<Scalars['ID']['input']>;
  le?: InputMaybe<Scalars['ID']['input']>;
  lt?: InputMaybe<Scalars['ID']['input']>;
  ne?: InputMaybe<Scalars['ID']['input']>;
  notContains?: InputMaybe<Scalars['ID']['input']>;
  size?: InputMaybe<ModelSizeInput>;
};

export type ModelIntInput = {
  attributeExists?: InputMaybe<Scalars['Boolean']['input']>;
  attributeType?: InputMaybe<ModelAttributeTypes>;
  between?: InputMaybe<Array<InputMaybe<Scalars['Int']['input']>>>;
  eq?: InputMaybe<Scalars['Int']['input']>;
  ge?: InputMaybe<Scalars['Int']['input']>;
  gt?: InputMaybe<Scalars['Int']['input']>;
  le?: InputMaybe<Scalars['Int']['input']>;
  lt?: InputMaybe<Scalars['Int']['input']>;
  ne?: InputMaybe<Scalars['Int']['input']>;
};

export type ModelSizeInput = {
  between?: InputMaybe<Array<InputMaybe<Scalars['Int']['input']>>>;
  eq?: InputMaybe<Scalars['Int']['input']>;
  ge?: InputMaybe<Scalars['Int']['input']>;
  gt?: InputMaybe<Scalars['Int']['input']>;
  le?: InputMaybe<Scalars['Int']['input']>;
  lt?: InputMaybe<Scalars['Int']['input']>;
  ne?: InputMaybe<Scalars['Int']['input']>;
};

export type ModelSortDirection =
  | 'ASC'
  | 'DESC';

export type ModelStringInput = {
  attributeExists?: InputMaybe<Scalars['Boolean']['input']>;
  attributeType?: InputMaybe<ModelAttributeTypes>;
  beginsWith?: InputMaybe<Scalars['String']['input']>;
  between?: InputMaybe<Array<InputMaybe<Scalars['String']['input']>>>;
  contains?: InputMaybe<Scalars['String']['input']>;
  eq?: InputMaybe<Scalars['String']['input']>;
  ge?: InputMaybe<Scalars['String']['input']>;
  gt?: InputMaybe<Scalars['String']['input']>;
  le?: InputMaybe<Scalars['String']['input']>;
  lt?: InputMaybe<Scalars['String']['input']>;
  ne?: InputMaybe<Scalars['String']['input']>;
  notContains?: InputMaybe<Scalars['String']['input']>;
  size?: InputMaybe<ModelSizeInput>;
};

export type ModelSubscriptionBooleanInput = {
  eq?: InputMaybe<Scalars['Boolean']['input']>;
  ne?: InputMaybe<Scalars['Boolean']['input']>;
};

export type ModelSubscriptionFloatInput = {
  between?: InputMaybe<Array<InputMaybe<Scalars['Float']['input']>>>;
  eq?: InputMaybe<Scalars['Float']['input']>;
  ge?: InputMaybe<Scalars['Float']['input']>;
  gt?: InputMaybe<Scalars['Float']['input']>;
  in?: InputMaybe<Array<InputMaybe<Scalars['Float']['input']>>>;
  le?: InputMaybe<Scalars['Float']['input']>;
  lt?: InputMaybe<Scalars['Float']['input']>;
  ne?: InputMaybe<Scalars['Float']['input']>;
  notIn?: InputMaybe<Array<InputMaybe<Scalars['Float']['input']>>>;
};

export type ModelSubscriptionIdInput = {
  beginsWith?: InputMaybe<Scalars['ID']['input']>;
  between?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
  contains?: InputMaybe<Scalars['ID']['input']>;
  eq?: InputMaybe<Scalars['ID']['input']>;
  ge?: InputMaybe<Scalars['ID']['input']>;
  gt?: InputMaybe<Scalars['ID']['input']>;
  in?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
  le?: InputMaybe<Scalars['ID']['input']>;
  lt?: InputMaybe<Scalars['ID']['input']>;
  ne?: InputMaybe<Scalars['ID']['input']>;
  notContains?: InputMaybe<Scalars['ID']['input']>;
  notIn?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
};

export type ModelSubscriptionIntInput = {
  between?: InputMaybe<Array<InputMaybe<Scalars['Int']['input']>>>;
  eq?: InputMaybe<Scalars['Int']['input']>;
  ge?: InputMaybe<Scalars['Int']['input']>;
  gt?: InputMaybe<Scalars['Int']['input']>;
  in?: InputMaybe<Array<InputMaybe<Scalars['Int']['input']>>>;
  le?: InputMaybe<Scalars['Int']['input']>;
  lt?: InputMaybe<Scalars['Int']['input']>;
  ne?: InputMaybe<Scalars['Int']['input']>;
  notIn?: InputMaybe<Array<InputMaybe<Scalars['Int']['input']>>>;
};

export type ModelSubscriptionStringInput = {
  beginsWith?: InputMaybe<Scalars['String']['input']>;
  between?: InputMaybe<Array<InputMaybe<Scalars['String']['input']>>>;
  contains?: InputMaybe<Scalars['String']['input']>;
  eq?: InputMaybe<Scalars['String']['input']>;
  ge?: InputMaybe<Scalars['String']['input']>;
  gt?: InputMaybe<Scalars['String']['input']>;
  in?: InputMaybe<Array<InputMaybe<Scalars['String']['input']>>>;
  le?: InputMaybe<Scalars['String']['input']>;
  lt?: InputMaybe<Scalars['String']['input']>;
  ne?: InputMaybe<Scalars['String']['input']>;
  notContains?: InputMaybe<Scalars['String']['input']>;
  notIn?: InputMaybe<Array<InputMaybe<Scalars['String']['input']>>>;
};

export type Mutation = {
  __typename?: 'Mutation';
  assignCourier: Booking;
  bookCourier: Booking;
  cancelBooking: Booking;
  createPartner: Partner;
  generateExecutiveSummary: ExecutiveSummaryInfo;
  issuePartnerToken: IssuedPartnerToken;
  publishAlertRaised?: Maybe<ServiceAlert>;
  publishBookingChanged?: Maybe<Booking>;
  publishCourierMoved?: Maybe<CourierMove>;
  publishDeploymentChanged?: Maybe<Deployment>;
  requestProofUpload: ProofUpload;
  resetDeliverySequence: DeliverySequence;
  retryDeployment: Deployment;
  revokePartnerToken: PartnerToken;
  rollbackDeployment: Deployment;
  setDeliverySequence: DeliverySequence;
  setRateCard: RateCardSetting;
  startDeployment: Deployment;
  submitFeedback: Feedback;
  updateAlertSettings: AlertSettings;
  updateCompanySettings: CompanySettings;
  updateCourierLocation: Courier;
  updateDeliveryStatus: Booking;
  updatePickupWindow: Booking;
};


export type MutationAssignCourierArgs = {
  courierId: Scalars['ID']['input'];
  reference: Scalars['String']['input'];
};


export type MutationBookCourierArgs = {
  customerName: Scalars['String']['input'];
  customerPhone: Scalars['String']['input'];
  delivery: NewAddressInput;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  package: NewPackageInput;
  partnerId?: InputMaybe<Scalars['ID']['input']>;
  pickup: NewAddressInput;
  pickupWindowEnd: Scalars['AWSDateTime']['input'];
  pickupWindowStart: Scalars['AWSDateTime']['input'];
};


export type MutationCancelBookingArgs = {
  reason?: InputMaybe<Scalars['String']['input']>;
  reference: Scalars['String']['input'];
};


export type MutationCreatePartnerArgs = {
  contactEmail: Scalars['String']['input'];
  id?: InputMaybe<Scalars['ID']['input']>;
  name: Scalars['String']['input'];
};


export type MutationGenerateExecutiveSummaryArgs = {
  week: Scalars['AWSDate']['input'];
};


export type MutationIssuePartnerTokenArgs = {
  expiresAt: Scalars['AWSDateTime']['input'];
  name: Scalars['String']['input'];
  partnerId: Scalars['ID']['input'];
  rateLimitPerMinute?: InputMaybe<Scalars['Int']['input']>;
  scopes: Array<Scalars['String']['input']>;
};


export type MutationPublishAlertRaisedArgs = {
  day: Scalars['AWSDate']['input'];
  key: Scalars['String']['input'];
};


export type MutationPublishBookingChangedArgs = {
  reference: Scalars['String']['input'];
};


export type MutationPublishCourierMovedArgs = {
  at: Scalars['AWSDateTime']['input'];
  courierId: Scalars['ID']['input'];
  heading?: InputMaybe<Scalars['Float']['input']>;
  lat: Scalars['Float']['input'];
  lng: Scalars['Float']['input'];
  speedKph?: InputMaybe<Scalars['Float']['input']>;
};


export type MutationPublishDeploymentChangedArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRequestProofUploadArgs = {
  contentType: Scalars['String']['input'];
  kind: ProofKind;
  reference: Scalars['String']['input'];
};


export type MutationResetDeliverySequenceArgs = {
  courierId?: InputMaybe<Scalars['ID']['input']>;
  lat?: InputMaybe<Scalars['Float']['input']>;
  lng?: InputMaybe<Scalars['Float']['input']>;
};


export type MutationRetryDeploymentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokePartnerTokenArgs = {
  tokenId: Scalars['ID']['input'];
};


export type MutationRollbackDeploymentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetDeliverySequenceArgs = {
  courierId?: InputMaybe<Scalars['ID']['input']>;
  lat?: InputMaybe<Scalars['Float']['input']>;
  lng?: InputMaybe<Scalars['Float']['input']>;
  stops: Array<StopKeyInput>;
};


export type MutationSetRateCardArgs = {
  effectiveFrom?: InputMaybe<Scalars['AWSDate']['input']>;
  expectedVersion: Scalars['Int']['input'];
  rates?: InputMaybe<RateCardRatesInput>;
};


export type MutationStartDeploymentArgs = {
  settings: NewDeploymentSettingsInput;
};


export type MutationSubmitFeedbackArgs = {
  bookingReference: Scalars['String']['input'];
  complaintCategory?: InputMaybe<ComplaintCategory>;
  rating?: InputMaybe<Scalars['Int']['input']>;
  severity?: InputMaybe<Severity>;
  text: Scalars['String']['input'];
  type: FeedbackType;
};


export type MutationUpdateAlertSettingsArgs = {
  complaintRateThreshold: Scalars['Float']['input'];
  expectedVersion: Scalars['Int']['input'];
  lateGraceMinutes: Scalars['Int']['input'];
  minFeedback: Scalars['Int']['input'];
};


export type MutationUpdateCompanySettingsArgs = {
  expectedVersion: Scalars['Int']['input'];
  rules: CompanyRulesInput;
};


export type MutationUpdateCourierLocationArgs = {
  heading?: InputMaybe<Scalars['Float']['input']>;
  lat: Scalars['Float']['input'];
  lng: Scalars['Float']['input'];
  speedKph?: InputMaybe<Scalars['Float']['input']>;
};


export type MutationUpdateDeliveryStatusArgs = {
  at?: InputMaybe<Scalars['AWSDateTime']['input']>;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  failureReason?: InputMaybe<FailureReason>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  lat?: InputMaybe<Scalars['Float']['input']>;
  lng?: InputMaybe<Scalars['Float']['input']>;
  locationAccuracyM?: InputMaybe<Scalars['Float']['input']>;
  locationUnavailable?: InputMaybe<LocationUnavailable>;
  note?: InputMaybe<Scalars['String']['input']>;
  photoKey?: InputMaybe<Scalars['String']['input']>;
  recipientName?: InputMaybe<Scalars['String']['input']>;
  reference: Scalars['String']['input'];
  signatureKey?: InputMaybe<Scalars['String']['input']>;
  status: BookingStatus;
};


export type MutationUpdatePickupWindowArgs = {
  pickupWindowEnd: Scalars['AWSDateTime']['input'];
  pickupWindowStart: Scalars['AWSDateTime']['input'];
  reference: Scalars['String']['input'];
};

export type NewAddress = {
  __typename?: 'NewAddress';
  city: Scalars['String']['output'];
  country?: Maybe<Scalars['String']['output']>;
  line1: Scalars['String']['output'];
  line2?: Maybe<Scalars['String']['output']>;
  postcode: Scalars['String']['output'];
  region?: Maybe<Scalars['String']['output']>;
};

export type NewAddressInput = {
  city: Scalars['String']['input'];
  country?: InputMaybe<Scalars['String']['input']>;
  line1: Scalars['String']['input'];
  line2?: InputMaybe<Scalars['String']['input']>;
  postcode: Scalars['String']['input'];
  region?: InputMaybe<Scalars['String']['input']>;
};

export type NewDeploymentSettings = {
  __typename?: 'NewDeploymentSettings';
  botAliasName?: Maybe<Scalars['String']['output']>;
  botName?: Maybe<Scalars['String']['output']>;
  contactFlowName?: Maybe<Scalars['String']['output']>;
  instanceId: Scalars['String']['output'];
  localeId?: Maybe<Scalars['String']['output']>;
  promptOverrides?: Maybe<Scalars['AWSJSON']['output']>;
  queueArn?: Maybe<Scalars['String']['output']>;
  voiceId?: Maybe<Scalars['String']['output']>;
};

export type NewDeploymentSettingsInput = {
  botAliasName?: InputMaybe<Scalars['String']['input']>;
  botName?: InputMaybe<Scalars['String']['input']>;
  contactFlowName?: InputMaybe<Scalars['String']['input']>;
  instanceId: Scalars['String']['input'];
  localeId?: InputMaybe<Scalars['String']['input']>;
  promptOverrides?: InputMaybe<Scalars['AWSJSON']['input']>;
  queueArn?: InputMaybe<Scalars['String']['input']>;
  voiceId?: InputMaybe<Scalars['String']['input']>;
};

export type NewPackage = {
  __typename?: 'NewPackage';
  description?: Maybe<Scalars['String']['output']>;
  handling?: Maybe<Array<SpecialHandling>>;
  size: PackageSize;
  weightKg: Scalars['Float']['output'];
};

export type NewPackageInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  handling?: InputMaybe<Array<SpecialHandling>>;
  size: PackageSize;
  weightKg: Scalars['Float']['input'];
};

export type OutcomeCount = {
  __typename?: 'OutcomeCount';
  count: Scalars['Int']['output'];
  outcome: CallOutcome;
};

export type PackageDetails = {
  __typename?: 'PackageDetails';
  description?: Maybe<Scalars['String']['output']>;
  handling: Array<SpecialHandling>;
  size: PackageSize;
  weightKg: Scalars['Float']['output'];
};

export type PackageSize =
  | 'LARGE'
  | 'MEDIUM'
  | 'OVERSIZED'
  | 'SMALL';

export type Partner = {
  __typename?: 'Partner';
  contactEmail: Scalars['String']['output'];
  createdAt: Scalars['AWSDateTime']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

export type PartnerFigures = {
  __typename?: 'PartnerFigures';
  averageRating?: Maybe<Scalars['Float']['output']>;
  bookings: Scalars['Int']['output'];
  calls: Scalars['Int']['output'];
  cancelled: Scalars['Int']['output'];
  complaints: Scalars['Int']['output'];
  delivered: Scalars['Int']['output'];
  errors: Scalars['Int']['output'];
  failed: Scalars['Int']['output'];
  feedback: Scalars['Int']['output'];
  graphqlCalls: Scalars['Int']['output'];
  mcpCalls: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  onTimeRate?: Maybe<Scalars['Float']['output']>;
  partnerId: Scalars['ID']['output'];
  rateLimited: Scalars['Int']['output'];
  successRate?: Maybe<Scalars['Float']['output']>;
};

export type PartnerStatusEvent = {
  __typename?: 'PartnerStatusEvent';
  actor: Actor;
  at: Scalars['AWSDateTime']['output'];
  failureReason?: Maybe<FailureReason>;
  note?: Maybe<Scalars['String']['output']>;
  reference: Scalars['String']['output'];
  status: BookingStatus;
};

export type PartnerToken = {
  __typename?: 'PartnerToken';
  createdAt: Scalars['AWSDateTime']['output'];
  createdBy: Actor;
  expiresAt: Scalars['AWSDateTime']['output'];
  name: Scalars['String']['output'];
  partnerId: Scalars['ID']['output'];
  rateLimitPerMinute: Scalars['Int']['output'];
  revokedAt?: Maybe<Scalars['AWSDateTime']['output']>;
  revokedBy?: Maybe<Actor>;
  scopes: Array<Scalars['String']['output']>;
  tokenId: Scalars['ID']['output'];
};

export type PickupWindow = {
  __typename?: 'PickupWindow';
  end: Scalars['AWSDateTime']['output'];
  start: Scalars['AWSDateTime']['output'];
};

export type PlannedStep = {
  __typename?: 'PlannedStep';
  description: Scalars['String']['output'];
  key: Scalars['String']['output'];
  title: Scalars['String']['output'];
};

export type ProofImages = {
  __typename?: 'ProofImages';
  at: Scalars['AWSDateTime']['output'];
  photoUrl?: Maybe<Scalars['AWSURL']['output']>;
  recipientName?: Maybe<Scalars['String']['output']>;
  signatureUrl?: Maybe<Scalars['AWSURL']['output']>;
};

export type ProofKind =
  | 'PHOTO'
  | 'SIGNATURE';

export type ProofRequirement =
  | 'PHOTO'
  | 'RECIPIENT_NAME'
  | 'SIGNATURE';

export type ProofUpload = {
  __typename?: 'ProofUpload';
  expiresAt: Scalars['AWSDateTime']['output'];
  headers: Scalars['AWSJSON']['output'];
  key: Scalars['String']['output'];
  uploadUrl: Scalars['AWSURL']['output'];
};

export type PublicStatusEvent = {
  __typename?: 'PublicStatusEvent';
  at: Scalars['AWSDateTime']['output'];
  status: BookingStatus;
};

export type PublicTracking = {
  __typename?: 'PublicTracking';
  courierPosition?: Maybe<GeoPoint>;
  deliveryCity: Scalars['String']['output'];
  eta?: Maybe<Scalars['AWSDateTime']['output']>;
  lastUpdate: Scalars['AWSDateTime']['output'];
  pickupCity: Scalars['String']['output'];
  reference: Scalars['String']['output'];
  status: BookingStatus;
  timeline: Array<PublicStatusEvent>;
};

export type Query = {
  __typename?: 'Query';
  adminNotices: AdminNoticePage;
  alertSettings: AlertSettings;
  analyticsBot: BotReport;
  analyticsFeedback: FeedbackReport;
  analyticsFeedbackComments: FeedbackPage;
  analyticsFleet: Array<FleetLine>;
  analyticsHeatMap: HeatReport;
  analyticsLex: LexReport;
  analyticsRegions: RegionReport;
  analyticsRoutes: RouteReport;
  analyticsVolumes: VolumeReport;
  botPrompts: Array<BotPrompt>;
  companySettings: CompanySettings;
  courierDeliveryHistory: BookingPage;
  courierEarnings?: Maybe<CourierEarnings>;
  courierFeedback: FeedbackPage;
  courierPerformance: CourierPerformance;
  courierSuggestions: Array<CourierSuggestion>;
  dashboard: Dashboard;
  executiveSummaries: Array<ExecutiveSummaryInfo>;
  getBooking?: Maybe<Booking>;
  getCourier?: Maybe<Courier>;
  getDeployment?: Maybe<Deployment>;
  getPartner?: Maybe<Partner>;
  listAuditEntries: AuditEntryPage;
  listBookings: BookingPage;
  listConnectInstances: Array<ConnectInstance>;
  listConnectQueues: Array<ConnectQueue>;
  listCouriers: CourierPage;
  listDeployments: DeploymentPage;
  listFeedback: FeedbackPage;
  listPartnerTokens: Array<PartnerToken>;
  listPartners: Array<Partner>;
  listStatusEvents: StatusEventPage;
  me: Me;
  partnerAnalytics: Array<PartnerFigures>;
  planDeployment: Array<PlannedStep>;
  proofImages?: Maybe<ProofImages>;
  rateCard: RateCardSetting;
  requiredProof: Array<ProofRequirement>;
  sentMessages: SentMessagePage;
  serviceAlerts: Array<ServiceAlert>;
  settingsChanges: SettingsChangePage;
  suggestedSequence: DeliverySequence;
  trackBooking?: Maybe<PublicTracking>;
};


export type QueryAdminNoticesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  nextToken?: InputMaybe<Scalars['String']['input']>;
};


export type QueryAnalyticsBotArgs = {
  from: Scalars['AWSDate']['input'];
  granularity: AnalyticsGranularity;
  to: Scalars['AWSDate']['input'];
};


export type QueryAnalyticsFeedbackArgs = {
  from: Scalars['AWSDate']['input'];
  granularity: AnalyticsGranularity;
  to: Scalars['AWSDate']['input'];
};


export type QueryAnalyticsFeedbackCommentsArgs = {
  category?: InputMaybe<ComplaintCategory>;
  from: Scalars['AWSDate']['input'];
  limit?: InputMaybe<Scalars['Int']['input']>;
  nextToken?: InputMaybe<Scalars['String']['input']>;
  rating?: InputMaybe<Scalars['Int']['input']>;
  sentiment?: InputMaybe<SentimentLabel>;
  severity?: InputMaybe<Severity>;
  to: Scalars['AWSDate']['input'];
  type?: InputMaybe<FeedbackType>;
};


export type QueryAnalyticsFleetArgs = {
  from: Scalars['AWSDate']['input'];
  to: Scalars['AWSDate']['input'];
};


export type QueryAnalyticsHeatMapArgs = {
  from: Scalars['AWSDate']['input'];
  to: Scalars['AWSDate']['input'];
};


export type QueryAnalyticsLexArgs = {
  from: Scalars['AWSDate']['input'];
  to: Scalars['AWSDate']['input'];
};


export type QueryAnalyticsRegionsArgs = {
  from: Scalars['AWSDate']['input'];
  to: Scalars['AWSDate']['input'];
};


export type QueryAnalyticsRoutesArgs = {
  from: Scalars['AWSDate']['input'];
  to: Scalars['AWSDate']['input'];
};


export type QueryAnalyticsVolumesArgs = {
  from: Scalars['AWSDate']['input'];
  granularity: AnalyticsGranularity;
  to: Scalars['AWSDate']['input'];
};


export type QueryBotPromptsArgs = {
  localeId?: InputMaybe<Scalars['String']['input']>;
};


export type QueryCourierDeliveryHistoryArgs = {
  courierId?: InputMaybe<Scalars['ID']['input']>;
  from?: InputMaybe<Scalars['AWSDate']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  nextToken?: InputMaybe<Scalars['String']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<BookingStatus>;
  to?: InputMaybe<Scalars['AWSDate']['input']>;
};


export type QueryCourierEarningsArgs = {
  courierId?: InputMaybe<Scalars['ID']['input']>;
  from: Scalars['AWSDate']['input'];
  to: Scalars['AWSDate']['input'];
};


export type QueryCourierFeedbackArgs = {
  courierId?: InputMaybe<Scalars['ID']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  nextToken?: InputMaybe<Scalars['String']['input']>;
};


export type QueryCourierPerformanceArgs = {
  courierId?: InputMaybe<Scalars['ID']['input']>;
  from: Scalars['AWSDate']['input'];
  granularity: AnalyticsGranularity;
  to: Scalars['AWSDate']['input'];
};


export type QueryCourierSuggestionsArgs = {
  courierId?: InputMaybe<Scalars['ID']['input']>;
  from: Scalars['AWSDate']['input'];
  to: Scalars['AWSDate']['input'];
};


export type QueryDashboardArgs = {
  day?: InputMaybe<Scalars['AWSDate']['input']>;
};


export type QueryGetBookingArgs = {
  reference: Scalars['String']['input'];
};


export type QueryGetCourierArgs = {
  id: Scalars['ID']['input'];
};


export type QueryGetDeploymentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryGetPartnerArgs = {
  id: Scalars['ID']['input'];
};


export type QueryListAuditEntriesArgs = {
  day?: InputMaybe<Scalars['AWSDate']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  nextToken?: InputMaybe<Scalars['String']['input']>;
  partnerId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryListBookingsArgs = {
  courierId?: InputMaybe<Scalars['ID']['input']>;
  day?: InputMaybe<Scalars['AWSDate']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  nextToken?: InputMaybe<Scalars['String']['input']>;
  partnerId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<BookingStatus>;
};


export type QueryListConnectQueuesArgs = {
  instanceId: Scalars['String']['input'];
};


export type QueryListCouriersArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  nextToken?: InputMaybe<Scalars['String']['input']>;
};


export type QueryListDeploymentsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  nextToken?: InputMaybe<Scalars['String']['input']>;
};


export type QueryListFeedbackArgs = {
  bookingReference?: InputMaybe<Scalars['String']['input']>;
  courierId?: InputMaybe<Scalars['ID']['input']>;
  day?: InputMaybe<Scalars['AWSDate']['input']>;
  flaggedOnly?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  nextToken?: InputMaybe<Scalars['String']['input']>;
};


export type QueryListPartnerTokensArgs = {
  partnerId: Scalars['ID']['input'];
};


export type QueryListStatusEventsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  partnerId?: InputMaybe<Scalars['ID']['input']>;
  since?: InputMaybe<Scalars['String']['input']>;
};


export type QueryPartnerAnalyticsArgs = {
  from: Scalars['AWSDate']['input'];
  partnerId?: InputMaybe<Scalars['ID']['input']>;
  to: Scalars['AWSDate']['input'];
};


export type QueryPlanDeploymentArgs = {
  settings: NewDeploymentSettingsInput;
};


export type QueryProofImagesArgs = {
  reference: Scalars['String']['input'];
};


export type QuerySentMessagesArgs = {
  bookingReference?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  nextToken?: InputMaybe<Scalars['String']['input']>;
};


export type QueryServiceAlertsArgs = {
  day: Scalars['AWSDate']['input'];
};


export type QuerySettingsChangesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  nextToken?: InputMaybe<Scalars['String']['input']>;
};


export type QuerySuggestedSequenceArgs = {
  courierId?: InputMaybe<Scalars['ID']['input']>;
  lat?: InputMaybe<Scalars['Float']['input']>;
  lng?: InputMaybe<Scalars['Float']['input']>;
};


export type QueryTrackBookingArgs = {
  reference: Scalars['String']['input'];
};

export type RankingMeasure =
  | 'AVERAGE_RATING'
  | 'DELIVERED'
  | 'ON_TIME_RATE'
  | 'SUCCESS_RATE';

export type RateCardRates = {
  __typename?: 'RateCardRates';
  currency: Scalars['String']['output'];
  perDelivery: Scalars['Float']['output'];
  perKm: Scalars['Float']['output'];
  sizeSurcharges?: Maybe<Array<SizeSurcharge>>;
  weightSurcharges?: Maybe<Array<WeightSurcharge>>;
};

export type RateCardRatesInput = {
  currency: Scalars['String']['input'];
  perDelivery: Scalars['Float']['input'];
  perKm: Scalars['Float']['input'];
  sizeSurcharges?: InputMaybe<Array<SizeSurchargeInput>>;
  weightSurcharges?: InputMaybe<Array<WeightSurchargeInput>>;
};

export type RateCardSetting = {
  __typename?: 'RateCardSetting';
  inForce?: Maybe<RateCardVersion>;
  upcoming: Array<RateCardVersion>;
  version: Scalars['Int']['output'];
};

export type RateCardVersion = {
  __typename?: 'RateCardVersion';
  effectiveFrom: Scalars['AWSDate']['output'];
  rates?: Maybe<RateCardRates>;
  setAt: Scalars['AWSDateTime']['output'];
  setBy: SettingsAuthor;
  version: Scalars['Int']['output'];
};

export type RatingCount = {
  __typename?: 'RatingCount';
  count: Scalars['Int']['output'];
  rating: Scalars['Int']['output'];
};

export type ReasonCount = {
  __typename?: 'ReasonCount';
  count: Scalars['Int']['output'];
  reason: Scalars['String']['output'];
};

export type RegionFigures = {
  __typename?: 'RegionFigures';
  bookingToPickup: DurationStats;
  bookings: Scalars['Int']['output'];
  cancelled: Scalars['Int']['output'];
  delivered: Scalars['Int']['output'];
  failed: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  onTimeBase: Scalars['Int']['output'];
  onTimeRate?: Maybe<Scalars['Float']['output']>;
  pickupBase: Scalars['Int']['output'];
  pickupOnTimeRate?: Maybe<Scalars['Float']['output']>;
  pickupToDelivery: DurationStats;
  regionId: Scalars['String']['output'];
};

export type RegionHour = {
  __typename?: 'RegionHour';
  collected: Scalars['Int']['output'];
  hour: Scalars['Int']['output'];
  late: Scalars['Int']['output'];
  lateRate?: Maybe<Scalars['Float']['output']>;
  name: Scalars['String']['output'];
  perDay: Scalars['Float']['output'];
  pickups: Scalars['Int']['output'];
  regionId: Scalars['String']['output'];
};

export type RegionReport = {
  __typename?: 'RegionReport';
  from: Scalars['AWSDate']['output'];
  regions: Array<RegionFigures>;
  to: Scalars['AWSDate']['output'];
  total: RegionFigures;
};

export type Role =
  | 'ADMIN'
  | 'COURIER'
  | 'PARTNER';

export type RouteReport = {
  __typename?: 'RouteReport';
  busiestSlots: Array<RegionHour>;
  corridors: Array<Corridor>;
  days: Scalars['Int']['output'];
  deliveriesByHour: Array<HourCount>;
  from: Scalars['AWSDate']['output'];
  pickupsByHour: Array<HourCount>;
  suggestions: Array<RouteSuggestion>;
  to: Scalars['AWSDate']['output'];
};

export type RouteSuggestion = {
  __typename?: 'RouteSuggestion';
  detail: Scalars['String']['output'];
  figures: Array<SuggestionFigure>;
  kind: Scalars['String']['output'];
  title: Scalars['String']['output'];
};

export type SentMessage = {
  __typename?: 'SentMessage';
  bookingReference: Scalars['String']['output'];
  delivery: MessageDelivery;
  id: Scalars['ID']['output'];
  kind: BookingStatus;
  phone: Scalars['String']['output'];
  sentAt: Scalars['AWSDateTime']['output'];
  text: Scalars['String']['output'];
  trackingUrl: Scalars['String']['output'];
};

export type SentMessagePage = {
  __typename?: 'SentMessagePage';
  items: Array<SentMessage>;
  nextToken?: Maybe<Scalars['String']['output']>;
};

export type Sentiment = {
  __typename?: 'Sentiment';
  label: SentimentLabel;
  score: Scalars['Float']['output'];
};

export type SentimentCount = {
  __typename?: 'SentimentCount';
  count: Scalars['Int']['output'];
  label: SentimentLabel;
};

export type SentimentLabel =
  | 'MIXED'
  | 'NEGATIVE'
  | 'NEUTRAL'
  | 'POSITIVE';

export type SequencedStop = {
  __typename?: 'SequencedStop';
  address: Address;
  customerName: Scalars['String']['output'];
  kind: StopKind;
  lateMinutes: Scalars['Int']['output'];
  plannedArrival: Scalars['AWSDateTime']['output'];
  point?: Maybe<GeoPoint>;
  reference: Scalars['String']['output'];
  status: BookingStatus;
  windowEnd?: Maybe<Scalars['AWSDateTime']['output']>;
  windowStart?: Maybe<Scalars['AWSDateTime']['output']>;
};

export type ServiceAlert = {
  __typename?: 'ServiceAlert';
  complaints?: Maybe<Scalars['Int']['output']>;
  day: Scalars['AWSDate']['output'];
  feedback?: Maybe<Scalars['Int']['output']>;
  key: Scalars['String']['output'];
  kind: AlertKind;
  message: Scalars['String']['output'];
  minutesLate?: Maybe<Scalars['Int']['output']>;
  raisedAt: Scalars['AWSDateTime']['output'];
  rate?: Maybe<Scalars['Float']['output']>;
  recovery?: Maybe<Scalars['String']['output']>;
  reference?: Maybe<Scalars['String']['output']>;
  table?: Maybe<Scalars['String']['output']>;
  threshold?: Maybe<Scalars['Float']['output']>;
};

export type SettingChange = {
  __typename?: 'SettingChange';
  field: Scalars['String']['output'];
  from?: Maybe<Scalars['AWSJSON']['output']>;
  to?: Maybe<Scalars['AWSJSON']['output']>;
};

export type SettingsAuthor = {
  __typename?: 'SettingsAuthor';
  name?: Maybe<Scalars['String']['output']>;
  sub: Scalars['String']['output'];
};

export type SettingsChangePage = {
  __typename?: 'SettingsChangePage';
  items: Array<SettingsChangeRecord>;
  nextToken?: Maybe<Scalars['String']['output']>;
};

export type SettingsChangeRecord = {
  __typename?: 'SettingsChangeRecord';
  at: Scalars['AWSDateTime']['output'];
  by: SettingsAuthor;
  changes: Array<SettingChange>;
  version: Scalars['Int']['output'];
};

export type Severity =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

export type SeverityCount = {
  __typename?: 'SeverityCount';
  count: Scalars['Int']['output'];
  severity: Severity;
};

export type SizeSurcharge = {
  __typename?: 'SizeSurcharge';
  amount: Scalars['Float']['output'];
  size: PackageSize;
};

export type SizeSurchargeInput = {
  amount: Scalars['Float']['input'];
  size: PackageSize;
};

export type SlotCount = {
  __typename?: 'SlotCount';
  count: Scalars['Int']['output'];
  slot: Scalars['String']['output'];
};

export type SpecialHandling =
  | 'FRAGILE'
  | 'HAZARDOUS'
  | 'KEEP_UPRIGHT'
  | 'PERISHABLE'
  | 'SIGNATURE_REQUIRED';

export type StatusCount = {
  __typename?: 'StatusCount';
  count: Scalars['Int']['output'];
  status: BookingStatus;
};

export type StatusEvent = {
  __typename?: 'StatusEvent';
  actor: Actor;
  at: Scalars['AWSDateTime']['output'];
  failureReason?: Maybe<FailureReason>;
  location?: Maybe<GeoPoint>;
  locationAccuracyM?: Maybe<Scalars['Float']['output']>;
  locationUnavailable?: Maybe<LocationUnavailable>;
  note?: Maybe<Scalars['String']['output']>;
  proof?: Maybe<DeliveryProof>;
  receivedAt?: Maybe<Scalars['AWSDateTime']['output']>;
  status: BookingStatus;
};

export type StatusEventPage = {
  __typename?: 'StatusEventPage';
  cursor?: Maybe<Scalars['String']['output']>;
  events: Array<PartnerStatusEvent>;
  hasMore: Scalars['Boolean']['output'];
};

export type StopKey = {
  __typename?: 'StopKey';
  kind: StopKind;
  reference: Scalars['String']['output'];
};

export type StopKeyInput = {
  kind: StopKind;
  reference: Scalars['String']['input'];
};

export type StopKind =
  | 'DELIVERY'
  | 'PICKUP';

export type Subscription = {
  __typename?: 'Subscription';
  onAlertRaised?: Maybe<ServiceAlert>;
  onBookingChanged?: Maybe<Booking>;
  onCourierMoved?: Maybe<CourierMove>;
  onDeploymentChanged?: Maybe<Deployment>;
};


export type SubscriptionOnBookingChangedArgs = {
  courierId?: InputMaybe<Scalars['ID']['input']>;
  partnerId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionOnCourierMovedArgs = {
  courierId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionOnDeploymentChangedArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
};

export type SuggestionFigure = {
  __typename?: 'SuggestionFigure';
  label: Scalars['String']['output'];
  value: Scalars['String']['output'];
};

export type SystemHealth = {
  __typename?: 'SystemHealth';
  api: Scalars['Boolean']['output'];
  database: Scalars['Boolean']['output'];
  dependencies: Array<DependencyHealth>;
  lastChangeFeedEventAt?: Maybe<Scalars['AWSDateTime']['output']>;
  lastVoiceCallAt?: Maybe<Scalars['AWSDateTime']['output']>;
  voicebot: VoicebotStatus;
};

export type UtteranceCount = {
  __typename?: 'UtteranceCount';
  count: Scalars['Int']['output'];
  text: Scalars['String']['output'];
};

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

export type VoicebotStatus = {
  __typename?: 'VoicebotStatus';
  detail?: Maybe<Scalars['String']['output']>;
  state: VoicebotDeploymentState;
};

export type VolumeBucket = {
  __typename?: 'VolumeBucket';
  end: Scalars['AWSDate']['output'];
  figures: VolumeFigures;
  previous: VolumeFigures;
  start: Scalars['AWSDate']['output'];
};

export type VolumeFigures = {
  __typename?: 'VolumeFigures';
  bookings: Scalars['Int']['output'];
  byChannel: Array<ChannelVolume>;
  cancelled: Scalars['Int']['output'];
  delivered: Scalars['Int']['output'];
  failed: Scalars['Int']['output'];
  failureReasons: Array<FailureReasonCount>;
  returned: Scalars['Int']['output'];
};

export type VolumeReport = {
  __typename?: 'VolumeReport';
  buckets: Array<VolumeBucket>;
  from: Scalars['AWSDate']['output'];
  granularity: AnalyticsGranularity;
  previousFrom: Scalars['AWSDate']['output'];
  previousTo: Scalars['AWSDate']['output'];
  previousTotal: VolumeFigures;
  to: Scalars['AWSDate']['output'];
  total: VolumeFigures;
};

export type Weekday =
  | 'FRI'
  | 'MON'
  | 'SAT'
  | 'SUN'
  | 'THU'
  | 'TUE'
  | 'WED';

export type WeightSurcharge = {
  __typename?: 'WeightSurcharge';
  amount: Scalars['Float']['output'];
  overKg: Scalars['Int']['output'];
};

export type WeightSurchargeInput = {
  amount: Scalars['Float']['input'];
  overKg: Scalars['Int']['input'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AWSDate: ResolverTypeWrapper<Scalars['AWSDate']['output']>;
  AWSDateTime: ResolverTypeWrapper<Scalars['AWSDateTime']['output']>;
  AWSEmail: ResolverTypeWrapper<Scalars['AWSEmail']['output']>;
  AWSIPAddress: ResolverTypeWrapper<Scalars['AWSIPAddress']['output']>;
  AWSJSON: ResolverTypeWrapper<Scalars['AWSJSON']['output']>;
  AWSPhone: ResolverTypeWrapper<Scalars['AWSPhone']['output']>;
  AWSTime: ResolverTypeWrapper<Scalars['AWSTime']['output']>;
  AWSTimestamp: ResolverTypeWrapper<Scalars['AWSTimestamp']['output']>;
  AWSURL: ResolverTypeWrapper<Scalars['AWSURL']['output']>;
  Actor: ResolverTypeWrapper<Actor>;
  ActorType: ActorType;
  Address: ResolverTypeWrapper<Address>;
  AdminNotice: ResolverTypeWrapper<AdminNotice>;
  AdminNoticeDelivery: AdminNoticeDelivery;
  AdminNoticePage: ResolverTypeWrapper<AdminNoticePage>;
  AlertKind: AlertKind;
  AlertSettings: ResolverTypeWrapper<AlertSettings>;
  AmplifyAIConversationTurnErrorInput: AmplifyAiConversationTurnErrorInput;
  AnalyticsGranularity: AnalyticsGranularity;
  AuditEntry: ResolverTypeWrapper<AuditEntry>;
  AuditEntryPage: ResolverTypeWrapper<AuditEntryPage>;
  AuditSource: AuditSource;
  Booking: ResolverTypeWrapper<Booking>;
  BookingPage: ResolverTypeWrapper<BookingPage>;
  BookingStatus: BookingStatus;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  BotBucket: ResolverTypeWrapper<BotBucket>;
  BotFigures: ResolverTypeWrapper<BotFigures>;
  BotPrompt: ResolverTypeWrapper<BotPrompt>;
  BotReport: ResolverTypeWrapper<BotReport>;
  BreakerState: BreakerState;
  CallOutcome: CallOutcome;
  CategoryCount: ResolverTypeWrapper<CategoryCount>;
  Channel: Channel;
  ChannelCount: ResolverTypeWrapper<ChannelCount>;
  ChannelVolume: ResolverTypeWrapper<ChannelVolume>;
  CollectionHours: ResolverTypeWrapper<CollectionHours>;
  CollectionHoursInput: CollectionHoursInput;
  CompanyRules: ResolverTypeWrapper<CompanyRules>;
  CompanyRulesInput: CompanyRulesInput;
  CompanySettings: ResolverTypeWrapper<CompanySettings>;
  ComplaintCategory: ComplaintCategory;
  ConnectInstance: ResolverTypeWrapper<ConnectInstance>;
  ConnectQueue: ResolverTypeWrapper<ConnectQueue>;
  Corridor: ResolverTypeWrapper<Corridor>;
  CorridorCount: ResolverTypeWrapper<CorridorCount>;
  Courier: ResolverTypeWrapper<Courier>;
  CourierBucket: ResolverTypeWrapper<CourierBucket>;
  CourierEarnings: ResolverTypeWrapper<CourierEarnings>;
  CourierFigures: ResolverTypeWrapper<CourierFigures>;
  CourierLocation: ResolverTypeWrapper<CourierLocation>;
  CourierMove: ResolverTypeWrapper<CourierMove>;
  CourierPage: ResolverTypeWrapper<CourierPage>;
  CourierPerformance: ResolverTypeWrapper<CourierPerformance>;
  CourierRanking: ResolverTypeWrapper<CourierRanking>;
  CourierSuggestion: ResolverTypeWrapper<CourierSuggestion>;
  Dashboard: ResolverTypeWrapper<Dashboard>;
  DashboardAlerts: ResolverTypeWrapper<DashboardAlerts>;
  DashboardKpis: ResolverTypeWrapper<DashboardKpis>;
  DelayedDelivery: ResolverTypeWrapper<DelayedDelivery>;
  DeliveryProof: ResolverTypeWrapper<DeliveryProof>;
  DeliverySequence: ResolverTypeWrapper<DeliverySequence>;
  DependencyHealth: ResolverTypeWrapper<DependencyHealth>;
  Deployment: ResolverTypeWrapper<Deployment>;
  DeploymentError: ResolverTypeWrapper<DeploymentError>;
  DeploymentPage: ResolverTypeWrapper<DeploymentPage>;
  DeploymentResource: ResolverTypeWrapper<DeploymentResource>;
  DeploymentSettings: ResolverTypeWrapper<DeploymentSettings>;
  DeploymentStatus: DeploymentStatus;
  DeploymentStep: ResolverTypeWrapper<DeploymentStep>;
  DeploymentStepStatus: DeploymentStepStatus;
  DistanceSource: DistanceSource;
  DurationStats: ResolverTypeWrapper<DurationStats>;
  EarningsStretch: ResolverTypeWrapper<EarningsStretch>;
  ExecutiveSummaryInfo: ResolverTypeWrapper<ExecutiveSummaryInfo>;
  FailureReason: FailureReason;
  FailureReasonCount: ResolverTypeWrapper<FailureReasonCount>;
  Feedback: ResolverTypeWrapper<Feedback>;
  FeedbackBucket: ResolverTypeWrapper<FeedbackBucket>;
  FeedbackFigures: ResolverTypeWrapper<FeedbackFigures>;
  FeedbackPage: ResolverTypeWrapper<FeedbackPage>;
  FeedbackReport: ResolverTypeWrapper<FeedbackReport>;
  FeedbackType: FeedbackType;
  FleetLine: ResolverTypeWrapper<FleetLine>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  GeoPoint: ResolverTypeWrapper<GeoPoint>;
  GeoPrecision: GeoPrecision;
  HeatCell: ResolverTypeWrapper<HeatCell>;
  HeatReport: ResolverTypeWrapper<HeatReport>;
  HourCount: ResolverTypeWrapper<HourCount>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  IntentCount: ResolverTypeWrapper<IntentCount>;
  IssuedPartnerToken: ResolverTypeWrapper<IssuedPartnerToken>;
  LexAnalyticsState: LexAnalyticsState;
  LexIntentFigures: ResolverTypeWrapper<LexIntentFigures>;
  LexReport: ResolverTypeWrapper<LexReport>;
  LexStageFigures: ResolverTypeWrapper<LexStageFigures>;
  LocationUnavailable: LocationUnavailable;
  Me: ResolverTypeWrapper<Me>;
  MessageDelivery: MessageDelivery;
  ModelAttributeTypes: ModelAttributeTypes;
  ModelBooleanInput: ModelBooleanInput;
  ModelFloatInput: ModelFloatInput;
  ModelIDInput: ModelIdInput;
  ModelIntInput: ModelIntInput;
  ModelSizeInput: ModelSizeInput;
  ModelSortDirection: ModelSortDirection;
  ModelStringInput: ModelStringInput;
  ModelSubscriptionBooleanInput: ModelSubscriptionBooleanInput;
  ModelSubscriptionFloatInput: ModelSubscriptionFloatInput;
  ModelSubscriptionIDInput: ModelSubscriptionIdInput;
  ModelSubscriptionIntInput: ModelSubscriptionIntInput;
  ModelSubscriptionStringInput: ModelSubscriptionStringInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NewAddress: ResolverTypeWrapper<NewAddress>;
  NewAddressInput: NewAddressInput;
  NewDeploymentSettings: ResolverTypeWrapper<NewDeploymentSettings>;
  NewDeploymentSettingsInput: NewDeploymentSettingsInput;
  NewPackage: ResolverTypeWrapper<NewPackage>;
  NewPackageInput: NewPackageInput;
  OutcomeCount: ResolverTypeWrapper<OutcomeCount>;
  PackageDetails: ResolverTypeWrapper<PackageDetails>;
  PackageSize: PackageSize;
  Partner: ResolverTypeWrapper<Partner>;
  PartnerFigures: ResolverTypeWrapper<PartnerFigures>;
  PartnerStatusEvent: ResolverTypeWrapper<PartnerStatusEvent>;
  PartnerToken: ResolverTypeWrapper<PartnerToken>;
  PickupWindow: ResolverTypeWrapper<PickupWindow>;
  PlannedStep: ResolverTypeWrapper<PlannedStep>;
  ProofImages: ResolverTypeWrapper<ProofImages>;
  ProofKind: ProofKind;
  ProofRequirement: ProofRequirement;
  ProofUpload: ResolverTypeWrapper<ProofUpload>;
  PublicStatusEvent: ResolverTypeWrapper<PublicStatusEvent>;
  PublicTracking: ResolverTypeWrapper<PublicTracking>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RankingMeasure: RankingMeasure;
  RateCardRates: ResolverTypeWrapper<RateCardRates>;
  RateCardRatesInput: RateCardRatesInput;
  RateCardSetting: ResolverTypeWrapper<RateCardSetting>;
  RateCardVersion: ResolverTypeWrapper<RateCardVersion>;
  RatingCount: ResolverTypeWrapper<RatingCount>;
  ReasonCount: ResolverTypeWrapper<ReasonCount>;
  RegionFigures: ResolverTypeWrapper<RegionFigures>;
  RegionHour: ResolverTypeWrapper<RegionHour>;
  RegionReport: ResolverTypeWrapper<RegionReport>;
  Role: Role;
  RouteReport: ResolverTypeWrapper<RouteReport>;
  RouteSuggestion: ResolverTypeWrapper<RouteSuggestion>;
  SentMessage: ResolverTypeWrapper<SentMessage>;
  SentMessagePage: ResolverTypeWrapper<SentMessagePage>;
  Sentiment: ResolverTypeWrapper<Sentiment>;
  SentimentCount: ResolverTypeWrapper<SentimentCount>;
  SentimentLabel: SentimentLabel;
  SequencedStop: ResolverTypeWrapper<SequencedStop>;
  ServiceAlert: ResolverTypeWrapper<ServiceAlert>;
  SettingChange: ResolverTypeWrapper<SettingChange>;
  SettingsAuthor: ResolverTypeWrapper<SettingsAuthor>;
  SettingsChangePage: ResolverTypeWrapper<SettingsChangePage>;
  SettingsChangeRecord: ResolverTypeWrapper<SettingsChangeRecord>;
  Severity: Severity;
  SeverityCount: ResolverTypeWrapper<SeverityCount>;
  SizeSurcharge: ResolverTypeWrapper<SizeSurcharge>;
  SizeSurchargeInput: SizeSurchargeInput;
  SlotCount: ResolverTypeWrapper<SlotCount>;
  SpecialHandling: SpecialHandling;
  StatusCount: ResolverTypeWrapper<StatusCount>;
  StatusEvent: ResolverTypeWrapper<StatusEvent>;
  StatusEventPage: ResolverTypeWrapper<StatusEventPage>;
  StopKey: ResolverTypeWrapper<StopKey>;
  StopKeyInput: StopKeyInput;
  StopKind: StopKind;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SuggestionFigure: ResolverTypeWrapper<SuggestionFigure>;
  SystemHealth: ResolverTypeWrapper<SystemHealth>;
  UtteranceCount: ResolverTypeWrapper<UtteranceCount>;
  Vehicle: Vehicle;
  VoicebotDeploymentState: VoicebotDeploymentState;
  VoicebotStatus: ResolverTypeWrapper<VoicebotStatus>;
  VolumeBucket: ResolverTypeWrapper<VolumeBucket>;
  VolumeFigures: ResolverTypeWrapper<VolumeFigures>;
  VolumeReport: ResolverTypeWrapper<VolumeReport>;
  Weekday: Weekday;
  WeightSurcharge: ResolverTypeWrapper<WeightSurcharge>;
  WeightSurchargeInput: WeightSurchargeInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AWSDate: Scalars['AWSDate']['output'];
  AWSDateTime: Scalars['AWSDateTime']['output'];
  AWSEmail: Scalars['AWSEmail']['output'];
  AWSIPAddress: Scalars['AWSIPAddress']['output'];
  AWSJSON: Scalars['AWSJSON']['output'];
  AWSPhone: Scalars['AWSPhone']['output'];
  AWSTime: Scalars['AWSTime']['output'];
  AWSTimestamp: Scalars['AWSTimestamp']['output'];
  AWSURL: Scalars['AWSURL']['output'];
  Actor: Actor;
  Address: Address;
  AdminNotice: AdminNotice;
  AdminNoticePage: AdminNoticePage;
  AlertSettings: AlertSettings;
  AmplifyAIConversationTurnErrorInput: AmplifyAiConversationTurnErrorInput;
  AuditEntry: AuditEntry;
  AuditEntryPage: AuditEntryPage;
  Booking: Booking;
  BookingPage: BookingPage;
  Boolean: Scalars['Boolean']['output'];
  BotBucket: BotBucket;
  BotFigures: BotFigures;
  BotPrompt: BotPrompt;
  BotReport: BotReport;
  CategoryCount: CategoryCount;
  ChannelCount: ChannelCount;
  ChannelVolume: ChannelVolume;
  CollectionHours: CollectionHours;
  CollectionHoursInput: CollectionHoursInput;
  CompanyRules: CompanyRules;
  CompanyRulesInput: CompanyRulesInput;
  CompanySettings: CompanySettings;
  ConnectInstance: ConnectInstance;
  ConnectQueue: ConnectQueue;
  Corridor: Corridor;
  CorridorCount: CorridorCount;
  Courier: Courier;
  CourierBucket: CourierBucket;
  CourierEarnings: CourierEarnings;
  CourierFigures: CourierFigures;
  CourierLocation: CourierLocation;
  CourierMove: CourierMove;
  CourierPage: CourierPage;
  CourierPerformance: CourierPerformance;
  CourierRanking: CourierRanking;
  CourierSuggestion: CourierSuggestion;
  Dashboard: Dashboard;
  DashboardAlerts: DashboardAlerts;
  DashboardKpis: DashboardKpis;
  DelayedDelivery: DelayedDelivery;
  DeliveryProof: DeliveryProof;
  DeliverySequence: DeliverySequence;
  DependencyHealth: DependencyHealth;
  Deployment: Deployment;
  DeploymentError: DeploymentError;
  DeploymentPage: DeploymentPage;
  DeploymentResource: DeploymentResource;
  DeploymentSettings: DeploymentSettings;
  DeploymentStep: DeploymentStep;
  DurationStats: DurationStats;
  EarningsStretch: EarningsStretch;
  ExecutiveSummaryInfo: ExecutiveSummaryInfo;
  FailureReasonCount: FailureReasonCount;
  Feedback: Feedback;
  FeedbackBucket: FeedbackBucket;
  FeedbackFigures: FeedbackFigures;
  FeedbackPage: FeedbackPage;
  FeedbackReport: FeedbackReport;
  FleetLine: FleetLine;
  Float: Scalars['Float']['output'];
  GeoPoint: GeoPoint;
  HeatCell: HeatCell;
  HeatReport: HeatReport;
  HourCount: HourCount;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  IntentCount: IntentCount;
  IssuedPartnerToken: IssuedPartnerToken;
  LexIntentFigures: LexIntentFigures;
  LexReport: LexReport;
  LexStageFigures: LexStageFigures;
  Me: Me;
  ModelBooleanInput: ModelBooleanInput;
  ModelFloatInput: ModelFloatInput;
  ModelIDInput: ModelIdInput;
  ModelIntInput: ModelIntInput;
  ModelSizeInput: ModelSizeInput;
  ModelStringInput: ModelStringInput;
  ModelSubscriptionBooleanInput: ModelSubscriptionBooleanInput;
  ModelSubscriptionFloatInput: ModelSubscriptionFloatInput;
  ModelSubscriptionIDInput: ModelSubscriptionIdInput;
  ModelSubscriptionIntInput: ModelSubscriptionIntInput;
  ModelSubscriptionStringInput: ModelSubscriptionStringInput;
  Mutation: Record<PropertyKey, never>;
  NewAddress: NewAddress;
  NewAddressInput: NewAddressInput;
  NewDeploymentSettings: NewDeploymentSettings;
  NewDeploymentSettingsInput: NewDeploymentSettingsInput;
  NewPackage: NewPackage;
  NewPackageInput: NewPackageInput;
  OutcomeCount: OutcomeCount;
  PackageDetails: PackageDetails;
  Partner: Partner;
  PartnerFigures: PartnerFigures;
  PartnerStatusEvent: PartnerStatusEvent;
  PartnerToken: PartnerToken;
  PickupWindow: PickupWindow;
  PlannedStep: PlannedStep;
  ProofImages: ProofImages;
  ProofUpload: ProofUpload;
  PublicStatusEvent: PublicStatusEvent;
  PublicTracking: PublicTracking;
  Query: Record<PropertyKey, never>;
  RateCardRates: RateCardRates;
  RateCardRatesInput: RateCardRatesInput;
  RateCardSetting: RateCardSetting;
  RateCardVersion: RateCardVersion;
  RatingCount: RatingCount;
  ReasonCount: ReasonCount;
  RegionFigures: RegionFigures;
  RegionHour: RegionHour;
  RegionReport: RegionReport;
  RouteReport: RouteReport;
  RouteSuggestion: RouteSuggestion;
  SentMessage: SentMessage;
  SentMessagePage: SentMessagePage;
  Sentiment: Sentiment;
  SentimentCount: SentimentCount;
  SequencedStop: SequencedStop;
  ServiceAlert: ServiceAlert;
  SettingChange: SettingChange;
  SettingsAuthor: SettingsAuthor;
  SettingsChangePage: SettingsChangePage;
  SettingsChangeRecord: SettingsChangeRecord;
  SeverityCount: SeverityCount;
  SizeSurcharge: SizeSurcharge;
  SizeSurchargeInput: SizeSurchargeInput;
  SlotCount: SlotCount;
  StatusCount: StatusCount;
  StatusEvent: StatusEvent;
  StatusEventPage: StatusEventPage;
  StopKey: StopKey;
  StopKeyInput: StopKeyInput;
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  SuggestionFigure: SuggestionFigure;
  SystemHealth: SystemHealth;
  UtteranceCount: UtteranceCount;
  VoicebotStatus: VoicebotStatus;
  VolumeBucket: VolumeBucket;
  VolumeFigures: VolumeFigures;
  VolumeReport: VolumeReport;
  WeightSurcharge: WeightSurcharge;
  WeightSurchargeInput: WeightSurchargeInput;
};

export type Aws_Api_KeyDirectiveArgs = { };

export type Aws_Api_KeyDirectiveResolver<Result, Parent, ContextType = any, Args = Aws_Api_KeyDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Aws_AuthDirectiveArgs = {
  cognito_groups?: Maybe<Array<Maybe<Scalars['String']['input']>>>;
};

export type Aws_AuthDirectiveResolver<Result, Parent, ContextType = any, Args = Aws_AuthDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Aws_Cognito_User_PoolsDirectiveArgs = {
  cognito_groups?: Maybe<Array<Maybe<Scalars['String']['input']>>>;
};

export type Aws_Cognito_User_PoolsDirectiveResolver<Result, Parent, ContextType = any, Args = Aws_Cognito_User_PoolsDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Aws_IamDirectiveArgs = { };

export type Aws_IamDirectiveResolver<Result, Parent, ContextType = any, Args = Aws_IamDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Aws_LambdaDirectiveArgs = { };

export type Aws_LambdaDirectiveResolver<Result, Parent, ContextType = any, Args = Aws_LambdaDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Aws_OidcDirectiveArgs = { };

export type Aws_OidcDirectiveResolver<Result, Parent, ContextType = any, Args = Aws_OidcDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Aws_SubscribeDirectiveArgs = {
  mutations?: Maybe<Array<Maybe<Scalars['String']['input']>>>;
};

export type Aws_SubscribeDirectiveResolver<Result, Parent, ContextType = any, Args = Aws_SubscribeDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export interface AwsDateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['AWSDate'], any> {
  name: 'AWSDate';
}

export interface AwsDateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['AWSDateTime'], any> {
  name: 'AWSDateTime';
}

export interface AwsEmailScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['AWSEmail'], any> {
  name: 'AWSEmail';
}

export interface AwsipAddressScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['AWSIPAddress'], any> {
  name: 'AWSIPAddress';
}

export interface AwsjsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['AWSJSON'], any> {
  name: 'AWSJSON';
}

export interface AwsPhoneScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['AWSPhone'], any> {
  name: 'AWSPhone';
}

export interface AwsTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['AWSTime'], any> {
  name: 'AWSTime';
}

export interface AwsTimestampScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['AWSTimestamp'], any> {
  name: 'AWSTimestamp';
}

export interface AwsurlScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['AWSURL'], any> {
  name: 'AWSURL';
}

export type ActorResolvers<ContextType = any, ParentType extends ResolversParentTypes['Actor'] = ResolversParentTypes['Actor']> = {
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['ActorType'], ParentType, ContextType>;
};

export type AddressResolvers<ContextType = any, ParentType extends ResolversParentTypes['Address'] = ResolversParentTypes['Address']> = {
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  country?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  line1?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  line2?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  point?: Resolver<Maybe<ResolversTypes['GeoPoint']>, ParentType, ContextType>;
  postcode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  precision?: Resolver<Maybe<ResolversTypes['GeoPrecision']>, ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AdminNoticeResolvers<ContextType = any, ParentType extends ResolversParentTypes['AdminNotice'] = ResolversParentTypes['AdminNotice']> = {
  delivery?: Resolver<ResolversTypes['AdminNoticeDelivery'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  path?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sentAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AdminNoticePageResolvers<ContextType = any, ParentType extends ResolversParentTypes['AdminNoticePage'] = ResolversParentTypes['AdminNoticePage']> = {
  items?: Resolver<Array<ResolversTypes['AdminNotice']>, ParentType, ContextType>;
  nextToken?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AlertSettingsResolvers<ContextType = any, ParentType extends ResolversParentTypes['AlertSettings'] = ResolversParentTypes['AlertSettings']> = {
  complaintRateThreshold?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lateGraceMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  minFeedback?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['AWSDateTime']>, ParentType, ContextType>;
  updatedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AuditEntryResolvers<ContextType = any, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  argsDigest?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  latencyMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  operation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  partnerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['AuditSource'], ParentType, ContextType>;
  tokenId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type AuditEntryPageResolvers<ContextType = any, ParentType extends ResolversParentTypes['AuditEntryPage'] = ResolversParentTypes['AuditEntryPage']> = {
  items?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType>;
  nextToken?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type BookingResolvers<ContextType = any, ParentType extends ResolversParentTypes['Booking'] = ResolversParentTypes['Booking']> = {
  channel?: Resolver<ResolversTypes['Channel'], ParentType, ContextType>;
  courierId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  courierName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  customerName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  customerPhone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  delivery?: Resolver<ResolversTypes['Address'], ParentType, ContextType>;
  eta?: Resolver<Maybe<ResolversTypes['AWSDateTime']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['StatusEvent']>, ParentType, ContextType>;
  package?: Resolver<ResolversTypes['PackageDetails'], ParentType, ContextType>;
  partnerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  partnerName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  pickup?: Resolver<ResolversTypes['Address'], ParentType, ContextType>;
  pickupWindow?: Resolver<ResolversTypes['PickupWindow'], ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['BookingStatus'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type BookingPageResolvers<ContextType = any, ParentType extends ResolversParentTypes['BookingPage'] = ResolversParentTypes['BookingPage']> = {
  items?: Resolver<Array<ResolversTypes['Booking']>, ParentType, ContextType>;
  nextToken?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type BotBucketResolvers<ContextType = any, ParentType extends ResolversParentTypes['BotBucket'] = ResolversParentTypes['BotBucket']> = {
  end?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
  figures?: Resolver<ResolversTypes['BotFigures'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
};

export type BotFiguresResolvers<ContextType = any, ParentType extends ResolversParentTypes['BotFigures'] = ResolversParentTypes['BotFigures']> = {
  averageTurns?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  calls?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  containmentRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  intents?: Resolver<Array<ResolversTypes['IntentCount']>, ParentType, ContextType>;
  outcomes?: Resolver<Array<ResolversTypes['OutcomeCount']>, ParentType, ContextType>;
  recognitionRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  transfers?: Resolver<Array<ResolversTypes['ReasonCount']>, ParentType, ContextType>;
};

export type BotPromptResolvers<ContextType = any, ParentType extends ResolversParentTypes['BotPrompt'] = ResolversParentTypes['BotPrompt']> = {
  defaultText?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  overridden?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type BotReportResolvers<ContextType = any, ParentType extends ResolversParentTypes['BotReport'] = ResolversParentTypes['BotReport']> = {
  buckets?: Resolver<Array<ResolversTypes['BotBucket']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
  granularity?: Resolver<ResolversTypes['AnalyticsGranularity'], ParentType, ContextType>;
  missedUtterances?: Resolver<Array<ResolversTypes['UtteranceCount']>, ParentType, ContextType>;
  reaskedSlots?: Resolver<Array<ResolversTypes['SlotCount']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['BotFigures'], ParentType, ContextType>;
};

export type CategoryCountResolvers<ContextType = any, ParentType extends ResolversParentTypes['CategoryCount'] = ResolversParentTypes['CategoryCount']> = {
  category?: Resolver<ResolversTypes['ComplaintCategory'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  severities?: Resolver<Array<ResolversTypes['SeverityCount']>, ParentType, ContextType>;
};

export type ChannelCountResolvers<ContextType = any, ParentType extends ResolversParentTypes['ChannelCount'] = ResolversParentTypes['ChannelCount']> = {
  channel?: Resolver<ResolversTypes['Channel'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ChannelVolumeResolvers<ContextType = any, ParentType extends ResolversParentTypes['ChannelVolume'] = ResolversParentTypes['ChannelVolume']> = {
  bookings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cancelled?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['Channel'], ParentType, ContextType>;
  delivered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  returned?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CollectionHoursResolvers<ContextType = any, ParentType extends ResolversParentTypes['CollectionHours'] = ResolversParentTypes['CollectionHours']> = {
  close?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  open?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CompanyRulesResolvers<ContextType = any, ParentType extends ResolversParentTypes['CompanyRules'] = ResolversParentTypes['CompanyRules']> = {
  collectionDays?: Resolver<Array<ResolversTypes['Weekday']>, ParentType, ContextType>;
  collectionHours?: Resolver<ResolversTypes['CollectionHours'], ParentType, ContextType>;
  largestSize?: Resolver<ResolversTypes['PackageSize'], ParentType, ContextType>;
  maxOversizedWeightKg?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  maxWeightKg?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  requiredProof?: Resolver<Maybe<Array<ResolversTypes['ProofRequirement']>>, ParentType, ContextType>;
  sameDayCutoff?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  serviceArea?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CompanySettingsResolvers<ContextType = any, ParentType extends ResolversParentTypes['CompanySettings'] = ResolversParentTypes['CompanySettings']> = {
  collectionDays?: Resolver<Array<ResolversTypes['Weekday']>, ParentType, ContextType>;
  collectionHours?: Resolver<ResolversTypes['CollectionHours'], ParentType, ContextType>;
  largestSize?: Resolver<ResolversTypes['PackageSize'], ParentType, ContextType>;
  maxOversizedWeightKg?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  maxWeightKg?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  requiredProof?: Resolver<Array<ResolversTypes['ProofRequirement']>, ParentType, ContextType>;
  sameDayCutoff?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  serviceArea?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  timeZone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['AWSDateTime']>, ParentType, ContextType>;
  updatedBy?: Resolver<Maybe<ResolversTypes['SettingsAuthor']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ConnectInstanceResolvers<ContextType = any, ParentType extends ResolversParentTypes['ConnectInstance'] = ResolversParentTypes['ConnectInstance']> = {
  alias?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  arn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  inboundCallsEnabled?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ConnectQueueResolvers<ContextType = any, ParentType extends ResolversParentTypes['ConnectQueue'] = ResolversParentTypes['ConnectQueue']> = {
  arn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CorridorResolvers<ContextType = any, ParentType extends ResolversParentTypes['Corridor'] = ResolversParentTypes['Corridor']> = {
  bookings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fromName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  perDay?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  toName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CorridorCountResolvers<ContextType = any, ParentType extends ResolversParentTypes['CorridorCount'] = ResolversParentTypes['CorridorCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CourierResolvers<ContextType = any, ParentType extends ResolversParentTypes['Courier'] = ResolversParentTypes['Courier']> = {
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastLocation?: Resolver<Maybe<ResolversTypes['CourierLocation']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  vehicle?: Resolver<ResolversTypes['Vehicle'], ParentType, ContextType>;
};

export type CourierBucketResolvers<ContextType = any, ParentType extends ResolversParentTypes['CourierBucket'] = ResolversParentTypes['CourierBucket']> = {
  end?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
  figures?: Resolver<ResolversTypes['CourierFigures'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
};

export type CourierEarningsResolvers<ContextType = any, ParentType extends ResolversParentTypes['CourierEarnings'] = ResolversParentTypes['CourierEarnings']> = {
  courierId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deliveries?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  distance?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
  km?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  perDelivery?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  sizeSurcharges?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  stretches?: Resolver<Array<ResolversTypes['EarningsStretch']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  weightSurcharges?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type CourierFiguresResolvers<ContextType = any, ParentType extends ResolversParentTypes['CourierFigures'] = ResolversParentTypes['CourierFigures']> = {
  assigned?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  averageDeliveryMinutes?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  averageRating?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  complaints?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  corridors?: Resolver<Array<ResolversTypes['CorridorCount']>, ParentType, ContextType>;
  delivered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  deliveriesByHour?: Resolver<Array<ResolversTypes['HourCount']>, ParentType, ContextType>;
  failed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failureReasons?: Resolver<Array<ResolversTypes['FailureReasonCount']>, ParentType, ContextType>;
  onTimeRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  ratings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  successRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type CourierLocationResolvers<ContextType = any, ParentType extends ResolversParentTypes['CourierLocation'] = ResolversParentTypes['CourierLocation']> = {
  at?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  heading?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  lat?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lng?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  speedKph?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type CourierMoveResolvers<ContextType = any, ParentType extends ResolversParentTypes['CourierMove'] = ResolversParentTypes['CourierMove']> = {
  at?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  courierId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  heading?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  lat?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lng?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  speedKph?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type CourierPageResolvers<ContextType = any, ParentType extends ResolversParentTypes['CourierPage'] = ResolversParentTypes['CourierPage']> = {
  items?: Resolver<Array<ResolversTypes['Courier']>, ParentType, ContextType>;
  nextToken?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CourierPerformanceResolvers<ContextType = any, ParentType extends ResolversParentTypes['CourierPerformance'] = ResolversParentTypes['CourierPerformance']> = {
  buckets?: Resolver<Array<ResolversTypes['CourierBucket']>, ParentType, ContextType>;
  courierId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
  granularity?: Resolver<ResolversTypes['AnalyticsGranularity'], ParentType, ContextType>;
  rankings?: Resolver<Array<ResolversTypes['CourierRanking']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['CourierFigures'], ParentType, ContextType>;
};

export type CourierRankingResolvers<ContextType = any, ParentType extends ResolversParentTypes['CourierRanking'] = ResolversParentTypes['CourierRanking']> = {
  measure?: Resolver<ResolversTypes['RankingMeasure'], ParentType, ContextType>;
  of?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  peers?: Resolver<Array<ResolversTypes['Float']>, ParentType, ContextType>;
  position?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type CourierSuggestionResolvers<ContextType = any, ParentType extends ResolversParentTypes['CourierSuggestion'] = ResolversParentTypes['CourierSuggestion']> = {
  detail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  figures?: Resolver<Array<ResolversTypes['SuggestionFigure']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DashboardResolvers<ContextType = any, ParentType extends ResolversParentTypes['Dashboard'] = ResolversParentTypes['Dashboard']> = {
  alerts?: Resolver<ResolversTypes['DashboardAlerts'], ParentType, ContextType>;
  day?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
  generatedAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  health?: Resolver<ResolversTypes['SystemHealth'], ParentType, ContextType>;
  kpis?: Resolver<Maybe<ResolversTypes['DashboardKpis']>, ParentType, ContextType>;
};

export type DashboardAlertsResolvers<ContextType = any, ParentType extends ResolversParentTypes['DashboardAlerts'] = ResolversParentTypes['DashboardAlerts']> = {
  complaints?: Resolver<Array<ResolversTypes['Feedback']>, ParentType, ContextType>;
  delayed?: Resolver<Array<ResolversTypes['DelayedDelivery']>, ParentType, ContextType>;
};

export type DashboardKpisResolvers<ContextType = any, ParentType extends ResolversParentTypes['DashboardKpis'] = ResolversParentTypes['DashboardKpis']> = {
  averageDeliveryMinutes?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  averageRating?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  bookings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  callsHandled?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  complaints?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  delivered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  deliverySuccessRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  failed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  feedback?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  flaggedComplaints?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  inTransit?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ratings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  satisfiedShare?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  statusCounts?: Resolver<Array<ResolversTypes['StatusCount']>, ParentType, ContextType>;
  voiceBookings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  voiceFeedback?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DelayedDeliveryResolvers<ContextType = any, ParentType extends ResolversParentTypes['DelayedDelivery'] = ResolversParentTypes['DelayedDelivery']> = {
  courierId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  eta?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  minutesLate?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['BookingStatus'], ParentType, ContextType>;
};

export type DeliveryProofResolvers<ContextType = any, ParentType extends ResolversParentTypes['DeliveryProof'] = ResolversParentTypes['DeliveryProof']> = {
  photoKey?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  recipientName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  signatureKey?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type DeliverySequenceResolvers<ContextType = any, ParentType extends ResolversParentTypes['DeliverySequence'] = ResolversParentTypes['DeliverySequence']> = {
  computedAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  courierId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  day?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
  distances?: Resolver<ResolversTypes['DistanceSource'], ParentType, ContextType>;
  finishAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  lateMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  manual?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  origin?: Resolver<Maybe<ResolversTypes['GeoPoint']>, ParentType, ContextType>;
  stops?: Resolver<Array<ResolversTypes['SequencedStop']>, ParentType, ContextType>;
};

export type DependencyHealthResolvers<ContextType = any, ParentType extends ResolversParentTypes['DependencyHealth'] = ResolversParentTypes['DependencyHealth']> = {
  fallback?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  since?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['BreakerState'], ParentType, ContextType>;
};

export type DeploymentResolvers<ContextType = any, ParentType extends ResolversParentTypes['Deployment'] = ResolversParentTypes['Deployment']> = {
  createdAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['Actor'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['DeploymentError']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  instanceId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  settings?: Resolver<ResolversTypes['DeploymentSettings'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DeploymentStatus'], ParentType, ContextType>;
  steps?: Resolver<Array<ResolversTypes['DeploymentStep']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DeploymentErrorResolvers<ContextType = any, ParentType extends ResolversParentTypes['DeploymentError'] = ResolversParentTypes['DeploymentError']> = {
  at?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phase?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  resolution?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  step?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type DeploymentPageResolvers<ContextType = any, ParentType extends ResolversParentTypes['DeploymentPage'] = ResolversParentTypes['DeploymentPage']> = {
  items?: Resolver<Array<ResolversTypes['Deployment']>, ParentType, ContextType>;
  nextToken?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type DeploymentResourceResolvers<ContextType = any, ParentType extends ResolversParentTypes['DeploymentResource'] = ResolversParentTypes['DeploymentResource']> = {
  arn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  created?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rolledBack?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  updated?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
};

export type DeploymentSettingsResolvers<ContextType = any, ParentType extends ResolversParentTypes['DeploymentSettings'] = ResolversParentTypes['DeploymentSettings']> = {
  botAliasName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  botName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  contactFlowName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  instanceId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  localeId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  promptOverrides?: Resolver<ResolversTypes['AWSJSON'], ParentType, ContextType>;
  queueArn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  voiceId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DeploymentStepResolvers<ContextType = any, ParentType extends ResolversParentTypes['DeploymentStep'] = ResolversParentTypes['DeploymentStep']> = {
  detail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  endedAt?: Resolver<Maybe<ResolversTypes['AWSDateTime']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['DeploymentError']>, ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  resources?: Resolver<Array<ResolversTypes['DeploymentResource']>, ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['AWSDateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DeploymentStepStatus'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DurationStatsResolvers<ContextType = any, ParentType extends ResolversParentTypes['DurationStats'] = ResolversParentTypes['DurationStats']> = {
  averageMinutes?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  p90Minutes?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type EarningsStretchResolvers<ContextType = any, ParentType extends ResolversParentTypes['EarningsStretch'] = ResolversParentTypes['EarningsStretch']> = {
  from?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ExecutiveSummaryInfoResolvers<ContextType = any, ParentType extends ResolversParentTypes['ExecutiveSummaryInfo'] = ResolversParentTypes['ExecutiveSummaryInfo']> = {
  from?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
  generatedAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['AWSURL'], ParentType, ContextType>;
  week?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
};

export type FailureReasonCountResolvers<ContextType = any, ParentType extends ResolversParentTypes['FailureReasonCount'] = ResolversParentTypes['FailureReasonCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['FailureReason'], ParentType, ContextType>;
};

export type FeedbackResolvers<ContextType = any, ParentType extends ResolversParentTypes['Feedback'] = ResolversParentTypes['Feedback']> = {
  bookingReference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['Channel'], ParentType, ContextType>;
  complaintCategory?: Resolver<Maybe<ResolversTypes['ComplaintCategory']>, ParentType, ContextType>;
  courierId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  flagged?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  partnerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  rating?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sentiment?: Resolver<ResolversTypes['Sentiment'], ParentType, ContextType>;
  severity?: Resolver<Maybe<ResolversTypes['Severity']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['FeedbackType'], ParentType, ContextType>;
};

export type FeedbackBucketResolvers<ContextType = any, ParentType extends ResolversParentTypes['FeedbackBucket'] = ResolversParentTypes['FeedbackBucket']> = {
  end?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
  figures?: Resolver<ResolversTypes['FeedbackFigures'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
};

export type FeedbackFiguresResolvers<ContextType = any, ParentType extends ResolversParentTypes['FeedbackFigures'] = ResolversParentTypes['FeedbackFigures']> = {
  averageRating?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  byChannel?: Resolver<Array<ResolversTypes['ChannelCount']>, ParentType, ContextType>;
  categories?: Resolver<Array<ResolversTypes['CategoryCount']>, ParentType, ContextType>;
  complaints?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  feedback?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  flagged?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ratingCounts?: Resolver<Array<ResolversTypes['RatingCount']>, ParentType, ContextType>;
  ratings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sentiment?: Resolver<Array<ResolversTypes['SentimentCount']>, ParentType, ContextType>;
  severities?: Resolver<Array<ResolversTypes['SeverityCount']>, ParentType, ContextType>;
};

export type FeedbackPageResolvers<ContextType = any, ParentType extends ResolversParentTypes['FeedbackPage'] = ResolversParentTypes['FeedbackPage']> = {
  items?: Resolver<Array<ResolversTypes['Feedback']>, ParentType, ContextType>;
  nextToken?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type FeedbackReportResolvers<ContextType = any, ParentType extends ResolversParentTypes['FeedbackReport'] = ResolversParentTypes['FeedbackReport']> = {
  buckets?: Resolver<Array<ResolversTypes['FeedbackBucket']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
  granularity?: Resolver<ResolversTypes['AnalyticsGranularity'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['FeedbackFigures'], ParentType, ContextType>;
};

export type FleetLineResolvers<ContextType = any, ParentType extends ResolversParentTypes['FleetLine'] = ResolversParentTypes['FleetLine']> = {
  averageDeliveryMinutes?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  averageRating?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  courierId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  delivered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  onTimeRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  ratings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  successRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type GeoPointResolvers<ContextType = any, ParentType extends ResolversParentTypes['GeoPoint'] = ResolversParentTypes['GeoPoint']> = {
  lat?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lng?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type HeatCellResolvers<ContextType = any, ParentType extends ResolversParentTypes['HeatCell'] = ResolversParentTypes['HeatCell']> = {
  delivered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lat?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lng?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  requested?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type HeatReportResolvers<ContextType = any, ParentType extends ResolversParentTypes['HeatReport'] = ResolversParentTypes['HeatReport']> = {
  cells?: Resolver<Array<ResolversTypes['HeatCell']>, ParentType, ContextType>;
  delivered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
  requested?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
};

export type HourCountResolvers<ContextType = any, ParentType extends ResolversParentTypes['HourCount'] = ResolversParentTypes['HourCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  hour?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type IntentCountResolvers<ContextType = any, ParentType extends ResolversParentTypes['IntentCount'] = ResolversParentTypes['IntentCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  intent?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type IssuedPartnerTokenResolvers<ContextType = any, ParentType extends ResolversParentTypes['IssuedPartnerToken'] = ResolversParentTypes['IssuedPartnerToken']> = {
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tokenInfo?: Resolver<ResolversTypes['PartnerToken'], ParentType, ContextType>;
};

export type LexIntentFiguresResolvers<ContextType = any, ParentType extends ResolversParentTypes['LexIntentFigures'] = ResolversParentTypes['LexIntentFigures']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  dropped?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failure?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  intent?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  success?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  switched?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type LexReportResolvers<ContextType = any, ParentType extends ResolversParentTypes['LexReport'] = ResolversParentTypes['LexReport']> = {
  averageTurns?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  botAliasId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  botId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  conversations?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  detail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dropped?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  failure?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
  intents?: Resolver<Array<ResolversTypes['LexIntentFigures']>, ParentType, ContextType>;
  stages?: Resolver<Array<ResolversTypes['LexStageFigures']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['LexAnalyticsState'], ParentType, ContextType>;
  success?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
};

export type LexStageFiguresResolvers<ContextType = any, ParentType extends ResolversParentTypes['LexStageFigures'] = ResolversParentTypes['LexStageFigures']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  dropped?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  intent?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  retried?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  success?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MeResolvers<ContextType = any, ParentType extends ResolversParentTypes['Me'] = ResolversParentTypes['Me']> = {
  courierId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  displayName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  partnerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  sub?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = any, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  assignCourier?: Resolver<ResolversTypes['Booking'], ParentType, ContextType, RequireFields<MutationAssignCourierArgs, 'courierId' | 'reference'>>;
  bookCourier?: Resolver<ResolversTypes['Booking'], ParentType, ContextType, RequireFields<MutationBookCourierArgs, 'customerName' | 'customerPhone' | 'delivery' | 'package' | 'pickup' | 'pickupWindowEnd' | 'pickupWindowStart'>>;
  cancelBooking?: Resolver<ResolversTypes['Booking'], ParentType, ContextType, RequireFields<MutationCancelBookingArgs, 'reference'>>;
  createPartner?: Resolver<ResolversTypes['Partner'], ParentType, ContextType, RequireFields<MutationCreatePartnerArgs, 'contactEmail' | 'name'>>;
  generateExecutiveSummary?: Resolver<ResolversTypes['ExecutiveSummaryInfo'], ParentType, ContextType, RequireFields<MutationGenerateExecutiveSummaryArgs, 'week'>>;
  issuePartnerToken?: Resolver<ResolversTypes['IssuedPartnerToken'], ParentType, ContextType, RequireFields<MutationIssuePartnerTokenArgs, 'expiresAt' | 'name' | 'partnerId' | 'scopes'>>;
  publishAlertRaised?: Resolver<Maybe<ResolversTypes['ServiceAlert']>, ParentType, ContextType, RequireFields<MutationPublishAlertRaisedArgs, 'day' | 'key'>>;
  publishBookingChanged?: Resolver<Maybe<ResolversTypes['Booking']>, ParentType, ContextType, RequireFields<MutationPublishBookingChangedArgs, 'reference'>>;
  publishCourierMoved?: Resolver<Maybe<ResolversTypes['CourierMove']>, ParentType, ContextType, RequireFields<MutationPublishCourierMovedArgs, 'at' | 'courierId' | 'lat' | 'lng'>>;
  publishDeploymentChanged?: Resolver<Maybe<ResolversTypes['Deployment']>, ParentType, ContextType, RequireFields<MutationPublishDeploymentChangedArgs, 'id'>>;
  requestProofUpload?: Resolver<ResolversTypes['ProofUpload'], ParentType, ContextType, RequireFields<MutationRequestProofUploadArgs, 'contentType' | 'kind' | 'reference'>>;
  resetDeliverySequence?: Resolver<ResolversTypes['DeliverySequence'], ParentType, ContextType, Partial<MutationResetDeliverySequenceArgs>>;
  retryDeployment?: Resolver<ResolversTypes['Deployment'], ParentType, ContextType, RequireFields<MutationRetryDeploymentArgs, 'id'>>;
  revokePartnerToken?: Resolver<ResolversTypes['PartnerToken'], ParentType, ContextType, RequireFields<MutationRevokePartnerTokenArgs, 'tokenId'>>;
  rollbackDeployment?: Resolver<ResolversTypes['Deployment'], ParentType, ContextType, RequireFields<MutationRollbackDeploymentArgs, 'id'>>;
  setDeliverySequence?: Resolver<ResolversTypes['DeliverySequence'], ParentType, ContextType, RequireFields<MutationSetDeliverySequenceArgs, 'stops'>>;
  setRateCard?: Resolver<ResolversTypes['RateCardSetting'], ParentType, ContextType, RequireFields<MutationSetRateCardArgs, 'expectedVersion'>>;
  startDeployment?: Resolver<ResolversTypes['Deployment'], ParentType, ContextType, RequireFields<MutationStartDeploymentArgs, 'settings'>>;
  submitFeedback?: Resolver<ResolversTypes['Feedback'], ParentType, ContextType, RequireFields<MutationSubmitFeedbackArgs, 'bookingReference' | 'text' | 'type'>>;
  updateAlertSettings?: Resolver<ResolversTypes['AlertSettings'], ParentType, ContextType, RequireFields<MutationUpdateAlertSettingsArgs, 'complaintRateThreshold' | 'expectedVersion' | 'lateGraceMinutes' | 'minFeedback'>>;
  updateCompanySettings?: Resolver<ResolversTypes['CompanySettings'], ParentType, ContextType, RequireFields<MutationUpdateCompanySettingsArgs, 'expectedVersion' | 'rules'>>;
  updateCourierLocation?: Resolver<ResolversTypes['Courier'], ParentType, ContextType, RequireFields<MutationUpdateCourierLocationArgs, 'lat' | 'lng'>>;
  updateDeliveryStatus?: Resolver<ResolversTypes['Booking'], ParentType, ContextType, RequireFields<MutationUpdateDeliveryStatusArgs, 'reference' | 'status'>>;
  updatePickupWindow?: Resolver<ResolversTypes['Booking'], ParentType, ContextType, RequireFields<MutationUpdatePickupWindowArgs, 'pickupWindowEnd' | 'pickupWindowStart' | 'reference'>>;
};

export type NewAddressResolvers<ContextType = any, ParentType extends ResolversParentTypes['NewAddress'] = ResolversParentTypes['NewAddress']> = {
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  country?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  line1?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  line2?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  postcode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type NewDeploymentSettingsResolvers<ContextType = any, ParentType extends ResolversParentTypes['NewDeploymentSettings'] = ResolversParentTypes['NewDeploymentSettings']> = {
  botAliasName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  botName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  contactFlowName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  instanceId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  localeId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  promptOverrides?: Resolver<Maybe<ResolversTypes['AWSJSON']>, ParentType, ContextType>;
  queueArn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  voiceId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type NewPackageResolvers<ContextType = any, ParentType extends ResolversParentTypes['NewPackage'] = ResolversParentTypes['NewPackage']> = {
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  handling?: Resolver<Maybe<Array<ResolversTypes['SpecialHandling']>>, ParentType, ContextType>;
  size?: Resolver<ResolversTypes['PackageSize'], ParentType, ContextType>;
  weightKg?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type OutcomeCountResolvers<ContextType = any, ParentType extends ResolversParentTypes['OutcomeCount'] = ResolversParentTypes['OutcomeCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['CallOutcome'], ParentType, ContextType>;
};

export type PackageDetailsResolvers<ContextType = any, ParentType extends ResolversParentTypes['PackageDetails'] = ResolversParentTypes['PackageDetails']> = {
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  handling?: Resolver<Array<ResolversTypes['SpecialHandling']>, ParentType, ContextType>;
  size?: Resolver<ResolversTypes['PackageSize'], ParentType, ContextType>;
  weightKg?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type PartnerResolvers<ContextType = any, ParentType extends ResolversParentTypes['Partner'] = ResolversParentTypes['Partner']> = {
  contactEmail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PartnerFiguresResolvers<ContextType = any, ParentType extends ResolversParentTypes['PartnerFigures'] = ResolversParentTypes['PartnerFigures']> = {
  averageRating?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  bookings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  calls?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cancelled?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  complaints?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  delivered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  errors?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  feedback?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  graphqlCalls?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  mcpCalls?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  onTimeRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  partnerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  rateLimited?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  successRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type PartnerStatusEventResolvers<ContextType = any, ParentType extends ResolversParentTypes['PartnerStatusEvent'] = ResolversParentTypes['PartnerStatusEvent']> = {
  actor?: Resolver<ResolversTypes['Actor'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  failureReason?: Resolver<Maybe<ResolversTypes['FailureReason']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['BookingStatus'], ParentType, ContextType>;
};

export type PartnerTokenResolvers<ContextType = any, ParentType extends ResolversParentTypes['PartnerToken'] = ResolversParentTypes['PartnerToken']> = {
  createdAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['Actor'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  partnerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  rateLimitPerMinute?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['AWSDateTime']>, ParentType, ContextType>;
  revokedBy?: Resolver<Maybe<ResolversTypes['Actor']>, ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  tokenId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type PickupWindowResolvers<ContextType = any, ParentType extends ResolversParentTypes['PickupWindow'] = ResolversParentTypes['PickupWindow']> = {
  end?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
};

export type PlannedStepResolvers<ContextType = any, ParentType extends ResolversParentTypes['PlannedStep'] = ResolversParentTypes['PlannedStep']> = {
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ProofImagesResolvers<ContextType = any, ParentType extends ResolversParentTypes['ProofImages'] = ResolversParentTypes['ProofImages']> = {
  at?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  photoUrl?: Resolver<Maybe<ResolversTypes['AWSURL']>, ParentType, ContextType>;
  recipientName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  signatureUrl?: Resolver<Maybe<ResolversTypes['AWSURL']>, ParentType, ContextType>;
};

export type ProofUploadResolvers<ContextType = any, ParentType extends ResolversParentTypes['ProofUpload'] = ResolversParentTypes['ProofUpload']> = {
  expiresAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  headers?: Resolver<ResolversTypes['AWSJSON'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  uploadUrl?: Resolver<ResolversTypes['AWSURL'], ParentType, ContextType>;
};

export type PublicStatusEventResolvers<ContextType = any, ParentType extends ResolversParentTypes['PublicStatusEvent'] = ResolversParentTypes['PublicStatusEvent']> = {
  at?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['BookingStatus'], ParentType, ContextType>;
};

export type PublicTrackingResolvers<ContextType = any, ParentType extends ResolversParentTypes['PublicTracking'] = ResolversParentTypes['PublicTracking']> = {
  courierPosition?: Resolver<Maybe<ResolversTypes['GeoPoint']>, ParentType, ContextType>;
  deliveryCity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  eta?: Resolver<Maybe<ResolversTypes['AWSDateTime']>, ParentType, ContextType>;
  lastUpdate?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  pickupCity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['BookingStatus'], ParentType, ContextType>;
  timeline?: Resolver<Array<ResolversTypes['PublicStatusEvent']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = any, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  adminNotices?: Resolver<ResolversTypes['AdminNoticePage'], ParentType, ContextType, Partial<QueryAdminNoticesArgs>>;
  alertSettings?: Resolver<ResolversTypes['AlertSettings'], ParentType, ContextType>;
  analyticsBot?: Resolver<ResolversTypes['BotReport'], ParentType, ContextType, RequireFields<QueryAnalyticsBotArgs, 'from' | 'granularity' | 'to'>>;
  analyticsFeedback?: Resolver<ResolversTypes['FeedbackReport'], ParentType, ContextType, RequireFields<QueryAnalyticsFeedbackArgs, 'from' | 'granularity' | 'to'>>;
  analyticsFeedbackComments?: Resolver<ResolversTypes['FeedbackPage'], ParentType, ContextType, RequireFields<QueryAnalyticsFeedbackCommentsArgs, 'from' | 'to'>>;
  analyticsFleet?: Resolver<Array<ResolversTypes['FleetLine']>, ParentType, ContextType, RequireFields<QueryAnalyticsFleetArgs, 'from' | 'to'>>;
  analyticsHeatMap?: Resolver<ResolversTypes['HeatReport'], ParentType, ContextType, RequireFields<QueryAnalyticsHeatMapArgs, 'from' | 'to'>>;
  analyticsLex?: Resolver<ResolversTypes['LexReport'], ParentType, ContextType, RequireFields<QueryAnalyticsLexArgs, 'from' | 'to'>>;
  analyticsRegions?: Resolver<ResolversTypes['RegionReport'], ParentType, ContextType, RequireFields<QueryAnalyticsRegionsArgs, 'from' | 'to'>>;
  analyticsRoutes?: Resolver<ResolversTypes['RouteReport'], ParentType, ContextType, RequireFields<QueryAnalyticsRoutesArgs, 'from' | 'to'>>;
  analyticsVolumes?: Resolver<ResolversTypes['VolumeReport'], ParentType, ContextType, RequireFields<QueryAnalyticsVolumesArgs, 'from' | 'granularity' | 'to'>>;
  botPrompts?: Resolver<Array<ResolversTypes['BotPrompt']>, ParentType, ContextType, Partial<QueryBotPromptsArgs>>;
  companySettings?: Resolver<ResolversTypes['CompanySettings'], ParentType, ContextType>;
  courierDeliveryHistory?: Resolver<ResolversTypes['BookingPage'], ParentType, ContextType, Partial<QueryCourierDeliveryHistoryArgs>>;
  courierEarnings?: Resolver<Maybe<ResolversTypes['CourierEarnings']>, ParentType, ContextType, RequireFields<QueryCourierEarningsArgs, 'from' | 'to'>>;
  courierFeedback?: Resolver<ResolversTypes['FeedbackPage'], ParentType, ContextType, Partial<QueryCourierFeedbackArgs>>;
  courierPerformance?: Resolver<ResolversTypes['CourierPerformance'], ParentType, ContextType, RequireFields<QueryCourierPerformanceArgs, 'from' | 'granularity' | 'to'>>;
  courierSuggestions?: Resolver<Array<ResolversTypes['CourierSuggestion']>, ParentType, ContextType, RequireFields<QueryCourierSuggestionsArgs, 'from' | 'to'>>;
  dashboard?: Resolver<ResolversTypes['Dashboard'], ParentType, ContextType, Partial<QueryDashboardArgs>>;
  executiveSummaries?: Resolver<Array<ResolversTypes['ExecutiveSummaryInfo']>, ParentType, ContextType>;
  getBooking?: Resolver<Maybe<ResolversTypes['Booking']>, ParentType, ContextType, RequireFields<QueryGetBookingArgs, 'reference'>>;
  getCourier?: Resolver<Maybe<ResolversTypes['Courier']>, ParentType, ContextType, RequireFields<QueryGetCourierArgs, 'id'>>;
  getDeployment?: Resolver<Maybe<ResolversTypes['Deployment']>, ParentType, ContextType, RequireFields<QueryGetDeploymentArgs, 'id'>>;
  getPartner?: Resolver<Maybe<ResolversTypes['Partner']>, ParentType, ContextType, RequireFields<QueryGetPartnerArgs, 'id'>>;
  listAuditEntries?: Resolver<ResolversTypes['AuditEntryPage'], ParentType, ContextType, Partial<QueryListAuditEntriesArgs>>;
  listBookings?: Resolver<ResolversTypes['BookingPage'], ParentType, ContextType, Partial<QueryListBookingsArgs>>;
  listConnectInstances?: Resolver<Array<ResolversTypes['ConnectInstance']>, ParentType, ContextType>;
  listConnectQueues?: Resolver<Array<ResolversTypes['ConnectQueue']>, ParentType, ContextType, RequireFields<QueryListConnectQueuesArgs, 'instanceId'>>;
  listCouriers?: Resolver<ResolversTypes['CourierPage'], ParentType, ContextType, Partial<QueryListCouriersArgs>>;
  listDeployments?: Resolver<ResolversTypes['DeploymentPage'], ParentType, ContextType, Partial<QueryListDeploymentsArgs>>;
  listFeedback?: Resolver<ResolversTypes['FeedbackPage'], ParentType, ContextType, Partial<QueryListFeedbackArgs>>;
  listPartnerTokens?: Resolver<Array<ResolversTypes['PartnerToken']>, ParentType, ContextType, RequireFields<QueryListPartnerTokensArgs, 'partnerId'>>;
  listPartners?: Resolver<Array<ResolversTypes['Partner']>, ParentType, ContextType>;
  listStatusEvents?: Resolver<ResolversTypes['StatusEventPage'], ParentType, ContextType, Partial<QueryListStatusEventsArgs>>;
  me?: Resolver<ResolversTypes['Me'], ParentType, ContextType>;
  partnerAnalytics?: Resolver<Array<ResolversTypes['PartnerFigures']>, ParentType, ContextType, RequireFields<QueryPartnerAnalyticsArgs, 'from' | 'to'>>;
  planDeployment?: Resolver<Array<ResolversTypes['PlannedStep']>, ParentType, ContextType, RequireFields<QueryPlanDeploymentArgs, 'settings'>>;
  proofImages?: Resolver<Maybe<ResolversTypes['ProofImages']>, ParentType, ContextType, RequireFields<QueryProofImagesArgs, 'reference'>>;
  rateCard?: Resolver<ResolversTypes['RateCardSetting'], ParentType, ContextType>;
  requiredProof?: Resolver<Array<ResolversTypes['ProofRequirement']>, ParentType, ContextType>;
  sentMessages?: Resolver<ResolversTypes['SentMessagePage'], ParentType, ContextType, Partial<QuerySentMessagesArgs>>;
  serviceAlerts?: Resolver<Array<ResolversTypes['ServiceAlert']>, ParentType, ContextType, RequireFields<QueryServiceAlertsArgs, 'day'>>;
  settingsChanges?: Resolver<ResolversTypes['SettingsChangePage'], ParentType, ContextType, Partial<QuerySettingsChangesArgs>>;
  suggestedSequence?: Resolver<ResolversTypes['DeliverySequence'], ParentType, ContextType, Partial<QuerySuggestedSequenceArgs>>;
  trackBooking?: Resolver<Maybe<ResolversTypes['PublicTracking']>, ParentType, ContextType, RequireFields<QueryTrackBookingArgs, 'reference'>>;
};

export type RateCardRatesResolvers<ContextType = any, ParentType extends ResolversParentTypes['RateCardRates'] = ResolversParentTypes['RateCardRates']> = {
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  perDelivery?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  perKm?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  sizeSurcharges?: Resolver<Maybe<Array<ResolversTypes['SizeSurcharge']>>, ParentType, ContextType>;
  weightSurcharges?: Resolver<Maybe<Array<ResolversTypes['WeightSurcharge']>>, ParentType, ContextType>;
};

export type RateCardSettingResolvers<ContextType = any, ParentType extends ResolversParentTypes['RateCardSetting'] = ResolversParentTypes['RateCardSetting']> = {
  inForce?: Resolver<Maybe<ResolversTypes['RateCardVersion']>, ParentType, ContextType>;
  upcoming?: Resolver<Array<ResolversTypes['RateCardVersion']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RateCardVersionResolvers<ContextType = any, ParentType extends ResolversParentTypes['RateCardVersion'] = ResolversParentTypes['RateCardVersion']> = {
  effectiveFrom?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
  rates?: Resolver<Maybe<ResolversTypes['RateCardRates']>, ParentType, ContextType>;
  setAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  setBy?: Resolver<ResolversTypes['SettingsAuthor'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RatingCountResolvers<ContextType = any, ParentType extends ResolversParentTypes['RatingCount'] = ResolversParentTypes['RatingCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rating?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ReasonCountResolvers<ContextType = any, ParentType extends ResolversParentTypes['ReasonCount'] = ResolversParentTypes['ReasonCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RegionFiguresResolvers<ContextType = any, ParentType extends ResolversParentTypes['RegionFigures'] = ResolversParentTypes['RegionFigures']> = {
  bookingToPickup?: Resolver<ResolversTypes['DurationStats'], ParentType, ContextType>;
  bookings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cancelled?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  delivered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  onTimeBase?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  onTimeRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  pickupBase?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pickupOnTimeRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  pickupToDelivery?: Resolver<ResolversTypes['DurationStats'], ParentType, ContextType>;
  regionId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RegionHourResolvers<ContextType = any, ParentType extends ResolversParentTypes['RegionHour'] = ResolversParentTypes['RegionHour']> = {
  collected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  hour?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  late?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lateRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  perDay?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  pickups?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  regionId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RegionReportResolvers<ContextType = any, ParentType extends ResolversParentTypes['RegionReport'] = ResolversParentTypes['RegionReport']> = {
  from?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
  regions?: Resolver<Array<ResolversTypes['RegionFigures']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['RegionFigures'], ParentType, ContextType>;
};

export type RouteReportResolvers<ContextType = any, ParentType extends ResolversParentTypes['RouteReport'] = ResolversParentTypes['RouteReport']> = {
  busiestSlots?: Resolver<Array<ResolversTypes['RegionHour']>, ParentType, ContextType>;
  corridors?: Resolver<Array<ResolversTypes['Corridor']>, ParentType, ContextType>;
  days?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  deliveriesByHour?: Resolver<Array<ResolversTypes['HourCount']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
  pickupsByHour?: Resolver<Array<ResolversTypes['HourCount']>, ParentType, ContextType>;
  suggestions?: Resolver<Array<ResolversTypes['RouteSuggestion']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
};

export type RouteSuggestionResolvers<ContextType = any, ParentType extends ResolversParentTypes['RouteSuggestion'] = ResolversParentTypes['RouteSuggestion']> = {
  detail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  figures?: Resolver<Array<ResolversTypes['SuggestionFigure']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SentMessageResolvers<ContextType = any, ParentType extends ResolversParentTypes['SentMessage'] = ResolversParentTypes['SentMessage']> = {
  bookingReference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  delivery?: Resolver<ResolversTypes['MessageDelivery'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['BookingStatus'], ParentType, ContextType>;
  phone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sentAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  trackingUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SentMessagePageResolvers<ContextType = any, ParentType extends ResolversParentTypes['SentMessagePage'] = ResolversParentTypes['SentMessagePage']> = {
  items?: Resolver<Array<ResolversTypes['SentMessage']>, ParentType, ContextType>;
  nextToken?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type SentimentResolvers<ContextType = any, ParentType extends ResolversParentTypes['Sentiment'] = ResolversParentTypes['Sentiment']> = {
  label?: Resolver<ResolversTypes['SentimentLabel'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type SentimentCountResolvers<ContextType = any, ParentType extends ResolversParentTypes['SentimentCount'] = ResolversParentTypes['SentimentCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['SentimentLabel'], ParentType, ContextType>;
};

export type SequencedStopResolvers<ContextType = any, ParentType extends ResolversParentTypes['SequencedStop'] = ResolversParentTypes['SequencedStop']> = {
  address?: Resolver<ResolversTypes['Address'], ParentType, ContextType>;
  customerName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['StopKind'], ParentType, ContextType>;
  lateMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  plannedArrival?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  point?: Resolver<Maybe<ResolversTypes['GeoPoint']>, ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['BookingStatus'], ParentType, ContextType>;
  windowEnd?: Resolver<Maybe<ResolversTypes['AWSDateTime']>, ParentType, ContextType>;
  windowStart?: Resolver<Maybe<ResolversTypes['AWSDateTime']>, ParentType, ContextType>;
};

export type ServiceAlertResolvers<ContextType = any, ParentType extends ResolversParentTypes['ServiceAlert'] = ResolversParentTypes['ServiceAlert']> = {
  complaints?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  day?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
  feedback?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['AlertKind'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  minutesLate?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  raisedAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  rate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  recovery?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  table?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  threshold?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type SettingChangeResolvers<ContextType = any, ParentType extends ResolversParentTypes['SettingChange'] = ResolversParentTypes['SettingChange']> = {
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  from?: Resolver<Maybe<ResolversTypes['AWSJSON']>, ParentType, ContextType>;
  to?: Resolver<Maybe<ResolversTypes['AWSJSON']>, ParentType, ContextType>;
};

export type SettingsAuthorResolvers<ContextType = any, ParentType extends ResolversParentTypes['SettingsAuthor'] = ResolversParentTypes['SettingsAuthor']> = {
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sub?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SettingsChangePageResolvers<ContextType = any, ParentType extends ResolversParentTypes['SettingsChangePage'] = ResolversParentTypes['SettingsChangePage']> = {
  items?: Resolver<Array<ResolversTypes['SettingsChangeRecord']>, ParentType, ContextType>;
  nextToken?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type SettingsChangeRecordResolvers<ContextType = any, ParentType extends ResolversParentTypes['SettingsChangeRecord'] = ResolversParentTypes['SettingsChangeRecord']> = {
  at?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  by?: Resolver<ResolversTypes['SettingsAuthor'], ParentType, ContextType>;
  changes?: Resolver<Array<ResolversTypes['SettingChange']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SeverityCountResolvers<ContextType = any, ParentType extends ResolversParentTypes['SeverityCount'] = ResolversParentTypes['SeverityCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['Severity'], ParentType, ContextType>;
};

export type SizeSurchargeResolvers<ContextType = any, ParentType extends ResolversParentTypes['SizeSurcharge'] = ResolversParentTypes['SizeSurcharge']> = {
  amount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  size?: Resolver<ResolversTypes['PackageSize'], ParentType, ContextType>;
};

export type SlotCountResolvers<ContextType = any, ParentType extends ResolversParentTypes['SlotCount'] = ResolversParentTypes['SlotCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  slot?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type StatusCountResolvers<ContextType = any, ParentType extends ResolversParentTypes['StatusCount'] = ResolversParentTypes['StatusCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['BookingStatus'], ParentType, ContextType>;
};

export type StatusEventResolvers<ContextType = any, ParentType extends ResolversParentTypes['StatusEvent'] = ResolversParentTypes['StatusEvent']> = {
  actor?: Resolver<ResolversTypes['Actor'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  failureReason?: Resolver<Maybe<ResolversTypes['FailureReason']>, ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['GeoPoint']>, ParentType, ContextType>;
  locationAccuracyM?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  locationUnavailable?: Resolver<Maybe<ResolversTypes['LocationUnavailable']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  proof?: Resolver<Maybe<ResolversTypes['DeliveryProof']>, ParentType, ContextType>;
  receivedAt?: Resolver<Maybe<ResolversTypes['AWSDateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['BookingStatus'], ParentType, ContextType>;
};

export type StatusEventPageResolvers<ContextType = any, ParentType extends ResolversParentTypes['StatusEventPage'] = ResolversParentTypes['StatusEventPage']> = {
  cursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  events?: Resolver<Array<ResolversTypes['PartnerStatusEvent']>, ParentType, ContextType>;
  hasMore?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type StopKeyResolvers<ContextType = any, ParentType extends ResolversParentTypes['StopKey'] = ResolversParentTypes['StopKey']> = {
  kind?: Resolver<ResolversTypes['StopKind'], ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = any, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  onAlertRaised?: SubscriptionResolver<Maybe<ResolversTypes['ServiceAlert']>, "onAlertRaised", ParentType, ContextType>;
  onBookingChanged?: SubscriptionResolver<Maybe<ResolversTypes['Booking']>, "onBookingChanged", ParentType, ContextType, Partial<SubscriptionOnBookingChangedArgs>>;
  onCourierMoved?: SubscriptionResolver<Maybe<ResolversTypes['CourierMove']>, "onCourierMoved", ParentType, ContextType, Partial<SubscriptionOnCourierMovedArgs>>;
  onDeploymentChanged?: SubscriptionResolver<Maybe<ResolversTypes['Deployment']>, "onDeploymentChanged", ParentType, ContextType, Partial<SubscriptionOnDeploymentChangedArgs>>;
};

export type SuggestionFigureResolvers<ContextType = any, ParentType extends ResolversParentTypes['SuggestionFigure'] = ResolversParentTypes['SuggestionFigure']> = {
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SystemHealthResolvers<ContextType = any, ParentType extends ResolversParentTypes['SystemHealth'] = ResolversParentTypes['SystemHealth']> = {
  api?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  database?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  dependencies?: Resolver<Array<ResolversTypes['DependencyHealth']>, ParentType, ContextType>;
  lastChangeFeedEventAt?: Resolver<Maybe<ResolversTypes['AWSDateTime']>, ParentType, ContextType>;
  lastVoiceCallAt?: Resolver<Maybe<ResolversTypes['AWSDateTime']>, ParentType, ContextType>;
  voicebot?: Resolver<ResolversTypes['VoicebotStatus'], ParentType, ContextType>;
};

export type UtteranceCountResolvers<ContextType = any, ParentType extends ResolversParentTypes['UtteranceCount'] = ResolversParentTypes['UtteranceCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type VoicebotStatusResolvers<ContextType = any, ParentType extends ResolversParentTypes['VoicebotStatus'] = ResolversParentTypes['VoicebotStatus']> = {
  detail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['VoicebotDeploymentState'], ParentType, ContextType>;
};

export type VolumeBucketResolvers<ContextType = any, ParentType extends ResolversParentTypes['VolumeBucket'] = ResolversParentTypes['VolumeBucket']> = {
  end?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
  figures?: Resolver<ResolversTypes['VolumeFigures'], ParentType, ContextType>;
  previous?: Resolver<ResolversTypes['VolumeFigures'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
};

export type VolumeFiguresResolvers<ContextType = any, ParentType extends ResolversParentTypes['VolumeFigures'] = ResolversParentTypes['VolumeFigures']> = {
  bookings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  byChannel?: Resolver<Array<ResolversTypes['ChannelVolume']>, ParentType, ContextType>;
  cancelled?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  delivered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failureReasons?: Resolver<Array<ResolversTypes['FailureReasonCount']>, ParentType, ContextType>;
  returned?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type VolumeReportResolvers<ContextType = any, ParentType extends ResolversParentTypes['VolumeReport'] = ResolversParentTypes['VolumeReport']> = {
  buckets?: Resolver<Array<ResolversTypes['VolumeBucket']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
  granularity?: Resolver<ResolversTypes['AnalyticsGranularity'], ParentType, ContextType>;
  previousFrom?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
  previousTo?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
  previousTotal?: Resolver<ResolversTypes['VolumeFigures'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['AWSDate'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['VolumeFigures'], ParentType, ContextType>;
};

export type WeightSurchargeResolvers<ContextType = any, ParentType extends ResolversParentTypes['WeightSurcharge'] = ResolversParentTypes['WeightSurcharge']> = {
  amount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  overKg?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type Resolvers<ContextType = any> = {
  AWSDate?: GraphQLScalarType;
  AWSDateTime?: GraphQLScalarType;
  AWSEmail?: GraphQLScalarType;
  AWSIPAddress?: GraphQLScalarType;
  AWSJSON?: GraphQLScalarType;
  AWSPhone?: GraphQLScalarType;
  AWSTime?: GraphQLScalarType;
  AWSTimestamp?: GraphQLScalarType;
  AWSURL?: GraphQLScalarType;
  Actor?: ActorResolvers<ContextType>;
  Address?: AddressResolvers<ContextType>;
  AdminNotice?: AdminNoticeResolvers<ContextType>;
  AdminNoticePage?: AdminNoticePageResolvers<ContextType>;
  AlertSettings?: AlertSettingsResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  AuditEntryPage?: AuditEntryPageResolvers<ContextType>;
  Booking?: BookingResolvers<ContextType>;
  BookingPage?: BookingPageResolvers<ContextType>;
  BotBucket?: BotBucketResolvers<ContextType>;
  BotFigures?: BotFiguresResolvers<ContextType>;
  BotPrompt?: BotPromptResolvers<ContextType>;
  BotReport?: BotReportResolvers<ContextType>;
  CategoryCount?: CategoryCountResolvers<ContextType>;
  ChannelCount?: ChannelCountResolvers<ContextType>;
  ChannelVolume?: ChannelVolumeResolvers<ContextType>;
  CollectionHours?: CollectionHoursResolvers<ContextType>;
  CompanyRules?: CompanyRulesResolvers<ContextType>;
  CompanySettings?: CompanySettingsResolvers<ContextType>;
  ConnectInstance?: ConnectInstanceResolvers<ContextType>;
  ConnectQueue?: ConnectQueueResolvers<ContextType>;
  Corridor?: CorridorResolvers<ContextType>;
  CorridorCount?: CorridorCountResolvers<ContextType>;
  Courier?: CourierResolvers<ContextType>;
  CourierBucket?: CourierBucketResolvers<ContextType>;
  CourierEarnings?: CourierEarningsResolvers<ContextType>;
  CourierFigures?: CourierFiguresResolvers<ContextType>;
  CourierLocation?: CourierLocationResolvers<ContextType>;
  CourierMove?: CourierMoveResolvers<ContextType>;
  CourierPage?: CourierPageResolvers<ContextType>;
  CourierPerformance?: CourierPerformanceResolvers<ContextType>;
  CourierRanking?: CourierRankingResolvers<ContextType>;
  CourierSuggestion?: CourierSuggestionResolvers<ContextType>;
  Dashboard?: DashboardResolvers<ContextType>;
  DashboardAlerts?: DashboardAlertsResolvers<ContextType>;
  DashboardKpis?: DashboardKpisResolvers<ContextType>;
  DelayedDelivery?: DelayedDeliveryResolvers<ContextType>;
  DeliveryProof?: DeliveryProofResolvers<ContextType>;
  DeliverySequence?: DeliverySequenceResolvers<ContextType>;
  DependencyHealth?: DependencyHealthResolvers<ContextType>;
  Deployment?: DeploymentResolvers<ContextType>;
  DeploymentError?: DeploymentErrorResolvers<ContextType>;
  DeploymentPage?: DeploymentPageResolvers<ContextType>;
  DeploymentResource?: DeploymentResourceResolvers<ContextType>;
  DeploymentSettings?: DeploymentSettingsResolvers<ContextType>;
  DeploymentStep?: DeploymentStepResolvers<ContextType>;
  DurationStats?: DurationStatsResolvers<ContextType>;
  EarningsStretch?: EarningsStretchResolvers<ContextType>;
  ExecutiveSummaryInfo?: ExecutiveSummaryInfoResolvers<ContextType>;
  FailureReasonCount?: FailureReasonCountResolvers<ContextType>;
  Feedback?: FeedbackResolvers<ContextType>;
  FeedbackBucket?: FeedbackBucketResolvers<ContextType>;
  FeedbackFigures?: FeedbackFiguresResolvers<ContextType>;
  FeedbackPage?: FeedbackPageResolvers<ContextType>;
  FeedbackReport?: FeedbackReportResolvers<ContextType>;
  FleetLine?: FleetLineResolvers<ContextType>;
  GeoPoint?: GeoPointResolvers<ContextType>;
  HeatCell?: HeatCellResolvers<ContextType>;
  HeatReport?: HeatReportResolvers<ContextType>;
  HourCount?: HourCountResolvers<ContextType>;
  IntentCount?: IntentCountResolvers<ContextType>;
  IssuedPartnerToken?: IssuedPartnerTokenResolvers<ContextType>;
  LexIntentFigures?: LexIntentFiguresResolvers<ContextType>;
  LexReport?: LexReportResolvers<ContextType>;
  LexStageFigures?: LexStageFiguresResolvers<ContextType>;
  Me?: MeResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NewAddress?: NewAddressResolvers<ContextType>;
  NewDeploymentSettings?: NewDeploymentSettingsResolvers<ContextType>;
  NewPackage?: NewPackageResolvers<ContextType>;
  OutcomeCount?: OutcomeCountResolvers<ContextType>;
  PackageDetails?: PackageDetailsResolvers<ContextType>;
  Partner?: PartnerResolvers<ContextType>;
  PartnerFigures?: PartnerFiguresResolvers<ContextType>;
  PartnerStatusEvent?: PartnerStatusEventResolvers<ContextType>;
  PartnerToken?: PartnerTokenResolvers<ContextType>;
  PickupWindow?: PickupWindowResolvers<ContextType>;
  PlannedStep?: PlannedStepResolvers<ContextType>;
  ProofImages?: ProofImagesResolvers<ContextType>;
  ProofUpload?: ProofUploadResolvers<ContextType>;
  PublicStatusEvent?: PublicStatusEventResolvers<ContextType>;
  PublicTracking?: PublicTrackingResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RateCardRates?: RateCardRatesResolvers<ContextType>;
  RateCardSetting?: RateCardSettingResolvers<ContextType>;
  RateCardVersion?: RateCardVersionResolvers<ContextType>;
  RatingCount?: RatingCountResolvers<ContextType>;
  ReasonCount?: ReasonCountResolvers<ContextType>;
  RegionFigures?: RegionFiguresResolvers<ContextType>;
  RegionHour?: RegionHourResolvers<ContextType>;
  RegionReport?: RegionReportResolvers<ContextType>;
  RouteReport?: RouteReportResolvers<ContextType>;
  RouteSuggestion?: RouteSuggestionResolvers<ContextType>;
  SentMessage?: SentMessageResolvers<ContextType>;
  SentMessagePage?: SentMessagePageResolvers<ContextType>;
  Sentiment?: SentimentResolvers<ContextType>;
  SentimentCount?: SentimentCountResolvers<ContextType>;
  SequencedStop?: SequencedStopResolvers<ContextType>;
  ServiceAlert?: ServiceAlertResolvers<ContextType>;
  SettingChange?: SettingChangeResolvers<ContextType>;
  SettingsAuthor?: SettingsAuthorResolvers<ContextType>;
  SettingsChangePage?: SettingsChangePageResolvers<ContextType>;
  SettingsChangeRecord?: SettingsChangeRecordResolvers<ContextType>;
  SeverityCount?: SeverityCountResolvers<ContextType>;
  SizeSurcharge?: SizeSurchargeResolvers<ContextType>;
  SlotCount?: SlotCountResolvers<ContextType>;
  StatusCount?: StatusCountResolvers<ContextType>;
  StatusEvent?: StatusEventResolvers<ContextType>;
  StatusEventPage?: StatusEventPageResolvers<ContextType>;
  StopKey?: StopKeyResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  SuggestionFigure?: SuggestionFigureResolvers<ContextType>;
  SystemHealth?: SystemHealthResolvers<ContextType>;
  UtteranceCount?: UtteranceCountResolvers<ContextType>;
  VoicebotStatus?: VoicebotStatusResolvers<ContextType>;
  VolumeBucket?: VolumeBucketResolvers<ContextType>;
  VolumeFigures?: VolumeFiguresResolvers<ContextType>;
  VolumeReport?: VolumeReportResolvers<ContextType>;
  WeightSurcharge?: WeightSurchargeResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = any> = {
  aws_api_key?: Aws_Api_KeyDirectiveResolver<any, any, ContextType>;
  aws_auth?: Aws_AuthDirectiveResolver<any, any, ContextType>;
  aws_cognito_user_pools?: Aws_Cognito_User_PoolsDirectiveResolver<any, any, ContextType>;
  aws_iam?: Aws_IamDirectiveResolver<any, any, ContextType>;
  aws_lambda?: Aws_LambdaDirectiveResolver<any, any, ContextType>;
  aws_oidc?: Aws_OidcDirectiveResolver<any, any, ContextType>;
  aws_subscribe?: Aws_SubscribeDirectiveResolver<any, any, ContextType>;
};
