// Test data: a complete booking as the API returns it, with any fields overridden.
import type { BookingFields } from '../lib/api-types';

export function makeBooking(overrides: Partial<BookingFields> = {}): BookingFields {
  return {
    reference: 'K7M-4QX-9',
    customerName: 'Ada Lovelace',
    customerPhone: '+12065550100',
    pickup: {
      line1: '1201 3rd Ave',
      line2: null,
      city: 'Seattle',
      region: 'WA',
      postcode: '98101',
      country: 'US',
      point: { lat: 47.6073, lng: -122.3371 },
      precision: 'ADDRESS',
    },
    delivery: {
      line1: '400 Broad St',
      line2: 'Suite 5',
      city: 'Seattle',
      region: 'WA',
      postcode: '98109',
      country: 'US',
      point: null,
      precision: null,
    },
    package: { size: 'MEDIUM', weightKg: 2.5, handling: ['FRAGILE'], description: null },
    pickupWindow: { start: '2025-03-03T16:00:00.000Z', end: '2025-03-03T18:00:00.000Z' },
    status: 'BOOKED',
    history: [
      {
        status: 'BOOKED',
        at: '2025-03-03T09:00:00.000Z',
        actor: { type: 'VOICEBOT', id: 'voicebot', name: null },
        location: null,
        locationAccuracyM: null,
        locationUnavailable: null,
        receivedAt: null,
        note: null,
        failureReason: null,
        proof: null,
      },
    ],
    courierId: null,
    courierName: null,
    partnerId: null,
    partnerName: null,
    eta: null,
    channel: 'VOICE',
    createdAt: '2025-03-03T09:00:00.000Z',
    updatedAt: '2025-03-03T09:00:00.000Z',
    version: 1,
    ...overrides,
  };
}
