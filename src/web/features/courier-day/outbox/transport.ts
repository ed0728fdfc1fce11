// The outbox's way to the server: the GraphQL API for upload targets and updates, a presigned PUT for images.
import { RequestProofUploadDocument, UpdateDeliveryStatusDocument } from '../../../../generated/graphql';
import { runOperation } from '../../../lib/graphql-client';
import type { OutboxTransport } from './sync';
import { s3ErrorCode, UploadRefused } from './upload-refused';

export const apiTransport: OutboxTransport = {
  async requestUpload(reference, kind, contentType) {
    const { requestProofUpload } = await runOperation(RequestProofUploadDocument, { reference, kind, contentType });
    return {
      key: requestProofUpload.key,
      uploadUrl: requestProofUpload.uploadUrl,
      headers: JSON.parse(requestProofUpload.headers) as Record<string, string>,
    };
  },
  async upload(target, image) {
    const response = await fetch(target.uploadUrl, { method: 'PUT', headers: target.headers, body: image });
    if (!response.ok) {
      const body = await response.text().catch(() => '');
      throw new UploadRefused(response.status, s3ErrorCode(body));
    }
  },
  async send(update) {
    const { updateDeliveryStatus } = await runOperation(UpdateDeliveryStatusDocument, {
      reference: update.reference,
      status: update.status,
      lat: update.location?.lat ?? null,
      lng: update.location?.lng ?? null,
      locationAccuracyM: update.location?.accuracyM ?? null,
      locationUnavailable: update.location ? null : (update.locationUnavailable ?? null),
      note: update.note ?? null,
      failureReason: update.failureReason ?? null,
      recipientName: update.recipientName ?? null,
      signatureKey: update.signatureKey ?? null,
      photoKey: update.photoKey ?? null,
      at: update.at,
      idempotencyKey: update.id,
    });
    return updateDeliveryStatus;
  },
};
