// The "My performance" page's calls: the courier's figures for a period and a chart span, earnings, suggestions,
// what customers said and the delivery history. Every one answers for the signed-in courier (no courierId).
import { runOperation } from '../../../lib/graphql-client';
import {
  CourierDeliveryHistoryDocument,
  CourierEarningsDocument,
  CourierFeedbackDocument,
  CourierPerformanceDocument,
  CourierSuggestionsDocument,
  RateCardDocument,
  type BookingStatus,
  type CourierDeliveryHistoryQuery,
  type CourierEarningsQuery,
  type CourierFeedbackQuery,
  type CourierPerformanceQuery,
  type CourierSuggestionsQuery,
  type RateCardQuery,
} from '../../../../generated/graphql';

export type Granularity = 'DAY' | 'WEEK' | 'MONTH';
export type Range = { from: string; to: string };
export type Performance = CourierPerformanceQuery['courierPerformance'];
export type Earnings = NonNullable<CourierEarningsQuery['courierEarnings']>;
export type Suggestion = CourierSuggestionsQuery['courierSuggestions'][number];
export type RateCardSetting = RateCardQuery['rateCard'];
export type FeedbackPage = CourierFeedbackQuery['courierFeedback'];
export type HistoryPage = CourierDeliveryHistoryQuery['courierDeliveryHistory'];
export type HistoryFilter = { search?: string; status?: BookingStatus };

export const fetchPerformance = async (range: Range, granularity: Granularity) =>
  (await runOperation(CourierPerformanceDocument, { ...range, granularity })).courierPerformance;
export const fetchEarnings = async (range: Range) =>
  (await runOperation(CourierEarningsDocument, range)).courierEarnings ?? null;
export const fetchRateCard = async () => (await runOperation(RateCardDocument, {})).rateCard;
export const fetchSuggestions = async (range: Range) =>
  (await runOperation(CourierSuggestionsDocument, range)).courierSuggestions;
export const fetchFeedback = async (nextToken: string | null) =>
  (await runOperation(CourierFeedbackDocument, { limit: 5, nextToken })).courierFeedback;
export const fetchHistory = async (filter: HistoryFilter, nextToken: string | null) =>
  (
    await runOperation(CourierDeliveryHistoryDocument, {
      limit: 10,
      nextToken,
      ...(filter.search ? { search: filter.search } : {}),
      ...(filter.status ? { status: filter.status } : {}),
    })
  ).courierDeliveryHistory;
