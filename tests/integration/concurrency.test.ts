// Concurrency, proven against the local stack (issue 13, item 4): a storm of status updates on one booking ends
// in a state the status machine can reach with a complete, ordered history; duplicate bookings sent at once
// with one idempotency key (GraphQL and MCP) make one booking; two admins editing the bot's prompts at once
// never lose an edit. Every check reads the tables after the run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { allowedNext } from '../../src/core/status-machine';
import type { Booking, BookingStatus } from '../../src/core/model';
import type { Stack } from '../../src/local/stack';
import {
  assignCourier,
  bookCourier,
  botPrompts,
  issuePartnerToken,
  listDeployments,
  startDeployment,
  updateDeliveryStatus,
} from '../../src/generated/graphql';
import { latestSucceededDeployment } from '../../src/provisioning/active-prompts';
import { as, gql, startTestStack, tomorrowAt, type Caller, type GraphQLResult } from '../support/test-stack';

let stack: Stack;
let admin: Caller;
const clients: Client[] = [];

beforeAll(async () => {
  stack = await startTestStack({ mcpPort: 0, provisionVoicebot: true });
  admin = await as(stack, 'admin@example.com');
}, 180_000);
afterAll(async () => {
  for (const c of clients) await c.close().catch(() => {});
  await stack?.close();
});

function bookingInput(customerName: string, idempotencyKey?: string) {
  return {
    customerName,
    customerPhone: '(206) 555-0142',
    pickup: { line1: '1201 3rd Ave', city: 'Seattle', postcode: '98101' },
    delivery: { line1: '400 Broad St', city: 'Seattle', postcode: '98109' },
    package: { size: 'SMALL', weightKg: 2.5 },
    pickupWindowStart: tomorrowAt(stack, 10),
    pickupWindowEnd: tomorrowAt(stack, 12),
    ...(idempotencyKey ? { idempotencyKey } : {}),
  };
}

/** The booking as stored, read straight from the table (not through the API under test). */
async function storedBooking(reference: string): Promise<Booking> {
  const { Item } = await stack.doc.send(
    new GetCommand({ TableName: stack.tables.bookings, Key: { reference }, ConsistentRead: true }),
  );
  expect(Item, `booking ${reference} in the table`).toBeDefined();
  return Item as Booking;
}

