// In-memory implementations of the repository ports, for unit tests of the core only. They keep the
// contracts the DynamoDB ones keep: conditional create, optimistic locking, index order and paging.
import type { RateCardRepository, RateCardVersion } from '../rate-card';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { createBusinessCalendar, type BusinessCalendar } from '../business-calendar';
import type { SettingsChange, SettingsRepository, StoredSettings } from '../company-settings';
import type { ManualSequence, ManualSequenceStore } from '../delivery-sequence';
import type { Booking, Courier, CourierLocation, Feedback, Partner, PartnerToken } from '../model';
import type {
  BookingQuery,
  BookingRepository,
  Clock,
  CourierRepository,
  FeedbackQuery,
  FeedbackRepository,
  IdempotencyStore,
  Page,
  PartnerRepository,
  PartnerTokenRepository,
  RateLimitCounter,
} from '../ports';

function paginate<T>(items: T[], page: { limit: number; nextToken?: string }): Page<T> {
  let offset = 0;
  if (page.nextToken !== undefined) {
    const decoded = /^o:(\d+)$/.exec(Buffer.from(page.nextToken, 'base64url').toString('utf8'));
    if (!decoded)
      throw new ValidationError('nextToken is not one we issued; start again without it.', { field: 'nextToken' });
    offset = Number(decoded[1]);
  }
  const slice = items.slice(offset, offset + page.limit);
  const next = offset + page.limit;
  return next < items.length
    ? { items: slice, nextToken: Buffer.from(`o:${next}`, 'utf8').toString('base64url') }
    : { items: slice };
}

/** The demo company's calendar, the default of the in-memory repositories. */
const SEATTLE = createBusinessCalendar('America/Los_Angeles');

const byKey =
  <T>(key: (t: T) => string) =>
  (a: T, b: T) =>
    key(a).localeCompare(key(b));

export type MemoryBookingRepository = BookingRepository & { all(): Booking[]; writes: number };

/** Files bookings under the pickup day of `calendar`, as the DynamoDB repository does. */
export function createMemoryBookingRepository(calendar: BusinessCalendar = SEATTLE): MemoryBookingRepository {
  const pickupDay = (b: Booking) => calendar.dayOf(b.pickupWindow.start);
  const items = new Map<string, Booking>();
  const repo: MemoryBookingRepository = {
    writes: 0,
    all: () => [...items.values()].map((b) => structuredClone(b)),
    create: async (booking) => {
      if (items.has(booking.reference)) {
        throw new ConflictError(`Booking ${booking.reference} already exists.`);
      }
      items.set(booking.reference, structuredClone(booking));
      repo.writes++;
    },
    get: async (reference) => {
      const b = items.get(reference);
      return b ? structuredClone(b) : undefined;
    },
    update: async (booking, expectedVersion) => {
      const current = items.get(booking.reference);
      if (!current || current.version !== expectedVersion) {
        throw new ConflictError(`Booking ${booking.reference} was changed by someone else.`, {
          resolution: 'Reload the booking and try again.',
        });
      }
      const stored = { ...structuredClone(booking), version: expectedVersion + 1 };
      items.set(booking.reference, stored);
      repo.writes++;
      return structuredClone(stored);
    },
    query: async (q: BookingQuery, page) => {
      const all = [...items.values()];
      let matched: Booking[];
      switch (q.by) {
        case 'day':
          matched = all
            .filter((b) => pickupDay(b) === q.day && (q.status === undefined || b.status === q.status))
            .sort(byKey((b) => `${b.status}#${b.pickupWindow.start}#${b.reference}`));
          break;
        case 'courier':
          matched = all
            .filter(
              (b) =>
                b.courierId === q.courierId &&
                (q.day !== undefined
                  ? pickupDay(b) === q.day
                  : (q.from === undefined || pickupDay(b) >= q.from) && (q.to === undefined || pickupDay(b) <= q.to)),
            )
            .sort(byKey((b) => `${pickupDay(b)}#${b.createdAt}`));
          if (q.newestFirst) matched.reverse();
          break;
        case 'partner':
          matched = all
            .filter(
              (b) =>
                b.partnerId === q.partnerId &&
                (q.day === undefined || pickupDay(b) === q.day) &&
                (q.status === undefined || b.status === q.status),
            )
            .sort(byKey((b) => `${b.pickupWindow.start}#${b.reference}`));
          break;
      }
      const p = paginate(matched, page);
      return { ...p, items: p.items.map((b) => structuredClone(b)) };
    },
  };
  return repo;
}

