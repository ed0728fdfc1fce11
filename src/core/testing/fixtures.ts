// Shared test fixtures for the core: principals, a fixed clock, a valid booking request and a world of
// in-memory ports wired together.
import { createGazetteerGeocoder } from '../geo/gazetteer-geocoder';
import { createBusinessCalendar, DEFAULT_TIME_ZONE } from '../business-calendar';
import { createSettingsCache } from '../company-settings';
import { createMemoryOutbox } from '../memory-outbox';
import { createTrackingLinks } from '../tracking-links';
import type { Courier, Principal } from '../model';
import { seededRandom } from '../seeded-random';
import { createLexiconSentimentAnalyzer } from '../sentiment/lexicon-sentiment';
import { fixedClock } from '../system-clock';
import {
  createMemoryBookingRepository,
  createMemoryRateCardRepository,
  createMemorySettingsRepository,
  createMemoryCourierRepository,
  createMemoryFeedbackRepository,
  createMemoryIdempotencyStore,
} from './memory-repositories';

/** Tuesday 10 June 2025, 15:00 UTC = 08:00 in Seattle. */
export const NOW = '2025-06-10T15:00:00.000Z';

export const admin: Principal = { role: 'ADMIN', sub: 'sub-admin', name: 'Ada Admin' };
export const courier7: Principal = { role: 'COURIER', sub: 'sub-c7', courierId: 'courier-07', name: 'Cory' };
export const courier9: Principal = { role: 'COURIER', sub: 'sub-c9', courierId: 'courier-09' };
export const acme: Principal = { role: 'PARTNER', sub: 'sub-acme', partnerId: 'acme' };
export const globex: Principal = { role: 'PARTNER', sub: 'sub-globex', partnerId: 'globex' };
export const voicebot: Principal = { role: 'SERVICE', name: 'voicebot' };
export const anonymous: Principal = { role: 'PUBLIC' };

export function courier(id: string, overrides: Partial<Courier> = {}): Courier {
  return {
    id,
    name: `Courier ${id}`,
    phone: '+12065550100',
    email: `${id}@example.com`,
    vehicle: 'BICYCLE',
    active: true,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** A booking request that passes every rule at NOW: pickup downtown, delivery in Fremont, today. */
export function validBookingInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    customerName: 'Grace Hopper',
    customerPhone: '(206) 555-0134',
    pickup: { line1: '1201 3rd Ave', city: 'Seattle', postcode: '98101' },
    delivery: { line1: '3400 Stone Way N', line2: 'Unit 2', city: 'Seattle', region: 'WA', postcode: '98103' },
    package: { size: 'SMALL', weightKg: 2.5, handling: ['FRAGILE'], description: 'Books' },
    pickupWindowStart: '2025-06-10T16:00:00Z',
    pickupWindowEnd: '2025-06-10T18:00:00Z',
    ...overrides,
  };
}

export function makeWorld(seed = 42) {
  const clock = fixedClock(NOW);
  const calendar = createBusinessCalendar(DEFAULT_TIME_ZONE);
  const bookings = createMemoryBookingRepository(calendar);
  const feedback = createMemoryFeedbackRepository(calendar);
  const couriers = createMemoryCourierRepository([
    courier('courier-07'),
    courier('courier-09'),
    courier('courier-99', { active: false }),
  ]);
  const idempotency = createMemoryIdempotencyStore(clock);
  const notifier = createMemoryOutbox(clock);
  const notifyErrors: unknown[] = [];
  const random = seededRandom(seed);
  const geocoder = createGazetteerGeocoder();
  const sentiment = createLexiconSentimentAnalyzer();
  const settings = createMemorySettingsRepository();
  const rules = createSettingsCache(() => settings.get(), { ttlMs: 0 });
  const rateCards = createMemoryRateCardRepository();
  return {
    clock,
    calendar,
    bookings,
    feedback,
    couriers,
    idempotency,
    notifier,
    sentMessages: notifier,
    adminNotices: { listAdminNotices: async () => ({ items: [] }) },
    trackingLinks: createTrackingLinks('https://track.example.com'),
    /** Customer messages that could not be sent (the runtime logs them). */
    notifyErrors,
    onNotifyError: (error: unknown) => void notifyErrors.push(error),
    random,
    geocoder,
    sentiment,
    settings,
    rules,
    rateCards,
    onSettingsChanged: () => rules.invalidate(),
  };
}

export type World = ReturnType<typeof makeWorld>;
