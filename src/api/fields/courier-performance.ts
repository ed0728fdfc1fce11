// The courier's "My performance" page beyond its figures (Req 12.2-12.8) and the rate card admins set
// (Req 12.4): arguments checked, then the core. Amounts leave in the currency's main unit.
import { parseRange } from '../../core/analytics-range';
import {
  getCourierEarnings,
  getCourierSuggestions,
  listCourierFeedback,
  searchDeliveryHistory,
} from '../../core/courier-insights';
import { FaultError } from '../../core/errors';
import { getRateCard, setRateCard, type RateCardSetting, type RateCardVersion } from '../../core/rate-card';
import type { ApiDeps } from '../deps';
import { presentBookings } from './presenters';
import { Router } from '../router';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const units = (cents: number) => cents / 100;

function seriesOf(deps: ApiDeps) {
  if (!deps.analytics) throw new FaultError('The analytics series are not configured in this runtime.');
  return deps.analytics;
}

function presentVersion(v: RateCardVersion) {
  return {
    version: v.version,
    effectiveFrom: v.effectiveFrom,
    rates: v.rates && {
      currency: v.rates.currency,
      perDelivery: units(v.rates.perDeliveryCents),
      perKm: units(v.rates.perKmCents),
      sizeSurcharges: v.rates.sizeSurcharges.map((s) => ({ size: s.size, amount: units(s.amountCents) })),
      weightSurcharges: v.rates.weightSurcharges.map((w) => ({ overKg: w.overKg, amount: units(w.amountCents) })),
    },
    setAt: v.setAt,
    setBy: { sub: v.setBy.sub, name: v.setBy.name ?? null },
  };
}

const presentSetting = (s: RateCardSetting) => ({
  version: s.version,
  inForce: s.inForce && presentVersion(s.inForce),
  upcoming: s.upcoming.map(presentVersion),
});

export const courierPerformanceRouter = new Router()
  .onQuery('rateCard', async (_args, { principal, deps }) => presentSetting(await getRateCard(principal, deps)))
  .onMutation('setRateCard', async (args, { principal, deps }) =>
    presentSetting(await setRateCard(args, principal, deps)),
  )
  .onQuery('courierEarnings', async (args, { principal, deps }) => {
    const earnings = await getCourierEarnings(
      { courierId: str(args.courierId), range: parseRange(args.from, args.to) },
      principal,
      { series: seriesOf(deps), rateCards: deps.rateCards },
    );
    return (
      earnings && {
        courierId: earnings.courierId,
        from: earnings.from,
        to: earnings.to,
        currency: earnings.currency,
        deliveries: earnings.deliveries,
        km: earnings.km,
        perDelivery: units(earnings.perDeliveryCents),
        distance: units(earnings.distanceCents),
        sizeSurcharges: units(earnings.sizeCents),
        weightSurcharges: units(earnings.weightCents),
        total: units(earnings.totalCents),
        stretches: earnings.stretches,
      }
    );
  })
  .onQuery('courierSuggestions', async (args, { principal, deps }) =>
    getCourierSuggestions({ courierId: str(args.courierId), range: parseRange(args.from, args.to) }, principal, {
      series: seriesOf(deps),
    }),
  )
  .onQuery('courierDeliveryHistory', async (args, { principal, deps }) => {
    const page = await searchDeliveryHistory(
      {
        courierId: str(args.courierId),
        search: str(args.search),
        status: str(args.status),
        from: str(args.from),
        to: str(args.to),
      },
      { limit: num(args.limit), nextToken: str(args.nextToken) },
      principal,
      deps,
    );
    return { items: await presentBookings(page.items, deps), nextToken: page.nextToken ?? null };
  })
  .onQuery('courierFeedback', async (args, { principal, deps }) => {
    const page = await listCourierFeedback(
      { courierId: str(args.courierId) },
      { limit: num(args.limit), nextToken: str(args.nextToken) },
      principal,
      deps,
    );
    return { items: page.items, nextToken: page.nextToken ?? null };
  });
