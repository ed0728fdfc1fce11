// Test world for the provisioning engine: real AWS SDK clients (fake credentials, no retries) whose
// requests msw answers with the handlers given — this folder's fake by default, the full Lex and Connect
// emulators when a test swaps the list — plus an engine on an in-memory deployment repository.
import { ConnectClient } from '@aws-sdk/client-connect';
import { IAMClient } from '@aws-sdk/client-iam';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { LexModelsV2Client } from '@aws-sdk/client-lex-models-v2';
import type { HttpHandler } from 'msw';
import type { setupServer } from 'msw/node';
import type { Actor } from '../../core/model';
import { fixedClock } from '../../core/system-clock';
import type { Deployment } from '../deployment';
import { createProvisioningEngine, type ProvisioningEngineDeps } from '../engine';
import type { ProvisioningClients } from '../step';
import { FAKE_ACCOUNT, FAKE_REGION } from './aws-fake';
import { createMemoryDeploymentRepository } from './memory-deployment-repository';

export const CODE_HOOK_ARN = `arn:aws:lambda:${FAKE_REGION}:${FAKE_ACCOUNT}:function:courier-lex-codehook`;
export const INSTANCE_ID = 'c0ffee00-1111-2222-3333-444455556666';
export const QUEUE_ARN = `arn:aws:connect:${FAKE_REGION}:${FAKE_ACCOUNT}:instance/${INSTANCE_ID}/queue/q-basic`;
export const ADMIN: Actor = { type: 'ADMIN', id: 'sub-admin', name: 'Ada Admin' };

export function createTestClients(): ProvisioningClients {
  const config = {
    region: FAKE_REGION,
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
    maxAttempts: 1,
  };
  return {
    lex: new LexModelsV2Client(config),
    connect: new ConnectClient(config),
    iam: new IAMClient(config),
    lambda: new LambdaClient(config),
  };
}

/** A stand-in for buildContactFlow: a minimal flow naming the alias and the queue, so changes are visible. */
export function testContactFlow(ctx: { botAliasArn: string; queueArn?: string }): string {
  return JSON.stringify({
    Version: '2019-10-30',
    StartAction: 'bot',
    Actions: [
      {
        Identifier: 'bot',
        Type: 'ConnectParticipantWithLexBot',
        Parameters: { LexV2Bot: { AliasArn: ctx.botAliasArn } },
        Transitions: {},
      },
      ...(ctx.queueArn
        ? [
            {
              Identifier: 'queue',
              Type: 'UpdateContactTargetQueue',
              Parameters: { QueueId: ctx.queueArn },
              Transitions: {},
            },
          ]
        : []),
    ],
  });
}

export function createTestEngine(
  server: ReturnType<typeof setupServer>,
  handlers: HttpHandler[],
  overrides: Partial<ProvisioningEngineDeps> = {},
) {
  server.resetHandlers(...handlers);
  const deployments = createMemoryDeploymentRepository();
  const progress: Deployment[] = [];
  const clock = fixedClock('2025-06-10T15:00:00.000Z');
  const engine = createProvisioningEngine({
    clients: createTestClients(),
    deployments,
    clock,
    codeHookLambdaArn: CODE_HOOK_ARN,
    contactFlowContent: testContactFlow,
    onProgress: (d) => progress.push(d),
    poll: { intervalMs: 1, timeoutMs: 50, sleep: async () => undefined },
    ...overrides,
  });
  return { engine, deployments, progress, clock };
}
