// Partner management (admin): partners, their API tokens (the secret shown once), and the audit trail.
import { listAuditEntries } from '../../core/audit';
import { FaultError } from '../../core/errors';
import { issuePartnerToken, listPartnerTokens, revokePartnerToken } from '../../core/partner-tokens';
import { createPartner, getPartner, listPartners } from '../../core/partners';
import type { PartnerTokenRepository } from '../../core/ports';
import type { ApiDeps } from '../deps';
import { Router } from '../router';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

function tokensOf(deps: ApiDeps): PartnerTokenRepository {
  if (!deps.partnerTokens) throw new FaultError('Partner tokens are not configured in this runtime');
  return deps.partnerTokens;
}

export const partnersRouter = new Router()
  .onMutation('createPartner', async (args, { principal, deps }) =>
    createPartner(
      { id: str(args.id), name: str(args.name) ?? '', contactEmail: str(args.contactEmail) ?? '' },
      principal,
      deps,
    ),
  )
  .onQuery('listPartners', async (_args, { principal, deps }) => listPartners(principal, deps))
  .onQuery('getPartner', async (args, { principal, deps }) => getPartner(str(args.id) ?? '', principal, deps))
  .onMutation('issuePartnerToken', async (args, { principal, deps }) =>
    issuePartnerToken(
      {
        partnerId: str(args.partnerId) ?? '',
        name: str(args.name) ?? '',
        scopes: Array.isArray(args.scopes) ? (args.scopes as never[]) : [],
        expiresAt: str(args.expiresAt) ?? '',
        rateLimitPerMinute: num(args.rateLimitPerMinute),
      },
      principal,
      { ...deps, partnerTokens: tokensOf(deps) },
    ),
  )
  .onQuery('listPartnerTokens', async (args, { principal, deps }) =>
    listPartnerTokens(str(args.partnerId) ?? '', principal, { partnerTokens: tokensOf(deps) }),
  )
  .onMutation('revokePartnerToken', async (args, { principal, deps }) =>
    revokePartnerToken(str(args.tokenId) ?? '', principal, { partnerTokens: tokensOf(deps), clock: deps.clock }),
  )
  .onQuery('listAuditEntries', async (args, { principal, deps }) => {
    if (!deps.audit) throw new FaultError('The audit trail is not configured in this runtime');
    const page = await listAuditEntries(
      { partnerId: str(args.partnerId), day: str(args.day) },
      { limit: num(args.limit), nextToken: str(args.nextToken) },
      principal,
      { audit: deps.audit },
    );
    return { items: page.items, nextToken: page.nextToken ?? null };
  });
