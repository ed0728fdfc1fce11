// Service-quality alerts (Req 10.5): the thresholds admins set, a day's alerts, and their live publication.
import { getAlertSettings, listServiceAlerts, updateAlertSettings, type AlertStore } from '../../core/analytics-alerts';
import { isDay } from '../../core/business-calendar';
import { FaultError, ForbiddenError, ValidationError } from '../../core/errors';
import type { ApiDeps } from '../deps';
import { Router } from '../router';

function alertsOf(deps: ApiDeps): { alerts: AlertStore } {
  if (!deps.alerts) throw new FaultError('Service alerts are not configured in this runtime.');
  return { alerts: deps.alerts };
}

function dayArgument(value: unknown): string {
  if (typeof value !== 'string' || !isDay(value))
    throw new ValidationError('day must be a date like 2026-03-01.', {
      field: 'day',
      resolution: 'Give a YYYY-MM-DD day.',
    });
  return value;
}

export const alertsRouter = new Router()
  .onQuery('alertSettings', async (_args, { principal, deps }) => getAlertSettings(principal, alertsOf(deps)))
  .onQuery('serviceAlerts', async (args, { principal, deps }) =>
    listServiceAlerts(dayArgument(args.day), principal, alertsOf(deps)),
  )
  .onMutation('updateAlertSettings', async (args, { principal, deps }) =>
    updateAlertSettings(args, principal, { ...alertsOf(deps), clock: deps.clock }),
  )
  .onMutation('publishAlertRaised', async (args, { principal, deps }) => {
    if (principal.role !== 'SERVICE')
      throw new ForbiddenError('publishAlertRaised is reserved for the change-feed notifier.', {
        resolution: 'Subscribe to onAlertRaised instead.',
      });
    return (await alertsOf(deps).alerts.get(dayArgument(args.day), String(args.key))) ?? null;
  })
  .onSubscription('onAlertRaised', async (_args, { principal }) => {
    if (principal.role !== 'ADMIN')
      throw new ForbiddenError('Only administrators can follow service alerts.', {
        resolution: 'Sign in with an administrator account.',
      });
    return null;
  });
