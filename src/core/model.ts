// Domain model: the shapes every channel (GraphQL, voice, MCP, courier app, jobs) shares.
// Plain data only; the rules that change these shapes live beside them in src/core.

/** WGS84 point. */
export type GeoPoint = { lat: number; lng: number };

/**
 * How exactly a geocoded point locates an address: 'address' (house number interpolated on the
 * street), 'street' (somewhere on the named street), 'postcode' (postcode centroid), 'city'.
 */
export type GeoPrecision = 'ADDRESS' | 'STREET' | 'POSTCODE' | 'CITY';

export type Address = {
  line1: string; // house number and street, e.g. "1201 3rd Ave"
  line2?: string; // flat, suite, floor
  city: string;
  region?: string; // state / county
  postcode: string;
  country: string; // ISO 3166-1 alpha-2, e.g. "US"
  point?: GeoPoint;
  precision?: GeoPrecision;
};

export const PACKAGE_SIZES = ['SMALL', 'MEDIUM', 'LARGE', 'OVERSIZED'] as const;
export type PackageSize = (typeof PACKAGE_SIZES)[number];

export const SPECIAL_HANDLING = ['FRAGILE', 'PERISHABLE', 'SIGNATURE_REQUIRED', 'KEEP_UPRIGHT', 'HAZARDOUS'] as const;
export type SpecialHandling = (typeof SPECIAL_HANDLING)[number];

export type PackageDetails = {
  size: PackageSize;
  weightKg: number;
  handling: SpecialHandling[];
  description?: string;
};

/** ISO-8601 instants (UTC, with Z). */
export type PickupWindow = { start: string; end: string };

export const BOOKING_STATUSES = [
  'BOOKED',
  'COLLECTED',
  'IN_TRANSIT',
  'OUT_FOR_DELIVERY',
  'DELIVERED',
  'FAILED_DELIVERY',
  'RETURNED',
  'CANCELLED',
] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** Who did something: a signed-in user, a partner integration, the voicebot, or the system itself. */
export type ActorType = 'ADMIN' | 'COURIER' | 'PARTNER' | 'CUSTOMER' | 'VOICEBOT' | 'SYSTEM';
export type Actor = { type: ActorType; id: string; name?: string };