export type MemoryFeedbackRepository = FeedbackRepository & { all(): Feedback[] };

export function createMemoryFeedbackRepository(calendar: BusinessCalendar = SEATTLE): MemoryFeedbackRepository {
  const items = new Map<string, Feedback>();
  return {
    all: () => [...items.values()].map((f) => structuredClone(f)),
    create: async (feedback) => {
      if (items.has(feedback.reference)) throw new ConflictError(`Feedback ${feedback.reference} already exists.`);
      items.set(feedback.reference, structuredClone(feedback));
    },
    get: async (reference) => {
      const f = items.get(reference);
      return f ? structuredClone(f) : undefined;
    },
    query: async (q: FeedbackQuery, page) => {
      const all = [...items.values()].sort(byKey((f) => `${f.createdAt}#${f.reference}`));
      let matched: Feedback[];
      switch (q.by) {
        case 'booking':
          matched = all.filter((f) => f.bookingReference === q.bookingReference);
          break;
        case 'day':
          matched = all.filter((f) => calendar.dayOf(f.createdAt) === q.day);
          break;
        case 'courier':
          matched = all.filter((f) => f.courierId === q.courierId);
          if (q.newestFirst) matched.reverse();
          break;
        case 'partner':
          matched = all.filter((f) => f.partnerId === q.partnerId);
          break;
        case 'flagged':
          matched = all.filter((f) => f.flagged);
          break;
      }
      const p = paginate(matched, page);
      return { ...p, items: p.items.map((f) => structuredClone(f)) };
    },
  };
}

export function createMemoryCourierRepository(initial: Courier[] = []): CourierRepository {
  const items = new Map<string, Courier>(initial.map((c) => [c.id, structuredClone(c)]));
  return {
    put: async (courier) => {
      items.set(courier.id, structuredClone(courier));
    },
    get: async (id) => {
      const c = items.get(id);
      return c ? structuredClone(c) : undefined;
    },
    getByUserSub: async (sub) => {
      const c = [...items.values()].find((x) => x.userSub === sub);
      return c ? structuredClone(c) : undefined;
    },
    list: async (page) => paginate([...items.values()].sort(byKey((c) => c.id)), page),
    updateLocation: async (id, location: CourierLocation) => {
      const c = items.get(id);
      if (!c) throw new NotFoundError(`No courier with id ${id} was found.`);
      const next = { ...c, lastLocation: { ...location }, updatedAt: location.at };
      items.set(id, next);
      return structuredClone(next);
    },
  };
}

export type MemoryIdempotencyStore = IdempotencyStore & { keys(): string[] };

export function createMemoryIdempotencyStore(clock: Clock): MemoryIdempotencyStore {
  const items = new Map<string, { result?: string; expiresAt: number }>();
  return {
    keys: () => [...items.keys()],
    claim: async (key, ttlSeconds) => {
      const now = clock.now().getTime();
      const existing = items.get(key);
      if (existing && existing.expiresAt > now) {
        return existing.result === undefined ? {} : { result: existing.result };
      }
      items.set(key, { expiresAt: now + ttlSeconds * 1000 });
      return undefined;
    },
    complete: async (key, result) => {
      const existing = items.get(key);
      items.set(key, { result, expiresAt: existing?.expiresAt ?? Number.MAX_SAFE_INTEGER });
    },
    release: async (key) => {
      items.delete(key);
    },
  };
}

