// The one test for "a JSON object" (not null, not an array) that input read from outside is checked with.

/** Whether `value` is a plain object whose keys can be read: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
