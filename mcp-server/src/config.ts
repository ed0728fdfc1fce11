// The MCP server's configuration: the one place that reads process.env (server and Lambda alike). Fails fast
// with the list of what is missing or wrong.
import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../../src/core/business-calendar';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, Provider } from '@aws-sdk/types';
import { LOCAL_MCP_SERVICE } from '../../src/local/appsync/service-identities';
import type { McpRuntimeOptions } from './runtime';
import { DEFAULT_MCP_PORT } from './server';

const url = (name: string) => z.string().url(`${name} must be a URL, e.g. https://api.example.com/graphql`);

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(DEFAULT_MCP_PORT),
  HOST: z.string().min(1).default('0.0.0.0'),
  GRAPHQL_URL: url('GRAPHQL_URL'),
  AWS_REGION: z.string().min(1, 'AWS_REGION is required (the region of the GraphQL API and the tables)'),
  /** The URL partners use, e.g. https://mcp.courier.example/mcp: the RFC 9728 `resource`. */
  MCP_PUBLIC_URL: url('MCP_PUBLIC_URL').optional(),
  MCP_DOCS_URL: url('MCP_DOCS_URL').optional(),
  /**
   * `default`: the AWS SDK's provider chain (the ECS task role or the Lambda function role).
   * `local`: the local stack's fixed MCP service keys (LOCAL_MCP_SERVICE).
   */
  MCP_CREDENTIALS: z.enum(['default', 'local']).default('default'),
  /** DynamoDB endpoint override, e.g. http://localhost:4566 for the local gateway. */
  DYNAMODB_ENDPOINT: url('DYNAMODB_ENDPOINT').optional(),
  TABLE_PARTNERS: z.string().min(1, 'TABLE_PARTNERS is required (the Partners table name)'),
  TABLE_PARTNERTOKENS: z.string().min(1, 'TABLE_PARTNERTOKENS is required (the PartnerTokens table name)'),
  TABLE_AUDIT: z.string().min(1, 'TABLE_AUDIT is required (the Audit table name)'),
  /** The company's IANA time zone: audit entries are filed under its days. */
  COMPANY_TIME_ZONE: z
    .string()
    .refine(isValidTimeZone, 'COMPANY_TIME_ZONE must be an IANA time zone such as America/Los_Angeles')
    .default(DEFAULT_TIME_ZONE),
});

export type McpConfig = Omit<McpRuntimeOptions, 'publicUrl' | 'log' | 'clock' | 'graphql'> & {
  port: number;
  host: string;
  publicUrl?: string;
};

export function loadMcpConfig(env: NodeJS.ProcessEnv = process.env): McpConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid MCP server configuration: ${problems}`);
  }
  const e = parsed.data;
  const credentials: AwsCredentialIdentity | Provider<AwsCredentialIdentity> =
    e.MCP_CREDENTIALS === 'local'
      ? { accessKeyId: LOCAL_MCP_SERVICE.accessKeyId, secretAccessKey: LOCAL_MCP_SERVICE.secretAccessKey }
      : fromNodeProviderChain();
  return {
    port: e.PORT,
    host: e.HOST,
    graphqlUrl: e.GRAPHQL_URL,
    region: e.AWS_REGION,
    serviceCredentials: credentials,
    awsConfig: {
      region: e.AWS_REGION,
      credentials,
      ...(e.DYNAMODB_ENDPOINT ? { endpoint: e.DYNAMODB_ENDPOINT } : {}),
    },
    tables: { partners: e.TABLE_PARTNERS, partnerTokens: e.TABLE_PARTNERTOKENS, audit: e.TABLE_AUDIT },
    timeZone: e.COMPANY_TIME_ZONE,
    ...(e.MCP_PUBLIC_URL ? { publicUrl: e.MCP_PUBLIC_URL } : {}),
    ...(e.MCP_DOCS_URL ? { documentationUrl: e.MCP_DOCS_URL } : {}),
  };
}
