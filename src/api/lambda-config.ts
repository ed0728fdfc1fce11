// The Lambda runtime's configuration: the one place that reads process.env there. Fails fast with
// the list of what is missing.
import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../core/business-calendar';
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
  // The voicebot: the code hook the bot alias calls, and (in the api function) the provisioner to dispatch to.
  CODE_HOOK_FUNCTION_ARN: z.string().startsWith('arn:', 'CODE_HOOK_FUNCTION_ARN must be a Lambda ARN').optional(),
  PROVISIONER_FUNCTION_NAME: z.string().min(1).optional(),
  /** The proof-of-delivery images' bucket (amplify/storage). */
  PROOF_BUCKET: z.string().min(1).optional(),
  /** The company's IANA time zone: the days bookings, feedback, rollups and audit entries are filed under. */
  COMPANY_TIME_ZONE: z
    .string()
    .refine(isValidTimeZone, 'COMPANY_TIME_ZONE must be an IANA time zone such as America/Los_Angeles')
    .default(DEFAULT_TIME_ZONE),
  ...tableEnv,
});

export type LambdaConfig = {
  region: string;
  graphqlUrl?: string;
  mcpServiceArn?: string;
  voicebot?: { codeHookFunctionArn: string; provisionerFunctionName?: string };
  proofBucket?: string;
  timeZone: string;
  tables: TableNames;
};

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
    ...(parsed.data.PROOF_BUCKET ? { proofBucket: parsed.data.PROOF_BUCKET } : {}),
    ...(parsed.data.CODE_HOOK_FUNCTION_ARN
      ? {
          voicebot: {
            codeHookFunctionArn: parsed.data.CODE_HOOK_FUNCTION_ARN,
            ...(parsed.data.PROVISIONER_FUNCTION_NAME
              ? { provisionerFunctionName: parsed.data.PROVISIONER_FUNCTION_NAME }
              : {}),
          },
        }
      : {}),
    timeZone: parsed.data.COMPANY_TIME_ZONE,
    tables,
  };
}
