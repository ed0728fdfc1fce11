// The Amplify Gen 2 backend: Cognito, the GraphQL API, its functions (resolver, partner-token authorizer,
// change-feed consumers), the DynamoDB tables built from src/data/tables.ts with their change feed wired to
// the stream notifier and the rollup aggregator, the MCP server's service role, and the proof-of-delivery bucket.
import { defineBackend } from '@aws-amplify/backend';
import { Duration, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import {
  AnyPrincipal,
  CfnManagedPolicy,
  CfnPolicy,
  Effect,
  CompositePrincipal,
  ManagedPolicy,
  Policy,
  PolicyStatement,
  Role,
  ServicePrincipal,
} from 'aws-cdk-lib/aws-iam';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { TABLES, type TableDefinition, type TableKey } from '../src/data/tables';
import { PARTNER_OPERATIONS } from '../src/api/partner-operations';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../src/core/business-calendar';
import { trackingBaseUrlIssue } from '../src/core/tracking-links';
import { auth } from './auth/resource';
import { applyGraphqlAbuseLimits } from './data/abuse-limits';
import { data } from './data/resource';
import { apiFunction, summariesApiFunction, voicebotApiFunction } from './functions/api/resource';
import { streamNotifier } from './functions/stream-notifier/resource';
import { aggregator } from './functions/aggregator/resource';
import { partnerAuthorizer } from './functions/partner-authorizer/resource';
import { storage } from './storage/resource';
import { lexCodeHook } from './functions/lex-codehook/resource';
import { provisioner } from './functions/provisioner/resource';
import { corruptionDetector } from './functions/corruption-detector/resource';
import { retentionArchiver } from './functions/retention-archiver/resource';
import { textResender } from './functions/text-resender/resource';
import { environmentName, loadCloudEnvironment } from './environments';
import {
  instrumentFunctions,
  publishOutputs,
  releaseThroughLiveAlias,
  tagBackend,
  type BackendFunction,
} from './cloud-operations';
import { checkWithCdkNag } from './cdk-nag';

const backend = defineBackend({
  auth,
  data,
  api: apiFunction,
  voicebotApi: voicebotApiFunction,
  summariesApi: summariesApiFunction,
  streamNotifier,
  aggregator,
  partnerAuthorizer,
  storage,
  lexCodeHook,
  provisioner,
  corruptionDetector,
  retentionArchiver,
  textResender,
});

/** Sandboxes are throwaway; every other deployment keeps its data when the stack goes away. */
const isSandbox = backend.stack.node.tryGetContext('amplify-backend-type') === 'sandbox';
/** dev, staging or prod (COURIER_ENVIRONMENT): capacity, retention and release settings (amplify/environments.ts). */
const cloudEnv = loadCloudEnvironment(environmentName());

/** The environment variable through which the runtime configuration learns a table's physical name. */
const tableEnvName = (key: TableKey): string => `TABLE_${key.toUpperCase()}`;

const attribute = (key: { name: string; type: 'S' | 'N' }): dynamodb.Attribute => ({
  name: key.name,
  type: key.type === 'S' ? dynamodb.AttributeType.STRING : dynamodb.AttributeType.NUMBER,
});

const tablesStack = backend.createStack('tables');
/** Every table, and the archive of what they expire, is encrypted with the backend's own key (Req 6.5). */
const tablesKey = new kms.Key(tablesStack, 'TablesKey', {
  description: `Courier ${cloudEnv.name}: DynamoDB tables, their streams and the expired-items archive`,
  enableKeyRotation: true,
  alias: `alias/courier-${cloudEnv.name}-tables${isSandbox ? `-${backend.stack.stackName}` : ''}`,
  removalPolicy: isSandbox ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
});
const capacity = cloudEnv.tableCapacity;
const billing =
  capacity.mode === 'onDemand'
    ? dynamodb.Billing.onDemand()
    : dynamodb.Billing.provisioned({
        readCapacity: dynamodb.Capacity.autoscaled({
          minCapacity: capacity.read.min,
          maxCapacity: capacity.read.max,
          targetUtilizationPercent: capacity.targetUtilizationPercent,
        }),
        writeCapacity: dynamodb.Capacity.autoscaled({
          minCapacity: capacity.write.min,
          maxCapacity: capacity.write.max,
          targetUtilizationPercent: capacity.targetUtilizationPercent,
        }),
      });
/** Server access logs of the backend's buckets. */
const accessLogsBucket = new s3.Bucket(tablesStack, 'AccessLogs', {
  encryption: s3.BucketEncryption.S3_MANAGED,
  enforceSSL: true,
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  lifecycleRules: [{ expiration: Duration.days(Math.max(cloudEnv.logRetentionDays, 30)) }],
  removalPolicy: isSandbox ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
});
// Log delivery by bucket policy, not the deprecated LogDeliveryWrite ACL CDK would set on a log target.
(accessLogsBucket.node.defaultChild as s3.CfnBucket).accessControl = undefined;
(accessLogsBucket.node.defaultChild as s3.CfnBucket).ownershipControls = {
  rules: [{ objectOwnership: 'BucketOwnerEnforced' }],
};
accessLogsBucket.addToResourcePolicy(
  new PolicyStatement({
    principals: [new ServicePrincipal('logging.s3.amazonaws.com')],
    actions: ['s3:PutObject'],
    resources: [accessLogsBucket.arnForObjects('*')],
    conditions: { StringEquals: { 'aws:SourceAccount': tablesStack.account } },
  }),
);
/** What TTL expires from the tables, kept for the environment's archive period (src/retention). */
const archiveBucket = new s3.Bucket(tablesStack, 'ExpiredItemsArchive', {
  encryption: s3.BucketEncryption.KMS,
  encryptionKey: tablesKey,
  bucketKeyEnabled: true,
  enforceSSL: true,
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
  versioned: true,
  serverAccessLogsBucket: accessLogsBucket,
  serverAccessLogsPrefix: 'archive/',
  lifecycleRules: [
    {
      transitions: [{ storageClass: s3.StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: Duration.days(90) }],
      expiration: Duration.days(cloudEnv.archiveRetentionDays),
      noncurrentVersionExpiration: Duration.days(30),
    },
  ],
  removalPolicy: isSandbox ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
});
const detectorLambda = backend.corruptionDetector.resources.lambda;
const archiverLambda = backend.retentionArchiver.resources.lambda;
const resenderLambda = backend.textResender.resources.lambda;
/** Tables whose every write is checked against the domain's invariants (src/integrity). */
const CHECKED_TABLES: readonly TableKey[] = ['bookings', 'feedback'];
/** Tables whose TTL expiries are archived to S3 before they are gone (src/retention). */
const ARCHIVED_TABLES: readonly TableKey[] = ['bookings', 'feedback'];
const apiLambda = backend.api.resources.lambda;
/** The voicebot's and the executive summaries' admin fields have functions of their own (functions/api/resource.ts). */
const voicebotApiLambda = backend.voicebotApi.resources.lambda;
const summariesApiLambda = backend.summariesApi.resources.lambda;
/** The GraphQL API's three resolver functions: each reads and writes the tables as the one api function did. */
const graphqlFunctions = [backend.api, backend.voicebotApi, backend.summariesApi];
const notifierLambda = backend.streamNotifier.resources.lambda;
const aggregatorLambda = backend.aggregator.resources.lambda;
/** Tables whose changes feed the dashboard rollups and analytics series (src/api/rollup-aggregator.ts). */
const AGGREGATED_TABLES: readonly TableKey[] = ['bookings', 'feedback', 'conversations', 'audit'];
const tableNames: Record<string, string> = {};
const authorizerLambda = backend.partnerAuthorizer.resources.lambda;
const codeHookLambda = backend.lexCodeHook.resources.lambda;
const provisionerLambda = backend.provisioner.resources.lambda;
/** Tables the code hook writes: a booking, its idempotency record, feedback, customer notifications, its calls. */
const CODE_HOOK_WRITE_TABLES: readonly TableKey[] = ['bookings', 'feedback', 'idempotency', 'outbox', 'conversations'];
/** Tables the partner authorizer reads: a token and its partner. */
const AUTHORIZER_TABLES: readonly TableKey[] = ['partnerTokens', 'partners'];

/**
 * The MCP server's own identity (ECS task role or Lambda role, chosen when it is deployed). It calls GraphQL
 * signed as itself, naming the partner token it acts for; the api function accepts that only from this role.
 */
const mcpStack = backend.createStack('mcp');
const mcpServiceRole = new Role(mcpStack, 'McpServiceRole', {
  assumedBy: new CompositePrincipal(
    new ServicePrincipal('ecs-tasks.amazonaws.com'),
    new ServicePrincipal('lambda.amazonaws.com'),
  ),
  description: 'Courier MCP server: calls the partner GraphQL operations on behalf of partner tokens',
});
/** Tables the MCP server uses directly: token checks, the shared rate-limit counters, its audit entries. */
const MCP_READ_TABLES: readonly TableKey[] = ['partnerTokens', 'partners'];
const MCP_WRITE_TABLES: readonly TableKey[] = ['rateLimits', 'audit'];

for (const [key, def] of Object.entries(TABLES) as [TableKey, TableDefinition][]) {
  const table = new dynamodb.TableV2(tablesStack, def.logicalName, {
    partitionKey: attribute(def.partitionKey),
    sortKey: def.sortKey && attribute(def.sortKey),
    billing,
    globalSecondaryIndexes: def.indexes.map((index) => ({
      indexName: index.name,
      partitionKey: attribute(index.partitionKey),
      sortKey: index.sortKey && attribute(index.sortKey),
      projectionType: dynamodb.ProjectionType.ALL,
    })),
    timeToLiveAttribute: def.ttlAttribute,
    dynamoStream: def.stream ? dynamodb.StreamViewType.NEW_AND_OLD_IMAGES : undefined,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    // The customer-managed key is set below: TableV2 renders it only in stacks with a known Region, and
    // Amplify's stacks are Region-agnostic.
    encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
    deletionProtection: !isSandbox,
    removalPolicy: isSandbox ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
  });

  const cfnTable = table.node.defaultChild as dynamodb.CfnGlobalTable;
  cfnTable.addPropertyOverride('SSESpecification', { SSEEnabled: true, SSEType: 'KMS' });
  cfnTable.addPropertyOverride('Replicas.0.SSESpecification', { KMSMasterKeyId: tablesKey.keyArn });
  // The daily AWS Backup plan (infra-cfn/templates/backup.yaml) selects the environment's tables by this tag.
  Tags.of(table).add('courier:backup', cloudEnv.name);
  for (const fn of graphqlFunctions) table.grantReadWriteData(fn.resources.lambda);
  // The code hook books, tracks and takes feedback through the same core; the provisioner records deployments.
  backend.lexCodeHook.addEnvironment(tableEnvName(key), table.tableName);
  backend.provisioner.addEnvironment(tableEnvName(key), table.tableName);
  if (CODE_HOOK_WRITE_TABLES.includes(key)) table.grantReadWriteData(codeHookLambda);
  if (key === 'couriers' || key === 'deployments' || key === 'settings') table.grantReadData(codeHookLambda);
  // The code hook records its circuit breakers' state changes (src/data/dependency-breaker.ts) for the
  // dashboard: one action, on the rollups' `dependency` partition only.
  if (key === 'rollups') {
    codeHookLambda.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:PutItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['dependency'] } },
      }),
    );
    tablesKey.grantEncryptDecrypt(codeHookLambda);
  }
  if (key === 'deployments') table.grantReadWriteData(provisionerLambda);
  for (const fn of graphqlFunctions) fn.addEnvironment(tableEnvName(key), table.tableName);
  tableNames[key] = table.tableName;
  // The aggregator's configuration names every table; it writes only the rollups.
  backend.aggregator.addEnvironment(tableEnvName(key), table.tableName);
  // The aggregator keeps the rollups, and raises complaint-rate alerts (told to admins by SNS and the outbox).
  if (key === 'rollups' || key === 'alerts' || key === 'outbox') table.grantReadWriteData(aggregatorLambda);
  // The corruption detector raises its alerts as the aggregator does (the alerts table, the admins' outbox).
  if (key === 'alerts' || key === 'outbox') table.grantReadWriteData(detectorLambda);
  // The authorizer's configuration names every table too; it reads only tokens and partners.
  backend.partnerAuthorizer.addEnvironment(tableEnvName(key), table.tableName);
  if (AUTHORIZER_TABLES.includes(key)) table.grantReadData(authorizerLambda);
  if (MCP_READ_TABLES.includes(key)) table.grantReadData(mcpServiceRole);
  if (MCP_WRITE_TABLES.includes(key)) table.grantReadWriteData(mcpServiceRole);

  if (def.stream) {
    // The notifier reads item images to decide what to publish, so it gets the names too.
    table.grantReadData(notifierLambda);
    backend.streamNotifier.addEnvironment(tableEnvName(key), table.tableName);
    notifierLambda.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        bisectBatchOnError: true,
        retryAttempts: 3,
        reportBatchItemFailures: true,
      }),
    );
  }
  // The detector and the archiver only read the stream; their configuration names every table.
  backend.corruptionDetector.addEnvironment(tableEnvName(key), table.tableName);
  backend.retentionArchiver.addEnvironment(tableEnvName(key), table.tableName);
  // The text resender reads the failed texts and marks what became of each; it reads a booking's status.
  backend.textResender.addEnvironment(tableEnvName(key), table.tableName);
  if (key === 'outbox') table.grantReadWriteData(resenderLambda);
  if (key === 'bookings') table.grantReadData(resenderLambda);
  if (def.stream && CHECKED_TABLES.includes(key)) {
    detectorLambda.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(5),
        bisectBatchOnError: true,
        retryAttempts: 3,
        reportBatchItemFailures: true,
      }),
    );
  }
  if (def.stream && ARCHIVED_TABLES.includes(key)) {
    archiverLambda.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 500,
        maxBatchingWindow: Duration.seconds(30),
        bisectBatchOnError: true,
        // An expired item exists only in its stream record for 24 hours: retry until then.
        retryAttempts: -1,
        reportBatchItemFailures: true,
        filters: [
          // Only TTL expiries: REMOVE records made by the DynamoDB service itself.
          {
            pattern: JSON.stringify({
              eventName: ['REMOVE'],
              userIdentity: { type: ['Service'], principalId: ['dynamodb.amazonaws.com'] },
            }),
          },
        ],
      }),
    );
  }
  if (def.stream && AGGREGATED_TABLES.includes(key)) {
    aggregatorLambda.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        bisectBatchOnError: true,
        retryAttempts: 10,
        reportBatchItemFailures: true,
      }),
    );
  }
}

