import { describe, expect, it } from 'vitest';
import { clientAddressOf } from './client-address';

describe('clientAddressOf', () => {
  it('takes the address AppSync received the request from, not what the client claims', () => {
    expect(
      clientAddressOf({
        identity: null,
        request: { headers: { 'x-forwarded-for': '10.9.9.9, 203.0.113.5' }, domainName: null },
      }),
    ).toBe('203.0.113.5');
    expect(
      clientAddressOf({
        identity: { sourceIp: ['10.9.9.9', '198.51.100.2'] } as never,
        request: { headers: {}, domainName: null },
      }),
    ).toBe('198.51.100.2');
    expect(clientAddressOf({ identity: null, request: { headers: {}, domainName: null } })).toBe('unknown');
  });
});
