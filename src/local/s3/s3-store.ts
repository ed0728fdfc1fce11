// Where the S3 emulator keeps buckets and objects: in memory, or on disk under a data directory with each
// object's bytes in `<hash>.bin` and its metadata in `<hash>.json` beside it. Metadata is indexed in memory.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ObjectChecksum } from './s3-checksums';
import { noSuchBucket, noSuchKey, S3Error } from './s3-errors';

export type CorsRule = {
  id?: string;
  allowedOrigins: string[];
  allowedMethods: string[];
  allowedHeaders: string[];
  exposeHeaders: string[];
  maxAgeSeconds?: number;
};

export type BucketRecord = {
  name: string;
  /** ISO 8601. */
  createdAt: string;
  region: string;
  cors?: CorsRule[];
};

/** System metadata S3 stores with an object and returns on GET/HEAD. */
export type ObjectHeaders = {
  contentType: string;
  contentEncoding?: string;
  contentDisposition?: string;
  contentLanguage?: string;
  cacheControl?: string;
  expires?: string;
};

export type ObjectRecord = ObjectHeaders & {
  key: string;
  size: number;
  /** Quoted hex MD5, as S3 sends it for single-part uploads. */
  etag: string;
  /** ISO 8601. */
  lastModified: string;
  /** x-amz-meta-* values, names lower-cased without the prefix. */
  metadata: Record<string, string>;
  checksum?: ObjectChecksum;
};

export type S3StoreOptions = {
  /** Directory to persist to, e.g. `.data/s3`; in memory when absent. */
  dataDir?: string;
};

export type S3Store = {
  /** Resolves once what was on disk is loaded; every method waits for it. */
  ready: Promise<void>;
  /** Synchronous check (false until loaded), for routing decisions. */
  hasBucket(name: string): boolean;
  getBucket(name: string): Promise<BucketRecord>;
  /** False when the bucket already existed (nothing changes then). */
  createBucket(name: string, region: string): Promise<boolean>;
  deleteBucket(name: string): Promise<void>;
  listBuckets(): Promise<BucketRecord[]>;
  setCors(bucket: string, rules: CorsRule[] | undefined): Promise<void>;
  putObject(
    bucket: string,
    key: string,
    headers: ObjectHeaders & Pick<ObjectRecord, 'metadata' | 'checksum'>,
    data: Buffer,
  ): Promise<ObjectRecord>;
  headObject(bucket: string, key: string): Promise<ObjectRecord>;
  getObject(bucket: string, key: string): Promise<{ record: ObjectRecord; data: Buffer }>;
  /** Deleting a key that does not exist succeeds, as in S3. */
  deleteObject(bucket: string, key: string): Promise<void>;
  /** Every object of the bucket in S3's order: by the UTF-8 bytes of the key. */
  listObjects(bucket: string): Promise<ObjectRecord[]>;
};

type BucketState = {
  record: BucketRecord;
  objects: Map<string, ObjectRecord>;
  /** In-memory mode only. */
  bytes: Map<string, Buffer>;
  sorted?: ObjectRecord[];
};

const BUCKET_FILE = 'bucket.json';
const OBJECTS_DIR = 'objects';

