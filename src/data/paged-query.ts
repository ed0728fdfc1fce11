// Pagination over DynamoDB Query/Scan: opaque nextTokens (base64url of LastEvaluatedKey) and pages that
// are filled up to the limit even when a FilterExpression drops items.
import {
  QueryCommand,
  ScanCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
  type ScanCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ValidationError } from '../core/errors';
import type { Page } from '../core/ports';

type Key = Record<string, string | number>;

export function encodeNextToken(key: Key | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key), 'utf8').toString('base64url') : undefined;
}

/** The LastEvaluatedKey inside a token; a token we did not make is the caller's mistake, not a fault. */
export function decodeNextToken(token: string | undefined): Key | undefined {
  if (token === undefined) return undefined;
  const invalid = () => new ValidationError('nextToken is not a token this API returned.', { field: 'nextToken' });
  if (!/^[A-Za-z0-9_-]+$/.test(token)) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid();
  const entries = Object.entries(parsed);
  if (entries.length === 0 || entries.some(([, v]) => typeof v !== 'string' && typeof v !== 'number')) throw invalid();
  return parsed as Key;
}

function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new ValidationError('limit must be a whole number from 1 to 1000.', { field: 'limit' });
}

/** Queries until `limit` items matched or the index is exhausted; the token resumes after the last item returned. */
export async function queryPage<T>(
  doc: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'Limit' | 'ExclusiveStartKey'>,
  page: { limit: number; nextToken?: string },
  decode: (item: Record<string, unknown>) => T,
): Promise<Page<T>> {
  return collect(
    page,
    (limit, start) => doc.send(new QueryCommand({ ...input, Limit: limit, ExclusiveStartKey: start })),
    decode,
  );
}

export async function scanPage<T>(
  doc: DynamoDBDocumentClient,
  input: Omit<ScanCommandInput, 'Limit' | 'ExclusiveStartKey'>,
  page: { limit: number; nextToken?: string },
  decode: (item: Record<string, unknown>) => T,
): Promise<Page<T>> {
  return collect(
    page,
    (limit, start) => doc.send(new ScanCommand({ ...input, Limit: limit, ExclusiveStartKey: start })),
    decode,
  );
}

async function collect<T>(
  page: { limit: number; nextToken?: string },
  read: (
    limit: number,
    start: Key | undefined,
  ) => Promise<{ Items?: Record<string, unknown>[]; LastEvaluatedKey?: Record<string, unknown> }>,
  decode: (item: Record<string, unknown>) => T,
): Promise<Page<T>> {
  checkLimit(page.limit);
  let start = decodeNextToken(page.nextToken);
  const items: T[] = [];
  do {
    let output;
    try {
      output = await read(page.limit - items.length, start);
    } catch (error) {
      // A well-formed token from another query names the wrong key attributes: DynamoDB says ValidationException.
      if (page.nextToken && (error as Error).name === 'ValidationException')
        throw new ValidationError('nextToken does not belong to this query.', { field: 'nextToken', cause: error });
      throw error;
    }
    for (const item of output.Items ?? []) items.push(decode(item));
    start = output.LastEvaluatedKey as Key | undefined;
  } while (start && items.length < page.limit);
  const nextToken = encodeNextToken(start);
  return nextToken ? { items, nextToken } : { items };
}

/** ConditionalCheckFailedException by name: lib-dynamodb and client-dynamodb may be separate copies. */
export function isConditionalCheckFailed(error: unknown): boolean {
  return (error as { name?: string } | null)?.name === 'ConditionalCheckFailedException';
}
