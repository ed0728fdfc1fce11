// The local DynamoDB behind the gateway: dynalite in-process, plus what dynalite lacks — DynamoDB Streams
// records (captured around each write under a per-item lock), time-to-live settings and expiry.
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { crc32 } from 'node:zlib';
import type { GatewayRequest, GatewayService } from '../gateway-service';
import { BackendError, startDynaliteBackend, type BackendResponse } from './dynalite-backend';
import { createExpiryIndex } from './expiry-index';
import { createKeyMutex } from './key-mutex';
import { createOperationCounter, OPERATIONS_PATH, tablesOf, type OperationCounter } from './operation-counter';
import { createStreamHub, type LocalStreams, type StreamDeliveryOptions } from './local-streams';
import { openStreamLog } from './stream-log';
import {
  buildStreamRecord,
  canonicalItem,
  keyId,
  parseKeyId,
  streamArn,
  streamLabel,
  type Item,
} from './stream-record';
import { openTableSettings, type TableSettings } from './table-settings';

export type DynamoServiceOptions = {
  /** Persist tables, settings, stream records and stream consumers' positions here; in memory when absent. */
  dataDir?: string;
  /** Region for records of writes made without a client request (TTL expiry). */
  region?: string;
  /** How often expired items are deleted; 0 turns the sweeper off (call `sweepExpired` yourself). */
  ttlSweepIntervalMs?: number;
  streams?: StreamDeliveryOptions;
  /**
   * How long the backend (dynalite) keeps a new table CREATING; CreateTable is answered once it is ACTIVE either
   * way. 0, dynalite's next tick, by default; tests lengthen it to hold that window open.
   */
  createTableMs?: number;
};

export type DynamoService = GatewayService & {
  streams: LocalStreams;
  /** Deletes every item whose TTL attribute is before `now`, as DynamoDB's TTL process does; returns the count. */
  sweepExpired(now?: Date): Promise<number>;
  /** Items whose expiry the TTL process tracks, and whether it has read the items that predate it. */
  expiries(): { tracked: number; complete: boolean };
  /** Client calls received, by table and operation; also served at `OPERATIONS_PATH` (GET, DELETE resets). */
  operations: OperationCounter;
};

const TARGET_PREFIX = 'DynamoDB_20120810.';
const TTL_SERVICE_IDENTITY = { type: 'Service', principalId: 'dynamodb.amazonaws.com' } as const;
const FIVE_YEARS_S = 5 * 365 * 24 * 3600;
/**
 * Reading the expiries of items written before the service started: a Scan page this size (≈ 1–5 ms of
 * the gateway's thread), then a pause, so requests never wait behind more than one page. DynamoDB itself
 * deletes expired items within days, so a slow first read loses nothing that matters.
 */
const REBUILD_PAGE = 100;
const REBUILD_PAUSE_MS = 25;
/** Expired items deleted between yields to requests. */
const SWEEP_BATCH = 50;

type Json = Record<string, unknown>;
type WriteRequest = { PutRequest?: { Item: Item }; DeleteRequest?: { Key: Item } };
type TableDescription = Json & {
  TableName?: string;
  KeySchema?: { AttributeName: string }[];
};

