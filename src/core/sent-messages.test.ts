import { describe, expect, it } from 'vitest';
import { createMemoryOutbox } from './memory-outbox';
import { listAdminNotices, listSentMessages, maskPhone, type AdminNoticeLog } from './sent-messages';
import { acme, admin, anonymous, courier7, voicebot } from './testing/fixtures';
import { fixedClock } from './system-clock';

function outboxWith(count: number) {
  const clock = fixedClock('2025-06-10T15:00:00.000Z');
  const outbox = createMemoryOutbox(clock);
  const sends = Array.from({ length: count }, (_, i) => async () => {
    clock.advance(60_000);
    await outbox.send({
      kind: i % 2 === 0 ? 'BOOKED' : 'COLLECTED',
      to: { phone: '+12065550134' },
      bookingReference: i < 3 ? 'K7M-4XR-7' : 'HCP-7WK-T',
      trackingUrl: 'https://track.example.com/track/K7M-4XR-7',
      message: `message ${i + 1}`,
    });
  });
  return {
    outbox,
    fill: async () => {
      for (const send of sends) await send();
    },
  };
}

describe('listSentMessages', () => {
  it('gives admins customer messages newest first, phones masked, a page at a time', async () => {
    // Prepare
    const { outbox, fill } = outboxWith(5);
    await fill();

    // Act
    const first = await listSentMessages({ limit: 2 }, admin, { sentMessages: outbox });
    const second = await listSentMessages({ limit: 2, nextToken: first.nextToken }, admin, { sentMessages: outbox });
    const one = await listSentMessages({ bookingReference: ' k7m-4xr-7 ' }, admin, { sentMessages: outbox });

    // Assess
    expect(first.items.map((m) => m.text)).toEqual(['message 5', 'message 4']);
    expect(first.items[0]).toEqual({
      id: 'm-5',
      sentAt: '2025-06-10T15:05:00.000Z',
      phone: '•••••••0134',
      bookingReference: 'HCP-7WK-T',
      kind: 'BOOKED',
      text: 'message 5',
      trackingUrl: 'https://track.example.com/track/K7M-4XR-7',
      delivery: 'OUTBOX',
    });
    expect(second.items.map((m) => m.text)).toEqual(['message 3', 'message 2']);
    expect(one.items.map((m) => m.text)).toEqual(['message 3', 'message 2', 'message 1']);
    expect(one.nextToken).toBeUndefined();
  });

  it('refuses everyone but admins', async () => {
    const { outbox } = outboxWith(0);
    for (const principal of [courier7, acme, anonymous, voicebot]) {
      await expect(listSentMessages({}, principal, { sentMessages: outbox })).rejects.toMatchObject({
        name: 'ForbiddenError',
        message: 'Only administrators can read the messages sent to customers.',
      });
    }
  });

  it('names the field that is wrong', async () => {
    const { outbox } = outboxWith(0);
    await expect(listSentMessages({ limit: 0 }, admin, { sentMessages: outbox })).rejects.toMatchObject({
      field: 'limit',
    });
    await expect(listSentMessages({ limit: 101 }, admin, { sentMessages: outbox })).rejects.toMatchObject({
      field: 'limit',
    });
    await expect(
      listSentMessages({ bookingReference: 'not a reference' }, admin, { sentMessages: outbox }),
    ).rejects.toMatchObject({ name: 'ValidationError', field: 'bookingReference' });
  });
});

describe('maskPhone', () => {
  it('keeps only the last four digits', () => {
    expect(maskPhone('+12065550134')).toBe('•••••••0134');
    expect(maskPhone('123')).toBe('•••');
    expect(maskPhone(undefined)).toBe('');
  });
});

describe('listAdminNotices', () => {
  const log: AdminNoticeLog = {
    listAdminNotices: async ({ limit, nextToken }) => {
      const all = [
        {
          id: 'n-2',
          createdAt: '2025-06-10T15:02:00.000Z',
          kind: 'ADMIN_LATE_DELIVERY',
          subject: 'Service alert: LATE_DELIVERY',
          message: 'Delivery K7M-4XR-7 is 22 minutes past its ETA.',
          path: '/bookings/K7M-4XR-7',
          delivery: 'FAILED' as const,
        },
        {
          id: 'n-1',
          createdAt: '2025-06-10T15:01:00.000Z',
          kind: 'ADMIN_EXECUTIVE_SUMMARY',
          subject: 'Executive summary, week of 2025-06-02',
          message: 'Ready.',
          delivery: 'SENT' as const,
        },
      ];
      const from = nextToken ? Number(nextToken) : 0;
      return from + limit < all.length
        ? { items: all.slice(from, from + limit), nextToken: String(from + limit) }
        : { items: all.slice(from, from + limit) };
    },
  };

  it('gives admins the notices they were sent, newest first, with what became of each', async () => {
    // Act
    const first = await listAdminNotices({ limit: 1 }, admin, { adminNotices: log });
    const second = await listAdminNotices({ limit: 1, nextToken: first.nextToken }, admin, { adminNotices: log });

    // Assess
    expect(first).toEqual({
      items: [
        {
          id: 'n-2',
          sentAt: '2025-06-10T15:02:00.000Z',
          kind: 'LATE_DELIVERY',
          subject: 'Service alert: LATE_DELIVERY',
          text: 'Delivery K7M-4XR-7 is 22 minutes past its ETA.',
          path: '/bookings/K7M-4XR-7',
          delivery: 'FAILED',
        },
      ],
      nextToken: '1',
    });
    expect(second.items).toEqual([expect.objectContaining({ kind: 'EXECUTIVE_SUMMARY', delivery: 'SENT' })]);
    expect(second.items[0]).not.toHaveProperty('path');
    expect(second.nextToken).toBeUndefined();
  });

  it('refuses everyone but admins, and names a wrong limit', async () => {
    for (const principal of [courier7, acme, anonymous, voicebot]) {
      await expect(listAdminNotices({}, principal, { adminNotices: log })).rejects.toMatchObject({
        name: 'ForbiddenError',
        message: 'Only administrators can read the notices sent to administrators.',
      });
    }
    await expect(listAdminNotices({ limit: 0 }, admin, { adminNotices: log })).rejects.toMatchObject({
      field: 'limit',
    });
  });
});
