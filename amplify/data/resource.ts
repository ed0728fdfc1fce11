// The GraphQL contract: custom types and custom operations only (no generated CRUD), each with
// its authorization. Every operation is answered by the one `api` function (lambdas/api -> src/api).
import { a, defineData, type ClientSchema } from '@aws-amplify/backend';
import { apiFunction, summariesApiFunction, voicebotApiFunction } from '../functions/api/resource';
import { partnerAuthorizer } from '../functions/partner-authorizer/resource';
import { streamNotifier } from '../functions/stream-notifier/resource';
import {
  BOOKING_STATUSES,
  COMPLAINT_CATEGORIES,
  FAILURE_REASONS,
  FEEDBACK_TYPES,
  LOCATION_UNAVAILABLE_REASONS,
  PACKAGE_SIZES,
  PROOF_REQUIREMENTS,
  SEVERITIES,
  SPECIAL_HANDLING,
  VEHICLES,
} from '../../src/core/model';
import { WEEKDAYS } from '../../src/core/company-settings';
import { STOP_KINDS } from '../../src/core/delivery-sequence';

const api = a.handler.function(apiFunction);
// The voicebot's admin fields and the executive summaries' have functions of their own (functions/api/resource.ts).
const voicebotApi = a.handler.function(voicebotApiFunction);
const summariesApi = a.handler.function(summariesApiFunction);