export async function createDynamoService(options: DynamoServiceOptions = {}): Promise<DynamoService> {
  const backend = await startDynaliteBackend({
    path: options.dataDir && join(options.dataDir, 'dynalite'),
    ...(options.createTableMs !== undefined ? { createTableMs: options.createTableMs } : {}),
  });
  const settings = await openTableSettings(options.dataDir && join(options.dataDir, 'table-settings.json'));
  // Stream records and consumer positions outlive the process, as DynamoDB Streams and event source mappings do.
  const log = options.dataDir ? openStreamLog(join(options.dataDir, 'streams')) : undefined;
  const hub = createStreamHub(options.streams, { log });
  const mutex = createKeyMutex();
  const keyNamesCache = new Map<string, string[]>();
  const defaultRegion = options.region ?? 'us-east-1';
  const operations = createOperationCounter();
  const expiries = createExpiryIndex();
  /** TTL tables whose pre-existing items are in `expiries`; the rest are read by `rebuildExpiries`. */
  const indexed = new Set<string>();
  const rebuilding = new Map<string, Promise<void>>();
  let hurry = 0;
  let closed = false;

  async function keyNamesOf(table: string): Promise<string[]> {
    const cached = keyNamesCache.get(table);
    if (cached) return cached;
    const { Table } = await backend.call<{ Table: TableDescription }>('DescribeTable', { TableName: table });
    const names = (Table.KeySchema ?? []).map((k) => k.AttributeName);
    keyNamesCache.set(table, names);
    return names;
  }

  function pickKeys(item: Item | undefined, names: string[]): Item | undefined {
    if (!item) return undefined;
    const keys: Item = {};
    for (const name of names) {
      const value = item[name];
      if (!value) return undefined;
      keys[name] = value;
    }
    return keys;
  }

  const ttlAttributeOf = (table: string) => settings.get(table).ttl?.attributeName;

  function expiryOf(item: Item | undefined, attribute: string): number | undefined {
    const value = item?.[attribute]?.N;
    const at = value === undefined ? NaN : Number(value);
    return Number.isFinite(at) ? at : undefined;
  }

  /** Tells the TTL process an item's expiry after a write (`item` absent: deleted). */
  function noteExpiry(table: string, keys: Item, item: Item | undefined): void {
    const attribute = ttlAttributeOf(table);
    if (attribute) expiries.note(keyId(table, keys), expiryOf(item, attribute));
  }

  function emit(table: string, region: string, keys: Item, oldImage?: Item, newImage?: Item, byTtl = false): void {
    const stream = settings.get(table).stream;
    if (!stream) return;
    const record = buildStreamRecord({
      region,
      table,
      label: stream.label,
      keys,
      oldImage,
      newImage,
      ...(byTtl ? { userIdentity: TTL_SERVICE_IDENTITY } : {}),
    });
    if (record) hub.publish(table, record);
  }

  function describeExtras(table: TableDescription, region: string): TableDescription {
    const stream = table.TableName ? settings.get(table.TableName).stream : undefined;
    if (!stream || !table.TableName) return table;
    return {
      ...table,
      StreamSpecification: { StreamEnabled: true, StreamViewType: stream.viewType },
      LatestStreamLabel: stream.label,
      LatestStreamArn: streamArn(region, table.TableName, stream.label),
    };
  }

  const send = (req: GatewayRequest, input: unknown): Promise<BackendResponse> =>
    backend.send(req.headers, Buffer.from(JSON.stringify(input)));

  async function putOrDelete(req: GatewayRequest, res: ServerResponse, input: Json, kind: 'put' | 'delete') {
    const table = String(input.TableName);
    const clientReturn = input.ReturnValues ?? 'NONE';
    const keys = pickKeys((kind === 'put' ? input.Item : input.Key) as Item | undefined, await keyNamesOf(table));
    if (!keys || (clientReturn !== 'NONE' && clientReturn !== 'ALL_OLD')) return pipe(res, await forward(req));
    await mutex.run([keyId(table, keys)], async () => {
      const response = await send(req, { ...input, ReturnValues: 'ALL_OLD' });
      if (response.status !== 200) return pipe(res, response);
      const output = parseJson(response.body);
      const oldImage = output.Attributes as Item | undefined;
      if (clientReturn !== 'ALL_OLD') delete output.Attributes;
      const newImage = kind === 'put' ? canonicalItem(input.Item as Item) : undefined;
      emit(table, regionOf(req), keys, oldImage, newImage);
      noteExpiry(table, keys, newImage);
      replyJson(res, response, output);
    });
  }

  async function updateItem(req: GatewayRequest, res: ServerResponse, input: Json) {
    const table = String(input.TableName);
    const keys = pickKeys(input.Key as Item | undefined, await keyNamesOf(table));
    if (!keys) return pipe(res, await forward(req));
    const getImage = async () =>
      (await backend.call<{ Item?: Item }>('GetItem', { TableName: table, Key: keys, ConsistentRead: true })).Item;
    await mutex.run([keyId(table, keys)], async () => {
      const oldImage = await getImage();
      const clientReturn = input.ReturnValues ?? 'NONE';
      if (clientReturn === 'UPDATED_NEW' || clientReturn === 'UPDATED_OLD') {
        // Which attributes an expression "updated" is DynamoDB's to say: keep its answer, read the new image.
        const response = await forward(req);
        if (response.status === 200) {
          const newImage = await getImage();
          emit(table, regionOf(req), keys, oldImage, newImage);
          noteExpiry(table, keys, newImage);
        }
        return pipe(res, response);
      }
      const response = await send(req, { ...input, ReturnValues: 'ALL_NEW' });
      if (response.status !== 200) return pipe(res, response);
      const output = parseJson(response.body);
      const newImage = output.Attributes as Item | undefined;
      if (clientReturn === 'ALL_OLD' && oldImage) output.Attributes = oldImage;
      else if (clientReturn !== 'ALL_NEW') delete output.Attributes;
      emit(table, regionOf(req), keys, oldImage, newImage);
      noteExpiry(table, keys, newImage);
      replyJson(res, response, output);
    });
  }

  /**
   * A write to a table without a stream goes straight to dynalite; on a TTL table the TTL process learns the
   * item's expiry from it. An update names its changes in an expression: when the expression mentions the TTL
   * attribute, the new item comes with the answer (`updateNotingExpiry`), or, when the client asked for other
   * return values, the item's expiry is read back (after the answer is sent: the caller does not wait).
   */
  async function plainWrite(req: GatewayRequest, res: ServerResponse, input: Json, operation: string) {
    const table = String(input.TableName);
    const attribute = ttlAttributeOf(table);
    const clientReturn = input.ReturnValues ?? 'NONE';
    if (
      operation === 'UpdateItem' &&
      attribute &&
      (clientReturn === 'NONE' || clientReturn === 'ALL_NEW') &&
      mentionsAttribute(input, attribute)
    )
      return updateNotingExpiry(req, res, input, attribute);
    const response = await forward(req);
    if (!attribute || response.status !== 200) return pipe(res, response);
    const source = (operation === 'PutItem' ? input.Item : input.Key) as Item | undefined;
    // The write is done: nothing from here on may fail the request (it would be forwarded again).
    const names = await keyNamesOf(table).catch(() => undefined);
    const keys = names && pickKeys(source, names);
    if (!keys) return pipe(res, response);
    if (operation !== 'UpdateItem') {
      noteExpiry(table, keys, operation === 'PutItem' ? source : undefined);
      return pipe(res, response);
    }
    pipe(res, response);
    if (!mentionsAttribute(input, attribute)) return;
    try {
      const { Item } = await backend.call<{ Item?: Item }>('GetItem', {
        TableName: table,
        Key: keys,
        ConsistentRead: true,
        ProjectionExpression: '#ttl',
        ExpressionAttributeNames: { '#ttl': attribute },
      });
      noteExpiry(table, keys, Item);
    } catch (error) {
      // The update stands; only its expiry stays unknown until the next start reads it.
      console.error(`[dynamodb] reading the TTL of an item of ${table} failed`, error);
    }
  }

  /**
   * An UpdateItem that may change the TTL attribute of an item of a table without a stream: asked for the new
   * item (ALL_NEW), so the TTL process learns its expiry from the answer rather than from a second read, then
   * answered as the client asked. This is the rate limiters' counter increment, on every public lookup.
   */
  async function updateNotingExpiry(req: GatewayRequest, res: ServerResponse, input: Json, attribute: string) {
    const table = String(input.TableName);
    const keys = pickKeys(input.Key as Item | undefined, await keyNamesOf(table));
    if (!keys) return pipe(res, await forward(req));
    const response = await send(req, { ...input, ReturnValues: 'ALL_NEW' });
    if (response.status !== 200) return pipe(res, response);
    // The write is done: nothing from here on may fail the request (it would be forwarded again).
    const output = parseJson(response.body);
    expiries.note(keyId(table, keys), expiryOf(output.Attributes as Item | undefined, attribute));
    if ((input.ReturnValues ?? 'NONE') === 'NONE') delete output.Attributes;
    replyJson(res, response, output);
  }

  /**
   * What a successful BatchWriteItem did to items of TTL tables, leaving out the requests it left unprocessed.
   * Never throws: the writes are done, and a failed request would be forwarded again.
   */
  async function noteBatchExpiries(requestItems: Record<string, WriteRequest[]>, response: BackendResponse) {
    const tables = Object.keys(requestItems).filter((table) => ttlAttributeOf(table));
    if (response.status !== 200 || tables.length === 0) return;
    await noteBatch(requestItems, tables, response).catch((error: unknown) =>
      console.error('[dynamodb] reading the TTLs of a batch write failed', error),
    );
  }

  async function noteBatch(requestItems: Record<string, WriteRequest[]>, tables: string[], response: BackendResponse) {
    const unprocessed = new Set<string>();
    const output = parseJson(response.body);
    for (const [table, requests] of Object.entries((output.UnprocessedItems ?? {}) as Record<string, WriteRequest[]>))
      for (const request of requests) {
        const keys = pickKeys(request.PutRequest?.Item ?? request.DeleteRequest?.Key, await keyNamesOf(table));
        if (keys) unprocessed.add(keyId(table, keys));
      }
    for (const table of tables) {
      const names = await keyNamesOf(table);
      for (const request of requestItems[table] ?? []) {
        const keys = pickKeys(request.PutRequest?.Item ?? request.DeleteRequest?.Key, names);
        if (keys && !unprocessed.has(keyId(table, keys))) noteExpiry(table, keys, request.PutRequest?.Item);
      }
    }
  }

  async function batchWriteItem(req: GatewayRequest, res: ServerResponse, input: Json) {
    const requestItems = (input.RequestItems ?? {}) as Record<string, WriteRequest[]>;
    const writes: { table: string; keys: Item; id: string; put?: Item }[] = [];
    for (const [table, requests] of Object.entries(requestItems)) {
      if (!settings.get(table).stream || !Array.isArray(requests)) continue;
      const names = await keyNamesOf(table);
      for (const request of requests) {
        const keys = pickKeys(request.PutRequest?.Item ?? request.DeleteRequest?.Key, names);
        if (!keys) return pipe(res, await forward(req));
        writes.push({ table, keys, id: keyId(table, keys), put: request.PutRequest?.Item });
      }
    }
    if (writes.length === 0) {
      const response = await forward(req);
      await noteBatchExpiries(requestItems, response);
      return pipe(res, response);
    }
    await mutex.run(
      writes.map((w) => w.id),
      async () => {
        const oldImages = new Map<string, Item>();
        for (let i = 0; i < writes.length; i += 100) {
          let pending: Record<string, { Keys: Item[]; ConsistentRead: true }> | undefined = {};
          for (const w of writes.slice(i, i + 100))
            (pending[w.table] ??= { Keys: [], ConsistentRead: true }).Keys.push(w.keys);
          while (pending && Object.keys(pending).length > 0) {
            const out: { Responses?: Record<string, Item[]>; UnprocessedKeys?: typeof pending } = await backend
              .call('BatchGetItem', { RequestItems: pending })
              .catch((error: unknown) => {
                if (error instanceof BackendError) return {};
                throw error;
              });
            for (const [table, items] of Object.entries(out.Responses ?? {}))
              for (const item of items) {
                const keys = pickKeys(item, keyNamesCache.get(table) ?? []);
                if (keys) oldImages.set(keyId(table, keys), item);
              }
            pending = out.UnprocessedKeys;
          }
        }
        const response = await forward(req);
        if (response.status === 200) {
          const unprocessed = new Set<string>();
          const output = parseJson(response.body);
          for (const [table, requests] of Object.entries(
            (output.UnprocessedItems ?? {}) as Record<string, WriteRequest[]>,
          ))
            for (const request of requests) {
              const keys = pickKeys(
                request.PutRequest?.Item ?? request.DeleteRequest?.Key,
                keyNamesCache.get(table) ?? [],
              );
              if (keys) unprocessed.add(keyId(table, keys));
            }
          const region = regionOf(req);
          for (const w of writes)
            if (!unprocessed.has(w.id))
              emit(w.table, region, w.keys, oldImages.get(w.id), w.put && canonicalItem(w.put));
        }
        await noteBatchExpiries(requestItems, response);
        pipe(res, response);
      },
    );
  }

  async function createTable(req: GatewayRequest, res: ServerResponse, input: Json) {
    const table = String(input.TableName);
    const response = await forward(req);
    if (response.status !== 200) return pipe(res, response);
    // dynalite answers with the table CREATING and makes it ACTIVE later (a timer, then a LevelDB write); a write
    // in between is refused as "Requested resource not found". Tables here are created at once: answer once the
    // new table takes writes. (The answer still says CREATING, as DynamoDB's does.)
    await untilActive(table);
    keyNamesCache.delete(table);
    const spec = input.StreamSpecification as { StreamEnabled?: boolean; StreamViewType?: string } | undefined;
    const next: TableSettings = {};
    if (spec?.StreamEnabled)
      next.stream = { viewType: streamViewType(spec.StreamViewType), label: streamLabel(new Date()) };
    await settings.set(table, next);
    const output = parseJson(response.body);
    output.TableDescription = describeExtras(output.TableDescription as TableDescription, regionOf(req));
    replyJson(res, response, output);
  }

  async function updateTable(req: GatewayRequest, res: ServerResponse, input: Json) {
    const { StreamSpecification: spec, ...rest } = input as Json & {
      StreamSpecification?: { StreamEnabled?: boolean; StreamViewType?: string };
    };
    if (!spec) return describeReply(res, await forward(req), 'TableDescription', regionOf(req));
    const table = String(input.TableName);
    const current = await describe(table);
    if (current instanceof BackendError) return pipe(res, current.response);
    const existing = settings.get(table);
    if (spec.StreamEnabled && existing.stream)
      return replyError(res, 'ValidationException', `Table already has an enabled stream: ${table}`);
    if (!spec.StreamEnabled && !existing.stream)
      return replyError(res, 'ValidationException', `Table already has no stream: ${table}`);
    const { stream: _previous, ...others } = existing;
    await settings.set(
      table,
      spec.StreamEnabled
        ? { ...others, stream: { viewType: streamViewType(spec.StreamViewType), label: streamLabel(new Date()) } }
        : others,
    );
    if (Object.keys(rest).length > 1)
      return describeReply(res, await send(req, rest), 'TableDescription', regionOf(req));
    replyJson(res, undefined, { TableDescription: describeExtras(current, regionOf(req)) });
  }

  async function untilActive(table: string): Promise<void> {
    for (;;) {
      const current = await describe(table);
      if (current instanceof BackendError || current.TableStatus !== 'CREATING') return;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }

  async function describe(table: string): Promise<TableDescription | BackendError> {
    try {
      return (await backend.call<{ Table: TableDescription }>('DescribeTable', { TableName: table })).Table;
    } catch (error) {
      if (error instanceof BackendError) return error;
      throw error;
    }
  }

  function describeReply(res: ServerResponse, response: BackendResponse, field: string, region: string): void {
    if (response.status !== 200) return pipe(res, response);
    const output = parseJson(response.body);
    output[field] = describeExtras(output[field] as TableDescription, region);
    replyJson(res, response, output);
  }

  async function timeToLive(req: GatewayRequest, res: ServerResponse, input: Json, operation: string) {
    const table = String(input.TableName ?? '');
    const current = await describe(table);
    if (current instanceof BackendError) return pipe(res, current.response);
    const existing = settings.get(table);
    if (operation === 'DescribeTimeToLive') {
      const description = existing.ttl
        ? { TimeToLiveStatus: 'ENABLED', AttributeName: existing.ttl.attributeName }
        : { TimeToLiveStatus: 'DISABLED' };
      return replyJson(res, undefined, { TimeToLiveDescription: description });
    }
    const spec = input.TimeToLiveSpecification as { Enabled?: boolean; AttributeName?: string } | undefined;
    if (!spec || typeof spec.Enabled !== 'boolean' || !spec.AttributeName)
      return replyError(res, 'ValidationException', 'TimeToLiveSpecification needs Enabled and AttributeName');
    if (spec.Enabled && existing.ttl) return replyError(res, 'ValidationException', 'TimeToLive is already enabled');
    if (!spec.Enabled && !existing.ttl) return replyError(res, 'ValidationException', 'TimeToLive is already disabled');
    const { ttl: _previous, ...others } = existing;
    await settings.set(table, spec.Enabled ? { ...others, ttl: { attributeName: spec.AttributeName } } : others);
    forgetExpiries(table);
    if (spec.Enabled && intervalMs > 0) rebuildInBackground();
    replyJson(res, undefined, {
      TimeToLiveSpecification: { Enabled: spec.Enabled, AttributeName: spec.AttributeName },
    });
  }

  const forward = (req: GatewayRequest): Promise<BackendResponse> => backend.send(req.headers, req.body);

  /** A table's items are about to be read afresh (TTL turned on), or are gone (TTL off, table deleted). */
  function forgetExpiries(table: string): void {
    indexed.delete(table);
    expiries.dropTable(table);
  }

  /**
   * Reads the expiries of a TTL table's existing items with a paged Scan: once per table and service start
   * (or TTL switch-on), since from then on every write tells the index itself. Unless someone waits for it
   * (`hurry`), it pauses between pages.
   */
  function rebuildExpiries(table: string): Promise<void> {
    const running = rebuilding.get(table);
    if (running) return running;
    const attribute = ttlAttributeOf(table);
    const job = (async () => {
      if (!attribute) return;
      const keyNames = await keyNamesOf(table).catch(() => undefined);
      if (!keyNames) return;
      const names: Record<string, string> = { '#ttl': attribute };
      keyNames.forEach((name, i) => (names[`#k${i}`] = name));
      let start: Item | undefined;
      do {
        const page: { Items?: Item[]; LastEvaluatedKey?: Item } = await backend.call('Scan', {
          TableName: table,
          Limit: REBUILD_PAGE,
          ProjectionExpression: Object.keys(names).join(', '),
          ExpressionAttributeNames: names,
          ...(start ? { ExclusiveStartKey: start } : {}),
        });
        for (const item of page.Items ?? []) {
          const keys = pickKeys(item, keyNames);
          const at = expiryOf(item, attribute);
          // A write since the page was read told the index the newer truth: keep that.
          if (keys && at !== undefined) expiries.noteIfUnknown(keyId(table, keys), at);
        }
        start = page.LastEvaluatedKey;
        if (start && hurry === 0) await sleep(REBUILD_PAUSE_MS, undefined, { ref: false });
      } while (start && !closed && ttlAttributeOf(table) === attribute);
      if (!closed && ttlAttributeOf(table) === attribute) indexed.add(table);
    })().finally(() => rebuilding.delete(table));
    rebuilding.set(table, job);
    return job;
  }

  const unindexedTables = () => settings.tables().filter((table) => ttlAttributeOf(table) && !indexed.has(table));

  function rebuildInBackground(): void {
    for (const table of unindexedTables())
      rebuildExpiries(table).catch((error: unknown) =>
        console.error(`[dynamodb] reading the TTLs of ${table} failed`, error),
      );
  }

  /** Deletes one item the index says is due, if its TTL still says so; a changed TTL goes back to the index. */
  async function expire(id: string, now: { s: number }): Promise<boolean> {
    const { table, keys } = parseKeyId(id);
    const attribute = ttlAttributeOf(table);
    if (!attribute) return false;
    const condition = '#ttl < :now AND #ttl > :min';
    const values = { ':now': { N: String(now.s) }, ':min': { N: String(now.s - FIVE_YEARS_S) } };
    return mutex.run([id], async () => {
      try {
        const out = await backend.call<{ Attributes?: Item }>('DeleteItem', {
          TableName: table,
          Key: keys,
          ConditionExpression: condition,
          ExpressionAttributeNames: { '#ttl': attribute },
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_OLD',
        });
        emit(table, defaultRegion, keys, out.Attributes, undefined, true);
        return true;
      } catch (error) {
        if (!(error instanceof BackendError) || error.type !== 'ConditionalCheckFailedException') throw error;
        const { Item } = await backend.call<{ Item?: Item }>('GetItem', {
          TableName: table,
          Key: keys,
          ConsistentRead: true,
          ProjectionExpression: '#ttl',
          ExpressionAttributeNames: { '#ttl': attribute },
        });
        if (Item) noteExpiry(table, keys, Item);
        return false;
      }
    });
  }

  /** Deletes what the index has due, a batch at a time, yielding to requests between batches. */
  async function sweep(now: Date): Promise<number> {
    const nowS = Math.floor(now.getTime() / 1000);
    let deleted = 0;
    for (;;) {
      const due = expiries.takeDue(nowS, SWEEP_BATCH);
      if (due.length === 0 || closed) return deleted;
      for (const entry of due) {
        // DynamoDB leaves alone TTLs more than five years in the past (not epoch seconds, most likely).
        if (entry.at <= nowS - FIVE_YEARS_S) continue;
        if (await expire(entry.id, { s: nowS })) deleted++;
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  let sweeping: Promise<number> | undefined;
  const sweepExpired = async (now = new Date()): Promise<number> => {
    hurry++;
    try {
      await Promise.all(unindexedTables().map(rebuildExpiries));
    } finally {
      hurry--;
    }
    while (sweeping) await sweeping.catch(() => undefined);
    sweeping = sweep(now).finally(() => (sweeping = undefined));
    return sweeping;
  };

  const intervalMs = options.ttlSweepIntervalMs ?? 60_000;
  if (intervalMs > 0) rebuildInBackground();
  const sweeper =
    intervalMs > 0
      ? setInterval(() => {
          if (sweeping) return;
          sweeping = sweep(new Date()).finally(() => (sweeping = undefined));
          sweeping.catch((error: unknown) => console.error('[dynamodb] TTL sweep failed', error));
        }, intervalMs).unref()
      : undefined;

  return {
    name: 'dynamodb',
    streams: { subscribe: hub.subscribe, flush: hub.flush },
    sweepExpired,
    expiries: () => ({ tracked: expiries.size(), complete: unindexedTables().length === 0 }),
    operations,
    matches: (req) =>
      String(req.headers['x-amz-target'] ?? '').startsWith(TARGET_PREFIX) || req.url.split('?')[0] === OPERATIONS_PATH,
    async handle(req, res) {
      if (req.headers['x-amz-target'] === undefined) return answerOperations(req, res, operations);
      const operation = String(req.headers['x-amz-target']).slice(TARGET_PREFIX.length);
      let input: Json;
      try {
        input = parseJson(req.body);
      } catch {
        operations.count(operation, []);
        return pipe(res, await forward(req));
      }
      operations.count(operation, tablesOf(input));
      const streamed = typeof input.TableName === 'string' && settings.get(input.TableName).stream !== undefined;
      try {
        switch (operation) {
          case 'PutItem':
            return streamed ? await putOrDelete(req, res, input, 'put') : await plainWrite(req, res, input, operation);
          case 'DeleteItem':
            return streamed
              ? await putOrDelete(req, res, input, 'delete')
              : await plainWrite(req, res, input, operation);
          case 'UpdateItem':
            return streamed ? await updateItem(req, res, input) : await plainWrite(req, res, input, operation);
          case 'BatchWriteItem':
            return await batchWriteItem(req, res, input);
          case 'CreateTable':
            return await createTable(req, res, input);
          case 'DescribeTable':
            return describeReply(res, await forward(req), 'Table', regionOf(req));
          case 'UpdateTable':
            return await updateTable(req, res, input);
          case 'DeleteTable': {
            const response = await forward(req);
            if (response.status === 200) {
              keyNamesCache.delete(String(input.TableName));
              forgetExpiries(String(input.TableName));
              await settings.delete(String(input.TableName));
            }
            return pipe(res, response);
          }
          case 'UpdateTimeToLive':
          case 'DescribeTimeToLive':
            return await timeToLive(req, res, input, operation);
          case 'TransactWriteItems':
          case 'TransactGetItems':
            return replyError(
              res,
              'UnknownOperationException',
              `${operation} is not supported by the local DynamoDB (dynalite); this project does not use transactions.`,
            );
          default:
            return pipe(res, await forward(req));
        }
      } catch (error) {
        // A table that does not exist (key schema lookup) answers as DynamoDB would, from dynalite itself.
        if (error instanceof BackendError && !res.headersSent) return pipe(res, await forward(req));
        throw error;
      }
    },
    async close() {
      closed = true;
      if (sweeper) clearInterval(sweeper);
      await sweeping?.catch(() => undefined);
      await Promise.all([...rebuilding.values()].map((job) => job.catch(() => undefined)));
      await hub.close();
      await backend.close();
    },
  };
}

function streamViewType(value: string | undefined): NonNullable<TableSettings['stream']>['viewType'] {
  return value === 'NEW_IMAGE' || value === 'OLD_IMAGE' || value === 'KEYS_ONLY' ? value : 'NEW_AND_OLD_IMAGES';
}

/** The local-only operations endpoint: GET reads the counts, DELETE zeroes them. */
function answerOperations(req: GatewayRequest, res: ServerResponse, operations: OperationCounter): void {
  if (req.method === 'DELETE') {
    operations.reset();
    res.statusCode = 204;
    res.end();
    return;
  }
  if (req.method !== 'GET') {
    res.statusCode = 405;
    res.setHeader('allow', 'GET, DELETE');
    res.end();
    return;
  }
  const body = Buffer.from(JSON.stringify(operations.snapshot()));
  res.statusCode = 200;
  res.setHeader('content-type', 'application/json');
  res.setHeader('content-length', body.length);
  res.end(body);
}

function regionOf(req: GatewayRequest): string {
  const auth = String(req.headers.authorization ?? '');
  return /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(auth)?.[1] ?? 'us-east-1';
}

function parseJson(body: Buffer): Json {
  return body.length === 0 ? {} : (JSON.parse(body.toString('utf8')) as Json);
}

function pipe(res: ServerResponse, response: BackendResponse): void {
  res.statusCode = response.status;
  for (const name of ['content-type', 'x-amzn-requestid', 'x-amz-crc32', 'x-amzn-errortype']) {
    const value = response.headers[name];
    if (value !== undefined) res.setHeader(name, value);
  }
  res.setHeader('content-length', response.body.length);
  res.end(response.body);
}

/** A JSON answer whose body the service changed: the CRC32 header the SDK may check is recomputed. */
function replyJson(res: ServerResponse, like: BackendResponse | undefined, output: unknown, status = 200): void {
  const body = Buffer.from(JSON.stringify(output));
  res.statusCode = status;
  res.setHeader('content-type', String(like?.headers['content-type'] ?? 'application/x-amz-json-1.0'));
  const requestId = like?.headers['x-amzn-requestid'];
  if (requestId) res.setHeader('x-amzn-requestid', requestId);
  res.setHeader('x-amz-crc32', String(crc32(body)));
  res.setHeader('content-length', body.length);
  res.end(body);
}

function replyError(res: ServerResponse, type: string, message: string): void {
  const namespace = type === 'ValidationException' ? 'com.amazon.coral.validate' : 'com.amazon.coral.service';
  res.setHeader('x-amzn-errortype', type);
  replyJson(res, undefined, { __type: `${namespace}#${type}`, message }, 400);
}

/** Whether an UpdateItem can change `attribute`: its expressions name it, directly or through a placeholder. */
function mentionsAttribute(input: Json, attribute: string): boolean {
  const names = Object.values((input.ExpressionAttributeNames ?? {}) as Record<string, string>);
  const legacy = (input.AttributeUpdates ?? {}) as Record<string, unknown>;
  return names.includes(attribute) || String(input.UpdateExpression ?? '').includes(attribute) || attribute in legacy;
}
