// The one GraphQL resolver function: lambdas/api/handler.ts routes by field name to src/api.
import { defineFunction } from '@aws-amplify/backend';

export const apiFunction = defineFunction({
  name: 'api',
  entry: '../../../lambdas/api/handler.ts',
  timeoutSeconds: 15,
  memoryMB: 1024,
  runtime: 22,
  // Beside the proof-of-delivery bucket it is granted (amplify/storage): in the functions' stack, the grant and
  // the bucket name in its environment would make the two stacks depend on each other.
  resourceGroupName: 'storage',
});