/** The references of every stored booking for this customer name: a full scan of the bookings table. */
async function storedReferencesFor(customerName: string): Promise<string[]> {
  const found: string[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await stack.doc.send(
      new ScanCommand({
        TableName: stack.tables.bookings,
        FilterExpression: '#name = :name',
        ExpressionAttributeNames: { '#name': 'customerName' },
        ExpressionAttributeValues: { ':name': customerName },
        ConsistentRead: true,
        ExclusiveStartKey,
      }),
    );
    found.push(...(page.Items ?? []).map((i) => String(i.reference)));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return found;
}

type StatusRequest = {
  status: BookingStatus;
  note: string;
  expectedVersion?: number;
  failureReason?: string;
  recipientName?: string;
};
type Outcome = { request: StatusRequest; result: GraphQLResult<{ updateDeliveryStatus: Booking }> };

describe('100 concurrent status updates on one booking', () => {
  it('end in a reachable status with every accepted update in the history once, in version order, and a clear error for every refusal', async () => {
    // Prepare: a booking assigned to courier-03, and 100 updates from that courier — valid next statuses and
    // repeats, a quarter claiming the version read now, some claiming versions the booking has not reached.
    const courier = await as(stack, 'courier3@example.com');
    const booked = await gql<{ bookCourier: Booking }>(stack, admin, bookCourier, bookingInput('Storm Test'));
    expect(booked.errors).toBeUndefined();
    const reference = booked.data!.bookCourier.reference;
    const assigned = await gql<{ assignCourier: Booking }>(stack, admin, assignCourier, {
      reference,
      courierId: 'courier-03',
    });
    expect(assigned.errors).toBeUndefined();
    const before = await storedBooking(reference);
    const cycle: BookingStatus[] = ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'FAILED_DELIVERY', 'COLLECTED'];
    const requests: StatusRequest[] = Array.from({ length: 100 }, (_, i) => {
      const status: BookingStatus = i === 97 ? 'DELIVERED' : i === 98 ? 'RETURNED' : cycle[i % cycle.length]!;
      const request: StatusRequest = { status, note: `storm update ${i}` };
      if (i % 4 === 0) request.expectedVersion = before.version;
      if (i % 10 === 3) request.expectedVersion = before.version + 1 + (i % 7);
      if (status === 'FAILED_DELIVERY') request.failureReason = 'RECIPIENT_ABSENT';
      if (status === 'DELIVERED') request.recipientName = 'Pat Doe';
      return request;
    });

    // Act
    const outcomes: Outcome[] = await Promise.all(
      requests.map(async (request) => ({
        request,
        result: await gql<{ updateDeliveryStatus: Booking }>(stack, courier, updateDeliveryStatus, {
          reference,
          lat: 47.61,
          lng: -122.34,
          ...request,
        }),
      })),
    );
    const after = await storedBooking(reference);

    // Assess: the accepted updates are exactly the versions the booking moved through, with no gap or repeat.
    const accepted = outcomes
      .filter((o) => o.result.errors === undefined)
      .map((o) => ({ ...o, booking: o.result.data!.updateDeliveryStatus }))
      .sort((a, b) => a.booking.version - b.booking.version);
    const refused = outcomes.filter((o) => o.result.errors !== undefined);
    expect(accepted.length + refused.length).toBe(100);
    const kinds = new Map<string, number>();
    for (const o of refused) {
      const kind = o.result.errors![0]!.message.replace(/[A-Z0-9]{3}-[A-Z0-9]{3}-[A-Z0-9]|\d+/g, '#');
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    console.info(
      `storm: ${accepted.length} accepted (${accepted.map((a) => a.request.status).join(' ')}), ${refused.length} refused:`,
      [...kinds].map(([kind, n]) => `${n} × ${kind}`),
    );
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.map((a) => a.booking.version)).toEqual(
      Array.from({ length: accepted.length }, (_, i) => before.version + 1 + i),
    );
    expect(after.version).toBe(before.version + accepted.length);

    // … every accepted update is in the stored history exactly once, in the order of its version …
    const added = after.history.slice(before.history.length);
    expect(added.map((e) => e.note)).toEqual(accepted.map((a) => a.request.note));
    expect(added.map((e) => e.status)).toEqual(accepted.map((a) => a.request.status));
    for (const a of accepted) {
      // … and each answer's history is a prefix of the final one: nothing an earlier writer added was lost.
      expect(a.booking.history.map((e) => e.note ?? null)).toEqual(
        after.history.slice(0, a.booking.history.length).map((e) => e.note ?? null),
      );
    }

    // … the trail is a path of the status machine, in time order, ending at the stored status.
    const statuses = after.history.map((e) => e.status);
    for (let i = 1; i < statuses.length; i++) expect(allowedNext(statuses[i - 1]!)).toContain(statuses[i]);
    expect(after.status).toBe(statuses.at(-1));
    const times = after.history.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));

    // … and every refusal says why: an invalid transition, or a version conflict naming both versions.
    for (const { request, result } of refused) {
      const [error] = result.errors!;
      expect(error?.errorType, error?.message).toBe('ConflictError');
      const versionConflict = /is at version (\d+)[,;] .*expectedVersion (\d+)/.exec(error!.message);
      if (versionConflict) {
        expect(Number(versionConflict[2])).toBe(request.expectedVersion);
        expect(Number(versionConflict[1])).not.toBe(request.expectedVersion);
      } else if (request.expectedVersion === undefined && /changed \d+ times/.test(error!.message)) {
        expect(error!.message).toMatch(/now version \d+/);
      } else {
        expect(error!.message).toMatch(new RegExp(`cannot go from [A-Z_]+ to ${request.status}\\.`));
      }
    }
    // An update that named expectedVersion was applied to exactly that version, never to a later one; of the 25
    // naming the version read before the storm, at most one could be.
    for (const a of accepted.filter((x) => x.request.expectedVersion !== undefined)) {
      expect(a.booking.version).toBe(a.request.expectedVersion! + 1);
    }
    expect(accepted.filter((a) => a.request.expectedVersion === before.version).length).toBeLessThanOrEqual(1);
  });
});

describe('duplicate bookings sent at once with one idempotency key', () => {
  it('make exactly one booking through GraphQL, and every caller gets its reference', async () => {
    // Prepare
    const partner = await as(stack, 'partner@example.com');
    const customerName = `Duplicate Gql ${crypto.randomUUID().slice(0, 8)}`;
    const input = bookingInput(customerName, crypto.randomUUID());

    // Act
    const results = await Promise.all(
      Array.from({ length: 10 }, () => gql<{ bookCourier: Booking }>(stack, partner, bookCourier, input)),
    );
    const stored = await storedReferencesFor(customerName);

    // Assess
    expect(results.map((r) => r.errors)).toEqual(Array(10).fill(undefined));
    expect(stored).toHaveLength(1);
    expect(results.map((r) => r.data!.bookCourier.reference)).toEqual(Array(10).fill(stored[0]));
  });

  it('make exactly one booking through the MCP server, and every caller gets its reference', async () => {
    // Prepare: one partner token, ten MCP sessions
    const issued = await gql<{ issuePartnerToken: { token: string } }>(stack, admin, issuePartnerToken, {
      partnerId: 'acme',
      name: 'concurrency test',
      scopes: ['bookings:read', 'bookings:write'],
      expiresAt: new Date(Date.now() + 24 * 3_600_000).toISOString(),
      rateLimitPerMinute: 600,
    });
    expect(issued.errors).toBeUndefined();
    const sessions = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const client = new Client({ name: 'partner-agent', version: '1.0.0' });
        clients.push(client);
        await client.connect(
          new StreamableHTTPClientTransport(new URL(stack.mcpUrl!), {
            requestInit: { headers: { authorization: `Bearer ${issued.data!.issuePartnerToken.token}` } },
          }),
        );
        return client;
      }),
    );
    const customerName = `Duplicate Mcp ${crypto.randomUUID().slice(0, 8)}`;
    const args = bookingInput(customerName, crypto.randomUUID());

    // Act
    const results = (await Promise.all(
      sessions.map((client) => client.callTool({ name: 'book_courier', arguments: args })),
    )) as CallToolResult[];
    const stored = await storedReferencesFor(customerName);

    // Assess
    const texts = results.map((r) => r.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n'));
    expect(
      results.map((r) => r.isError ?? false),
      texts.join('\n'),
    ).toEqual(Array(10).fill(false));
    expect(stored).toHaveLength(1);
    const references = results.map(
      (r) => (r.structuredContent as { booking: { reference: string } }).booking.reference,
    );
    expect(references).toEqual(Array(10).fill(stored[0]));
  });
});

