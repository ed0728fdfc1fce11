// The Lex V2 code hook: every turn of a call (booking, tracking, feedback), on the same core as the API.
import { defineFunction } from '@aws-amplify/backend';

export const lexCodeHook = defineFunction({
  name: 'lex-codehook',
  entry: '../../../lambdas/lex-codehook/handler.ts',
  // Lex waits at most 30 s for a code hook; a turn that takes longer is a fault anyway.
  timeoutSeconds: 10,
  memoryMB: 512,
  runtime: 22,
});
