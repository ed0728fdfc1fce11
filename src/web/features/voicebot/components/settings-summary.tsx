// The settings of a deployment as facts: bot, alias, flow, language and voice, instance, queue.
import type { DeploymentSettingsInput } from '../api/voicebot-api';
import { LOCALE_OPTIONS } from '../hooks/deployment-settings';

export type SettingsSummaryProps = {
  settings: Omit<DeploymentSettingsInput, 'promptOverrides'>;
  /** The instance's alias, when known; its id otherwise. */
  instanceName?: string;
  /** The queue's name, when known. */
  queueName?: string;
  editedPrompts?: number;
};

export function SettingsSummary({ settings, instanceName, queueName, editedPrompts }: SettingsSummaryProps) {
  const locale = LOCALE_OPTIONS.find((l) => l.id === settings.localeId)?.label ?? settings.localeId;
  const queue = settings.queueArn ? (queueName ?? settings.queueArn.split('/').pop()) : null;
  return (
    <dl className="vb-facts" data-testid="settings-summary">
      <div>
        <dt>Connect instance</dt>
        <dd>{instanceName ?? settings.instanceId}</dd>
      </div>
      <div>
        <dt>Bot</dt>
        <dd className="mono">{settings.botName}</dd>
      </div>
      <div>
        <dt>Alias</dt>
        <dd className="mono">{settings.botAliasName}</dd>
      </div>
      <div>
        <dt>Contact flow</dt>
        <dd>{settings.contactFlowName ?? `${settings.botName ?? ''} inbound`}</dd>
      </div>
      <div>
        <dt>Language and voice</dt>
        <dd>
          {locale}, {settings.voiceId}
        </dd>
      </div>
      <div>
        <dt>Agent queue</dt>
        <dd>{queue ?? <span className="muted">None: agent requests hear an apology</span>}</dd>
      </div>
      {editedPrompts !== undefined && (
        <div>
          <dt>Edited responses</dt>
          <dd>{editedPrompts === 0 ? 'None (the defaults)' : editedPrompts}</dd>
        </div>
      )}
    </dl>
  );
}
