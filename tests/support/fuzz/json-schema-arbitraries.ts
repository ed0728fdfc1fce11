// Fuzz arguments for MCP tools from the JSON Schema each tool publishes (tools/list), so a new tool or parameter is
// fuzzed without a line here: a plausible call (values by name from the test's hints, else by type) with one to
// three inputs changed to a wrong value of the right type or, now and then, of the wrong shape.
import fc from 'fast-check';
import { changeSeed, type ChangeSeed, type Hints, type Path } from './graphql-arbitraries';

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  format?: string;
  anyOf?: JsonSchema[];
};

type Leaf = { path: Path; schema: JsonSchema };

const typeOf = (s: JsonSchema): string | undefined =>
  Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : (s.type ?? s.anyOf?.map(typeOf).find(Boolean));

function plausible(schema: JsonSchema, name: string, hints: Hints): unknown {
  const hint = hints[name];
  if (hint) return hint();
  if (schema.enum) return schema.enum[0];
  switch (typeOf(schema) ?? 'string') {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(k) || hints[k]) out[k] = plausible(v, k, hints);
      }
      return out;
    }
    case 'array':
      return [];
    case 'integer':
      return 1;
    case 'number':
      return 1.5;
    case 'boolean':
      return true;
    default:
      return 'fuzz';
  }
}

function leavesOf(schema: JsonSchema, path: Path = [], depth = 0): Leaf[] {
  const out: Leaf[] = path.length > 0 ? [{ path, schema }] : [];
  if (depth > 3) return out;
  if (typeOf(schema) === 'object')
    for (const [k, v] of Object.entries(schema.properties ?? {})) out.push(...leavesOf(v, [...path, k], depth + 1));
  if (typeOf(schema) === 'array' && schema.items) out.push(...leavesOf(schema.items, [...path, 0], depth + 1));
  return out;
}

function setIn(value: unknown, path: Path, next: unknown, remove: boolean): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const list = Array.isArray(value) ? [...(value as unknown[])] : [{}];
    const i = Math.min(head, Math.max(0, list.length - 1));
    list[i] = setIn(list[i], rest, next, remove);
    return list;
  }
  const object: Record<string, unknown> =
    typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...(value as object) } : {};
  if (rest.length === 0 && remove) delete object[head!];
  else object[head!] = setIn(object[head!], rest, next, remove);
  return object;
}

function wrongValue(schema: JsonSchema, seed: ChangeSeed, base: unknown): { value: unknown; remove?: boolean } {
  if (seed.shape < 15) {
    const shapes: { value: unknown; remove?: boolean }[] = [
      { value: null },
      { value: undefined, remove: true },
      { value: 42 },
      { value: 'text' },
      { value: { unknownField: 1 } },
      { value: [base, base] },
      { value: true },
    ];
    return shapes[seed.pick % shapes.length]!;
  }
  if (schema.enum) {
    if (seed.pick % 10 < 7) return { value: schema.enum[seed.pick % schema.enum.length] };
    return { value: [String(schema.enum[0]).toLowerCase(), '', 'UNKNOWN', seed.text][seed.pick % 4] };
  }
  switch (typeOf(schema) ?? 'string') {
    case 'integer':
      return { value: seed.int };
    case 'number':
      return { value: seed.float };
    case 'boolean':
      return { value: seed.pick % 2 === 0 };
    case 'array':
      return { value: [[], Array.from({ length: 1 + (seed.pick % 50) }, () => base), [seed.text]][seed.pick % 3] };
    case 'object':
      return { value: [{}, { ...(base as object), extra: seed.text }][seed.pick % 2] };
    default:
      if (schema.format === 'date-time' || /At$|Start$|End$|since/i.test(schema.format ?? '')) {
        return { value: seed.dateTime };
      }
      return { value: [seed.text, seed.dateTime, seed.date][seed.pick % 3] };
  }
}

export type ToolCase = { tool: string; args: Record<string, unknown>; changed: Path[]; paths: Path[] };

/** Fuzz cases over the tools as listed, each from its plausible call with 1–3 inputs changed. */
export function toolCases(
  tools: readonly { name: string; inputSchema: JsonSchema }[],
  hints: Hints,
): fc.Arbitrary<ToolCase> {
  const prepared = tools.map((t) => ({ name: t.name, schema: t.inputSchema, leaves: leavesOf(t.inputSchema) }));
  return fc
    .record({
      tool: fc.nat({ max: prepared.length - 1 }),
      changes: fc.array(changeSeed, { minLength: 1, maxLength: 3 }),
      untouched: fc.integer({ min: 0, max: 19 }),
    })
    .map(({ tool, changes, untouched }) => {
      const t = prepared[tool]!;
      let args = plausible(t.schema, '', {}) as Record<string, unknown>;
      for (const [k, v] of Object.entries(t.schema.properties ?? {})) {
        if (t.schema.required?.includes(k) || hints[k]) args[k] = plausible(v, k, hints);
      }
      const changed: Path[] = [];
      if (untouched > 0 && t.leaves.length > 0) {
        for (const seed of changes) {
          const leaf = t.leaves[seed.at % t.leaves.length]!;
          const current = leaf.path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)?.[k], args);
          const { value, remove } = wrongValue(leaf.schema, seed, current ?? plausible(leaf.schema, '', hints));
          args = setIn(args, leaf.path, value, remove ?? false) as Record<string, unknown>;
          changed.push(leaf.path);
        }
      }
      return { tool: t.name, args, changed, paths: t.leaves.map((l) => l.path) };
    });
}
