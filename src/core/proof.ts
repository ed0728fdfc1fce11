// Proof-of-delivery images: the key each upload gets (per booking and kind), who may upload and who may see
// them, and the check that a delivery's signature and photo keys name images uploaded for that booking.
import { z } from 'zod';
import { assertCanReadBooking, canChangeBookingStatus } from './access';
import { ConflictError, FaultError, ForbiddenError, ValidationError } from './errors';
import { issuesToError, parseInput, type Issue } from './input-validation';
import type { Booking, DeliveryProof, Principal } from './model';
import type { BookingRepository, ProofStore, Random } from './ports';
import { requireReference } from './reference';
import { describeStatus, isTerminal } from './status-machine';

export const PROOF_KINDS = ['SIGNATURE', 'PHOTO'] as const;
export type ProofKind = (typeof PROOF_KINDS)[number];

/**
 * The image types each kind accepts and the extension its key gets. SVG only for signatures: signature pads
 * draw strokes, cameras do not.
 */
const CONTENT_TYPES: Readonly<Record<ProofKind, Readonly<Record<string, string>>>> = {
  SIGNATURE: { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/svg+xml': 'svg' },
  PHOTO: { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' },
};

const KEY_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const KEY_RANDOM_LENGTH = 16;
/** The file-name part of a key: no slashes, so nothing can sit outside the booking's folder. */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;
const PROOF_FIELDS = ['signatureKey', 'photoKey'] as const;

export function proofContentTypes(kind: ProofKind): string[] {
  return Object.keys(CONTENT_TYPES[kind]);
}

/** Every proof image of a booking lives under this prefix (the storage grants and the key check rely on it). */
export function proofKeyPrefix(reference: string): string {
  return `proof/${reference}/`;
}

/** A fresh key `proof/<reference>/<kind>-<random>.<ext>`: a new upload never overwrites an earlier one. */
export function newProofKey(reference: string, kind: ProofKind, contentType: string, random: Random): string {
  const ext = CONTENT_TYPES[kind][contentType];
  if (ext === undefined) throw new FaultError(`No extension for ${kind} content type ${contentType}`);
  let suffix = '';
  for (let i = 0; i < KEY_RANDOM_LENGTH; i++) suffix += KEY_ALPHABET[random.int(KEY_ALPHABET.length)];
  return `${proofKeyPrefix(reference)}${kind.toLowerCase()}-${suffix}.${ext}`;
}

/** Whether `key` names an object in the booking's own proof folder. */
export function isProofKeyOf(reference: string, key: string): boolean {
  const prefix = proofKeyPrefix(reference);
  return key.startsWith(prefix) && FILE_NAME.test(key.slice(prefix.length));
}

function assertCanUploadProof(
  principal: Principal,
  booking: Booking | undefined,
  reference: string,
): asserts booking is Booking {
  assertCanReadBooking(principal, booking, reference);
  if (!canChangeBookingStatus(principal, booking, 'DELIVERED')) {
    throw new ForbiddenError(`You are not allowed to add proof of delivery to booking ${reference}.`, {
      resolution: 'Only the assigned courier or an administrator can upload a signature or photo.',
    });
  }
}

function requireStore(store: ProofStore | undefined): ProofStore {
  if (!store) throw new FaultError('Proof-of-delivery storage is not configured in this runtime');
  return store;
}

const uploadSchema = z
  .object({
    reference: z.unknown(),
    kind: z.enum(PROOF_KINDS),
    contentType: z
      .string()
      .transform((s) => s.trim().toLowerCase())
      .pipe(z.string().min(1, { message: 'contentType is empty; give the image type, e.g. image/png.' })),
  })
  .superRefine((input, ctx) => {
    const allowed = proofContentTypes(input.kind);
    if (allowed.includes(input.contentType)) return;
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['contentType'],
      message: `contentType '${input.contentType}' is not accepted for a ${input.kind.toLowerCase()}; use one of ${allowed.join(', ')}.`,
    });
  });

