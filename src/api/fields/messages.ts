// Customer SMS as admins read them (Req 11.8): the outbox, newest first, by booking or all.
import { listSentMessages } from '../../core/sent-messages';
import { Router } from '../router';

const given = (v: unknown): unknown => (v === null ? undefined : v);

export const messagesRouter = new Router().onQuery('sentMessages', async (args, { principal, deps }) => {
  const page = await listSentMessages(
    { bookingReference: given(args.bookingReference), limit: given(args.limit), nextToken: given(args.nextToken) },
    principal,
    deps,
  );
  return { items: page.items, nextToken: page.nextToken ?? null };
});
