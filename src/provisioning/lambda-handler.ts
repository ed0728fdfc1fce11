// AWS Lambda entry of the provisioner: receives { deploymentId } from the API's asynchronous invoke and
// carries that deployment to its end (run, retry or rollback), recording every step on its item.
import { z } from 'zod';
import { jsonLog } from '../observability/telemetry';
import { loadLambdaConfig } from '../lambda-runtime/lambda-config';
import { createDocumentClient } from '../lambda-runtime/document-client';
import { systemClock } from '../core/system-clock';
import { createDeploymentRepository } from '../data/deployment-repository';
import { createCloudVoicebot } from './cloud-voicebot';

const config = loadLambdaConfig();
const log = jsonLog('provisioner');
const codeHookFunctionArn = z
  .string({ required_error: 'CODE_HOOK_FUNCTION_ARN is not set' })
  .startsWith('arn:')
  .parse(process.env.CODE_HOOK_FUNCTION_ARN);
const deployments = createDeploymentRepository(
  createDocumentClient({ region: config.region }),
  config.tables.deployments,
);
const { engine } = createCloudVoicebot(
  { region: config.region, codeHookFunctionArn },
  { deployments, clock: systemClock, log },
);

const event = z.object({ deploymentId: z.string().min(1) });

export const handler = async (input: unknown) => {
  const { deploymentId } = event.parse(input);
  const settled = await engine.resume(deploymentId);
  log.info('deployment settled', { id: settled.id, status: settled.status, error: settled.error });
  return { id: settled.id, status: settled.status };
};
