// Reading an access token's claims, with no dependency: the page's first script (app/day-snapshot.ts) uses it
// before Amplify has loaded, and lib/session.ts after.

/** The `cognito:groups` claim of an access token payload, as strings. */
export function readGroups(payload: Record<string, unknown> | undefined): string[] {
  const claim = payload?.['cognito:groups'];
  if (!Array.isArray(claim)) return [];
  return claim.filter((group): group is string => typeof group === 'string');
}
