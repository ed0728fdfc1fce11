import { describe, expect, it } from 'vitest';
import { describeProblem } from './graphql-errors';

function rejected(errorType: string, message: string) {
  return { data: null, errors: [{ errorType, message, path: ['listBookings'] }] };
}

describe('describeProblem', () => {
  it('says the user lacks access for Unauthorized, whatever the server wrote', () => {
    // Prepare
    const error = rejected('Unauthorized', 'Not Authorized to access listCouriers on type Query');

    // Act
    const problem = describeProblem(error);

    // Assess
    expect(problem.kind).toBe('access');
    expect(problem.message).toBe("You don't have access to this.");
  });

  it("recognises Amplify's repackaged HTTP 401", () => {
    // Prepare
    const error = { data: {}, errors: [{ message: 'Unauthorized', originalError: { name: 'UnauthorizedException' } }] };

    // Act
    const problem = describeProblem(error);

    // Assess
    expect(problem.kind).toBe('access');
  });

  it("shows a ValidationError's own message", () => {
    // Prepare
    const error = rejected('ValidationError', 'The day must be a date like 2025-03-03.');

    // Act
    const problem = describeProblem(error);

    // Assess
    expect(problem).toMatchObject({ kind: 'input', message: 'The day must be a date like 2025-03-03.' });
  });

  it('hides the detail of an InternalFailure', () => {
    // Prepare
    const error = rejected('InternalFailure', 'DynamoDB connection reset at 10.0.0.7');

    // Act
    const problem = describeProblem(error);

    // Assess
    expect(problem.kind).toBe('fault');
    expect(problem.message).toBe('Something went wrong on our side; try again.');
    expect(JSON.stringify(problem)).not.toContain('10.0.0.7');
  });

  it('tells a network failure apart from a server fault', () => {
    // Prepare
    const wrapped = { data: {}, errors: [{ message: 'Failed to fetch', originalError: { name: 'TypeError' } }] };

    // Act
    const problem = describeProblem(wrapped);

    // Assess
    expect(problem.kind).toBe('network');
  });

  it('treats anything unrecognised as a fault', () => {
    // Prepare
    const oddities: unknown[] = [undefined, 'boom', 42, { errors: [] }, rejected('SomethingNew', 'internal detail')];

    // Act
    const kinds = oddities.map((error) => describeProblem(error).kind);

    // Assess
    expect(kinds).toEqual(['fault', 'fault', 'fault', 'fault', 'fault']);
  });
});
