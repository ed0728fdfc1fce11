// Tool parameters: zod schemas published to clients as JSON Schema, but checked inside the tool call, so a bad
// argument comes back as a tool error (isError) the agent can read and correct — naming each field — and is
// audited like any other call, instead of surfacing as a bare JSON-RPC protocol error.
import { z } from 'zod/v4';
import type { ToolParameters } from 'fastmcp';
import { ValidationError } from '../../src/core/errors';

/** The JSON Schema clients see: the zod schema's own, descriptions included. */
export function toolParameters(schema: z.ZodType): ToolParameters {
  const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  delete json.$schema;
  return {
    '~standard': {
      version: 1,
      vendor: 'courier-mcp',
      // Accept anything here: parseToolArguments checks it where the error can be answered as a tool error.
      validate: (value: unknown) => ({ value }),
      jsonSchema: { input: () => json, output: () => json },
    },
  } as ToolParameters;
}

const pathOf = (path: readonly PropertyKey[]) => path.map(String).join('.');

function valueAt(args: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = args;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

const A_TYPE: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
};

/** One readable sentence per issue, each naming the offending field. */
function describeIssue(issue: z.core.$ZodIssue, args: unknown): { field: string; message: string } {
  const field = pathOf(issue.path) || 'arguments';
  switch (issue.code) {
    case 'invalid_type': {
      if (valueAt(args, issue.path) === undefined) {
        return { field, message: `${field} is required.` };
      }
      return { field, message: `${field} must be ${A_TYPE[issue.expected] ?? issue.expected}.` };
    }
    case 'invalid_value':
      return { field, message: `${field} must be one of ${issue.values.map(String).join(', ')}.` };
    case 'unrecognized_keys': {
      const keys = issue.keys.map((k) => (field === 'arguments' ? k : `${field}.${k}`));
      return {
        field: keys[0] ?? field,
        message: `${keys.join(', ')} ${keys.length === 1 ? 'is not a parameter' : 'are not parameters'} of this tool; check the spelling against its input schema.`,
      };
    }
    case 'too_small':
    case 'too_big': {
      if (!/^Too (small|big)/.test(issue.message)) break;
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const atLeast = issue.code === 'too_small';
      if (issue.origin === 'string') {
        if (atLeast && Number(bound) === 1) return { field, message: `${field} must not be empty.` };
        return { field, message: `${field} must be ${atLeast ? 'at least' : 'at most'} ${bound} characters long.` };
      }
      if (issue.origin === 'array') {
        return { field, message: `${field} must have ${atLeast ? 'at least' : 'at most'} ${bound} items.` };
      }
      const strict = issue.inclusive === false;
      const relation = atLeast ? (strict ? 'more than' : 'at least') : strict ? 'less than' : 'at most';
      return { field, message: `${field} must be ${relation} ${bound}.` };
    }
    case 'invalid_format':
      if (/^Invalid/.test(issue.message)) return { field, message: `${field} is not in the expected format.` };
      break;
    case 'custom':
    case 'invalid_element':
    case 'invalid_key':
    case 'invalid_union':
    case 'not_multiple_of':
    case undefined:
      break;
  }
  // Our schemas phrase their own messages with the field name; otherwise prefix it.
  return { field, message: issue.message.includes(field) ? issue.message : `${field}: ${issue.message}` };
}

/** Parses a tool's arguments, or throws a ValidationError listing every problem by field. */
export function parseToolArguments<S extends z.ZodType>(tool: string, schema: S, args: unknown): z.output<S> {
  const parsed = schema.safeParse(args ?? {});
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => describeIssue(i, args ?? {}));
  const message =
    issues.length === 1
      ? `Invalid arguments for ${tool}: ${issues[0]!.message}`
      : `Invalid arguments for ${tool} (${issues.length} problems): ${issues.map((i) => i.message).join(' ')}`;
  throw new ValidationError(message, { issues });
}