export function createMemoryPartnerRepository(initial: Partner[] = []): PartnerRepository {
  const items = new Map(initial.map((p) => [p.id, structuredClone(p)]));
  return {
    put: async (p) => void items.set(p.id, structuredClone(p)),
    get: async (id) => structuredClone(items.get(id)),
    list: async () => [...items.values()].sort((a, b) => a.name.localeCompare(b.name)).map((p) => structuredClone(p)),
  };
}

export type MemoryPartnerTokenRepository = PartnerTokenRepository & { all(): PartnerToken[] };

export function createMemoryPartnerTokenRepository(): MemoryPartnerTokenRepository {
  const items = new Map<string, PartnerToken>();
  return {
    all: () => [...items.values()].map((t) => structuredClone(t)),
    create: async (token) => {
      if (items.has(token.tokenId)) throw new ConflictError(`Token ${token.tokenId} already exists.`);
      items.set(token.tokenId, structuredClone(token));
    },
    get: async (tokenId) => structuredClone(items.get(tokenId)),
    listByPartner: async (partnerId) =>
      [...items.values()]
        .filter((t) => t.partnerId === partnerId)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
        .map((t) => structuredClone(t)),
    revoke: async (tokenId, at, by) => {
      const token = items.get(tokenId);
      if (!token) throw new NotFoundError(`No partner token with id ${tokenId} was found.`);
      if (token.revokedAt === undefined) {
        token.revokedAt = at;
        token.revokedBy = by;
      }
      return structuredClone(token);
    },
  };
}

/** Counters as DynamoDB keeps them for the rate limiter: add one only while below the limit. */
export function createMemoryRateLimitCounter(): RateLimitCounter & { stored: Map<string, Record<string, number>> } {
  const stored = new Map<string, Record<string, number>>();
  const add = (key: string, field: string, limit?: number) => {
    const counters = stored.get(key) ?? {};
    const counted = limit === undefined || (counters[field] ?? 0) < limit;
    if (counted) stored.set(key, { ...counters, [field]: (counters[field] ?? 0) + 1 });
    return { counted, counters: { ...stored.get(key) } };
  };
  return {
    stored,
    increment: async (key, limit) => add(key, 'count', limit).counted,
    add: async (key, field, { limit }) => add(key, field, limit),
  };
}

export function createMemorySettingsRepository(): SettingsRepository & { changes: SettingsChange[] } {
  let current: StoredSettings | undefined;
  const changes: SettingsChange[] = [];
  return {
    changes,
    async get() {
      return current && structuredClone(current);
    },
    async save(next, expectedVersion, change) {
      if ((current?.version ?? 0) !== expectedVersion) {
        throw new ConflictError('Someone else changed the settings meanwhile.');
      }
      current = structuredClone(next);
      changes.unshift(structuredClone(change));
    },
    async history(page) {
      const start = page.nextToken ? Number(page.nextToken) : 0;
      const items = changes.slice(start, start + page.limit);
      const next = start + page.limit;
      return { items, ...(next < changes.length ? { nextToken: String(next) } : {}) };
    },
  };
}

export function createMemoryRateCardRepository(): RateCardRepository {
  const versions: RateCardVersion[] = [];
  return {
    versions: async () => structuredClone(versions),
    async add(next) {
      if (versions.some((v) => v.version === next.version))
        throw new ConflictError('Someone else changed the rate card meanwhile.');
      versions.push(structuredClone(next));
    },
  };
}

export function createMemoryManualSequenceStore(): ManualSequenceStore {
  const items = new Map<string, ManualSequence>();
  const key = (courierId: string, day: string) => `${courierId}#${day}`;
  return {
    get: async (courierId, day) => structuredClone(items.get(key(courierId, day))),
    put: async (sequence) => {
      items.set(key(sequence.courierId, sequence.day), structuredClone(sequence));
    },
    remove: async (courierId, day) => {
      items.delete(key(courierId, day));
    },
  };
}
