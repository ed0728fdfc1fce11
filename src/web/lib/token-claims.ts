// Reading an access token's claims, with no dependency: the page's first script (app/day-snapshot.ts,
// lib/early-requests.ts) uses it before Amplify has loaded, and lib/session.ts after.

/** The `cognito:groups` claim of an access token payload, as strings. */
export function readGroups(payload: Record<string, unknown> | undefined): string[] {
  const claim = payload?.['cognito:groups'];
  if (!Array.isArray(claim)) return [];
  return claim.filter((group): group is string => typeof group === 'string');
}

/** A JWT's payload, unverified (the server verifies it); undefined when it is not one. */
export function decodeClaims(jwt: string): Record<string, unknown> | undefined {
  try {
    const payload = jwt.split('.')[1] ?? '';
    const claims: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
