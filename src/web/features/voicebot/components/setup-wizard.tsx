// The voicebot setup wizard (/voicebot/setup): choose the Connect instance, set the bot up, review the
// plan, deploy with live progress. It starts from the live deployment's settings, so edited responses stay.
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { startDeployment, type DeploymentFields } from '../api/voicebot-api';
import {
  defaultDraft,
  settingsOfDeployment,
  toSettingsInput,
  type PromptOverrides,
  type SettingsDraft,
} from '../hooks/deployment-settings';
import { useConnectInstances, useConnectQueues } from '../hooks/use-connect-choices';
import { isSettled } from '../hooks/deployment-view';
import { useDeployment } from '../hooks/use-deployment';
import { liveDeployment, useDeployments } from '../hooks/use-deployments';
import { DeploymentProgress } from './deployment-progress';
import { InstanceStep, ReviewStep, SettingsStep } from './wizard-steps';
import './voicebot.css';

type WizardStep =
  { step: 'instance' } | { step: 'settings' } | { step: 'review' } | { step: 'deploy'; started: DeploymentFields };

const STEP_NAMES = [
  { step: 'instance', label: 'Connect instance' },
  { step: 'settings', label: 'Bot settings' },
  { step: 'review', label: 'Review' },
  { step: 'deploy', label: 'Deploy' },
] as const;

function StepIndicator({
  current,
  onGo,
}: {
  current: WizardStep['step'];
  onGo: (step: 'instance' | 'settings' | 'review') => void;
}) {
  const index = STEP_NAMES.findIndex((s) => s.step === current);
  return (
    <ol className="vb-wizard__steps" aria-label="Setup steps">
      {STEP_NAMES.map((s, i) => {
        const state = i < index ? 'done' : i === index ? 'current' : 'todo';
        const canGo = state === 'done' && current !== 'deploy' && s.step !== 'deploy';
        return (
          <li
            key={s.step}
            className="vb-wizard__step"
            data-state={state}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className="vb-wizard__number" aria-hidden="true">
              {state === 'done' ? '✓' : i + 1}
            </span>
            {canGo ? (
              <button
                type="button"
                className="vb-link"
                onClick={() => onGo(s.step as 'instance' | 'settings' | 'review')}
              >
                {s.label}
              </button>
            ) : (
              <span>{s.label}</span>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function DeployStep({ started }: { started: DeploymentFields }) {
  const state = useDeployment(started.id, started);
  const status = state.deployment?.status;
  return (
    <div className="vb-wizard__body">
      <DeploymentProgress state={state} />
      {status === 'SUCCEEDED' && (
        <div className="notice notice--ok" role="status" data-testid="wizard-done">
          <div className="notice__text">
            <strong>The voicebot is live.</strong> Calls to the contact flow now reach it.
          </div>
          <div className="vb-actions">
            <Link className="button button--secondary" to="/voicebot">
              Voicebot overview
            </Link>
            <Link className="button button--primary" to="/voicebot/test-call">
              Make a test call
            </Link>
          </div>
        </div>
      )}
      <p className="vb-note">
        {status && isSettled(status)
          ? 'This deployment stays in the '
          : 'You can leave this page: the deployment carries on, and its page stays in the '}
        <Link to={`/voicebot/deployments/${encodeURIComponent(started.id)}`}>deployment history</Link>.
      </p>
    </div>
  );
}

export function SetupWizard() {
  const [wizard, setWizard] = useState<WizardStep>({ step: 'instance' });
  const [draft, setDraft] = useState<SettingsDraft>(() => defaultDraft());
  const [promptOverrides, setPromptOverrides] = useState<PromptOverrides>({});
  const [deploying, setDeploying] = useState(false);
  const [deployError, setDeployError] = useState<unknown>(null);
  const instances = useConnectInstances();
  const history = useDeployments();
  const queues = useConnectQueues(wizard.step === 'review' ? draft.instanceId : '');
  const [prefilled, setPrefilled] = useState(false);
  const edited = useRef(false);
  const edit = (next: SettingsDraft) => {
    edited.current = true;
    setDraft(next);
  };

  // The live deployment's settings (and its prompt edits) are where a second run starts.
  useEffect(() => {
    if (prefilled || history.phase === 'loading') return;
    setPrefilled(true);
    const live = history.phase === 'ready' ? liveDeployment(history.deployments) : undefined;
    if (live) {
      const previous = settingsOfDeployment(live);
      if (!edited.current) setDraft(previous.draft);
      setPromptOverrides(previous.promptOverrides);
    }
  }, [history.phase, history.deployments, prefilled]);

  // With a single instance there is nothing to choose: it is chosen.
  useEffect(() => {
    const only = instances.items.length === 1 ? instances.items[0] : undefined;
    if (only && !draft.instanceId) setDraft((d) => ({ ...d, instanceId: only.id }));
  }, [instances.items, draft.instanceId]);

  const instance = instances.items.find((i) => i.id === draft.instanceId);
  const instanceName = instance?.alias ?? draft.instanceId;

  const deploy = () => {
    setDeploying(true);
    setDeployError(null);
    startDeployment(toSettingsInput(draft, promptOverrides)).then(
      (started) => {
        setDeploying(false);
        setWizard({ step: 'deploy', started });
      },
      (error: unknown) => {
        setDeploying(false);
        setDeployError(error);
      },
    );
  };

  return (
    <section className="page vb-page vb-wizard" data-testid="voicebot-wizard" data-step={wizard.step}>
      <Link className="back-link" to="/voicebot">
        ← Voicebot
      </Link>
      <header className="page__header">
        <div>
          <h1 className="page__title">Set up the voicebot</h1>
          <p className="page__subtitle">
            Puts the courier bot into your Amazon Connect instance, with a contact flow that answers calls.
          </p>
        </div>
      </header>
      <StepIndicator current={wizard.step} onGo={(step) => setWizard({ step })} />
      <div className="panel vb-wizard__panel">
        {wizard.step === 'instance' && (
          <InstanceStep
            draft={draft}
            onChange={edit}
            instances={instances}
            onNext={() => setWizard({ step: 'settings' })}
          />
        )}
        {wizard.step === 'settings' && (
          <SettingsStep
            draft={draft}
            onChange={edit}
            instanceName={instanceName}
            onBack={() => setWizard({ step: 'instance' })}
            onNext={() => setWizard({ step: 'review' })}
          />
        )}
        {wizard.step === 'review' && (
          <ReviewStep
            draft={draft}
            onChange={edit}
            instanceName={instanceName}
            queueName={queues.items.find((q) => q.arn === draft.queueArn)?.name ?? undefined}
            promptOverrides={promptOverrides}
            deploying={deploying}
            deployError={deployError}
            onBack={() => setWizard({ step: 'settings' })}
            onNext={deploy}
          />
        )}
        {wizard.step === 'deploy' && <DeployStep started={wizard.started} />}
      </div>
    </section>
  );
}
