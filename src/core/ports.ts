// Ports: what the core needs from the outside world. The core receives these as arguments;
// src/data implements the repositories on DynamoDB, src/core/local-* and src/local implement the rest.
import type {
  Actor,
  AuditEntry,
  Booking,
  BookingStatus,
  Courier,
  CourierLocation,
  Feedback,
  GeoPoint,
  GeoPrecision,
  Partner,
  PartnerStatusEvent,
  PartnerToken,
  Sentiment,
} from './model';

export type Page<T> = { items: T[]; nextToken?: string };

export type BookingQuery =
  | { by: 'day'; day: string; status?: BookingStatus } // day = YYYY-MM-DD: the company's day of the pickup window start
  | {
      by: 'courier';
      courierId: string;
      day?: string;
      /** Pickup days from `from` to `to` (inclusive); ignored when `day` is given. */
      from?: string;
      to?: string;
      /** Newest pickup day first (the default is oldest first). */
      newestFirst?: boolean;
    }
  | { by: 'partner'; partnerId: string; day?: string; status?: BookingStatus };

export type BookingRepository = {
  /** Stores a new booking; throws ConflictError when the reference already exists. */
  create(booking: Booking): Promise<void>;
  get(reference: string): Promise<Booking | undefined>;
  /**
   * Replaces a booking if its stored version is `expectedVersion` (optimistic locking);
   * the stored copy gets `version: expectedVersion + 1`. Throws ConflictError when someone else wrote first.
   */
  update(booking: Booking, expectedVersion: number): Promise<Booking>;
  query(q: BookingQuery, page: { limit: number; nextToken?: string }): Promise<Page<Booking>>;
};

export type FeedbackQuery =
  | { by: 'booking'; bookingReference: string }
  | { by: 'day'; day: string } // YYYY-MM-DD: the company's day of createdAt
  | { by: 'courier'; courierId: string; newestFirst?: boolean }
  | { by: 'partner'; partnerId: string }
  | { by: 'flagged'; day?: string }; // the company's day of createdAt; without it, every flagged complaint

export type FeedbackRepository = {
  create(feedback: Feedback): Promise<void>; // ConflictError when the reference exists
  get(reference: string): Promise<Feedback | undefined>;
  query(q: FeedbackQuery, page: { limit: number; nextToken?: string }): Promise<Page<Feedback>>;
};

export type CourierRepository = {
  put(courier: Courier): Promise<void>;
  get(id: string): Promise<Courier | undefined>;
  getByUserSub(sub: string): Promise<Courier | undefined>;
  list(page: { limit: number; nextToken?: string }): Promise<Page<Courier>>;
  updateLocation(id: string, location: CourierLocation): Promise<Courier>; // NotFoundError if absent
};

export type PartnerRepository = {
  put(partner: Partner): Promise<void>;
  get(id: string): Promise<Partner | undefined>;
  list(): Promise<Partner[]>;
};

export type PartnerTokenRepository = {
  /** Stores a new token; ConflictError when the id exists. */
  create(token: PartnerToken): Promise<void>;
  get(tokenId: string): Promise<PartnerToken | undefined>;
  /** A partner's tokens, oldest first. */
  listByPartner(partnerId: string): Promise<PartnerToken[]>;
  /** Marks a token revoked (idempotent: a second revocation keeps the first time); NotFoundError if absent. */
  revoke(tokenId: string, at: string, by: Actor): Promise<PartnerToken>;
};

/**
 * Counters shared by every server instance, for rate limits: `increment` adds one to `key` only while the
 * count is below `limit`, atomically, and says whether it did.
 */
export type RateLimitCounter = {
  increment(key: string, limit: number, expiresAtEpochSeconds: number): Promise<boolean>;
  /**
   * Adds one to the counter `field` of the item `key` unless it has reached `limit` (no limit: always), making
   * the item with its expiry if it is new, and answers whether it counted together with every counter of the item
   * as it then stands (a counter the item lacks is absent) — one round trip when it counts.
   */
  add(key: string, field: string, options: { limit?: number; expiresAtEpochSeconds: number }): Promise<CounterItem>;
};

export type CounterItem = { counted: boolean; counters: Record<string, number> };

export type AuditQuery = { by: 'partner'; partnerId: string; day?: string } | { by: 'day'; day: string };

