// Fuzz cases for every Query and Mutation field of the deployed schema, derived from the schema itself so a new
// operation or argument is fuzzed without a line here. A case starts from a plausible call (argument values by
// name from the test's fixtures, otherwise by type) and changes one to three inputs — an argument or a field of an
// input object, at any depth — to a wrong value of the right type (empty, huge, unicode, control characters,
// negative, NaN-like text, dates out of range, another enum value) or, now and then, a value of the wrong shape
// (null, another type, a missing required field, an unknown field, a huge list). Values travel as variables.
import fc from 'fast-check';
import {
  Kind,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  parse,
  print,
  type DocumentNode,
  type FieldNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from '../../../src/local/appsync/graphql-js';

export type Path = readonly (string | number)[];
export type GraphQLCase = {
  /** "Mutation.bookCourier" */
  key: string;
  query: string;
  variables: Record<string, unknown>;
  /** The inputs the case changed from the plausible call. */
  changed: Path[];
  /** Every input path of the operation (arguments and input-object fields). */
  paths: Path[];
  /** Who calls: an index into the test's callers. */
  caller: number;
};

/** Plausible values by argument or input-field name (the test's fixtures: a real reference, courier, day…). */
export type Hints = Record<string, () => unknown>;

// ---- wrong values of the right type ----

const CONTROL = fc
  .array(fc.integer({ min: 0, max: 31 }), { minLength: 1, maxLength: 12 })
  .map((codes) => String.fromCharCode(...codes));
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\t\n ',
    'null',
    'undefined',
    'NaN',
    'Infinity',
    '-1',
    '0',
    '1e309',
    '-0',
    '[object Object]',
    '__proto__',
    'constructor',
    '<script>alert(1)</script>',
    "' OR '1'='1",
    '../../../etc/passwd',
    '%00%0d%0a',
    '\u0000',
    '\u202eevil\u202c',
    '\ufeff',
    '\ud800',
    '😀'.repeat(40),
    'Zoë Ågård-Łukasiewicz',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
    '#',
    'BOOKED#2026-01-01T00:00:00.000Z#',
    ' courier-07 ',
    'COURIER-07',
    'acme\u0000',
    '${jndi:ldap://x}',
    '{{7*7}}',
    'a'.repeat(257),
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  CONTROL,
  fc.integer({ min: 1_000, max: 120_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 300, max: 5_000 }).map((n) => 'é😀'.repeat(n)),
);
export const nastyInt: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -1, 1, -2_147_483_648, 2_147_483_647, 1_000_000, 2 ** 53, -(2 ** 53), 2 ** 31),
  fc.integer(),
  fc.integer({ min: -100, max: 10_000 }),
);
export const nastyFloat: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, -1, 1e308, -1e308, 5e-324, 90.0001, -90.0001, 180.0001, -180.0001, 1e21, 0.1 + 0.2),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: -1000, max: 1000, noNaN: true }),
);
const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const nastyDate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '0000-01-01',
    '0001-01-01',
    '1970-01-01',
    '9999-12-31',
    '2026-02-30',
    '2026-13-01',
    '2026-00-10',
    '2026-1-1',
    '26-01-01',
    'today',
    '2026-01-01T00:00:00Z',
    '+275760-09-13',
  ),
  fc.integer({ min: -4000, max: 4000 }).map((d) => isoDay(Date.now() + d * DAY_MS)),
);
export const nastyDateTime: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '1970-01-01T00:00:00Z',
    '0001-01-01T00:00:00.000Z',
    '9999-12-31T23:59:59.999Z',
    '2026-02-30T10:00:00Z',
    '2026-06-01T25:00:00Z',
    '2026-06-01T10:00:00',
    '2026-06-01T10:00:00+14:00',
    '2026-06-01T10:00:00-12:00',
    '2026-06-01',
    'now',
    '1717236000000',
  ),
  fc
    .integer({ min: -3 * 365 * 24, max: 3 * 365 * 24 })
    .map((h) => new Date(Math.floor((Date.now() + h * 3_600_000) / 3_600_000) * 3_600_000).toISOString()),
  fc.integer({ min: -600, max: 600 }).map((m) => new Date(Date.now() + m * 60_000).toISOString()),
);

