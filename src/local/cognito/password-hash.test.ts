import { describe, expect, it } from 'vitest';
import { costFromEnvironment, hashPassword, isPasswordHash, srpVerifierOf, verifyPassword } from './password-hash';

const OWNER = { poolName: 'AbCd1234', userIdForSrp: '6f1c2b1e-user' };
const PASSWORD = 'Courier-Pa55!';

describe('password hashes', () => {
  it('stores neither the password nor its encodings', async () => {
    // Prepare / Act
    const stored = await hashPassword(PASSWORD, OWNER);

    // Assess
    expect(isPasswordHash(stored)).toBe(true);
    for (const encoding of ['utf8', 'hex', 'base64', 'base64url'] as const) {
      expect(stored).not.toContain(Buffer.from(PASSWORD).toString(encoding));
    }
  });

  it('salts each hash, so one password stored twice looks different', async () => {
    // Prepare / Act
    const [first, second] = await Promise.all([hashPassword(PASSWORD, OWNER), hashPassword(PASSWORD, OWNER)]);

    // Assess
    expect(first).not.toBe(second);
    expect(srpVerifierOf(first)?.salt).not.toBe(srpVerifierOf(second)?.salt);
  });

  it('accepts the right password and refuses a wrong one', async () => {
    // Prepare
    const stored = await hashPassword(PASSWORD, OWNER);

    // Act
    const [right, wrong, prefix, empty] = await Promise.all([
      verifyPassword(PASSWORD, stored),
      verifyPassword('Courier-Pa55?', stored),
      verifyPassword(PASSWORD.slice(0, -1), stored),
      verifyPassword('', stored),
    ]);

    // Assess
    expect({ right, wrong, prefix, empty }).toEqual({ right: true, wrong: false, prefix: false, empty: false });
  });

  it('refuses everything when nothing, plain text or the hash itself is offered as stored', async () => {
    // Prepare
    const stored = await hashPassword(PASSWORD, OWNER);

    // Act
    const [missing, plain, passTheHash] = await Promise.all([
      verifyPassword(PASSWORD, undefined),
      verifyPassword(PASSWORD, PASSWORD),
      verifyPassword(stored, stored),
    ]);

    // Assess
    expect({ missing, plain, passTheHash }).toEqual({ missing: false, plain: false, passTheHash: false });
    expect(isPasswordHash(PASSWORD)).toBe(false);
    expect(srpVerifierOf(PASSWORD)).toBeUndefined();
  });
});

describe('the cost of new hashes', () => {
  it('is 2^14 unless set, 2^10 to 2^20 when set, and refuses anything else with the variable named', () => {
    expect(costFromEnvironment(undefined)).toEqual({ N: 16_384, r: 8, p: 1 });
    expect(costFromEnvironment('')).toEqual({ N: 16_384, r: 8, p: 1 });
    expect(costFromEnvironment('10')).toEqual({ N: 1_024, r: 8, p: 1 });
    expect(costFromEnvironment('20').N).toBe(2 ** 20);
    for (const bad of ['9', '21', '12.5', 'fast']) {
      expect(() => costFromEnvironment(bad)).toThrow(
        /COURIER_LOCAL_PASSWORD_COST must be a whole number from 10 to 20/,
      );
    }
  });

  it('is kept in each hash, so a hash made at one cost is checked at that cost (the suite hashes at 2^10)', async () => {
    const owner = { poolName: 'pool', userIdForSrp: 'courier7' };
    const stored = await hashPassword('Passw0rd!', owner);
    expect(stored).toMatch(new RegExp(`^local-hash:v1:scrypt:${2 ** 10}:8:1:`));
    const atDefault = stored.replace(/^local-hash:v1:scrypt:1024:/, 'local-hash:v1:scrypt:16384:');
    expect(await verifyPassword('Passw0rd!', stored)).toBe(true);
    expect(await verifyPassword('Passw0rd!', atDefault)).toBe(false);
  });
});
