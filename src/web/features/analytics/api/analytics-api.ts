// The analytics pages' calls to the API: each view's report for a range of company days.
import { runOperation } from '../../../lib/graphql-client';
import {
  AnalyticsFeedbackCommentsDocument,
  AnalyticsFeedbackDocument,
  AnalyticsHeatMapDocument,
  AnalyticsRegionsDocument,
  AnalyticsRoutesDocument,
  AnalyticsVolumesDocument,
  PartnerAnalyticsDocument,
  type AnalyticsFeedbackCommentsQueryVariables,
  type AnalyticsFeedbackQuery,
  type AnalyticsHeatMapQuery,
  type AnalyticsRegionsQuery,
  type AnalyticsRoutesQuery,
  type AnalyticsVolumesQuery,
  type PartnerAnalyticsQuery,
} from '../../../../generated/graphql';

export type Granularity = 'DAY' | 'WEEK' | 'MONTH';
export type Range = { from: string; to: string };

export type VolumeReport = AnalyticsVolumesQuery['analyticsVolumes'];
export type RegionReport = AnalyticsRegionsQuery['analyticsRegions'];
export type FeedbackReport = AnalyticsFeedbackQuery['analyticsFeedback'];
export type RouteReport = AnalyticsRoutesQuery['analyticsRoutes'];
export type HeatReport = AnalyticsHeatMapQuery['analyticsHeatMap'];
export type PartnerFigures = PartnerAnalyticsQuery['partnerAnalytics'][number];

export const fetchVolumes = async (range: Range, granularity: Granularity) =>
  (await runOperation(AnalyticsVolumesDocument, { ...range, granularity })).analyticsVolumes;
export const fetchRegions = async (range: Range) =>
  (await runOperation(AnalyticsRegionsDocument, range)).analyticsRegions;
export const fetchFeedback = async (range: Range, granularity: Granularity) =>
  (await runOperation(AnalyticsFeedbackDocument, { ...range, granularity })).analyticsFeedback;
export const fetchRoutes = async (range: Range) => (await runOperation(AnalyticsRoutesDocument, range)).analyticsRoutes;
export const fetchHeatMap = async (range: Range) =>
  (await runOperation(AnalyticsHeatMapDocument, range)).analyticsHeatMap;
export const fetchPartners = async (range: Range, partnerId?: string) =>
  (await runOperation(PartnerAnalyticsDocument, { ...range, ...(partnerId ? { partnerId } : {}) })).partnerAnalytics;

export type CommentFilter = Omit<AnalyticsFeedbackCommentsQueryVariables, 'from' | 'to' | 'limit' | 'nextToken'>;
export const fetchComments = async (range: Range, filter: CommentFilter, nextToken?: string | null) =>
  (await runOperation(AnalyticsFeedbackCommentsDocument, { ...range, ...filter, limit: 25, nextToken }))
    .analyticsFeedbackComments;
