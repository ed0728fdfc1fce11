// infra-cfn's hand-written templates as a CDK app: the root stack through CfnInclude with every nested stack
// loaded, the environment's parameter file applied, checked by cdk-nag's AwsSolutions rules (acknowledgements
// with their reasons below). The synthesized copy is for checking only: what is deployed is the templates
// themselves, packaged by `aws cloudformation package` (README, "Deploy to AWS").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { CfnInclude } from 'aws-cdk-lib/cloudformation-include';
import { checkWithCdkNag, type Acknowledgement } from '../amplify/cdk-nag';
import type { EnvironmentName } from '../amplify/environments';

export const TEMPLATES_DIR = join(import.meta.dirname, 'templates');
export const PARAMETERS_DIR = join(import.meta.dirname, 'parameters');

/** The nested stacks of root.yaml and the template each loads. */
export const NESTED_TEMPLATES: Record<string, string> = {
  Security: 'security.yaml',
  Network: 'network.yaml',
  Mcp: 'mcp.yaml',
  Batch: 'batch.yaml',
  Web: 'web.yaml',
  Backup: 'backup.yaml',
  Connect: 'connect.template.json',
  Monitoring: 'monitoring.yaml',
};

/** Templates deployed on their own, outside the root stack. */
export const STANDALONE_TEMPLATES = ['edge.yaml', 'backup-destination.yaml', 'stackset.yaml'];

export type ParameterFile = { Parameters: Record<string, string>; Tags: Record<string, string> };

export function readParameterFile(env: EnvironmentName): ParameterFile {
  return JSON.parse(readFileSync(join(PARAMETERS_DIR, `${env}.json`), 'utf8')) as ParameterFile;
}

const at = (stack: string, resource: string) => new RegExp(`/Root/${stack}/${stack}/${resource}$`);
const LOG_STREAMS =
  'Log streams are named at run time (one per task, execution environment or network interface): the streams of ' +
  'one log group only.';
const NODE_22 =
  'Node.js 22 is the runtime the project builds, tests and containers on (package.json engines, the MCP image).';

