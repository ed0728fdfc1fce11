// The Lex bot callers reach: the bot and alias the latest successful deployment created or found, with the
// ids Lex gave them (the bot step's and the alias step's outputs).
import type { DeployedBotSource } from '../core/lex-analytics';
import { latestSucceededDeployment } from './active-prompts';
import type { DeploymentRepository } from './deployment';

export function createDeployedBotSource(deployments: DeploymentRepository): DeployedBotSource {
  return {
    async current() {
      const deployment = await latestSucceededDeployment(deployments);
      if (!deployment) return undefined;
      const output = (key: string, name: string) => deployment.steps.find((s) => s.key === key)?.outputs[name];
      const botId = output('bot', 'botId');
      const botAliasId = output('bot-alias', 'botAliasId');
      if (!botId || !botAliasId) return undefined;
      return {
        botId,
        botAliasId,
        botName: deployment.settings.botName,
        botAliasName: deployment.settings.botAliasName,
        localeId: deployment.settings.localeId,
      };
    },
  };
}
