// Builds DynamoDB Streams records exactly as AWS Lambda receives them (NEW_AND_OLD_IMAGES view), from the
// old and new images the DynamoDB service captured around a write.
import { randomUUID } from 'node:crypto';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';

export type Item = Record<string, AttributeValue>;

export const LOCAL_ACCOUNT_ID = '000000000000';

/** AWS's stream label: the stream's creation instant, ISO without the zone letter. */
export function streamLabel(at: Date): string {
  return at.toISOString().replace(/Z$/, '');
}

export function streamArn(region: string, table: string, label: string): string {
  return `arn:aws:dynamodb:${region}:${LOCAL_ACCOUNT_ID}:table/${table}/stream/${label}`;
}

let lastSequence = BigInt(Date.now()) * 1_000_000n;

/** Strictly increasing across the process and, clock permitting, across restarts (persisted data). */
function nextSequenceNumber(): string {
  const floor = BigInt(Date.now()) * 1_000_000n;
  lastSequence = lastSequence < floor ? floor : lastSequence + 1n;
  return lastSequence.toString();
}

/**
 * Records from now on are numbered after `sequenceNumber` whatever the clock says: a stream log reopened
 * after a restart (or a clock set back) must never see a new record sort before one it already holds.
 */
export function continueSequenceAfter(sequenceNumber: string): void {
  const seen = BigInt(sequenceNumber);
  if (seen > lastSequence) lastSequence = seen;
}

export type ChangeInput = {
  region: string;
  table: string;
  label: string;
  keys: Item;
  oldImage?: Item;
  newImage?: Item;
  /** Set for deletions DynamoDB makes itself (TTL expiry). */
  userIdentity?: { type: 'Service'; principalId: 'dynamodb.amazonaws.com' };
  now?: Date;
};

/** The stream record for a change, or undefined when the write changed nothing (AWS writes no record then). */
export function buildStreamRecord(change: ChangeInput): DynamoDBRecord | undefined {
  const { oldImage, newImage } = change;
  if (!oldImage && !newImage) return undefined;
  if (oldImage && newImage && imagesEqual(oldImage, newImage)) return undefined;
  const eventName = !oldImage ? 'INSERT' : !newImage ? 'REMOVE' : 'MODIFY';
  const record: DynamoDBRecord = {
    eventID: randomUUID().replace(/-/g, ''),
    eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: change.region,
    dynamodb: {
      ApproximateCreationDateTime: Math.floor((change.now ?? new Date()).getTime() / 1000),
      Keys: change.keys,
      ...(newImage ? { NewImage: newImage } : {}),
      ...(oldImage ? { OldImage: oldImage } : {}),
      SequenceNumber: nextSequenceNumber(),
      SizeBytes: itemSizeBytes(change.keys) + itemSizeBytes(newImage) + itemSizeBytes(oldImage),
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    eventSourceARN: streamArn(change.region, change.table, change.label),
  };
  if (change.userIdentity) record.userIdentity = change.userIdentity;
  return record;
}

/** DynamoDB's item-size rules (names + values; numbers ≈ significant digits / 2 + 1). */
export function itemSizeBytes(item: Item | undefined): number {
  if (!item) return 0;
  let size = 0;
  for (const [name, value] of Object.entries(item)) size += Buffer.byteLength(name) + valueSize(value);
  return size;
}

function valueSize(value: AttributeValue): number {
  if (value.S !== undefined) return Buffer.byteLength(value.S);
  if (value.N !== undefined) return numberSize(value.N);
  if (value.B !== undefined) return Buffer.from(value.B, 'base64').length;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS) return value.SS.reduce((n, s) => n + Buffer.byteLength(s), 0);
  if (value.NS) return value.NS.reduce((n, s) => n + numberSize(s), 0);
  if (value.BS) return value.BS.reduce((n, s) => n + Buffer.from(s, 'base64').length, 0);
  if (value.L) return 3 + value.L.reduce((n, v) => n + 1 + valueSize(v), 0);
  if (value.M) return 3 + Object.entries(value.M).reduce((n, [k, v]) => n + 1 + Buffer.byteLength(k) + valueSize(v), 0);
  return 0;
}

function numberSize(n: string): number {
  const digits = canonicalNumber(n).replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(Math.max(digits.length, 1) / 2) + 1;
}

/**
 * A number as DynamoDB (and dynalite, through big.js `toFixed()`) stores it: plain notation, no
 * leading or trailing zeros. Needed because a PutItem's new image is taken from the request.
 */
export function canonicalNumber(input: string): string {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(input.trim());
  if (!match) return input;
  const [, sign = '', int = '', frac = '', exp = '0'] = match;
  let digits = int + frac;
  let point = int.length + Number(exp);
  const lead = /^0*/.exec(digits)?.[0].length ?? 0;
  digits = digits.slice(lead);
  point -= lead;
  digits = digits.replace(/0+$/, '');
  if (digits === '') return '0';
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return sign === '-' ? `-${out}` : out;
}

/** The item as stored: numbers canonical. */
export function canonicalItem(item: Item): Item {
  return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, canonicalValue(v)])) as Item;
}

function canonicalValue(value: AttributeValue): AttributeValue {
  if (value.N !== undefined) return { N: canonicalNumber(value.N) };
  if (value.NS) return { NS: value.NS.map(canonicalNumber) };
  if (value.L) return { L: value.L.map(canonicalValue) };
  if (value.M) return { M: canonicalItem(value.M) };
  return value;
}

/** Equal as DynamoDB sees it: attribute order, set order and number spelling do not matter. */
export function imagesEqual(a: Item, b: Item): boolean {
  return sortedJson({ M: a }) === sortedJson({ M: b });
}

function sortedJson(value: AttributeValue): string {
  if (value.N !== undefined) return JSON.stringify({ N: canonicalNumber(value.N) });
  if (value.NS) return JSON.stringify({ NS: value.NS.map(canonicalNumber).sort() });
  if (value.SS) return JSON.stringify({ SS: [...value.SS].sort() });
  if (value.BS) return JSON.stringify({ BS: [...value.BS].sort() });
  if (value.L) return `{"L":[${value.L.map(sortedJson).join(',')}]}`;
  if (value.M) {
    const entries = Object.keys(value.M)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${sortedJson(value.M![k]!)}`);
    return `{"M":{${entries.join(',')}}}`;
  }
  return JSON.stringify(value);
}

/** A stable string for an item key, for locks and lookups. */
export function keyId(table: string, keys: Item): string {
  return `${table}\u0000${sortedJson({ M: keys })}`;
}

/** The table and keys a `keyId` was made from. */
export function parseKeyId(id: string): { table: string; keys: Item } {
  const split = id.indexOf('\u0000');
  return { table: id.slice(0, split), keys: (JSON.parse(id.slice(split + 1)) as { M: Item }).M };
}
