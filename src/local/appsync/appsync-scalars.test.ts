import { describe, expect, it } from 'vitest';
import { isValidAppSyncScalar, type AppSyncScalarName } from './appsync-scalars';

const cases: [AppSyncScalarName, unknown[], unknown[]][] = [
  [
    'AWSDate',
    ['2025-01-31', '2024-02-29', '1970-01-01Z', '1970-01-01-07:00'],
    ['2025-02-29', '2025-1-31', '31/01/2025', 20250131],
  ],
  ['AWSTime', ['12:30', '12:30:15', '12:30:15.123Z', '23:59:59+01:00'], ['24:00', '12:60', '1230', '']],
  [
    'AWSDateTime',
    ['2025-01-31T12:30:00Z', '2025-01-31T12:30Z', '2025-01-31T12:30:00.123456789+05:30'],
    ['2025-01-31T12:30:00', '2025-01-31 12:30:00Z', '2025-13-01T00:00:00Z', ''],
  ],
  ['AWSTimestamp', [0, 1735689600, -5], [1.5, '1735689600', null]],
  ['AWSEmail', ['ada@example.com', 'a.b+c@sub.example.co.uk'], ['ada', 'ada@', '@example.com', 'a b@example.com']],
  ['AWSJSON', ['{"a":1}', '[1,2]', '"text"', 'null'], ['{a:1}', '', { a: 1 }]],
  [
    'AWSURL',
    ['https://example.com/a?b=c', 'mailto:ada@example.com'],
    ['example.com', 'https://example.com//double', 'http//x'],
  ],
  ['AWSPhone', ['+44 20 7946 0958', '020-7946-0958', '+1 (555) 010-9999'], ['phone', '+', '12']],
  [
    'AWSIPAddress',
    ['127.0.0.1', '10.0.0.0/8', '::1', '2001:db8::/32'],
    ['256.0.0.1', '10.0.0.0/33', 'localhost', '::1/129'],
  ],
];

describe('AppSync scalars', () => {
  for (const [name, valid, invalid] of cases) {
    it(`${name} accepts what AppSync accepts and rejects the rest`, () => {
      // Act
      const accepted = valid.map((v) => isValidAppSyncScalar(name, v));
      const rejected = invalid.map((v) => isValidAppSyncScalar(name, v));

      // Assess
      expect(accepted).toEqual(valid.map(() => true));
      expect(rejected).toEqual(invalid.map(() => false));
    });
  }
});
