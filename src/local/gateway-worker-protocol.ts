// The messages between the local stack and the AWS gateway's worker thread (src/local/gateway-worker.ts).
import type { DynamoDBStreamEvent } from 'aws-lambda';
import type { CognitoMessage } from './cognito/cognito-local-server';

export type GatewayWorkerData = {
  port: number;
  host: string;
  region: string;
  /** DynamoDB tables and settings persist here; in memory when absent. */
  dynamoDataDir?: string;
  cognitoDataDir: string;
};

export type ToGatewayWorker =
  /** Start sending stream batches; acknowledged with `subscribed`. */
  | { type: 'subscribe' }
  /** The outcome of a `stream` batch: an `error` makes the worker's stream consumer retry it. */
  | { type: 'stream-result'; id: number; error?: string }
  | { type: 'flush'; id: number }
  | { type: 'close' };

export type FromGatewayWorker =
  | { type: 'ready'; port: number; publicUrl: string }
  | { type: 'subscribed' }
  | { type: 'stream'; id: number; event: DynamoDBStreamEvent }
  | { type: 'flushed'; id: number }
  | { type: 'cognito-message'; message: CognitoMessage }
  | { type: 'closed' };
