// The voicebot's pieces in the cloud: the API's engine hands each run to the provisioner Lambda
// (asynchronous invoke), the provisioner's engine resumes it; both on the real AWS SDK clients.
import { ConnectClient } from '@aws-sdk/client-connect';
import { IAMClient } from '@aws-sdk/client-iam';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { LexModelsV2Client } from '@aws-sdk/client-lex-models-v2';
import type { Clock } from '../core/ports';
import { createConnectDirectory, type ConnectDirectory } from './connect-directory';
import type { DeploymentRepository } from './deployment';
import { createProvisioningEngine, type ProvisioningEngine } from './engine';
import { voicebotFlowContent } from './flow-content';

export type CloudVoicebotConfig = {
  region: string;
  /** The lex-codehook function the bot alias calls. */
  codeHookFunctionArn: string;
  /** Set in the API function: where runs are dispatched. Absent in the provisioner itself. */
  provisionerFunctionName?: string;
};

export function createCloudVoicebot(
  config: CloudVoicebotConfig,
  deps: { deployments: DeploymentRepository; clock: Clock; log: { error(message: string, detail?: unknown): void } },
): { engine: ProvisioningEngine; directory: ConnectDirectory } {
  const clients = {
    lex: new LexModelsV2Client({ region: config.region }),
    connect: new ConnectClient({ region: config.region }),
    // IAM is global; its endpoint lives in us-east-1 for the standard partition.
    iam: new IAMClient({ region: 'us-east-1' }),
    lambda: new LambdaClient({ region: config.region }),
  };
  const provisioner = config.provisionerFunctionName;
  const engine = createProvisioningEngine({
    clients,
    deployments: deps.deployments,
    clock: deps.clock,
    codeHookLambdaArn: config.codeHookFunctionArn,
    contactFlowContent: voicebotFlowContent,
    log: deps.log,
    ...(provisioner
      ? {
          dispatch: async (deploymentId: string) => {
            await clients.lambda.send(
              new InvokeCommand({
                FunctionName: provisioner,
                InvocationType: 'Event',
                Payload: JSON.stringify({ deploymentId }),
              }),
            );
          },
        }
      : {}),
  });
  return { engine, directory: createConnectDirectory(clients.connect) };
}
