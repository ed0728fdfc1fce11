// The app's GraphQL transport: typed queries and subscriptions over Amplify's client (user-pool auth).
// Amplify's API category (its GraphQL client, the graphql parser, rxjs: ~23 kB gzip) loads on the first operation
// that needs it, not with the app's start: a courier's first screen is answered by the requests the page's entry
// sent (lib/early-requests.ts), so it renders without waiting for that download (issue 10, cold first load).
import type { GraphQLResult } from 'aws-amplify/api';
import { fetchAuthSession } from 'aws-amplify/auth';
import { takeEarlyResult } from './early-requests';

/**
 * A GraphQL document carrying its result and variable types: codegen's `TypedDocumentString`
 * (src/generated/graphql.ts) has this shape.
 */
export type TypedDocument<TData, TVariables> = {
  toString(): string;
  __apiType?: (variables: TVariables) => TData;
};

export type Variables = Record<string, unknown>;

type MessageStream = {
  subscribe(observer: { next: (message: { data: unknown }) => void; error: (error: unknown) => void }): {
    unsubscribe(): void;
  };
};

/**
 * The one call of Amplify's client this module makes. Amplify's own typing infers results only from
 * its branded strings and is too deep for schema-less clients, so the document's types are applied here.
 */
type GraphqlCall = (options: { query: string; variables: Variables }) => unknown;

const clients = new Map<'userPool' | 'apiKey', Promise<GraphqlCall>>();

/**
 * Amplify's client for the signed-in user (user pool) or for pages anyone may open (API key, public tracking),
 * created on first use: Amplify must be configured first. A download that failed (the network dropped) is tried
 * again by the next operation.
 */
function getGraphql(authMode: 'userPool' | 'apiKey' = 'userPool'): Promise<GraphqlCall> {
  let client = clients.get(authMode);
  if (!client) {
    client = import('aws-amplify/api').then(({ generateClient }) => {
      const amplify = generateClient({ authMode });
      return (options: { query: string; variables: Variables }) => amplify.graphql(options);
    });
    client.catch(() => clients.delete(authMode));
    clients.set(authMode, client);
  }
  return client;
}

/**
 * Runs a query or mutation; rejects with Amplify's `{ data, errors }` result when the server reports errors.
 * A request the page's entry already sent (lib/early-requests.ts) is answered from there, once, when it
 * succeeded and for the user still signed in; otherwise it goes out as always.
 */
export async function runOperation<TData, TVariables extends Variables>(
  document: TypedDocument<TData, TVariables>,
  variables: TVariables,
): Promise<TData> {
  const early = takeEarlyResult(document.toString(), variables);
  if (early) {
    const [data, sub] = await Promise.all([early.data, sessionSub()]);
    if (data !== undefined && sub === early.sub) return data as TData;
  }
  const graphql = await getGraphql();
  const result = (await graphql({ query: document.toString(), variables })) as GraphQLResult<TData>;
  return result.data;
}

/** Runs a public (API-key) query: no user session is needed or used. */
export async function runPublicOperation<TData, TVariables extends Variables>(
  document: TypedDocument<TData, TVariables>,
  variables: TVariables,
): Promise<TData> {
  const graphql = await getGraphql('apiKey');
  const result = (await graphql({ query: document.toString(), variables })) as GraphQLResult<TData>;
  return result.data;
}

/** The signed-in user's `sub`, from Amplify's session (refreshed by it if need be); undefined when signed out. */
async function sessionSub(): Promise<string | undefined> {
  const session = await fetchAuthSession().catch(() => undefined);
  const sub = session?.tokens?.accessToken.payload.sub;
  return typeof sub === 'string' ? sub : undefined;
}

export type SubscriptionHandlers<TData> = {
  next: (data: TData) => void;
  error: (error: unknown) => void;
};

/**
 * Starts a subscription over AppSync's real-time protocol and returns the function that stops it (also before
 * the client has loaded: then it never starts). A client that fails to load is reported to `handlers.error`.
 */
export function subscribeTo<TData, TVariables extends Variables>(
  document: TypedDocument<TData, TVariables>,
  variables: TVariables,
  handlers: SubscriptionHandlers<TData>,
): () => void {
  let stopped = false;
  let subscription: { unsubscribe(): void } | undefined;
  getGraphql().then(
    (call) => {
      if (stopped) return;
      const stream = call({ query: document.toString(), variables }) as MessageStream;
      subscription = stream.subscribe({
        next: (message) => handlers.next(message.data as TData),
        error: handlers.error,
      });
    },
    (error: unknown) => {
      if (!stopped) handlers.error(error);
    },
  );
  return () => {
    stopped = true;
    subscription?.unsubscribe();
  };
}

export type Page<T> = { items: T[]; nextToken?: string | null };

/** Every item of a paginated list: asks for pages, following nextToken, until the last one. */
export async function collectPages<T>(fetchPage: (nextToken: string | null) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let nextToken: string | null = null;
  do {
    const page: Page<T> = await fetchPage(nextToken);
    items.push(...page.items);
    nextToken = page.nextToken ?? null;
  } while (nextToken !== null);
  return items;
}
