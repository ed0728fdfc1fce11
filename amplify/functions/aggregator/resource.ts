// The change feed's aggregator: reads the bookings and feedback streams and keeps the dashboard rollups current.
import { defineFunction } from '@aws-amplify/backend';

export const aggregator = defineFunction({
  name: 'aggregator',
  entry: '../../../lambdas/aggregator/handler.ts',
  timeoutSeconds: 60,
  memoryMB: 512,
  runtime: 22,
});
