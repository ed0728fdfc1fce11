// The "New partner" form's draft and its checks, with the id the API will derive when none is given.
import type { NewPartner } from '../api/partners-api';

export type PartnerDraft = { name: string; contactEmail: string; id: string };
export type PartnerDraftField = keyof PartnerDraft;
export type PartnerDraftErrors = Partial<Record<PartnerDraftField, string>>;

export const EMPTY_PARTNER_DRAFT: PartnerDraft = { name: '', contactEmail: '', id: '' };

const PARTNER_ID_RE = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The id the API derives from a name ("Acme Retail Ltd." → "acme-retail-ltd"), as core/partners'
 * partnerIdFromName does. Repeated here because that module brings zod, which would join the app's
 * start-up chunk; a unit test holds the two to the same answers.
 */
export function partnerIdFromName(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

/** The id the partner will get: the one typed, or (as the API does) one derived from the name. */
export function partnerIdOf(draft: PartnerDraft): string {
  const typed = draft.id.trim().toLowerCase();
  return typed || partnerIdFromName(draft.name.trim());
}

/** Checks a draft; every message names its field and says what to do. */
export function checkPartnerDraft(
  draft: PartnerDraft,
): { ok: true; partner: NewPartner } | { ok: false; errors: PartnerDraftErrors } {
  const errors: PartnerDraftErrors = {};
  const name = draft.name.trim().replace(/\s+/g, ' ');
  if (name.length < 2 || name.length > 100) {
    errors.name = 'Name must be 2 to 100 characters, e.g. Acme Retail.';
  }
  const contactEmail = draft.contactEmail.trim();
  if (!EMAIL_RE.test(contactEmail)) {
    errors.contactEmail = 'Contact email must be an e-mail address, e.g. integrations@acme.example.';
  }
  const typedId = draft.id.trim().toLowerCase();
  if (typedId && !PARTNER_ID_RE.test(typedId)) {
    errors.id = 'ID may use lower-case letters, digits and inner hyphens (up to 64), e.g. acme-retail.';
  } else if (!typedId && !errors.name && !PARTNER_ID_RE.test(partnerIdOf(draft))) {
    errors.id = 'ID: the name gives no usable id; type one, e.g. acme.';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, partner: { name, contactEmail, ...(typedId ? { id: typedId } : {}) } };
}

/**
 * The form fields a server message is about. The API's validation messages start each problem with the
 * input's name ("contactEmail must be …", "name: …"), so the fields can be marked as well as the message shown.
 */
export function fieldsNamedIn<F extends string>(message: string, fields: readonly F[]): F[] {
  return fields.filter((field) => new RegExp(`(^|[\\s.:])${field}(:| must| may| is| should| can)`).test(message));
}
