// The local AppSync's GraphQL execution without its HTTP layer, for the bulk of the fuzz cases: the same deployed
// schema and @auth rules (buildExecutableSchema), the same abuse limits, the same api router over the stack's
// dependencies, and AppSync's error shape. Callers are given as principals (a Cognito user's from their real
// access token); the HTTP path (authentication, body limits) is fuzzed separately over the wire.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { decodeJwt } from 'jose';
import { appRouter } from '../../../src/api/app-router';
import { PARTNER_OPERATIONS } from '../../../src/api/partner-operations';
import { QUERY_LIMITS } from '../../../src/api/query-limits';
import { createApi } from '../../../src/api/router';
import { formatAppSyncError, type AppSyncLogEntry } from '../../../src/local/appsync/appsync-errors';
import type { CognitoPrincipal, IamPrincipal, Principal } from '../../../src/local/appsync/authorization';
import { LOCAL_MCP_SERVICE } from '../../../src/local/appsync/service-identities';
import { buildExecutableSchema } from '../../../src/local/appsync/executable-schema';
import {
  execute,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
} from '../../../src/local/appsync/graphql-js';
import { loadAuthRulesSdl } from '../../../src/local/appsync/model-schema';
import { checkTokenLimit, queryLimitRules } from '../../../src/local/appsync/query-limits';
import type { Stack } from '../../../src/local/stack';

const ROOT = resolve(import.meta.dirname, '../../..');

/** The MCP service's principal, as the local server's authenticator makes it from its signature (src/local/stack.ts). */
const MCP_PRINCIPAL: IamPrincipal = {
  mode: 'iam',
  accessKeyId: LOCAL_MCP_SERVICE.accessKeyId,
  accountId: LOCAL_MCP_SERVICE.accountId,
  userArn: LOCAL_MCP_SERVICE.userArn,
  username: LOCAL_MCP_SERVICE.accessKeyId,
  policyFields: Object.keys(PARTNER_OPERATIONS),
};

export type Answer = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; errorType?: string; path?: readonly (string | number)[] | null }[];
};

export type InProcessGraphQL = {
  schema: GraphQLSchema;
  run(
    principal: Principal,
    query: string,
    variables: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<Answer>;
  /**
   * A fetch for the MCP server's GraphQL caller (mcp-server/src/graphql-client.ts): its signed request runs here
   * under the MCP service's IAM principal, with its headers (the partner token it acts for), as the HTTP server
   * would run it after checking the signature (checked over the wire by tests/integration/mcp-*.test.ts).
   */
  mcpFetch: typeof fetch;
  /** Faults the resolvers logged (each one is also an InternalFailure answer). */
  faults: AppSyncLogEntry[];
};

/** A Cognito user's principal, read from their access token as the server's authenticator would. */
export function userPoolPrincipal(accessToken: string): CognitoPrincipal {
  const payload = decodeJwt(accessToken);
  const groups = payload['cognito:groups'];
  return {
    mode: 'userPool',
    sub: String(payload.sub),
    username: String(payload.username ?? payload['cognito:username'] ?? payload.sub),
    issuer: String(payload.iss),
    groups: Array.isArray(groups) ? groups.map(String) : [],
    claims: payload as Record<string, unknown>,
    tokenUse: 'access',
    expiresAt: (payload.exp ?? 0) * 1000,
  };
}

export async function inProcessGraphQL(stack: Stack): Promise<InProcessGraphQL> {
  const [schemaSdl, authRulesSdl] = await Promise.all([
    readFile(join(ROOT, 'graphql/schema.graphql'), 'utf8'),
    loadAuthRulesSdl(ROOT),
  ]);
  const api = createApi(appRouter, stack.deps);
  const faults: AppSyncLogEntry[] = [];
  const { schema } = buildExecutableSchema({
    schemaSdl,
    authRulesSdl,
    resolve: (event) => api.resolve(event),
    log: (entry) => {
      if (entry.level === 'error') faults.push(entry);
    },
    onMutationResult: () => undefined,
  });
  const rules = [...specifiedRules, ...queryLimitRules(QUERY_LIMITS)];
  const documents = new Map<string, DocumentNode>();
  const format = (errors: readonly GraphQLError[]) => errors.map((e) => formatAppSyncError(e.toJSON(), e) as never);
  return {
    schema,
    faults,
    run,
    async mcpFetch(_url, init) {
      const { query, variables } = JSON.parse(String(init?.body)) as {
        query: string;
        variables: Record<string, unknown>;
      };
      const headers = Object.fromEntries(new Headers(init?.headers).entries());
      const answer = await run(MCP_PRINCIPAL, query, variables ?? {}, headers);
      return Response.json(answer);
    },
  };

  async function run(
    principal: Principal,
    query: string,
    variables: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const tooManyTokens = checkTokenLimit(query, QUERY_LIMITS.tokens);
    if (tooManyTokens) return { data: null, errors: format([tooManyTokens]) };
    let document = documents.get(query);
    if (!document) {
      document = parse(query);
      const invalid = validate(schema, document, rules);
      if (invalid.length > 0) return { errors: format(invalid) };
      documents.set(query, document);
    }
    const result = await execute({
      schema,
      document,
      variableValues: variables,
      contextValue: { principal, headers: { ...headers, 'x-forwarded-for': '127.0.0.1' }, sourceIp: '127.0.0.1' },
    });
    return { data: result.data as Answer['data'], ...(result.errors ? { errors: format(result.errors) } : {}) };
  }
}
