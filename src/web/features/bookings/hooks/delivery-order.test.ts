import { describe, expect, it } from 'vitest';
import { makeBooking } from '../../../testing/booking-factory';
import { orderDeliveries } from './delivery-order';

describe('orderDeliveries', () => {
  it('lists open jobs by pickup time and finished ones last', () => {
    // Prepare
    const hh = (hour: number) => String(hour).padStart(2, '0');
    const at = (hour: number) => ({ start: `2025-03-03T${hh(hour)}:00:00Z`, end: `2025-03-03T${hh(hour + 1)}:00:00Z` });
    const items = [
      makeBooking({ reference: 'DONE', status: 'DELIVERED', pickupWindow: at(8) }),
      makeBooking({ reference: 'LATE', status: 'BOOKED', pickupWindow: at(15) }),
      makeBooking({ reference: 'EARLY', status: 'IN_TRANSIT', pickupWindow: at(9) }),
      makeBooking({ reference: 'FAILED', status: 'FAILED_DELIVERY', pickupWindow: at(7) }),
    ];

    // Act
    const ordered = orderDeliveries(items);

    // Assess
    expect(ordered.map((b) => b.reference)).toEqual(['EARLY', 'LATE', 'FAILED', 'DONE']);
    expect(items[0]?.reference).toBe('DONE');
  });
});