describe("two admins editing the bot's prompts at once", () => {
  type Edits = Record<string, { text: string; was: string }>;
  type Saved = GraphQLResult<{ startDeployment: { id: string } }>;

  /** What callers hear now, prompt by prompt, as the responses editor reads it. */
  async function livePrompts(): Promise<Record<string, string>> {
    const r = await gql<{ botPrompts: { key: string; text: string }[] }>(stack, admin, botPrompts, {});
    expect(r.errors).toBeUndefined();
    return Object.fromEntries(r.data!.botPrompts.map((p) => [p.key, p.text]));
  }

  /** "Save and deploy" in the responses editor: the live deployment's settings with the edited prompts. */
  async function save(edits: Edits): Promise<Saved> {
    const live = await gql<{ listDeployments: { items: { settings: { instanceId: string; queueArn: string } }[] } }>(
      stack,
      admin,
      listDeployments,
      { limit: 1 },
    );
    const { instanceId, queueArn } = live.data!.listDeployments.items[0]!.settings;
    return gql(stack, admin, startDeployment, {
      settings: { instanceId, queueArn, promptOverrides: JSON.stringify({ en_US: edits }) },
    });
  }

  async function settled(saved: Saved): Promise<string> {
    expect(saved.errors).toBeUndefined();
    return (await stack.deps.provisioning!.whenSettled(saved.data!.startDeployment.id)).status;
  }

  /** Two saves sent at once: one deploys; the other is told to wait for it, and is sent again once it is done. */
  async function saveAtOnce(first: Edits, second: Edits): Promise<{ winner: Saved; waited: Saved; again: Saved }> {
    const results = await Promise.all([save(first), save(second)]);
    const accepted = results.filter((r) => r.errors === undefined);
    const refused = results.filter((r) => r.errors !== undefined);
    expect(accepted).toHaveLength(1);
    expect(refused[0]!.errors![0]).toMatchObject({ errorType: 'ConflictError' });
    expect(refused[0]!.errors![0]!.message).toMatch(/is (being started|still running)\. Wait for it to finish/);
    expect(await settled(accepted[0]!)).toBe('SUCCEEDED');
    const again = await save(results[0] === refused[0] ? first : second);
    return { winner: accepted[0]!, waited: refused[0]!, again };
  }

  it('keep both edits of different prompts, and refuse the later of two edits of one prompt from the same text', async () => {
    // Prepare
    const before = await livePrompts();
    const welcome = 'Welcome to Seattle Couriers, admin one speaking.';
    const goodbye = 'Thanks for calling Seattle Couriers. Goodbye!';

    // Act 1: admin one edits the greeting while admin two edits the goodbye, both from what they read.
    const different = await saveAtOnce(
      { welcome: { text: welcome, was: before.welcome! } },
      { goodbye: { text: goodbye, was: before.goodbye! } },
    );
    expect(await settled(different.again)).toBe('SUCCEEDED');
    const afterDifferent = await livePrompts();

    // Act 2: both edit the greeting from the same text.
    const greetings = ['Hello from admin one.', 'Hello from admin two.'];
    const same = await saveAtOnce(
      { welcome: { text: greetings[0]!, was: afterDifferent.welcome! } },
      { welcome: { text: greetings[1]!, was: afterDifferent.welcome! } },
    );
    const afterSame = await livePrompts();
    const live = await latestSucceededDeployment(stack.deps.deployments!);

    // Assess: both edits of different prompts survived.
    expect(afterDifferent).toMatchObject({ welcome, goodbye });
    // One greeting won; the other was refused as a conflict naming the prompt and its text now, not saved over it.
    const winner = afterSame.welcome!;
    expect(greetings).toContain(winner);
    expect(same.again.data?.startDeployment ?? null).toBeNull();
    expect(same.again.errors?.[0]?.errorType).toBe('ConflictError');
    expect(same.again.errors?.[0]?.message).toContain(`"welcome" now says "${winner}"`);
    expect(same.again.errors?.[0]?.message).toMatch(/Nothing was saved or deployed\. Reload the prompts/);
    expect(afterSame.goodbye).toBe(goodbye);
    // The deployment callers hear carries both: the winner's greeting and the other admin's goodbye.
    expect(live?.settings.promptOverrides.en_US).toMatchObject({ welcome: winner, goodbye });
    expect(live?.id).toBe(same.winner.data!.startDeployment.id);
  });
});
