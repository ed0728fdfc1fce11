// The admins' notifier as the cloud functions that raise alerts build it (the aggregator, the corruption detector,
// the api's "generate now"): a module of its own, so the handlers that notify no admin never load SNS's signer.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AdminNotifier } from '../core/analytics-alerts';
import { createAdminNotifier, createSnsPublish } from '../data/sns-admin-notifier';
import type { Log } from '../observability/telemetry';
import type { LambdaConfig } from './lambda-config';

/**
 * The admins' notifier of a function in the cloud: their SNS topic when ADMIN_TOPIC_ARN names one (each notice
 * recorded in the outbox as well), the outbox alone otherwise.
 */
export function createLambdaAdminNotifier(
  config: Pick<LambdaConfig, 'region' | 'tables' | 'adminTopicArn' | 'webAppUrl'>,
  doc: DynamoDBDocumentClient,
  log: Pick<Log, 'error'>,
): AdminNotifier {
  return createAdminNotifier({
    doc,
    outboxTable: config.tables.outbox,
    ...(config.adminTopicArn
      ? {
          topic: {
            arn: config.adminTopicArn,
            publish: createSnsPublish({ region: config.region, credentials: fromNodeProviderChain() }),
          },
        }
      : {}),
    appUrl: config.webAppUrl,
    log,
  });
}
