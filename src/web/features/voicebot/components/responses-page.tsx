// The bot's responses editor (/voicebot/responses): every prompt by part of the call, its default beside
// it, edits checked for the {placeholders} the bot fills in, and "Save and deploy", which redeploys the live
// settings with the edits and opens the deployment's progress.
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { EmptyState, Loading } from '../../../components/feedback-states';
import { ProblemNotice } from '../../../components/problem-notice';
import { startDeployment, type BotPrompt } from '../api/voicebot-api';
import { settingsOfDeployment, toSettingsInput } from '../hooks/deployment-settings';
import {
  groupOfPrompt,
  isChanged,
  pendingKeys,
  placeholdersOf,
  PROMPT_GROUPS,
  promptLabel,
  promptOverridesFrom,
  promptProblem,
  textOf,
} from '../hooks/prompt-groups';
import { useBotPrompts } from '../hooks/use-bot-prompts';
import './voicebot.css';

const LOCALE = 'en_US';

type PromptEditorProps = {
  prompt: BotPrompt;
  text: string;
  pending: boolean;
  onEdit: (text: string) => void;
};

function PromptEditor({ prompt, text, pending, onEdit }: PromptEditorProps) {
  const id = `prompt-${prompt.key}`;
  const problem = promptProblem(text, prompt.defaultText);
  const changed = text.trim() !== prompt.defaultText.trim();
  const placeholders = placeholdersOf(prompt.defaultText);
  return (
    <li
      className={problem ? 'vb-prompt vb-prompt--invalid' : changed ? 'vb-prompt vb-prompt--changed' : 'vb-prompt'}
      data-testid="prompt"
      data-key={prompt.key}
      data-changed={changed}
    >
      <div className="vb-prompt__head">
        <label className="vb-prompt__label" htmlFor={id}>
          {promptLabel(prompt.key)}
        </label>
        <span className="vb-prompt__tags">
          {pending && <span className="pill vb-pill--pending">Not deployed yet</span>}
          {changed && <span className="pill pill--on">Changed</span>}
        </span>
      </div>
      <textarea
        id={id}
        className="vb-prompt__text"
        value={text}
        rows={Math.min(6, Math.max(2, Math.ceil(text.length / 90)))}
        onChange={(event) => onEdit(event.target.value)}
        aria-invalid={Boolean(problem)}
        aria-describedby={problem ? `${id}-error` : undefined}
        data-testid={`prompt-text-${prompt.key}`}
      />
      {problem && (
        <span id={`${id}-error`} className="vb-field__error" data-testid={`prompt-error-${prompt.key}`}>
          {problem}
        </span>
      )}
      <div className="vb-prompt__foot">
        {placeholders.length > 0 && (
          <span className="vb-prompt__placeholders">
            Fills in{' '}
            {placeholders.map((p) => (
              <code key={p}>{`{${p}}`}</code>
            ))}
          </span>
        )}
        {changed && (
          <>
            <span className="vb-prompt__default">
              Default: <q>{prompt.defaultText}</q>
            </span>
            <button
              type="button"
              className="vb-link"
              onClick={() => onEdit(prompt.defaultText)}
              data-testid={`prompt-reset-${prompt.key}`}
            >
              Reset to default
            </button>
          </>
        )}
      </div>
    </li>
  );
}

