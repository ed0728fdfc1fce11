import { describe, expect, it } from 'vitest';
import { assignCourier, bookCourier, updateDeliveryStatus } from './bookings';
import { ConflictError, FaultError, ForbiddenError, NotFoundError, ValidationError } from './errors';
import type { Booking, BookingStatus, Principal } from './model';
import type { StoredProof } from './ports';
import {
  isProofKeyOf,
  judgeProofImage,
  newProofKey,
  PROOF_MAX_BYTES,
  proofImages,
  proofKeyPrefix,
  requestProofUpload,
  type ProofField,
} from './proof';
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
import { JPEG_IMAGE, PNG_IMAGE, SVG_SIGNATURE, WEBP_IMAGE } from './testing/proof-images';

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
  world.proofs.put(upload.key, upload.headers['Content-Type']!, PNG_IMAGE);
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

  it('refuses a truncated photo and a scripted signature, naming each field, and writes nothing', async () => {
    // Prepare
    const world = proofWorld();
    const b = await outForDelivery(world);
    const photo = await requestProofUpload(
      { reference: b.reference, kind: 'PHOTO', contentType: 'image/jpeg' },
      courier7,
      world,
    );
    world.proofs.put(photo.key, 'image/jpeg', JPEG_IMAGE.subarray(0, 500));
    const signature = await requestProofUpload(
      { reference: b.reference, kind: 'SIGNATURE', contentType: 'image/svg+xml' },
      courier7,
      world,
    );
    world.proofs.put(signature.key, 'image/svg+xml', svgWith('<script>alert(1)</script>'));

    // Act
    const error = await caught(
      updateDeliveryStatus(
        {
          reference: b.reference,
          status: 'DELIVERED',
          proof: { signatureKey: signature.key, photoKey: photo.key },
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
    expect(issues[0]?.message).toContain('is an SVG with a script; signatures may only draw');
    expect(issues[1]?.message).toContain('is not a complete JPEG image (it ends before the image does)');
    expect((error as ValidationError).resolution).toContain('at most 5 MB');
    const after = await world.bookings.get(b.reference);
    expect(after?.status).toBe('OUT_FOR_DELIVERY');
    expect(after?.version).toBe(b.version);
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

const MB = 1024 * 1024;
const SIGNATURE_PNG = 'proof/K7M-4XR-7/signature-abcdefghijkmnpqr.png';
const SIGNATURE_SVG = 'proof/K7M-4XR-7/signature-abcdefghijkmnpqr.svg';
const PHOTO_JPG = 'proof/K7M-4XR-7/photo-abcdefghijkmnpqr.jpg';
const PHOTO_WEBP = 'proof/K7M-4XR-7/photo-abcdefghijkmnpqr.webp';

/** What the store reads of `body` stored under `key` as `contentType`: the way the S3 store reads it. */
async function storedAs(key: string, contentType: string, body: Uint8Array | string): Promise<StoredProof> {
  const store = createMemoryProofStore();
  store.put(key, contentType, body);
  return (await store.inspect(key))!;
}

async function verdict(
  field: ProofField,
  key: string,
  contentType: string,
  body: Uint8Array | string,
): Promise<string | undefined> {
  return judgeProofImage(field, key, await storedAs(key, contentType, body))?.message;
}

/** A JPEG of exactly `size` bytes: the real image's start, filler, and its end marker. */
function jpegOfSize(size: number): Uint8Array {
  const bytes = new Uint8Array(size).fill(0x20);
  bytes.set(JPEG_IMAGE.subarray(0, 64));
  bytes.set(JPEG_IMAGE.subarray(-2), size - 2);
  return bytes;
}

function svgOfSize(size: number): string {
  const open = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M1 1 L9 9" stroke="#000"/>';
  return open + ' '.repeat(size - open.length - '</svg>'.length) + '</svg>';
}

const svgWith = (inner: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">${inner}</svg>`;

describe('judgeProofImage', () => {
  it('accepts complete PNG, JPEG and WebP images for either field and SVG drawings for signatures', async () => {
    // Act
    const verdicts = await Promise.all([
      verdict('proof.signatureKey', SIGNATURE_PNG, 'image/png', PNG_IMAGE),
      verdict('proof.photoKey', PHOTO_JPG, 'image/jpeg', JPEG_IMAGE),
      verdict('proof.photoKey', PHOTO_WEBP, 'image/webp', WEBP_IMAGE),
      verdict('proof.signatureKey', SIGNATURE_SVG, 'image/svg+xml', SVG_SIGNATURE),
      verdict(
        'proof.signatureKey',
        SIGNATURE_SVG,
        'image/svg+xml',
        `\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- drawn on the pad -->\n${SVG_SIGNATURE}\n<!-- end -->\n`,
      ),
      verdict('proof.signatureKey', SIGNATURE_SVG, 'image/svg+xml', svgWith('<path d="M1 1"/>').replace(/>.*$/, '/>')),
    ]);

    // Assess
    expect(verdicts).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('accepts 1 byte to exactly 5 MB and names the limit above it', async () => {
    // Act
    const atLimit = await verdict('proof.photoKey', PHOTO_JPG, 'image/jpeg', jpegOfSize(PROOF_MAX_BYTES));
    const svgAtLimit = await verdict('proof.signatureKey', SIGNATURE_SVG, 'image/svg+xml', svgOfSize(PROOF_MAX_BYTES));
    const oneOver = await verdict('proof.photoKey', PHOTO_JPG, 'image/jpeg', jpegOfSize(PROOF_MAX_BYTES + 1));
    const large = await verdict('proof.photoKey', PHOTO_JPG, 'image/jpeg', jpegOfSize(Math.round(7.2 * MB)));
    const largeSvg = await verdict(
      'proof.signatureKey',
      SIGNATURE_SVG,
      'image/svg+xml',
      svgOfSize(PROOF_MAX_BYTES + 1),
    );
    const empty = await verdict('proof.signatureKey', SIGNATURE_PNG, 'image/png', new Uint8Array(0));

    // Assess
    expect(PROOF_MAX_BYTES).toBe(5 * MB);
    expect(atLimit).toBeUndefined();
    expect(svgAtLimit).toBeUndefined();
    expect(oneOver).toBe(
      `proof.photoKey '${PHOTO_JPG}' is 5,242,881 bytes; proofs may be at most 5 MB; take the photo again, upload it with requestProofUpload and send the new key.`,
    );
    expect(large).toContain(`proof.photoKey '${PHOTO_JPG}' is 7.2 MB; proofs may be at most 5 MB;`);
    expect(largeSvg).toContain('is 5,242,881 bytes; proofs may be at most 5 MB');
    expect(empty).toBe(
      `proof.signatureKey '${SIGNATURE_PNG}' is empty (0 bytes); take the signature again, upload it with requestProofUpload and send the new key.`,
    );
  });

  it('refuses an image stored with another type than its name declares, or named as no accepted type', async () => {
    // Act
    const html = await verdict('proof.signatureKey', SIGNATURE_PNG, 'text/html', PNG_IMAGE);
    const jpegAsPng = await verdict('proof.signatureKey', SIGNATURE_PNG, 'image/jpeg', JPEG_IMAGE);
    const withCharset = await verdict(
      'proof.signatureKey',
      SIGNATURE_SVG,
      'image/svg+xml; charset=utf-8',
      SVG_SIGNATURE,
    );
    const svgPhoto = await verdict(
      'proof.photoKey',
      'proof/K7M-4XR-7/signature-abcdefghijkmnpqr.svg',
      'image/svg+xml',
      SVG_SIGNATURE,
    );
    const gif = await verdict('proof.photoKey', 'proof/K7M-4XR-7/photo-1.gif', 'image/gif', PNG_IMAGE);

    // Assess
    expect(html).toContain(
      `proof.signatureKey '${SIGNATURE_PNG}' is stored as text/html, not image/png as its name (.png) declares`,
    );
    expect(jpegAsPng).toContain('is stored as image/jpeg, not image/png');
    expect(withCharset).toBeUndefined();
    expect(svgPhoto).toContain('is not named as a photo image (its name must end in .png, .jpg, .webp)');
    expect(gif).toContain('proof.photoKey');
    expect(gif).toContain('its name must end in .png, .jpg, .webp');
  });

  it('refuses raster images that are not of their type or end before the image does', async () => {
    // Prepare
    const webpWithTail = new Uint8Array([...WEBP_IMAGE, 0, 0, 0, 0]);
    const badIhdr = PNG_IMAGE.slice();
    badIhdr[12] = 0x58;

    // Act
    const verdicts = await Promise.all([
      verdict('proof.photoKey', PHOTO_JPG, 'image/jpeg', JPEG_IMAGE.subarray(0, JPEG_IMAGE.length - 40)),
      verdict('proof.photoKey', PHOTO_JPG, 'image/jpeg', PNG_IMAGE),
      verdict('proof.signatureKey', SIGNATURE_PNG, 'image/png', PNG_IMAGE.subarray(0, PNG_IMAGE.length - 1)),
      verdict('proof.signatureKey', SIGNATURE_PNG, 'image/png', '<html><body>not an image</body></html>'),
      verdict('proof.signatureKey', SIGNATURE_PNG, 'image/png', badIhdr),
      verdict('proof.photoKey', PHOTO_WEBP, 'image/webp', WEBP_IMAGE.subarray(0, WEBP_IMAGE.length - 1)),
      verdict('proof.photoKey', PHOTO_WEBP, 'image/webp', webpWithTail),
      verdict('proof.photoKey', PHOTO_WEBP, 'image/webp', JPEG_IMAGE),
      verdict('proof.photoKey', PHOTO_JPG, 'image/jpeg', new Uint8Array([0xff, 0xd8, 0xff])),
    ]);

    // Assess
    expect(verdicts).toEqual([
      `proof.photoKey '${PHOTO_JPG}' is not a complete JPEG image (it ends before the image does); take the photo again, upload it with requestProofUpload and send the new key.`,
      expect.stringContaining('is not a JPEG image (it does not start as one)'),
      expect.stringContaining(
        `proof.signatureKey '${SIGNATURE_PNG}' is not a complete PNG image (it ends before the image does)`,
      ),
      expect.stringContaining('is not a PNG image (it does not start as one)'),
      expect.stringContaining('is not a PNG image (it does not start as one)'),
      expect.stringContaining('is not a complete WebP image (it ends before the image does)'),
      expect.stringContaining('is not a WebP image alone (4 bytes follow the image)'),
      expect.stringContaining('is not a WebP image (it does not start as one)'),
      expect.stringContaining('is not a complete JPEG image'),
    ]);
  });

  it('refuses SVGs that do not only draw, are incomplete or are not SVG text', async () => {
    // Act
    const verdicts = await Promise.all(
      [
        svgWith('<script>fetch("/steal")</script>'),
        svgWith('<svg:script href="x.js"/>'),
        svgWith('<path d="M1 1"/>').replace('<svg ', '<svg onload="alert(1)" '),
        svgWith('<rect width="5" height="5"\n  ONCLICK = "alert(1)"/>'),
        svgWith('<a href="javascript:alert(1)"><path d="M1 1"/></a>'),
        svgWith('<a href="java&#x09;script&#58;alert(1)"><path d="M1 1"/></a>'),
        svgWith('<a href="&#106;avascript:alert(1)"><path d="M1 1"/></a>'),
        svgWith('<foreignObject width="10" height="10"><div>hi</div></foreignObject>'),
        SVG_SIGNATURE.slice(0, -10),
        '<html><body><svg></svg></body></html>',
        '<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg"></svg>',
        new Uint8Array([0x3c, 0x73, 0x76, 0x67, 0x20, 0xff, 0xfe, 0x3e]),
        '<svgx></svgx>',
      ].map((body) => verdict('proof.signatureKey', SIGNATURE_SVG, 'image/svg+xml', body)),
    );

    // Assess
    expect(verdicts).toEqual([
      `proof.signatureKey '${SIGNATURE_SVG}' is an SVG with a script; signatures may only draw; take the signature again, upload it with requestProofUpload and send the new key.`,
      expect.stringContaining('is an SVG with a script; signatures may only draw'),
      expect.stringContaining('is an SVG with an event handler (an on… attribute); signatures may only draw'),
      expect.stringContaining('is an SVG with an event handler'),
      expect.stringContaining('is an SVG with a javascript: link; signatures may only draw'),
      expect.stringContaining('is an SVG with a javascript: link'),
      expect.stringContaining('is an SVG with a javascript: link'),
      expect.stringContaining('is an SVG with a <foreignObject> (embedded HTML); signatures may only draw'),
      expect.stringContaining('is not a complete SVG image (it ends before the image does: no closing </svg>)'),
      expect.stringContaining('is not an SVG image (it does not start with <svg)'),
      expect.stringContaining('is not an SVG image (it does not start with <svg)'),
      expect.stringContaining('is not an SVG image (it is not UTF-8 text)'),
      expect.stringContaining('is not an SVG image (it does not start with <svg)'),
    ]);
  });

  it('says a key that names nothing was never uploaded', () => {
    // Act
    const issue = judgeProofImage('proof.photoKey', PHOTO_JPG, undefined);

    // Assess
    expect(issue).toEqual({
      field: 'proof.photoKey',
      message: `proof.photoKey '${PHOTO_JPG}' was never uploaded; PUT the image to the uploadUrl from requestProofUpload (within 5 minutes) before marking the delivery.`,
    });
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
