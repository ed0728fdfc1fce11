import { describe, expect, it } from 'vitest';
import type { Log } from '../../src/observability/telemetry';
import { GraphQLOperationError, createGraphQLCaller } from './graphql-client';
import { parseToolArguments } from './tool-parameters';
import { toToolFailure } from './tool-errors';
import { PARTNER_TOOLS } from './tools';

const faults: unknown[] = [];
const log = { info: () => {}, warn: () => {}, error: (_m: string, d?: unknown) => faults.push(d) } as unknown as Log;

describe('tool failures found by fuzzing the tools (issue 13)', () => {
  it('passes on a user error the API names after its own class (FeedbackNotAcceptedError) instead of a fault', () => {
    // Prepare
    const refused = new GraphQLOperationError(
      'FeedbackNotAcceptedError',
      'Booking 69H-EAM-9 is cancelled; feedback opens once it is delivered or returned.',
    );
    // Act
    const failure = toToolFailure('submit_feedback', refused, log);
    // Assess
    expect(failure.outcome).toBe('FeedbackNotAcceptedError');
    expect(failure.result.structuredContent.error.message).toContain('feedback opens once');
    expect(toToolFailure('submit_feedback', new GraphQLOperationError('InternalFailure', 'x'), log).outcome).toBe(
      'InternalFailure',
    );
  });

  it('refuses a pickup window that is not a date and time by its field, before calling the API', () => {
    // Prepare
    const tool = PARTNER_TOOLS.find((t) => t.name === 'update_pickup_window')!;
    const args = { reference: 'K7M-4XR-9', pickupWindowStart: '2026-06-01T09:00:00Z', pickupWindowEnd: '2026-02-30' };
    // Act
    const error = (() => {
      try {
        parseToolArguments(tool.name, tool.schema, args);
      } catch (e) {
        return e as Error;
      }
    })();
    // Assess
    expect(error?.name).toBe('ValidationError');
    expect(error?.message).toContain('pickupWindowEnd must be an ISO 8601 date and time');
  });

  it('takes a variable the API schema refused for the caller’s input, not for a fault', async () => {
    // Prepare
    const message = 'Variable "$pickupWindowEnd" got invalid value "text"; Expected type "AWSDateTime".';
    const caller = createGraphQLCaller({
      url: 'http://api.test/graphql',
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' },
      fetch: async () => Response.json({ errors: [{ message }] }),
    });
    // Act
    const error = await caller
      .execute('mutation { updatePickupWindow { reference } }' as never, {}, { tokenId: 't' })
      .catch((e: unknown) => e as GraphQLOperationError);
    // Assess
    expect(error).toBeInstanceOf(GraphQLOperationError);
    expect((error as GraphQLOperationError).errorType).toBe('ValidationError');
    expect(toToolFailure('update_pickup_window', error, log).outcome).toBe('ValidationError');
  });
});
