// AWS Lambda entry of the change-feed aggregator: DynamoDB stream batches -> dashboard rollups and analytics series.
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { createBusinessCalendar } from '../core/business-calendar';
import { createPartnerEventLog } from '../data/partner-event-log';
import { createRollupRepository } from '../data/rollup-repository';
import { createAnalyticsRepository } from '../data/analytics-repository';
import { createAlertStore } from '../data/alert-repository';
import { aggregateStreamEvent } from './rollup-aggregator';
import { createDocumentClient } from '../lambda-runtime/document-client';
import { createLambdaAdminNotifier } from '../lambda-runtime/lambda-admin-notifier';
import { loadLambdaConfig } from '../lambda-runtime/lambda-config';
import { jsonLog } from '../observability/telemetry';

const config = loadLambdaConfig();
const doc = createDocumentClient({ region: config.region });
const rollups = createRollupRepository(doc, config.tables.rollups);
const partnerEvents = createPartnerEventLog(doc, config.tables.rollups);
const calendar = createBusinessCalendar(config.timeZone);
const analytics = createAnalyticsRepository(doc, config.tables.rollups);
const alerts = {
  alerts: createAlertStore(doc, config.tables.alerts),
  admins: createLambdaAdminNotifier(config, doc, jsonLog('aggregator')),
};

export const handler = (event: DynamoDBStreamEvent) =>
  aggregateStreamEvent(event, config.tables, rollups, calendar, partnerEvents, analytics, alerts);
