// Customer texts End User Messaging SMS did not take, sent again once it answers (src/core/failed-texts.ts), every
// minute (an EventBridge schedule).
import { defineFunction } from '@aws-amplify/backend';

export const textResender = defineFunction({
  name: 'text-resender',
  entry: '../../../lambdas/text-resender/handler.ts',
  schedule: 'every 1m',
  timeoutSeconds: 60,
  memoryMB: 256,
  runtime: 22,
});
