// An in-memory ProofStore for unit tests of the core: upload targets and view URLs are opaque memory:// URLs,
// and `put` plays the browser's upload to one.
import type { ProofStore } from '../ports';
import { PROOF_EDGE_BYTES, PROOF_MAX_BYTES } from '../proof';

export type MemoryProofStore = ProofStore & {
  /** What a browser's PUT to an upload target does: stores the bytes under the key with the type it sent. */
  put(key: string, contentType: string, body: Uint8Array | string): void;
  contentTypeOf(key: string): string | undefined;
};

const UPLOAD_SECONDS = 300;

export function createMemoryProofStore(now: () => Date = () => new Date()): MemoryProofStore {
  const objects = new Map<string, { contentType: string; body: Uint8Array }>();
  return {
    async uploadTarget(key, contentType) {
      return {
        url: `memory://proofs/${encodeURI(key)}?upload`,
        headers: { 'Content-Type': contentType },
        expiresAt: new Date(now().getTime() + UPLOAD_SECONDS * 1000).toISOString(),
      };
    },
    async viewUrl(key) {
      return `memory://proofs/${encodeURI(key)}`;
    },
    // Reads as the S3 store does: nothing past the size limit, the ends of an image, the whole of an SVG.
    async inspect(key) {
      const object = objects.get(key);
      if (!object) return undefined;
      const { contentType, body } = object;
      const size = body.length;
      if (size === 0 || size > PROOF_MAX_BYTES) {
        return { size, contentType, head: new Uint8Array(0), tail: new Uint8Array(0) };
      }
      const head = body.slice(0, PROOF_EDGE_BYTES);
      const tail = body.slice(Math.max(0, size - PROOF_EDGE_BYTES));
      return { size, contentType, head, tail, ...(key.endsWith('.svg') ? { body: body.slice() } : {}) };
    },
    put(key, contentType, body) {
      objects.set(key, { contentType, body: typeof body === 'string' ? new TextEncoder().encode(body) : body.slice() });
    },
    contentTypeOf(key) {
      return objects.get(key)?.contentType;
    },
  };
}
