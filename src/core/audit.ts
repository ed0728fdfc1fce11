// The partner audit trail (Req 7.8): every partner call with a digest of its arguments (never the
// arguments), its outcome and latency; read by admins per partner or per day.
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ForbiddenError } from './errors';
import { dayString, pageSchema, parseInput, text, type PageInput } from './input-validation';
import type { AuditEntry, AuditSource, Principal } from './model';
import type { AuditRepository, Page } from './ports';

/** JSON with object keys sorted at every level, so equal arguments always give the same digest. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Hex SHA-256 of the canonical JSON of a call's arguments. */
export function argsDigest(args: unknown): string {
  return createHash('sha256')
    .update(canonicalJson(args ?? {}), 'utf8')
    .digest('hex');
}

/** The outcome to record for a call: 'ok', or the error type the caller saw. */
export function outcomeOf(error: unknown): string {
  if (error === undefined) return 'ok';
  return error instanceof Error && error.name ? error.name : 'Error';
}

export type AuditCall = {
  partnerId: string;
  tokenId?: string;
  source: AuditSource;
  operation: string;
  args: unknown;
  outcome: string;
  latencyMs: number;
  at: Date;
};

/** Builds the entry for one call (the arguments reduced to their digest) and stores it. */
export async function recordAudit(call: AuditCall, deps: { audit: AuditRepository }): Promise<AuditEntry> {
  const entry: AuditEntry = {
    id: randomUUID(),
    partnerId: call.partnerId,
    source: call.source,
    operation: call.operation,
    argsDigest: argsDigest(call.args),
    outcome: call.outcome,
    latencyMs: Math.max(0, Math.round(call.latencyMs)),
    at: call.at.toISOString(),
  };
  if (call.tokenId !== undefined) entry.tokenId = call.tokenId;
  await deps.audit.record(entry);
  return entry;
}

const listSchema = z
  .object({
    partnerId: text('partnerId', 1, 64).nullish(),
    day: dayString.nullish(),
  })
  .refine((q) => q.partnerId || q.day, {
    message: 'Give a partnerId, a day (YYYY-MM-DD), or both.',
    path: ['partnerId'],
  });

/** Admins read the trail of one partner (optionally one day), or of every partner for one day. */
export async function listAuditEntries(
  filter: { partnerId?: string | null; day?: string | null },
  page: PageInput,
  actor: Principal,
  deps: { audit: AuditRepository },
): Promise<Page<AuditEntry>> {
  if (actor.role !== 'ADMIN') {
    throw new ForbiddenError('Only administrators can read the audit trail.', {
      resolution: 'Sign in as an administrator.',
    });
  }
  const q = parseInput(listSchema, filter, 'audit query');
  const p = parseInput(pageSchema, page, 'page');
  const query = q.partnerId
    ? { by: 'partner' as const, partnerId: q.partnerId, ...(q.day ? { day: q.day } : {}) }
    : { by: 'day' as const, day: q.day! };
  return deps.audit.list(query, { limit: p.limit, ...(p.nextToken ? { nextToken: p.nextToken } : {}) });
}
