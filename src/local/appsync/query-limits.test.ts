import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_LIMITS } from '../../api/query-limits';
import { buildExecutableSchema } from './executable-schema';
import { Kind, parse, specifiedRules, validate, type DefinitionNode } from './graphql-js';
import { QUERY_LIMIT_ERROR_TYPE, checkTokenLimit, queryLimitRules } from './query-limits';
import { FIXTURE_API_KEY, signedPost, startFixtureStack, type FixtureStack } from './test-fixtures';

const ROOT = join(import.meta.dirname, '../../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

type GraphQLBody = { data?: unknown; errors?: { errorType?: string; message: string }[] };

describe('every operation the project ships stays inside the limits', () => {
  // Builds the whole deployed schema: seconds on a loaded machine, so it has a budget of its own.
  it('validates each operation of graphql/operations with the limit rules and no error', { timeout: 60_000 }, () => {
    // Prepare
    const { schema } = buildExecutableSchema({
      schemaSdl: read('graphql/schema.graphql'),
      authRulesSdl: read('graphql/model-schema.graphql'),
      resolve: () => Promise.resolve(null),
      log: () => undefined,
      onMutationResult: () => undefined,
    });
    const dir = join(ROOT, 'graphql/operations');
    const definitions: DefinitionNode[] = readdirSync(dir).flatMap(
      (f) => parse(read(`graphql/operations/${f}`)).definitions,
    );
    const fragments = definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
    const operations = definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);

    // Act
    const refused = operations.flatMap((operation) => {
      const document = { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] } as const;
      return validate(schema, document, [...specifiedRules, ...queryLimitRules()])
        .filter((e) => !e.message.includes('is never used'))
        .map((e) => `${operation.name?.value}: ${e.message}`);
    });

    // Assess
    expect(operations.length).toBeGreaterThan(50);
    expect(refused).toEqual([]);
  });
});

describe('the limit rules', () => {
  const schema = buildExecutableSchema({
    schemaSdl: /* GraphQL */ `
      type Node @aws_api_key {
        id: ID!
        child: Node
      }
      type Query @aws_api_key {
        node(id: ID!): Node
      }
    `,
    authRulesSdl: 'type Query { node(id: ID!): Node @auth(rules: [{ allow: public }]) }',
    resolve: () => Promise.resolve(null),
    log: () => undefined,
    onMutationResult: () => undefined,
  }).schema;
  const errorsOf = (query: string) =>
    validate(schema, parse(query), [...specifiedRules, ...queryLimitRules()]).map((e) => ({
      message: e.message,
      type: e.extensions.errorType,
    }));
  const nested = (levels: number) =>
    `{ node(id: "1") { ${'child { '.repeat(levels - 2)}id${' }'.repeat(levels - 2)} } }`;
  const aliased = (n: number) =>
    `{ ${Array.from({ length: n }, (_, i) => `a${i}: node(id: "${i}") { id }`).join(' ')} }`;

  it(`accepts ${QUERY_LIMITS.depth} levels and refuses one more, naming the limit`, () => {
    expect(errorsOf(nested(QUERY_LIMITS.depth))).toEqual([]);
    const refused = errorsOf(nested(QUERY_LIMITS.depth + 1));
    expect(refused).toEqual([
      {
        message: `Query depth limit of ${QUERY_LIMITS.depth} exceeded, found ${QUERY_LIMITS.depth + 1}. Select fewer nested levels.`,
        type: QUERY_LIMIT_ERROR_TYPE,
      },
    ]);
  });

  it(`accepts ${QUERY_LIMITS.aliases} aliases and refuses one more`, () => {
    expect(errorsOf(aliased(QUERY_LIMITS.aliases))).toEqual([]);
    const refused = errorsOf(aliased(QUERY_LIMITS.aliases + 1));
    expect(refused.map((e) => e.type)).toContain(QUERY_LIMIT_ERROR_TYPE);
    expect(refused[0]?.message).toMatch(/^Aliases limit of 15 exceeded, found 16\. Look fewer items up/);
  });

  it('counts root fields brought in through fragments', () => {
    const fields = Array.from({ length: QUERY_LIMITS.rootFields + 1 }, (_, i) => `n${i}: node(id: "${i}") { id }`);
    const query = `query { ...Roots } fragment Roots on Query { ${fields.join(' ')} }`;
    const refused = validate(schema, parse(query), [
      ...specifiedRules,
      ...queryLimitRules({ ...QUERY_LIMITS, aliases: 100 }),
    ]);
    expect(refused.map((e) => e.message)).toEqual([
      `The operation selects ${QUERY_LIMITS.rootFields + 1} root fields; at most ${QUERY_LIMITS.rootFields} are allowed in one request. Split the request into several requests.`,
    ]);
  });

  it('counts tokens before parsing, up to one past the limit', () => {
    expect(checkTokenLimit(aliased(10), QUERY_LIMITS.tokens)).toBeUndefined();
    const refused = checkTokenLimit(aliased(2000), QUERY_LIMITS.tokens);
    expect(refused?.message).toBe(
      `The query has more than ${QUERY_LIMITS.tokens} tokens. Ask for fewer fields or split the request into several requests.`,
    );
    expect(refused?.extensions.errorType).toBe(QUERY_LIMIT_ERROR_TYPE);
  });
});

