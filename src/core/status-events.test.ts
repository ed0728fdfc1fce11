import { describe, expect, it } from 'vitest';
import { ForbiddenError, ValidationError } from './errors';
import type { PartnerStatusEvent } from './model';
import type { PartnerEventLog } from './ports';
import { listStatusEvents, partnerEventsOfChange } from './status-events';
import { fixedClock } from './system-clock';
import { acme, admin, courier7 } from './testing/fixtures';
import type { Booking } from './model';

function makeBooking(overrides: Partial<Booking> = {}): Booking {
  const at = '2025-03-01T09:00:00.000Z';
  return {
    reference: 'K7M-4QX-9',
    customerName: 'Ada Lovelace',
    customerPhone: '+12065550100',
    pickup: { line1: '1201 3rd Ave', city: 'Seattle', postcode: '98101', country: 'US' },
    delivery: { line1: '400 Broad St', city: 'Seattle', postcode: '98109', country: 'US' },
    package: { size: 'SMALL', weightKg: 1.5, handling: [] },
    pickupWindow: { start: '2025-03-02T14:00:00.000Z', end: '2025-03-02T16:00:00.000Z' },
    status: 'BOOKED',
    history: [{ status: 'BOOKED', at, actor: { type: 'PARTNER', id: 'acme' } }],
    channel: 'PARTNER',
    createdAt: at,
    updatedAt: at,
    version: 1,
    ...overrides,
  };
}

/** The log as DynamoDB keeps it: sorted by key, read after a position and before the settle time. */
function memoryLog(): PartnerEventLog {
  const entries: { partnerId: string; key: string; event: PartnerStatusEvent }[] = [];
  return {
    append: async (partnerId, event, loggedAt) => {
      const key = `${loggedAt}#${event.reference}#${event.at}#${event.status}`;
      if (!entries.some((e) => e.key === key)) entries.push({ partnerId, key, event });
      entries.sort((a, b) => a.key.localeCompare(b.key));
    },
    list: async (partnerId, { afterKey, beforeLoggedAt, limit }) => {
      const found = entries.filter(
        (e) => e.partnerId === partnerId && (!afterKey || e.key > afterKey) && e.key < beforeLoggedAt,
      );
      return { events: found.slice(0, limit).map((e) => ({ ...e.event, key: e.key })), more: found.length > limit };
    },
  };
}

describe('partnerEventsOfChange', () => {
  it('yields the history entries a write added to a partner booking, and nothing for others', () => {
    const before = makeBooking({ partnerId: 'acme' });
    const after = {
      ...before,
      status: 'CANCELLED' as const,
      history: [
        ...before.history,
        {
          status: 'CANCELLED' as const,
          at: '2025-03-01T10:00:00.000Z',
          actor: { type: 'PARTNER' as const, id: 'acme' },
        },
      ],
    };
    expect(partnerEventsOfChange(undefined, before).map((e) => e.status)).toEqual(['BOOKED']);
    expect(partnerEventsOfChange(before, after).map((e) => e.status)).toEqual(['CANCELLED']);
    expect(partnerEventsOfChange(before, { ...before, courierId: 'courier-07' })).toEqual([]);
    expect(partnerEventsOfChange(undefined, makeBooking({ partnerId: undefined }))).toEqual([]);
  });
});

describe('listStatusEvents', () => {
  it('pages through a partner’s events with an opaque cursor, holding back the last second', async () => {
    // Prepare
    const partnerEvents = memoryLog();
    const clock = fixedClock('2025-06-10T15:00:10.500Z');
    const ev = (reference: string, at: string): PartnerStatusEvent => ({
      reference,
      status: 'BOOKED',
      at,
      actor: { type: 'PARTNER', id: 'acme' },
    });
    await partnerEvents.append('acme', ev('AAA-AAA-1', '2025-06-10T15:00:00.000Z'), '2025-06-10T15:00:01.000Z');
    await partnerEvents.append('acme', ev('BBB-BBB-2', '2025-06-10T15:00:05.000Z'), '2025-06-10T15:00:06.000Z');
    await partnerEvents.append('acme', ev('CCC-CCC-3', '2025-06-10T15:00:10.000Z'), '2025-06-10T15:00:10.000Z');
    await partnerEvents.append('globex', ev('GGG-GGG-1', '2025-06-10T15:00:00.000Z'), '2025-06-10T15:00:01.000Z');
    const deps = { partnerEvents, clock };
    // Act
    const first = await listStatusEvents({ limit: 1 }, acme, deps);
    const second = await listStatusEvents({ since: first.cursor, limit: 10 }, acme, deps);
    const idle = await listStatusEvents({ since: second.cursor }, acme, deps);
    clock.set('2025-06-10T15:00:12.000Z');
    const settled = await listStatusEvents({ since: second.cursor }, acme, deps);
    // Assess
    expect(first).toMatchObject({ events: [{ reference: 'AAA-AAA-1' }], hasMore: true });
    expect(first.cursor).toMatch(/^se1\./);
    expect(second.events.map((e) => e.reference)).toEqual(['BBB-BBB-2']);
    expect(idle).toEqual({ events: [], cursor: second.cursor, hasMore: false });
    expect(settled.events.map((e) => e.reference)).toEqual(['CCC-CCC-3']);
  });

  it('keeps partners to their own log, asks admins whose, and rejects foreign cursors', async () => {
    const deps = { partnerEvents: memoryLog(), clock: fixedClock('2025-06-10T15:00:00.000Z') };
    await expect(listStatusEvents({ partnerId: 'globex' }, acme, deps)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listStatusEvents({}, admin, deps)).rejects.toBeInstanceOf(ValidationError);
    await expect(listStatusEvents({}, courier7, deps)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listStatusEvents({ since: 'abc' }, acme, deps)).rejects.toThrow(/since is not a cursor/);
  });
});