backend.streamNotifier.addEnvironment('GRAPHQL_URL', backend.data.graphqlUrl);
backend.api.addEnvironment('MCP_SERVICE_ROLE_ARN', mcpServiceRole.roleArn);

/**
 * The company's business calendar: the IANA zone whose days every function files and reads by, and the web app
 * shows (custom.companyTimeZone). Read at synth time from COMPANY_TIME_ZONE (an Amplify Hosting build variable,
 * or the shell of `ampx sandbox`), as the local stack reads it; Seattle's by default.
 */
const companyTimeZone = process.env.COMPANY_TIME_ZONE || DEFAULT_TIME_ZONE;
if (!isValidTimeZone(companyTimeZone)) {
  throw new Error(`COMPANY_TIME_ZONE "${companyTimeZone}" is not an IANA time zone (e.g. America/Los_Angeles)`);
}
for (const fn of [
  ...graphqlFunctions,
  backend.lexCodeHook,
  backend.aggregator,
  backend.streamNotifier,
  backend.partnerAuthorizer,
  backend.provisioner,
]) {
  fn.addEnvironment('COMPANY_TIME_ZONE', companyTimeZone);
}
backend.addOutput({
  custom: { tables: tableNames, mcpServiceRoleArn: mcpServiceRole.roleArn, companyTimeZone },
});

