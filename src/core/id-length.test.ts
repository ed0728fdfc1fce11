// Ids too long for a DynamoDB key, and an empty partner id, are refused by name before the store sees them
// (found by fuzzing the GraphQL arguments, issue 13: each answered InternalFailure from a ValidationException).
import { describe, expect, it } from 'vitest';
import { getCourierPerformance, getPartnerAnalytics } from './analytics-reports';
import { parseRange } from './analytics-range';
import { courierOf } from './courier-insights';
import { ValidationError } from './errors';
import { getPartner } from './partners';
import { admin } from './testing/fixtures';

const LONG = 'x'.repeat(3000);
const range = { from: '2025-06-01', to: '2025-06-07' };
const refusal = (f: () => unknown) =>
  Promise.resolve()
    .then(f)
    .then(
      () => undefined,
      (e: unknown) => e as ValidationError,
    );

describe('ids and days a report or lookup cannot hold', () => {
  it('refuses a 3,000-character courierId or partnerId by name', async () => {
    // Prepare
    const noSeries = { series: undefined as never, partners: undefined as never };
    // Act
    const earnings = await refusal(() => courierOf(LONG, admin));
    const performance = await refusal(() =>
      getCourierPerformance({ courierId: LONG, range, granularity: 'day' }, admin, noSeries),
    );
    const partner = await refusal(() => getPartnerAnalytics(range, LONG, admin, noSeries));
    // Assess
    for (const [error, field] of [
      [earnings, 'courierId'],
      [performance, 'courierId'],
      [partner, 'partnerId'],
    ] as const) {
      expect(error).toBeInstanceOf(ValidationError);
      expect(error?.field).toBe(field);
      expect(error?.message).toMatch(/too long/);
    }
  });

  it('refuses an empty partner id by name', async () => {
    // Act
    const error = await refusal(() => getPartner('  ', admin, { partners: undefined as never }));
    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    expect(error?.field).toBe('id');
  });

  it('refuses report days outside 2000–2999 by name (year 9999 has weeks in year 10000)', () => {
    // Act
    const late = (() => {
      try {
        parseRange('9999-12-31', '9999-12-31');
      } catch (e) {
        return e as ValidationError;
      }
    })();
    // Assess
    expect(late).toBeInstanceOf(ValidationError);
    expect(late?.field).toBe('from');
    expect(parseRange('2025-06-01', '2025-06-07')).toEqual(range);
  });
});