/** infra-cfn's acknowledged findings, each with its reason (the templates repeat it beside each wildcard). */
export const INFRA_ACKNOWLEDGEMENTS: Acknowledgement[] = [
  {
    finding: /^AwsSolutions-S1$/,
    path: at('Security', 'AccessLogsBucket'),
    reason:
      'The access-log destination of the load balancer, CloudFront and the buckets; logging it into itself would loop.',
  },
  {
    finding: /^AwsSolutions-EC23$/,
    path: at('Mcp', 'LoadBalancerSecurityGroup'),
    reason:
      'The partner MCP endpoint is public by design (partners call it from their own networks): port 443 only, ' +
      '80 only redirects, WAF (rate limit, IP reputation, common rules) in front, partner tokens checked on every request.',
  },
  {
    finding: /^AwsSolutions-EC23$/,
    path: at('Network', 'EndpointSecurityGroup'),
    reason: "Ingress is HTTPS from the VPC's own CIDR (the VpcCidr parameter), which cdk-nag cannot resolve.",
  },
  {
    finding: /^AwsSolutions-IAM5\[Resource::\*\]$/,
    path: at('(Mcp|Batch)', 'TaskExecutionRole'),
    reason: 'ecr:GetAuthorizationToken has no resource-level permissions; image pulls are limited to one repository.',
  },
  {
    finding: /^AwsSolutions-IAM5\[Resource::\*\]$/,
    path: at('Mcp', 'BlueGreenRole'),
    reason:
      "Elastic Load Balancing's Describe* calls have no resource-level permissions; every modifying call is limited " +
      "to the service's listener, rule and two target groups.",
  },
  {
    finding: /^AwsSolutions-IAM5\[Resource::\*\]$/,
    path: at('(Mcp|Batch)', '(FunctionRuntimePolicy|FunctionRole)'),
    reason: 'X-Ray PutTraceSegments and PutTelemetryRecords have no resource-level permissions.',
  },
  {
    finding: /^AwsSolutions-IAM5\[Resource::\*\]$/,
    path: at('Connect', 'BotRole'),
    reason:
      "polly:SynthesizeSpeech is authorized only against lexicons and the bot uses none; this is the wizard's own " +
      'bot role policy (src/provisioning/lex-spec.ts), so both deployment paths grant the same.',
  },
  {
    finding: /^AwsSolutions-IAM5\[Resource::<\w+\.Arn>:log-stream:\*\]$/,
    path: /\/Root\/(Network\/Network\/FlowLogRole|Mcp\/Mcp\/(TaskExecutionRole|FunctionRuntimePolicy)|Batch\/Batch\/(FunctionRole|TaskExecutionRole))$/,
    reason: LOG_STREAMS,
  },
  {
    finding: /^AwsSolutions-IAM5$/,
    path: at('Batch', 'SchedulerRole'),
    reason:
      'The policy is chosen by Fn::If on the batch mode, which cdk-nag cannot evaluate: each branch names the one ' +
      'function, or the one task definition on the one cluster and the two roles it passes.',
  },
  {
    finding: /^AwsSolutions-IAM5\[Action::kms:GenerateDataKey\*\]$/,
    path: at('Batch', 'JobDataPolicy'),
    reason:
      'Rebuilding rollups writes to a table encrypted with the backend key, and the executive summary publishes to ' +
      "the admins' topic encrypted with its own key: the GenerateDataKey family, on those two keys only.",
  },
  {
    finding: /^AwsSolutions-IAM5\[Resource::arn:<AWS::Partition>:s3:::<StorageBucket>\/summaries\/\*\]$/,
    path: at('Batch', 'JobDataPolicy'),
    reason:
      'The executive summary writes one PDF a week, summaries/<week>.pdf, named at run time: PutObject on that ' +
      'prefix of the storage bucket only, nothing else in it.',
  },
  {
    finding: /^AwsSolutions-ECS2$/,
    path: at('(Mcp|Batch)', '(TaskDefinition|SummaryTaskDefinition|LateDeliveriesTaskDefinition)'),
    reason:
      'The environment holds no secret: Region, service name, public URL, table and bucket names, the admin topic ARN. ' +
      'The MCP task reads its ' +
      'backend configuration from SSM Parameter Store (Secrets); both authenticate with their task roles.',
  },
  { finding: /^AwsSolutions-L1$/, path: at('(Mcp|Batch)', 'Function'), reason: NODE_22 },
  {
    finding: /^AwsSolutions-APIG4$/,
    path: at('Mcp', 'HttpApiRoute'),
    reason:
      'The MCP server authenticates every request itself with the partner tokens (scopes, expiry, rate limit, audit): ' +
      'an API Gateway authorizer would duplicate that check. Throttling is on the stage.',
  },
  {
    finding: /^AwsSolutions-CFR1$/,
    path: at('Web', 'Distribution'),
    reason: 'Admins, couriers and partners work wherever the company operates; sign-in, not geography, guards the app.',
  },
  {
    finding: /^AwsSolutions-CFR4$/,
    path: at('Web', 'Distribution'),
    reason:
      'With its own domain (WebDomainName) the distribution requires TLSv1.2_2021; without one it can only use the ' +
      'cloudfront.net certificate, whose minimum protocol CloudFront fixes. cdk-nag cannot evaluate the Fn::If.',
  },
  {
    finding:
      /^AwsSolutions-IAM4\[Policy::arn:<AWS::Partition>:iam::aws:policy\/service-role\/AWSBackupServiceRolePolicyFor(Backup|Restores)\]$/,
    path: at('Backup', 'BackupRole'),
    reason: 'AWS maintains these two policies for exactly this role; they follow new AWS Backup features for DynamoDB.',
  },
];

export type InfraSynthOptions = {
  env: EnvironmentName;
  region: string;
  outdir: string;
  /** Parameter values replacing the file's (the template tests switch modes this way). */
  overrides?: Record<string, string>;
};

/**
 * Builds the CDK app of infra-cfn for one environment and Region. `app.synth()` then runs cdk-nag (it throws
 * when findings are left); the nested stacks are in the returned include.
 */
export function buildInfraApp(options: InfraSynthOptions): { app: App; root: CfnInclude } {
  // CDK's own template validation is off here: synth validates the hand-written templates themselves, with the
  // environment's parameter file, where it can name the file and line.
  const app = new App({ outdir: options.outdir, builtinCloudFormationValidation: false });
  const stack = new Stack(app, `courier-${options.env}`, {
    env: { region: options.region },
  });
  const file = readParameterFile(options.env);
  const parameters = { ...file.Parameters, ...options.overrides };
  const root = new CfnInclude(stack, 'Root', {
    templateFile: join(TEMPLATES_DIR, 'root.yaml'),
    parameters,
    loadNestedStacks: Object.fromEntries(
      Object.entries(NESTED_TEMPLATES).map(([id, template]) => [id, { templateFile: join(TEMPLATES_DIR, template) }]),
    ),
  });
  checkWithCdkNag(app, INFRA_ACKNOWLEDGEMENTS);
  return { app, root };
}