// ---- proof-of-delivery images ----
// The api function presigns uploads and views (its grant on proof/* comes from amplify/storage); browsers then
// PUT and GET the images directly, so the bucket admits the web app's origins for exactly those calls.
// Origins: CDK context `web-origins` (comma-separated), by default Amplify Hosting and the local web app.
const proofBucket = backend.storage.resources;
// The api function keeps the proofs in it, the summaries' function the executive summaries (summaries/).
backend.api.addEnvironment('PROOF_BUCKET', proofBucket.bucket.bucketName);
backend.summariesApi.addEnvironment('PROOF_BUCKET', proofBucket.bucket.bucketName);
const webOrigins = String(
  backend.stack.node.tryGetContext('web-origins') ?? 'https://*.amplifyapp.com,http://localhost:4000',
)
  .split(',')
  .map((origin) => origin.trim())
  .filter(Boolean);
proofBucket.cfnResources.cfnBucket.corsConfiguration = {
  corsRules: [
    {
      id: 'proof-of-delivery-browser',
      allowedOrigins: webOrigins,
      allowedMethods: ['GET', 'HEAD', 'PUT'],
      // The one header an upload sends (requestProofUpload's `headers`).
      allowedHeaders: ['content-type'],
      exposedHeaders: ['ETag'],
      maxAge: 3000,
    },
  ],
};

