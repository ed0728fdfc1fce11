// Starts the gateway with the local DynamoDB and hands back SDK clients pointed at it: the one-call setup
// for tests (and scripts) that need real DynamoDB behaviour in-process.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startGateway, type Gateway } from '../gateway';
import { createDynamoService, type DynamoService, type DynamoServiceOptions } from './dynamo-service';

export type LocalDynamo = {
  gateway: Gateway;
  dynamo: DynamoService;
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  close(): Promise<void>;
};

export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

export async function startLocalDynamo(options: DynamoServiceOptions & { port?: number } = {}): Promise<LocalDynamo> {
  const dynamo = await createDynamoService(options);
  const gateway = await startGateway({ port: options.port ?? 0, services: [dynamo] });
  const client = new DynamoDBClient({ endpoint: gateway.url, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return {
    gateway,
    dynamo,
    client,
    doc,
    async close() {
      client.destroy();
      await gateway.close();
    },
  };
}
