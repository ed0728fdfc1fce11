// The Lambda runtime's configuration: the one place that reads process.env there. Fails fast with
// the list of what is missing.
import { z } from 'zod';
import { TABLES, type TableNames, type TableKey } from '../data/tables';

const tableEnv = Object.fromEntries(
  Object.keys(TABLES).map((key) => [`TABLE_${key.toUpperCase()}`, z.string().min(1)]),
) as Record<string, z.ZodString>;

const schema = z.object({
  AWS_REGION: z.string().min(1),
  GRAPHQL_URL: z.string().url().optional(),
  MCP_SERVICE_ROLE_ARN: z
    .string()
    .regex(/^arn:aws[\w-]*:iam::\d{12}:(role|user)\/.+$/, 'MCP_SERVICE_ROLE_ARN must be an IAM role or user ARN')
    .optional(),
  ...tableEnv,
});

export type LambdaConfig = { region: string; graphqlUrl?: string; mcpServiceArn?: string; tables: TableNames };

export function loadLambdaConfig(env: NodeJS.ProcessEnv = process.env): LambdaConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const missing = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid Lambda configuration: ${missing}`);
  }
  const values = parsed.data as Record<string, string | undefined>;
  const tables = Object.fromEntries(
    (Object.keys(TABLES) as TableKey[]).map((key) => [key, values[`TABLE_${key.toUpperCase()}`]!]),
  ) as TableNames;
  return {
    region: parsed.data.AWS_REGION,
    graphqlUrl: parsed.data.GRAPHQL_URL,
    ...(parsed.data.MCP_SERVICE_ROLE_ARN ? { mcpServiceArn: parsed.data.MCP_SERVICE_ROLE_ARN } : {}),
    tables,
  };
}
