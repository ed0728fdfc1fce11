// The voicebot in the local stack: the provisioning engine and the Connect directory on the AWS SDK
// pointed at the gateway (the same code the cloud runs against AWS), the code hook as the gateway's local
// Lambda function, and — on first start — the bot provisioned into the emulated Connect instance so a
// call works at once.
import { ConnectClient, AssociatePhoneNumberContactFlowCommand } from '@aws-sdk/client-connect';
import { IAMClient } from '@aws-sdk/client-iam';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { LexModelsV2Client } from '@aws-sdk/client-lex-models-v2';
import type { LexV2Event } from 'aws-lambda';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import type { ApiDeps } from '../api/deps';
import type { Actor } from '../core/model';
import { createProvisioningEngine, type ProvisioningEngine } from '../provisioning/engine';
import { createConnectDirectory, type ConnectDirectory } from '../provisioning/connect-directory';
import { createActiveDefinitionSource, latestSucceededDeployment } from '../provisioning/active-prompts';
import type { Deployment } from '../provisioning/deployment';
import { voicebotFlowContent } from '../provisioning/flow-content';
import { createLexCodeHook, voiceDepsFromApi } from '../voice/lex-codehook';
import { functionArn } from './lambda/lambda-emulator';
import { SEED } from './connect/connect-state';

/** The code hook's function name: the gateway's Lambda runs it in the stack's thread. */
export const CODE_HOOK_FUNCTION = 'courier-lex-codehook';
/** The local functions the gateway's Lambda knows. */
export const LOCAL_FUNCTIONS = [CODE_HOOK_FUNCTION];

export type LocalVoicebot = {
  engine: ProvisioningEngine;
  directory: ConnectDirectory;
  /** Runs a local Lambda function by name (the gateway's Lambda Invoke and Lex's code hook calls). */
  runFunction(name: string, event: unknown): Promise<unknown>;
  /** Provisions the bot into the demo Connect instance unless a deployment already succeeded. */
  provisionIfNeeded(log: (line: string) => void): Promise<Deployment | undefined>;
  close(): void;
};

export function createLocalVoicebot(options: {
  deps: ApiDeps;
  endpoint: string;
  region: string;
  credentials: AwsCredentialIdentity;
}): LocalVoicebot {
  const config = {
    endpoint: options.endpoint,
    region: options.region,
    credentials: options.credentials,
    maxAttempts: 2,
  };
  const clients = {
    lex: new LexModelsV2Client(config),
    connect: new ConnectClient(config),
    iam: new IAMClient(config),
    lambda: new LambdaClient(config),
  };
  const { deps } = options;
  const deployments = deps.deployments;
  if (!deployments) throw new Error('The local voicebot needs the Deployments table.');
  const engine = createProvisioningEngine({
    clients,
    deployments,
    clock: deps.clock,
    codeHookLambdaArn: functionArn(options.region, CODE_HOOK_FUNCTION),
    contactFlowContent: voicebotFlowContent,
    log: deps.log,
  });
  const directory = createConnectDirectory(clients.connect);
  // Locally an edit should be heard on the next call; in the cloud the code hook caches for a minute.
  const codeHook = createLexCodeHook(
    voiceDepsFromApi(deps),
    createActiveDefinitionSource(deployments, {
      ttlMs: 2_000,
      onError: (e) => deps.log.warn('prompt edits unavailable', e),
    }),
  );

  return {
    engine,
    directory,
    async runFunction(name, event) {
      if (name === CODE_HOOK_FUNCTION) return codeHook(event as LexV2Event);
      throw new Error(`No local function named ${name}.`);
    },
    async provisionIfNeeded(log) {
      if (await latestSucceededDeployment(deployments)) return undefined;
      const [instance] = (await directory.listInstances()).filter((i) => i.alias === SEED.instanceAlias);
      if (!instance) return undefined;
      const queue = (await directory.listQueues(instance.id)).find((q) => q.name === 'BasicQueue');
      const system: Actor = { type: 'SYSTEM', id: 'local-start', name: 'npm start' };
      const started = await engine.start(
        { instanceId: instance.id, ...(queue ? { queueArn: queue.arn } : {}) },
        system,
      );
      log(`[voicebot] provisioning the bot into the local Connect instance "${instance.alias}"…`);
      const settled = await engine.whenSettled(started.id);
      if (settled.status !== 'SUCCEEDED') {
        log(`[voicebot] provisioning failed at ${settled.error?.step}: ${settled.error?.message}`);
        return settled;
      }
      // As the company's admin would in the Connect console: the demo number now rings the bot's flow.
      const flowId = settled.steps.find((s) => s.key === 'contact-flow')?.resources[0]?.id;
      if (flowId)
        await clients.connect.send(
          new AssociatePhoneNumberContactFlowCommand({
            InstanceId: instance.id,
            PhoneNumberId: SEED.phoneNumberId,
            ContactFlowId: flowId,
          }),
        );
      log(`[voicebot] ready: calls to ${SEED.phoneNumber} reach the bot`);
      return settled;
    },
    close() {
      for (const client of Object.values(clients)) client.destroy();
    },
  };
}
