import { CreateBotCommand, DescribeBotCommand, ListBotsCommand } from '@aws-sdk/client-lex-models-v2';
import { RecognizeTextCommand, ResourceNotFoundException } from '@aws-sdk/client-lex-runtime-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from '../gateway';
import { createLexService, type LexService } from './lex-service';
import { lexClients } from './testing/lex-test-kit';

let gateway: Gateway;
let lex: LexService;

beforeAll(async () => {
  lex = createLexService({ invoke: async () => ({}), persistence: { delays: { create: 0, build: 0, version: 0 } } });
  gateway = await startGateway({ port: 0, services: [lex] });
});
afterAll(() => gateway.close());

describe('Lex service on the AWS gateway', () => {
  it('answers the models API over HTTP with the same handlers tests use in-process', async () => {
    // Prepare
    const { models } = lexClients(gateway.url);
    const created = await models.send(
      new CreateBotCommand({
        botName: 'GatewayBot',
        roleArn: 'arn:aws:iam::000000000000:role/r',
        dataPrivacy: { childDirected: false },
        idleSessionTTLInSeconds: 300,
      }),
    );
    // Act
    const described = await models.send(new DescribeBotCommand({ botId: created.botId }));
    const listed = await models.send(new ListBotsCommand({}));
    // Assess
    expect(described).toMatchObject({ botName: 'GatewayBot', botStatus: 'Available' });
    expect(listed.botSummaries?.map((b) => b.botId)).toEqual([created.botId]);
  });

  it('routes runtime paths to the runtime emulator, with its typed errors', async () => {
    // Prepare
    const { runtime } = lexClients(gateway.url);
    // Act
    const error = await runtime
      .send(
        new RecognizeTextCommand({
          botId: 'NOSUCHBOT1',
          botAliasId: 'TSTALIASID',
          localeId: 'en_US',
          sessionId: 's-1',
          text: 'hello',
        }),
      )
      .catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect((error as Error).message).toMatch(/bot NOSUCHBOT1 doesn't exist/);
  });

  it('claims requests signed for lex and no others', () => {
    // Prepare
    const signed = (service: string) => ({
      method: 'POST',
      url: '/bots',
      headers: {
        authorization: `AWS4-HMAC-SHA256 Credential=AKID/20250610/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=abc`,
      },
      body: Buffer.alloc(0),
    });
    // Act
    const verdicts = [lex.matches(signed('lex')), lex.matches(signed('connect')), lex.matches(signed('dynamodb'))];
    // Assess
    expect(verdicts).toEqual([true, false, false]);
  });
});
