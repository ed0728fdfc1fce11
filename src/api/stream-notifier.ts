// AWS Lambda entry of the change-feed notifier: DynamoDB stream batches -> publish mutations.
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { handleStreamEvent } from './change-feed';
import { createGraphQLPublisher } from './graphql-publisher';
import { loadLambdaConfig } from '../lambda-runtime/lambda-config';

const config = loadLambdaConfig();
if (!config.graphqlUrl) throw new Error('Invalid Lambda configuration: GRAPHQL_URL is required by the notifier');
const publish = createGraphQLPublisher({
  url: config.graphqlUrl,
  region: config.region,
  credentials: fromNodeProviderChain(),
});

export const handler = (event: DynamoDBStreamEvent) => handleStreamEvent(event, config.tables, publish);
