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
  /** S3 objects and the Lex, Connect, IAM and Lambda emulators' state persist here; in memory when absent. */
  awsDataDir?: string;
  /** The Lambda functions that exist locally (their code runs in the stack's thread). */
  functions?: string[];
  /** Time zone Lex resolves relative dates ("tomorrow") in (default America/Los_Angeles, the demo's city). */
  timeZone?: string;
};

export type ToGatewayWorker =
  /**
   * Start sending every table's stream batches to the named consumer, beginning with what it had not finished
   * when it last stopped; acknowledged with `subscribed`.
   */
  | { type: 'subscribe'; consumer: string; windowMs?: number }
  /** Stop sending the consumer batches; its position stays where its last finished batch left it. */
  | { type: 'unsubscribe'; consumer: string }
  /** The outcome of a `stream` batch: an `error` makes the worker's stream consumer retry it. */
  | { type: 'stream-result'; id: number; error?: string }
  | { type: 'flush'; id: number }
  /** The outcome of an `invoke`: the function's result, or the error it threw. */
  | { type: 'invoke-result'; id: number; result?: unknown; error?: { name: string; message: string } }
  | { type: 'close' };

export type FromGatewayWorker =
  | { type: 'ready'; port: number; publicUrl: string }
  | { type: 'subscribed'; consumer: string }
  | { type: 'stream'; id: number; consumer: string; event: DynamoDBStreamEvent }
  | { type: 'flushed'; id: number }
  | { type: 'cognito-message'; message: CognitoMessage }
  /** Run a local Lambda function (Lambda Invoke, or Lex calling a code hook) in the stack's thread. */
  | { type: 'invoke'; id: number; functionName: string; event: unknown }
  | { type: 'closed' };
