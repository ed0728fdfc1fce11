// The GraphQL resolver functions. The api function answers every field but two groups of admin fields, which
// have functions of their own so that it loads neither the clients nor the libraries only they use (issue 14):
// the voicebot's (the wizard: Connect and the provisioner it dispatches to; Lex V2's analytics of the bot) and the
// executive summaries' (the PDF).
// Each routes by field name to src/api; amplify/data/resource.ts names the function of each field.
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

/**
 * The voicebot's admin fields: the wizard's (Req 1: reads Connect, records deployments and dispatches them to the
 * provisioner) and Lex V2's analytics of the deployed bot.
 */
export const voicebotApiFunction = defineFunction({
  name: 'api-voicebot',
  entry: '../../../lambdas/api-voicebot/handler.ts',
  timeoutSeconds: 15,
  memoryMB: 512,
  runtime: 22,
});

/** The executive summaries' fields (Req 10.6): renders a week's PDF into the bucket and presigns the downloads. */
export const summariesApiFunction = defineFunction({
  name: 'api-summaries',
  entry: '../../../lambdas/api-summaries/handler.ts',
  timeoutSeconds: 30,
  memoryMB: 1024,
  runtime: 22,
  // Beside the bucket it writes the summaries to, as the api function is.
  resourceGroupName: 'storage',
});
