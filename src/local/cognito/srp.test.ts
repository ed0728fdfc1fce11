import { describe, expect, it } from 'vitest';
import {
  createSrpChallenge,
  createSrpClient,
  createSrpVerifier,
  formatSrpTimestamp,
  isSrpTimestamp,
  padHex,
  passwordClaimSignature,
  signaturesMatch,
  srpPoolName,
} from './srp';

const secretBlock = Buffer.from('a secret block the server made up').toString('base64');

function exchange(serverPassword: string, clientPassword: string) {
  const client = createSrpClient('AbCd1234');
  const verifier = createSrpVerifier({ poolName: 'AbCd1234', userIdForSrp: 'user-1', password: serverPassword });
  const challenge = createSrpChallenge({ verifier, srpA: client.srpA });
  const timestamp = formatSrpTimestamp(new Date());
  const claimed = client.respond({
    userIdForSrp: 'user-1',
    password: clientPassword,
    salt: challenge.salt,
    srpB: challenge.srpB,
    secretBlock,
    timestamp,
  });
  const expected = passwordClaimSignature({
    key: challenge.key,
    poolName: 'AbCd1234',
    userIdForSrp: 'user-1',
    secretBlock,
    timestamp,
  });
  return { claimed, expected };
}

describe('SRP', () => {
  it('accepts the claim of a client that knows the password', () => {
    // Prepare / Act
    const { claimed, expected } = exchange('Corr3ct!pass', 'Corr3ct!pass');

    // Assess
    expect(signaturesMatch(expected, claimed)).toBe(true);
  });

  it('rejects the claim of a client with the wrong password', () => {
    // Prepare / Act
    const { claimed, expected } = exchange('Corr3ct!pass', 'Wr0ng!pass');

    // Assess
    expect(signaturesMatch(expected, claimed)).toBe(false);
  });

  it('keeps a salted verifier that differs for each setting of the same password', () => {
    // Prepare
    const owner = { poolName: 'AbCd1234', userIdForSrp: 'user-1', password: 'Corr3ct!pass' };

    // Act
    const first = createSrpVerifier(owner);
    const second = createSrpVerifier(owner);

    // Assess
    expect(first.salt).not.toBe(second.salt);
    expect(first.verifier).not.toBe(second.verifier);
    expect(JSON.stringify(first)).not.toContain(Buffer.from('Corr3ct!pass').toString('hex'));
  });

  it('pads hex like Java BigInteger.toByteArray, as Amplify does', () => {
    // Prepare / Act / Assess
    expect(padHex(0x14n)).toBe('14');
    expect(padHex(0xecn)).toBe('00ec');
    expect(padHex(0xc8n)).toBe('00c8');
    expect(padHex(0xabcn)).toBe('0abc');
  });

  it('refuses an SRP_A that is zero modulo N', () => {
    // Prepare
    const input = { verifier: createSrpVerifier({ poolName: 'p', userIdForSrp: 'u', password: 'x' }), srpA: '0' };

    // Act / Assess
    expect(() => createSrpChallenge(input)).toThrow(RangeError);
  });

  it('formats timestamps as "ddd MMM D HH:mm:ss UTC YYYY"', () => {
    // Prepare
    const date = new Date(Date.UTC(2026, 2, 3, 9, 5, 7));

    // Act
    const formatted = formatSrpTimestamp(date);

    // Assess
    expect(formatted).toBe('Tue Mar 3 09:05:07 UTC 2026');
    expect(isSrpTimestamp(formatted)).toBe(true);
    expect(isSrpTimestamp('2026-03-03T09:05:07Z')).toBe(false);
  });

  it('takes the pool name from after the underscore of the pool id', () => {
    expect(srpPoolName('eu-west-1_AbCd1234')).toBe('AbCd1234');
  });
});