/**
 * Amplify enables IAM authorization mode, under which an IAM principal's policy alone decides which fields it
 * may call: the MCP service role gets exactly the partner operations. The policy lives beside the API so the
 * role's stack does not depend on the API's.
 */
new Policy(Stack.of(backend.data.resources.graphqlApi), 'McpServiceGraphqlAccess', {
  roles: [mcpServiceRole],
  statements: [
    new PolicyStatement({
      actions: ['appsync:GraphQL'],
      resources: Object.keys(PARTNER_OPERATIONS).map((key) => {
        const [type, field] = key.split('.');
        return `${backend.data.resources.graphqlApi.arn}/types/${type}/fields/${field}`;
      }),
    }),
  ],
});

/** Mutations that only the stream notifier may call: they fan the change feed out to subscribers. */
const PUBLISH_MUTATIONS = [
  'publishBookingChanged',
  'publishCourierMoved',
  'publishDeploymentChanged',
  'publishAlertRaised',
];

/**
 * Custom operations offer no "IAM principal only" rule: `allow.authenticated('identityPool')` is the
 * closest, and Amplify then grants every signed-in user's identity-pool role those fields. Those
 * grants are removed here; synth fails if they ever cover anything else, or are no longer found.
 */
const identityPoolGrants = [...backend.data.node.children].filter(
  (child): child is ManagedPolicy => child instanceof ManagedPolicy && /^AuthRolePolicy\d+$/.test(child.node.id),
);
if (identityPoolGrants.length === 0) {
  throw new Error('Amplify no longer emits AuthRolePolicy* for the publish mutations: review their IAM exposure');
}
for (const grant of identityPoolGrants) {
  const document = JSON.stringify(
    Stack.of(grant).resolve((grant.node.defaultChild as CfnManagedPolicy).policyDocument),
  );
  const fields = [...document.matchAll(/"fieldName":"(\w+)"/g)].map((m) => m[1]);
  const others = fields.filter((field) => !PUBLISH_MUTATIONS.includes(field ?? ''));
  if (fields.length === 0 || others.length > 0) {
    throw new Error(`${grant.node.path} grants identity-pool users more than the publish mutations: ${document}`);
  }
  backend.data.node.tryRemoveChild(grant.node.id);
}

