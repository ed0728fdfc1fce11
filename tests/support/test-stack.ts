// Test support: a throwaway local stack on free ports, Cognito tokens per demo user, and a plain
// GraphQL-over-HTTP caller (AppSync's wire format) for tests that don't need the Amplify client.
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { addDays } from '../../src/core/business-calendar';
import { startStack, type Stack, type StackOptions } from '../../src/local/stack';

export const DEMO_PASSWORD = 'Demo-Courier-2026!';

const HOUR = 3_600_000;

/**
 * The company's time zone for a test stack started now, unless a test names one. Its calendar date is never
 * UTC's: Kiritimati (UTC+14) is a day ahead of UTC from 10:00 UTC on, Pago Pago (UTC−11) a day behind before
 * 11:00 UTC. A test that takes a day from UTC (`toISOString().slice(0, 10)`) instead of the stack's calendar
 * then fails at whatever hour CI runs it, not only in the hours when UTC and the demo's Seattle disagree.
 */
export function testCompanyTimeZone(now: Date = new Date()): string {
  // TEST_COMPANY_TIME_ZONE=<IANA zone> runs every test stack that names no zone in that one instead.
  const forced = process.env.TEST_COMPANY_TIME_ZONE;
  if (forced) return forced;
  return now.getUTCHours() >= 10 ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';
}

export type TestStackOptions = Partial<
  Pick<
    StackOptions,
    'web' | 'provisionVoicebot' | 'mapTileUrl' | 'mcpPort' | 'timeZone' | 'seedRules' | 'log' | 'breakerHalfOpenMs'
  >
>;

/** A seeded throwaway stack on free ports, its company in `testCompanyTimeZone()` unless `timeZone` is given. */
export async function startTestStack(options: TestStackOptions = {}): Promise<Stack> {
  return startStack({
    gatewayPort: 0,
    webPort: 0,
    demoPassword: DEMO_PASSWORD,
    seed: true,
    ...options,
    web: options.web ?? 'none',
    provisionVoicebot: options.provisionVoicebot ?? false,
    timeZone: options.timeZone ?? testCompanyTimeZone(),
    // Tests book at whatever hour CI runs them: the demo's collection hours would refuse a pickup "in an hour"
    // at night. Tests of the rules themselves set them (tests/e2e/company-settings.test.ts) or ask for 'demo'.
    seedRules: options.seedRules ?? 'unrestricted',
  });
}

/** The company's day of an instant (now by default), on the stack's calendar. */
export function companyDay(stack: Stack, at: Date | string | number = Date.now()): string {
  return stack.deps.calendar.dayOf(at);
}

/**
 * A pickup window that starts on a whole hour of the company's clock within `lead` from now and lasts `length`,
 * or less where that would cross the company's midnight (collection stops there), with the company day it is
 * filed under: its start's, which late in the evening is tomorrow.
 */
export function pickupWindowSoon(
  stack: Stack,
  { lead = HOUR, length = 2 * HOUR }: { lead?: number; length?: number } = {},
): { start: Date; end: Date; day: string } {
  const at = Date.now() + lead;
  const start = new Date(at - stack.deps.calendar.timeOf(at).minute * 60_000 - (at % 60_000));
  const day = companyDay(stack, start);
  const end = Math.min(start.getTime() + length, stack.deps.calendar.endOf(day).getTime());
  return { start, end: new Date(end), day };
}

/**
 * An instant of the company's next day, as ISO text: pickup windows at fixed hours of tomorrow never cross the
 * company's midnight (which `now + a few hours` does in the evening of the test stack's zone, and the collection
 * rules refuse), whatever hour the suite runs.
 */
export function tomorrowAt(stack: Stack, hour: number, minute = 0): string {
  return stack.deps.calendar.at(addDays(companyDay(stack), 1), hour, minute).toISOString();
}

/** A valid bookCourier input picked up 10 am – noon tomorrow (the company's), with any field overridden. */
export function bookingInput(stack: Stack, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    customerName: 'Grace Hopper',
    customerPhone: '(206) 555-0134',
    pickup: { line1: '1201 3rd Ave', city: 'Seattle', postcode: '98101' },
    delivery: { line1: '3400 Stone Way N', city: 'Seattle', postcode: '98103' },
    package: { size: 'SMALL', weightKg: 2.5, handling: [] },
    pickupWindowStart: tomorrowAt(stack, 10),
    pickupWindowEnd: tomorrowAt(stack, 12),
    ...overrides,
  };
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
