// An in-memory ProofStore for unit tests of the core: upload targets and view URLs are opaque memory:// URLs,
// and `put` plays the browser's upload to one.
import type { ProofStore } from '../ports';

export type MemoryProofStore = ProofStore & {
  /** What a browser's PUT to an upload target does: stores the object under its key. */
  put(key: string, contentType: string): void;
  contentTypeOf(key: string): string | undefined;
};

const UPLOAD_SECONDS = 300;

export function createMemoryProofStore(now: () => Date = () => new Date()): MemoryProofStore {
  const objects = new Map<string, string>();
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
    async exists(key) {
      return objects.has(key);
    },
    put(key, contentType) {
      objects.set(key, contentType);
    },
    contentTypeOf(key) {
      return objects.get(key);
    },
  };
}
