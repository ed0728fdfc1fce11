// The Amplify Gen 2 backend: Cognito, the GraphQL API, its two functions, and the DynamoDB tables
// built from src/data/tables.ts with their change feed wired to the stream notifier.
import { defineBackend } from '@aws-amplify/backend';
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { CfnManagedPolicy, ManagedPolicy } from 'aws-cdk-lib/aws-iam';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { TABLES, type TableDefinition, type TableKey } from '../src/data/tables';
import { auth } from './auth/resource';
import { data } from './data/resource';
import { apiFunction } from './functions/api/resource';
import { streamNotifier } from './functions/stream-notifier/resource';

const backend = defineBackend({ auth, data, api: apiFunction, streamNotifier });

/** Sandboxes are throwaway; every other deployment keeps its data when the stack goes away. */
const isSandbox = backend.stack.node.tryGetContext('amplify-backend-type') === 'sandbox';

/** The environment variable through which the runtime configuration learns a table's physical name. */
const tableEnvName = (key: TableKey): string => `TABLE_${key.toUpperCase()}`;

const attribute = (key: { name: string; type: 'S' | 'N' }): dynamodb.Attribute => ({
  name: key.name,
  type: key.type === 'S' ? dynamodb.AttributeType.STRING : dynamodb.AttributeType.NUMBER,
});

const tablesStack = backend.createStack('tables');
const apiLambda = backend.api.resources.lambda;
const notifierLambda = backend.streamNotifier.resources.lambda;
const tableNames: Record<string, string> = {};

for (const [key, def] of Object.entries(TABLES) as [TableKey, TableDefinition][]) {
  const table = new dynamodb.TableV2(tablesStack, def.logicalName, {
    partitionKey: attribute(def.partitionKey),
    sortKey: def.sortKey && attribute(def.sortKey),
    billing: dynamodb.Billing.onDemand(),
    globalSecondaryIndexes: def.indexes.map((index) => ({
      indexName: index.name,
      partitionKey: attribute(index.partitionKey),
      sortKey: index.sortKey && attribute(index.sortKey),
      projectionType: dynamodb.ProjectionType.ALL,
    })),
    timeToLiveAttribute: def.ttlAttribute,
    dynamoStream: def.stream ? dynamodb.StreamViewType.NEW_AND_OLD_IMAGES : undefined,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
    deletionProtection: !isSandbox,
    removalPolicy: isSandbox ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
  });

  table.grantReadWriteData(apiLambda);
  backend.api.addEnvironment(tableEnvName(key), table.tableName);
  tableNames[key] = table.tableName;

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
}

backend.streamNotifier.addEnvironment('GRAPHQL_URL', backend.data.graphqlUrl);
backend.addOutput({ custom: { tables: tableNames } });

/**
 * Custom operations offer no "IAM principal only" rule: `allow.authenticated('identityPool')` is the
 * closest, and Amplify then lets every signed-in user's identity-pool role call the operation. The
 * publish mutations must be reachable by the stream notifier alone (schema-level `allow.resource`),
 * so the identity-pool grants are removed here, and synth fails if they ever cover anything else.
 */
const IAM_ONLY_FIELDS = new Set(['publishBookingChanged', 'publishCourierMoved']);
for (const child of [...backend.data.node.children]) {
  if (!(child instanceof ManagedPolicy) || !/^AuthRolePolicy\d+$/.test(child.node.id)) continue;
  const cfn = child.node.defaultChild as CfnManagedPolicy;
  const fields = [...JSON.stringify(Stack.of(child).resolve(cfn.policyDocument)).matchAll(/"fieldName":"(\w+)"/g)].map(
    (m) => m[1] ?? '',
  );
  const others = fields.filter((field) => !IAM_ONLY_FIELDS.has(field));
  if (fields.length === 0 || others.length > 0) {
    throw new Error(
      `${child.node.path} grants identity-pool users more than the publish mutations: ${others.join(', ')}`,
    );
  }
  backend.data.node.tryRemoveChild(child.node.id);
}
