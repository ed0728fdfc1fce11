// Reading fields of a Lex V2 models request the way the service validates them: a missing or malformed field
// is a ValidationException naming the field and what a valid value looks like.
import { invalid } from './lex-errors';

/** Lex's name pattern for bots, aliases, intents, slots and slot types. */
export const LEX_NAME = /^([0-9a-zA-Z][_-]?){1,100}$/;
const NAME_HELP = '1–100 letters or digits, each optionally followed by _ or -';

export function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid(`Value at '${field}' must be a string.`);
  return value;
}

export function requireString(body: Record<string, unknown>, field: string): string {
  const value = optionalString(body, field);
  if (value === undefined || value === '') {
    throw invalid(
      `1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must not be null. Give ${field}.`,
    );
  }
  return value;
}

export function requireName(body: Record<string, unknown>, field: string): string {
  const value = requireString(body, field);
  if (!LEX_NAME.test(value)) {
    throw invalid(
      `Value '${value}' at '${field}' failed to satisfy constraint: Member must satisfy regular expression pattern (${NAME_HELP}).`,
    );
  }
  return value;
}

export function requireNumber(body: Record<string, unknown>, field: string, min: number, max: number): number {
  const value = body[field];
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw invalid(
      `1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must not be null. Give a number from ${min} to ${max}.`,
    );
  }
  if (value < min || value > max) {
    throw invalid(
      `Value ${value} at '${field}' failed to satisfy constraint: Member must be between ${min} and ${max}.`,
    );
  }
  return value;
}

export function optionalObject<T>(body: Record<string, unknown>, field: string): T | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid(`Value at '${field}' must be an object.`);
  return value as T;
}

export function optionalArray<T>(body: Record<string, unknown>, field: string): T[] | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw invalid(`Value at '${field}' must be a list.`);
  return value as T[];
}

/** The body without the given fields and without nulls: what the emulator stores and echoes back. */
export function specOf<T>(body: Record<string, unknown>, omit: string[] = []): T {
  return Object.fromEntries(
    Object.entries(body).filter(([key, value]) => value !== null && value !== undefined && !omit.includes(key)),
  ) as T;
}

export type ListFilter = { name?: string; values?: string[]; operator?: string };

/** Lex's list filters: EQ (equals), CO (contains), NCO (does not contain); any of the values may match. */
export function passesFilters(filters: ListFilter[] | undefined, fields: Record<string, string | undefined>): boolean {
  for (const filter of filters ?? []) {
    const field = fields[filter.name ?? ''];
    if (filter.name && !(filter.name in fields)) {
      throw invalid(
        `Filter name '${filter.name}' isn't supported here. Use one of: ${Object.keys(fields).join(', ')}.`,
      );
    }
    const values = filter.values ?? [];
    const actual = field ?? '';
    const test = (v: string) => {
      switch (filter.operator) {
        case 'EQ':
          return actual === v;
        case 'NCO':
          return !actual.includes(v);
        case 'CO':
        case undefined:
          return actual.includes(v);
        default:
          throw invalid(`Filter operator '${filter.operator}' isn't valid. Use EQ, CO or NCO.`);
      }
    };
    if (filter.operator === 'NCO' ? !values.every(test) : !values.some(test)) return false;
  }
  return true;
}

/** One page of a list, with Lex's opaque nextToken (here the offset, base64). */
export function paginate<T>(items: T[], body: Record<string, unknown>): { page: T[]; nextToken?: string } {
  const maxResults = body.maxResults === undefined ? 10 : requireNumber(body, 'maxResults', 1, 1000);
  const token = optionalString(body, 'nextToken');
  const start = token === undefined ? 0 : Number(Buffer.from(token, 'base64').toString('utf8'));
  if (!Number.isInteger(start) || start < 0)
    throw invalid('nextToken is not a token this API returned. Start again without it.');
  const page = items.slice(start, start + maxResults);
  const next = start + maxResults;
  return next < items.length ? { page, nextToken: Buffer.from(String(next)).toString('base64') } : { page };
}

/** Sorts by a string key, ascending unless sortBy.order is Descending. */
export function sortItems<T>(items: T[], key: (item: T) => string, sortBy: { order?: string } | undefined): T[] {
  const sorted = [...items].sort((a, b) => key(a).localeCompare(key(b), 'en', { numeric: true }));
  return sortBy?.order === 'Descending' ? sorted.reverse() : sorted;
}
