// The caller's network address as AppSync reports it: identity.sourceIp (x-forwarded-for entries followed by the
// address of the TCP connection AppSync received), or, for API-key calls, which carry no identity, the
// x-forwarded-for request header. The last entry is the one AppSync saw itself; earlier ones are the client's word.
import type { AppSyncResolverEvent } from 'aws-lambda';

export function clientAddressOf(event: Pick<AppSyncResolverEvent<unknown>, 'identity' | 'request'>): string {
  const identity = event.identity as { sourceIp?: unknown } | null | undefined;
  const fromIdentity = Array.isArray(identity?.sourceIp)
    ? identity.sourceIp.filter((ip) => typeof ip === 'string')
    : [];
  const header = event.request?.headers?.['x-forwarded-for'];
  const fromHeader = typeof header === 'string' ? header.split(',').map((ip) => ip.trim()) : [];
  return fromIdentity.at(-1) || fromHeader.at(-1) || 'unknown';
}
