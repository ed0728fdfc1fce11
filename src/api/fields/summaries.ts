// The executive summaries (Req 10.6): the list with download links, and "generate now" for any week.
import {
  assertSummaryReader,
  generateExecutiveSummary,
  type SummaryDeps,
  type SummaryMeta,
} from '../../core/executive-summary';
import { FaultError } from '../../core/errors';
import type { ApiDeps } from '../deps';
import { Router } from '../router';
import { renderSummaryPdf } from '../summary-pdf';

function summaryDeps(deps: ApiDeps): SummaryDeps {
  if (!deps.summaries || !deps.analytics || !deps.admins)
    throw new FaultError('Executive summaries are not configured in this runtime.');
  return {
    series: deps.analytics,
    summaries: deps.summaries,
    admins: deps.admins,
    render: renderSummaryPdf,
    clock: deps.clock,
  };
}

async function withUrl(meta: SummaryMeta, deps: SummaryDeps) {
  return { ...meta, url: await deps.summaries.url(meta.week) };
}

export const summariesRouter = new Router()
  .onQuery('executiveSummaries', async (_args, { principal, deps }) => {
    assertSummaryReader(principal);
    const d = summaryDeps(deps);
    return Promise.all((await d.summaries.list(52)).map((m) => withUrl(m, d)));
  })
  .onMutation('generateExecutiveSummary', async (args, { principal, deps }) => {
    assertSummaryReader(principal);
    const d = summaryDeps(deps);
    return withUrl(await generateExecutiveSummary(typeof args.week === 'string' ? args.week : '', d), d);
  });