/** The raw material of one change; what it becomes depends on the type at the chosen path. */
export type ChangeSeed = {
  at: number;
  shape: number;
  text: string;
  int: number;
  float: number;
  date: string;
  dateTime: string;
  pick: number;
};
export const changeSeed: fc.Arbitrary<ChangeSeed> = fc.record({
  at: fc.nat(),
  shape: fc.integer({ min: 0, max: 99 }),
  text: nastyString,
  int: nastyInt,
  float: nastyFloat,
  date: nastyDate,
  dateTime: nastyDateTime,
  pick: fc.nat(),
});

// ---- the schema, walked ----

type Leaf = { path: Path; type: GraphQLInputType; parentRequired: boolean };

function plausible(type: GraphQLInputType, name: string, hints: Hints, depth = 0): unknown {
  const hint = hints[name];
  if (hint) return hint();
  if (isNonNullType(type)) return plausible(type.ofType, name, hints, depth);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) || hints[field.name])
        value[field.name] = plausible(field.type, field.name, hints, depth + 1);
    }
    return value;
  }
  switch (type.name) {
    case 'Int':
      return 1;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return true;
    case 'AWSDate':
      return isoDay(Date.now());
    case 'AWSDateTime':
      return new Date().toISOString();
    case 'AWSJSON':
      return '{}';
    default:
      return 'fuzz';
  }
}

function leavesOf(args: readonly GraphQLArgument[]): Leaf[] {
  const out: Leaf[] = [];
  const walk = (type: GraphQLInputType, path: Path, parentRequired: boolean, depth: number) => {
    out.push({ path, type, parentRequired });
    const inner = isNonNullType(type) ? type.ofType : type;
    if (depth > 3) return;
    if (isListType(inner)) walk(inner.ofType, [...path, 0], false, depth + 1);
    else if (isInputObjectType(inner))
      for (const f of Object.values(inner.getFields())) walk(f.type, [...path, f.name], true, depth + 1);
  };
  for (const a of args) walk(a.type, [a.name], true, 0);
  return out;
}

function setIn(value: unknown, path: Path, next: unknown, remove = false): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const list = Array.isArray(value) ? [...(value as unknown[])] : [];
    if (list.length === 0) list.push({});
    const i = Math.min(head, list.length - 1);
    list[i] = setIn(list[i], rest, next, remove);
    return list;
  }
  const object = typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : {};
  if (rest.length === 0 && remove) {
    delete (object as Record<string, unknown>)[head!];
    return object;
  }
  (object as Record<string, unknown>)[head!] = setIn((object as Record<string, unknown>)[head!], rest, next, remove);
  return object;
}

/** A wrong value for `type`; `undefined` with `remove` means "leave the input out". */
function wrongValue(
  type: GraphQLInputType,
  seed: ChangeSeed,
  plausibleValue: unknown,
): { value: unknown; remove?: boolean } {
  const structural = seed.shape < 15;
  if (structural) {
    const shapes: { value: unknown; remove?: boolean }[] = [
      { value: null },
      { value: undefined, remove: true },
      { value: 42 },
      { value: 'text' },
      { value: { unknownField: 1 } },
      { value: [plausibleValue, plausibleValue] },
      { value: Array.from({ length: 600 }, () => plausibleValue) },
      { value: true },
    ];
    return shapes[seed.pick % shapes.length]!;
  }
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const options = [[], Array.from({ length: 1 + (seed.pick % 300) }, () => plausibleValue), [seed.text]];
    return { value: options[seed.pick % options.length] };
  }
  if (isEnumType(inner)) {
    const values = inner.getValues().map((v) => v.value as string);
    if (seed.pick % 10 < 7) return { value: values[seed.pick % values.length] };
    const wrong = [values[0]!.toLowerCase(), `${values[0]} `, '', 'UNKNOWN', seed.text];
    return { value: wrong[seed.pick % wrong.length] };
  }
  if (isInputObjectType(inner)) {
    const object =
      typeof plausibleValue === 'object' && plausibleValue !== null ? (plausibleValue as Record<string, unknown>) : {};
    const options = [{}, { ...object, [`x${seed.pick % 7}`]: seed.text }, object];
    return { value: options[seed.pick % options.length] };
  }
  if (isScalarType(inner)) {
    switch (inner.name) {
      case 'Int':
        return { value: seed.int };
      case 'Float':
        return { value: seed.float };
      case 'Boolean':
        return { value: seed.pick % 2 === 0 };
      case 'AWSDate':
        return { value: seed.date };
      case 'AWSDateTime':
        return { value: seed.dateTime };
      default:
        return { value: seed.text };
    }
  }
  return { value: seed.text };
}

