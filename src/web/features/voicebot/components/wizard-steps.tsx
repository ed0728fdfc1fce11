// The wizard's first three steps: choose the Connect instance, set the bot up, review the plan.
import { useEffect, useState, type ReactNode } from 'react';
import { EmptyState, Loading } from '../../../components/feedback-states';
import { ProblemNotice } from '../../../components/problem-notice';
import { fetchPlan, type ConnectInstance, type PlannedStep } from '../api/voicebot-api';
import {
  effectiveFlowName,
  FIELD_LABELS,
  LOCALE_OPTIONS,
  toSettingsInput,
  validateSettings,
  VOICES_BY_LOCALE,
  type PromptOverrides,
  type SettingsDraft,
  type SettingsField,
} from '../hooks/deployment-settings';
import { useConnectInstances, useConnectQueues } from '../hooks/use-connect-choices';
import { SettingsSummary } from './settings-summary';

type StepProps = {
  draft: SettingsDraft;
  onChange: (draft: SettingsDraft) => void;
  onBack?: () => void;
  onNext: () => void;
};

export function InstanceStep({
  draft,
  onChange,
  onNext,
  instances,
}: StepProps & { instances: ReturnType<typeof useConnectInstances> }) {
  if (instances.phase === 'loading' || instances.phase === 'idle')
    return <Loading label="Looking for your Amazon Connect instances…" />;
  if (instances.phase === 'error') return <ProblemNotice error={instances.error} onRetry={instances.reload} />;
  if (instances.items.length === 0) {
    return (
      <EmptyState title="No Amazon Connect instance was found.">
        The bot goes into an instance you already run. Create one in the Amazon Connect console (same account and region
        as this app), enable inbound calls and claim a phone number, then{' '}
        <button type="button" className="vb-link" onClick={instances.reload}>
          look again
        </button>
        .
      </EmptyState>
    );
  }
  return (
    <div className="vb-wizard__body">
      <fieldset className="vb-choices" data-testid="instance-choices">
        <legend className="vb-choices__legend">Which Amazon Connect instance should answer calls with the bot?</legend>
        {instances.items.map((instance) => (
          <InstanceChoice
            key={instance.id}
            instance={instance}
            checked={draft.instanceId === instance.id}
            onSelect={() =>
              onChange({
                ...draft,
                instanceId: instance.id,
                queueArn: draft.instanceId === instance.id ? draft.queueArn : '',
              })
            }
          />
        ))}
      </fieldset>
      <div className="vb-wizard__actions">
        <span />
        <button
          type="button"
          className="button button--primary"
          disabled={!draft.instanceId}
          onClick={onNext}
          data-testid="wizard-next"
        >
          Next: bot settings
        </button>
      </div>
    </div>
  );
}

function InstanceChoice({
  instance,
  checked,
  onSelect,
}: {
  instance: ConnectInstance;
  checked: boolean;
  onSelect: () => void;
}) {
  const active = !instance.status || instance.status === 'ACTIVE';
  return (
    <label
      className={checked ? 'vb-choice vb-choice--checked' : 'vb-choice'}
      data-testid="instance-choice"
      data-instance-id={instance.id}
    >
      <input type="radio" name="instance" value={instance.id} checked={checked} onChange={onSelect} />
      <span className="vb-choice__main">
        <span className="vb-choice__title">{instance.alias ?? instance.id}</span>
        <span className="vb-choice__sub mono">{instance.id}</span>
      </span>
      <span className="vb-choice__meta">
        <span className={active ? 'pill pill--on' : 'pill pill--bad'}>{instance.status ?? 'Status unknown'}</span>
        {instance.inboundCallsEnabled === false ? (
          <span className="vb-choice__warn">
            Inbound calls are off: turn them on in Connect, or callers can&apos;t reach the bot.
          </span>
        ) : instance.inboundCallsEnabled ? (
          <span className="muted">Inbound calls on</span>
        ) : null}
      </span>
    </label>
  );
}

