// The partners feature's calls to the API: partners, their API tokens (the secret returned once, at issue)
// and the audit trail of partner calls.
import { runOperation } from '../../../lib/graphql-client';
import {
  CreatePartnerDocument,
  GetPartnerDocument,
  IssuePartnerTokenDocument,
  ListAuditEntriesDocument,
  ListPartnerTokensDocument,
  ListPartnersDocument,
  RevokePartnerTokenDocument,
  type ListAuditEntriesQuery,
  type PartnerFieldsFragment,
  type PartnerTokenFieldsFragment,
} from '../../../../generated/graphql';

export type PartnerFields = PartnerFieldsFragment;
export type PartnerTokenFields = PartnerTokenFieldsFragment;
export type AuditEntryFields = ListAuditEntriesQuery['listAuditEntries']['items'][number];

export type NewPartner = { id?: string; name: string; contactEmail: string };
export type TokenRequest = {
  partnerId: string;
  name: string;
  scopes: string[];
  expiresAt: string;
  rateLimitPerMinute: number;
};
/** A freshly issued token: `token` is the only copy of its secret there will ever be. */
export type IssuedToken = { token: string; tokenInfo: PartnerTokenFields };

export type AuditQuery = { partnerId?: string; day?: string };
export type AuditPage = { items: AuditEntryFields[]; nextToken: string | null };

export async function fetchPartners(): Promise<PartnerFields[]> {
  return (await runOperation(ListPartnersDocument, {})).listPartners;
}

export async function fetchPartner(id: string): Promise<PartnerFields | null> {
  return (await runOperation(GetPartnerDocument, { id })).getPartner;
}

export async function createPartner(input: NewPartner): Promise<PartnerFields> {
  return (
    await runOperation(CreatePartnerDocument, {
      id: input.id ?? null,
      name: input.name,
      contactEmail: input.contactEmail,
    })
  ).createPartner;
}

export async function fetchPartnerTokens(partnerId: string): Promise<PartnerTokenFields[]> {
  return (await runOperation(ListPartnerTokensDocument, { partnerId })).listPartnerTokens;
}

export async function issuePartnerToken(request: TokenRequest): Promise<IssuedToken> {
  return (await runOperation(IssuePartnerTokenDocument, request)).issuePartnerToken;
}

export async function revokePartnerToken(tokenId: string): Promise<PartnerTokenFields> {
  return (await runOperation(RevokePartnerTokenDocument, { tokenId })).revokePartnerToken;
}

/** One page of the audit trail, newest first: a partner's calls (optionally of one company day), or every partner's on a day. */
export async function fetchAuditPage(query: AuditQuery, limit: number, nextToken: string | null): Promise<AuditPage> {
  const { listAuditEntries } = await runOperation(ListAuditEntriesDocument, {
    partnerId: query.partnerId ?? null,
    day: query.day ?? null,
    limit,
    nextToken,
  });
  return { items: listAuditEntries.items, nextToken: listAuditEntries.nextToken ?? null };
}
