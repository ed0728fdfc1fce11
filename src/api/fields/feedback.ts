// Feedback and complaint operations.
import { listFeedback, submitFeedback } from '../../core/feedback';
import { Router } from '../router';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export const feedbackRouter = new Router()
  .onMutation('submitFeedback', async (args, { principal, deps }) =>
    submitFeedback({ ...args, channel: principal.role === 'PARTNER' ? 'PARTNER' : 'WEB' }, principal, deps),
  )
  .onQuery('listFeedback', async (args, { principal, deps }) => {
    const page = await listFeedback(
      {
        bookingReference: str(args.bookingReference),
        day: str(args.day),
        courierId: str(args.courierId),
        flaggedOnly: args.flaggedOnly === true,
      },
      { limit: typeof args.limit === 'number' ? args.limit : undefined, nextToken: str(args.nextToken) },
      principal,
      deps,
    );
    return { items: page.items, nextToken: page.nextToken ?? null };
  });
