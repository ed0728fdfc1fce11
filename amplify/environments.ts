// The deployment environments (dev, staging, prod) as the Amplify backend sees them. The values infra-cfn
// shares (log retention, deletion protection, how Lambda releases roll out) are read from the same parameter
// file the root stack is deployed with, infra-cfn/parameters/<env>.json, so the two halves cannot disagree;
// the rest is what only the Amplify side has (table capacity, provisioned concurrency, data retention).
// The environment is chosen at synth time by COURIER_ENVIRONMENT (an Amplify Hosting build variable per branch),
// dev by default.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const ENVIRONMENTS = ['dev', 'staging', 'prod'] as const;
export type EnvironmentName = (typeof ENVIRONMENTS)[number];

export type TableCapacity =
  | { mode: 'onDemand' }
  | {
      mode: 'provisioned';
      read: { min: number; max: number };
      write: { min: number; max: number };
      /** Auto-scaling keeps consumed capacity near this share of what is provisioned. */
      targetUtilizationPercent: number;
    };

export type CloudEnvironment = {
  name: EnvironmentName;
  /** CloudWatch Logs retention of every function's and the API's log group. */
  logRetentionDays: number;
  /** Tables refuse deletion and are retained when the stack goes (always, outside sandboxes, in protected envs). */
  deletionProtection: boolean;
  /** CodeDeploy configuration for the api and code hook functions' live aliases. */
  lambdaReleaseConfig: string;
  tableCapacity: TableCapacity;
  /** Warm code hook environments on the live alias: callers never wait for a cold start. */
  codeHookProvisionedConcurrency: number;
  /** Days finished bookings and partner audit entries are kept before TTL expires (and archives) them. */
  bookingRetentionDays: number;
  auditRetentionDays: number;
  /** Days the S3 archive of expired items is kept. */
  archiveRetentionDays: number;
};

/** What only the Amplify side decides, per environment. */
const AMPLIFY_SETTINGS: Record<
  EnvironmentName,
  Omit<CloudEnvironment, 'name' | 'logRetentionDays' | 'deletionProtection' | 'lambdaReleaseConfig'>
> = {
  dev: {
    tableCapacity: { mode: 'onDemand' },
    codeHookProvisionedConcurrency: 0,
    bookingRetentionDays: 90,
    auditRetentionDays: 90,
    archiveRetentionDays: 365,
  },
  staging: {
    tableCapacity: { mode: 'onDemand' },
    codeHookProvisionedConcurrency: 0,
    bookingRetentionDays: 180,
    auditRetentionDays: 180,
    archiveRetentionDays: 365,
  },
  prod: {
    tableCapacity: {
      mode: 'provisioned',
      read: { min: 5, max: 400 },
      write: { min: 5, max: 400 },
      targetUtilizationPercent: 70,
    },
    codeHookProvisionedConcurrency: 2,
    bookingRetentionDays: 400,
    auditRetentionDays: 400,
    archiveRetentionDays: 2557,
  },
};

const sharedParameters = z.object({
  Parameters: z.object({
    EnvironmentName: z.enum(ENVIRONMENTS),
    LogRetentionInDays: z.coerce.number().int().positive(),
    DeletionProtection: z.enum(['true', 'false']),
    LambdaReleaseConfig: z.string().startsWith('CodeDeployDefault.Lambda'),
  }),
});

/** Where the parameter file of an environment lives. */
export function parameterFile(name: EnvironmentName): string {
  return join(import.meta.dirname, '..', 'infra-cfn', 'parameters', `${name}.json`);
}

export function loadCloudEnvironment(name: EnvironmentName): CloudEnvironment {
  const file = parameterFile(name);
  const parsed = sharedParameters.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const p = parsed.data.Parameters;
  if (p.EnvironmentName !== name) throw new Error(`${file} is for ${p.EnvironmentName}, not ${name}`);
  return {
    name,
    logRetentionDays: p.LogRetentionInDays,
    deletionProtection: p.DeletionProtection === 'true',
    lambdaReleaseConfig: p.LambdaReleaseConfig,
    ...AMPLIFY_SETTINGS[name],
  };
}

/** The environment this synth is for: COURIER_ENVIRONMENT, dev when unset. */
export function environmentName(env: NodeJS.ProcessEnv = process.env): EnvironmentName {
  const value = env.COURIER_ENVIRONMENT || 'dev';
  if (!(ENVIRONMENTS as readonly string[]).includes(value)) {
    throw new Error(`COURIER_ENVIRONMENT "${value}" is not one of ${ENVIRONMENTS.join(', ')}`);
  }
  return value as EnvironmentName;
}
