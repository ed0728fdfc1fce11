// cdk-nag's AwsSolutions rules on a CDK app (the Amplify backend here; infra-cfn's templates through CfnInclude
// in scripts/synth.ts). Synth fails on any finding that is not acknowledged. cdk-nag 3 acknowledges a finding
// only by its exact id (`AwsSolutions-IAM5[Resource::<token>…]`), and those ids carry generated token names, so
// acknowledgements are written here as rules: a finding id pattern, a construct path pattern and the reason.
// A validation plugin that runs just before the pack evaluates it once, acknowledges every finding a rule
// covers (with the rule's reason, through Validations.of(...).acknowledge) and records what it acknowledged
// beside the cloud assembly, so `npm run synth` can count suppressions and spot rules that match nothing.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  CfnResource,
  Stack,
  Validations,
  type IPolicyValidationContext,
  type IPolicyValidationPlugin,
  type PolicyValidationPluginReport,
} from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

export type Acknowledgement = {
  /** Matches the finding id, e.g. /^AwsSolutions-IAM5\[Resource::\*\]$/. */
  finding: RegExp;
  /** Matches the violating construct's path. */
  path: RegExp;
  reason: string;
};

export type AcknowledgedFinding = {
  finding: string;
  path: string;
  reason: string;
  /** Where the resource is in the cloud assembly: its template file and logical id (what template tests read). */
  template: string;
  logicalId: string;
};

/** Written into the cloud assembly: what was acknowledged, and which rules matched nothing. */
export const ACKNOWLEDGEMENTS_FILE = 'cdk-nag-acknowledgements.json';

export type AcknowledgementReport = {
  acknowledged: AcknowledgedFinding[];
  /** Indexes (into the rule list) of the rules that matched no finding in this app. */
  unmatchedRules: { index: number; finding: string; path: string }[];
};

const X_RAY = 'X-Ray PutTraceSegments and PutTelemetryRecords have no resource-level permissions.';
const BASIC_EXECUTION =
  'AWSLambdaBasicExecutionRole (AWS managed) grants only logs:CreateLogGroup, CreateLogStream and PutLogEvents; ' +
  'Amplify attaches it to every function role and the functions write to their own log groups.';
const NODE_22 =
  'Node.js 22 is the runtime the project builds, tests and containers on (package.json engines, the MCP image); ' +
  'functions move with the project, not ahead of it.';