export type ProofUpload = { key: string; uploadUrl: string; headers: Record<string, string>; expiresAt: string };

/**
 * Where the courier's app sends a signature or photo before marking the delivery: a fresh key in the
 * booking's proof folder and a short-lived URL that accepts only the declared image type. Only the booking's
 * courier and administrators may upload; anyone else's booking is "not found".
 */
export async function requestProofUpload(
  input: { reference: unknown; kind: unknown; contentType: unknown },
  principal: Principal,
  deps: { bookings: BookingRepository; random: Random; proofs?: ProofStore },
): Promise<ProofUpload> {
  const parsed = parseInput(uploadSchema, input, 'upload request');
  const reference = requireReference(parsed.reference);
  const booking = await deps.bookings.get(reference);
  assertCanUploadProof(principal, booking, reference);
  if (isTerminal(booking.status)) {
    throw new ConflictError(`Booking ${reference} is ${describeStatus(booking.status)}; it takes no more proof.`, {
      resolution: 'Upload the signature or photo before marking the delivery as delivered.',
    });
  }
  const store = requireStore(deps.proofs);
  const key = newProofKey(reference, parsed.kind, parsed.contentType, deps.random);
  const target = await store.uploadTarget(key, parsed.contentType);
  return { key, uploadUrl: target.url, headers: target.headers, expiresAt: target.expiresAt };
}

export type ProofImages = { signatureUrl?: string; photoUrl?: string; recipientName?: string; at: string };

/**
 * The latest proof of delivery of a booking with short-lived URLs to its images, for whoever may read the
 * booking (admins, its courier, its partner); undefined before any proof was recorded.
 */
export async function proofImages(
  reference: unknown,
  principal: Principal,
  deps: { bookings: BookingRepository; proofs?: ProofStore },
): Promise<ProofImages | undefined> {
  const ref = requireReference(reference);
  const booking = await deps.bookings.get(ref);
  assertCanReadBooking(principal, booking, ref);
  const event = [...booking.history].reverse().find((e) => e.proof);
  if (!event?.proof) return undefined;
  const { signatureKey, photoKey, recipientName } = event.proof;
  const view = (key: string | undefined) =>
    key === undefined ? Promise.resolve(undefined) : requireStore(deps.proofs).viewUrl(key);
  const [signatureUrl, photoUrl] = await Promise.all([view(signatureKey), view(photoKey)]);
  return {
    ...(signatureUrl !== undefined ? { signatureUrl } : {}),
    ...(photoUrl !== undefined ? { photoUrl } : {}),
    ...(recipientName !== undefined ? { recipientName } : {}),
    at: event.at,
  };
}

/**
 * Refuses a delivery's signature or photo key unless it lies in the booking's proof folder and (when a
 * store is configured) the image was actually uploaded: a key that points at nothing would show a broken
 * image as "proof" forever.
 */
export async function checkProofKeys(reference: string, proof: DeliveryProof, store?: ProofStore): Promise<void> {
  const prefix = proofKeyPrefix(reference);
  const found = await Promise.all(
    PROOF_FIELDS.map(async (name): Promise<Issue | undefined> => {
      const key = proof[name]?.trim();
      const field = `proof.${name}`;
      if (!key) return undefined;
      if (!isProofKeyOf(reference, key)) {
        return {
          field,
          message: `${field} '${key}' is not an image of booking ${reference} (its keys start with ${prefix}); upload the image with requestProofUpload and send the key it returns.`,
        };
      }
      if (store && !(await store.exists(key))) {
        return {
          field,
          message: `${field} '${key}' was never uploaded; PUT the image to the uploadUrl from requestProofUpload (within 5 minutes) before marking the delivery.`,
        };
      }
      return undefined;
    }),
  );
  const issues = found.filter((issue): issue is Issue => issue !== undefined);
  if (issues.length > 0) {
    throw new ValidationError(issuesToError(issues, 'proof of delivery').message, {
      issues,
      resolution: 'Upload the image first with requestProofUpload, then send the key it returns.',
    });
  }
}
