// Turns untrusted input (GraphQL, MCP, voice) into typed values, or into one ValidationError that names
// every offending field by its input path and says how to fix it.
import { z } from 'zod';
import { ValidationError } from './errors';

export type Issue = { field: string; message: string };

function fieldOf(path: (string | number)[]): string {
  return path.map(String).join('.') || 'input';
}

/** Friendlier defaults than zod's ("Required", "Expected number…"), always with a way forward. */
const errorMap: z.ZodErrorMap = (issue, ctx) => {
  const field = fieldOf(issue.path);
  if (issue.code === z.ZodIssueCode.invalid_type) {
    if (issue.received === 'undefined' || issue.received === 'null') {
      return { message: `${field} is required; please provide it.` };
    }
    return { message: `${field} should be a ${issue.expected}, not a ${issue.received}; please correct it.` };
  }
  if (issue.code === z.ZodIssueCode.invalid_enum_value) {
    return {
      message: `${field} '${String(issue.received)}' is not recognised; use one of ${issue.options.join(', ')}.`,
    };
  }
  if (issue.code === z.ZodIssueCode.unrecognized_keys) {
    return { message: `Unknown field(s) ${issue.keys.join(', ')}; remove them.` };
  }
  return { message: `${field}: ${ctx.defaultError}` };
};

export function issuesToError(issues: Issue[], what = 'request'): ValidationError {
  const first = issues[0];
  const message =
    issues.length === 1 && first
      ? first.message
      : `The ${what} has ${issues.length} problems: ${issues.map((i) => i.message).join(' ')}`;
  return new ValidationError(message, {
    issues,
    resolution: 'Correct the fields listed and send it again.',
  });
}

/** Parses with `schema`, returning every issue (field = input path) instead of throwing. */
export function checkInput<S extends z.ZodTypeAny>(
  schema: S,
  input: unknown,
): { ok: true; data: z.output<S> } | { ok: false; issues: Issue[] } {
  const result = schema.safeParse(input, { errorMap });
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    issues: dedupe(result.error.issues.map((i) => ({ field: fieldOf(i.path), message: i.message }))),
  };
}

/** Parses with `schema` or throws a ValidationError listing every issue (field = input path). */
export function parseInput<S extends z.ZodTypeAny>(schema: S, input: unknown, what?: string): z.output<S> {
  const result = checkInput(schema, input);
  if (result.ok) return result.data;
  throw issuesToError(result.issues, what);
}

export function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.field}\u0000${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Trimmed text of bounded length, with messages that name the limits. */
export function text(label: string, min: number, max: number) {
  return z
    .string()
    .transform((s) => s.trim().replace(/\s+/g, ' '))
    .pipe(
      z
        .string()
        .min(min, {
          message:
            min === 1
              ? `${label} is empty; please fill it in.`
              : `${label} is too short; use at least ${min} characters.`,
        })
        .max(max, { message: `${label} is too long; keep it to ${max} characters.` }),
    );
}

/** Optional text: absent, null and blank all mean "not given". */
export function optionalText(label: string, max: number) {
  return z
    .string()
    .nullish()
    .transform((s) => (s == null || s.trim() === '' ? undefined : s.trim().replace(/\s+/g, ' ')))
    .pipe(
      z
        .string()
        .max(max, { message: `${label} is too long; keep it to ${max} characters.` })
        .optional(),
    );
}

/** An enum value that may be missing (GraphQL sends null for absent optional arguments). */
export function optionalEnum<T extends [string, ...string[]]>(values: T) {
  return z
    .enum(values)
    .nullish()
    .transform((v) => v ?? undefined);
}

export const dayString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'day must look like 2025-06-01 (YYYY-MM-DD).' })
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    {
      message: 'day is not a real calendar date; use YYYY-MM-DD.',
    },
  );

export const pageSchema = z
  .object({
    limit: z
      .number()
      .int({ message: 'limit must be a whole number between 1 and 100.' })
      .min(1, { message: 'limit must be at least 1.' })
      .max(100, { message: 'limit can be at most 100; page through the rest with nextToken.' })
      .nullish()
      .transform((v) => v ?? 50),
    nextToken: z
      .string()
      .max(4096, { message: 'nextToken is not one we issued; start again without it.' })
      .nullish()
      .transform((v) => v ?? undefined),
  })
  .nullish()
  .transform((p) => p ?? { limit: 50, nextToken: undefined });

export type PageInput = { limit?: number | null; nextToken?: string | null };
