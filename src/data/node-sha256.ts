// SHA-256 and HMAC-SHA256 for SigV4 signers (`new SignatureV4({ sha256: NodeSha256 })`) on node:crypto.
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import type { Checksum, SourceData } from '@aws-sdk/types';

function bytesOf(data: SourceData): string | Uint8Array {
  if (typeof data === 'string') return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

/**
 * The AWS SDK's own choice in Node (its `Hash` on node:crypto), for every signer the product makes by hand (the
 * change-feed publisher, the MCP relay, the local AppSync's check, SNS, Comprehend, Amazon Location):
 * @aws-crypto/sha256-js hashes in JavaScript, about 0.8 ms more per signature here. Tests keep signing with
 * sha256-js, an independent implementation.
 */
export class NodeSha256 implements Checksum {
  private readonly secret: string | Uint8Array | undefined;
  private hash: Hash | Hmac;

  constructor(secret?: SourceData) {
    this.secret = secret === undefined ? undefined : bytesOf(secret);
    this.hash = this.fresh();
  }

  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', this.secret);
  }

  update(data: SourceData): void {
    this.hash.update(bytesOf(data));
  }

  digest(): Promise<Uint8Array> {
    const digest = this.hash.digest();
    return Promise.resolve(new Uint8Array(digest.buffer, digest.byteOffset, digest.byteLength));
  }

  reset(): void {
    this.hash = this.fresh();
  }
}