/** The Amplify backend's acknowledged findings, each with its reason. */
export const AMPLIFY_ACKNOWLEDGEMENTS: Acknowledgement[] = [
  {
    finding: /^AwsSolutions-COG2$/,
    path: /\/auth\/amplifyAuth\/UserPool\/Resource$/,
    reason:
      'Sign-in is e-mail and password; the app has no MFA enrolment flow yet, so requiring MFA would lock every admin ' +
      'and courier out. Partners integrate with scoped, expiring API tokens, not user-pool logins.',
  },
  {
    finding: /^AwsSolutions-COG8$/,
    path: /\/auth\/amplifyAuth\/UserPool\/Resource$/,
    reason:
      'The Plus feature plan (threat protection) is billed per monthly active user; the user pool holds only staff ' +
      'accounts created by admins (no self sign-up), so adaptive authentication buys little for its cost.',
  },
  {
    finding: /^AwsSolutions-IAM5\[Resource::<.*api(voicebot|summaries)?lambda.*Arn>:\*\]$/,
    path: /\/data\/amplifyData\/FunctionDirectiveStack\/Fn\w+LambdaDataSource\/ServiceRole\/DefaultPolicy\/Resource$/,
    reason:
      "Amplify's data source roles may invoke their resolver function (the api, the voicebot's or the " +
      "summaries') qualified by a version or alias: AppSync calls its `live` alias. The wildcard is the qualifier of " +
      'that one function, not other functions.',
  },
  {
    finding: /^AwsSolutions-IAM5\[Resource::<.*Arn>\/index\/\*\]$/,
    path: /\/(ServiceRole|McpServiceRole)\/(DefaultPolicy|OverflowPolicy\d*)\/Resource$/,
    reason: "Table grants cover the table's own global secondary indexes (queries by day, courier, partner).",
  },
  {
    finding: /^AwsSolutions-IAM5\[Action::kms:(GenerateDataKey|ReEncrypt)\*\]$/,
    path: /\/(ServiceRole|McpServiceRole)\/(DefaultPolicy|OverflowPolicy\d*)\/Resource$/,
    reason:
      'Reading and writing tables encrypted with the backend key needs the kms:GenerateDataKey* and kms:ReEncrypt* ' +
      'family, on that one key only.',
  },
  {
    finding: /^AwsSolutions-IAM5\[Resource::\*\]$/,
    path: /\/function\/(api-voicebot|provisioner)-lambda\/ServiceRole\/(DefaultPolicy|OverflowPolicy\d*)\/Resource$/,
    reason:
      "The voicebot wizard reads and provisions Lex bots and Connect flows in the company's own Connect instance, " +
      'whose ids the admin picks at run time; Lex and Connect list/create calls cannot be narrowed to ARNs known at ' +
      'synth time. IAM itself is limited to the <bot>-lex-role roles (amplify/backend.ts).',
  },
  {
    finding: /^AwsSolutions-IAM5\[Resource::\*\]$/,
    path: /-lambda\/ServiceRole\/(DefaultPolicy|OverflowPolicy\d*)\/Resource$/,
    reason:
      `${X_RAY} DynamoDB streams' ListStreams, which the stream event sources need, has none either; nor has ` +
      "Amazon Comprehend's DetectSentiment (the api function and the code hook score feedback with it).",
  },
  {
    finding: /^AwsSolutions-IAM5\[Resource::arn:<AWS::Partition>:lex:<AWS::Region>:<AWS::AccountId>:bot\/\*\]$/,
    path: /\/function\/api-voicebot-lambda\/ServiceRole\/(DefaultPolicy|OverflowPolicy\d*)\/Resource$/,
    reason:
      "The api-voicebot function reads Lex V2's analytics of the deployed bot (lex:ListSessionMetrics, lex:ListIntentMetrics " +
      'and lex:ListIntentStageMetrics only). A bot ARN holds the id Lex assigns when the provisioner creates the bot at run ' +
      "time, so the grant covers this account's bots in this Region and no other Lex action.",
  },
  {
    finding: /^AwsSolutions-IAM5\[Resource::arn:<AWS::Partition>:iam::<AWS::AccountId>:role\/\*-lex-role\]$/,
    path: /\/function\/provisioner-lambda\/ServiceRole\/DefaultPolicy\/Resource$/,
    reason: 'The provisioner creates and passes only the bot roles it names <bot>-lex-role (resourceNames()).',
  },
  {
    finding: /^AwsSolutions-IAM5\[Resource::<.*provisionerlambda.*Arn>:\*\]$/,
    path: /\/function\/api-voicebot-lambda\/ServiceRole\/(DefaultPolicy|OverflowPolicy\d*)\/Resource$/,
    reason: 'grantInvoke on the provisioner covers its versions; the wildcard is the qualifier of that one function.',
  },
  {
    finding: /^AwsSolutions-IAM5\[Resource::<textresenderlambda\w+\.Arn>:\*\]$/,
    path: /\/function\/SchedulerRoleForTarget-\w+\/DefaultPolicy\/Resource$/,
    reason:
      "Amplify's schedule for the text resender (EventBridge Scheduler) may invoke that one function; the wildcard " +
      'is the qualifier (its versions and the live alias), nothing else.',
  },
  {
    finding: /^AwsSolutions-IAM5\[Resource::<proofOfDeliveryBucket\w+\.Arn>\/(proof|summaries)\/\*\]$/,
    path: /\/storage\/.*--storageAccess\d+\/Resource$/,
    reason:
      'One object per delivery under proof/ (the api function) and one PDF per weekly executive summary under ' +
      "summaries/ (the summaries' function): each writes and presigns exactly its keys, nothing else in the bucket.",
  },
  {
    finding: /^AwsSolutions-IAM5\[Resource::<amplifyDataGraphQLAPI\w+\.Arn>\/types\/Mutation\/\*\]$/,
    path: /\/data\/GraphqlAccessPolicy\d+\/Resource$/,
    reason:
      "Remediated: amplify/backend.ts overrides this statement's resources to the three publish mutations after " +
      'synthesis, which cdk-nag cannot see (the cdk-nag README names raw overrides as the case for acknowledgement).',
  },
  {
    finding:
      /^AwsSolutions-IAM4\[Policy::arn:<AWS::Partition>:iam::aws:policy\/service-role\/AWSLambdaBasicExecutionRole\]$/,
    path: /\/ServiceRole\/Resource$/,
    reason: BASIC_EXECUTION,
  },
  {
    finding: /^AwsSolutions-L1$/,
    path: /-lambda\/Resource$/,
    reason: NODE_22,
  },
  {
    finding: /^AwsSolutions-(L1|IAM5\[.*\])$/,
    path: /\/data\/Custom::CDKBucketDeployment\w+\/(Resource|ServiceRole\/DefaultPolicy\/Resource)$/,
    reason:
      "Amplify's own deployment of the generated client code into its codegen buckets (CDK BucketDeployment): its " +
      'runtime and its object-level S3 grants on the CDK asset bucket and the two codegen buckets are set by CDK.',
  },
  {
    finding: /^AwsSolutions-IAM5\[(Action::s3:Abort\*|Resource::<[^>]*ExpiredItemsArchive[^>]*>\/\*)\]$/,
    path: /\/function\/retention-archiver-lambda\/ServiceRole\/DefaultPolicy\/Resource$/,
    reason:
      'The archiver writes new objects (one per table and batch, keys chosen at run time) into the archive bucket only; ' +
      's3:Abort* lets it abandon a failed upload.',
  },
  {
    finding:
      /^AwsSolutions-IAM5\[Resource::arn:<AWS::Partition>:sms-voice:<AWS::Region>:<AWS::AccountId>:(phone-number|sender-id|pool|configuration-set|opt-out-list)\/\*\]$/,
    path: /\/(api|lex-codehook|text-resender)-lambda\/ServiceRole\/(DefaultPolicy|OverflowPolicy\d*)\/Resource$/,
    reason:
      'Customer SMS (sms-voice:SendTextMessage only): the sender, pool and configuration set are chosen by ' +
      "configuration at run time, so the grant covers this account's and Region's SMS resources of each kind.",
  },
  {
    finding: /^AwsSolutions-IAM5\[Resource::<GraphqlApiLogs\w+\.Arn>:log-stream:\*\]$/,
    path: /\/data\/GraphqlApiLogsRole\/DefaultPolicy\/Resource$/,
    reason: "AppSync names its log streams at run time: the streams of the API's own log group only.",
  },
  {
    finding: /^AwsSolutions-ASC3$/,
    path: /\/data\/amplifyData\/GraphQLAPI\/Resource$/,
    reason:
      'The API logs every field error to its log group (amplify/backend.ts), but not verbose content: requests carry ' +
      "callers' names, phone numbers and addresses, which must not be copied into logs kept for months.",
  },
  {
    finding:
      /^AwsSolutions-IAM4\[Policy::arn:<AWS::Partition>:iam::aws:policy\/service-role\/AWSCodeDeployRoleForLambdaLimited\]$/,
    path: /Release\/ServiceRole\/Resource$/,
    reason:
      'AWS maintains AWSCodeDeployRoleForLambdaLimited for exactly this role: shifting a Lambda alias and reading ' +
      'the alarms that roll it back.',
  },
];

