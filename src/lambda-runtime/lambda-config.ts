// The Lambda runtime's configuration: the one place that reads process.env there. Fails fast with
// the list of what is missing.
import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../core/business-calendar';
import { trackingBaseUrlIssue } from '../core/tracking-links';
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
  /** Days finished bookings and partner audit entries are kept before TTL expires them (per environment, Req 6.6). */
  BOOKING_RETENTION_DAYS: z.coerce.number().int().min(1).max(36500).optional(),
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(36500).optional(),
  /** The company's IANA time zone: the days bookings, feedback, rollups and audit entries are filed under. */
  COMPANY_TIME_ZONE: z
    .string()
    .refine(isValidTimeZone, 'COMPANY_TIME_ZONE must be an IANA time zone such as America/Los_Angeles')
    .default(DEFAULT_TIME_ZONE),
  /** The web app's public URL (the CloudFront domain): customer SMS link to its /track/<reference> page. */
  WEB_APP_URL: z
    .string()
    .superRefine((value, ctx) => {
      const issue = trackingBaseUrlIssue(value);
      if (issue) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `WEB_APP_URL ${issue}` });
    })
    .optional(),
  /** Customer SMS (AWS End User Messaging SMS): the sender (phone number, sender ID or pool, id or ARN) and configuration set. */
  SMS_ORIGINATION_IDENTITY: z.string().min(1).optional(),
  SMS_CONFIGURATION_SET: z.string().min(1).optional(),
  /** The admins' Amazon SNS topic: service alerts and executive summaries are published there (and recorded in the outbox). */
  ADMIN_TOPIC_ARN: z
    .string()
    .regex(/^arn:aws[\w-]*:sns:[\w-]+:\d{12}:[\w-]{1,256}$/, 'ADMIN_TOPIC_ARN must be an SNS topic ARN')
    .optional(),
  /** The sentiment port (Req 10.3): Amazon Comprehend in the cloud (set by amplify/backend.ts), the lexicon otherwise. */
  SENTIMENT_ANALYZER: z
    .enum(['lexicon', 'comprehend'], {
      errorMap: () => ({ message: 'SENTIMENT_ANALYZER must be lexicon or comprehend' }),
    })
    .default('lexicon'),
  /** The geocoder port: Amazon Location Service in the cloud (set by amplify/backend.ts), the gazetteer otherwise. */
  GEOCODER: z
    .enum(['gazetteer', 'amazon-location'], {
      errorMap: () => ({ message: 'GEOCODER must be gazetteer or amazon-location' }),
    })
    .default('gazetteer'),
  ...tableEnv,
});

export type LambdaConfig = {
  region: string;
  graphqlUrl?: string;
  mcpServiceArn?: string;
  voicebot?: { codeHookFunctionArn: string; provisionerFunctionName?: string };
  proofBucket?: string;
  timeZone: string;
  webAppUrl?: string;
  sms: { originationIdentity?: string; configurationSetName?: string };
  /** Admin notices go to this SNS topic too; without it they are kept in the outbox only (locally). */
  adminTopicArn?: string;
  /** Who scores feedback texts: Amazon Comprehend (falling back to the lexicon when it fails) or the lexicon. */
  sentiment: 'lexicon' | 'comprehend';
  /** Who places addresses: Amazon Location (falling back to the Seattle gazetteer when it fails) or the gazetteer. */
  geocoder: 'gazetteer' | 'amazon-location';
  tables: TableNames;
  /** Retention overrides; absent, the repositories' defaults (400 days) apply. */
  retention?: { bookingDays?: number; auditDays?: number };
};

/**
 * The web app's public URL, which the functions that message customers (api, code hook) cannot start without:
 * a customer SMS without its tracking link would be a broken promise.
 */
export function requireWebAppUrl(config: LambdaConfig): string {
  if (!config.webAppUrl) {
    throw new Error(
      "Invalid Lambda configuration: WEB_APP_URL is missing. Set it to the web app's public URL (the CloudFront " +
        'domain, e.g. https://d111111abcdef8.cloudfront.net, or its custom domain): every customer SMS links to ' +
        'its /track/<reference> page. The Amplify backend sets it from WEB_APP_URL at deploy time.',
    );
  }
  return config.webAppUrl;
}

export function loadLambdaConfig(env: NodeJS.ProcessEnv = process.env): LambdaConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const missing = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid Lambda configuration: ${missing}`);
  }
  const values = parsed.data as unknown as Record<string, string | undefined>;
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
    ...(parsed.data.WEB_APP_URL ? { webAppUrl: parsed.data.WEB_APP_URL } : {}),
    sms: {
      ...(parsed.data.SMS_ORIGINATION_IDENTITY ? { originationIdentity: parsed.data.SMS_ORIGINATION_IDENTITY } : {}),
      ...(parsed.data.SMS_CONFIGURATION_SET ? { configurationSetName: parsed.data.SMS_CONFIGURATION_SET } : {}),
    },
    ...(parsed.data.ADMIN_TOPIC_ARN ? { adminTopicArn: parsed.data.ADMIN_TOPIC_ARN } : {}),
    sentiment: parsed.data.SENTIMENT_ANALYZER,
    geocoder: parsed.data.GEOCODER,
    tables,
    ...(parsed.data.BOOKING_RETENTION_DAYS || parsed.data.AUDIT_RETENTION_DAYS
      ? {
          retention: {
            ...(parsed.data.BOOKING_RETENTION_DAYS ? { bookingDays: parsed.data.BOOKING_RETENTION_DAYS } : {}),
            ...(parsed.data.AUDIT_RETENTION_DAYS ? { auditDays: parsed.data.AUDIT_RETENTION_DAYS } : {}),
          },
        }
      : {}),
  };
}
