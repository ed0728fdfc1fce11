import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import {
  AddPermissionCommand,
  GetFunctionCommand,
  GetPolicyCommand,
  InvokeCommand,
  LambdaClient,
  RemovePermissionCommand,
  ResourceConflictException,
  ResourceNotFoundException,
} from '@aws-sdk/client-lambda';
import { createLambdaEmulator, functionArn } from './lambda-emulator';

const ENDPOINT = 'https://lambda.emulator.test';
const calls: { name: string; event: unknown }[] = [];
const emulator = createLambdaEmulator({
  region: 'us-east-1',
  functions: ['courier-lex-codehook'],
  run: async (name, event) => {
    calls.push({ name, event });
    if ((event as { fail?: boolean }).fail) throw new TypeError('the hook broke');
    return { echoed: event };
  },
});
const server = setupServer(...emulator.handlers);
const lambda = new LambdaClient({
  endpoint: ENDPOINT,
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local' },
  maxAttempts: 1,
});
const ARN = functionArn('us-east-1', 'courier-lex-codehook');

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('local Lambda', () => {
  it('invokes a registered function by name or ARN and returns its result', async () => {
    // Act
    const byName = await lambda.send(
      new InvokeCommand({ FunctionName: 'courier-lex-codehook', Payload: JSON.stringify({ a: 1 }) }),
    );
    const byArn = await lambda.send(new InvokeCommand({ FunctionName: ARN, Payload: JSON.stringify({ b: 2 }) }));

    // Assess
    expect(JSON.parse(new TextDecoder().decode(byName.Payload))).toEqual({ echoed: { a: 1 } });
    expect(JSON.parse(new TextDecoder().decode(byArn.Payload))).toEqual({ echoed: { b: 2 } });
    expect(calls.map((c) => c.name)).toEqual(['courier-lex-codehook', 'courier-lex-codehook']);
  });

  it("reports a function's own failure as Lambda does, and an unknown function as not found", async () => {
    // Act
    const failed = await lambda.send(
      new InvokeCommand({ FunctionName: 'courier-lex-codehook', Payload: JSON.stringify({ fail: true }) }),
    );
    const unknown = lambda.send(new GetFunctionCommand({ FunctionName: 'nope' }));

    // Assess
    expect(failed.FunctionError).toBe('Unhandled');
    expect(JSON.parse(new TextDecoder().decode(failed.Payload))).toEqual({
      errorType: 'TypeError',
      errorMessage: 'the hook broke',
    });
    await expect(unknown).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('keeps a resource policy: add once, conflict on repeat, read, remove', async () => {
    // Prepare
    const grant = {
      FunctionName: 'courier-lex-codehook',
      StatementId: 'lex-invoke',
      Action: 'lambda:InvokeFunction',
      Principal: 'lexv2.amazonaws.com',
      SourceArn: 'arn:aws:lex:us-east-1:000000000000:bot-alias/BOT1/*',
    };

    // Act
    await lambda.send(new AddPermissionCommand(grant));
    const again = lambda.send(new AddPermissionCommand(grant));
    const { Policy } = await lambda.send(new GetPolicyCommand({ FunctionName: 'courier-lex-codehook' }));
    const allowedBefore = emulator.allows(
      'courier-lex-codehook',
      'lexv2.amazonaws.com',
      'arn:aws:lex:us-east-1:000000000000:bot-alias/BOT1/ALIAS1',
    );
    const otherBot = emulator.allows(
      'courier-lex-codehook',
      'lexv2.amazonaws.com',
      'arn:aws:lex:us-east-1:000000000000:bot-alias/BOT2/ALIAS1',
    );
    await lambda.send(new RemovePermissionCommand({ FunctionName: 'courier-lex-codehook', StatementId: 'lex-invoke' }));
    const after = lambda.send(new GetPolicyCommand({ FunctionName: 'courier-lex-codehook' }));

    // Assess
    await expect(again).rejects.toBeInstanceOf(ResourceConflictException);
    expect(JSON.parse(Policy!).Statement[0]).toMatchObject({ Sid: 'lex-invoke', Resource: ARN });
    expect(allowedBefore).toBe(true);
    expect(otherBot).toBe(false);
    await expect(after).rejects.toBeInstanceOf(ResourceNotFoundException);
  });
});