export function ResponsesPage() {
  const state = useBotPrompts(LOCALE);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [onlyChanged, setOnlyChanged] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const navigate = useNavigate();

  const pending = useMemo(() => new Set(pendingKeys(state.prompts, edits)), [state.prompts, edits]);
  const problems = state.prompts
    .map((p) => ({ prompt: p, problem: promptProblem(textOf(p, edits), p.defaultText) }))
    .filter((p): p is { prompt: BotPrompt; problem: string } => p.problem !== undefined);
  const changedCount = state.prompts.filter((p) => isChanged(p, edits)).length;

  const save = () => {
    if (!state.base || problems.length > 0 || pending.size === 0) return;
    setSaving(true);
    setSaveError(null);
    const { draft } = settingsOfDeployment(state.base);
    const overrides = promptOverridesFrom(state.prompts, edits, draft.localeId || LOCALE);
    startDeployment(toSettingsInput(draft, overrides)).then(
      (started) => void navigate(`/voicebot/deployments/${encodeURIComponent(started.id)}`),
      (error: unknown) => {
        setSaving(false);
        setSaveError(error);
      },
    );
  };

  return (
    <section className="page vb-page" data-testid="responses-page">
      <Link className="back-link" to="/voicebot">
        ← Voicebot
      </Link>
      <header className="page__header">
        <div>
          <h1 className="page__title">Bot responses</h1>
          <p className="page__subtitle">
            What callers hear. Edits reach callers once their deployment succeeds; words in braces, like{' '}
            <code>{'{reference}'}</code>, are filled in by the bot and must stay.
          </p>
        </div>
      </header>

      {state.phase === 'loading' ? (
        <Loading label="Loading the bot's responses…" />
      ) : state.phase === 'error' ? (
        <ProblemNotice error={state.error} onRetry={state.reload} />
      ) : state.prompts.length === 0 ? (
        <EmptyState title="The bot has no responses for this language." />
      ) : (
        <>
          <div className="vb-savebar" data-testid="responses-savebar">
            <span className="vb-savebar__text">
              {changedCount} of {state.prompts.length} changed from the defaults
              {pending.size > 0 && (
                <>
                  {' · '}
                  <strong data-testid="responses-pending">{pending.size} not deployed yet</strong>
                </>
              )}
            </span>
            <label className="vb-check">
              <input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} /> Only
              changed
            </label>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => setEdits({})}
              disabled={saving || Object.keys(edits).length === 0}
            >
              Discard edits
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={save}
              disabled={saving || !state.base || problems.length > 0 || pending.size === 0}
              data-testid="responses-save"
            >
              {saving ? 'Starting deployment…' : 'Save and deploy'}
            </button>
          </div>
          {!state.base && (
            <div className="notice" role="status">
              <div className="notice__text">
                <strong>The voicebot has not been deployed yet.</strong> Run the{' '}
                <Link to="/voicebot/setup">setup wizard</Link> first; then edits here are deployed with its settings.
              </div>
            </div>
          )}
          {problems.length > 0 && (
            <div className="notice" role="alert" data-testid="responses-problems">
              <div className="notice__text">
                <strong>
                  {problems.length === 1 ? 'One response needs' : `${problems.length} responses need`} fixing before
                  deploying:
                </strong>{' '}
                {problems.map((p) => `${promptLabel(p.prompt.key)}: ${p.problem}`).join(' ')}
              </div>
            </div>
          )}
          {saveError !== null && <ProblemNotice error={saveError} />}
          <nav className="vb-groups-nav" aria-label="Response groups">
            {PROMPT_GROUPS.map((g) => (
              <a key={g.id} href={`#group-${g.id}`}>
                {g.title}
              </a>
            ))}
          </nav>
          {PROMPT_GROUPS.map((group) => {
            const prompts = state.prompts.filter(
              (p) => groupOfPrompt(p.key) === group.id && (!onlyChanged || isChanged(p, edits) || pending.has(p.key)),
            );
            if (prompts.length === 0) return null;
            return (
              <section
                key={group.id}
                id={`group-${group.id}`}
                className="vb-group"
                data-testid={`prompt-group-${group.id}`}
              >
                <h2 className="section-title">{group.title}</h2>
                <p className="vb-group__text">{group.description}</p>
                <ul className="vb-prompts">
                  {prompts.map((prompt) => (
                    <PromptEditor
                      key={prompt.key}
                      prompt={prompt}
                      text={textOf(prompt, edits)}
                      pending={pending.has(prompt.key)}
                      onEdit={(text) => setEdits((known) => ({ ...known, [prompt.key]: text }))}
                    />
                  ))}
                </ul>
              </section>
            );
          })}
        </>
      )}
    </section>
  );
}
