import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CreateBotCommand,
  CreateBotVersionCommand,
  LexModelsV2Client,
  ListBotsCommand,
  ServiceQuotaExceededException,
  ValidationException,
} from '@aws-sdk/client-lex-models-v2';
import { ConditionalCheckFailedException, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateRoleCommand, EntityAlreadyExistsException, IAMClient } from '@aws-sdk/client-iam';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { AssociateBotCommand, ConnectClient, InvalidRequestException } from '@aws-sdk/client-connect';
import { startGateway, type Gateway } from '../gateway';
import type { GatewayRequest, GatewayService } from '../gateway-service';
import { LOCAL_CREDENTIALS } from '../dynamodb/local-dynamo';
import { createFaultInjection, parseFaultSpec, type FaultInjection } from './fault-injection';
import { operationOf, serviceOf } from './fault-routes';

const signedBy = (service: string) =>
  `AWS4-HMAC-SHA256 Credential=local/20261126/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`;

function request(method: string, url: string, headers: Record<string, string> = {}, body = ''): GatewayRequest {
  return { method, url, headers, body: Buffer.from(body) };
}

describe('operationOf', () => {
  it('names REST operations by method and path, DynamoDB by target and IAM by Action', () => {
    // Prepare
    const lex = (method: string, url: string) => request(method, url, { authorization: signedBy('lex') });
    const cases: [GatewayRequest, string | undefined, string | undefined][] = [
      [lex('PUT', '/bots/B1/botversions'), 'lex', 'CreateBotVersion'],
      [lex('POST', '/bots/B1/botversions'), 'lex', 'ListBotVersions'],
      [lex('PUT', '/bots'), 'lex', 'CreateBot'],
      [lex('POST', '/bots/B1/botversions/DRAFT/botlocales/en_US'), 'lex', 'BuildBotLocale'],
      [lex('POST', '/bots/B1/botAliases/A1/botLocales/en_US/sessions/s1/text'), 'lex', 'RecognizeText'],
      [lex('DELETE', '/bots/B1?skipResourceInUseCheck=true'), 'lex', 'DeleteBot'],
      [request('PUT', '/instance/I1/bot', { authorization: signedBy('connect') }), 'connect', 'AssociateBot'],
      [
        request('POST', '/2015-03-31/functions/fn/policy', { authorization: signedBy('lambda') }),
        'lambda',
        'AddPermission',
      ],
      [request('POST', '/', { 'x-amz-target': 'DynamoDB_20120810.PutItem' }), 'dynamodb', 'PutItem'],
      [
        request('POST', '/', { authorization: signedBy('iam') }, 'Action=CreateRole&Version=2010-05-08'),
        'iam',
        'CreateRole',
      ],
      [request('PUT', '/bucket/a/b.png', { authorization: signedBy('s3') }), 's3', 'PutObject'],
      [
        request('GET', '/bucket/a.png?X-Amz-Credential=local%2F20261126%2Fus-east-1%2Fs3%2Faws4_request'),
        's3',
        'GetObject',
      ],
      [lex('PATCH', '/bots'), 'lex', undefined],
      [request('GET', '/_local/faults'), undefined, undefined],
    ];

    // Act
    const named = cases.map(([req]) => {
      const service = serviceOf(req);
      return [service, service && operationOf(service, req)];
    });

    // Assess
    expect(named).toEqual(cases.map(([, service, operation]) => [service, operation]));
  });
});