/**
 * `allow.resource(streamNotifier).to(['mutate'])` grants `Mutation/*`; narrow it to the two publish fields
 * so the notifier's role cannot book, assign or update anything.
 */
const graphqlApi = backend.data.resources.graphqlApi;
const notifierGrants = Stack.of(graphqlApi).node.children.filter(
  (child): child is Policy => child instanceof Policy && /^GraphqlAccessPolicy\d+$/.test(child.node.id),
);
if (notifierGrants.length !== 1) {
  throw new Error(`expected one GraphQL access policy (the stream notifier's), found ${notifierGrants.length}`);
}
const notifierGrant = notifierGrants[0]!.node.defaultChild as CfnPolicy;
const statements = (Stack.of(graphqlApi).resolve(notifierGrant.policyDocument) as { Statement: { Action: unknown }[] })
  .Statement;
const appsyncStatement = statements.findIndex((statement) => statement.Action === 'appsync:GraphQL');
if (appsyncStatement < 0) throw new Error('the stream notifier grant has no appsync:GraphQL statement');
notifierGrant.addPropertyOverride(
  `PolicyDocument.Statement.${appsyncStatement}.Resource`,
  PUBLISH_MUTATIONS.map((field) => `${graphqlApi.arn}/types/Mutation/fields/${field}`),
);

/**
 * The voicebot (Req 1): the api function reads Connect for the wizard and dispatches each deployment to the
 * provisioner, which creates the Lex bot, wires the code hook and writes the contact flow in the company's
 * own Connect instance. Lex and Connect resources are named by the admin at deploy time, so the Lex and
 * Connect actions cannot be narrowed to ARNs known here; IAM is limited to the bot roles the engine names.
 */
// Lex calls the code hook's `live` alias (released by canary, warm in production), never $LATEST.
const codeHookRelease = releaseThroughLiveAlias(codeHookLambda, 'CodeHook', cloudEnv, {
  provisionedConcurrency: cloudEnv.codeHookProvisionedConcurrency,
});
const codeHookArn = codeHookRelease.alias.functionArn;
backend.voicebotApi.addEnvironment('CODE_HOOK_FUNCTION_ARN', codeHookArn);
backend.voicebotApi.addEnvironment('PROVISIONER_FUNCTION_NAME', provisionerLambda.functionName);
backend.provisioner.addEnvironment('CODE_HOOK_FUNCTION_ARN', codeHookArn);
provisionerLambda.grantInvoke(voicebotApiLambda);
voicebotApiLambda.addToRolePolicy(
  new PolicyStatement({
    actions: ['connect:ListInstances', 'connect:DescribeInstance', 'connect:ListQueues', 'ds:DescribeDirectories'],
    resources: ['*'],
  }),
);
/**
 * Lex V2's own analytics of the deployed bot, read beside the code hook's figures (the analyticsLex field): the three
 * metrics actions only, on this account's Lex bots in this Region. A Lex V2 bot ARN carries the bot's id, which
 * Lex assigns when the provisioner creates the bot at run time, so `bot/*` is as narrow as synth time allows.
 */
