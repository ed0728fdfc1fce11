// Proof-of-delivery images end to end on the local stack: a courier uploads a signature through a presigned
// URL to the gateway's S3 and marks the delivery with its key; keys of other bookings or never uploaded, and
// uploads that are not complete images of their type, are refused; admins and the booking's partner get view
// URLs that serve the bytes, other partners get nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Booking } from '../../src/core/model';
import { JPEG_IMAGE, PNG_IMAGE, WEBP_IMAGE } from '../../src/core/testing/proof-images';
import type { ProofImagesQuery, RequestProofUploadMutation } from '../../src/generated/graphql';
import type { Stack } from '../../src/local/stack';
import {
  assignCourier,
  bookCourier,
  proofImages,
  requestProofUpload,
  updateDeliveryStatus,
} from '../../src/generated/graphql';
import { as, companyDay, gql, pickupWindowSoon, startTestStack, type Caller } from '../support/test-stack';

const SIGNATURE =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40" width="120" height="40">' +
  '<path d="M5 30 C20 5 40 5 50 30 S80 35 115 10" fill="none" stroke="#1e293b" stroke-width="2"/></svg>';

let stack: Stack;
let admin: Caller;
let courier: Caller;
beforeAll(async () => {
  stack = await startTestStack();
  admin = await as(stack, 'admin@example.com');
  courier = await as(stack, 'courier5@example.com');
});
afterAll(async () => stack?.close());

/** An Acme booking assigned to courier-05 and out for delivery. */
async function outForDelivery(): Promise<string> {
  const { start, end } = pickupWindowSoon(stack);
  const booked = await gql<{ bookCourier: Booking }>(stack, await as(stack, 'partner@example.com'), bookCourier, {
    customerName: 'Ada Lovelace',
    customerPhone: '(206) 555-0150',
    pickup: { line1: '1201 3rd Ave', city: 'Seattle', postcode: '98101' },
    delivery: { line1: '400 Broad St', city: 'Seattle', postcode: '98109' },
    package: { size: 'SMALL', weightKg: 1.5, handling: [] },
    pickupWindowStart: start.toISOString(),
    pickupWindowEnd: end.toISOString(),
  });
  expect(booked.errors).toBeUndefined();
  const reference = booked.data!.bookCourier.reference;
  await gql(stack, admin, assignCourier, { reference, courierId: 'courier-05' });
  for (const status of ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY']) {
    const moved = await gql(stack, courier, updateDeliveryStatus, { reference, status, lat: 47.61, lng: -122.34 });
    expect(moved.errors).toBeUndefined();
  }
  return reference;
}

/** What the courier app does: ask for an upload target, then PUT the image to it with the given headers. */
async function uploadSignature(reference: string, by: Caller = courier): Promise<{ key: string; put: Response }> {
  const r = await gql<RequestProofUploadMutation>(stack, by, requestProofUpload, {
    reference,
    kind: 'SIGNATURE',
    contentType: 'image/svg+xml',
  });
  expect(r.errors).toBeUndefined();
  const upload = r.data!.requestProofUpload;
  const put = await fetch(upload.uploadUrl, {
    method: 'PUT',
    headers: JSON.parse(upload.headers) as Record<string, string>,
    body: SIGNATURE,
  });
  return { key: upload.key, put };
}

