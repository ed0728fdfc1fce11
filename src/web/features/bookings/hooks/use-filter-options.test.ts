import { describe, expect, it } from 'vitest';
import { makeBooking } from '../../../testing/booking-factory';
import { collectPartners } from './use-filter-options';

describe('collectPartners', () => {
  it('adds partners met in the list, sorted by name, and keeps the ones met before', () => {
    // Prepare
    const known = [{ id: 'zed', name: 'Zed Logistics' }];
    const items = [
      makeBooking({ reference: 'A', partnerId: 'acme', partnerName: 'Acme' }),
      makeBooking({ reference: 'B', partnerId: null }),
      makeBooking({ reference: 'C', partnerId: 'globex', partnerName: null }),
    ];

    // Act
    const partners = collectPartners(known, items);

    // Assess
    expect(partners).toEqual([
      { id: 'acme', name: 'Acme' },
      { id: 'globex', name: 'globex' },
      { id: 'zed', name: 'Zed Logistics' },
    ]);
  });

  it('returns the same array when nothing is new, so React keeps its state', () => {
    // Prepare
    const known = [{ id: 'acme', name: 'Acme' }];

    // Act
    const partners = collectPartners(known, [makeBooking({ partnerId: 'acme', partnerName: 'Acme' })]);

    // Assess
    expect(partners).toBe(known);
  });
});
