// The local DynamoDB behind the gateway: dynalite in-process, plus what dynalite lacks — DynamoDB Streams
// records (captured around each write under a per-item lock), time-to-live settings and expiry.
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { GatewayRequest, GatewayService } from '../gateway-service';
import { BackendError, startDynaliteBackend, type BackendResponse } from './dynalite-backend';
import { createKeyMutex } from './key-mutex';
import { createOperationCounter, OPERATIONS_PATH, tablesOf, type OperationCounter } from './operation-counter';
import { createStreamHub, type LocalStreams, type StreamDeliveryOptions } from './local-streams';
import { buildStreamRecord, canonicalItem, keyId, streamArn, streamLabel, type Item } from './stream-record';
import { openTableSettings, type TableSettings } from './table-settings';

export type DynamoServiceOptions = {
  /** Persist tables and settings here; in memory when absent. */
  dataDir?: string;
  /** Region for records of writes made without a client request (TTL expiry). */
  region?: string;
  /** How often expired items are deleted; 0 turns the sweeper off (call `sweepExpired` yourself). */
  ttlSweepIntervalMs?: number;
  streams?: StreamDeliveryOptions;
};

export type DynamoService = GatewayService & {
  streams: LocalStreams;
  /** Deletes every item whose TTL attribute is before `now`, as DynamoDB's TTL process does; returns the count. */
  sweepExpired(now?: Date): Promise<number>;
  /** Client calls received, by table and operation; also served at `OPERATIONS_PATH` (GET, DELETE resets). */
  operations: OperationCounter;
};

const TARGET_PREFIX = 'DynamoDB_20120810.';
const TTL_SERVICE_IDENTITY = { type: 'Service', principalId: 'dynamodb.amazonaws.com' } as const;
const FIVE_YEARS_S = 5 * 365 * 24 * 3600;

type Json = Record<string, unknown>;
type WriteRequest = { PutRequest?: { Item: Item }; DeleteRequest?: { Key: Item } };
type TableDescription = Json & {
  TableName?: string;
  KeySchema?: { AttributeName: string }[];
};

export async function createDynamoService(options: DynamoServiceOptions = {}): Promise<DynamoService> {
  const backend = await startDynaliteBackend({ path: options.dataDir && join(options.dataDir, 'dynalite') });
  const settings = await openTableSettings(options.dataDir && join(options.dataDir, 'table-settings.json'));
  const hub = createStreamHub(options.streams);
  const mutex = createKeyMutex();
  const keyNamesCache = new Map<string, string[]>();
  const defaultRegion = options.region ?? 'us-east-1';
  const operations = createOperationCounter();

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
        if (response.status === 200) emit(table, regionOf(req), keys, oldImage, await getImage());
        return pipe(res, response);
      }
      const response = await send(req, { ...input, ReturnValues: 'ALL_NEW' });
      if (response.status !== 200) return pipe(res, response);
      const output = parseJson(response.body);
      const newImage = output.Attributes as Item | undefined;
      if (clientReturn === 'ALL_OLD' && oldImage) output.Attributes = oldImage;
      else if (clientReturn !== 'ALL_NEW') delete output.Attributes;
      emit(table, regionOf(req), keys, oldImage, newImage);
      replyJson(res, response, output);
    });
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
    if (writes.length === 0) return pipe(res, await forward(req));
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
        pipe(res, response);
      },
    );
  }

  async function createTable(req: GatewayRequest, res: ServerResponse, input: Json) {
    const table = String(input.TableName);
    const response = await forward(req);
    if (response.status !== 200) return pipe(res, response);
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
    replyJson(res, undefined, {
      TimeToLiveSpecification: { Enabled: spec.Enabled, AttributeName: spec.AttributeName },
    });
  }

  const forward = (req: GatewayRequest): Promise<BackendResponse> => backend.send(req.headers, req.body);

  let sweeping: Promise<number> | undefined;
  async function sweep(now: Date): Promise<number> {
    const nowS = Math.floor(now.getTime() / 1000);
    const values = { ':now': { N: String(nowS) }, ':min': { N: String(nowS - FIVE_YEARS_S) } };
    const condition = '#ttl < :now AND #ttl > :min';
    let deleted = 0;
    for (const table of settings.tables()) {
      const ttl = settings.get(table).ttl;
      if (!ttl) continue;
      const keyNames = await keyNamesOf(table).catch(() => undefined);
      if (!keyNames) continue;
      const names = Object.fromEntries(keyNames.map((name, i) => [`#k${i}`, name]));
      let start: Item | undefined;
      do {
        const page: { Items?: Item[]; LastEvaluatedKey?: Item } = await backend.call('Scan', {
          TableName: table,
          FilterExpression: condition,
          ProjectionExpression: Object.keys(names).join(', '),
          ExpressionAttributeNames: { ...names, '#ttl': ttl.attributeName },
          ExpressionAttributeValues: values,
          ...(start ? { ExclusiveStartKey: start } : {}),
        });
        for (const keys of page.Items ?? []) {
          const removed = await mutex.run([keyId(table, keys)], async () => {
            try {
              const out = await backend.call<{ Attributes?: Item }>('DeleteItem', {
                TableName: table,
                Key: keys,
                ConditionExpression: condition,
                ExpressionAttributeNames: { '#ttl': ttl.attributeName },
                ExpressionAttributeValues: values,
                ReturnValues: 'ALL_OLD',
              });
              emit(table, defaultRegion, keys, out.Attributes, undefined, true);
              return true;
            } catch (error) {
              if (error instanceof BackendError && error.type === 'ConditionalCheckFailedException') return false;
              throw error;
            }
          });
          if (removed) deleted++;
        }
        start = page.LastEvaluatedKey;
      } while (start);
    }
    return deleted;
  }

  const sweepExpired = async (now = new Date()): Promise<number> => {
    while (sweeping) await sweeping.catch(() => undefined);
    sweeping = sweep(now).finally(() => (sweeping = undefined));
    return sweeping;
  };

  const intervalMs = options.ttlSweepIntervalMs ?? 60_000;
  const sweeper =
    intervalMs > 0
      ? setInterval(() => {
          if (!sweeping) sweepExpired().catch((error: unknown) => console.error('[dynamodb] TTL sweep failed', error));
        }, intervalMs).unref()
      : undefined;

  return {
    name: 'dynamodb',
    streams: { subscribe: hub.subscribe, flush: hub.flush },
    sweepExpired,
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
            return streamed ? await putOrDelete(req, res, input, 'put') : pipe(res, await forward(req));
          case 'DeleteItem':
            return streamed ? await putOrDelete(req, res, input, 'delete') : pipe(res, await forward(req));
          case 'UpdateItem':
            return streamed ? await updateItem(req, res, input) : pipe(res, await forward(req));
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
      if (sweeper) clearInterval(sweeper);
      await sweeping?.catch(() => undefined);
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
