import { describe, expect, it } from 'vitest';
import { argsDigest, canonicalJson, outcomeOf, recordAudit } from './audit';
import { ForbiddenError } from './errors';
import type { AuditEntry } from './model';

describe('argsDigest', () => {
  it('is the same for the same arguments in any key order, and never contains them', () => {
    const a = argsDigest({ reference: 'K7M-4QX-9', reason: 'customer moved', nested: { b: 1, a: [2, 3] } });
    const b = argsDigest({ nested: { a: [2, 3], b: 1 }, reason: 'customer moved', reference: 'K7M-4QX-9' });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(argsDigest({ reference: 'K7M-4QX-8' })).not.toBe(argsDigest({ reference: 'K7M-4QX-9' }));
    expect(canonicalJson({ b: undefined, a: 1 })).toBe('{"a":1}');
  });
});

describe('recordAudit', () => {
  it('stores the digest, outcome and latency of a call', async () => {
    // Prepare
    const stored: AuditEntry[] = [];
    const audit = { record: async (e: AuditEntry) => void stored.push(e), list: async () => ({ items: stored }) };
    // Act
    await recordAudit(
      {
        partnerId: 'acme',
        tokenId: 'abcdefghijkm',
        source: 'mcp',
        operation: 'cancel_booking',
        args: { reference: 'K7M-4QX-9', reason: 'secret reason' },
        outcome: outcomeOf(new ForbiddenError('no')),
        latencyMs: 12.6,
        at: new Date('2025-06-10T15:00:00Z'),
      },
      { audit },
    );
    // Assess
    expect(stored[0]).toMatchObject({ outcome: 'ForbiddenError', latencyMs: 13, operation: 'cancel_booking' });
    expect(JSON.stringify(stored[0])).not.toContain('secret reason');
  });
});
