// The DynamoDB document client every runtime builds (each Lambda, the batch jobs, the MCP server, the local stack).
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** The one document-client setup every runtime uses: optional fields are simply left out of items. */
export function createDocumentClient(client: DynamoDBClient | DynamoDBClientConfig): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client instanceof DynamoDBClient ? client : new DynamoDBClient(client), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
