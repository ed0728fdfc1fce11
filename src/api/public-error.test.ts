import { describe, expect, it } from 'vitest';
import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { ValidationError } from '../core/errors';
import {
  INTERNAL_FAILURE_MESSAGE,
  SERVICE_BUSY_MESSAGE,
  SERVICE_BUSY_READ_MESSAGE,
  isBusyFault,
  toPublicError,
} from './public-error';

describe('toPublicError', () => {
  it('passes a user error on with its field, hides a defect behind InternalFailure, and logs only the fault', () => {
    // Prepare
    const logged: unknown[] = [];
    const defect = new TypeError("Cannot read properties of undefined (reading 'status')");

    // Act
    const user = toPublicError(new ValidationError('weightKg must be 0.1 to 30.', { field: 'weightKg' }), (f) =>
      logged.push(f),
    );
    const fault = toPublicError(defect, (f) => logged.push(f));

    // Assess
    expect(user).toMatchObject({ name: 'ValidationError', message: 'weightKg must be 0.1 to 30.' });
    expect(fault).toMatchObject({ name: 'InternalFailure', message: INTERNAL_FAILURE_MESSAGE });
    expect(logged).toEqual([defect]);
  });

  it('tells the caller to retry when DynamoDB throttled past the SDK retries or a call timed out, and logs it', () => {
    // Prepare
    const logged: unknown[] = [];
    const throttled = new ProvisionedThroughputExceededException({ message: 'Rate exceeded', $metadata: {} });
    const timedOut = Object.assign(new Error('Connection timed out after 1000 ms'), { name: 'TimeoutError' });

    // Act
    const answers = [throttled, timedOut].map((e) => toPublicError(e, (f) => logged.push(f)));
    const toQuery = toPublicError(throttled, (f) => logged.push(f), 'query');

    // Assess
    expect(answers.map((a) => [a.name, a.message])).toEqual([
      ['ServiceUnavailable', SERVICE_BUSY_MESSAGE],
      ['ServiceUnavailable', SERVICE_BUSY_MESSAGE],
    ]);
    expect(SERVICE_BUSY_MESSAGE).toMatch(/try it again in a few seconds; with the same idempotency key/i);
    // A query has no idempotency key to speak of: it is only told to try again.
    expect([toQuery.name, toQuery.message]).toEqual(['ServiceUnavailable', SERVICE_BUSY_READ_MESSAGE]);
    expect(SERVICE_BUSY_READ_MESSAGE).not.toMatch(/idempotency/i);
    expect(logged).toEqual([throttled, timedOut, throttled]);
    expect(isBusyFault(new Error('ValidationException'))).toBe(false);
    expect(isBusyFault(null)).toBe(false);
  });
});
