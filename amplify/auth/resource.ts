// Cognito: email sign-in; groups admin (runs the business), courier (works deliveries), partner (integrates).
import { defineAuth } from '@aws-amplify/backend';

export const auth = defineAuth({
  loginWith: { email: true },
  groups: ['admin', 'courier', 'partner'],
});