function findingsOf(app: IConstruct): { finding: string; construct: CfnResource }[] {
  const result = new AwsSolutionsChecks(app).validateScope(app);
  const byPath = new Map<string, CfnResource>();
  const visit = (node: IConstruct) => {
    if (CfnResource.isCfnResource(node)) byPath.set(node.node.path, node);
    node.node.children.forEach(visit);
  };
  visit(app);
  return result.violations.flatMap((violation) =>
    violation.violatingResources.flatMap((resource) => {
      const construct = byPath.get(resource.constructPath ?? '');
      return construct ? [{ finding: violation.ruleName, construct }] : [];
    }),
  );
}

/**
 * Runs first among the validation plugins, when cross-stack references are final (so finding ids are the ones
 * the pack reports): acknowledges what the rules cover on the violating constructs, writes the report, and
 * itself never fails. The AwsSolutions pack, added after it, then reports only what is left.
 */
class AcknowledgeFindings implements IPolicyValidationPlugin {
  readonly name = 'AwsSolutionsAcknowledgements';
  constructor(private readonly rules: Acknowledgement[]) {}

  validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const acknowledged: AcknowledgedFinding[] = [];
    const used = new Set<number>();
    for (const { finding, construct } of findingsOf(context.appConstruct)) {
      const index = this.rules.findIndex((r) => r.finding.test(finding) && r.path.test(construct.node.path));
      if (index < 0) continue;
      used.add(index);
      const { reason } = this.rules[index]!;
      Validations.of(construct).acknowledge({ id: finding, reason });
      const stack = Stack.of(construct);
      acknowledged.push({
        finding,
        path: construct.node.path,
        reason,
        template: stack.templateFile,
        logicalId: String(stack.resolve(construct.logicalId)),
      });
    }
    const unmatchedRules = this.rules
      .map((r, index) => ({ index, finding: String(r.finding), path: String(r.path) }))
      .filter(({ index }) => !used.has(index));
    const outdir = context.templatePaths[0] ? dirname(context.templatePaths[0]) : undefined;
    if (outdir) {
      const report: AcknowledgementReport = { acknowledged, unmatchedRules };
      writeFileSync(join(outdir, ACKNOWLEDGEMENTS_FILE), `${JSON.stringify(report, null, 2)}\n`);
    }
    return { success: true, violations: [] };
  }
}

/**
 * Adds the AwsSolutions pack to the app, preceded by the acknowledgement of the findings `rules` cover. The
 * acknowledgements are written to <outdir>/cdk-nag-acknowledgements.json.
 */
export function checkWithCdkNag(app: IConstruct, rules: Acknowledgement[] = AMPLIFY_ACKNOWLEDGEMENTS): void {
  Validations.of(app).addPlugins(new AcknowledgeFindings(rules), new AwsSolutionsChecks(app));
}
