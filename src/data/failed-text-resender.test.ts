// The failed-text resender over the real outbox table (local DynamoDB): which failed texts go again, which are
// superseded or too old, and that each is resolved once — even with two runs at the same time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { RESEND_WINDOW_MS, resendFailedTexts, type TextResender } from '../core/failed-texts';
import type { BookingStatus } from '../core/model';
import type { Notification } from '../core/ports';
import { createOutboxNotifier, type OutboxNotifier } from './outbox-notifier';
import { fixedClock, startTestTables, type TestTables } from './test-tables';

let db: TestTables;
beforeAll(async () => {
  db = await startTestTables();
});
afterAll(async () => {
  await db?.close();
});

const text = (reference: string, kind: BookingStatus): Notification => ({
  kind,
  to: { phone: '+12065550134' },
  bookingReference: reference,
  trackingUrl: `https://track.example.com/track/${reference}`,
  message: `Parcel ${reference}: ${kind}`,
});

/** A provider that takes texts while `up`, and fails them (as End User Messaging's 500 does) while not. */
function provider(outbox: OutboxNotifier) {
  const sent: Notification[] = [];
  const state = { up: true, optedOut: new Set<string>() };
  const sender: TextResender = {
    async resend(notification) {
      if (!state.up) throw Object.assign(new Error('Internal server error'), { name: 'InternalServerException' });
      if (state.optedOut.has(notification.bookingReference)) {
        const entry = await outbox.record(notification, { delivery: 'OPTED_OUT' });
        return { delivery: 'OPTED_OUT', id: entry.id };
      }
      sent.push(notification);
      const entry = await outbox.record(notification, { delivery: 'SENT', providerMessageId: `msg-${sent.length}` });
      return { delivery: 'SENT', id: entry.id };
    },
  };
  return { sender, sent, state };
}

async function itemsOf(reference: string) {
  const { Items = [] } = await db.local.doc.send(
    new QueryCommand({
      TableName: db.names.outbox,
      IndexName: 'byBooking',
      KeyConditionExpression: 'bookingReference = :ref',
      ExpressionAttributeValues: { ':ref': reference },
    }),
  );
  return Items;
}

