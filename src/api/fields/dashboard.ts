// The admin dashboard's query: KPIs and alerts from the change feed's rollups.
import { getDashboard } from '../../core/dashboard';
import { FaultError } from '../../core/errors';
import { Router } from '../router';

export const dashboardRouter = new Router().onQuery('dashboard', async (args, { principal, deps }) => {
  const { rollups } = deps;
  if (!rollups) throw new FaultError('The dashboard rollups are not configured in this runtime.');
  const day = typeof args.day === 'string' ? args.day : undefined;
  const dashboard = await getDashboard(day, principal, { ...deps, rollups });
  return { ...dashboard, kpis: dashboard.kpis ?? null };
});