/** The partner audit trail (Req 7.8), newest first. */
export type AuditRepository = {
  record(entry: AuditEntry): Promise<void>;
  list(q: AuditQuery, page: { limit: number; nextToken?: string }): Promise<Page<AuditEntry>>;
};

/**
 * Per-partner log of booking status changes, appended by the change feed and read with an opaque position
 * (`afterKey`), so that listing changes never scans the bookings.
 */
export type PartnerEventLog = {
  /** Idempotent: appending the same event twice stores it once. */
  append(partnerId: string, event: PartnerStatusEvent, loggedAt: string): Promise<void>;
  /** Events logged after `afterKey` (exclusive) and before `beforeLoggedAt` (exclusive), oldest first. */
  list(
    partnerId: string,
    options: { afterKey?: string; beforeLoggedAt: string; limit: number },
  ): Promise<{ events: (PartnerStatusEvent & { key: string })[]; more: boolean }>;
};

/** Maps a signed-in user (Cognito sub) to what they are in the business: a courier or a partner's user. */
export type Membership = { sub: string; email: string; displayName?: string; courierId?: string; partnerId?: string };
export type MembershipRepository = {
  put(m: Membership): Promise<void>;
  get(sub: string): Promise<Membership | undefined>;
};

/**
 * Remembers the result of a request by its idempotency key so a retried request (a repeated Lex
 * fulfilment, a partner retry) returns the first result instead of acting twice.
 */
export type IdempotencyStore = {
  /** Claims `key`; returns undefined when newly claimed, or the stored result when it was claimed before. */
  claim(key: string, ttlSeconds: number): Promise<{ result?: string } | undefined>;
  complete(key: string, result: string): Promise<void>;
  release(key: string): Promise<void>;
};

export type Clock = { now(): Date };

/** Random source for references and ids: injectable so tests are deterministic. */
export type Random = { int(maxExclusive: number): number };

export type GeocodeResult =
  | {
      status: 'FOUND';
      point: GeoPoint;
      precision: GeoPrecision;
      /** The address as the gazetteer normalised it (canonical street name, postcode, city). */
      normalized: { line1: string; city: string; region?: string; postcode: string; country: string };
    }
  | { status: 'AMBIGUOUS'; candidates: { label: string; postcode: string; point: GeoPoint }[] }
  | { status: 'NOT_FOUND'; reason: 'UNKNOWN_STREET' | 'UNKNOWN_POSTCODE' | 'UNKNOWN_CITY' | 'EMPTY' };

export type Geocoder = {
  geocode(q: { line1: string; city?: string; postcode?: string; country?: string }): Promise<GeocodeResult>;
};

export type SentimentAnalyzer = { analyze(text: string): Promise<Sentiment> };

/** A message to a customer about their booking: what it says is decided by the booking's status (kind). */
export type Notification = {
  kind: BookingStatus;
  to: { phone?: string; email?: string };
  bookingReference: string;
  /** The public tracking page the message links to. */
  trackingUrl: string;
  message: string;
};
export type Notifier = { send(n: Notification): Promise<void> };

/** Where a browser sends a proof-of-delivery image: a short-lived URL and the headers it must send with it. */
export type ProofUploadTarget = { url: string; headers: Record<string, string>; expiresAt: string };

/**
 * Proof-of-delivery images (S3 in the cloud and locally). Browsers upload and show them directly through
 * short-lived presigned URLs, so image bytes never pass through the API.
 */
export type ProofStore = {
  /** A presigned PUT for `key` (5 minutes), valid only with `contentType`. */
  uploadTarget(key: string, contentType: string): Promise<ProofUploadTarget>;
  /** A presigned GET for `key` (15 minutes). */
  viewUrl(key: string): Promise<string>;
  /** What is stored under `key`, enough to judge it (see judgeProofImage); undefined when nothing is. */
  inspect(key: string): Promise<StoredProof | undefined>;
};

/**
 * A stored proof image as the check at delivery sees it: its size and stored type, and the bytes that tell
 * whether it is a complete image — the first and last PROOF_EDGE_BYTES (fewer when it is smaller; none when
 * it is empty or above PROOF_MAX_BYTES), and for a key ending .svg of at most PROOF_MAX_BYTES the whole body.
 */
export type StoredProof = {
  size: number;
  contentType: string;
  head: Uint8Array;
  tail: Uint8Array;
  body?: Uint8Array;
};