describe('proof of delivery', () => {
  it('lets the courier upload a signature for their own delivery and mark it delivered with it', async () => {
    // Prepare
    const reference = await outForDelivery();

    // Act
    const { key, put } = await uploadSignature(reference);
    const delivered = await gql<{ updateDeliveryStatus: Booking }>(stack, courier, updateDeliveryStatus, {
      reference,
      status: 'DELIVERED',
      recipientName: 'Ada Lovelace',
      signatureKey: key,
      lat: 47.6205,
      lng: -122.3493,
      locationAccuracyM: 8,
    });

    // Assess
    expect(put.status).toBe(200);
    expect(key).toMatch(new RegExp(`^proof/${reference}/signature-[a-z2-9]{16}\\.svg$`));
    expect(delivered.errors).toBeUndefined();
    expect(delivered.data?.updateDeliveryStatus.history.at(-1)?.proof).toEqual({
      signatureKey: key,
      photoKey: null,
      recipientName: 'Ada Lovelace',
    });
  });

  it('hides another courier’s delivery and refuses an upload of another type than declared', async () => {
    // Prepare
    const reference = await outForDelivery();
    const otherCourier = await as(stack, 'courier6@example.com');
    const upload = (
      await gql<RequestProofUploadMutation>(stack, courier, requestProofUpload, {
        reference,
        kind: 'PHOTO',
        contentType: 'image/jpeg',
      })
    ).data!.requestProofUpload;

    // Act
    const foreign = await gql(stack, otherCourier, requestProofUpload, {
      reference,
      kind: 'SIGNATURE',
      contentType: 'image/png',
    });
    const disguised = await fetch(upload.uploadUrl, {
      method: 'PUT',
      headers: { 'Content-Type': 'text/html' },
      body: '<script>alert(1)</script>',
    });

    // Assess
    expect(foreign.errors?.[0]?.errorType).toBe('NotFoundError');
    expect(disguised.status).toBe(403);
  });

  it('refuses a key of another booking and a key never uploaded, naming the field and the fix', async () => {
    // Prepare
    const reference = await outForDelivery();
    const elsewhere = await outForDelivery();
    const { key: otherKey } = await uploadSignature(elsewhere);

    // Act
    const foreignKey = await gql(stack, courier, updateDeliveryStatus, {
      reference,
      status: 'DELIVERED',
      signatureKey: otherKey,
      locationUnavailable: 'NO_FIX',
    });
    const missing = await gql(stack, courier, updateDeliveryStatus, {
      reference,
      status: 'DELIVERED',
      photoKey: `proof/${reference}/photo-abcdefghijkmnpqr.jpg`,
      locationUnavailable: 'NO_FIX',
    });

    // Assess
    expect(foreignKey.errors?.[0]?.errorType).toBe('ValidationError');
    expect(foreignKey.errors?.[0]?.message).toContain('proof.signatureKey');
    expect(foreignKey.errors?.[0]?.message).toContain('requestProofUpload');
    expect(missing.errors?.[0]?.errorType).toBe('ValidationError');
    expect(missing.errors?.[0]?.message).toContain('proof.photoKey');
    expect(missing.errors?.[0]?.message).toContain('never uploaded');
    expect((await stack.deps.bookings.get(reference))?.status).toBe('OUT_FOR_DELIVERY');
  });

  it('refuses uploads that are not complete images of their type, naming the field, and leaves the booking as it was', async () => {
    // Prepare
    const reference = await outForDelivery();
    const before = await stack.deps.bookings.get(reference);
    const upload = async (kind: 'SIGNATURE' | 'PHOTO', contentType: string, body: Uint8Array<ArrayBuffer> | string) => {
      const r = await gql<RequestProofUploadMutation>(stack, courier, requestProofUpload, {
        reference,
        kind,
        contentType,
      });
      const target = r.data!.requestProofUpload;
      const headers = JSON.parse(target.headers) as Record<string, string>;
      const put = await fetch(target.uploadUrl, { method: 'PUT', headers, body });
      expect(put.status).toBe(200);
      return target.key;
    };
    const corrupt = [
      {
        kind: 'PHOTO',
        type: 'image/jpeg',
        body: JPEG_IMAGE.subarray(0, 300),
        says: 'is not a complete JPEG image (it ends before the image does)',
      },
      {
        kind: 'SIGNATURE',
        type: 'image/png',
        body: '<html><body>not an image</body></html>',
        says: 'is not a PNG image',
      },
      {
        kind: 'SIGNATURE',
        type: 'image/svg+xml',
        body: SIGNATURE.replace('<path', '<script>alert(1)</script><path'),
        says: 'is an SVG with a script; signatures may only draw',
      },
      { kind: 'SIGNATURE', type: 'image/png', body: new Uint8Array(0), says: 'is empty (0 bytes)' },
      { kind: 'PHOTO', type: 'image/webp', body: WEBP_IMAGE.subarray(0, 200), says: 'is not a complete WebP image' },
      {
        kind: 'PHOTO',
        type: 'image/jpeg',
        body: new Uint8Array(Math.round(7.2 * 1024 * 1024)).fill(0x41),
        says: 'is 7.2 MB; proofs may be at most 5 MB',
      },
    ] as const;

    // Act
    const answers = [];
    for (const c of corrupt) {
      const key = await upload(c.kind, c.type, c.body);
      const field = c.kind === 'SIGNATURE' ? 'signatureKey' : 'photoKey';
      answers.push(
        await gql(stack, courier, updateDeliveryStatus, {
          reference,
          status: 'DELIVERED',
          recipientName: 'Ada Lovelace',
          [field]: key,
          locationUnavailable: 'NO_FIX',
        }),
      );
    }
    const after = await stack.deps.bookings.get(reference);
    const [signature, photo] = [
      await upload('SIGNATURE', 'image/png', PNG_IMAGE),
      await upload('PHOTO', 'image/jpeg', JPEG_IMAGE),
    ];
    const delivered = await gql<{ updateDeliveryStatus: Booking }>(stack, courier, updateDeliveryStatus, {
      reference,
      status: 'DELIVERED',
      recipientName: 'Ada Lovelace',
      signatureKey: signature,
      photoKey: photo,
      locationUnavailable: 'NO_FIX',
    });

    // Assess
    answers.forEach((answer, i) => {
      const c = corrupt[i]!;
      const error = answer.errors?.[0];
      expect(error?.errorType, c.says).toBe('ValidationError');
      expect(error?.message).toContain(c.kind === 'SIGNATURE' ? 'proof.signatureKey' : 'proof.photoKey');
      expect(error?.message).toContain(c.says);
      expect(error?.message).toContain('upload it with requestProofUpload and send the new key');
    });
    expect(after?.status).toBe('OUT_FOR_DELIVERY');
    expect(after?.version).toBe(before?.version);
    expect(delivered.errors).toBeUndefined();
    expect(delivered.data?.updateDeliveryStatus.status).toBe('DELIVERED');
  });

  it('gives admins and the booking’s partner the image, and other partners nothing', async () => {
    // Prepare
    const reference = await outForDelivery();
    const { key } = await uploadSignature(reference, admin);
    await gql(stack, courier, updateDeliveryStatus, {
      reference,
      status: 'DELIVERED',
      recipientName: 'Ada Lovelace',
      signatureKey: key,
      lat: 47.6205,
      lng: -122.3493,
      locationAccuracyM: 8,
    });

    // Act
    const byAdmin = await gql<ProofImagesQuery>(stack, admin, proofImages, { reference });
    const byOwnPartner = await gql<ProofImagesQuery>(stack, await as(stack, 'partner@example.com'), proofImages, {
      reference,
    });
    const byOtherPartner = await gql(stack, await as(stack, 'partner2@example.com'), proofImages, { reference });
    const image = await fetch(byAdmin.data!.proofImages!.signatureUrl!);

    // Assess
    expect(byAdmin.errors).toBeUndefined();
    expect(byAdmin.data?.proofImages).toMatchObject({ recipientName: 'Ada Lovelace', photoUrl: null });
    expect(byOwnPartner.data?.proofImages?.signatureUrl).toContain(encodeURI(key));
    expect(byOtherPartner.errors?.[0]?.errorType).toBe('NotFoundError');
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/svg+xml');
    expect(await image.text()).toBe(SIGNATURE);
  });

  it('serves the seeded signatures of the demo’s signed deliveries', async () => {
    // Prepare
    const today = companyDay(stack);
    const delivered = await stack.deps.bookings.query({ by: 'day', day: today, status: 'DELIVERED' }, { limit: 100 });
    const signed = delivered.items.find((b) => b.history.at(-1)?.proof?.signatureKey);

    // Act
    const r = await gql<ProofImagesQuery>(stack, admin, proofImages, { reference: signed!.reference });
    const image = await fetch(r.data!.proofImages!.signatureUrl!);

    // Assess
    expect(signed!.history.at(-1)?.proof?.signatureKey).toMatch(/^proof\/[A-Z0-9-]+\/signature-[a-z2-9]{16}\.svg$/);
    expect(image.status).toBe(200);
    expect(await image.text()).toMatch(/^<svg [^>]*>.*<path d="M/);
  });
});
