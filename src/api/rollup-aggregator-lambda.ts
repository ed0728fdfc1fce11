// AWS Lambda entry of the change-feed aggregator: DynamoDB stream batches -> dashboard rollups and analytics series.
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { createBusinessCalendar } from '../core/business-calendar';
import { createPartnerEventLog } from '../data/partner-event-log';
import { createRollupRepository } from '../data/rollup-repository';
import { createAnalyticsRepository } from '../data/analytics-repository';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { createAlertStore } from '../data/alert-repository';
import { createAdminNotifier, createSnsPublish } from '../data/sns-admin-notifier';
import { aggregateStreamEvent } from './rollup-aggregator';
import { createDocumentClient } from './runtime';
import { loadLambdaConfig } from './lambda-config';
import { jsonLog } from './deps';

const config = loadLambdaConfig();
const doc = createDocumentClient({ region: config.region });
const rollups = createRollupRepository(doc, config.tables.rollups);
const partnerEvents = createPartnerEventLog(doc, config.tables.rollups);
const calendar = createBusinessCalendar(config.timeZone);
const analytics = createAnalyticsRepository(doc, config.tables.rollups);
const alerts = {
  alerts: createAlertStore(doc, config.tables.alerts),
  // The admins' SNS topic when ADMIN_TOPIC_ARN is set (recorded in the outbox as well), the outbox alone otherwise.
  admins: createAdminNotifier({
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
    log: jsonLog('aggregator'),
  }),
};

export const handler = (event: DynamoDBStreamEvent) =>
  aggregateStreamEvent(event, config.tables, rollups, calendar, partnerEvents, analytics, alerts);