function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function fileStem(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Writes through a temporary file so a crash never leaves a half-written file under the real name. */
async function writeAtomically(path: string, data: Buffer | string): Promise<void> {
  const temporary = `${path}.${randomUUID()}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}

export function createS3Store(options: S3StoreOptions = {}): S3Store {
  const { dataDir } = options;
  const buckets = new Map<string, BucketState>();
  /** One write at a time per bucket/key, so bytes and metadata files always belong together. */
  const locks = new Map<string, Promise<unknown>>();

  function locked<T>(name: string, work: () => Promise<T>): Promise<T> {
    const previous = locks.get(name) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    locks.set(name, settled);
    void settled.then(() => {
      if (locks.get(name) === settled) locks.delete(name);
    });
    return next;
  }

  async function load(): Promise<void> {
    if (!dataDir) return;
    await mkdir(dataDir, { recursive: true });
    for (const entry of await readdir(dataDir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const bucketDir = join(dataDir, entry.name);
      let record: BucketRecord;
      try {
        record = JSON.parse(await readFile(join(bucketDir, BUCKET_FILE), 'utf8')) as BucketRecord;
      } catch {
        continue;
      }
      const state: BucketState = { record, objects: new Map(), bytes: new Map() };
      const objectsDir = join(bucketDir, OBJECTS_DIR);
      await mkdir(objectsDir, { recursive: true });
      for (const file of await readdir(objectsDir)) {
        if (file.endsWith('.tmp')) {
          await rm(join(objectsDir, file), { force: true });
        } else if (file.endsWith('.json')) {
          const path = join(objectsDir, file);
          try {
            const object = JSON.parse(await readFile(path, 'utf8')) as ObjectRecord;
            state.objects.set(object.key, object);
          } catch (cause) {
            throw new Error(
              `The S3 object metadata ${path} is unreadable; delete it (and the .bin beside it) or start with --reset.`,
              { cause },
            );
          }
        }
      }
      buckets.set(record.name, state);
    }
  }

  const ready = load();
  // Callers see a failed load when they await `ready`; this only keeps it from being an unhandled rejection.
  ready.catch(() => undefined);

  async function bucketState(name: string): Promise<BucketState> {
    await ready;
    const state = buckets.get(name);
    if (!state) throw noSuchBucket(name);
    return state;
  }

  async function saveBucket(state: BucketState): Promise<void> {
    if (!dataDir) return;
    const dir = join(dataDir, state.record.name);
    await mkdir(join(dir, OBJECTS_DIR), { recursive: true });
    await writeAtomically(join(dir, BUCKET_FILE), JSON.stringify(state.record, null, 2));
  }

  const objectPath = (bucket: string, key: string, ext: 'bin' | 'json') =>
    join(dataDir ?? '', bucket, OBJECTS_DIR, `${fileStem(key)}.${ext}`);

  return {
    ready,
    hasBucket: (name) => buckets.has(name),
    async getBucket(name) {
      return (await bucketState(name)).record;
    },
    async createBucket(name, region) {
      await ready;
      return locked(`bucket:${name}`, async () => {
        if (buckets.has(name)) return false;
        const state: BucketState = {
          record: { name, createdAt: new Date().toISOString(), region },
          objects: new Map(),
          bytes: new Map(),
        };
        await saveBucket(state);
        buckets.set(name, state);
        return true;
      });
    },
    async deleteBucket(name) {
      const state = await bucketState(name);
      await locked(`bucket:${name}`, async () => {
        if (state.objects.size > 0) {
          throw new S3Error(409, 'BucketNotEmpty', 'The bucket you tried to delete is not empty', { BucketName: name });
        }
        buckets.delete(name);
        if (dataDir) await rm(join(dataDir, name), { recursive: true, force: true });
      });
    },
    async listBuckets() {
      await ready;
      return [...buckets.values()].map((b) => b.record).sort((a, b) => compareKeys(a.name, b.name));
    },
    async setCors(bucket, rules) {
      const state = await bucketState(bucket);
      await locked(`bucket:${bucket}`, async () => {
        const { cors: _previous, ...rest } = state.record;
        state.record = rules ? { ...rest, cors: rules } : rest;
        await saveBucket(state);
      });
    },
    async putObject(bucket, key, headers, data) {
      const state = await bucketState(bucket);
      const record: ObjectRecord = {
        ...headers,
        key,
        size: data.length,
        etag: `"${createHash('md5').update(data).digest('hex')}"`,
        lastModified: new Date().toISOString(),
      };
      await locked(`object:${bucket}/${key}`, async () => {
        if (dataDir) {
          await writeAtomically(objectPath(bucket, key, 'bin'), data);
          await writeAtomically(objectPath(bucket, key, 'json'), JSON.stringify(record, null, 2));
        } else {
          state.bytes.set(key, Buffer.from(data));
        }
        state.objects.set(key, record);
        state.sorted = undefined;
      });
      return record;
    },
    async headObject(bucket, key) {
      const record = (await bucketState(bucket)).objects.get(key);
      if (!record) throw noSuchKey(key);
      return record;
    },
    async getObject(bucket, key) {
      const state = await bucketState(bucket);
      return locked(`object:${bucket}/${key}`, async () => {
        const record = state.objects.get(key);
        if (!record) throw noSuchKey(key);
        const data = dataDir ? await readFile(objectPath(bucket, key, 'bin')) : state.bytes.get(key);
        if (!data) throw noSuchKey(key);
        return { record, data };
      });
    },
    async deleteObject(bucket, key) {
      const state = await bucketState(bucket);
      await locked(`object:${bucket}/${key}`, async () => {
        if (!state.objects.delete(key)) return;
        state.bytes.delete(key);
        state.sorted = undefined;
        if (dataDir) {
          await rm(objectPath(bucket, key, 'json'), { force: true });
          await rm(objectPath(bucket, key, 'bin'), { force: true });
        }
      });
    },
    async listObjects(bucket) {
      const state = await bucketState(bucket);
      state.sorted ??= [...state.objects.values()].sort((a, b) => compareKeys(a.key, b.key));
      return state.sorted;
    },
  };
}
