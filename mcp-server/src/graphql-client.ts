// The MCP server's only way into the business: typed GraphQL operations signed with SigV4 under the server's
// own IAM identity, naming the partner token it acts for. The partner's token itself never leaves this server.
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, Provider } from '@aws-sdk/types';
import { PARTNER_TOKEN_ID_HEADER } from '../../src/api/partner-operations';
import { NodeSha256 } from '../../src/data/node-sha256';
import { signedPostHeaders } from '../../src/data/signed-post';
import type { GeneratedMutation, GeneratedQuery } from '../../src/generated/graphql';

/** A typed operation from src/generated/graphql.ts (`trackBooking`, `bookCourier`, …). */
export type Operation<V, R> = GeneratedQuery<V, R> | GeneratedMutation<V, R>;

/** Whom a call is made for: the id of a verified partner token, never the token. */
export type ActingFor = { tokenId: string };

export type GraphQLCaller = {
  execute<V, R>(operation: Operation<V, R>, variables: V, actingFor: ActingFor): Promise<R>;
};

/**
 * The API refused the operation: `errorType` is AppSync's (ValidationError, NotFoundError, RateLimitError…),
 * `message` the API's caller-safe explanation.
 */
export class GraphQLOperationError extends Error {
  readonly errorType: string;
  constructor(errorType: string, message: string) {
    super(message);
    this.name = 'GraphQLOperationError';
    this.errorType = errorType;
  }
}

/** The API could not be reached or answered with something that is not a GraphQL response: a fault. */
export class GraphQLTransportError extends Error {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = 'GraphQLTransportError';
  }
}

export type GraphQLCallerOptions = {
  url: string;
  region: string;
  /** The MCP service's credentials: its task or function role in the cloud, LOCAL_MCP_SERVICE locally. */
  credentials: AwsCredentialIdentity | Provider<AwsCredentialIdentity>;
  timeoutMs?: number;
  fetch?: typeof fetch;
};

type GraphQLResponse = { data?: Record<string, unknown> | null; errors?: { message?: string; errorType?: string }[] };

/** The field an operation selects (`trackBooking`, …): the first name after the first brace. */
function fieldOf(document: string): string {
  const m = /\{\s*([A-Za-z_]\w*)/.exec(document);
  return m?.[1] ?? 'operation';
}

export function createGraphQLCaller(options: GraphQLCallerOptions): GraphQLCaller {
  const url = new URL(options.url);
  const signer = new SignatureV4({
    service: 'appsync',
    region: options.region,
    credentials: options.credentials,
    sha256: NodeSha256,
  });
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;

  return {
    async execute<V, R>(operation: Operation<V, R>, variables: V, actingFor: ActingFor): Promise<R> {
      const query = String(operation);
      const body = JSON.stringify({ query, variables });
      const headers = await signedPostHeaders(
        signer,
        url,
        { 'content-type': 'application/json', [PARTNER_TOKEN_ID_HEADER]: actingFor.tokenId },
        body,
      );
      let res: Response;
      try {
        res = await doFetch(url, {
          method: 'POST',
          headers,
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (e) {
        throw new GraphQLTransportError(`GraphQL API unreachable at ${url.origin}`, { cause: e });
      }
      const json = (await res.json().catch(() => undefined)) as GraphQLResponse | undefined;
      if (!json || typeof json !== 'object') {
        throw new GraphQLTransportError(`GraphQL API answered HTTP ${res.status} without a GraphQL body`);
      }
      const error = json.errors?.[0];
      if (error) {
        // A variable the API's schema refused ("Variable "$pickupWindowEnd" got invalid value…") carries no
        // errorType: it is the caller's input, named in the message, not a fault.
        const refusedVariable = !error.errorType && /^Variable "\$\w+" got invalid value/.test(error.message ?? '');
        throw new GraphQLOperationError(
          error.errorType ?? (refusedVariable ? 'ValidationError' : `HTTP ${res.status}`),
          error.message ?? 'Unknown error',
        );
      }
      const field = fieldOf(query);
      if (!json.data || !(field in json.data)) {
        throw new GraphQLTransportError(`GraphQL API answered HTTP ${res.status} without data for ${field}`);
      }
      return json.data as R;
    },
  };
}
