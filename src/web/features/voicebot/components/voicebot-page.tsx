// The voicebot overview (/voicebot): what callers reach now, the latest deployment's state, the history of
// deployments, and the way to the wizard, the responses editor and the test call.
import { Link, useNavigate } from 'react-router-dom';
import { EmptyState, Loading } from '../../../components/feedback-states';
import { ProblemNotice } from '../../../components/problem-notice';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import { useNow } from '../../../lib/use-now';
import type { DeploymentFields } from '../api/voicebot-api';
import { parsePromptOverrides } from '../hooks/deployment-settings';
import { DEPLOYMENT_LOOK, isSettled } from '../hooks/deployment-view';
import { useConnectNames, type ConnectNames } from '../hooks/use-connect-names';
import { liveDeployment, useDeployments } from '../hooks/use-deployments';
import { DeploymentStatusBadge } from './deployment-status-badge';
import { SettingsSummary } from './settings-summary';
import './voicebot.css';

const deploymentPath = (d: DeploymentFields) => `/voicebot/deployments/${encodeURIComponent(d.id)}`;

function editedCount(d: DeploymentFields): number {
  return Object.values(parsePromptOverrides(d.settings.promptOverrides)).reduce((n, e) => n + Object.keys(e).length, 0);
}

function CurrentState({ deployments, names }: { deployments: DeploymentFields[]; names: ConnectNames }) {
  const calendar = useCompanyCalendar();
  const latest = deployments[0];
  const live = liveDeployment(deployments);
  if (!latest) {
    return (
      <EmptyState title="The voicebot is not set up yet.">
        Run the setup wizard to put the bot into your Amazon Connect instance; it takes a few minutes.
      </EmptyState>
    );
  }
  return (
    <div className="panel vb-panel vb-current" data-testid="voicebot-current">
      <div className="vb-current__head">
        <div>
          <span className="vb-current__label">{live ? 'Callers reach' : 'No deployment has succeeded yet'}</span>
          {live && (
            <span className="vb-current__name">
              {live.settings.botName} <span className="muted">via alias</span> {live.settings.botAliasName}
            </span>
          )}
        </div>
        <DeploymentStatusBadge status={latest.status} testId="voicebot-latest-status" />
      </div>
      {latest !== live && (
        <p className="vb-note" data-testid="voicebot-latest-note">
          The latest deployment ({calendar.formatDateTime(latest.createdAt)}) is{' '}
          <strong>{DEPLOYMENT_LOOK[latest.status].label.toLowerCase()}</strong>
          {live ? '; until it succeeds, callers keep the live one below.' : '.'}{' '}
          <Link to={deploymentPath(latest)}>
            {isSettled(latest.status) ? 'See what happened' : 'Follow its progress'}
          </Link>
        </p>
      )}
      {live && (
        <SettingsSummary
          settings={live.settings}
          instanceName={names.instanceName(live.settings.instanceId)}
          queueName={names.queueName(live.settings.queueArn)}
          editedPrompts={editedCount(live)}
        />
      )}
    </div>
  );
}

export function VoicebotPage() {
  const calendar = useCompanyCalendar();
  const list = useDeployments();
  const now = useNow();
  const navigate = useNavigate();
  const live = liveDeployment(list.deployments);
  const names = useConnectNames(live?.settings.instanceId ?? '');
  const hasLive = live !== undefined;

  return (
    <section className="page vb-page" data-testid="voicebot-page">
      <header className="page__header">
        <div>
          <h1 className="page__title">Voicebot</h1>
          <p className="page__subtitle">
            The phone bot that books couriers, tracks parcels and takes feedback in Amazon Connect.
          </p>
        </div>
        <div className="vb-actions">
          <Link className="button button--secondary" to="/voicebot/responses" data-testid="voicebot-responses-link">
            Edit responses
          </Link>
          <Link className="button button--secondary" to="/voicebot/test-call" data-testid="voicebot-test-call-link">
            Test call
          </Link>
          <Link className="button button--primary" to="/voicebot/setup" data-testid="voicebot-setup-link">
            {hasLive ? 'Change settings' : 'Set up the voicebot'}
          </Link>
        </div>
      </header>

      {list.phase === 'loading' ? (
        <Loading label="Loading the voicebot's deployments…" />
      ) : list.phase === 'error' ? (
        <ProblemNotice error={list.error} onRetry={list.reload} />
      ) : (
        <>
          <CurrentState deployments={list.deployments} names={names} />
          {list.deployments.length > 0 && (
            <>
              <h2 className="section-title">Deployment history</h2>
              <div className="table-wrap">
                <table className="table" data-testid="deployments-table">
                  <thead>
                    <tr>
                      <th scope="col">Started</th>
                      <th scope="col">Status</th>
                      <th scope="col">Bot and alias</th>
                      <th scope="col">Instance</th>
                      <th scope="col">Responses edited</th>
                      <th scope="col">By</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.deployments.map((d) => (
                      <tr
                        key={d.id}
                        className="row"
                        data-testid="deployment-row"
                        data-deployment-id={d.id}
                        data-status={d.status}
                        onClick={(event) => {
                          if (!(event.target instanceof HTMLAnchorElement)) void navigate(deploymentPath(d));
                        }}
                      >
                        <td className="nowrap">
                          <Link className="cell-main" to={deploymentPath(d)}>
                            {calendar.formatDateTime(d.createdAt)}
                          </Link>
                          <span className="cell-sub">{calendar.formatAge(d.createdAt, now)}</span>
                        </td>
                        <td>
                          <DeploymentStatusBadge status={d.status} replaced={d !== live} />
                        </td>
                        <td>
                          <span className="mono">{d.settings.botName}</span> <span className="muted">/</span>{' '}
                          <span className="mono">{d.settings.botAliasName}</span>
                        </td>
                        <td>
                          {names.instanceName(d.settings.instanceId) ?? (
                            <span className="mono">{d.settings.instanceId}</span>
                          )}
                        </td>
                        <td>{editedCount(d) || <span className="muted">none</span>}</td>
                        <td>{d.createdBy.name ?? d.createdBy.id}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}
