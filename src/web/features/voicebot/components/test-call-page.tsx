// The test call (/voicebot/test-call): a call to the bot through the local call simulator, as a chat —
// typed, or spoken and heard where the browser has speech recognition and synthesis. In the cloud there is
// no simulator: the page says which number to dial instead.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { Loading } from '../../../components/feedback-states';
import { ProblemNotice } from '../../../components/problem-notice';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import { CallSimulatorError } from '../api/call-simulator-api';
import { describeCallState } from '../hooks/transcript';
import { liveDeployment, useDeployments } from '../hooks/use-deployments';
import { useSpeechInput, useSpeechOutput } from '../hooks/use-speech';
import { useTestCall } from '../hooks/use-test-call';
import './voicebot.css';

/** A number in the simulator's format (E.164) that stands for the admin's phone. */
const DEFAULT_CALLER = '+12065550100';

const SUGGESTIONS = [
  'I want to book a courier',
  'I want to track a parcel',
  'I want to give feedback',
  'Talk to an agent',
  'Goodbye',
];

/** Inline, like the app's other icons: emoji fonts are not everywhere. */
function MicIcon() {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <rect x="9" y="3" width="6" height="11" rx="3" />
      <path d="M5 11a7 7 0 0 0 14 0M12 18v3" />
    </svg>
  );
}

function CallProblem({ error }: { error: unknown }) {
  if (!(error instanceof CallSimulatorError)) return <ProblemNotice compact error={error} />;
  return (
    <div className="notice notice--error notice--compact" role="alert" data-testid="call-problem">
      <div className="notice__text">
        <strong>{error.message}</strong> {error.resolution && <span>{error.resolution}</span>}
      </div>
    </div>
  );
}

function CloudInstructions() {
  const history = useDeployments();
  const live = liveDeployment(history.deployments);
  return (
    <div className="panel vb-panel" data-testid="test-call-cloud">
      <h2 className="section-title">Call the bot from a phone</h2>
      <p>
        This environment talks to the real Amazon Connect, so test the bot with a real call: dial the phone number your
        Connect instance routes to the contact flow{' '}
        {live ? <strong>“{live.settings.contactFlowName}”</strong> : 'the wizard created'}. You find it in the Amazon
        Connect console under Channels → Phone numbers; if no number points at the flow yet, edit one and choose the
        flow there.
      </p>
      {!live && history.phase === 'ready' && (
        <p>
          The bot is not deployed yet: <Link to="/voicebot/setup">run the setup wizard</Link> first.
        </p>
      )}
    </div>
  );
}