describe('parseFaultSpec', () => {
  it('takes a share of calls, a duration and a delay, and a delay alone is a slow call that succeeds', () => {
    // Act
    const throttling = parseFaultSpec({
      service: 'dynamodb',
      code: 'ProvisionedThroughputExceededException',
      rate: 0.2,
      forSeconds: 30,
    });
    const slow = parseFaultSpec({ service: 'lex', operation: 'RecognizeText', delayMs: 4000, times: 3 });

    // Assess
    expect(throttling).toEqual({
      service: 'dynamodb',
      error: {
        status: 400,
        code: 'ProvisionedThroughputExceededException',
        message: 'Injected by the local fault injection service.',
      },
      rate: 0.2,
      forSeconds: 30,
    });
    expect(slow).toEqual({ service: 'lex', operation: 'RecognizeText', delayMs: 4000, rate: 1, times: 3 });
  });

  it('fills in status, message and times, and names the field that is wrong', () => {
    // Act
    const spec = parseFaultSpec({ service: 'lex', operation: 'CreateBotVersion', code: 'ThrottlingException' });
    const bad = (input: unknown) => () => parseFaultSpec(input);

    // Assess
    expect(spec).toEqual({
      service: 'lex',
      operation: 'CreateBotVersion',
      error: { status: 400, code: 'ThrottlingException', message: 'Injected by the local fault injection service.' },
      rate: 1,
      times: 1,
    });
    expect(bad({ service: 'ec2', code: 'X' })).toThrow(/^service must be one of lex, connect/);
    expect(bad({ service: 'lex', operation: 'CreateBotVersions', code: 'X' })).toThrow(
      /^operation CreateBotVersions is not one .* use one of .*CreateBotVersion/,
    );
    expect(bad({ service: 'lex', code: 'X', status: 200 })).toThrow(/^status must be an HTTP error status/);
    expect(bad({ service: 'lex', code: 'not a code' })).toThrow(/^code must be the AWS error code/);
    expect(bad({ service: 'lex', code: 'X', times: 0 })).toThrow(/^times must be a whole number/);
    expect(bad([])).toThrow(/^The body must be a JSON object/);
    expect(bad({ service: 'dynamodb', code: 'X', rate: 0 })).toThrow(/^rate must be the share of calls to affect/);
    expect(bad({ service: 'dynamodb', code: 'X', rate: 1.5 })).toThrow(/^rate must be the share/);
    expect(bad({ service: 'dynamodb', delayMs: 0 })).toThrow(/^delayMs must be a whole number of milliseconds/);
    expect(bad({ service: 'dynamodb' })).toThrow(/^code must be the AWS error code .*\(or left out with delayMs/);
    expect(bad({ service: 'dynamodb', delayMs: 5, status: 500 })).toThrow(/^status and message describe an error/);
    expect(bad({ service: 'dynamodb', code: 'X', forSeconds: -1 })).toThrow(/^forSeconds must be how long/);
    expect(bad({ service: 'dynamodb', code: 'X', forSeconds: 5, times: 2 })).toThrow(
      /^Give either times .* or forSeconds/,
    );
    expect(parseFaultSpec({ service: 'iam', operation: 'AnyActionAtAll', code: 'X' }).operation).toBe('AnyActionAtAll');
  });
});

describe('createFaultInjection', () => {
  const putItem = request('POST', '/', { 'x-amz-target': 'DynamoDB_20120810.PutItem' });

  it('strikes the given share of calls, counting only the calls it strikes', () => {
    // Prepare
    let dice = 0;
    const rolls = [0.05, 0.5, 0.19, 0.2, 0.9, 0.1];
    const faults = createFaultInjection({ random: () => rolls[dice++ % rolls.length]! });
    faults.arm({ service: 'dynamodb', code: 'ThrottlingException', rate: 0.2, times: 3 });

    // Act
    const struck = rolls.map(() => faults.check(putItem)?.response?.status);

    // Assess: rolls under 0.2 are struck (0.05, 0.19, 0.1); the third strike disarms it.
    expect(struck).toEqual([400, undefined, 400, undefined, undefined, 400]);
    expect(faults.list()).toEqual([]);
  });

  it('strikes only the calls that touch the named table, batches and transactions included', () => {
    // Prepare
    const faults = createFaultInjection();
    faults.arm({ service: 'dynamodb', table: 'courier-bookings', code: 'ThrottlingException', times: 5 });
    const call = (target: string, body: unknown) =>
      faults.check(request('POST', '/', { 'x-amz-target': `DynamoDB_20120810.${target}` }, JSON.stringify(body)));

    // Act
    const struck = [
      call('PutItem', { TableName: 'courier-bookings', Item: {} }),
      call('PutItem', { TableName: 'courier-rollups', Item: {} }),
      call('BatchWriteItem', { RequestItems: { 'courier-rollups': [], 'courier-bookings': [] } }),
      call('TransactWriteItems', { TransactItems: [{ Put: { TableName: 'courier-bookings', Item: {} } }] }),
      call('TransactWriteItems', { TransactItems: [{ Update: { TableName: 'courier-audit' } }] }),
      call('GetItem', 'not json'),
    ].map((answer) => answer?.response?.status);

    // Assess
    expect(struck).toEqual([400, undefined, 400, 400, undefined, undefined]);
    expect(() => parseFaultSpec({ service: 'lex', table: 'x', code: 'X' })).toThrow(/^table names a DynamoDB table/);
  });

  it('lets a call the first fault spares meet the next one', () => {
    // Prepare
    const faults = createFaultInjection({ random: () => 0.9 });
    faults.arm({ service: 'dynamodb', code: 'ThrottlingException', rate: 0.2, forSeconds: 60 });
    faults.arm({ service: 'dynamodb', operation: 'PutItem', code: 'InternalServerError', status: 500 });

    // Act
    const answer = faults.check(putItem);

    // Assess
    expect(answer?.response?.status).toBe(500);
    expect(faults.list().map((f) => f.affected)).toEqual([0]);
  });

  it('lasts forSeconds whatever the number of calls, then disarms itself', () => {
    // Prepare
    let clock = 1_000_000;
    const faults = createFaultInjection({ now: () => clock });
    const armed = faults.arm({ service: 'dynamodb', code: 'ThrottlingException', forSeconds: 10 });

    // Act
    const during = Array.from({ length: 50 }, () => faults.check(putItem)?.response?.status);
    const listed = faults.list();
    clock += 10_000;
    const after = faults.check(putItem);

    // Assess
    expect(armed).toMatchObject({ remaining: null, until: new Date(1_010_000).toISOString(), affected: 0 });
    expect(during.every((status) => status === 400)).toBe(true);
    expect(listed).toMatchObject([{ affected: 50, remaining: null }]);
    expect(after).toBeUndefined();
    expect(faults.list()).toEqual([]);
  });

  it('holds a latency-only call and lets it through; with a code, holds it then fails it', () => {
    // Prepare
    const faults = createFaultInjection();
    faults.arm({ service: 'dynamodb', delayMs: 250 });
    faults.arm({ service: 'dynamodb', delayMs: 100, code: 'InternalServerError', status: 500 });

    // Act
    const slow = faults.check(putItem);
    const slowThenFailed = faults.check(putItem);

    // Assess
    expect(slow).toEqual({ delayMs: 250 });
    expect(slowThenFailed).toMatchObject({ delayMs: 100, response: { status: 500 } });
  });
});

/** Answers every AWS call with an empty success, so only an injected fault can make a call fail. */
const succeedAll: GatewayService = {
  name: 'ok',
  matches: () => true,
  async handle(req: GatewayRequest, res: ServerResponse) {
    const xml = String(req.headers.authorization ?? '').includes('/iam/');
    res.setHeader('content-type', xml ? 'text/xml' : 'application/json');
    res.end(
      xml
        ? '<CreateRoleResponse><CreateRoleResult><Role><RoleName>r</RoleName></Role></CreateRoleResult></CreateRoleResponse>'
        : '{}',
    );
  },
  async close() {},
};

describe('fault injection through a gateway', () => {
  let gateway: Gateway;
  let faults: FaultInjection;
  const config = () => ({
    endpoint: gateway.url,
    region: 'us-east-1',
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
  });
  const arm = (fault: Record<string, unknown>) =>
    fetch(`${gateway.url}/_local/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fault),
    });

  beforeAll(async () => {
    faults = createFaultInjection();
    gateway = await startGateway({ port: 0, services: [succeedAll], faults });
  });
  beforeEach(() => faults.clear());
  afterAll(async () => {
    await gateway.close();
  });

  it('fails the named Lex operation `times` times with the typed SDK error, then lets it through', async () => {
    // Prepare
    const lex = new LexModelsV2Client(config());
    const armed = await arm({
      service: 'lex',
      operation: 'CreateBotVersion',
      status: 402,
      code: 'ServiceQuotaExceededException',
      message: 'Too many versions.',
      times: 2,
    });
    const version = () => lex.send(new CreateBotVersionCommand({ botId: 'B1', botVersionLocaleSpecification: {} }));

    // Act
    const other = await lex.send(new ListBotsCommand({}));
    const first = await version().catch((e: unknown) => e);
    const second = await version().catch((e: unknown) => e);
    const third = await version();
    const listed = (await (await fetch(`${gateway.url}/_local/faults`)).json()) as { faults: unknown[] };

    // Assess
    expect(armed.status).toBe(201);
    expect(other.$metadata.httpStatusCode).toBe(200);
    expect(first).toBeInstanceOf(ServiceQuotaExceededException);
    expect((first as Error).message).toBe('Too many versions.');
    expect((first as ServiceQuotaExceededException).$metadata.httpStatusCode).toBe(402);
    expect(second).toBeInstanceOf(ServiceQuotaExceededException);
    expect(third.$metadata.httpStatusCode).toBe(200);
    expect(listed.faults).toEqual([]);
  });

  it('fails every call of a service when no operation is named, until cleared', async () => {
    // Prepare
    const lex = new LexModelsV2Client(config());
    await arm({ service: 'lex', code: 'ValidationException', message: 'Bot name is invalid.', times: 5 });

    // Act
    const failed = await lex.send(new CreateBotCommand({} as never)).catch((e: unknown) => e);
    const listed = (await (await fetch(`${gateway.url}/_local/faults`)).json()) as {
      faults: { remaining: number | null }[];
    };
    const cleared = await fetch(`${gateway.url}/_local/faults`, { method: 'DELETE' });
    const after = await lex.send(new ListBotsCommand({}));

    // Assess
    expect(failed).toBeInstanceOf(ValidationException);
    expect((failed as Error).message).toBe('Bot name is invalid.');
    expect(listed.faults.map((f) => f.remaining)).toEqual([4]);
    expect(cleared.status).toBe(200);
    expect(after.$metadata.httpStatusCode).toBe(200);
  });

  it('answers in each protocol so the DynamoDB, IAM, S3 and Connect SDKs throw their typed errors', async () => {
    // Prepare
    await arm({ service: 'dynamodb', operation: 'PutItem', code: 'ConditionalCheckFailedException', message: 'no' });
    await arm({ service: 'iam', operation: 'CreateRole', status: 409, code: 'EntityAlreadyExists', message: 'dup' });
    await arm({ service: 's3', operation: 'GetObject', status: 404, code: 'NoSuchKey', message: 'gone' });
    await arm({ service: 'connect', operation: 'AssociateBot', code: 'InvalidRequestException', message: 'bad' });

    // Act
    const dynamo = await new DynamoDBClient(config())
      .send(new PutItemCommand({ TableName: 't', Item: { id: { S: '1' } } }))
      .catch((e: unknown) => e);
    const iam = await new IAMClient(config())
      .send(new CreateRoleCommand({ RoleName: 'r', AssumeRolePolicyDocument: '{}' }))
      .catch((e: unknown) => e);
    const s3 = await new S3Client({ ...config(), forcePathStyle: true })
      .send(new GetObjectCommand({ Bucket: 'b', Key: 'k.png' }))
      .catch((e: unknown) => e);
    const connect = await new ConnectClient(config())
      .send(new AssociateBotCommand({ InstanceId: 'i', LexV2Bot: { AliasArn: 'arn' } }))
      .catch((e: unknown) => e);

    // Assess
    expect(dynamo).toBeInstanceOf(ConditionalCheckFailedException);
    expect((dynamo as Error).message).toBe('no');
    expect(iam).toBeInstanceOf(EntityAlreadyExistsException);
    expect((iam as Error).message).toBe('dup');
    expect((s3 as Error).name).toBe('NoSuchKey');
    expect((s3 as Error).message).toBe('gone');
    expect(connect).toBeInstanceOf(InvalidRequestException);
    expect(faults.list()).toEqual([]);
  });

  it('holds a call for delayMs and then serves it, as a dependency failing slowly', async () => {
    // Prepare
    const lex = new LexModelsV2Client(config());
    await arm({ service: 'lex', operation: 'ListBots', delayMs: 300 });

    // Act
    const started = performance.now();
    const slow = await lex.send(new ListBotsCommand({}));
    const took = performance.now() - started;
    const started2 = performance.now();
    await lex.send(new ListBotsCommand({}));
    const took2 = performance.now() - started2;

    // Assess
    expect(slow.$metadata.httpStatusCode).toBe(200);
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took2).toBeLessThan(290);
  });

  it('refuses a bad fault with 400 naming the field', async () => {
    // Act
    const response = await arm({ service: 'lex', operation: 'CreateBotVersion', code: 'X', times: -1 });

    // Assess
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/^times must be a whole number/);
    expect(faults.list()).toEqual([]);
  });
});
