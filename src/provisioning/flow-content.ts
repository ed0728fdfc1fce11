// The contact flow a deployment writes: the generated flow for the bot alias, spoken in the deployment's
// locale and voice with its prompt edits. One definition for the provisioner Lambda and the local stack.
import { buildContactFlow, contactFlowContent } from '../voice/contact-flow';
import type { ContactFlowContent } from './step';

export const voicebotFlowContent: ContactFlowContent = ({ botAliasArn, queueArn, settings }) =>
  contactFlowContent(
    buildContactFlow({
      botAliasArn,
      // Empty when the wizard chose no queue: the flow builder refuses it, naming queueId.
      queueId: queueArn ?? '',
      locale: settings.localeId,
      voice: { id: settings.voiceId },
      promptOverrides: settings.promptOverrides,
    }),
  );
