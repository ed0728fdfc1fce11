// How the gateway's Cognito keeps a password: a salted scrypt hash (password sign-in, change password) and
// an SRP verifier (SRP sign-in), together in cognito-local's `Password` field, never the password itself.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { createSrpVerifier, type SrpVerifier } from './srp';

/** Node's defaults, the scrypt paper's interactive level: 16 MiB and tens of milliseconds per hash. */
export const DEFAULT_COST_LOG2 = 14;

/**
 * The cost of new hashes: N = 2^COURIER_LOCAL_PASSWORD_COST (10–20), 2^14 unless set. The test suite sets 10 for
 * its throwaway stacks (each seeds 28 demo users: about 2–5 s of hashing per start at 2^14 on two cores); every
 * hash records its own N, so a password hashed at one cost is checked at that cost.
 */
export function costFromEnvironment(value: string | undefined): { N: number; r: 8; p: 1 } {
  if (value === undefined || value === '') return { N: 2 ** DEFAULT_COST_LOG2, r: 8, p: 1 };
  const log2 = Number(value);
  if (!Number.isInteger(log2) || log2 < 10 || log2 > 20) {
    throw new Error(
      `COURIER_LOCAL_PASSWORD_COST must be a whole number from 10 to 20 (log2 of scrypt's N); got "${value}"`,
    );
  }
  return { N: 2 ** log2, r: 8, p: 1 };
}

const COST = costFromEnvironment(process.env.COURIER_LOCAL_PASSWORD_COST);
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

/** `local-hash:v1:scrypt:<N>:<r>:<p>:<salt>:<hash>:srp:<salt hex>:<verifier hex>`, salt and hash in base64url. */
const FORMAT = /^local-hash:v1:scrypt:(\d+):(\d+):(\d+):([A-Za-z0-9_-]+):([A-Za-z0-9_-]+):srp:([0-9a-f]+):([0-9a-f]+)$/;

type ParsedHash = { cost: { N: number; r: number; p: number }; salt: Buffer; hash: Buffer; srp: SrpVerifier };

/** Who the password belongs to: SRP mixes both into its verifier. */
export type PasswordOwner = { poolName: string; userIdForSrp: string };

function derive(password: string, salt: Buffer, cost: ScryptOptions & { N: number; r: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // 128·N·r bytes, with room to spare; the default cap (32 MiB) would refuse a future higher N.
    const options = { ...cost, maxmem: 256 * cost.N * cost.r };
    scrypt(password, salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function parse(stored: string): ParsedHash | undefined {
  const match = FORMAT.exec(stored);
  if (!match) return undefined;
  const [, n, r, p, salt, hash, srpSalt, verifier] = match as unknown as string[];
  return {
    cost: { N: Number(n), r: Number(r), p: Number(p) },
    salt: Buffer.from(salt ?? '', 'base64url'),
    hash: Buffer.from(hash ?? '', 'base64url'),
    srp: { salt: srpSalt ?? '', verifier: verifier ?? '' },
  };
}

/** True for a value this module wrote; anything else in a `Password` field is a plain-text password. */
export function isPasswordHash(value: unknown): value is string {
  return typeof value === 'string' && parse(value) !== undefined;
}

/** Hashes a new password for storage. Each call draws fresh salts, so equal passwords store differently. */
export async function hashPassword(password: string, owner: PasswordOwner): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const hash = await derive(password, salt, COST);
  const srp = createSrpVerifier({ ...owner, password });
  return [
    'local-hash:v1:scrypt',
    COST.N,
    COST.r,
    COST.p,
    salt.toString('base64url'),
    hash.toString('base64url'),
    'srp',
    srp.salt,
    srp.verifier,
  ].join(':');
}

/**
 * Checks a password against what is stored, in constant time. With nothing (or nothing valid) stored it
 * still hashes, and says no: an unknown user takes as long to refuse as a known one.
 */
export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  const parsed = stored === undefined ? undefined : parse(stored);
  if (!parsed) {
    await derive(password, randomBytes(SALT_LENGTH), COST);
    return false;
  }
  const candidate = await derive(password, parsed.salt, parsed.cost);
  return candidate.length === parsed.hash.length && timingSafeEqual(candidate, parsed.hash);
}

/** The SRP salt and verifier kept with the hash; undefined when `stored` is not a hash. */
export function srpVerifierOf(stored: string | undefined): SrpVerifier | undefined {
  return stored === undefined ? undefined : parse(stored)?.srp;
}
