// The change-feed notifier: reads the tables' DynamoDB streams and calls the IAM-only publish mutations.
import { defineFunction } from '@aws-amplify/backend';

export const streamNotifier = defineFunction({
  name: 'stream-notifier',
  entry: '../../../lambdas/stream-notifier/handler.ts',
  timeoutSeconds: 30,
  memoryMB: 512,
  runtime: 22,
  // Lives in the data stack: it needs the API's URL, and the API already depends on the function stack.
  resourceGroupName: 'data',
});
