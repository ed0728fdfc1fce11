// Proof-of-delivery images: the key each upload gets (per booking and kind), who may upload and who may see
// them, and the check that a delivery's signature and photo keys name complete images of their declared type
// uploaded for that booking.
import { z } from 'zod';
import { assertCanReadBooking, canChangeBookingStatus } from './access';
import { ConflictError, FaultError, ForbiddenError, ValidationError } from './errors';
import { issuesToError, parseInput, type Issue } from './input-validation';
import type { Booking, DeliveryProof, Principal } from './model';
import type { BookingRepository, ProofStore, Random, StoredProof } from './ports';
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

/** The largest proof image a delivery accepts: a downscaled photo is a few hundred KB, a signature less. */
export const PROOF_MAX_BYTES = 5 * 1024 * 1024;
/** How many bytes from each end of a raster image the check reads: enough for its signature and its end. */
export const PROOF_EDGE_BYTES = 16;

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
 * store is configured) names a complete image of the type its name declares: a key that points at nothing,
 * at an empty or truncated file, at a web page or at a scripted SVG would be shown as "proof" forever.
 */
export async function checkProofKeys(reference: string, proof: DeliveryProof, store?: ProofStore): Promise<void> {
  const prefix = proofKeyPrefix(reference);
  const found = await Promise.all(
    PROOF_FIELDS.map(async (name): Promise<Issue | undefined> => {
      const key = proof[name]?.trim();
      const field = `proof.${name}` as const;
      if (!key) return undefined;
      if (!isProofKeyOf(reference, key)) {
        return {
          field,
          message: `${field} '${key}' is not an image of booking ${reference} (its keys start with ${prefix}); upload the image with requestProofUpload and send the key it returns.`,
        };
      }
      return store ? judgeProofImage(field, key, await store.inspect(key)) : undefined;
    }),
  );
  const issues = found.filter((issue): issue is Issue => issue !== undefined);
  if (issues.length > 0) {
    throw new ValidationError(issuesToError(issues, 'proof of delivery').message, {
      issues,
      resolution: `Upload the image (again) with requestProofUpload — a complete PNG, JPEG or WebP, or an SVG for a signature, of at most ${formatMegabytes(PROOF_MAX_BYTES)} — then send the key it returns.`,
    });
  }
}

export type ProofField = `proof.${(typeof PROOF_FIELDS)[number]}`;

/**
 * Whether what is stored under `key` may stand as the delivery's proof in `field`: present, of 1 byte to
 * PROOF_MAX_BYTES, stored with the type its extension declares (the one requestProofUpload signed), and a
 * complete image of that type — the first and last bytes of a JPEG, PNG or WebP, the whole text of an SVG,
 * which must only draw (no script, event handlers, javascript: links or embedded HTML). Undefined when it
 * may; otherwise the issue, naming the field, what is wrong and what to do.
 */
export function judgeProofImage(field: ProofField, key: string, stored: StoredProof | undefined): Issue | undefined {
  const kind: ProofKind = field === 'proof.signatureKey' ? 'SIGNATURE' : 'PHOTO';
  const noun = kind === 'SIGNATURE' ? 'signature' : 'photo';
  const again = `take the ${noun} again, upload it with requestProofUpload and send the new key.`;
  const refuse = (problem: string): Issue => ({ field, message: `${field} '${key}' ${problem}; ${again}` });
  if (stored === undefined) {
    return {
      field,
      message: `${field} '${key}' was never uploaded; PUT the image to the uploadUrl from requestProofUpload (within 5 minutes) before marking the delivery.`,
    };
  }
  const ext = /\.([a-z]+)$/.exec(key)?.[1];
  const declared = Object.entries(CONTENT_TYPES[kind]).find(([, e]) => e === ext)?.[0];
  if (declared === undefined) {
    const allowed = Object.values(CONTENT_TYPES[kind]).map((e) => `.${e}`);
    return refuse(`is not named as a ${noun} image (its name must end in ${allowed.join(', ')})`);
  }
  if (stored.size === 0) return refuse('is empty (0 bytes)');
  if (stored.size > PROOF_MAX_BYTES) {
    return refuse(`is ${formatMegabytes(stored.size)}; proofs may be at most ${formatMegabytes(PROOF_MAX_BYTES)}`);
  }
  const storedType = stored.contentType.split(';')[0]!.trim().toLowerCase();
  if (storedType !== declared) {
    return refuse(`is stored as ${stored.contentType || 'no type'}, not ${declared} as its name (.${ext}) declares`);
  }
  const problem = imageProblem(declared, stored);
  return problem === undefined ? undefined : refuse(problem);
}

const JPEG_START = [0xff, 0xd8, 0xff];
const JPEG_END = [0xff, 0xd9];
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** The first chunk of every PNG: IHDR, 13 bytes long. */
const PNG_IHDR = [0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52];
/** The last chunk of every PNG: IEND, empty, with its fixed CRC. */
const PNG_IEND = [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];
const ASCII = (text: string) => [...text].map((c) => c.charCodeAt(0));
const INCOMPLETE = 'it ends before the image does';

