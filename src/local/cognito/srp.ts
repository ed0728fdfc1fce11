// Cognito's SRP-6a password verification, both halves, byte-compatible with Amplify's client
// (@aws-amplify/auth …/utils/srp): 3072-bit group, g = 2, SHA-256, HKDF info "Caldera Derived Key".
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** RFC 5054 3072-bit group prime, the one Cognito and Amplify use. */
const N = BigInt(
  '0x' +
    'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);
const g = 2n;
const HKDF_INFO = Buffer.concat([Buffer.from('Caldera Derived Key', 'utf8'), Buffer.from([1])]);

/**
 * Even-length hex of the two's-complement encoding (Java's BigInteger.toByteArray), as Amplify's
 * getPaddedHex: every hash input in the protocol is built from it, so one missing "00" breaks sign-in.
 */
export function padHex(value: bigint): string {
  if (value < 0n) throw new RangeError('SRP values are non-negative');
  let hex = value.toString(16);
  if (hex.length % 2 !== 0) hex = `0${hex}`;
  return /^[89a-f]/i.test(hex) ? `00${hex}` : hex;
}

function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function hashHex(hex: string): bigint {
  return BigInt(`0x${sha256Hex(Buffer.from(hex, 'hex'))}`);
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

function randomBigInt(bytes: number): bigint {
  return BigInt(`0x${randomBytes(bytes).toString('hex')}`);
}

const k = hashHex(padHex(N) + padHex(g));

/** The pool name Cognito mixes into every hash: the part of the pool id after the region and "_". */
export function srpPoolName(userPoolId: string): string {
  return userPoolId.split('_')[1] ?? '';
}

export type SrpChallenge = {
  /** Hex, as sent in ChallengeParameters.SALT. */
  salt: string;
  /** Hex, as sent in ChallengeParameters.SRP_B. */
  srpB: string;
  /** The 16-byte key both sides derive; the claim signature is an HMAC under it. */
  key: Buffer;
};

/** What an SRP server keeps instead of the password: a salt and v = g^x. */
export type SrpVerifier = {
  /** Hex, sent to the client as ChallengeParameters.SALT. */
  salt: string;
  /** Hex of v = g^x mod N, x = H(salt | H(poolName | userIdForSrp | ":" | password)). */
  verifier: string;
};

/**
 * Derives the verifier of a password once, when it is set, so that no sign-in needs the password itself.
 * Anyone holding it can test guesses offline at the cost of two SHA-256 and one modular exponentiation
 * each: it is a salted password hash, not a plain-text password, and is kept as such.
 */
export function createSrpVerifier(input: { poolName: string; userIdForSrp: string; password: string }): SrpVerifier {
  const salt = padHex(randomBigInt(16));
  const identityHash = sha256Hex(`${input.poolName}${input.userIdForSrp}:${input.password}`);
  const x = hashHex(salt + identityHash);
  return { salt, verifier: modPow(g, x, N).toString(16) };
}

/** A verifier of no password at all, for the decoy challenge given for an unknown user. */
export function createDecoySrpVerifier(): SrpVerifier {
  return { salt: padHex(randomBigInt(16)), verifier: modPow(g, randomBigInt(32), N).toString(16) };
}

/** Answers a client's SRP_A for a user whose verifier the server holds. */
export function createSrpChallenge(input: { verifier: SrpVerifier; srpA: string }): SrpChallenge {
  const A = parseHex(input.srpA);
  if (A === undefined || A % N === 0n) throw new RangeError('SRP_A is not a valid group element');
  const v = parseHex(input.verifier.verifier);
  if (v === undefined || v % N === 0n) throw new RangeError('The stored SRP verifier is not valid');
  const salt = input.verifier.salt;

  let b: bigint;
  let B: bigint;
  do {
    b = randomBigInt(128) % N;
    B = (k * v + modPow(g, b, N)) % N;
  } while (B === 0n);

  const u = hashHex(padHex(A) + padHex(B));
  if (u === 0n) throw new RangeError('SRP scrambling parameter is zero');
  const S = modPow((A * modPow(v, u, N)) % N, b, N);

  const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex'))
    .update(Buffer.from(padHex(S), 'hex'))
    .digest();
  const key = createHmac('sha256', prk).update(HKDF_INFO).digest().subarray(0, 16);
  return { salt, srpB: B.toString(16), key };
}

/** The PASSWORD_CLAIM_SIGNATURE a client holding `key` sends (base64). */
export function passwordClaimSignature(input: {
  key: Buffer;
  poolName: string;
  userIdForSrp: string;
  secretBlock: string;
  timestamp: string;
}): string {
  return createHmac('sha256', input.key)
    .update(Buffer.from(input.poolName, 'utf8'))
    .update(Buffer.from(input.userIdForSrp, 'utf8'))
    .update(Buffer.from(input.secretBlock, 'base64'))
    .update(Buffer.from(input.timestamp, 'utf8'))
    .digest('base64');
}

/** Constant-time, so a wrong password leaks nothing about how close the signature came. */
export function signaturesMatch(expected: string, received: string): boolean {
  const a = Buffer.from(expected, 'base64');
  const b = Buffer.from(received, 'base64');
  return a.length === b.length && timingSafeEqual(a, b);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TIMESTAMP =
  /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):([0-5]\d):([0-5]\d) UTC (\d{4})$/;

/** Cognito's "ddd MMM D HH:mm:ss UTC YYYY", e.g. "Tue Mar 3 09:05:07 UTC 2026". */
export function formatSrpTimestamp(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${WEEKDAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()} ` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`
  );
}

export function isSrpTimestamp(value: string): boolean {
  return TIMESTAMP.test(value);
}

function parseHex(value: string): bigint | undefined {
  return /^[0-9a-f]+$/i.test(value) ? BigInt(`0x${value}`) : undefined;
}

/** The client's side of the exchange, exported for tests and tools that sign in without Amplify. */
export function createSrpClient(poolName: string) {
  const a = randomBigInt(128);
  const A = modPow(g, a, N);
  return {
    srpA: A.toString(16),
    /** Derives the claim for a PASSWORD_VERIFIER challenge exactly as Amplify does. */
    respond(input: {
      userIdForSrp: string;
      password: string;
      salt: string;
      srpB: string;
      secretBlock: string;
      timestamp: string;
    }): string {
      const B = BigInt(`0x${input.srpB}`);
      const u = hashHex(padHex(A) + padHex(B));
      const x = hashHex(
        padHex(BigInt(`0x${input.salt}`)) + sha256Hex(`${poolName}${input.userIdForSrp}:${input.password}`),
      );
      const base = (((B - ((k * modPow(g, x, N)) % N)) % N) + N) % N;
      const S = modPow(base, a + u * x, N);
      const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex'))
        .update(Buffer.from(padHex(S), 'hex'))
        .digest();
      const key = createHmac('sha256', prk).update(HKDF_INFO).digest().subarray(0, 16);
      return passwordClaimSignature({
        key,
        poolName,
        userIdForSrp: input.userIdForSrp,
        secretBlock: input.secretBlock,
        timestamp: input.timestamp,
      });
    },
  };
}
