// Integrity checks S3 makes on uploads: Content-MD5, the flexible checksums the SDK sends by default
// (x-amz-checksum-crc32 and friends, as headers or aws-chunked trailers), and decoding aws-chunked bodies.
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { S3Error } from './s3-errors';

export type ChecksumAlgorithm = 'CRC32' | 'CRC32C' | 'CRC64NVME' | 'SHA1' | 'SHA256';
export type ObjectChecksum = { algorithm: ChecksumAlgorithm; value: string };

const ALGORITHMS: readonly ChecksumAlgorithm[] = ['CRC32', 'CRC32C', 'CRC64NVME', 'SHA1', 'SHA256'];

export const checksumHeader = (algorithm: ChecksumAlgorithm) => `x-amz-checksum-${algorithm.toLowerCase()}`;

const CRC32C_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32c(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC32C_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function base64OfUint32(value: number): string {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value >>> 0);
  return bytes.toString('base64');
}

/** The checksum S3 would compute, or undefined for CRC64NVME, which the emulator stores without checking. */
function compute(algorithm: ChecksumAlgorithm, data: Uint8Array): string | undefined {
  switch (algorithm) {
    case 'CRC32':
      return base64OfUint32(crc32(data));
    case 'CRC32C':
      return base64OfUint32(crc32c(data));
    case 'SHA1':
      return createHash('sha1').update(data).digest('base64');
    case 'SHA256':
      return createHash('sha256').update(data).digest('base64');
    case 'CRC64NVME':
      return undefined;
  }
}

/**
 * Verifies the Content-MD5 header and any x-amz-checksum-* value (header or aws-chunked trailer) against the
 * body, refusing a mismatch with BadDigest as S3 does, and returns the checksum to store with the object.
 */
export function verifyUploadIntegrity(
  headers: Headers,
  trailers: Readonly<Record<string, string>>,
  data: Uint8Array,
): ObjectChecksum | undefined {
  const md5 = headers.get('content-md5');
  if (md5 !== null) {
    if (!/^[A-Za-z0-9+/]{22}==$/.test(md5)) {
      throw new S3Error(400, 'InvalidDigest', 'The Content-MD5 you specified was invalid.', { 'Content-MD5': md5 });
    }
    if (createHash('md5').update(data).digest('base64') !== md5) {
      throw new S3Error(400, 'BadDigest', 'The Content-MD5 you specified did not match what we received.', {
        ExpectedDigest: md5,
      });
    }
  }
  let found: ObjectChecksum | undefined;
  for (const algorithm of ALGORITHMS) {
    const name = checksumHeader(algorithm);
    const value = headers.get(name) ?? trailers[name];
    if (value === undefined || value === null) continue;
    if (found) {
      throw new S3Error(
        400,
        'InvalidRequest',
        'Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.',
      );
    }
    const computed = compute(algorithm, data);
    if (computed !== undefined && computed !== value) {
      throw new S3Error(400, 'BadDigest', `The ${algorithm} you specified did not match the calculated checksum.`);
    }
    found = { algorithm, value };
  }
  return found;
}

/**
 * Decodes an aws-chunked body (`<hex size>[;chunk-signature=…]\r\n<bytes>\r\n … 0\r\n<trailers>\r\n`), which the
 * SDK sends for streaming uploads. Chunk signatures are not checked; the trailing checksum is.
 */
export function decodeAwsChunked(body: Buffer): { data: Buffer; trailers: Record<string, string> } {
  const chunks: Buffer[] = [];
  const trailers: Record<string, string> = {};
  const bad = () => new S3Error(400, 'IncompleteBody', 'The aws-chunked body is malformed or was cut short.');
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', at);
    if (lineEnd === -1) throw bad();
    const sizeText = body.toString('latin1', at, lineEnd).split(';')[0]!.trim();
    if (!/^[0-9a-fA-F]+$/.test(sizeText)) throw bad();
    const size = parseInt(sizeText, 16);
    at = lineEnd + 2;
    if (size === 0) break;
    if (at + size + 2 > body.length) throw bad();
    chunks.push(body.subarray(at, at + size));
    at += size + 2;
  }
  for (const line of body.toString('latin1', at).split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { data: Buffer.concat(chunks), trailers };
}
