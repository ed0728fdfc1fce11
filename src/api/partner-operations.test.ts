import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAuthRules } from '../local/appsync/authorization';
import { PARTNER_OPERATIONS } from './partner-operations';

const modelSchema = readFileSync(join(import.meta.dirname, '../../graphql/model-schema.graphql'), 'utf8');

describe('PARTNER_OPERATIONS', () => {
  it('names exactly the operations the GraphQL contract opens to partner tokens (allow.custom)', () => {
    // Prepare
    const rules = readAuthRules(modelSchema);
    // Act
    const custom = [...rules.entries()]
      .filter(([, grants]) => grants.some((g) => g.mode === 'lambda'))
      .map(([key]) => key)
      .sort();
    // Assess
    expect(custom).toEqual(Object.keys(PARTNER_OPERATIONS).sort());
  });
});