export function TestCallPage() {
  const calendar = useCompanyCalendar();
  const [voiceOut, setVoiceOut] = useState(true);
  const output = useSpeechOutput(voiceOut);
  const test = useTestCall(output.speak);
  const [from, setFrom] = useState(DEFAULT_CALLER);
  const [text, setText] = useState('');
  const transcript = useRef<HTMLOListElement>(null);
  const inBot = test.call?.state === 'IN_BOT';
  const input = useSpeechInput((heard) => {
    if (inBot) void test.say(heard);
  });

  useEffect(() => {
    const list = transcript.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [test.lines.length]);

  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!inBot || test.busy) return;
    const words = text;
    setText('');
    void test.say(words);
  };

  const header = (
    <>
      <Link className="back-link" to="/voicebot">
        ← Voicebot
      </Link>
      <header className="page__header">
        <div>
          <h1 className="page__title">Test call</h1>
          <p className="page__subtitle">Talk to the bot as a caller would: it runs the live contact flow and bot.</p>
        </div>
      </header>
    </>
  );

  if (test.setup.phase === 'loading') {
    return (
      <section className="page vb-page" data-testid="test-call-page">
        {header}
        <Loading />
      </section>
    );
  }
  if (test.setup.phase !== 'ready') {
    return (
      <section className="page vb-page" data-testid="test-call-page">
        {header}
        {test.setup.phase === 'error' && <CallProblem error={test.setup.error} />}
        <CloudInstructions />
      </section>
    );
  }

  const { config } = test.setup;
  const active = test.call !== null && test.call.state !== 'DISCONNECTED';
  return (
    <section className="page vb-page" data-testid="test-call-page">
      {header}
      <div className="vb-call">
        <div className="vb-call__main panel vb-panel">
          <div className="vb-call__bar">
            {active ? (
              <>
                <span className="vb-call__state" data-testid="call-state" data-state={test.call?.state}>
                  <span className="live__dot" aria-hidden="true" /> {test.call && describeCallState(test.call)}
                </span>
                <button
                  type="button"
                  className="button button--danger"
                  onClick={() => void test.hangUp()}
                  disabled={test.busy}
                  data-testid="call-hang-up"
                >
                  Hang up
                </button>
              </>
            ) : (
              <>
                <label className="vb-call__from">
                  <span className="vb-field__label">Calling from</span>
                  <input
                    value={from}
                    onChange={(e) => setFrom(e.target.value)}
                    inputMode="tel"
                    data-testid="call-from"
                  />
                </label>
                {test.call && (
                  <span className="vb-call__state muted" data-testid="call-state" data-state={test.call.state}>
                    {describeCallState(test.call)}
                  </span>
                )}
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() => void test.dial(from.trim())}
                  disabled={test.busy}
                  data-testid="call-start"
                >
                  {test.busy ? 'Calling…' : test.call ? 'Call again' : 'Call'}
                </button>
              </>
            )}
          </div>
          {test.error !== null && <CallProblem error={test.error} />}
          <ol className="vb-transcript" ref={transcript} aria-live="polite" data-testid="call-transcript">
            {test.lines.length === 0 && (
              <li className="vb-transcript__empty">
                Press Call to dial {config.phoneNumber}. The bot answers as it would a customer.
              </li>
            )}
            {test.lines.map((line, index) => (
              <li
                key={`${line.at}:${index}`}
                className={`vb-line vb-line--${line.speaker}`}
                data-testid="call-line"
                data-speaker={line.speaker}
              >
                <span className="vb-line__who">{line.speaker === 'caller' ? 'You' : 'Bot'}</span>
                <span className="vb-line__text">{line.text || <em className="muted">(silence)</em>}</span>
                <time className="vb-line__time" dateTime={line.at}>
                  {calendar.formatTime(line.at)}
                </time>
              </li>
            ))}
            {test.busy && test.call && (
              <li className="vb-line vb-line--bot vb-line--typing" aria-label="The bot is answering">
                <span className="vb-line__text">…</span>
              </li>
            )}
          </ol>
          <form className="vb-call__say" onSubmit={send}>
            <input
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={inBot ? 'Say something to the bot…' : 'Start a call to talk to the bot'}
              disabled={!inBot}
              aria-label="What you say"
              data-testid="call-say-text"
            />
            {input.supported && (
              <button
                type="button"
                className={input.listening ? 'button button--danger-quiet' : 'button button--secondary'}
                onClick={input.listening ? input.stop : input.start}
                disabled={!inBot || test.busy}
                aria-pressed={input.listening}
                data-testid="call-mic"
              >
                {input.listening ? (
                  'Listening… (stop)'
                ) : (
                  <>
                    <MicIcon /> Speak
                  </>
                )}
              </button>
            )}
            <button
              type="submit"
              className="button button--primary"
              disabled={!inBot || test.busy}
              data-testid="call-say"
            >
              Say
            </button>
          </form>
          {input.problem && <p className="vb-note">{input.problem}</p>}
        </div>
        <aside className="vb-call__side panel vb-panel">
          <h2 className="section-title">Dialling</h2>
          <p className="mono" data-testid="call-number">
            {config.phoneNumber}
          </p>
          <p className="muted">
            The local call simulator runs the contact flow stored for this number, as Connect would.
          </p>
          <h2 className="section-title">Try saying</h2>
          <ul className="vb-suggestions">
            {SUGGESTIONS.map((s) => (
              <li key={s}>
                <button
                  type="button"
                  className="vb-link"
                  disabled={!inBot || test.busy}
                  onClick={() => void test.say(s)}
                >
                  “{s}”
                </button>
              </li>
            ))}
          </ul>
          {output.supported && (
            <label className="vb-check">
              <input
                type="checkbox"
                checked={voiceOut}
                onChange={(e) => {
                  setVoiceOut(e.target.checked);
                  if (!e.target.checked) output.stop();
                }}
              />{' '}
              Read the bot&apos;s words aloud
            </label>
          )}
          {!input.supported && (
            <p className="muted">This browser has no speech recognition: type what the caller says.</p>
          )}
        </aside>
      </div>
    </section>
  );
}
