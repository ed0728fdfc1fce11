// One deployment's page (/voicebot/deployments/:id): its settings and its live progress, retry and rollback.
import { Link, useParams } from 'react-router-dom';
import { parsePromptOverrides } from '../hooks/deployment-settings';
import { useConnectNames } from '../hooks/use-connect-names';
import { useDeployment } from '../hooks/use-deployment';
import { DeploymentProgress } from './deployment-progress';
import { SettingsSummary } from './settings-summary';
import './voicebot.css';

export function DeploymentPage() {
  const { id = '' } = useParams();
  const state = useDeployment(id);
  const deployment = state.deployment;
  const names = useConnectNames(deployment?.settings.instanceId ?? '');
  const edited = deployment
    ? Object.values(parsePromptOverrides(deployment.settings.promptOverrides)).reduce(
        (n, e) => n + Object.keys(e).length,
        0,
      )
    : 0;
  return (
    <section className="page vb-page" data-testid="deployment-page">
      <Link className="back-link" to="/voicebot">
        ← Voicebot
      </Link>
      <header className="page__header">
        <div>
          <h1 className="page__title">Deployment {deployment ? `of ${deployment.settings.botName}` : ''}</h1>
          <p className="page__subtitle mono">{id}</p>
        </div>
        {deployment?.status === 'SUCCEEDED' && (
          <Link className="button button--primary" to="/voicebot/test-call" data-testid="deployment-test-call">
            Make a test call
          </Link>
        )}
      </header>
      {deployment && (
        <div className="panel vb-panel">
          <SettingsSummary
            settings={deployment.settings}
            instanceName={names.instanceName(deployment.settings.instanceId)}
            queueName={names.queueName(deployment.settings.queueArn)}
            editedPrompts={edited}
          />
        </div>
      )}
      <DeploymentProgress state={state} />
    </section>
  );
}
