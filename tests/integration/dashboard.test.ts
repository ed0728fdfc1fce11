// The dashboard over GraphQL: figures come from rollups the change feed keeps current, so a booking made
// and delivered through the API moves them; only administrators may read it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Booking } from '../../src/core/model';
import type { Stack } from '../../src/local/stack';
import {
  assignCourier,
  bookCourier,
  dashboard,
  submitFeedback,
  updateDeliveryStatus,
  type DashboardQuery,
} from '../../src/generated/graphql';
import { addDays } from '../../src/core/business-calendar';
import { as, companyDay, gql, pickupWindowSoon, startTestStack, type Caller } from '../support/test-stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.close());

async function readDashboard(caller: Caller, day: string) {
  await stack.flushChangeFeed();
  const r = await gql<DashboardQuery>(stack, caller, dashboard, { day });
  expect(r.errors).toBeUndefined();
  return r.data!.dashboard;
}

describe('dashboard', () => {
  it('counts a booking made and delivered through GraphQL, and a flagged complaint about it', async () => {
    // Prepare
    const admin = await as(stack, 'admin@example.com');
    const courier = await as(stack, 'courier4@example.com');
    // The pickup's company day: tomorrow when it starts after midnight.
    const { start, end, day } = pickupWindowSoon(stack);
    const before = await readDashboard(admin, day);

    // Act
    const booked = await gql<{ bookCourier: Booking }>(stack, admin, bookCourier, {
      customerName: 'Jordan Walker',
      customerPhone: '(206) 555-0142',
      pickup: { line1: '1201 3rd Ave', city: 'Seattle', postcode: '98101' },
      delivery: { line1: '400 Broad St', city: 'Seattle', postcode: '98109' },
      package: { size: 'SMALL', weightKg: 2, handling: [] },
      pickupWindowStart: start.toISOString(),
      pickupWindowEnd: end.toISOString(),
    });
    const reference = booked.data!.bookCourier.reference;
    const afterBooking = await readDashboard(admin, day);
    await gql(stack, admin, assignCourier, { reference, courierId: 'courier-04' });
    for (const status of ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY'])
      await gql(stack, courier, updateDeliveryStatus, { reference, status, lat: 47.61, lng: -122.34 });
    const inTransit = await readDashboard(admin, day);
    const delivered = await gql(stack, courier, updateDeliveryStatus, {
      reference,
      status: 'DELIVERED',
      recipientName: 'Pat Doe',
      lat: 47.61,
      lng: -122.34,
    });
    const complaint = await gql(stack, admin, submitFeedback, {
      bookingReference: reference,
      type: 'COMPLAINT',
      rating: 1,
      text: 'The box arrived crushed and the courier was rude.',
      complaintCategory: 'DAMAGED_PACKAGE',
      severity: 'HIGH',
    });
    const after = await readDashboard(admin, day);

    // Assess
    expect(booked.errors).toBeUndefined();
    expect(delivered.errors).toBeUndefined();
    expect(complaint.errors).toBeUndefined();
    const b = before.kpis!;
    expect(afterBooking.kpis!.bookings).toBe(b.bookings + 1);
    expect(afterBooking.kpis!.statusCounts.find((s) => s.status === 'BOOKED')!.count).toBe(
      b.statusCounts.find((s) => s.status === 'BOOKED')!.count + 1,
    );
    expect(inTransit.kpis!.inTransit).toBe(b.inTransit + 1);
    expect(after.kpis).toMatchObject({
      bookings: b.bookings + 1,
      inTransit: b.inTransit,
      delivered: b.delivered + 1,
    });
    expect(after.kpis!.deliverySuccessRate).not.toBeNull();
    expect(after.kpis!.averageDeliveryMinutes).not.toBeNull();
    expect(after.health).toMatchObject({ api: true, database: true, voicebot: { state: 'NOT_DEPLOYED' } });
    expect(Date.parse(after.health.lastChangeFeedEventAt!)).toBeGreaterThan(Date.now() - 60_000);
    // The complaint is filed on the day it was made (today), which is also when it is flagged.
    const today = await readDashboard(admin, companyDay(stack));
    expect(today.alerts.complaints.map((c) => c.bookingReference)).toContain(reference);
  });

  it('shows the seeded history from rollups built at start', async () => {
    // Prepare
    const admin = await as(stack, 'admin@example.com');
    const yesterday = addDays(companyDay(stack), -1);

    // Act
    const d = await readDashboard(admin, yesterday);

    // Assess
    expect(d.kpis!.bookings).toBeGreaterThan(0);
    expect(d.kpis!.statusCounts.reduce((sum, s) => sum + s.count, 0)).toBe(d.kpis!.bookings);
  });

  it.each(['courier1@example.com', 'partner@example.com'])('refuses %s', async (email) => {
    // Prepare
    const caller = await as(stack, email);

    // Act
    const r = await gql(stack, caller, dashboard, {});

    // Assess
    expect(r.data?.dashboard ?? null).toBeNull();
    expect(r.errors?.[0]?.errorType).toMatch(/Unauthorized|Forbidden/);
  });

  it('refuses a malformed day', async () => {
    // Prepare
    const admin = await as(stack, 'admin@example.com');

    // Act
    const r = await gql(stack, admin, dashboard, { day: '2026-13-45' });

    // Assess
    expect(r.errors?.length).toBeGreaterThan(0);
  });
});