export const FAILURE_REASONS = [
  'RECIPIENT_ABSENT',
  'ADDRESS_NOT_FOUND',
  'ACCESS_DENIED',
  'REFUSED_BY_RECIPIENT',
  'DAMAGED',
  'WEATHER_OR_ROAD',
  'OTHER',
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

/** Proof of delivery: at least one of signature, photo or recipient name (Req 11.6). */
/** What a company may require as proof of every delivery (an admin's setting, Req 11.7). */
export const PROOF_REQUIREMENTS = ['SIGNATURE', 'PHOTO', 'RECIPIENT_NAME'] as const;
export type ProofRequirement = (typeof PROOF_REQUIREMENTS)[number];

export type DeliveryProof = {
  signatureKey?: string; // object key of the signature image (S3)
  photoKey?: string; // object key of the doorstep photo (S3)
  recipientName?: string;
};

/** Why a status update carries no location: the courier confirmed the update without a fix (Req 11.5). */
export const LOCATION_UNAVAILABLE_REASONS = ['PERMISSION_DENIED', 'NO_FIX', 'NOT_SUPPORTED'] as const;
export type LocationUnavailableReason = (typeof LOCATION_UNAVAILABLE_REASONS)[number];

/** One entry of a booking's audit trail (Req 6.3). */
export type StatusEvent = {
  status: BookingStatus;
  /** When it happened: for a courier's update, when the courier acted (even if the phone was offline). */
  at: string;
  actor: Actor;
  location?: GeoPoint;
  /** The location fix's accuracy radius in metres, as the phone reported it. */
  locationAccuracyM?: number;
  /** Set instead of a location when the courier had none to give. */
  locationUnavailable?: LocationUnavailableReason;
  note?: string;
  proof?: DeliveryProof;
  failureReason?: FailureReason;
  /** When the server received it, if later than `at` (an update kept on the phone while offline). */
  receivedAt?: string;
  /** The client's idempotency key for this update: a retry carrying it is recognised and not applied twice. */
  updateId?: string;
};

export type Booking = {
  /** The booking reference, e.g. "K7M-4QX-9": also the table key. */
  reference: string;
  customerName: string;
  customerPhone: string; // E.164
  pickup: Address;
  delivery: Address;
  package: PackageDetails;
  pickupWindow: PickupWindow;
  status: BookingStatus;
  history: StatusEvent[]; // oldest first; history[history.length-1].status === status
  courierId?: string;
  partnerId?: string;
  /** Estimated delivery time, ISO instant. */
  eta?: string;
  channel: 'VOICE' | 'WEB' | 'PARTNER' | 'API';
  createdAt: string;
  updatedAt: string;
  /** Optimistic-locking counter: starts at 1, +1 on every write. */
  version: number;
};

export const FEEDBACK_TYPES = ['FEEDBACK', 'COMPLAINT'] as const;
export type FeedbackType = (typeof FEEDBACK_TYPES)[number];

export const COMPLAINT_CATEGORIES = [
  'LATE_DELIVERY',
  'DAMAGED_PACKAGE',
  'LOST_PACKAGE',
  'COURIER_BEHAVIOUR',
  'WRONG_ADDRESS',
  'BILLING',
  'OTHER',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type Sentiment = { label: 'POSITIVE' | 'NEUTRAL' | 'NEGATIVE' | 'MIXED'; score: number };

export type Feedback = {
  /** Feedback reference, e.g. "F-3KD-7QP-2". */
  reference: string;
  bookingReference: string;
  type: FeedbackType;
  rating?: number; // 1..5
  text: string;
  complaintCategory?: ComplaintCategory;
  severity?: Severity;
  sentiment: Sentiment;
  /** True for high-severity complaints: they need immediate attention (Req 5.7). */
  flagged: boolean;
  courierId?: string;
  partnerId?: string;
  channel: 'VOICE' | 'WEB' | 'PARTNER' | 'API';
  createdAt: string;
};

export const VEHICLES = ['BICYCLE', 'MOTORBIKE', 'CAR', 'VAN', 'TRUCK'] as const;
export type Vehicle = (typeof VEHICLES)[number];

export type CourierLocation = GeoPoint & { at: string; heading?: number; speedKph?: number };

export type Courier = {
  id: string; // e.g. "courier-07"
  userSub?: string; // Cognito sub of the courier's sign-in
  name: string;
  phone: string;
  email: string;
  vehicle: Vehicle;
  active: boolean;
  lastLocation?: CourierLocation;
  createdAt: string;
  updatedAt: string;
};

export type Partner = {
  id: string; // e.g. "acme"
  name: string;
  contactEmail: string;
  createdAt: string;
};

/** What a partner API token may do (Req 7.3): read bookings, book and change them, give feedback. */
export const PARTNER_SCOPES = ['bookings:read', 'bookings:write', 'feedback:write'] as const;
export type PartnerScope = (typeof PARTNER_SCOPES)[number];

/**
 * A partner's API token as stored: only the SHA-256 of its secret, never the secret. The token string a
 * partner holds is `cvb_<tokenId>_<secret>`.
 */
export type PartnerToken = {
  tokenId: string;
  partnerId: string;
  /** What the partner calls it, e.g. "warehouse integration". */
  name: string;
  scopes: PartnerScope[];
  /** Hex SHA-256 of the secret part. */
  secretHash: string;
  /** Requests per minute allowed for the partner while using this token. */
  rateLimitPerMinute: number;
  createdAt: string;
  createdBy: Actor;
  expiresAt: string;
  revokedAt?: string;
  revokedBy?: Actor;
};

/** A token as shown to admins: everything but the hash. */
export type PartnerTokenInfo = Omit<PartnerToken, 'secretHash'>;

/** Where an audited partner call came in: the MCP server's tools, or GraphQL called with the token directly. */
export type AuditSource = 'mcp' | 'graphql';

/** One partner call, recorded for Req 7.8: never the arguments themselves, only their digest. */
export type AuditEntry = {
  id: string;
  partnerId: string;
  tokenId?: string;
  source: AuditSource;
  /** The MCP tool name (e.g. book_courier) or the GraphQL field (e.g. bookCourier). */
  operation: string;
  /** Hex SHA-256 of the canonical JSON of the arguments. */
  argsDigest: string;
  /** 'ok', or the error type the caller received (e.g. ForbiddenError, RateLimitError). */
  outcome: string;
  latencyMs: number;
  at: string;
};

/** One status change of a partner's booking, as listed by listStatusEvents. */
export type PartnerStatusEvent = {
  reference: string;
  status: BookingStatus;
  at: string;
  actor: Actor;
  note?: string;
  failureReason?: FailureReason;
};

/** Who is calling an operation, after authentication (derived by the adapters). */
export type Principal =
  | { role: 'ADMIN'; sub: string; name?: string }
  | { role: 'COURIER'; sub: string; courierId: string; name?: string }
  | {
      role: 'PARTNER';
      sub: string;
      partnerId: string;
      name?: string;
      /** What this caller may do; absent for a signed-in partner user, who may do everything a partner can. */
      scopes?: readonly PartnerScope[];
      /** The API token the call was made with (directly or through the MCP server); absent for signed-in users. */
      tokenId?: string;
    }
  | { role: 'PUBLIC' } // API key: public tracking only
  | { role: 'SERVICE'; name: string }; // IAM: voicebot code hook, stream notifier, jobs
