// Every AWS SDK v3 client the project uses, exactly as the SDK ships it (no request handler, no path-style
// switch, only endpoint, region and credentials), against the local gateway: what a developer or a tool
// pointed at http://localhost:4566 gets. The Lex runtime client speaks HTTP/2 by default, the others HTTP/1.1.
import { lookup } from 'node:dns';
import { Agent } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { ConnectClient, ListInstancesCommand } from '@aws-sdk/client-connect';
import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateRoleCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { AddPermissionCommand, GetPolicyCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import {
  BuildBotLocaleCommand,
  CreateBotCommand,
  CreateBotLocaleCommand,
  CreateIntentCommand,
  DescribeBotCommand,
  DescribeBotLocaleCommand,
  ListIntentMetricsCommand,
  ListIntentStageMetricsCommand,
  ListSessionMetricsCommand,
  LexModelsV2Client,
  ValidationException,
} from '@aws-sdk/client-lex-models-v2';
import {
  DeleteSessionCommand,
  GetSessionCommand,
  LexRuntimeV2Client,
  PutSessionCommand,
  RecognizeTextCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-lex-runtime-v2';
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { NodeHttp2Handler, NodeHttpHandler } from '@smithy/node-http-handler';
import { startGatewayWorker, type GatewayWorker } from '../../src/local/gateway-worker-host';
import { LOCAL_CREDENTIALS } from '../../src/local/dynamodb/local-dynamo';
import { pollUntil } from '../../src/local/lex/testing/lex-test-kit';

const REGION = 'us-east-1';
const FUNCTION = 'stock-client-echo';

let dir: string;
let gateway: GatewayWorker;
/** Endpoint (the gateway's public URL, http://localhost:<port>), region and credentials: all a stock client is given. */
let stock: { endpoint: string; region: string; credentials: typeof LOCAL_CREDENTIALS };
const clients: { destroy(): void }[] = [];
const made = <T extends { destroy(): void }>(client: T): T => (clients.push(client), client);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stock-clients-'));
  gateway = await startGatewayWorker({
    port: 0,
    host: '127.0.0.1',
    region: REGION,
    cognitoDataDir: dir,
    functions: [FUNCTION],
  });
  gateway.setFunctionRunner(async (name, event) => ({ ran: name, event }));
  stock = { endpoint: gateway.url, region: REGION, credentials: LOCAL_CREDENTIALS };
}, 60_000);
afterAll(async () => {
  for (const client of clients) client.destroy();
  await gateway?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('stock AWS SDK v3 clients against the gateway', () => {
  it('DynamoDB: creates a table, writes and reads an item', async () => {
    // Prepare
    const dynamo = made(new DynamoDBClient(stock));
    await dynamo.send(
      new CreateTableCommand({
        TableName: 'stock',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );

    // Act
    await dynamo.send(new PutItemCommand({ TableName: 'stock', Item: { pk: { S: 'a' }, n: { N: '7' } } }));
    const got = await dynamo.send(new GetItemCommand({ TableName: 'stock', Key: { pk: { S: 'a' } } }));

    // Assess
    expect(got.Item).toEqual({ pk: { S: 'a' }, n: { N: '7' } });
  });

  it('Cognito user pools: creates a pool and describes it', async () => {
    // Prepare
    const cognito = made(new CognitoIdentityProviderClient(stock));

    // Act
    const created = await cognito.send(new CreateUserPoolCommand({ PoolName: 'stock-pool' }));
    const described = await cognito.send(new DescribeUserPoolCommand({ UserPoolId: created.UserPool?.Id }));

    // Assess
    expect(described.UserPool?.Name).toBe('stock-pool');
  });

  it('S3 at an IP endpoint: the SDK chooses path-style by itself; put, list and get an object', async () => {
    // Prepare
    const s3 = made(new S3Client({ ...stock, endpoint: `http://127.0.0.1:${gateway.port}` }));
    await s3.send(new CreateBucketCommand({ Bucket: 'stock-path' }));

    // Act
    await s3.send(new PutObjectCommand({ Bucket: 'stock-path', Key: 'a/b.txt', Body: 'path style' }));
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'stock-path' }));
    const got = await s3.send(new GetObjectCommand({ Bucket: 'stock-path', Key: 'a/b.txt' }));

    // Assess
    expect(listed.Contents?.map((o) => o.Key)).toEqual(['a/b.txt']);
    expect(await got.Body?.transformToString()).toBe('path style');
  });

  it('S3 at localhost: path-style (forcePathStyle) and virtual-hosted (the default) both work', async () => {
    // Prepare: the SDK's own addressing switch, and nothing else, for path style. Virtual-hosted requests go to
    // <bucket>.localhost, which RFC 6761 resolvers (systemd-resolved, macOS) answer with the loopback address;
    // this machine's resolver does not, so the agent is given one that does. The request is the SDK's own.
    const endpoint = `http://localhost:${gateway.port}`;
    const pathStyle = made(new S3Client({ ...stock, endpoint, forcePathStyle: true }));
    const loopbackForLocalhost: typeof lookup = ((host: string, options: object, callback: never) =>
      lookup(host.endsWith('.localhost') ? '127.0.0.1' : host, options, callback)) as typeof lookup;
    const virtualHosted = made(
      new S3Client({
        ...stock,
        endpoint,
        requestHandler: new NodeHttpHandler({
          httpAgent: new Agent({ keepAlive: true, lookup: loopbackForLocalhost }),
        }),
      }),
    );
    const hosts: string[] = [];
    virtualHosted.middlewareStack.add(
      (next) => async (args) => {
        hosts.push((args.request as { hostname: string }).hostname);
        return next(args);
      },
      { step: 'finalizeRequest', name: 'recordHost' },
    );

    // Act
    await pathStyle.send(new CreateBucketCommand({ Bucket: 'stock-hosted' }));
    await virtualHosted.send(new PutObjectCommand({ Bucket: 'stock-hosted', Key: 'key.txt', Body: 'virtual host' }));
    const viaPath = await pathStyle.send(new GetObjectCommand({ Bucket: 'stock-hosted', Key: 'key.txt' }));
    const listed = await virtualHosted.send(new ListObjectsV2Command({ Bucket: 'stock-hosted' }));

    // Assess
    expect(hosts).toEqual(['stock-hosted.localhost', 'stock-hosted.localhost']);
    expect(await viaPath.Body?.transformToString()).toBe('virtual host');
    expect(listed.Contents?.map((o) => o.Key)).toEqual(['key.txt']);
  });

  it('Lex V2 models: creates a bot and describes it', async () => {
    // Prepare
    const models = made(new LexModelsV2Client(stock));

    // Act
    const created = await models.send(
      new CreateBotCommand({
        botName: 'StockBot',
        roleArn: 'arn:aws:iam::000000000000:role/stock',
        dataPrivacy: { childDirected: false },
        idleSessionTTLInSeconds: 300,
      }),
    );
    const described = await models.send(new DescribeBotCommand({ botId: created.botId }));

    // Assess
    expect(described.botName).toBe('StockBot');
  });

  it('Lex V2 runtime over HTTP/2 (its default): a session put and read, an utterance recognized, the session deleted, typed errors', async () => {
    // Prepare
    const models = made(new LexModelsV2Client(stock));
    const runtime = made(new LexRuntimeV2Client(stock));
    const bot = await models.send(
      new CreateBotCommand({
        botName: 'StockRuntimeBot',
        roleArn: 'arn:aws:iam::000000000000:role/stock',
        dataPrivacy: { childDirected: false },
        idleSessionTTLInSeconds: 300,
      }),
    );
    await pollUntil(
      () => models.send(new DescribeBotCommand({ botId: bot.botId })),
      (b) => b.botStatus === 'Available',
    );
    await models.send(
      new CreateBotLocaleCommand({
        botId: bot.botId,
        botVersion: 'DRAFT',
        localeId: 'en_US',
        nluIntentConfidenceThreshold: 0.4,
      }),
    );
    const locale = { botId: bot.botId, botVersion: 'DRAFT', localeId: 'en_US' };
    // A new locale is Creating at first, as in AWS: intents can be added once it is NotBuilt.
    await pollUntil(
      () => models.send(new DescribeBotLocaleCommand(locale)),
      (l) => l.botLocaleStatus === 'NotBuilt',
    );
    await models.send(
      new CreateIntentCommand({ ...locale, intentName: 'Greet', sampleUtterances: [{ utterance: 'hello there' }] }),
    );
    await models.send(new BuildBotLocaleCommand(locale));
    await pollUntil(
      () => models.send(new DescribeBotLocaleCommand(locale)),
      (l) => l.botLocaleStatus === 'Built',
    );
    const session = { botId: bot.botId, botAliasId: 'TSTALIASID', localeId: 'en_US', sessionId: 'stock-1' };

    // Act
    const put = await runtime.send(
      new PutSessionCommand({ ...session, sessionState: { sessionAttributes: { caller: '+12065550134' } } }),
    );
    const read = await runtime.send(new GetSessionCommand(session));
    const recognized = await runtime.send(new RecognizeTextCommand({ ...session, text: 'hello there' }));
    // Lex's analytics of the conversation just had, read with the stock models client.
    const day = { startDateTime: new Date(Date.now() - 3_600_000), endDateTime: new Date(Date.now() + 60_000) };
    const sessions = await models.send(
      new ListSessionMetricsCommand({
        botId: bot.botId,
        ...day,
        metrics: [{ name: 'Count', statistic: 'Sum' }],
        filters: [{ name: 'SessionId', operator: 'EQ', values: ['stock-1'] }],
      }),
    );
    const intents = await models.send(
      new ListIntentMetricsCommand({
        botId: bot.botId,
        ...day,
        metrics: [{ name: 'Count', statistic: 'Sum' }],
        groupBy: [{ name: 'IntentName' }],
      }),
    );
    const stages = await models.send(
      new ListIntentStageMetricsCommand({
        botId: bot.botId,
        ...day,
        metrics: [
          { name: 'Count', statistic: 'Sum' },
          { name: 'Success', statistic: 'Sum' },
        ],
        groupBy: [{ name: 'IntentStageName' }],
        filters: [{ name: 'IntentName', operator: 'EQ', values: ['Greet'] }],
      }),
    );
    const stagesByIntent = await models
      .send(
        new ListIntentStageMetricsCommand({
          botId: bot.botId,
          ...day,
          metrics: [{ name: 'Count', statistic: 'Sum' }],
          groupBy: [{ name: 'IntentName' as 'IntentStageName' }],
        }),
      )
      .catch((e: unknown) => e);
    const deleted = await runtime.send(new DeleteSessionCommand(session));
    const missing = await runtime
      .send(new RecognizeTextCommand({ ...session, botId: 'NOSUCHBOT1', text: 'hello' }))
      .catch((e: unknown) => e);

    // Assess
    expect(runtime.config.requestHandler).toBeInstanceOf(NodeHttp2Handler);
    expect(put.sessionId).toBe('stock-1');
    expect(read.sessionState?.sessionAttributes).toEqual({ caller: '+12065550134' });
    expect(recognized.sessionState?.intent?.name).toBe('Greet');
    expect(sessions.results?.[0]?.metricsResults).toEqual([{ name: 'Count', statistic: 'Sum', value: 1 }]);
    expect(intents.results?.map((r) => [r.groupByKeys?.[0]?.value, r.metricsResults?.[0]?.value])).toEqual([
      ['Greet', 1],
    ]);
    // Greet has no slot and no confirmation: its one stage is the fulfillment, which succeeded.
    expect(stages.results).toEqual([
      {
        groupByKeys: [{ name: 'IntentStageName', value: 'Fulfillment' }],
        metricsResults: [
          { name: 'Count', statistic: 'Sum', value: 1 },
          { name: 'Success', statistic: 'Sum', value: 1 },
        ],
      },
    ]);
    expect(stagesByIntent).toBeInstanceOf(ValidationException);
    expect((stagesByIntent as Error).message).toContain(
      "Value 'IntentName' at 'groupBy.1.member.name' failed to satisfy constraint: Member must satisfy enum value set: [IntentStageName, SwitchedToIntent]",
    );
    expect(deleted.sessionId).toBe('stock-1');
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
  });

  it('Connect: lists instances', async () => {
    // Prepare
    const connect = made(new ConnectClient(stock));

    // Act
    const listed = await connect.send(new ListInstancesCommand({}));

    // Assess
    expect(Array.isArray(listed.InstanceSummaryList)).toBe(true);
    expect(listed.$metadata.httpStatusCode).toBe(200);
  });

  it('IAM: creates a role and reads it back', async () => {
    // Prepare
    const iam = made(new IAMClient(stock));
    const trust = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lexv2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    };

    // Act
    await iam.send(new CreateRoleCommand({ RoleName: 'stock-role', AssumeRolePolicyDocument: JSON.stringify(trust) }));
    const got = await iam.send(new GetRoleCommand({ RoleName: 'stock-role' }));

    // Assess
    expect(got.Role?.RoleName).toBe('stock-role');
  });

  it('Lambda: grants a permission, reads the policy and invokes the function', async () => {
    // Prepare
    const lambda = made(new LambdaClient(stock));
    await lambda.send(
      new AddPermissionCommand({
        FunctionName: FUNCTION,
        StatementId: 'stock',
        Action: 'lambda:InvokeFunction',
        Principal: 'lexv2.amazonaws.com',
      }),
    );

    // Act
    const policy = await lambda.send(new GetPolicyCommand({ FunctionName: FUNCTION }));
    const invoked = await lambda.send(
      new InvokeCommand({ FunctionName: FUNCTION, Payload: new TextEncoder().encode('{"hello":"world"}') }),
    );

    // Assess
    expect(JSON.parse(policy.Policy ?? '{}')).toMatchObject({ Statement: [{ Sid: 'stock' }] });
    expect(JSON.parse(new TextDecoder().decode(invoked.Payload))).toEqual({
      ran: FUNCTION,
      event: { hello: 'world' },
    });
  });
});
