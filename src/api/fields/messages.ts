// Customer SMS as admins read them (Req 11.8): the outbox, newest first, by booking or all; and the notices the
// admins were sent (Req 10.5, 10.6).
import { listAdminNotices, listSentMessages } from '../../core/sent-messages';
import { Router } from '../router';

const given = (v: unknown): unknown => (v === null ? undefined : v);

export const messagesRouter = new Router()
  .onQuery('sentMessages', async (args, { principal, deps }) => {
    const page = await listSentMessages(
      { bookingReference: given(args.bookingReference), limit: given(args.limit), nextToken: given(args.nextToken) },
      principal,
      deps,
    );
    return { items: page.items, nextToken: page.nextToken ?? null };
  })
  .onQuery('adminNotices', async (args, { principal, deps }) => {
    const page = await listAdminNotices(
      { limit: given(args.limit), nextToken: given(args.nextToken) },
      principal,
      deps,
    );
    return {
      items: page.items.map((n) => ({ ...n, path: n.path ?? null })),
      nextToken: page.nextToken ?? null,
    };
  });
