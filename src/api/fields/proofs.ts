// Proof-of-delivery image operations: upload targets for the courier's app and view URLs for the booking page.
import { proofImages, requestProofUpload } from '../../core/proof';
import { Router } from '../router';

export const proofsRouter = new Router()
  .onMutation('requestProofUpload', async (args, { principal, deps }) => {
    const upload = await requestProofUpload(
      { reference: args.reference, kind: args.kind, contentType: args.contentType },
      principal,
      deps,
    );
    // AWSJSON travels as JSON text.
    return { ...upload, headers: JSON.stringify(upload.headers) };
  })
  .onQuery('proofImages', async (args, { principal, deps }) => {
    const images = await proofImages(args.reference, principal, deps);
    return images
      ? {
          signatureUrl: images.signatureUrl ?? null,
          photoUrl: images.photoUrl ?? null,
          recipientName: images.recipientName ?? null,
          at: images.at,
        }
      : null;
  });
