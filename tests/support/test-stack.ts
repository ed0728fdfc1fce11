// Test support: a throwaway local stack on free ports, Cognito tokens per demo user, and a plain
// GraphQL-over-HTTP caller (AppSync's wire format) for tests that don't need the Amplify client.
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { startStack, type Stack } from '../../src/local/stack';

export const DEMO_PASSWORD = 'Demo-Courier-2026!';

export async function startTestStack(
  options: { web?: 'none' | 'dev' | 'static'; provisionVoicebot?: boolean } = {},
): Promise<Stack> {
  return startStack({
    gatewayPort: 0,
    webPort: 0,
    demoPassword: DEMO_PASSWORD,
    seed: true,
    web: options.web ?? 'none',
    provisionVoicebot: options.provisionVoicebot ?? false,
  });
}

const tokenCache = new Map<string, string>();

/** A Cognito access token for a demo user (USER_PASSWORD_AUTH through the gateway). */
export async function accessTokenFor(stack: Stack, email: string): Promise<string> {
  const key = `${stack.userPoolClientId}:${email}`;
  const cached = tokenCache.get(key);
  if (cached) return cached;
  const out = await stack.cognito.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: stack.userPoolClientId,
      AuthParameters: { USERNAME: email, PASSWORD: DEMO_PASSWORD },
    }),
  );
  const token = out.AuthenticationResult?.AccessToken;
  if (!token) throw new Error(`no token for ${email}`);
  tokenCache.set(key, token);
  return token;
}

export type GraphQLResult<T = Record<string, unknown>> = {
  status: number;
  data?: T | null;
  errors?: { message: string; errorType?: string; path?: string[] }[];
};

export type Caller = { token: string } | { apiKey: string } | { anonymous: true };

export async function gql<T = Record<string, unknown>>(
  stack: Stack,
  caller: Caller,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResult<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if ('token' in caller) headers.authorization = caller.token;
  if ('apiKey' in caller) headers['x-api-key'] = caller.apiKey;
  const res = await fetch(stack.graphqlUrl, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as Omit<GraphQLResult<T>, 'status'>;
  return { status: res.status, ...body };
}

export async function as(stack: Stack, email: string): Promise<Caller> {
  return { token: await accessTokenFor(stack, email) };
}
