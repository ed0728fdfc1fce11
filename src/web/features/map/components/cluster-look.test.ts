import { describe, expect, it } from 'vitest';
import { STATUS_LOOK } from '../../../lib/booking-status';
import { clusterDiameter, clusterLabel, dominantStatus, ringSegments } from './cluster-look';

describe('cluster look', () => {
  it('colours a cluster by the status most of its bookings are in', () => {
    // Prepare
    const counts = { BOOKED: 2, DELIVERED: 5, FAILED_DELIVERY: 1 };

    // Act
    const status = dominantStatus(counts);

    // Assess
    expect(status).toBe('DELIVERED');
  });

  it('splits the ring by status share in lifecycle order', () => {
    // Prepare
    const counts = { DELIVERED: 3, BOOKED: 1 };

    // Act
    const ring = ringSegments(counts);

    // Assess
    expect(ring).toEqual([
      { status: 'BOOKED', colour: STATUS_LOOK.BOOKED.colour, from: 0, to: 0.25 },
      { status: 'DELIVERED', colour: STATUS_LOOK.DELIVERED.colour, from: 0.25, to: 1 },
    ]);
  });

  it('draws an empty cluster as a whole booked ring', () => {
    // Act
    const ring = ringSegments({});

    // Assess
    expect(ring).toEqual([{ status: 'BOOKED', colour: STATUS_LOOK.BOOKED.colour, from: 0, to: 1 }]);
  });

  it('sizes and labels badges in steps', () => {
    // Act
    const sizes = [9, 10, 99, 100, 999, 1000].map(clusterDiameter);
    const labels = [7, 999, 1234, 15_400].map(clusterLabel);

    // Assess
    expect(sizes).toEqual([30, 36, 36, 42, 42, 50]);
    expect(labels).toEqual(['7', '999', '1.2k', '15k']);
  });
});
