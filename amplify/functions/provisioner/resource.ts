// The voicebot provisioner: runs one deployment (bot, locale, build, version, alias, Connect association,
// contact flow) to its end, dispatched asynchronously by the API's startDeployment/retry/rollback.
import { defineFunction } from '@aws-amplify/backend';

export const provisioner = defineFunction({
  name: 'provisioner',
  entry: '../../../lambdas/provisioner/handler.ts',
  // A bot build can take minutes; Lambda's maximum leaves room for the slowest.
  timeoutSeconds: 900,
  memoryMB: 512,
  runtime: 22,
});
