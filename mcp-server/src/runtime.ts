// Wires the MCP app to its dependencies: DynamoDB for token checks and the audit trail, the SigV4 GraphQL
// caller under the MCP service's identity. Shared by the HTTP server (Fargate, local) and the Lambda entry.
import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { createBusinessCalendar, DEFAULT_TIME_ZONE } from '../../src/core/business-calendar';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AwsCredentialIdentity, Provider } from '@aws-sdk/types';
import { createDocumentClient } from '../../src/lambda-runtime/document-client';
import { jsonLog, type Log } from '../../src/observability/telemetry';
import { systemClock } from '../../src/core/system-clock';
import type { Clock } from '../../src/core/ports';
import { createAuditRepository } from '../../src/data/audit-repository';
import { createPartnerRepository } from '../../src/data/partner-repository';
import { createPartnerTokenRepository } from '../../src/data/partner-token-repository';
import type { TableNames } from '../../src/data/tables';
import { buildMcpServer, type McpApp } from './build-server';
import { createGraphQLCaller, type GraphQLCaller } from './graphql-client';
import {
  createPartnerAuthenticator,
  protectedResourceMetadata,
  resourceMetadataUrlOf,
  type PartnerAuthenticator,
  type ProtectedResourceMetadata,
} from './partner-auth';

/** The tables the MCP server reads (tokens, partners) and writes (audit); nothing else. */
export type McpTables = Pick<TableNames, 'partners' | 'partnerTokens' | 'audit'>;

export type McpRuntimeOptions = {
  /** The GraphQL endpoint (AppSync in the cloud, the local server's /graphql locally). */
  graphqlUrl: string;
  /** Region for SigV4 (service `appsync`). */
  region: string;
  /** The MCP service's own credentials; GraphQL calls are signed with them, never with a partner's token. */
  serviceCredentials: AwsCredentialIdentity | Provider<AwsCredentialIdentity>;
  /** DynamoDB: a client configuration (`{ endpoint, region, credentials }`) or a ready document client. */
  awsConfig: DynamoDBClientConfig | DynamoDBDocumentClient;
  tables: McpTables;
  /** This server's canonical URL, e.g. https://mcp.courier.example/mcp: the RFC 9728 `resource`. */
  publicUrl: string;
  /** Developer documentation for partners (RFC 9728 `resource_documentation`). */
  documentationUrl?: string;
  log?: Log;
  clock?: Clock;
  /** The company's IANA time zone (audit entries are filed under its days); the demo's when omitted. */
  timeZone?: string;
  /** Audit after answering (long-running server) rather than before (Lambda); see McpAppDeps. */
  auditInBackground?: boolean;
  /** Replaces the SigV4 GraphQL caller (unit tests). */
  graphql?: GraphQLCaller;
};

export type McpRuntime = {
  app: McpApp;
  authenticator: PartnerAuthenticator;
  metadata: ProtectedResourceMetadata;
  resourceMetadataUrl: string;
  /** Releases the DynamoDB client when this runtime created it. */
  close(): void;
};

function isDocumentClient(c: McpRuntimeOptions['awsConfig']): c is DynamoDBDocumentClient {
  return typeof (c as DynamoDBDocumentClient).send === 'function';
}

export function createMcpRuntime(options: McpRuntimeOptions): McpRuntime {
  const log = options.log ?? jsonLog('mcp');
  const clock = options.clock ?? systemClock;
  const owned = !isDocumentClient(options.awsConfig);
  const doc = isDocumentClient(options.awsConfig) ? options.awsConfig : createDocumentClient(options.awsConfig);
  const tokenDeps = {
    partners: createPartnerRepository(doc, options.tables.partners),
    partnerTokens: createPartnerTokenRepository(doc, options.tables.partnerTokens),
    clock,
  };
  const resourceMetadataUrl = resourceMetadataUrlOf(options.publicUrl);
  const metadata = protectedResourceMetadata({
    resource: options.publicUrl,
    ...(options.documentationUrl ? { documentationUrl: options.documentationUrl } : {}),
  });
  const authenticator = createPartnerAuthenticator({ deps: tokenDeps, resourceMetadataUrl, log });
  const graphql =
    options.graphql ??
    createGraphQLCaller({ url: options.graphqlUrl, region: options.region, credentials: options.serviceCredentials });
  const app = buildMcpServer({
    graphql,
    audit: createAuditRepository(doc, options.tables.audit, {
      calendar: createBusinessCalendar(options.timeZone ?? DEFAULT_TIME_ZONE),
    }),
    clock,
    log,
    authenticate: authenticator.authenticate,
    metadata,
    auditInBackground: options.auditInBackground ?? false,
  });
  return {
    app,
    authenticator,
    metadata,
    resourceMetadataUrl,
    close: () => {
      if (owned) doc.destroy();
    },
  };
}
