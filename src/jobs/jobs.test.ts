import { describe, expect, it } from 'vitest';
import { loadJobConfig } from './config';
import { JOB_NAMES, parseJobName } from './jobs';

describe('batch jobs', () => {
  it('knows its jobs by name and refuses others, naming the ones it has', () => {
    // Act / Assess
    expect(parseJobName('rollup-backfill')).toBe('rollup-backfill');
    expect(() => parseJobName('executive-summary')).toThrow(
      /Unknown job "executive-summary": the jobs are rollup-backfill/,
    );
    expect(JOB_NAMES).toEqual(['rollup-backfill']);
  });

  it('fails fast on missing configuration, listing every problem', () => {
    // Act / Assess
    expect(() => loadJobConfig({ AWS_REGION: 'eu-west-1', TABLE_BOOKINGS: 'b' })).toThrow(
      /TABLE_FEEDBACK: TABLE_FEEDBACK is required; TABLE_ROLLUPS: TABLE_ROLLUPS is required/,
    );
    expect(
      loadJobConfig({ AWS_REGION: 'eu-west-1', TABLE_BOOKINGS: 'b', TABLE_FEEDBACK: 'f', TABLE_ROLLUPS: 'r' }),
    ).toEqual({
      region: 'eu-west-1',
      timeZone: 'America/Los_Angeles',
      tables: { bookings: 'b', feedback: 'f', rollups: 'r' },
    });
  });
});
