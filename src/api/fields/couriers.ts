// Courier operations: profiles, the fleet list, and a courier reporting their position.
import { getCourier, listCouriers, updateCourierLocation } from '../../core/couriers';
import { describeMe } from '../../core/me';
import { Router } from '../router';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export const couriersRouter = new Router()
  .onQuery('me', async (_args, { principal }) => describeMe(principal))
  .onQuery('getCourier', async (args, { principal, deps }) => getCourier(str(args.id) ?? '', principal, deps))
  .onQuery('listCouriers', async (args, { principal, deps }) => {
    const page = await listCouriers(
      { limit: typeof args.limit === 'number' ? args.limit : undefined, nextToken: str(args.nextToken) },
      principal,
      deps,
    );
    return { items: page.items, nextToken: page.nextToken ?? null };
  })
  .onMutation('updateCourierLocation', async (args, { principal, deps }) =>
    updateCourierLocation(principal, args, deps),
  );