export type RootField = {
  key: string;
  field: GraphQLField<unknown, unknown>;
  query: string;
  leaves: Leaf[];
};

/** Every Query and Mutation field, each with a document that passes every argument as a variable. */
export function rootFields(schema: GraphQLSchema, documents: readonly string[]): RootField[] {
  // The selection the app's own operations make for a field, where one exists (so presenters run too).
  const selections = new Map<string, { field: FieldNode; doc: DocumentNode }>();
  for (const text of documents) {
    let doc: DocumentNode;
    try {
      doc = parse(text);
    } catch {
      continue;
    }
    for (const def of doc.definitions) {
      if (def.kind !== Kind.OPERATION_DEFINITION) continue;
      for (const sel of (def as OperationDefinitionNode).selectionSet.selections) {
        if (sel.kind !== Kind.FIELD) continue;
        const key = `${def.operation === 'query' ? 'Query' : def.operation === 'mutation' ? 'Mutation' : 'Subscription'}.${sel.name.value}`;
        if (!selections.has(key)) selections.set(key, { field: sel, doc });
      }
    }
  }
  const out: RootField[] = [];
  for (const [typeName, type] of [
    ['Query', schema.getQueryType()],
    ['Mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      const key = `${typeName}.${field.name}`;
      const found = selections.get(key);
      const selection = found?.field.selectionSet ? print(found.field.selectionSet) : '';
      const fragments = found
        ? found.doc.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => print(d))
        : [];
      const returnsObject = getNamedType(field.type).astNode?.kind === Kind.OBJECT_TYPE_DEFINITION;
      const body = returnsObject ? selection || '{ __typename }' : '';
      const vars = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
      const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const op = typeName === 'Query' ? 'query' : 'mutation';
      const query = [
        `${op} Fuzz${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''} ${body} }`,
        ...fragments.filter((f) => usesNested(f, body, fragments)),
      ].join('\n');
      out.push({ key, field, query, leaves: leavesOf(field.args) });
    }
  }
  return out;
}

/** Whether a fragment is reached from the body through other fragments. */
function usesNested(fragment: string, body: string, all: readonly string[]): boolean {
  const name = /fragment (\w+)/.exec(fragment)?.[1];
  if (!name) return false;
  const seen = new Set<string>();
  const queue = [body];
  while (queue.length > 0) {
    const text = queue.pop()!;
    for (const m of text.matchAll(/\.\.\.(\w+)/g)) {
      const used = m[1]!;
      if (used === name) return true;
      if (seen.has(used)) continue;
      seen.add(used);
      const def = all.find((f) => f.startsWith(`fragment ${used} `));
      if (def) queue.push(def);
    }
  }
  return false;
}

/** The plausible call of a root field: required arguments and those the hints know, by name or by type. */
export function plausibleVariables(root: RootField, hints: Hints): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  for (const a of root.field.args) {
    if (isNonNullType(a.type) || hints[a.name]) vars[a.name] = plausible(a.type, a.name, hints);
  }
  return vars;
}

/** Fuzz cases over `roots`, each from its plausible call with 1–3 inputs changed; `callers` is how many callers. */
export function graphqlCases(roots: readonly RootField[], hints: Hints, callers: number): fc.Arbitrary<GraphQLCase> {
  return fc
    .record({
      root: fc.nat({ max: roots.length - 1 }),
      caller: fc.nat({ max: callers - 1 }),
      changes: fc.array(changeSeed, { minLength: 1, maxLength: 3 }),
      untouched: fc.integer({ min: 0, max: 19 }),
    })
    .map(({ root: i, caller, changes, untouched }) => {
      const root = roots[i]!;
      let variables = plausibleVariables(root, hints);
      const changed: Path[] = [];
      // One case in twenty is the plausible call itself: successes must leave whole items too.
      if (untouched > 0 && root.leaves.length > 0) {
        for (const seed of changes) {
          const leaf = root.leaves[seed.at % root.leaves.length]!;
          const current = leaf.path.reduce<unknown>(
            (v, k) => (v as Record<string | number, unknown> | undefined)?.[k],
            variables,
          );
          const base = current ?? plausible(leaf.type, String(leaf.path.at(-1)), hints);
          const { value, remove } = wrongValue(leaf.type, seed, base);
          variables = setIn(variables, leaf.path, value, remove) as Record<string, unknown>;
          changed.push(leaf.path);
        }
      }
      return { key: root.key, query: root.query, variables, changed, caller, paths: root.leaves.map((l) => l.path) };
    });
}
