import { describe, expect, it } from 'vitest';
import { BOOKING_STATUSES } from '../../core/model';
import { STATUS_LOOK, isBookingStatus } from './booking-status';

describe('STATUS_LOOK', () => {
  it('colours statuses by the legend: blue booked, yellow moving, green delivered, red failed, grey closed', () => {
    // Prepare
    const expected = {
      BOOKED: 'blue',
      COLLECTED: 'yellow',
      IN_TRANSIT: 'yellow',
      OUT_FOR_DELIVERY: 'yellow',
      DELIVERED: 'green',
      FAILED_DELIVERY: 'red',
      RETURNED: 'grey',
      CANCELLED: 'grey',
    };

    // Act
    const tones = Object.fromEntries(BOOKING_STATUSES.map((status) => [status, STATUS_LOOK[status].tone]));

    // Assess
    expect(tones).toEqual(expected);
  });

  it('gives the three moving statuses distinguishable shades', () => {
    // Prepare
    const moving = (['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY'] as const).map((status) => STATUS_LOOK[status]);

    // Act
    const colours = new Set(moving.map((look) => look.colour));

    // Assess
    expect(colours.size).toBe(3);
  });
});

describe('isBookingStatus', () => {
  it('accepts the API enum values only', () => {
    // Prepare
    const values = ['DELIVERED', 'delivered', '', 'LOST'];

    // Act
    const results = values.map(isBookingStatus);

    // Assess
    expect(results).toEqual([true, false, false, false]);
  });
});