const voicebotApiStack = Stack.of(voicebotApiLambda);
voicebotApiLambda.addToRolePolicy(
  new PolicyStatement({
    actions: ['lex:ListSessionMetrics', 'lex:ListIntentMetrics', 'lex:ListIntentStageMetrics'],
    resources: [`arn:${voicebotApiStack.partition}:lex:${voicebotApiStack.region}:${voicebotApiStack.account}:bot/*`],
  }),
);
provisionerLambda.addToRolePolicy(
  new PolicyStatement({
    actions: [
      'lex:CreateBot',
      'lex:DescribeBot',
      'lex:UpdateBot',
      'lex:DeleteBot',
      'lex:ListBots',
      'lex:CreateBotLocale',
      'lex:DescribeBotLocale',
      'lex:UpdateBotLocale',
      'lex:DeleteBotLocale',
      'lex:BuildBotLocale',
      'lex:ListBotLocales',
      'lex:CreateSlotType',
      'lex:UpdateSlotType',
      'lex:DescribeSlotType',
      'lex:DeleteSlotType',
      'lex:ListSlotTypes',
      'lex:CreateIntent',
      'lex:UpdateIntent',
      'lex:DescribeIntent',
      'lex:DeleteIntent',
      'lex:ListIntents',
      'lex:CreateSlot',
      'lex:UpdateSlot',
      'lex:DescribeSlot',
      'lex:DeleteSlot',
      'lex:ListSlots',
      'lex:CreateBotVersion',
      'lex:DescribeBotVersion',
      'lex:DeleteBotVersion',
      'lex:ListBotVersions',
      'lex:CreateBotAlias',
      'lex:UpdateBotAlias',
      'lex:DescribeBotAlias',
      'lex:DeleteBotAlias',
      'lex:ListBotAliases',
      // Connect's AssociateBot adds a statement to the alias's resource policy.
      'lex:CreateResourcePolicy',
      'lex:UpdateResourcePolicy',
      'lex:DescribeResourcePolicy',
      'lex:DeleteResourcePolicy',
      'connect:ListInstances',
      'connect:DescribeInstance',
      'connect:ListQueues',
      'connect:AssociateBot',
      'connect:DisassociateBot',
      'connect:ListBots',
      'connect:CreateContactFlow',
      'connect:UpdateContactFlowContent',
      'connect:DescribeContactFlow',
      'connect:ListContactFlows',
      'connect:DeleteContactFlow',
      'ds:DescribeDirectories',
    ],
    resources: ['*'],
  }),
);
provisionerLambda.addToRolePolicy(
  new PolicyStatement({
    actions: [
      'iam:GetRole',
      'iam:CreateRole',
      'iam:DeleteRole',
      'iam:PutRolePolicy',
      'iam:DeleteRolePolicy',
      'iam:PassRole',
    ],
    resources: [
      `arn:${Stack.of(provisionerLambda).partition}:iam::${Stack.of(provisionerLambda).account}:role/*-lex-role`,
    ],
  }),
);
provisionerLambda.addToRolePolicy(
  new PolicyStatement({
    actions: ['lambda:AddPermission', 'lambda:RemovePermission', 'lambda:GetPolicy'],
    resources: [codeHookArn],
  }),
);

/**
 * Customer SMS (Req 11.8): the api function (status updates, bookings) and the code hook (bookings by phone)
 * text customers through AWS End User Messaging SMS, linking to the web app's public tracking page; the text
 * resender sends again, every minute, the texts it did not take (src/core/failed-texts.ts). Its URL
 * (the CloudFront domain, or the web app's own domain) comes from WEB_APP_URL at synth time; without it the two
 * functions refuse to start with a message saying so. SMS_ORIGINATION_IDENTITY and SMS_CONFIGURATION_SET pick
 * the sender and the delivery-event configuration (the account's defaults when unset). The grant is the one
 * action, on this account's and Region's SMS resources only.
 */
const webAppUrl = process.env.WEB_APP_URL;
if (webAppUrl !== undefined) {
  const issue = trackingBaseUrlIssue(webAppUrl);
  if (issue) throw new Error(`WEB_APP_URL ${issue}`);
}
for (const fn of [backend.api, backend.lexCodeHook, backend.textResender]) {
  if (webAppUrl) fn.addEnvironment('WEB_APP_URL', webAppUrl);
  for (const name of ['SMS_ORIGINATION_IDENTITY', 'SMS_CONFIGURATION_SET']) {
    const value = process.env[name];
    if (value) fn.addEnvironment(name, value);
  }
  const { partition, region, account } = Stack.of(fn.resources.lambda);
  fn.resources.lambda.addToRolePolicy(
    new PolicyStatement({
      actions: ['sms-voice:SendTextMessage'],
      resources: ['phone-number', 'sender-id', 'pool', 'configuration-set', 'opt-out-list'].map(
        (type) => `arn:${partition}:sms-voice:${region}:${account}:${type}/*`,
      ),
    }),
  );
}

/**
 * Feedback sentiment (Req 10.3): the api function (web and partner feedback) and the code hook (feedback by phone)
 * score each text with Amazon Comprehend (the lexicon analyser locally, and whenever Comprehend fails).
 * DetectSentiment has no resource-level permissions, hence its wildcard resource (acknowledged in cdk-nag.ts).
 */
for (const fn of [backend.api, backend.lexCodeHook]) {
  fn.addEnvironment('SENTIMENT_ANALYZER', 'comprehend');
  fn.resources.lambda.addToRolePolicy(
    new PolicyStatement({ actions: ['comprehend:DetectSentiment'], resources: ['*'] }),
  );
}

/**
 * Geocoding (issue 13): the api function (web and partner bookings) and the code hook (bookings by phone) place
 * each address with Amazon Location Service's Places v2 Geocode (the Seattle gazetteer locally through the
 * gateway's emulator, and whenever Amazon Location fails). Geocode is authorised on the Places provider
 * resource, so the grant names it rather than a wildcard.
 */
for (const fn of [backend.api, backend.lexCodeHook]) {
  fn.addEnvironment('GEOCODER', 'amazon-location');
  const { partition, region } = Stack.of(fn.resources.lambda);
  fn.resources.lambda.addToRolePolicy(
    new PolicyStatement({
      actions: ['geo-places:Geocode'],
      resources: [`arn:${partition}:geo-places:${region}::provider/default`],
    }),
  );
}

