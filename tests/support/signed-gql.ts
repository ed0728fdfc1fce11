// Test support: GraphQL over HTTP signed with SigV4 (service appsync), as a service outside the backend
// (the MCP server) calls the API, with any extra headers it sends.
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { signedPostHeaders } from '../../src/data/signed-post';
import type { Stack } from '../../src/local/stack';
import type { GraphQLResult } from './test-stack';

export async function signedGql<T = Record<string, unknown>>(
  stack: Stack,
  credentials: { accessKeyId: string; secretAccessKey: string },
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResult<T>> {
  const url = new URL(stack.graphqlUrl);
  const body = JSON.stringify({ query, variables });
  const signer = new SignatureV4({ service: 'appsync', region: stack.region, credentials, sha256: Sha256 });
  const signed = await signedPostHeaders(signer, url, { 'content-type': 'application/json', ...headers }, body);
  const res = await fetch(url, { method: 'POST', headers: signed, body });
  const json = (await res.json()) as Omit<GraphQLResult<T>, 'status'>;
  return { status: res.status, ...json };
}
