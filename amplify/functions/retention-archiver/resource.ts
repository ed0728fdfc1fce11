// Retention: archives the items DynamoDB's TTL expires from the bookings and feedback tables to S3 (src/retention).
import { defineFunction } from '@aws-amplify/backend';

export const retentionArchiver = defineFunction({
  name: 'retention-archiver',
  entry: '../../../lambdas/retention-archiver/handler.ts',
  timeoutSeconds: 60,
  memoryMB: 512,
  runtime: 22,
});
