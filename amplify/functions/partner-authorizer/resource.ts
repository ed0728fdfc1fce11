// AppSync's Lambda authorizer for partner tokens: lambdas/partner-authorizer/handler.ts -> src/api/partner-authorizer.ts.
import { defineFunction } from '@aws-amplify/backend';

export const partnerAuthorizer = defineFunction({
  name: 'partner-authorizer',
  entry: '../../../lambdas/partner-authorizer/handler.ts',
  timeoutSeconds: 5,
  memoryMB: 512,
  runtime: 22,
});
