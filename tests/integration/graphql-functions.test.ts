// The GraphQL API's three cloud functions (lambdas/api, lambdas/api-voicebot, lambdas/api-summaries), each imported
// as Lambda would load it: configured from its environment only, with stock AWS SDK clients whose endpoint is the
// environment's AWS_ENDPOINT_URL — here the local gateway, with the local stack's tables, Connect and S3. Each
// answers its own fields and refuses the ones another function serves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppSyncResolverEvent } from 'aws-lambda';
import { accessTokenFor, startTestStack, testCompanyTimeZone } from '../support/test-stack';
import type { Stack } from '../../src/local/stack';
import { LOCAL_CREDENTIALS } from '../../src/local/dynamodb/local-dynamo';
import { PROOF_BUCKET } from '../../src/local/stack';
import { CODE_HOOK_FUNCTION } from '../../src/local/voicebot';
import { addDays, weekOf } from '../../src/core/business-calendar';
import { appSyncEvent, cognitoIdentity } from '../events/appsync-event';

type Handler = (event: AppSyncResolverEvent<Record<string, unknown>>) => Promise<unknown>;

let stack: Stack;
let admin: ReturnType<typeof cognitoIdentity>;
let courier: ReturnType<typeof cognitoIdentity>;
const handlers: Record<'api' | 'voicebot' | 'summaries', Handler> = {} as never;
const savedEnv = { ...process.env };

/** The last seven days of the stack's calendar, as the analytics page asks for them. */
function week(): { from: string; to: string } {
  const today = stack.deps.calendar.dayOf(Date.now());
  return { from: addDays(today, -6), to: today };
}

function subOf(token: string): string {
  return (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { sub: string }).sub;
}

beforeAll(async () => {
  const timeZone = testCompanyTimeZone();
  stack = await startTestStack({ timeZone });
  admin = cognitoIdentity(subOf(await accessTokenFor(stack, 'admin@example.com')), ['admin']);
  courier = cognitoIdentity(subOf(await accessTokenFor(stack, 'courier1@example.com')), ['courier']);
  // What amplify/backend.ts puts in the functions' environments, with the gateway as every AWS endpoint.
  Object.assign(process.env, {
    AWS_REGION: stack.region,
    // An IP address, as a Region's endpoint is a name: S3's stock client addresses buckets by path there.
    AWS_ENDPOINT_URL: stack.gatewayUrl.replace('localhost', '127.0.0.1'),
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    COMPANY_TIME_ZONE: timeZone,
    WEB_APP_URL: 'https://courier.example.com',
    PROOF_BUCKET,
    CODE_HOOK_FUNCTION_ARN: `arn:aws:lambda:${stack.region}:000000000000:function:${CODE_HOOK_FUNCTION}`,
    PROVISIONER_FUNCTION_NAME: 'courier-provisioner',
    // The misrouted fields below are logged as faults; this test reads their answers, not the log.
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    ...Object.fromEntries(Object.entries(stack.tables).map(([key, name]) => [`TABLE_${key.toUpperCase()}`, name])),
  });
  handlers.api = ((await import('../../lambdas/api/handler')) as { handler: Handler }).handler;
  handlers.voicebot = ((await import('../../lambdas/api-voicebot/handler')) as { handler: Handler }).handler;
  handlers.summaries = ((await import('../../lambdas/api-summaries/handler')) as { handler: Handler }).handler;
}, 120_000);

afterAll(async () => {
  for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
  Object.assign(process.env, savedEnv);
  await stack?.close();
});

describe("the GraphQL API's cloud functions", () => {
  it('api: answers the fields of every screen, and not the wizard or the summaries', async () => {
    // Act
    const couriers = (await handlers.api(appSyncEvent('Query', 'listCouriers', { limit: 100 }, admin))) as {
      items: { id: string }[];
    };
    const wizard = await handlers.api(appSyncEvent('Query', 'listDeployments', {}, admin)).catch((e: unknown) => e);
    const lex = await handlers.api(appSyncEvent('Query', 'analyticsLex', week(), admin)).catch((e: unknown) => e);

    // Assess: the seeded couriers, read from the gateway's DynamoDB; a field routed to another function is a
    // deployment fault, answered as an internal failure (its detail in the log), never run here.
    expect(couriers.items).toHaveLength(25);
    expect(wizard).toMatchObject({ name: 'InternalFailure' });
    expect(lex).toMatchObject({ name: 'InternalFailure' });
  });

  it("api-voicebot: reads the company's Connect instances, plans a deployment and reads Lex's analytics, for admins only", async () => {
    // Act
    const instances = (await handlers.voicebot(appSyncEvent('Query', 'listConnectInstances', {}, admin))) as {
      id: string;
    }[];
    const plan = (await handlers.voicebot(
      appSyncEvent(
        'Query',
        'planDeployment',
        { settings: { botName: 'CourierBot', instanceId: instances[0]!.id } },
        admin,
      ),
    )) as { name: string }[];
    const deployments = (await handlers.voicebot(appSyncEvent('Query', 'listDeployments', {}, admin))) as {
      items: unknown[];
    };
    const lex = (await handlers.voicebot(appSyncEvent('Query', 'analyticsLex', week(), admin))) as {
      from: string;
      state: string;
    };
    const asCourier = await handlers
      .voicebot(appSyncEvent('Query', 'listConnectInstances', {}, courier))
      .catch((e: unknown) => e);
    const notHere = await handlers.voicebot(appSyncEvent('Query', 'listCouriers', {}, admin)).catch((e: unknown) => e);

    // Assess
    expect(instances.length).toBeGreaterThan(0);
    expect(plan.length).toBeGreaterThan(3);
    expect(Array.isArray(deployments.items)).toBe(true);
    // No bot is deployed in this stack: Lex's analytics say so, rather than fail.
    expect(lex).toMatchObject({ from: week().from, state: 'NOT_DEPLOYED' });
    expect(asCourier).toMatchObject({ name: 'ForbiddenError' });
    expect(notHere).toMatchObject({ name: 'InternalFailure' });
  });

  it("api-summaries: renders a week's PDF into S3 and lists it with a download link", async () => {
    // Arrange
    const lastWeek = weekOf(addDays(stack.deps.calendar.dayOf(Date.now()), -7));

    // Act
    const made = (await handlers.summaries(
      appSyncEvent('Mutation', 'generateExecutiveSummary', { week: lastWeek }, admin),
    )) as { week: string; url: string };
    const listed = (await handlers.summaries(appSyncEvent('Query', 'executiveSummaries', {}, admin))) as {
      week: string;
      url: string;
    }[];
    const pdf = await fetch(made.url);
    const asCourier = await handlers
      .summaries(appSyncEvent('Query', 'executiveSummaries', {}, courier))
      .catch((e: unknown) => e);

    // Assess
    expect(made.week).toBe(lastWeek);
    expect(listed.map((s) => s.week)).toContain(lastWeek);
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    expect(asCourier).toMatchObject({ name: 'ForbiddenError' });
  });
});
