// Proof-of-delivery images (signatures and doorstep photos). Only the api function touches the bucket: it
// checks uploads and hands browsers presigned URLs, so no user role gets any S3 access of its own.
import { defineStorage } from '@aws-amplify/backend';
import { apiFunction } from '../functions/api/resource';

export const storage = defineStorage({
  name: 'proofOfDelivery',
  // Proof of delivery is a business record: it outlives the stack (sandboxes still delete it).
  keepOnDelete: true,
  access: (allow) => ({
    'proof/*': [allow.resource(apiFunction).to(['read', 'write'])],
    // The weekly executive summaries (PDF), written and presigned by the api function.
    'summaries/*': [allow.resource(apiFunction).to(['read', 'write'])],
  }),
});
