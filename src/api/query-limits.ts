// How much one GraphQL request may ask for, in the cloud (AppSync's QueryDepthLimit and ResolverCountLimit, the
// WAF rate rules) and locally (the same numbers enforced by the local server): OWASP API4, unrestricted resource
// consumption. Every operation the project ships stays well inside them (query-limits.test.ts proves it).
export const QUERY_LIMITS = {
  /** Nested field levels, the root field counting as one (AppSync QueryDepthLimit, 1-75). */
  depth: 10,
  /** Aliased fields in one operation: one request must not fan out into many lookups (graphql-armor's default). */
  aliases: 15,
  /** Lexical tokens of the query text, checked before parsing (graphql-armor's default). */
  tokens: 1000,
  /** Directives in one operation. */
  directives: 10,
  /** Root fields of one operation, each one resolver call (AppSync ResolverCountLimit, 1-10000). */
  rootFields: 20,
  /** graphql-armor's cost estimate (objects 2, scalars 1, deeper levels weigh more). */
  cost: 5000,
  /** Bytes of one HTTP request body. */
  bodyBytes: 256 * 1024,
} as const;

/** Requests per client address in five minutes (WAF rate-based rules' window). */
export const WAF_RATE_LIMITS = {
  /** Any caller of the GraphQL API. */
  perAddress: 3000,
  /** Callers with the public API key (tracking): a person tracking a parcel needs a handful. */
  publicKeyPerAddress: 300,
} as const;
