import { describe, expect, it } from 'vitest';
import { assignCourier, bookCourier, updateDeliveryStatus } from './bookings';
import { ConflictError, FaultError, ForbiddenError, NotFoundError, ValidationError } from './errors';
import type { Booking, BookingStatus, Principal } from './model';
import { isProofKeyOf, newProofKey, proofImages, proofKeyPrefix, requestProofUpload } from './proof';
import { seededRandom } from './seeded-random';
import {
  acme,
  admin,
  anonymous,
  courier7,
  courier9,
  globex,
  makeWorld,
  validBookingInput,
  voicebot,
} from './testing/fixtures';
import { createMemoryProofStore, type MemoryProofStore } from './testing/memory-proof-store';

async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

type ProofWorld = ReturnType<typeof makeWorld> & { proofs: MemoryProofStore };

function proofWorld(): ProofWorld {
  const world = makeWorld();
  return { ...world, proofs: createMemoryProofStore(() => world.clock.now()) };
}

/** An Acme booking for courier-07, moved along to OUT_FOR_DELIVERY. */
async function outForDelivery(world: ProofWorld): Promise<Booking> {
  let b = await bookCourier(validBookingInput({ partnerId: 'acme' }), admin, world);
  b = await assignCourier(b.reference, 'courier-07', admin, world);
  for (const status of ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY'] as BookingStatus[]) {
    b = await updateDeliveryStatus({ reference: b.reference, status }, admin, world);
  }
  return b;
}

/** A signature uploaded the way the app does it: ask for a target, then PUT to it. */
async function uploadedSignature(world: ProofWorld, reference: string, by: Principal = courier7): Promise<string> {
  const upload = await requestProofUpload({ reference, kind: 'SIGNATURE', contentType: 'image/png' }, by, world);
  world.proofs.put(upload.key, upload.headers['Content-Type']!);
  return upload.key;
}

describe('proof keys', () => {
  it('puts each upload in its booking folder under a fresh name with the extension of its type', () => {
    // Prepare
    const random = seededRandom(7);

    // Act
    const first = newProofKey('K7M-4XR-7', 'SIGNATURE', 'image/svg+xml', random);
    const second = newProofKey('K7M-4XR-7', 'SIGNATURE', 'image/svg+xml', random);
    const photo = newProofKey('K7M-4XR-7', 'PHOTO', 'image/jpeg', random);

    // Assess
    expect(first).toMatch(/^proof\/K7M-4XR-7\/signature-[a-z2-9]{16}\.svg$/);
    expect(photo).toMatch(/^proof\/K7M-4XR-7\/photo-[a-z2-9]{16}\.jpg$/);
    expect(second).not.toBe(first);
    expect(proofKeyPrefix('K7M-4XR-7')).toBe('proof/K7M-4XR-7/');
  });

  it('accepts only keys directly inside the booking’s own folder', () => {
    // Act
    const verdicts = [
      'proof/K7M-4XR-7/signature-abc.png',
      'proof/K7M-4XR-9/signature-abc.png',
      'signatures/test-signature.png',
      'proof/K7M-4XR-7/../K7M-4XR-9/x.png',
      'proof/K7M-4XR-7/',
    ].map((key) => isProofKeyOf('K7M-4XR-7', key));

    // Assess
    expect(verdicts).toEqual([true, false, false, false, false]);
  });
});

describe('requestProofUpload', () => {
  it('gives the assigned courier and admins an upload target pinned to the image type', async () => {
    // Prepare
    const world = proofWorld();
    const b = await outForDelivery(world);

    // Act
    const byCourier = await requestProofUpload(
      { reference: b.reference, kind: 'SIGNATURE', contentType: 'image/svg+xml' },
      courier7,
      world,
    );
    const byAdmin = await requestProofUpload(
      { reference: b.reference.toLowerCase(), kind: 'PHOTO', contentType: ' IMAGE/JPEG ' },
      admin,
      world,
    );

    // Assess
    expect(byCourier.key).toMatch(new RegExp(`^proof/${b.reference}/signature-[a-z2-9]{16}\\.svg$`));
    expect(byCourier.headers).toEqual({ 'Content-Type': 'image/svg+xml' });
    expect(byCourier.expiresAt).toBe('2025-06-10T15:05:00.000Z');
    expect(byAdmin.key).toMatch(new RegExp(`^proof/${b.reference}/photo-[a-z2-9]{16}\\.jpg$`));
    expect(byAdmin.headers).toEqual({ 'Content-Type': 'image/jpeg' });
  });

  it('hides other couriers’ deliveries and refuses partners, the voicebot and the public', async () => {
    // Prepare
    const world = proofWorld();
    const b = await outForDelivery(world);
    const request = (who: Principal) =>
      caught(requestProofUpload({ reference: b.reference, kind: 'PHOTO', contentType: 'image/png' }, who, world));

    // Act
    const [otherCourier, otherPartner, ownPartner, bot, anyone] = await Promise.all(
      [courier9, globex, acme, voicebot, anonymous].map(request),
    );

    // Assess
    expect(otherCourier).toBeInstanceOf(NotFoundError);
    expect(otherPartner).toBeInstanceOf(NotFoundError);
    expect(ownPartner).toBeInstanceOf(ForbiddenError);
    expect(bot).toBeInstanceOf(ForbiddenError);
    expect(anyone).toBeInstanceOf(NotFoundError);
  });

  it('names the field and the accepted types for a wrong kind or image type', async () => {
    // Prepare
    const world = proofWorld();
    const b = await outForDelivery(world);

    // Act
    const svgPhoto = await caught(
      requestProofUpload({ reference: b.reference, kind: 'PHOTO', contentType: 'image/svg+xml' }, courier7, world),
    );
    const pdf = await caught(
      requestProofUpload({ reference: b.reference, kind: 'SIGNATURE', contentType: 'application/pdf' }, admin, world),
    );
    const video = await caught(
      requestProofUpload({ reference: b.reference, kind: 'VIDEO', contentType: 'image/png' }, admin, world),
    );

    // Assess
    expect(svgPhoto).toBeInstanceOf(ValidationError);
    expect((svgPhoto as ValidationError).field).toBe('contentType');
    expect((svgPhoto as ValidationError).message).toContain('use one of image/png, image/jpeg, image/webp');
    expect((pdf as ValidationError).message).toContain('image/svg+xml');
    expect((video as ValidationError).field).toBe('kind');
  });

  it('refuses finished bookings, and says so when no store is configured', async () => {
    // Prepare
    const world = proofWorld();
    const b = await outForDelivery(world);
    const key = await uploadedSignature(world, b.reference);
    await updateDeliveryStatus(
      { reference: b.reference, status: 'DELIVERED', proof: { signatureKey: key }, locationUnavailable: 'NO_FIX' },
      courier7,
      world,
    );
    const other = await outForDelivery(world);
    const { proofs: _none, ...storeless } = world;

    // Act
    const finished = await caught(
      requestProofUpload({ reference: b.reference, kind: 'PHOTO', contentType: 'image/png' }, admin, world),
    );
    const unconfigured = await caught(
      requestProofUpload({ reference: other.reference, kind: 'PHOTO', contentType: 'image/png' }, admin, storeless),
    );

    // Assess
    expect(finished).toBeInstanceOf(ConflictError);
    expect(unconfigured).toBeInstanceOf(FaultError);
  });
});