const schema = a
  .schema({
    // Enumerations come from the domain model, so the API and the core cannot drift apart.
    BookingStatus: a.enum(BOOKING_STATUSES),
    PackageSize: a.enum(PACKAGE_SIZES),
    SpecialHandling: a.enum(SPECIAL_HANDLING),
    GeoPrecision: a.enum(['ADDRESS', 'STREET', 'POSTCODE', 'CITY']),
    ActorType: a.enum(['ADMIN', 'COURIER', 'PARTNER', 'CUSTOMER', 'VOICEBOT', 'SYSTEM']),
    FailureReason: a.enum(FAILURE_REASONS),
    LocationUnavailable: a.enum(LOCATION_UNAVAILABLE_REASONS),
    FeedbackType: a.enum(FEEDBACK_TYPES),
    ComplaintCategory: a.enum(COMPLAINT_CATEGORIES),
    Severity: a.enum(SEVERITIES),
    SentimentLabel: a.enum(['POSITIVE', 'NEUTRAL', 'NEGATIVE', 'MIXED']),
    Vehicle: a.enum(VEHICLES),
    Channel: a.enum(['VOICE', 'WEB', 'PARTNER', 'API']),
    Role: a.enum(['ADMIN', 'COURIER', 'PARTNER']),

    GeoPoint: a.customType({ lat: a.float().required(), lng: a.float().required() }),
    Address: a.customType({
      line1: a.string().required(),
      line2: a.string(),
      city: a.string().required(),
      region: a.string(),
      postcode: a.string().required(),
      country: a.string().required(),
      point: a.ref('GeoPoint'),
      precision: a.ref('GeoPrecision'),
    }),
    // Referenced as arguments, these become the GraphQL inputs NewAddressInput and NewPackageInput
    // (Amplify appends "Input" to a referenced custom type's name).
    NewAddress: a.customType({
      line1: a.string().required(),
      line2: a.string(),
      city: a.string().required(),
      region: a.string(),
      postcode: a.string().required(),
      country: a.string(),
    }),
    PackageDetails: a.customType({
      size: a.ref('PackageSize').required(),
      weightKg: a.float().required(),
      handling: a.ref('SpecialHandling').required().array().required(),
      description: a.string(),
    }),
    NewPackage: a.customType({
      size: a.ref('PackageSize').required(),
      weightKg: a.float().required(),
      handling: a.ref('SpecialHandling').required().array(),
      description: a.string(),
    }),
    PickupWindow: a.customType({ start: a.datetime().required(), end: a.datetime().required() }),
    Actor: a.customType({ type: a.ref('ActorType').required(), id: a.string().required(), name: a.string() }),
    DeliveryProof: a.customType({ signatureKey: a.string(), photoKey: a.string(), recipientName: a.string() }),
    StatusEvent: a.customType({
      status: a.ref('BookingStatus').required(),
      at: a.datetime().required(),
      actor: a.ref('Actor').required(),
      location: a.ref('GeoPoint'),
      locationAccuracyM: a.float(),
      locationUnavailable: a.ref('LocationUnavailable'),
      note: a.string(),
      proof: a.ref('DeliveryProof'),
      failureReason: a.ref('FailureReason'),
      receivedAt: a.datetime(),
    }),
    Booking: a.customType({
      reference: a.string().required(),
      customerName: a.string().required(),
      customerPhone: a.string().required(),
      pickup: a.ref('Address').required(),
      delivery: a.ref('Address').required(),
      package: a.ref('PackageDetails').required(),
      pickupWindow: a.ref('PickupWindow').required(),
      status: a.ref('BookingStatus').required(),
      history: a.ref('StatusEvent').required().array().required(),
      courierId: a.id(),
      courierName: a.string(),
      partnerId: a.id(),
      partnerName: a.string(),
      eta: a.datetime(),
      channel: a.ref('Channel').required(),
      createdAt: a.datetime().required(),
      updatedAt: a.datetime().required(),
      version: a.integer().required(),
    }),
    BookingPage: a.customType({ items: a.ref('Booking').required().array().required(), nextToken: a.string() }),
    /** What an anonymous caller may learn about one parcel: no names, phones or street addresses. */
    PublicTracking: a.customType({
      reference: a.string().required(),
      status: a.ref('BookingStatus').required(),
      lastUpdate: a.datetime().required(),
      eta: a.datetime(),
      pickupCity: a.string().required(),
      deliveryCity: a.string().required(),
      /** The courier's last position, only while the parcel is out for delivery. */
      courierPosition: a.ref('GeoPoint'),
      timeline: a.ref('PublicStatusEvent').required().array().required(),
    }),
    PublicStatusEvent: a.customType({ status: a.ref('BookingStatus').required(), at: a.datetime().required() }),
    Sentiment: a.customType({ label: a.ref('SentimentLabel').required(), score: a.float().required() }),
    Feedback: a.customType({
      reference: a.string().required(),
      bookingReference: a.string().required(),
      type: a.ref('FeedbackType').required(),
      rating: a.integer(),
      text: a.string().required(),
      complaintCategory: a.ref('ComplaintCategory'),
      severity: a.ref('Severity'),
      sentiment: a.ref('Sentiment').required(),
      flagged: a.boolean().required(),
      courierId: a.id(),
      partnerId: a.id(),
      channel: a.ref('Channel').required(),
      createdAt: a.datetime().required(),
    }),
    FeedbackPage: a.customType({ items: a.ref('Feedback').required().array().required(), nextToken: a.string() }),
    CourierLocation: a.customType({
      lat: a.float().required(),
      lng: a.float().required(),
      at: a.datetime().required(),
      heading: a.float(),
      speedKph: a.float(),
    }),
    Courier: a.customType({
      id: a.id().required(),
      name: a.string().required(),
      phone: a.string().required(),
      email: a.string().required(),
      vehicle: a.ref('Vehicle').required(),
      active: a.boolean().required(),
      lastLocation: a.ref('CourierLocation'),
      createdAt: a.datetime().required(),
      updatedAt: a.datetime().required(),
    }),
    CourierPage: a.customType({ items: a.ref('Courier').required().array().required(), nextToken: a.string() }),
    /** What became of a customer SMS: kept in the outbox (local), sent, refused (opted out), or failed. */
    MessageDelivery: a.enum(['OUTBOX', 'SENT', 'OPTED_OUT', 'FAILED']),
    /** A customer SMS as admins see it (Req 11.8): the phone masked to its last four digits. */
    SentMessage: a.customType({
      id: a.id().required(),
      sentAt: a.datetime().required(),
      phone: a.string().required(),
      bookingReference: a.string().required(),
      kind: a.ref('BookingStatus').required(),
      text: a.string().required(),
      trackingUrl: a.string().required(),
      delivery: a.ref('MessageDelivery').required(),
    }),
    SentMessagePage: a.customType({
      items: a.ref('SentMessage').required().array().required(),
      nextToken: a.string(),
    }),
    /** What became of an admin notice: kept in the outbox only (local), published to the admins' SNS topic, or not. */
    AdminNoticeDelivery: a.enum(['OUTBOX', 'SENT', 'FAILED']),
    /** A notice sent to the admins (Req 10.5, 10.6): a service alert or the weekly executive summary. */
    AdminNotice: a.customType({
      id: a.id().required(),
      sentAt: a.datetime().required(),
      /** LATE_DELIVERY, COMPLAINT_RATE, DATA_INTEGRITY or EXECUTIVE_SUMMARY. */
      kind: a.string().required(),
      subject: a.string().required(),
      text: a.string().required(),
      /** The app page of what it is about, e.g. /bookings/K7M-4QX-9. */
      path: a.string(),
      delivery: a.ref('AdminNoticeDelivery').required(),
    }),
    AdminNoticePage: a.customType({
      items: a.ref('AdminNotice').required().array().required(),
      nextToken: a.string(),
    }),
    CourierMove: a.customType({
      courierId: a.id().required(),
      lat: a.float().required(),
      lng: a.float().required(),
      at: a.datetime().required(),
      heading: a.float(),
      speedKph: a.float(),
    }),
    VoicebotDeploymentState: a.enum(['NOT_DEPLOYED', 'DEPLOYING', 'DEPLOYED', 'FAILED']),
    VoicebotStatus: a.customType({ state: a.ref('VoicebotDeploymentState').required(), detail: a.string() }),
    /** A dependency's circuit breaker: CLOSED serves, OPEN refuses at once (its fallback applies), HALF_OPEN tries. */
    BreakerState: a.enum(['CLOSED', 'OPEN', 'HALF_OPEN']),
    /** A dependency that can fail slowly (Comprehend, the SMS provider), as its breaker last changed state. */
    DependencyHealth: a.customType({
      name: a.string().required(),
      state: a.ref('BreakerState').required(),
      since: a.datetime().required(),
      fallback: a.string().required(),
      lastError: a.string(),
    }),
    SystemHealth: a.customType({
      api: a.boolean().required(),
      database: a.boolean().required(),
      lastChangeFeedEventAt: a.datetime(),
      lastVoiceCallAt: a.datetime(),
      voicebot: a.ref('VoicebotStatus').required(),
      dependencies: a.ref('DependencyHealth').required().array().required(),
    }),
    StatusCount: a.customType({ status: a.ref('BookingStatus').required(), count: a.integer().required() }),
    /** A day's figures, read from rollups the change feed keeps current; ratios are null before any data. */
    DashboardKpis: a.customType({
      bookings: a.integer().required(),
      statusCounts: a.ref('StatusCount').required().array().required(),
      inTransit: a.integer().required(),
      delivered: a.integer().required(),
      failed: a.integer().required(),
      deliverySuccessRate: a.float(),
      averageDeliveryMinutes: a.float(),
      averageRating: a.float(),
      satisfiedShare: a.float(),
      ratings: a.integer().required(),
      feedback: a.integer().required(),
      complaints: a.integer().required(),
      flaggedComplaints: a.integer().required(),
      voiceBookings: a.integer().required(),
      voiceFeedback: a.integer().required(),
      callsHandled: a.integer().required(),
    }),
    DelayedDelivery: a.customType({
      reference: a.string().required(),
      eta: a.datetime().required(),
      status: a.ref('BookingStatus').required(),
      courierId: a.id(),
      minutesLate: a.integer().required(),
    }),
    DashboardAlerts: a.customType({
      complaints: a.ref('Feedback').required().array().required(),
      delayed: a.ref('DelayedDelivery').required().array().required(),
    }),
    Dashboard: a.customType({
      day: a.date().required(),
      generatedAt: a.datetime().required(),
      health: a.ref('SystemHealth').required(),
      /** Absent when the database could not be read (health.database is then false). */
      kpis: a.ref('DashboardKpis'),
      alerts: a.ref('DashboardAlerts').required(),
    }),
    Partner: a.customType({
      id: a.id().required(),
      name: a.string().required(),
      contactEmail: a.string().required(),
      createdAt: a.datetime().required(),
    }),
    /** A partner API token as admins see it: never the secret, never its hash. */
    PartnerToken: a.customType({
      tokenId: a.id().required(),
      partnerId: a.id().required(),
      name: a.string().required(),
      /** bookings:read, bookings:write, feedback:write */
      scopes: a.string().required().array().required(),
      rateLimitPerMinute: a.integer().required(),
      createdAt: a.datetime().required(),
      createdBy: a.ref('Actor').required(),
      expiresAt: a.datetime().required(),
      revokedAt: a.datetime(),
      revokedBy: a.ref('Actor'),
    }),
    /** Returned once, when the token is issued: `token` is never shown again. */
    IssuedPartnerToken: a.customType({ token: a.string().required(), tokenInfo: a.ref('PartnerToken').required() }),
    AuditSource: a.enum(['mcp', 'graphql']),
    AuditEntry: a.customType({
      id: a.id().required(),
      partnerId: a.id().required(),
      tokenId: a.id(),
      source: a.ref('AuditSource').required(),
      /** The MCP tool or the GraphQL field. */
      operation: a.string().required(),
      /** SHA-256 of the canonical JSON of the arguments (never the arguments). */
      argsDigest: a.string().required(),
      /** ok, or the error type the caller received. */
      outcome: a.string().required(),
      latencyMs: a.integer().required(),
      at: a.datetime().required(),
    }),
    AuditEntryPage: a.customType({ items: a.ref('AuditEntry').required().array().required(), nextToken: a.string() }),
    PartnerStatusEvent: a.customType({
      reference: a.string().required(),
      status: a.ref('BookingStatus').required(),
      at: a.datetime().required(),
      actor: a.ref('Actor').required(),
      note: a.string(),
      failureReason: a.ref('FailureReason'),
    }),
    /** Status changes after a cursor: pass `cursor` as `since` next time; `hasMore` says to call again at once. */
    StatusEventPage: a.customType({
      events: a.ref('PartnerStatusEvent').required().array().required(),
      cursor: a.string(),
      hasMore: a.boolean().required(),
    }),
    // ---- voicebot provisioning ----
    DeploymentStatus: a.enum(['PENDING', 'RUNNING', 'FAILED', 'SUCCEEDED', 'ROLLING_BACK', 'ROLLED_BACK']),
    DeploymentStepStatus: a.enum(['PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'ROLLING_BACK', 'ROLLED_BACK']),
    DeploymentResource: a.customType({
      kind: a.string().required(),
      name: a.string().required(),
      id: a.string().required(),
      arn: a.string(),
      created: a.boolean().required(),
      updated: a.boolean(),
      rolledBack: a.boolean(),
    }),
    DeploymentError: a.customType({
      step: a.string(),
      code: a.string().required(),
      message: a.string().required(),
      resolution: a.string().required(),
      phase: a.string().required(),
      at: a.datetime().required(),
    }),
    DeploymentStep: a.customType({
      key: a.string().required(),
      title: a.string().required(),
      status: a.ref('DeploymentStepStatus').required(),
      startedAt: a.datetime(),
      endedAt: a.datetime(),
      detail: a.string(),
      resources: a.ref('DeploymentResource').required().array().required(),
      error: a.ref('DeploymentError'),
    }),
    DeploymentSettings: a.customType({
      instanceId: a.string().required(),
      botName: a.string().required(),
      localeId: a.string().required(),
      voiceId: a.string().required(),
      botAliasName: a.string().required(),
      contactFlowName: a.string().required(),
      queueArn: a.string(),
      /** Admin edits of prompt texts, by locale then prompt key. */
      promptOverrides: a.json().required(),
    }),
    NewDeploymentSettings: a.customType({
      instanceId: a.string().required(),
      botName: a.string(),
      localeId: a.string(),
      voiceId: a.string(),
      botAliasName: a.string(),
      contactFlowName: a.string(),
      queueArn: a.string(),
      promptOverrides: a.json(),
    }),
    Deployment: a.customType({
      id: a.id().required(),
      instanceId: a.string().required(),
      settings: a.ref('DeploymentSettings').required(),
      status: a.ref('DeploymentStatus').required(),
      steps: a.ref('DeploymentStep').required().array().required(),
      error: a.ref('DeploymentError'),
      createdBy: a.ref('Actor').required(),
      createdAt: a.datetime().required(),
      updatedAt: a.datetime().required(),
      version: a.integer().required(),
    }),
    DeploymentPage: a.customType({ items: a.ref('Deployment').required().array().required(), nextToken: a.string() }),
    PlannedStep: a.customType({
      key: a.string().required(),
      title: a.string().required(),
      description: a.string().required(),
    }),
    ConnectInstance: a.customType({
      id: a.string().required(),
      arn: a.string().required(),
      alias: a.string(),
      status: a.string(),
      inboundCallsEnabled: a.boolean(),
    }),
    ConnectQueue: a.customType({ id: a.string().required(), arn: a.string().required(), name: a.string() }),
    BotPrompt: a.customType({
      key: a.string().required(),
      text: a.string().required(),
      defaultText: a.string().required(),
      overridden: a.boolean().required(),
    }),

    // ---- the company's settings (Req 2.5) ----
    Weekday: a.enum(WEEKDAYS),
    CollectionHours: a.customType({ open: a.string().required(), close: a.string().required() }),
    CompanyRules: a.customType({
      serviceArea: a.string().required().array().required(),
      collectionDays: a.ref('Weekday').required().array().required(),
      collectionHours: a.ref('CollectionHours').required(),
      sameDayCutoff: a.string(),
      maxWeightKg: a.float().required(),
      maxOversizedWeightKg: a.float().required(),
      largestSize: a.ref('PackageSize').required(),
      /** Absent: left as it is. */
      requiredProof: a.ref('ProofRequirement').required().array(),
    }),
    /** A kind of proof a company may require of every delivery; none required: any one of them. */
    ProofRequirement: a.enum(PROOF_REQUIREMENTS),
    SettingsAuthor: a.customType({ sub: a.string().required(), name: a.string() }),
    CompanySettings: a.customType({
      timeZone: a.string().required(),
      serviceArea: a.string().required().array().required(),
      collectionDays: a.ref('Weekday').required().array().required(),
      collectionHours: a.ref('CollectionHours').required(),
      sameDayCutoff: a.string(),
      maxWeightKg: a.float().required(),
      maxOversizedWeightKg: a.float().required(),
      largestSize: a.ref('PackageSize').required(),
      requiredProof: a.ref('ProofRequirement').required().array().required(),
      version: a.integer().required(),
      updatedAt: a.datetime(),
      updatedBy: a.ref('SettingsAuthor'),
    }),
    SettingChange: a.customType({ field: a.string().required(), from: a.json(), to: a.json() }),
    SettingsChangeRecord: a.customType({
      version: a.integer().required(),
      at: a.datetime().required(),
      by: a.ref('SettingsAuthor').required(),
      changes: a.ref('SettingChange').required().array().required(),
    }),
    SettingsChangePage: a.customType({
      items: a.ref('SettingsChangeRecord').required().array().required(),
      nextToken: a.string(),
    }),

    // ---- proof of delivery ----
    ProofKind: a.enum(['SIGNATURE', 'PHOTO']),
    /** Where to PUT one image: send exactly `headers` (JSON object) with it, before `expiresAt`. */
    ProofUpload: a.customType({
      key: a.string().required(),
      uploadUrl: a.url().required(),
      headers: a.json().required(),
      expiresAt: a.datetime().required(),
    }),
    /** A booking's latest proof of delivery, its images as URLs valid for 15 minutes. */
    ProofImages: a.customType({
      signatureUrl: a.url(),
      photoUrl: a.url(),
      recipientName: a.string(),
      at: a.datetime().required(),
    }),

    // ---- analytics (Req 10, 12): every figure read from the change feed's series rollups ----
    AnalyticsGranularity: a.enum(['DAY', 'WEEK', 'MONTH']),
    ChannelVolume: a.customType({
      channel: a.ref('Channel').required(),
      bookings: a.integer().required(),
      delivered: a.integer().required(),
      failed: a.integer().required(),
      returned: a.integer().required(),
      cancelled: a.integer().required(),
    }),
    FailureReasonCount: a.customType({ reason: a.ref('FailureReason').required(), count: a.integer().required() }),
    /** Bookings filed on their pickup day; failed includes returned parcels. */
    VolumeFigures: a.customType({
      bookings: a.integer().required(),
      delivered: a.integer().required(),
      failed: a.integer().required(),
      returned: a.integer().required(),
      cancelled: a.integer().required(),
      byChannel: a.ref('ChannelVolume').required().array().required(),
      failureReasons: a.ref('FailureReasonCount').required().array().required(),
    }),
    /** One chart bucket (clipped to the range), beside the bucket before it. */
    VolumeBucket: a.customType({
      start: a.date().required(),
      end: a.date().required(),
      figures: a.ref('VolumeFigures').required(),
      previous: a.ref('VolumeFigures').required(),
    }),
    VolumeReport: a.customType({
      from: a.date().required(),
      to: a.date().required(),
      granularity: a.ref('AnalyticsGranularity').required(),
      buckets: a.ref('VolumeBucket').required().array().required(),
      total: a.ref('VolumeFigures').required(),
      previousFrom: a.date().required(),
      previousTo: a.date().required(),
      previousTotal: a.ref('VolumeFigures').required(),
    }),
    /** p90 is read from a histogram, within 10 % of the exact value. */
    DurationStats: a.customType({ count: a.integer().required(), averageMinutes: a.float(), p90Minutes: a.float() }),
    RegionFigures: a.customType({
      regionId: a.string().required(),
      name: a.string().required(),
      bookings: a.integer().required(),
      delivered: a.integer().required(),
      failed: a.integer().required(),
      cancelled: a.integer().required(),
      bookingToPickup: a.ref('DurationStats').required(),
      pickupToDelivery: a.ref('DurationStats').required(),
      onTimeRate: a.float(),
      onTimeBase: a.integer().required(),
      pickupOnTimeRate: a.float(),
      pickupBase: a.integer().required(),
    }),
    RegionReport: a.customType({
      from: a.date().required(),
      to: a.date().required(),
      regions: a.ref('RegionFigures').required().array().required(),
      total: a.ref('RegionFigures').required(),
    }),
    RatingCount: a.customType({ rating: a.integer().required(), count: a.integer().required() }),
    SentimentCount: a.customType({ label: a.ref('SentimentLabel').required(), count: a.integer().required() }),
    SeverityCount: a.customType({ severity: a.ref('Severity').required(), count: a.integer().required() }),
    CategoryCount: a.customType({
      category: a.ref('ComplaintCategory').required(),
      count: a.integer().required(),
      severities: a.ref('SeverityCount').required().array().required(),
    }),
    ChannelCount: a.customType({ channel: a.ref('Channel').required(), count: a.integer().required() }),
    FeedbackFigures: a.customType({
      feedback: a.integer().required(),
      complaints: a.integer().required(),
      flagged: a.integer().required(),
      ratings: a.integer().required(),
      averageRating: a.float(),
      ratingCounts: a.ref('RatingCount').required().array().required(),
      sentiment: a.ref('SentimentCount').required().array().required(),
      categories: a.ref('CategoryCount').required().array().required(),
      severities: a.ref('SeverityCount').required().array().required(),
      byChannel: a.ref('ChannelCount').required().array().required(),
    }),
    FeedbackBucket: a.customType({
      start: a.date().required(),
      end: a.date().required(),
      figures: a.ref('FeedbackFigures').required(),
    }),
    FeedbackReport: a.customType({
      from: a.date().required(),
      to: a.date().required(),
      granularity: a.ref('AnalyticsGranularity').required(),
      buckets: a.ref('FeedbackBucket').required().array().required(),
      total: a.ref('FeedbackFigures').required(),
    }),
    Corridor: a.customType({
      from: a.string().required(),
      to: a.string().required(),
      fromName: a.string().required(),
      toName: a.string().required(),
      bookings: a.integer().required(),
      perDay: a.float().required(),
    }),
    HourCount: a.customType({ hour: a.integer().required(), count: a.integer().required() }),
    RegionHour: a.customType({
      regionId: a.string().required(),
      name: a.string().required(),
      hour: a.integer().required(),
      pickups: a.integer().required(),
      perDay: a.float().required(),
      collected: a.integer().required(),
      late: a.integer().required(),
      lateRate: a.float(),
    }),
    SuggestionFigure: a.customType({ label: a.string().required(), value: a.string().required() }),
    RouteSuggestion: a.customType({
      /** BATCH_PICKUPS, ADD_COURIERS or DEDICATED_CORRIDOR */
      kind: a.string().required(),
      title: a.string().required(),
      detail: a.string().required(),
      figures: a.ref('SuggestionFigure').required().array().required(),
    }),
    RouteReport: a.customType({
      from: a.date().required(),
      to: a.date().required(),
      days: a.integer().required(),
      corridors: a.ref('Corridor').required().array().required(),
      pickupsByHour: a.ref('HourCount').required().array().required(),
      deliveriesByHour: a.ref('HourCount').required().array().required(),
      busiestSlots: a.ref('RegionHour').required().array().required(),
      suggestions: a.ref('RouteSuggestion').required().array().required(),
    }),
    HeatCell: a.customType({
      lat: a.float().required(),
      lng: a.float().required(),
      requested: a.integer().required(),
      delivered: a.integer().required(),
    }),
    /** Read by whole ISO weeks: from/to are the range widened to them. */
    HeatReport: a.customType({
      from: a.date().required(),
      to: a.date().required(),
      cells: a.ref('HeatCell').required().array().required(),
      requested: a.integer().required(),
      delivered: a.integer().required(),
    }),
    PartnerFigures: a.customType({
      partnerId: a.id().required(),
      name: a.string().required(),
      bookings: a.integer().required(),
      delivered: a.integer().required(),
      failed: a.integer().required(),
      cancelled: a.integer().required(),
      successRate: a.float(),
      onTimeRate: a.float(),
      feedback: a.integer().required(),
      complaints: a.integer().required(),
      averageRating: a.float(),
      /** MCP and GraphQL calls from the audit trail: all, failed, refused by the rate limit. */
      calls: a.integer().required(),
      errors: a.integer().required(),
      rateLimited: a.integer().required(),
      mcpCalls: a.integer().required(),
      graphqlCalls: a.integer().required(),
    }),
    CorridorCount: a.customType({
      from: a.string().required(),
      to: a.string().required(),
      count: a.integer().required(),
    }),
    CourierFigures: a.customType({
      assigned: a.integer().required(),
      delivered: a.integer().required(),
      failed: a.integer().required(),
      failureReasons: a.ref('FailureReasonCount').required().array().required(),
      successRate: a.float(),
      averageDeliveryMinutes: a.float(),
      onTimeRate: a.float(),
      ratings: a.integer().required(),
      averageRating: a.float(),
      complaints: a.integer().required(),
      deliveriesByHour: a.ref('HourCount').required().array().required(),
      corridors: a.ref('CorridorCount').required().array().required(),
    }),
    CourierBucket: a.customType({
      start: a.date().required(),
      end: a.date().required(),
      figures: a.ref('CourierFigures').required(),
    }),
    RankingMeasure: a.enum(['DELIVERED', 'SUCCESS_RATE', 'AVERAGE_RATING', 'ON_TIME_RATE']),
    /** Where the courier stands (1 = best) among couriers with a value; peers are values only (anonymized). */
    CourierRanking: a.customType({
      measure: a.ref('RankingMeasure').required(),
      position: a.integer(),
      of: a.integer().required(),
      value: a.float(),
      peers: a.float().required().array().required(),
    }),
    CourierPerformance: a.customType({
      courierId: a.id().required(),
      from: a.date().required(),
      to: a.date().required(),
      granularity: a.ref('AnalyticsGranularity').required(),
      buckets: a.ref('CourierBucket').required().array().required(),
      total: a.ref('CourierFigures').required(),
      rankings: a.ref('CourierRanking').required().array().required(),
    }),
    /** The courier rate card (Req 12.4), amounts in the currency's main unit (4.50 = four dollars fifty). */
    SizeSurcharge: a.customType({ size: a.ref('PackageSize').required(), amount: a.float().required() }),
    /** Paid for a parcel heavier than overKg (only the heaviest tier it passes). */
    WeightSurcharge: a.customType({ overKg: a.integer().required(), amount: a.float().required() }),
    RateCardRates: a.customType({
      currency: a.string().required(),
      perDelivery: a.float().required(),
      perKm: a.float().required(),
      sizeSurcharges: a.ref('SizeSurcharge').required().array(),
      weightSurcharges: a.ref('WeightSurcharge').required().array(),
    }),
    /** One version of the rate card: in force from effectiveFrom until a later version is; no rates = off. */
    RateCardVersion: a.customType({
      version: a.integer().required(),
      effectiveFrom: a.date().required(),
      rates: a.ref('RateCardRates'),
      setAt: a.datetime().required(),
      setBy: a.ref('SettingsAuthor').required(),
    }),
    RateCardSetting: a.customType({
      /** The latest version number (0: never set): what setRateCard's expectedVersion must be. */
      version: a.integer().required(),
      /** The rates in force today; null when there is no rate card (earnings are off). */
      inForce: a.ref('RateCardVersion'),
      upcoming: a.ref('RateCardVersion').required().array().required(),
    }),
    EarningsStretch: a.customType({
      from: a.date().required(),
      to: a.date().required(),
      version: a.integer().required(),
    }),
    /** What a courier earned over a range, each day at the rates in force that day. */
    CourierEarnings: a.customType({
      courierId: a.id().required(),
      from: a.date().required(),
      to: a.date().required(),
      currency: a.string().required(),
      deliveries: a.integer().required(),
      km: a.float().required(),
      perDelivery: a.float().required(),
      distance: a.float().required(),
      sizeSurcharges: a.float().required(),
      weightSurcharges: a.float().required(),
      total: a.float().required(),
      stretches: a.ref('EarningsStretch').required().array().required(),
    }),
    CourierSuggestion: a.customType({
      kind: a.string().required(),
      title: a.string().required(),
      detail: a.string().required(),
      figures: a.ref('SuggestionFigure').required().array().required(),
    }),
    CallOutcome: a.enum(['BOOKED', 'FEEDBACK', 'TRACKED', 'TRANSFERRED', 'ABANDONED']),
    OutcomeCount: a.customType({ outcome: a.ref('CallOutcome').required(), count: a.integer().required() }),
    ReasonCount: a.customType({ reason: a.string().required(), count: a.integer().required() }),
    IntentCount: a.customType({ intent: a.string().required(), count: a.integer().required() }),
    /** The voicebot's calls as the code hook recorded them (Lex V2 Analytics' session and intent figures). */
    BotFigures: a.customType({
      calls: a.integer().required(),
      outcomes: a.ref('OutcomeCount').required().array().required(),
      containmentRate: a.float(),
      recognitionRate: a.float(),
      averageTurns: a.float(),
      transfers: a.ref('ReasonCount').required().array().required(),
      intents: a.ref('IntentCount').required().array().required(),
    }),
    BotBucket: a.customType({
      start: a.date().required(),
      end: a.date().required(),
      figures: a.ref('BotFigures').required(),
    }),
    UtteranceCount: a.customType({ text: a.string().required(), count: a.integer().required() }),
    SlotCount: a.customType({ slot: a.string().required(), count: a.integer().required() }),
    BotReport: a.customType({
      from: a.date().required(),
      to: a.date().required(),
      granularity: a.ref('AnalyticsGranularity').required(),
      buckets: a.ref('BotBucket').required().array().required(),
      total: a.ref('BotFigures').required(),
      missedUtterances: a.ref('UtteranceCount').required().array().required(),
      reaskedSlots: a.ref('SlotCount').required().array().required(),
    }),
    /**
     * Amazon Lex V2's own analytics of the deployed bot (ListSessionMetrics, ListIntentMetrics,
     * ListIntentStageMetrics), beside the above.
     */
    LexAnalyticsState: a.enum(['AVAILABLE', 'NOT_DEPLOYED', 'UNAVAILABLE']),
    LexIntentFigures: a.customType({
      intent: a.string().required(),
      count: a.integer().required(),
      success: a.integer().required(),
      failure: a.integer().required(),
      switched: a.integer().required(),
      dropped: a.integer().required(),
    }),
    /** One intent stage as Lex counts it (a slot's elicitation, the confirmation, the fulfillment). */
    LexStageFigures: a.customType({
      intent: a.string().required(),
      stage: a.string().required(),
      count: a.integer().required(),
      success: a.integer().required(),
      failed: a.integer().required(),
      dropped: a.integer().required(),
      retried: a.integer().required(),
    }),
    LexReport: a.customType({
      from: a.date().required(),
      to: a.date().required(),
      state: a.ref('LexAnalyticsState').required(),
      /** What the state means, in plain words (which bot and alias, or why there are no figures). */
      detail: a.string().required(),
      botId: a.string(),
      botAliasId: a.string(),
      conversations: a.integer(),
      success: a.integer(),
      failure: a.integer(),
      dropped: a.integer(),
      averageTurns: a.float(),
      intents: a.ref('LexIntentFigures').required().array().required(),
      /** Intent stages, the most re-asked first. */
      stages: a.ref('LexStageFigures').required().array().required(),
    }),
    AlertKind: a.enum(['LATE_DELIVERY', 'COMPLAINT_RATE', 'DATA_INTEGRITY']),
    ServiceAlert: a.customType({
      day: a.date().required(),
      key: a.string().required(),
      kind: a.ref('AlertKind').required(),
      raisedAt: a.datetime().required(),
      message: a.string().required(),
      reference: a.string(),
      minutesLate: a.integer(),
      complaints: a.integer(),
      feedback: a.integer(),
      rate: a.float(),
      threshold: a.float(),
      /** DATA_INTEGRITY: the table of the corrupt item and how to recover it. */
      table: a.string(),
      recovery: a.string(),
    }),
    AlertSettings: a.customType({
      complaintRateThreshold: a.float().required(),
      minFeedback: a.integer().required(),
      lateGraceMinutes: a.integer().required(),
      version: a.integer().required(),
      updatedAt: a.datetime(),
      updatedBy: a.string(),
    }),
    ExecutiveSummaryInfo: a.customType({
      week: a.date().required(),
      from: a.date().required(),
      to: a.date().required(),
      generatedAt: a.datetime().required(),
      /** The PDF, for 15 minutes. */
      url: a.url().required(),
    }),
    FleetLine: a.customType({
      courierId: a.id().required(),
      delivered: a.integer().required(),
      failed: a.integer().required(),
      successRate: a.float(),
      averageDeliveryMinutes: a.float(),
      onTimeRate: a.float(),
      ratings: a.integer().required(),
      averageRating: a.float(),
    }),

    // ---- the courier's suggested delivery sequence (Req 11.11) ----
    StopKind: a.enum(STOP_KINDS),
    DistanceSource: a.enum(['ROAD', 'STRAIGHT_LINE']),
    SequencedStop: a.customType({
      reference: a.string().required(),
      kind: a.ref('StopKind').required(),
      status: a.ref('BookingStatus').required(),
      customerName: a.string().required(),
      address: a.ref('Address').required(),
      point: a.ref('GeoPoint'),
      windowStart: a.datetime(),
      windowEnd: a.datetime(),
      plannedArrival: a.datetime().required(),
      lateMinutes: a.integer().required(),
    }),
    DeliverySequence: a.customType({
      courierId: a.id().required(),
      day: a.date().required(),
      /** True when the order is the courier's own (stops added since put in by the search). */
      manual: a.boolean().required(),
      origin: a.ref('GeoPoint'),
      distances: a.ref('DistanceSource').required(),
      stops: a.ref('SequencedStop').required().array().required(),
      finishAt: a.datetime().required(),
      lateMinutes: a.integer().required(),
      computedAt: a.datetime().required(),
    }),
    // As an argument: the input StopKeyInput.
    StopKey: a.customType({ reference: a.string().required(), kind: a.ref('StopKind').required() }),
    Me: a.customType({
      sub: a.string().required(),
      email: a.string(),
      role: a.ref('Role').required(),
      courierId: a.id(),
      partnerId: a.id(),
      displayName: a.string(),
    }),

    // ---- queries ----
    me: a
      .query()
      .returns(a.ref('Me').required())
      .authorization((allow) => [allow.groups(['admin', 'courier', 'partner'])])
      .handler(api),
    trackBooking: a
      .query()
      .arguments({ reference: a.string().required() })
      .returns(a.ref('PublicTracking'))
      .authorization((allow) => [allow.publicApiKey(), allow.authenticated(), allow.custom()])
      .handler(api),
    getBooking: a
      .query()
      .arguments({ reference: a.string().required() })
      .returns(a.ref('Booking'))
      .authorization((allow) => [allow.groups(['admin', 'courier', 'partner']), allow.custom()])
      .handler(api),
    listBookings: a
      .query()
      .arguments({
        day: a.date(),
        status: a.ref('BookingStatus'),
        courierId: a.id(),
        partnerId: a.id(),
        limit: a.integer(),
        nextToken: a.string(),
      })
      .returns(a.ref('BookingPage').required())
      .authorization((allow) => [allow.groups(['admin', 'courier', 'partner']), allow.custom()])
      .handler(api),
    listFeedback: a
      .query()
      .arguments({
        bookingReference: a.string(),
        day: a.date(),
        courierId: a.id(),
        flaggedOnly: a.boolean(),
        limit: a.integer(),
        nextToken: a.string(),
      })
      .returns(a.ref('FeedbackPage').required())
      .authorization((allow) => [allow.groups(['admin', 'courier', 'partner'])])
      .handler(api),
    /** Customer SMS, newest first, optionally for one booking (admins only). */
    sentMessages: a
      .query()
      .arguments({ bookingReference: a.string(), limit: a.integer(), nextToken: a.string() })
      .returns(a.ref('SentMessagePage').required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(api),
    /** The notices sent to the admins (service alerts, executive summaries), newest first (admins only). */
    adminNotices: a
      .query()
      .arguments({ limit: a.integer(), nextToken: a.string() })
      .returns(a.ref('AdminNoticePage').required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(api),
    listCouriers: a
      .query()
      .arguments({ limit: a.integer(), nextToken: a.string() })
      .returns(a.ref('CourierPage').required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(api),
    dashboard: a
      .query()
      .arguments({ day: a.date() })
      .returns(a.ref('Dashboard').required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(api),
    listStatusEvents: a
      .query()
      .arguments({ since: a.string(), limit: a.integer(), partnerId: a.id() })
      .returns(a.ref('StatusEventPage').required())
      .authorization((allow) => [allow.groups(['admin', 'partner']), allow.custom()])
      .handler(api),
    listPartners: a
      .query()
      .returns(a.ref('Partner').required().array().required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(api),
    getPartner: a
      .query()
      .arguments({ id: a.id().required() })
      .returns(a.ref('Partner'))
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(api),
    listPartnerTokens: a
      .query()
      .arguments({ partnerId: a.id().required() })
      .returns(a.ref('PartnerToken').required().array().required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(api),
    listAuditEntries: a
      .query()
      .arguments({ partnerId: a.id(), day: a.date(), limit: a.integer(), nextToken: a.string() })
      .returns(a.ref('AuditEntryPage').required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(api),
    listConnectInstances: a
      .query()
      .returns(a.ref('ConnectInstance').required().array().required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(voicebotApi),
    listConnectQueues: a
      .query()
      .arguments({ instanceId: a.string().required() })
      .returns(a.ref('ConnectQueue').required().array().required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(voicebotApi),
    planDeployment: a
      .query()
      .arguments({ settings: a.ref('NewDeploymentSettings').required() })
      .returns(a.ref('PlannedStep').required().array().required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(voicebotApi),
    getDeployment: a
      .query()
      .arguments({ id: a.id().required() })
      .returns(a.ref('Deployment'))
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(voicebotApi),
    listDeployments: a
      .query()
      .arguments({ limit: a.integer(), nextToken: a.string() })
      .returns(a.ref('DeploymentPage').required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(voicebotApi),
    botPrompts: a
      .query()
      .arguments({ localeId: a.string() })
      .returns(a.ref('BotPrompt').required().array().required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(voicebotApi),
    companySettings: a
      .query()
      .returns(a.ref('CompanySettings').required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(api),
    /** The proof every delivery needs, as the admin set it: each listed kind; empty: any one of them. */
    requiredProof: a
      .query()
      .returns(a.ref('ProofRequirement').required().array().required())
      .authorization((allow) => [allow.groups(['admin', 'courier'])])
      .handler(api),
    settingsChanges: a
      .query()
      .arguments({ limit: a.integer(), nextToken: a.string() })
      .returns(a.ref('SettingsChangePage').required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(api),
    proofImages: a
      .query()
      .arguments({ reference: a.string().required() })
      .returns(a.ref('ProofImages'))
      .authorization((allow) => [allow.groups(['admin', 'courier', 'partner'])])
      .handler(api),
    getCourier: a
      .query()
      .arguments({ id: a.id().required() })
      .returns(a.ref('Courier'))
      .authorization((allow) => [allow.groups(['admin', 'courier'])])
      .handler(api),

    // ---- analytics: company-wide for admins; a partner's own for its users; a courier's own for the courier ----
    analyticsVolumes: a
      .query()
      .arguments({
        from: a.date().required(),
        to: a.date().required(),
        granularity: a.ref('AnalyticsGranularity').required(),
      })
      .returns(a.ref('VolumeReport').required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(api),
    analyticsRegions: a
      .query()
      .arguments({ from: a.date().required(), to: a.date().required() })
      .returns(a.ref('RegionReport').required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(api),
    analyticsFeedback: a
      .query()
      .arguments({
        from: a.date().required(),
        to: a.date().required(),
        granularity: a.ref('AnalyticsGranularity').required(),
      })
      .returns(a.ref('FeedbackReport').required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(api),
    analyticsFeedbackComments: a
      .query()
      .arguments({
        from: a.date().required(),
        to: a.date().required(),
        type: a.ref('FeedbackType'),
        category: a.ref('ComplaintCategory'),
        severity: a.ref('Severity'),
        sentiment: a.ref('SentimentLabel'),
        rating: a.integer(),
        limit: a.integer(),
        nextToken: a.string(),
      })
      .returns(a.ref('FeedbackPage').required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(api),
    analyticsRoutes: a
      .query()
      .arguments({ from: a.date().required(), to: a.date().required() })
      .returns(a.ref('RouteReport').required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(api),
    analyticsHeatMap: a
      .query()
      .arguments({ from: a.date().required(), to: a.date().required() })
      .returns(a.ref('HeatReport').required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(api),
    serviceAlerts: a
      .query()
      .arguments({ day: a.date().required() })
      .returns(a.ref('ServiceAlert').required().array().required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(api),
    alertSettings: a
      .query()
      .returns(a.ref('AlertSettings').required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(api),
    executiveSummaries: a
      .query()
      .returns(a.ref('ExecutiveSummaryInfo').required().array().required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(summariesApi),
    analyticsBot: a
      .query()
      .arguments({
        from: a.date().required(),
        to: a.date().required(),
        granularity: a.ref('AnalyticsGranularity').required(),
      })
      .returns(a.ref('BotReport').required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(api),
    analyticsLex: a
      .query()
      .arguments({ from: a.date().required(), to: a.date().required() })
      .returns(a.ref('LexReport').required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(voicebotApi),
    analyticsFleet: a
      .query()
      .arguments({ from: a.date().required(), to: a.date().required() })
      .returns(a.ref('FleetLine').required().array().required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(api),
    partnerAnalytics: a
      .query()
      .arguments({ from: a.date().required(), to: a.date().required(), partnerId: a.id() })
      .returns(a.ref('PartnerFigures').required().array().required())
      .authorization((allow) => [allow.groups(['admin', 'partner'])])
      .handler(api),
    courierPerformance: a
      .query()
      .arguments({
        from: a.date().required(),
        to: a.date().required(),
        granularity: a.ref('AnalyticsGranularity').required(),
        courierId: a.id(),
      })
      .returns(a.ref('CourierPerformance').required())
      .authorization((allow) => [allow.groups(['admin', 'courier'])])
      .handler(api),

    rateCard: a
      .query()
      .returns(a.ref('RateCardSetting').required())
      .authorization((allow) => [allow.groups(['admin', 'courier'])])
      .handler(api),
    courierEarnings: a
      .query()
      .arguments({ from: a.date().required(), to: a.date().required(), courierId: a.id() })
      .returns(a.ref('CourierEarnings'))
      .authorization((allow) => [allow.groups(['admin', 'courier'])])
      .handler(api),
    courierSuggestions: a
      .query()
      .arguments({ from: a.date().required(), to: a.date().required(), courierId: a.id() })
      .returns(a.ref('CourierSuggestion').required().array().required())
      .authorization((allow) => [allow.groups(['admin', 'courier'])])
      .handler(api),
    courierDeliveryHistory: a
      .query()
      .arguments({
        courierId: a.id(),
        search: a.string(),
        status: a.ref('BookingStatus'),
        from: a.date(),
        to: a.date(),
        limit: a.integer(),
        nextToken: a.string(),
      })
      .returns(a.ref('BookingPage').required())
      .authorization((allow) => [allow.groups(['admin', 'courier'])])
      .handler(api),
    courierFeedback: a
      .query()
      .arguments({ courierId: a.id(), limit: a.integer(), nextToken: a.string() })
      .returns(a.ref('FeedbackPage').required())
      .authorization((allow) => [allow.groups(['admin', 'courier'])])
      .handler(api),
    suggestedSequence: a
      .query()
      .arguments({ lat: a.float(), lng: a.float(), courierId: a.id() })
      .returns(a.ref('DeliverySequence').required())
      .authorization((allow) => [allow.groups(['admin', 'courier'])])
      .handler(api),

    // ---- mutations ----
    setDeliverySequence: a
      .mutation()
      .arguments({
        stops: a.ref('StopKey').required().array().required(),
        lat: a.float(),
        lng: a.float(),
        courierId: a.id(),
      })
      .returns(a.ref('DeliverySequence').required())
      .authorization((allow) => [allow.groups(['admin', 'courier'])])
      .handler(api),
    resetDeliverySequence: a
      .mutation()
      .arguments({ lat: a.float(), lng: a.float(), courierId: a.id() })
      .returns(a.ref('DeliverySequence').required())
      .authorization((allow) => [allow.groups(['admin', 'courier'])])
      .handler(api),
    bookCourier: a
      .mutation()
      .arguments({
        customerName: a.string().required(),
        customerPhone: a.string().required(),
        pickup: a.ref('NewAddress').required(),
        delivery: a.ref('NewAddress').required(),
        package: a.ref('NewPackage').required(),
        pickupWindowStart: a.datetime().required(),
        pickupWindowEnd: a.datetime().required(),
        partnerId: a.id(),
        idempotencyKey: a.string(),
      })
      .returns(a.ref('Booking').required())
      .authorization((allow) => [allow.groups(['admin', 'partner']), allow.custom()])
      .handler(api),
    updateCompanySettings: a
      .mutation()
      .arguments({ rules: a.ref('CompanyRules').required(), expectedVersion: a.integer().required() })
      .returns(a.ref('CompanySettings').required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(api),
    setRateCard: a
      .mutation()
      .arguments({ rates: a.ref('RateCardRates'), effectiveFrom: a.date(), expectedVersion: a.integer().required() })
      .returns(a.ref('RateCardSetting').required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(api),
    assignCourier: a
      .mutation()
      .arguments({ reference: a.string().required(), courierId: a.id().required() })
      .returns(a.ref('Booking').required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(api),
    updateDeliveryStatus: a
      .mutation()
      .arguments({
        reference: a.string().required(),
        status: a.ref('BookingStatus').required(),
        lat: a.float(),
        lng: a.float(),
        note: a.string(),
        recipientName: a.string(),
        signatureKey: a.string(),
        photoKey: a.string(),
        failureReason: a.ref('FailureReason'),
        expectedVersion: a.integer(),
        locationAccuracyM: a.float(),
        locationUnavailable: a.ref('LocationUnavailable'),
        at: a.datetime(),
        idempotencyKey: a.string(),
      })
      .returns(a.ref('Booking').required())
      .authorization((allow) => [allow.groups(['admin', 'courier'])])
      .handler(api),
    requestProofUpload: a
      .mutation()
      .arguments({
        reference: a.string().required(),
        kind: a.ref('ProofKind').required(),
        contentType: a.string().required(),
      })
      .returns(a.ref('ProofUpload').required())
      .authorization((allow) => [allow.groups(['admin', 'courier'])])
      .handler(api),
    updateCourierLocation: a
      .mutation()
      .arguments({
        lat: a.float().required(),
        lng: a.float().required(),
        heading: a.float(),
        speedKph: a.float(),
      })
      .returns(a.ref('Courier').required())
      .authorization((allow) => [allow.groups(['courier'])])
      .handler(api),
    submitFeedback: a
      .mutation()
      .arguments({
        bookingReference: a.string().required(),
        type: a.ref('FeedbackType').required(),
        rating: a.integer(),
        text: a.string().required(),
        complaintCategory: a.ref('ComplaintCategory'),
        severity: a.ref('Severity'),
      })
      .returns(a.ref('Feedback').required())
      .authorization((allow) => [allow.groups(['admin', 'partner']), allow.custom()])
      .handler(api),

    generateExecutiveSummary: a
      .mutation()
      .arguments({ week: a.date().required() })
      .returns(a.ref('ExecutiveSummaryInfo').required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(summariesApi),
    updateAlertSettings: a
      .mutation()
      .arguments({
        complaintRateThreshold: a.float().required(),
        minFeedback: a.integer().required(),
        lateGraceMinutes: a.integer().required(),
        expectedVersion: a.integer().required(),
      })
      .returns(a.ref('AlertSettings').required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(api),
    cancelBooking: a
      .mutation()
      .arguments({ reference: a.string().required(), reason: a.string() })
      .returns(a.ref('Booking').required())
      .authorization((allow) => [allow.groups(['admin', 'partner']), allow.custom()])
      .handler(api),
    updatePickupWindow: a
      .mutation()
      .arguments({
        reference: a.string().required(),
        pickupWindowStart: a.datetime().required(),
        pickupWindowEnd: a.datetime().required(),
      })
      .returns(a.ref('Booking').required())
      .authorization((allow) => [allow.groups(['admin', 'partner']), allow.custom()])
      .handler(api),
    createPartner: a
      .mutation()
      .arguments({ id: a.id(), name: a.string().required(), contactEmail: a.string().required() })
      .returns(a.ref('Partner').required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(api),
    issuePartnerToken: a
      .mutation()
      .arguments({
        partnerId: a.id().required(),
        name: a.string().required(),
        scopes: a.string().required().array().required(),
        expiresAt: a.datetime().required(),
        rateLimitPerMinute: a.integer(),
      })
      .returns(a.ref('IssuedPartnerToken').required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(api),
    revokePartnerToken: a
      .mutation()
      .arguments({ tokenId: a.id().required() })
      .returns(a.ref('PartnerToken').required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(api),

    startDeployment: a
      .mutation()
      .arguments({ settings: a.ref('NewDeploymentSettings').required() })
      .returns(a.ref('Deployment').required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(voicebotApi),
    retryDeployment: a
      .mutation()
      .arguments({ id: a.id().required() })
      .returns(a.ref('Deployment').required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(voicebotApi),
    rollbackDeployment: a
      .mutation()
      .arguments({ id: a.id().required() })
      .returns(a.ref('Deployment').required())
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(voicebotApi),

    // ---- change feed -> subscriptions (called by the stream notifier with IAM only) ----
    publishBookingChanged: a
      .mutation()
      .arguments({ reference: a.string().required() })
      .returns(a.ref('Booking'))
      .authorization((allow) => [allow.authenticated('identityPool')])
      .handler(api),
    publishCourierMoved: a
      .mutation()
      .arguments({
        courierId: a.id().required(),
        lat: a.float().required(),
        lng: a.float().required(),
        at: a.datetime().required(),
        heading: a.float(),
        speedKph: a.float(),
      })
      .returns(a.ref('CourierMove'))
      .authorization((allow) => [allow.authenticated('identityPool')])
      .handler(api),
    publishDeploymentChanged: a
      .mutation()
      .arguments({ id: a.id().required() })
      .returns(a.ref('Deployment'))
      .authorization((allow) => [allow.authenticated('identityPool')])
      .handler(voicebotApi),
    publishAlertRaised: a
      .mutation()
      .arguments({ day: a.date().required(), key: a.string().required() })
      .returns(a.ref('ServiceAlert'))
      .authorization((allow) => [allow.authenticated('identityPool')])
      .handler(api),
    onAlertRaised: a
      .subscription()
      .for(a.ref('publishAlertRaised'))
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(api),
    onDeploymentChanged: a
      .subscription()
      .for(a.ref('publishDeploymentChanged'))
      .arguments({ id: a.id() })
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(voicebotApi),
    onBookingChanged: a
      .subscription()
      .for(a.ref('publishBookingChanged'))
      .arguments({ courierId: a.id(), partnerId: a.id() })
      .authorization((allow) => [allow.groups(['admin', 'courier', 'partner'])])
      .handler(api),
    onCourierMoved: a
      .subscription()
      .for(a.ref('publishCourierMoved'))
      .arguments({ courierId: a.id() })
      .authorization((allow) => [allow.groups(['admin'])])
      .handler(api),
  })
  // The stream notifier signs its publish calls with its own role (IAM); this grants that role.
  .authorization((allow) => [allow.resource(streamNotifier).to(['mutate'])]);

export type Schema = ClientSchema<typeof schema>;

export const data = defineData({
  schema,
  authorizationModes: {
    defaultAuthorizationMode: 'userPool',
    apiKeyAuthorizationMode: { expiresInDays: 365 },
    // Partner tokens sent straight to GraphQL (Req 16.4): checked by the partner authorizer, whose answer
    // AppSync caches for at most 30 s (the function lowers it near a token's expiry).
    lambdaAuthorizationMode: { function: partnerAuthorizer, timeToLiveInSeconds: 30 },
  },
});
