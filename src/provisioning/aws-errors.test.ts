import { describe, expect, it } from 'vitest';
import { ResourceNotFoundException } from '@aws-sdk/client-lex-models-v2';
import { ProvisioningError, describeAwsError, isAwsError } from './aws-errors';

describe('describeAwsError', () => {
  it('keeps the SDK error name and message and adds the resolution for its family', () => {
    // Prepare
    const error = new ResourceNotFoundException({ message: 'Bot ABC not found', $metadata: {} });

    // Act
    const described = describeAwsError(error);

    // Assess
    expect(described).toMatchObject({ code: 'ResourceNotFoundException', message: 'Bot ABC not found' });
    expect(described.resolution).toMatch(/does not exist/);
    expect(isAwsError(error, 'ResourceNotFoundException')).toBe(true);
  });

  it.each([
    ['AccessDenied', /not allowed/],
    ['NoSuchEntityException', /does not exist/],
    ['ServiceQuotaExceededException', /quota/],
    ['ValidationException', /rejected a value/],
    ['ConflictException', /settle/],
    ['ThrottlingException', /throttling/],
    ['SomethingNew', /unexpected/],
  ])('gives %s a plain-language resolution', (code, resolution) => {
    // Prepare
    const error = Object.assign(new Error('boom'), { name: code });

    // Act
    const described = describeAwsError(error);

    // Assess
    expect(described.code).toBe(code);
    expect(described.resolution).toMatch(resolution);
  });

  it('prefers the resolution a ProvisioningError carries', () => {
    // Act
    const described = describeAwsError(new ProvisioningError('BotFailed', 'Bot is Failed', { resolution: 'Fix it.' }));

    // Assess
    expect(described).toEqual({ code: 'BotFailed', message: 'Bot is Failed', resolution: 'Fix it.' });
  });
});
