import { describe, expect, it } from 'vitest';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from './node-sha256';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('NodeSha256', () => {
  it('hashes and HMACs as SHA-256 does (FIPS 180-2 and RFC 4231 vectors), across update calls and after reset', async () => {
    // Prepare
    const hash = new NodeSha256();
    const hmac = new NodeSha256(new TextEncoder().encode('Jefe'));

    // Act
    hash.update('a');
    hash.update(new TextEncoder().encode('bc'));
    const abc = hex(await hash.digest());
    hash.reset();
    const empty = hex(await hash.digest());
    hmac.update('what do ya want for nothing?');
    const mac = hex(await hmac.digest());

    // Assess
    expect(abc).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(empty).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(mac).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('gives a SigV4 signer the very signature @aws-crypto/sha256-js gives it', async () => {
    // Prepare
    const request = {
      method: 'POST',
      protocol: 'http:',
      hostname: 'localhost',
      port: 4000,
      path: '/graphql',
      headers: { 'content-type': 'application/json', host: 'localhost:4000', 'x-courier-partner-token-id': 't1' },
      body: JSON.stringify({ query: 'query { trackBooking(reference: "CV-1") { status } }', variables: {} }),
    };
    const signer = (sha256: typeof Sha256 | typeof NodeSha256) =>
      new SignatureV4({
        service: 'appsync',
        region: 'us-east-1',
        credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
        sha256,
      });
    const at = new Date('2026-12-07T12:00:00Z');

    // Act
    const [expected, actual] = await Promise.all(
      [Sha256, NodeSha256].map((sha) => signer(sha).sign(request, { signingDate: at })),
    );

    // Assess
    expect(actual!.headers.authorization).toBe(expected!.headers.authorization);
    expect(actual!.headers['x-amz-content-sha256'] ?? '').toBe(expected!.headers['x-amz-content-sha256'] ?? '');
  });
});
