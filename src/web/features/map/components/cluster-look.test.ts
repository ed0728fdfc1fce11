import { describe, expect, it } from 'vitest';
import { STATUS_LOOK } from '../../../lib/booking-status';
import { clusterRing, dominantStatus } from './cluster-look';

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
    const ring = clusterRing(counts);

    // Assess
    expect(ring).toBe(
      `conic-gradient(${STATUS_LOOK.BOOKED.colour} 0.0deg 90.0deg, ${STATUS_LOOK.DELIVERED.colour} 90.0deg 360.0deg)`,
    );
  });
});
