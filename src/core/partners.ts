// Partner companies (Req 7.1): created and listed by admins; each integrates through its API tokens.
import { z } from 'zod';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from './errors';
import { parseInput, text } from './input-validation';
import type { Partner, Principal } from './model';
import type { Clock, PartnerRepository } from './ports';

const PARTNER_ID_RE = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

function assertAdmin(principal: Principal, what: string): void {
  if (principal.role !== 'ADMIN') {
    throw new ForbiddenError(`Only administrators can ${what}.`, { resolution: 'Sign in as an administrator.' });
  }
}

/** A readable id from a company name: "Acme Retail Ltd." → "acme-retail-ltd". */
export function partnerIdFromName(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

const createSchema = z.object({
  id: z
    .string()
    .trim()
    .toLowerCase()
    .nullish()
    .transform((v) => (v ? v : undefined))
    .pipe(
      z
        .string()
        .regex(PARTNER_ID_RE, {
          message: 'id may use lower-case letters, digits and inner hyphens (up to 64), e.g. acme-retail.',
        })
        .optional(),
    ),
  name: text('name', 2, 100),
  contactEmail: z
    .string()
    .trim()
    .email({ message: 'contactEmail must be an e-mail address, e.g. integrations@acme.example.' }),
});

export type CreatePartnerInput = z.input<typeof createSchema>;

/** Creates a partner; its id is given or derived from its name, and must not be taken. */
export async function createPartner(
  input: CreatePartnerInput,
  actor: Principal,
  deps: { partners: PartnerRepository; clock: Clock },
): Promise<Partner> {
  assertAdmin(actor, 'create partners');
  const parsed = parseInput(createSchema, input, 'partner');
  const id = parsed.id ?? partnerIdFromName(parsed.name);
  if (!PARTNER_ID_RE.test(id)) {
    throw new ValidationError('The name gives no usable id; give an id too, e.g. acme.', { field: 'id' });
  }
  if (await deps.partners.get(id)) {
    throw new ConflictError(`A partner with id ${id} already exists.`, { resolution: 'Choose another id.' });
  }
  const partner: Partner = {
    id,
    name: parsed.name,
    contactEmail: parsed.contactEmail,
    createdAt: deps.clock.now().toISOString(),
  };
  await deps.partners.put(partner);
  return partner;
}

export async function listPartners(actor: Principal, deps: { partners: PartnerRepository }): Promise<Partner[]> {
  assertAdmin(actor, 'list partners');
  return deps.partners.list();
}

export async function getPartner(
  id: string,
  actor: Principal,
  deps: { partners: PartnerRepository },
): Promise<Partner> {
  assertAdmin(actor, 'look up partners');
  if (id.trim() === '') throw new ValidationError('id is required: give the partner id, e.g. acme.', { field: 'id' });
  if (id.length > 64)
    throw new ValidationError('id is too long; partner ids have at most 64 characters.', { field: 'id' });
  const partner = await deps.partners.get(id);
  if (!partner) throw new NotFoundError(`No partner with id ${id} was found.`, { resolution: 'Check the partner id.' });
  return partner;
}
