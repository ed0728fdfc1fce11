// Corruption detection: reads the bookings and feedback streams and checks every written item against the
// domain's invariants (src/integrity); findings raise the CorruptItems metric and its alarm.
import { defineFunction } from '@aws-amplify/backend';

export const corruptionDetector = defineFunction({
  name: 'corruption-detector',
  entry: '../../../lambdas/corruption-detector/handler.ts',
  timeoutSeconds: 60,
  memoryMB: 512,
  runtime: 22,
});
