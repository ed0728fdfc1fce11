// Proof-of-delivery images (signatures and doorstep photos), and the weekly executive summaries. Only the GraphQL
// functions touch the bucket: they check uploads and hand browsers presigned URLs, so no user role gets any S3
// access of its own.
import { defineStorage } from '@aws-amplify/backend';
import { apiFunction, summariesApiFunction } from '../functions/api/resource';

export const storage = defineStorage({
  name: 'proofOfDelivery',
  // Proof of delivery is a business record: it outlives the stack (sandboxes still delete it).
  keepOnDelete: true,
  access: (allow) => ({
    'proof/*': [allow.resource(apiFunction).to(['read', 'write'])],
    // The weekly executive summaries (PDF), written and presigned by their function.
    'summaries/*': [allow.resource(summariesApiFunction).to(['read', 'write'])],
  }),
});