/**
 * The admins' notices (Req 10.5, 10.6, 6.8): service alerts raised by the aggregator and the corruption detector,
 * and executive summaries (the
 * api function's "generate now"; the weekly batch job in infra-cfn, which reads the topic from the outputs),
 * published to one topic encrypted with its own key. Its e-mail subscriber is infra-cfn's AdminEmail
 * parameter. Publishers get sns:Publish on this topic only, and the key's data-key use.
 */
const notificationsStack = backend.createStack('admin-notifications');
const adminTopicKey = new kms.Key(notificationsStack, 'AdminTopicKey', {
  description: `Courier ${cloudEnv.name}: the admins' notification topic`,
  enableKeyRotation: true,
  removalPolicy: isSandbox ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
});
const adminTopic = new sns.Topic(notificationsStack, 'AdminTopic', {
  displayName: `Courier ${cloudEnv.name} admins`,
  masterKey: adminTopicKey,
  enforceSSL: true,
});
// Only this account's principals publish (the functions and the batch job, by their IAM grants).
adminTopic.addToResourcePolicy(
  new PolicyStatement({
    sid: 'AccountPublishersOnly',
    effect: Effect.DENY,
    principals: [new AnyPrincipal()],
    actions: ['sns:Publish'],
    resources: [adminTopic.topicArn],
    conditions: { StringNotEquals: { 'aws:PrincipalAccount': notificationsStack.account } },
  }),
);
for (const fn of [backend.aggregator, backend.corruptionDetector, backend.summariesApi]) {
  adminTopic.grantPublish(fn.resources.lambda);
  fn.addEnvironment('ADMIN_TOPIC_ARN', adminTopic.topicArn);
}
// The notices link to the app's page of what they are about.
if (webAppUrl) {
  backend.aggregator.addEnvironment('WEB_APP_URL', webAppUrl);
  backend.corruptionDetector.addEnvironment('WEB_APP_URL', webAppUrl);
  backend.summariesApi.addEnvironment('WEB_APP_URL', webAppUrl);
}

applyGraphqlAbuseLimits(backend.data.resources.cfnResources.cfnGraphqlApi);

// ---- the cloud deployment (issue 12): releases, observability, retention, outputs for infra-cfn, checks ----

// AppSync calls each resolver function's `live` alias, so a new version takes traffic by canary and rolls back on
// errors. A data source's target names its function's logical id (`apilambda…`, `apivoicebotlambda…`, …).
const resolverReleases = [
  { logicalId: 'apilambda', release: releaseThroughLiveAlias(apiLambda, 'Api', cloudEnv) },
  { logicalId: 'apivoicebotlambda', release: releaseThroughLiveAlias(voicebotApiLambda, 'VoicebotApi', cloudEnv) },
  { logicalId: 'apisummarieslambda', release: releaseThroughLiveAlias(summariesApiLambda, 'SummariesApi', cloudEnv) },
];
for (const dataSource of Object.values(backend.data.resources.cfnResources.cfnDataSources)) {
  const config = dataSource.lambdaConfig as { lambdaFunctionArn?: string } | undefined;
  if (dataSource.type === 'AWS_LAMBDA' && config?.lambdaFunctionArn) {
    const target = JSON.stringify(Stack.of(dataSource).resolve(config.lambdaFunctionArn) as unknown);
    const resolver = resolverReleases.find(({ logicalId }) => target.includes(logicalId));
    if (resolver) dataSource.lambdaConfig = { lambdaFunctionArn: resolver.release.alias.functionArn };
  }
}

// The environment's retention of finished bookings and audit entries (src/lambda-runtime/lambda-config.ts), and the archive.
for (const fn of graphqlFunctions) {
  fn.addEnvironment('BOOKING_RETENTION_DAYS', String(cloudEnv.bookingRetentionDays));
  fn.addEnvironment('AUDIT_RETENTION_DAYS', String(cloudEnv.auditRetentionDays));
}
backend.retentionArchiver.addEnvironment('ARCHIVE_BUCKET', archiveBucket.bucketName);
backend.corruptionDetector.addEnvironment('COMPANY_TIME_ZONE', companyTimeZone);
backend.retentionArchiver.addEnvironment('COMPANY_TIME_ZONE', companyTimeZone);
archiveBucket.grantPut(archiverLambda);
// Every role that reads or writes a table (or its stream) uses the tables' key; only the key, no other.
for (const grantee of [
  apiLambda,
  voicebotApiLambda,
  summariesApiLambda,
  codeHookLambda,
  notifierLambda,
  aggregatorLambda,
  authorizerLambda,
  provisionerLambda,
  detectorLambda,
  archiverLambda,
  resenderLambda,
]) {
  tablesKey.grantEncryptDecrypt(grantee);
}
tablesKey.grantEncryptDecrypt(mcpServiceRole);