describe('sending again the customer texts the SMS provider did not take', () => {
  it('sends the ones still true once the provider answers, supersedes the rest, and resolves each once', async () => {
    // Prepare: four failed texts at 09:00 — B1's about its current status, B2's about a status it has left, B3's
    // customer opted out meanwhile, B4's booking gone — one sent text, and a provider that is down at first.
    const clock = fixedClock('2031-03-04T08:59:00.000Z');
    const outbox = createOutboxNotifier(db.local.doc, db.names.outbox, clock);
    const statuses: Record<string, BookingStatus> = {
      'RSA-AAA-1': 'OUT_FOR_DELIVERY',
      'RSA-AAA-2': 'DELIVERED',
      'RSA-AAA-3': 'OUT_FOR_DELIVERY',
    };
    await outbox.record(text('RSA-AAA-1', 'COLLECTED'), { delivery: 'SENT', providerMessageId: 'msg-0' });
    const failAt = async (second: number, n: Notification) => {
      clock.set(`2031-03-04T09:00:0${second}.000Z`);
      return outbox.record(n, { delivery: 'FAILED' });
    };
    const failed = {
      b1: await failAt(1, text('RSA-AAA-1', 'OUT_FOR_DELIVERY')),
      b2: await failAt(2, text('RSA-AAA-2', 'OUT_FOR_DELIVERY')),
      b3: await failAt(3, text('RSA-AAA-3', 'OUT_FOR_DELIVERY')),
      b4: await failAt(4, text('RSA-AAA-4', 'BOOKED')),
    };
    const { sender, sent, state } = provider(outbox);
    state.optedOut.add('RSA-AAA-3');
    const deps = { queue: outbox, sender, bookingStatus: async (ref: string) => statuses[ref], clock };

    // Act: a run while the provider still fails, then one a minute later once it answers, then another.
    state.up = false;
    clock.set('2031-03-04T09:01:00.000Z');
    const whileDown = await resendFailedTexts(deps);
    state.up = true;
    clock.set('2031-03-04T09:02:00.000Z');
    const once = await resendFailedTexts(deps);
    const again = await resendFailedTexts(deps);

    // Assess: down, the run stopped at the first text it tried (B1's, the oldest), leaving the rest for later.
    expect(whileDown).toEqual({
      resent: [],
      optedOut: [],
      superseded: [],
      expired: [],
      stoppedBy: expect.stringMatching(/^InternalServerException/),
    });
    expect(once).toEqual({
      resent: [failed.b1.id],
      optedOut: [failed.b3.id],
      superseded: [failed.b2.id, failed.b4.id],
      expired: [],
    });
    expect(again).toEqual({ resent: [], optedOut: [], superseded: [], expired: [] });
    expect(sent.map((n) => n.message)).toEqual(['Parcel RSA-AAA-1: OUT_FOR_DELIVERY']);
    const b1 = await itemsOf('RSA-AAA-1');
    const resentAs = b1.find((i) => i.id === failed.b1.id)!;
    expect(resentAs).toMatchObject({ delivery: 'FAILED', resolution: 'RESENT', attempts: 1 });
    expect(b1.find((i) => i.id === resentAs.resentAs)).toMatchObject({
      delivery: 'SENT',
      kind: 'OUT_FOR_DELIVERY',
      createdAt: '2031-03-04T09:02:00.000Z',
    });
    expect((await itemsOf('RSA-AAA-2'))[0]).toMatchObject({ resolution: 'SUPERSEDED' });
    expect((await itemsOf('RSA-AAA-3')).find((i) => i.id === failed.b3.id)).toMatchObject({ resolution: 'OPTED_OUT' });
    // The Messages page reads the entries as they were: the resolution is bookkeeping, not part of a message.
    const listed = await outbox.listSent({ bookingReference: 'RSA-AAA-1', limit: 10 });
    expect(listed.items.map((m) => m.delivery)).toEqual(['SENT', 'FAILED', 'SENT']);
    expect(Object.keys(listed.items[1]!)).not.toContain('resolution');
  });

  it('does not send a text twice when two runs meet it, and lets a crashed run’s claim lapse', async () => {
    // Prepare
    const clock = fixedClock('2031-03-05T09:00:00.000Z');
    const outbox = createOutboxNotifier(db.local.doc, db.names.outbox, clock);
    const first = await outbox.record(text('RSB-AAA-1', 'OUT_FOR_DELIVERY'), { delivery: 'FAILED' });
    clock.set('2031-03-05T09:00:01.000Z');
    const second = await outbox.record(text('RSB-AAA-2', 'OUT_FOR_DELIVERY'), { delivery: 'FAILED' });
    const { sender, sent } = provider(outbox);
    const deps = { queue: outbox, sender, bookingStatus: async () => 'OUT_FOR_DELIVERY' as const, clock };
    // A run that claimed the second text and died before sending it.
    const now = new Date('2031-03-05T09:01:00.000Z');
    expect(await outbox.claim(second.id, now, new Date(now.getTime() + 60_000))).toBe(true);
    clock.set(now.toISOString());

    // Act: two runs at once, then one after the dead run's claim lapsed.
    const [a, b] = await Promise.all([resendFailedTexts(deps), resendFailedTexts(deps)]);
    clock.set('2031-03-05T09:02:30.000Z');
    const later = await resendFailedTexts(deps);

    // Assess
    expect([...a.resent, ...b.resent]).toEqual([first.id]);
    expect(later.resent).toEqual([second.id]);
    expect(sent.map((n) => n.bookingReference)).toEqual(['RSB-AAA-1', 'RSB-AAA-2']);
    expect(
      await outbox.claim(first.id, new Date('2031-03-05T10:00:00.000Z'), new Date('2031-03-05T10:01:00.000Z')),
    ).toBe(false);
  });

  it('does not send a text older than the window: it is resolved as expired', async () => {
    // Prepare
    const clock = fixedClock('2031-03-06T09:00:00.000Z');
    const outbox = createOutboxNotifier(db.local.doc, db.names.outbox, clock);
    const old = await outbox.record(text('RSC-AAA-1', 'OUT_FOR_DELIVERY'), { delivery: 'FAILED' });
    const { sender, sent } = provider(outbox);
    clock.set(new Date(Date.parse('2031-03-06T09:00:00.000Z') + RESEND_WINDOW_MS + 60_000).toISOString());

    // Act
    const report = await resendFailedTexts({
      queue: outbox,
      sender,
      bookingStatus: async () => 'OUT_FOR_DELIVERY',
      clock,
    });

    // Assess
    expect(report.expired).toEqual([old.id]);
    expect(sent).toEqual([]);
    expect((await itemsOf('RSC-AAA-1'))[0]).toMatchObject({ delivery: 'FAILED', resolution: 'EXPIRED' });
  });
});