describe('updateDeliveryStatus with proof images', () => {
  it('records a delivery whose signature was uploaded for the booking', async () => {
    // Prepare
    const world = proofWorld();
    const b = await outForDelivery(world);
    const key = await uploadedSignature(world, b.reference);

    // Act
    const done = await updateDeliveryStatus(
      {
        reference: b.reference,
        status: 'DELIVERED',
        proof: { signatureKey: key, recipientName: 'Ann' },
        locationUnavailable: 'NO_FIX',
      },
      courier7,
      world,
    );

    // Assess
    expect(done.status).toBe('DELIVERED');
    expect(done.history.at(-1)?.proof).toEqual({ signatureKey: key, recipientName: 'Ann' });
  });

  it('refuses a key outside the booking’s folder and one never uploaded, naming each field', async () => {
    // Prepare
    const world = proofWorld();
    const b = await outForDelivery(world);
    const other = await outForDelivery(world);
    const elsewhere = await uploadedSignature(world, other.reference);
    const neverUploaded = `${proofKeyPrefix(b.reference)}photo-abcdefghijkmnpqr.jpg`;

    // Act
    const error = await caught(
      updateDeliveryStatus(
        {
          reference: b.reference,
          status: 'DELIVERED',
          proof: { signatureKey: elsewhere, photoKey: neverUploaded },
          locationUnavailable: 'NO_FIX',
        },
        courier7,
        world,
      ),
    );

    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    const issues = (error as ValidationError).issues;
    expect(issues.map((i) => i.field)).toEqual(['proof.signatureKey', 'proof.photoKey']);
    expect(issues[0]?.message).toContain(`start with proof/${b.reference}/`);
    expect(issues[1]?.message).toContain('was never uploaded');
    expect((error as ValidationError).resolution).toContain('requestProofUpload');
    expect((await world.bookings.get(b.reference))?.status).toBe('OUT_FOR_DELIVERY');
  });

  it('checks only the folder when no store is configured', async () => {
    // Prepare
    const world = makeWorld();
    let b = await bookCourier(validBookingInput(), admin, world);
    for (const status of ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY'] as BookingStatus[]) {
      b = await updateDeliveryStatus({ reference: b.reference, status }, admin, world);
    }

    // Act
    const wrong = await caught(
      updateDeliveryStatus({ reference: b.reference, status: 'DELIVERED', proof: { photoKey: 'p.jpg' } }, admin, world),
    );
    const done = await updateDeliveryStatus(
      { reference: b.reference, status: 'DELIVERED', proof: { photoKey: `proof/${b.reference}/photo-1.jpg` } },
      admin,
      world,
    );

    // Assess
    expect((wrong as ValidationError).field).toBe('proof.photoKey');
    expect(done.status).toBe('DELIVERED');
  });
});

describe('proofImages', () => {
  it('gives whoever may read the booking view URLs for its latest proof', async () => {
    // Prepare
    const world = proofWorld();
    const b = await outForDelivery(world);
    const key = await uploadedSignature(world, b.reference);
    await updateDeliveryStatus(
      {
        reference: b.reference,
        status: 'DELIVERED',
        proof: { signatureKey: key, recipientName: 'Ann Lee' },
        locationUnavailable: 'NO_FIX',
      },
      courier7,
      world,
    );

    // Act
    const seen = await Promise.all([admin, courier7, acme].map((who) => proofImages(b.reference, who, world)));

    // Assess
    for (const images of seen) {
      expect(images).toEqual({
        signatureUrl: `memory://proofs/${key}`,
        recipientName: 'Ann Lee',
        at: '2025-06-10T15:00:00.000Z',
      });
    }
  });

  it('is empty before delivery and hides the booking from everyone else', async () => {
    // Prepare
    const world = proofWorld();
    const b = await outForDelivery(world);

    // Act
    const before = await proofImages(b.reference, admin, world);
    const refused = await Promise.all(
      [courier9, globex, anonymous].map((who) => caught(proofImages(b.reference, who, world))),
    );

    // Assess
    expect(before).toBeUndefined();
    for (const error of refused) expect(error).toBeInstanceOf(NotFoundError);
  });
});
