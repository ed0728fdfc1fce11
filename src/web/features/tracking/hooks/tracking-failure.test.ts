import { describe, expect, it } from 'vitest';
import { describeTrackingFailure } from './tracking-failure';

function rejected(errorType: string, message: string) {
  return { data: null, errors: [{ errorType, message, path: ['trackBooking'] }] };
}

describe('describeTrackingFailure', () => {
  it('tells a customer an unknown reference was not found, and a missing result the same', () => {
    // Prepare
    const notFound = rejected('NotFoundError', 'No booking K7M-4XR-7');

    // Act
    const fromError = describeTrackingFailure(notFound, 'K7M-4XR-7');
    const fromNull = describeTrackingFailure(null, 'K7M-4XR-7');

    // Assess
    expect(fromError.kind).toBe('unknown');
    expect(fromError.title).toBe("We can't find a parcel with the reference K7M-4XR-7.");
    expect(fromNull).toEqual(fromError);
  });

  it('tells a customer a malformed reference is not a reference, with what one looks like', () => {
    // Prepare
    const invalid = rejected('ValidationError', 'reference: two characters look swapped');

    // Act
    const failure = describeTrackingFailure(invalid, 'HELLO');

    // Assess
    expect(failure.kind).toBe('malformed');
    expect(failure.title).toBe('"HELLO" isn\'t a tracking reference.');
    expect(failure.hint).toMatch(/K7M-4XR-7/);
  });

  it('keeps faults generic', () => {
    // Prepare
    const fault = rejected('InternalFailure', 'DynamoDB throttled at table courier-bookings');

    // Act
    const failure = describeTrackingFailure(fault, 'K7M-4XR-7');

    // Assess
    expect(failure.kind).toBe('unavailable');
    expect(`${failure.title} ${failure.hint}`).not.toMatch(/DynamoDB/);
  });
});
