// AWS Lambda entry of the change-feed aggregator: DynamoDB stream batches -> dashboard rollup updates.
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { createBusinessCalendar } from '../core/business-calendar';
import { createPartnerEventLog } from '../data/partner-event-log';
import { createRollupRepository } from '../data/rollup-repository';
import { aggregateStreamEvent } from './rollup-aggregator';
import { createDocumentClient } from './runtime';
import { loadLambdaConfig } from './lambda-config';

const config = loadLambdaConfig();
const doc = createDocumentClient({ region: config.region });
const rollups = createRollupRepository(doc, config.tables.rollups);
const partnerEvents = createPartnerEventLog(doc, config.tables.rollups);
const calendar = createBusinessCalendar(config.timeZone);

export const handler = (event: DynamoDBStreamEvent) =>
  aggregateStreamEvent(event, config.tables, rollups, calendar, partnerEvents);
