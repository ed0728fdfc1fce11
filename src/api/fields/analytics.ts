// The analytics queries (Req 10, 12): arguments checked, then the core's reports over the series rollups.
import { parseGranularity, parseRange } from '../../core/analytics-range';
import {
  getBotAnalytics,
  getCourierPerformance,
  getFeedbackAnalytics,
  getFleet,
  getHeatMap,
  getRegionTimes,
  getRoutes,
  getPartnerAnalytics,
  getVolumes,
} from '../../core/analytics-reports';
import { listFeedbackComments } from '../../core/analytics-comments';
import { FaultError } from '../../core/errors';
import type { ApiDeps } from '../deps';
import { Router } from '../router';

function seriesOf(deps: ApiDeps) {
  if (!deps.analytics) throw new FaultError('The analytics series are not configured in this runtime.');
  return { series: deps.analytics };
}

const GRANULARITY_OUT = { day: 'DAY', week: 'WEEK', month: 'MONTH' } as const;

export const analyticsRouter = new Router()
  .onQuery('analyticsVolumes', async (args, { principal, deps }) => {
    const report = await getVolumes(
      parseRange(args.from, args.to),
      parseGranularity(args.granularity),
      principal,
      seriesOf(deps),
    );
    return { ...report, granularity: GRANULARITY_OUT[report.granularity] };
  })
  .onQuery('analyticsRegions', async (args, { principal, deps }) =>
    getRegionTimes(parseRange(args.from, args.to), principal, seriesOf(deps)),
  )
  .onQuery('analyticsFeedback', async (args, { principal, deps }) => {
    const report = await getFeedbackAnalytics(
      parseRange(args.from, args.to),
      parseGranularity(args.granularity),
      principal,
      seriesOf(deps),
    );
    return { ...report, granularity: GRANULARITY_OUT[report.granularity] };
  })
  .onQuery('analyticsFeedbackComments', async (args, { principal, deps }) =>
    listFeedbackComments(
      parseRange(args.from, args.to),
      {
        type: args.type,
        category: args.category,
        severity: args.severity,
        sentiment: args.sentiment,
        rating: args.rating,
      },
      { limit: args.limit as number | null, nextToken: args.nextToken as string | null },
      principal,
      deps,
    ),
  )
  .onQuery('analyticsRoutes', async (args, { principal, deps }) =>
    getRoutes(parseRange(args.from, args.to), principal, seriesOf(deps)),
  )
  .onQuery('analyticsHeatMap', async (args, { principal, deps }) =>
    getHeatMap(parseRange(args.from, args.to), principal, seriesOf(deps)),
  )
  .onQuery('analyticsBot', async (args, { principal, deps }) => {
    const report = await getBotAnalytics(
      parseRange(args.from, args.to),
      parseGranularity(args.granularity),
      principal,
      seriesOf(deps),
    );
    return { ...report, granularity: GRANULARITY_OUT[report.granularity] };
  })
  .onQuery('analyticsFleet', async (args, { principal, deps }) =>
    getFleet(parseRange(args.from, args.to), principal, seriesOf(deps)),
  )
  .onQuery('partnerAnalytics', async (args, { principal, deps }) =>
    getPartnerAnalytics(
      parseRange(args.from, args.to),
      typeof args.partnerId === 'string' && args.partnerId !== '' ? args.partnerId : undefined,
      principal,
      { ...seriesOf(deps), partners: deps.partners },
    ),
  )
  .onQuery('courierPerformance', async (args, { principal, deps }) => {
    const performance = await getCourierPerformance(
      {
        courierId: typeof args.courierId === 'string' && args.courierId !== '' ? args.courierId : undefined,
        range: parseRange(args.from, args.to),
        granularity: parseGranularity(args.granularity),
      },
      principal,
      seriesOf(deps),
    );
    return { ...performance, granularity: GRANULARITY_OUT[performance.granularity] };
  });