function Field({
  id,
  field,
  hint,
  error,
  children,
}: {
  id: string;
  field: SettingsField;
  hint?: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className={error ? 'vb-field vb-field--invalid' : 'vb-field'}>
      <label className="vb-field__label" htmlFor={id}>
        {FIELD_LABELS[field]}
      </label>
      {children}
      {error ? (
        <span id={`${id}-error`} className="vb-field__error" data-testid={`${id}-error`}>
          {error}
        </span>
      ) : (
        hint && (
          <span id={`${id}-hint`} className="vb-field__hint">
            {hint}
          </span>
        )
      )}
    </div>
  );
}

const aria = (id: string, error?: string) => ({
  'aria-invalid': Boolean(error),
  'aria-describedby': error ? `${id}-error` : `${id}-hint`,
});

export function SettingsStep({ draft, onChange, onBack, onNext, instanceName }: StepProps & { instanceName: string }) {
  const queues = useConnectQueues(draft.instanceId);
  const [touched, setTouched] = useState<Partial<Record<SettingsField, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const errors = validateSettings(draft);
  const shown = (field: SettingsField) => (submitted || touched[field] ? errors[field] : undefined);
  const set = (field: SettingsField) => (event: { target: { value: string } }) =>
    onChange({ ...draft, [field]: event.target.value });
  const blur = (field: SettingsField) => () => setTouched((t) => ({ ...t, [field]: true }));
  const voices = VOICES_BY_LOCALE[draft.localeId] ?? [];

  return (
    <form
      className="vb-wizard__body"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setSubmitted(true);
        if (Object.keys(errors).length === 0) onNext();
      }}
      data-testid="settings-form"
    >
      <p className="vb-note">
        Into <strong>{instanceName}</strong>. The bot, its alias and the contact flow are found by these names, so
        running the wizard again with the same names updates them in place.
      </p>
      <div className="vb-form-grid">
        <Field
          id="bot-name"
          field="botName"
          hint="The Lex bot's name: letters, digits, - and _."
          error={shown('botName')}
        >
          <input
            id="bot-name"
            value={draft.botName}
            onChange={set('botName')}
            onBlur={blur('botName')}
            maxLength={60}
            {...aria('bot-name', shown('botName'))}
          />
        </Field>
        <Field
          id="bot-alias"
          field="botAliasName"
          hint="Callers reach the version this alias points at."
          error={shown('botAliasName')}
        >
          <input
            id="bot-alias"
            value={draft.botAliasName}
            onChange={set('botAliasName')}
            onBlur={blur('botAliasName')}
            maxLength={120}
            {...aria('bot-alias', shown('botAliasName'))}
          />
        </Field>
        <Field
          id="bot-locale"
          field="localeId"
          hint="More languages come with more bot translations."
          error={shown('localeId')}
        >
          <select
            id="bot-locale"
            value={draft.localeId}
            onChange={set('localeId')}
            {...aria('bot-locale', shown('localeId'))}
          >
            {LOCALE_OPTIONS.map((l) => (
              <option key={l.id} value={l.id}>
                {l.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="bot-voice" field="voiceId" hint="The Amazon Polly voice callers hear." error={shown('voiceId')}>
          <select
            id="bot-voice"
            value={draft.voiceId}
            onChange={set('voiceId')}
            {...aria('bot-voice', shown('voiceId'))}
          >
            {!voices.includes(draft.voiceId) && (
              <option value={draft.voiceId}>{draft.voiceId || 'Choose a voice'}</option>
            )}
            {voices.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="flow-name"
          field="contactFlowName"
          hint={`Leave empty for “${effectiveFlowName(draft)}”.`}
          error={shown('contactFlowName')}
        >
          <input
            id="flow-name"
            value={draft.contactFlowName}
            placeholder={effectiveFlowName(draft)}
            onChange={set('contactFlowName')}
            onBlur={blur('contactFlowName')}
            maxLength={140}
            {...aria('flow-name', shown('contactFlowName'))}
          />
        </Field>
        <Field
          id="agent-queue"
          field="queueArn"
          hint={
            queues.phase === 'ready' && queues.items.length === 0
              ? 'This instance has no standard queues.'
              : 'Where callers who ask for a person wait.'
          }
        >
          <select
            id="agent-queue"
            value={draft.queueArn}
            onChange={set('queueArn')}
            disabled={queues.phase === 'loading'}
            data-testid="agent-queue"
          >
            <option value="">
              {queues.phase === 'loading' ? 'Loading queues…' : 'No queue (agent requests hear an apology)'}
            </option>
            {queues.items.map((q) => (
              <option key={q.id} value={q.arn}>
                {q.name ?? q.id}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {queues.phase === 'error' && <ProblemNotice compact error={queues.error} onRetry={queues.reload} />}
      <div className="vb-wizard__actions">
        <button type="button" className="button button--ghost" onClick={onBack}>
          Back
        </button>
        <button type="submit" className="button button--primary" data-testid="wizard-next">
          Next: review
        </button>
      </div>
    </form>
  );
}

export type ReviewStepProps = StepProps & {
  instanceName: string;
  queueName?: string;
  promptOverrides: PromptOverrides;
  deploying: boolean;
  deployError: unknown;
};

export function ReviewStep({
  draft,
  onBack,
  onNext,
  instanceName,
  queueName,
  promptOverrides,
  deploying,
  deployError,
}: ReviewStepProps) {
  const [plan, setPlan] = useState<
    { phase: 'loading' } | { phase: 'ready'; steps: PlannedStep[] } | { phase: 'error'; error: unknown }
  >({
    phase: 'loading',
  });
  const [attempt, setAttempt] = useState(0);
  const settings = toSettingsInput(draft, promptOverrides);
  const key = JSON.stringify(settings);

  useEffect(() => {
    let cancelled = false;
    setPlan({ phase: 'loading' });
    // `key` stands for the settings: a new object each render, the same JSON.
    fetchPlan(JSON.parse(key) as typeof settings).then(
      (steps) => !cancelled && setPlan({ phase: 'ready', steps }),
      (error: unknown) => !cancelled && setPlan({ phase: 'error', error }),
    );
    return () => {
      cancelled = true;
    };
  }, [key, attempt]);

  const edited = Object.values(promptOverrides).reduce((n, edits) => n + Object.keys(edits).length, 0);
  return (
    <div className="vb-wizard__body">
      <div className="panel vb-panel">
        <SettingsSummary settings={settings} instanceName={instanceName} queueName={queueName} editedPrompts={edited} />
      </div>
      <h2 className="section-title">What will happen</h2>
      {plan.phase === 'loading' ? (
        <Loading label="Working out the plan…" />
      ) : plan.phase === 'error' ? (
        <ProblemNotice error={plan.error} onRetry={() => setAttempt((n) => n + 1)} />
      ) : (
        <ol className="vb-plan" data-testid="deployment-plan">
          {plan.steps.map((step) => (
            <li key={step.key} className="vb-plan__item" data-step={step.key}>
              <span className="vb-plan__title">{step.title}</span>
              <span className="vb-plan__text">{step.description}</span>
            </li>
          ))}
        </ol>
      )}
      <p className="vb-note">
        Each step first looks for what it needs and only creates what is missing. If a step fails you can retry it or
        roll back what this deployment created.
      </p>
      {deployError !== null && <ProblemNotice error={deployError} />}
      <div className="vb-wizard__actions">
        <button type="button" className="button button--ghost" onClick={onBack} disabled={deploying}>
          Back
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={onNext}
          disabled={deploying || plan.phase !== 'ready'}
          data-testid="wizard-deploy"
        >
          {deploying ? 'Starting…' : 'Deploy'}
        </button>
      </div>
    </div>
  );
}