function startsWith(bytes: Uint8Array, expected: readonly number[], at = 0): boolean {
  return bytes.length >= at + expected.length && expected.every((b, i) => bytes[at + i] === b);
}

function endsWith(bytes: Uint8Array, expected: readonly number[]): boolean {
  return bytes.length >= expected.length && startsWith(bytes, expected, bytes.length - expected.length);
}

function imageProblem(type: string, stored: StoredProof): string | undefined {
  const { head, tail, size } = stored;
  switch (type) {
    case 'image/jpeg':
      if (!startsWith(head, JPEG_START)) return 'is not a JPEG image (it does not start as one)';
      if (!endsWith(tail, JPEG_END)) return `is not a complete JPEG image (${INCOMPLETE})`;
      return undefined;
    case 'image/png':
      if (!startsWith(head, PNG_SIGNATURE) || !startsWith(head, PNG_IHDR, PNG_SIGNATURE.length)) {
        return 'is not a PNG image (it does not start as one)';
      }
      if (!endsWith(tail, PNG_IEND)) return `is not a complete PNG image (${INCOMPLETE})`;
      return undefined;
    case 'image/webp': {
      if (!startsWith(head, ASCII('RIFF')) || !startsWith(head, ASCII('WEBP'), 8)) {
        return 'is not a WebP image (it does not start as one)';
      }
      // The RIFF header counts the bytes after its first 8: the whole file, when nothing is missing or added.
      const riffSize = (head[4]! | (head[5]! << 8) | (head[6]! << 16) | (head[7]! << 24)) >>> 0;
      if (riffSize + 8 > size) return `is not a complete WebP image (${INCOMPLETE})`;
      if (riffSize + 8 < size) return `is not a WebP image alone (${size - riffSize - 8} bytes follow the image)`;
      return undefined;
    }
    case 'image/svg+xml':
      return svgProblem(stored);
    default:
      throw new FaultError(`No check for proof image type ${type}`);
  }
}

/** The prolog an SVG file may open with: a BOM, an XML declaration, whitespace and comments. */
const SVG_PROLOG = /^\uFEFF?(?:<\?xml\s[^>]*\?>)?(?:\s|<!--[\s\S]*?-->)*/;
/** What may follow the root's end tag (matched from the last `</svg`, so a long body is read once). */
const SVG_EPILOG = /^<\/svg\s*>(?:\s|<!--[\s\S]*?-->)*$/;
/** What turns a drawing into a program or a page; `on…=` attributes are event handlers (onload, onclick, …). */
const SVG_SCRIPT = /<\s*(?:[\w.-]+:)?script\b/i;
const SVG_EVENT_HANDLER = /[\s"'/](?:[\w.-]+:)?on[a-z]+\s*=/i;
const SVG_FOREIGN_OBJECT = /<\s*(?:[\w.-]+:)?foreignObject\b/i;
const ONLY_DRAW = 'signatures may only draw';

function svgProblem(stored: StoredProof): string | undefined {
  if (stored.body === undefined) throw new FaultError('The proof store gave no body for an SVG within the limit');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(stored.body);
  } catch {
    return 'is not an SVG image (it is not UTF-8 text)';
  }
  const root = text.slice(SVG_PROLOG.exec(text)?.[0].length ?? 0);
  if (!/^<svg[\s>/]/.test(root)) return 'is not an SVG image (it does not start with <svg)';
  if (!SVG_EPILOG.test(root.slice(root.lastIndexOf('</svg'))) && !/^<svg\b[^<]*\/>\s*$/.test(root)) {
    return `is not a complete SVG image (${INCOMPLETE}: no closing </svg>)`;
  }
  if (SVG_SCRIPT.test(root)) return `is an SVG with a script; ${ONLY_DRAW}`;
  if (SVG_EVENT_HANDLER.test(root)) return `is an SVG with an event handler (an on… attribute); ${ONLY_DRAW}`;
  // Browsers read character references and drop tabs and newlines inside URLs: "java&#x09;script:" is a link.
  const plain = decodeCharacterReferences(root).replace(/[\p{Cc}\s]+/gu, '');
  if (/javascript:/i.test(plain)) return `is an SVG with a javascript: link; ${ONLY_DRAW}`;
  if (SVG_FOREIGN_OBJECT.test(root)) return `is an SVG with a <foreignObject> (embedded HTML); ${ONLY_DRAW}`;
  return undefined;
}

const NAMED_REFERENCES: Readonly<Record<string, string>> = { colon: ':', tab: '\t', newline: '\n' };

function decodeCharacterReferences(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));?/gi, (whole, hex?: string, dec?: string, name?: string) => {
    if (name !== undefined) return NAMED_REFERENCES[name.toLowerCase()] ?? whole;
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** "7.2 MB", or the exact byte count where one decimal would hide that a size is over the limit. */
function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  const rounded = mb.toFixed(1).replace(/\.0$/, '');
  if (bytes > PROOF_MAX_BYTES && Number(mb.toFixed(1)) <= PROOF_MAX_BYTES / (1024 * 1024)) {
    return `${bytes.toLocaleString('en-US')} bytes`;
  }
  return `${rounded} MB`;
}