describe('the local server refuses oversized requests before any resolver runs', () => {
  let stack: FixtureStack;
  beforeAll(async () => {
    stack = await startFixtureStack();
  });
  afterAll(async () => stack.close());

  const post = async (body: string, headers: Record<string, string> = { 'x-api-key': FIXTURE_API_KEY }) => {
    const res = await fetch(stack.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return { status: res.status, body: (await res.json()) as GraphQLBody };
  };
  const tracks = (n: number) =>
    `query { ${Array.from({ length: n }, (_, i) => `t${i}: track(reference: "CV-${i}") { status }`).join(' ')} }`;

  it('refuses 2,000 aliases of a public lookup, and answers a few', async () => {
    const before = stack.events.length;
    const refused = await post(JSON.stringify({ query: tracks(2000) }));
    expect(refused.status).toBe(200);
    expect(refused.body.errors?.[0]).toMatchObject({ errorType: QUERY_LIMIT_ERROR_TYPE });
    expect(refused.body.errors?.[0]?.message).toMatch(/more than 1000 tokens/);
    expect(stack.events.length).toBe(before);

    const refusedByAliases = await post(JSON.stringify({ query: tracks(QUERY_LIMITS.aliases + 1) }));
    expect(refusedByAliases.body.errors?.[0]?.errorType).toBe(QUERY_LIMIT_ERROR_TYPE);
    expect(stack.events.length).toBe(before);

    const granted = await post(JSON.stringify({ query: tracks(3) }));
    expect(granted.body.errors).toBeUndefined();
    expect(stack.events.length).toBe(before + 3);
  });

  it('refuses a body over the size limit with 413 and a message naming the limit', async () => {
    const huge = JSON.stringify({
      query: '{ track(reference: "CV-1") { status } }',
      variables: { pad: 'x'.repeat(QUERY_LIMITS.bodyBytes) },
    });
    const refused = await post(huge);
    expect(refused.status).toBe(413);
    expect(refused.body.errors?.[0]).toMatchObject({ errorType: 'PayloadTooLargeException' });
    expect(refused.body.errors?.[0]?.message).toContain(`larger than ${QUERY_LIMITS.bodyBytes} bytes`);

    const fits = await post(
      JSON.stringify({ query: '{ track(reference: "CV-1") { status } }', variables: { pad: 'x'.repeat(1000) } }),
    );
    expect(fits.status).toBe(200);
  });

  it('refuses introspection to the public API key and answers it for the backend (IAM)', async () => {
    const query = JSON.stringify({ query: '{ __schema { queryType { name } } }' });
    const refused = await post(query);
    expect(refused.body.errors?.[0]).toMatchObject({ errorType: 'IntrospectionDisabled' });

    const { headers } = await signedPost(stack.server.url, query);
    const granted = await post(query, headers);
    expect(granted.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });
});