const functions: BackendFunction[] = [
  { name: 'api', fn: apiLambda },
  { name: 'api-voicebot', fn: voicebotApiLambda },
  { name: 'api-summaries', fn: summariesApiLambda },
  { name: 'lex-codehook', fn: codeHookLambda },
  { name: 'stream-notifier', fn: notifierLambda },
  { name: 'aggregator', fn: aggregatorLambda },
  { name: 'partner-authorizer', fn: authorizerLambda },
  { name: 'provisioner', fn: provisionerLambda },
  { name: 'corruption-detector', fn: detectorLambda },
  { name: 'retention-archiver', fn: archiverLambda },
  { name: 'text-resender', fn: resenderLambda },
];
instrumentFunctions(functions, cloudEnv, !isSandbox);

// The proof-of-delivery bucket logs its access like the others.
proofBucket.cfnResources.cfnBucket.loggingConfiguration = {
  destinationBucketName: accessLogsBucket.bucketName,
  logFilePrefix: 'proof-of-delivery/',
};

// GraphQL: errors logged, traced (its depth and resolver limits and WAF: applyGraphqlAbuseLimits above).
const cfnGraphqlApi = backend.data.resources.cfnResources.cfnGraphqlApi;
cfnGraphqlApi.xrayEnabled = true;
const apiStack = Stack.of(cfnGraphqlApi);
const graphqlLogs = new logs.LogGroup(apiStack, 'GraphqlApiLogs', {
  logGroupName: `/aws/appsync/apis/${cfnGraphqlApi.attrApiId}`,
  retention: cloudEnv.logRetentionDays as logs.RetentionDays,
  removalPolicy: isSandbox ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
});
const graphqlLogsRole = new Role(apiStack, 'GraphqlApiLogsRole', {
  assumedBy: new ServicePrincipal('appsync.amazonaws.com'),
  description: 'AppSync writes the GraphQL API error logs',
});
graphqlLogsRole.addToPolicy(
  new PolicyStatement({
    actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
    // AppSync names one stream per request batch at run time: the streams of this one log group.
    resources: [`${graphqlLogs.logGroupArn}:log-stream:*`],
  }),
);
cfnGraphqlApi.logConfig = {
  cloudWatchLogsRoleArn: graphqlLogsRole.roleArn,
  fieldLogLevel: 'ERROR',
  excludeVerboseContent: true,
};

// What infra-cfn reads (infra-cfn/templates/root.yaml): only for deployed branches, a sandbox would collide.
if (!isSandbox) {
  const outputsStack = backend.createStack('outputs');
  publishOutputs(outputsStack, cloudEnv, {
    'graphql-api-id': cfnGraphqlApi.attrApiId,
    'graphql-api-arn': cfnGraphqlApi.attrArn,
    'graphql-url': backend.data.graphqlUrl,
    'user-pool-id': backend.auth.resources.userPool.userPoolId,
    'company-time-zone': companyTimeZone,
    'tables-key-arn': tablesKey.keyArn,
    'code-hook-alias-arn': codeHookArn,
    'mcp-service-role-arn': mcpServiceRole.roleArn,
    'mcp-service-role-name': mcpServiceRole.roleName,
    'archive-bucket': archiveBucket.bucketName,
    'storage-bucket': proofBucket.bucket.bucketName,
    'admin-topic-arn': adminTopic.topicArn,
    'admin-topic-key-arn': adminTopicKey.keyArn,
    ...Object.fromEntries(Object.entries(tableNames).map(([key, name]) => [`table/${key}`, name])),
    ...Object.fromEntries(functions.map(({ name, fn }) => [`function/${name}`, fn.functionName])),
  });
}

// Amplify's own buckets (generated client code, model introspection): access logs and TLS-only, like ours.
for (const bucket of Stack.of(graphqlApi)
  .node.findAll()
  .filter((c): c is s3.Bucket => c instanceof s3.Bucket)) {
  (bucket.node.defaultChild as s3.CfnBucket).loggingConfiguration = {
    destinationBucketName: accessLogsBucket.bucketName,
    logFilePrefix: `amplify-data/${bucket.node.id}/`,
  };
  bucket.addToResourcePolicy(
    new PolicyStatement({
      effect: Effect.DENY,
      principals: [new AnyPrincipal()],
      actions: ['s3:*'],
      resources: [bucket.bucketArn, bucket.arnForObjects('*')],
      conditions: { Bool: { 'aws:SecureTransport': 'false' } },
    }),
  );
}

// No guest identities: the web app's public calls use the API key, everything else a signed-in user.
backend.auth.resources.cfnResources.cfnIdentityPool.allowUnauthenticatedIdentities = false;

tagBackend(backend.stack.node.root, cloudEnv);
checkWithCdkNag(backend.stack.node.root);
