// AWS Lambda entry of the change-feed aggregator: DynamoDB stream batches -> dashboard rollup updates.
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { createRollupRepository } from '../data/rollup-repository';
import { aggregateStreamEvent } from './rollup-aggregator';
import { createDocumentClient } from './runtime';
import { loadLambdaConfig } from './lambda-config';

const config = loadLambdaConfig();
const rollups = createRollupRepository(createDocumentClient({ region: config.region }), config.tables.rollups);

export const handler = (event: DynamoDBStreamEvent) => aggregateStreamEvent(event, config.tables, rollups);
