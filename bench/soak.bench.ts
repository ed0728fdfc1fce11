// `soak`: the whole system under a mixed load for a fixed, bounded time, with faults switched on at a third of
// it and lifted at two thirds (issue 13). On the local stack, through the clients the real callers use: phone
// calls through the Connect and Lex emulators (booking and tracking calls); public tracking with the API key;
// admin GraphQL (bookings with idempotency keys, assignments, feedback, the dashboard); couriers' status updates
// with expectedVersion and an idempotency key, an update answered ServiceUnavailable sent again later with the
// same key as the app's outbox does (and some sent twice, as an outbox that never saw the answer); partner MCP
// tool calls through the official SDK client (book_courier with idempotency keys, track_booking); and live
// subscriptions over AppSync's real-time protocol. The faults: DynamoDB throttling one call in five, Comprehend
// (sentiment) down, End User Messaging SMS (customer texts) failing and Amazon Location (the geocoder) down,
// through the gateway's /_local/faults.
// Prints requests served and errors by kind per operation, p50/p99 per operation per phase, the process's memory
// before and after, the breakers' states during and after the faults, and a recount from the tables: every write
// the load was told succeeded is found with the right state and history, and idempotent retries stored once.
// Goals: 0 lost, 0 duplicates, 0 "other" errors (an InternalFailure is a defect), the breakers closed again.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { GetCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Booking, BookingStatus } from '../src/core/model';
import {
  assignCourier,
  bookCourier,
  dashboard,
  issuePartnerToken,
  listBookings,
  onBookingChanged,
  submitFeedback,
  trackBooking,
  updateDeliveryStatus,
} from '../src/generated/graphql';
import { bookingViolations } from '../src/integrity/item-invariants';
import {
  accessTokenFor,
  as,
  bookingInput,
  companyDay,
  gql,
  startTestStack,
  type Caller,
  type GraphQLResult,
} from '../tests/support/test-stack';
import { subscribeRealtime, type Subscription } from '../tests/support/realtime-client';
import { machineLoad, printTable, setting, summarize, writeResult, type Row } from './stats';

const SECONDS = setting('SOAK_SECONDS', 90, 15);
/** Couriers walking bookings through their day (each also drives the admin's booking, assignment and feedback). */
const COURIERS = setting('SOAK_COURIERS', 4, 1);
/** Simulated phone callers, each alternating a booking call and a tracking call. */
const CALLERS = setting('SOAK_CALLERS', 2, 0);
/** Partner agents on the MCP server, each booking and tracking. */
const PARTNERS = setting('SOAK_PARTNERS', 2, 0);
/** Admin subscriptions to every booking change, beside one subscription per courier to their own. */
const ADMIN_SUBSCRIBERS = setting('SOAK_SUBSCRIBERS', 5, 0);
/** Each worker's pause between two requests: a steady load, not a saturating one (2 cores, shared). */
const PAUSE_MS = setting('SOAK_PAUSE_MS', 50, 0);
/**
 * How long an open breaker waits before its trial call. 30 s in the cloud; shortened so the lifted third of a
 * 90 s run sees the breakers close (the same setting the faults-survived test shortens).
 */
const HALF_OPEN_MS = setting('SOAK_BREAKER_HALF_OPEN_MS', 5_000, 100);
/** How long the courier app's outbox waits before sending an update again after "busy, try again". */
const RETRY_AFTER_MS = 500;
/** After the load stops, how long retries of what is still waiting go on (the faults are lifted by then). */
const DRAIN_MS = 20_000;
/** Public tracking from one address is limited to 60 lookups a minute: this machine is one address. */
const PUBLIC_TRACK_EVERY_MS = 1_100;
const TURN_GOAL_MS = 3_000;

const PHASES = ['clean', 'faults', 'lifted'] as const;
type Phase = (typeof PHASES)[number];
const KINDS = ['ok', 'ServiceUnavailable', 'validation', 'refused', 'other'] as const;
type Kind = (typeof KINDS)[number];
type Sample = { op: string; phase: Phase; ms: number; kind: Kind };

const FAULTS = [
  {
    service: 'dynamodb',
    code: 'ProvisionedThroughputExceededException',
    message: 'Rate of requests exceeds the allowed throughput.',
    rate: 0.2,
  },
  { service: 'comprehend', code: 'InternalServerException', status: 500 },
  { service: 'sms-voice', code: 'InternalServerException', status: 500 },
  { service: 'geo-places', code: 'InternalServerException', status: 500 },
];

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
/** The process's memory after a full collection: heapUsed alone counts garbage not yet collected. */
const retainedMemory = () => {
  collectGarbage();
  return process.memoryUsage();
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A caller reads a reference from their notes one character at a time. */
const spelled = (reference: string) => reference.replace(/-/g, '').split('').join(' ');

/** The API's refusals of a request as things stand (not faults): expected to be rare, never a defect alone. */
const REFUSALS = new Set(['ConflictError', 'NotFoundError', 'ForbiddenError', 'RateLimitError', 'UnauthorizedError']);

function kindOf(errorType: string | undefined): Kind {
  if (errorType === undefined) return 'ok';
  if (errorType === 'ServiceUnavailable') return 'ServiceUnavailable';
  if (errorType === 'ValidationError') return 'validation';
  if (REFUSALS.has(errorType)) return 'refused';
  return 'other';
}

type AckedBooking = { reference: string; customerName?: string; source: 'admin' | 'mcp' | 'phone' };
type AckedUpdate = { reference: string; status: BookingStatus; key: string; version: number };
type Walk = { reference: string; courierId: string; statuses: BookingStatus[]; feedback?: string };

export async function runSoakBench() {
  const stack = await startTestStack({ provisionVoicebot: true, mcpPort: 0, breakerHalfOpenMs: HALF_OPEN_MS });
  const subscriptions: Subscription<Booking>[] = [];
  const mcpClients: Client[] = [];
  try {
    const run = Date.now().toString(36);
    const runStartedAt = new Date().toISOString();
    const samples: Sample[] = [];
    /** Each distinct error seen, by operation and type, with one message: what a defect report needs. */
    const errorsSeen = new Map<string, { count: number; message: string }>();
    const maxTurn = { ms: 0, phase: 'clean' as Phase };

    let loadStart = 0;
    let loadEnd = 0;
    const phaseAt = (t: number): Phase => {
      const third = (loadEnd - loadStart) / 3;
      return t < loadStart + third ? 'clean' : t < loadStart + 2 * third ? 'faults' : 'lifted';
    };
    const loading = () => performance.now() < loadEnd;
    const draining = () => performance.now() < loadEnd + DRAIN_MS;
    const record = (op: string, started: number, kind: Kind, error?: { type: string; message: string }) => {
      samples.push({ op, phase: phaseAt(started), ms: performance.now() - started, kind });
      if (kind !== 'ok' && error) {
        const key = `${op} — ${error.type}`;
        const seen = errorsSeen.get(key);
        if (seen) seen.count += 1;
        else errorsSeen.set(key, { count: 1, message: error.message.slice(0, 240) });
      }
    };

    /** One GraphQL request, timed and classified; a transport failure is "other". */
    async function graphql<T>(
      op: string,
      caller: Caller,
      query: string,
      variables: Record<string, unknown>,
    ): Promise<{ kind: Kind; result?: GraphQLResult<T> }> {
      const started = performance.now();
      try {
        const result = await gql<T>(stack, caller, query, variables);
        const error = result.errors?.[0];
        const kind = error ? kindOf(error.errorType ?? `HTTP ${result.status}`) : 'ok';
        record(
          op,
          started,
          kind,
          error ? { type: error.errorType ?? `HTTP ${result.status}`, message: error.message } : undefined,
        );
        return { kind, result };
      } catch (e) {
        record(op, started, 'other', { type: 'transport', message: String(e) });
        return { kind: 'other' };
      }
    }

    /**
     * Sends a request until it applies, as a client with an idempotency key does: "busy" answers are sent again
     * after a pause, with the same key, until the drain after the load ends; any other error gives up.
     */
    async function untilApplied<T>(op: string, caller: Caller, query: string, variables: Record<string, unknown>) {
      while (draining()) {
        const { kind, result } = await graphql<T>(op, caller, query, variables);
        if (kind === 'ok') return result!.data!;
        if (kind !== 'ServiceUnavailable') return undefined;
        await sleep(RETRY_AFTER_MS);
      }
      return undefined;
    }

    // Callers and their identities.
    const admin = await as(stack, 'admin@example.com');
    const couriers = await Promise.all(
      Array.from({ length: COURIERS }, async (_, i) => ({
        id: `courier-${String(i + 1).padStart(2, '0')}`,
        caller: await as(stack, `courier${i + 1}@example.com`),
        email: `courier${i + 1}@example.com`,
      })),
    );
    const issued = await gql<{ issuePartnerToken: { token: string } }>(stack, admin, issuePartnerToken, {
      partnerId: 'acme',
      name: `soak ${run}`,
      scopes: ['bookings:read', 'bookings:write'],
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      rateLimitPerMinute: 10_000,
    });
    const partnerToken = issued.data?.issuePartnerToken.token;
    if (!partnerToken) throw new Error(`could not issue a partner token: ${JSON.stringify(issued.errors)}`);
    if (!stack.mcpUrl) throw new Error('the stack started no MCP server');
    for (let i = 0; i < PARTNERS; i++) {
      const client = new Client({ name: `soak-partner-${i}`, version: '1.0.0' });
      await client.connect(
        new StreamableHTTPClientTransport(new URL(stack.mcpUrl), {
          requestInit: { headers: { authorization: `Bearer ${partnerToken}` } },
        }),
      );
      mcpClients.push(client);
    }

    // Live subscriptions: admins see every change, each courier their own.
    const host = new URL(stack.graphqlUrl).host;
    for (let i = 0; i < ADMIN_SUBSCRIBERS; i++)
      subscriptions.push(
        await subscribeRealtime<Booking>(
          stack.realtimeUrl,
          { host, Authorization: await accessTokenFor(stack, 'admin@example.com') },
          onBookingChanged,
        ),
      );
    const courierSubscriptions = new Map<string, Subscription<Booking>>();
    for (const c of couriers) {
      const s = await subscribeRealtime<Booking>(
        stack.realtimeUrl,
        { host, Authorization: await accessTokenFor(stack, c.email) },
        onBookingChanged,
        { courierId: c.id },
      );
      subscriptions.push(s);
      courierSubscriptions.set(c.id, s);
    }

    const seededToTrack = (
      await stack.deps.bookings.query({ by: 'day', day: companyDay(stack), status: 'IN_TRANSIT' }, { limit: 20 })
    ).items.map((b) => b.reference);
    const ackedBookings: AckedBooking[] = [];
    const ackedUpdates: AckedUpdate[] = [];
    const walks: Walk[] = [];
    const duplicateAnswers: string[] = [];
    const trackable = () => {
      const own = ackedBookings.map((b) => b.reference);
      const pool = own.length > 0 ? own : seededToTrack;
      return pool[Math.floor(Math.random() * pool.length)];
    };

    // ---- the workers ----

    /** A courier's day, bookings made and assigned by the admin, walked to delivery, then given feedback. */
    async function courierWorker(courier: (typeof couriers)[number], index: number) {
      for (let n = 0; loading(); n++) {
        const customerName = `Soak ${run} C${index} N${n}`;
        const input = bookingInput(stack, { customerName, idempotencyKey: `soak-${run}-c${index}-${n}` });
        // Every fourth booking is sent twice at once: a client's retry racing its first try.
        const copies = n % 4 === 3 ? 2 : 1;
        const answers = await Promise.all(
          Array.from({ length: copies }, () =>
            untilApplied<{ bookCourier: Booking }>('admin: bookCourier', admin, bookCourier, input),
          ),
        );
        const booked = answers[0]?.bookCourier;
        if (!booked) continue;
        ackedBookings.push({ reference: booked.reference, customerName, source: 'admin' });
        for (const other of answers.slice(1))
          if (other && other.bookCourier.reference !== booked.reference)
            duplicateAnswers.push(`${customerName}: ${booked.reference} and ${other.bookCourier.reference}`);
        await sleep(PAUSE_MS);
        const assigned = await untilApplied<{ assignCourier: Booking }>('admin: assignCourier', admin, assignCourier, {
          reference: booked.reference,
          courierId: courier.id,
        });
        if (!assigned) continue;
        const walk: Walk = { reference: booked.reference, courierId: courier.id, statuses: [] };
        walks.push(walk);
        let version = assigned.assignCourier.version;
        for (const [step, status] of (
          ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED'] as const
        ).entries()) {
          await sleep(PAUSE_MS);
          const key = `${booked.reference}-${status}`;
          const variables = {
            reference: booked.reference,
            status,
            lat: 47.61,
            lng: -122.34,
            at: new Date().toISOString(),
            expectedVersion: version,
            idempotencyKey: key,
            ...(status === 'DELIVERED' ? { recipientName: 'Pat Doe' } : {}),
          };
          const moved = await untilApplied<{ updateDeliveryStatus: Booking }>(
            'courier: updateDeliveryStatus',
            courier.caller,
            updateDeliveryStatus,
            variables,
          );
          if (!moved) break;
          version = moved.updateDeliveryStatus.version;
          walk.statuses.push(status);
          ackedUpdates.push({ reference: booked.reference, status, key, version });
          // Every fifth update is sent once more: the outbox never saw the answer. It must change nothing.
          if ((n * 4 + step) % 5 === 4) {
            const again = await untilApplied<{ updateDeliveryStatus: Booking }>(
              'courier: updateDeliveryStatus (resent)',
              courier.caller,
              updateDeliveryStatus,
              variables,
            );
            if (again && again.updateDeliveryStatus.version !== version)
              duplicateAnswers.push(
                `${key}: resent, answered version ${again.updateDeliveryStatus.version}, not ${version}`,
              );
          }
        }
        if (walk.statuses.at(-1) !== 'DELIVERED') continue;
        await sleep(PAUSE_MS);
        const fed = await untilApplied<{ submitFeedback: { reference: string } }>(
          'admin: submitFeedback',
          admin,
          submitFeedback,
          {
            bookingReference: booked.reference,
            type: n % 2 ? 'COMPLAINT' : 'FEEDBACK',
            rating: n % 2 ? 2 : 5,
            text: n % 2 ? 'The parcel arrived late and the box was dented.' : 'Lovely courier, right on time.',
            ...(n % 2 ? { complaintCategory: 'LATE_DELIVERY', severity: 'LOW' } : {}),
          },
        );
        if (fed) walk.feedback = fed.submitFeedback.reference;
      }
    }

    const simulatorUrl = stack.outputs.custom.callSimulator!.url;
    async function simulator(path: string, body: unknown) {
      const res = await fetch(`${simulatorUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as { heard?: string[]; call?: { contactId: string; state: string } };
      if (!res.ok || !json.call) throw new Error(`call simulator ${path}: HTTP ${res.status} ${JSON.stringify(json)}`);
      return { heard: json.heard ?? [], call: json.call };
    }

    /**
     * One phone call: what the caller heard. "ok" when the bot did what was asked, "ServiceUnavailable" when it
     * could not and said so (the apology and a transfer to an agent), "other" for anything else.
     */
    async function phoneCall(op: string, from: string, lines: string[], done: RegExp) {
      const started = performance.now();
      try {
        const first = await simulator('/calls', { from, phoneNumber: stack.outputs.custom.callSimulator!.phoneNumber });
        const heard = [...first.heard];
        let state = first.call.state;
        for (const text of lines) {
          const t0 = performance.now();
          const turn = await simulator(`/calls/${first.call.contactId}/say`, { text });
          const turnMs = performance.now() - t0;
          if (turnMs > maxTurn.ms) Object.assign(maxTurn, { ms: turnMs, phase: phaseAt(t0) });
          heard.push(...turn.heard);
          state = turn.call.state;
          if (state !== 'IN_BOT') break;
        }
        const said = heard.join(' ');
        const match = done.exec(said);
        const kind: Kind = match
          ? 'ok'
          : /something went wrong on our side/.test(said) && state === 'QUEUED'
            ? 'ServiceUnavailable'
            : 'other';
        // The end of the call is what tells why it went wrong.
        record(
          op,
          started,
          kind,
          kind === 'ok' ? undefined : { type: `call ended ${state}`, message: said.slice(-240) },
        );
        return match;
      } catch (e) {
        record(op, started, 'other', { type: 'transport', message: String(e) });
        return null;
      }
    }

    async function callerWorker(index: number) {
      for (let n = 0; loading(); n++) {
        const from = `+1206555${String(2000 + index * 100 + (n % 100)).padStart(4, '0')}`;
        if (n % 2 === 0) {
          const booked = await phoneCall(
            'phone: booking call',
            from,
            [
              'I need to send a parcel',
              '1201 3rd Ave, Seattle 98101',
              '3400 Stone Way North 98103',
              'small',
              'one kilogram',
              'none',
              'tomorrow',
              'in the afternoon',
              'Grace Hopper',
              'yes please',
              'no thanks',
              "no that's all",
            ],
            /Your booking reference is ([0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z])/,
          );
          if (booked?.[1]) ackedBookings.push({ reference: booked[1], source: 'phone' });
        } else {
          const reference = trackable();
          if (reference)
            await phoneCall(
              'phone: tracking call',
              from,
              ['I want to track a parcel', spelled(reference), 'no thanks'],
              // The bot reads the reference back, then spells it: "Your parcel KTT-3W4-F K as in kilo, … is in transit".
              new RegExp(`Your parcel ${reference}\\b`),
            );
        }
        await sleep(PAUSE_MS);
      }
    }

    async function publicTracker() {
      while (loading()) {
        const started = performance.now();
        const reference = trackable();
        if (reference)
          await graphql('public: trackBooking (API key)', { apiKey: stack.apiKey }, trackBooking, { reference });
        await sleep(Math.max(0, PUBLIC_TRACK_EVERY_MS - (performance.now() - started)));
      }
    }

    async function adminReader() {
      while (loading()) {
        await graphql('admin: dashboard', admin, dashboard, {});
        await sleep(PAUSE_MS);
        await graphql('admin: listBookings', admin, listBookings, { day: companyDay(stack), limit: 50 });
        await sleep(1_000);
      }
    }

    /** One MCP tool call, timed and classified by the tool error's type. */
    async function tool(client: Client, op: string, name: string, args: Record<string, unknown>) {
      const started = performance.now();
      try {
        const r = (await client.callTool({ name, arguments: args })) as CallToolResult;
        const error = (r.structuredContent as { error?: { type: string; message: string } } | undefined)?.error;
        const kind = r.isError ? kindOf(error?.type ?? 'unknown tool error') : 'ok';
        record(
          op,
          started,
          kind,
          r.isError
            ? { type: error?.type ?? 'unknown', message: error?.message ?? JSON.stringify(r.content) }
            : undefined,
        );
        return { kind, result: r };
      } catch (e) {
        record(op, started, 'other', { type: 'transport', message: String(e) });
        return { kind: 'other' as Kind };
      }
    }

    async function partnerWorker(client: Client, index: number) {
      for (let n = 0; loading(); n++) {
        const customerName = `Soak ${run} P${index} N${n}`;
        const args = {
          ...bookingInput(stack, { customerName }),
          package: { size: 'SMALL', weightKg: 1 },
          idempotencyKey: `soak-${run}-p${index}-${n}`,
        };
        // Every third booking is sent twice at once, as an agent retrying a call it thinks was lost.
        const copies = n % 3 === 2 ? 2 : 1;
        const references = await Promise.all(
          Array.from({ length: copies }, async () => {
            while (draining()) {
              const { kind, result } = await tool(client, 'partner: book_courier (MCP)', 'book_courier', args);
              if (kind === 'ok')
                return (result!.structuredContent as { booking?: { reference: string } }).booking?.reference;
              if (kind !== 'ServiceUnavailable') return undefined;
              await sleep(RETRY_AFTER_MS);
            }
            return undefined;
          }),
        );
        const reference = references[0];
        if (reference) {
          ackedBookings.push({ reference, customerName, source: 'mcp' });
          for (const other of references.slice(1))
            if (other && other !== reference) duplicateAnswers.push(`${customerName}: ${reference} and ${other}`);
        }
        for (let t = 0; t < 3 && loading(); t++) {
          await sleep(PAUSE_MS);
          const target = reference ?? trackable();
          if (target) await tool(client, 'partner: track_booking (MCP)', 'track_booking', { reference: target });
        }
        await sleep(PAUSE_MS);
      }
    }

    // ---- the run: clean, faults on at a third, lifted at two thirds ----

    type Health = { name: string; state: string; since: string | null }[];
    const health = async (): Promise<Health> => {
      const r = await gql<{ dashboard: { health: { dependencies: Health } } }>(stack, admin, dashboard, {});
      if (!r.data) throw new Error(`dashboard: ${JSON.stringify(r.errors)}`);
      return r.data.dashboard.health.dependencies;
    };
    const faultsUrl = `${stack.gatewayUrl}/_local/faults`;
    const load: { before: ReturnType<typeof machineLoad>; after?: ReturnType<typeof machineLoad> } = {
      before: machineLoad(),
    };
    const memoryBefore = retainedMemory();
    loadStart = performance.now();
    loadEnd = loadStart + SECONDS * 1000;
    const third = (SECONDS * 1000) / 3;
    const faultControl = (async () => {
      await sleep(third);
      for (const fault of FAULTS) {
        const res = await fetch(faultsUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...fault, forSeconds: Math.ceil(third / 1000) + 30 }),
        });
        if (res.status !== 201) throw new Error(`arming ${fault.service} failed: ${res.status} ${await res.text()}`);
      }
      await sleep(third);
      const armed = ((await (await fetch(faultsUrl)).json()) as { faults: { service: string; affected: number }[] })
        .faults;
      const duringFaults = await health().catch((e: unknown) => String(e));
      await fetch(faultsUrl, { method: 'DELETE' });
      return { struck: armed.map((f) => ({ service: f.service, affected: f.affected })), duringFaults };
    })();
    await Promise.all([
      ...couriers.map((c, i) => courierWorker(c, i)),
      ...Array.from({ length: CALLERS }, (_, i) => callerWorker(i)),
      ...mcpClients.map((c, i) => partnerWorker(c, i)),
      publicTracker(),
      adminReader(),
    ]);
    const faults = await faultControl;
    const loadSeconds = (performance.now() - loadStart) / 1000;
    // Recovery: the breakers' trial calls have had their chance; read their states (waiting a little if needed).
    let afterLift: Health = [];
    for (let i = 0; i < 20; i++) {
      afterLift = await health();
      if (afterLift.every((d) => d.state === 'CLOSED')) break;
      await sleep(1_000);
    }
    await stack.flushChangeFeed();
    const memoryAfter = retainedMemory();
    load.after = machineLoad();
    const loadAfter = load.after;

    // ---- the recount, from the tables ----

    const read = async (reference: string) =>
      (
        await stack.doc.send(
          new GetCommand({ TableName: stack.tables.bookings, Key: { reference }, ConsistentRead: true }),
        )
      ).Item as (Booking & Record<string, unknown>) | undefined;
    const lost: string[] = [];
    const stored = new Map<string, Booking & Record<string, unknown>>();
    for (const b of ackedBookings) {
      const item = stored.get(b.reference) ?? (await read(b.reference));
      if (!item) lost.push(`booking ${b.reference} (${b.source}) not stored`);
      else {
        stored.set(b.reference, item);
        if (b.customerName && item.customerName !== b.customerName)
          lost.push(`booking ${b.reference} holds ${item.customerName}, not ${b.customerName}`);
      }
    }
    let updatesFound = 0;
    for (const u of ackedUpdates) {
      const item = stored.get(u.reference) ?? (await read(u.reference));
      const entries = (item?.history ?? []).filter((h) => h.updateId === u.key);
      if (entries.length === 1 && entries[0]!.status === u.status) updatesFound++;
      else if (entries.length === 0) lost.push(`update ${u.key} not in ${u.reference}'s history`);
      else lost.push(`update ${u.key} in ${u.reference}'s history ${entries.length} times`);
    }
    const violations: string[] = [];
    let feedbackFound = 0;
    let feedbackDuplicates = 0;
    for (const walk of walks) {
      const item = stored.get(walk.reference) ?? (await read(walk.reference));
      if (!item) continue;
      const expected = walk.statuses.at(-1) ?? 'BOOKED';
      if (item.status !== expected) lost.push(`${walk.reference} is ${item.status}, the courier was told ${expected}`);
      if (item.courierId !== walk.courierId)
        lost.push(`${walk.reference} is assigned to ${String(item.courierId)}, not ${walk.courierId}`);
      const trail = item.history.map((h) => h.status);
      if (trail.join() !== ['BOOKED', ...walk.statuses].join())
        lost.push(
          `${walk.reference}'s history is ${trail.join(' → ')}, expected BOOKED → ${walk.statuses.join(' → ')}`,
        );
      for (const v of bookingViolations(item, stack.deps.calendar)) violations.push(`${walk.reference}: ${v.message}`);
      if (walk.feedback) {
        const fb = await stack.doc.send(
          new GetCommand({ TableName: stack.tables.feedback, Key: { reference: walk.feedback }, ConsistentRead: true }),
        );
        if (fb.Item) feedbackFound++;
        else lost.push(`feedback ${walk.feedback} on ${walk.reference} not stored`);
      }
      const forBooking = await stack.doc.send(
        new QueryCommand({
          TableName: stack.tables.feedback,
          IndexName: 'byBooking',
          KeyConditionExpression: 'bookingReference = :r',
          ExpressionAttributeValues: { ':r': walk.reference },
        }),
      );
      feedbackDuplicates += Math.max(0, (forBooking.Items ?? []).length - 1);
    }
    // Idempotent requests stored once: every booking this run named, counted by its unique customer name; and the
    // bookings made by phone during the run, beside the ones a caller heard a reference for.
    const byName = new Map<string, string[]>();
    const phoneStored: string[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await stack.doc.send(
        new ScanCommand({
          TableName: stack.tables.bookings,
          FilterExpression: 'begins_with(#name, :prefix) OR (#channel = :voice AND #created >= :since)',
          ExpressionAttributeNames: {
            '#reference': 'reference',
            '#name': 'customerName',
            '#channel': 'channel',
            '#created': 'createdAt',
          },
          ExpressionAttributeValues: { ':prefix': `Soak ${run} `, ':voice': 'VOICE', ':since': runStartedAt },
          ProjectionExpression: '#reference, #name, #channel',
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      for (const item of page.Items ?? []) {
        if (item.channel === 'VOICE') {
          phoneStored.push(String(item.reference));
          continue;
        }
        const name = String(item.customerName);
        byName.set(name, [...(byName.get(name) ?? []), String(item.reference)]);
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    const acknowledgedNames = new Set(ackedBookings.map((b) => b.customerName).filter(Boolean));
    const duplicates = [...byName]
      .filter(([, refs]) => refs.length > 1)
      .map(([name, refs]) => `${name}: ${refs.join(', ')}`);
    const storedUnacknowledged = [...byName.keys()].filter((name) => !acknowledgedNames.has(name));
    const phoneAcknowledged = new Set(ackedBookings.filter((b) => b.source === 'phone').map((b) => b.reference));
    const phoneUnheard = phoneStored.filter((r) => !phoneAcknowledged.has(r));

    // Subscriptions: every subscriber's last event of each walked booking is its final state.
    const finalOf = new Map(walks.map((w) => [w.reference, stored.get(w.reference)?.status]));
    const staleOn = (s: Subscription<Booking>, references: string[]) => {
      const last = new Map<string, BookingStatus>();
      for (const b of s.received) last.set(b.reference, b.status);
      return references.filter((r) => last.get(r) !== finalOf.get(r)).length;
    };
    const adminSubs = subscriptions.slice(0, ADMIN_SUBSCRIBERS);
    const eventsReceived = subscriptions.reduce((sum, s) => sum + s.received.length, 0);
    const staleAdmin = adminSubs.reduce((sum, s) => sum + staleOn(s, [...finalOf.keys()]), 0);
    const staleCourier = couriers.reduce(
      (sum, c) =>
        sum +
        staleOn(
          courierSubscriptions.get(c.id)!,
          walks.filter((w) => w.courierId === c.id).map((w) => w.reference),
        ),
      0,
    );

    // ---- the tables ----

    const ops = [...new Set(samples.map((s) => s.op))].sort();
    const countRows: Row[] = ops.map((op) => {
      const of = samples.filter((s) => s.op === op);
      const by = (k: Kind) => of.filter((s) => s.kind === k).length;
      return {
        operation: op,
        requests: of.length,
        'per s': of.length / loadSeconds,
        ok: by('ok'),
        ServiceUnavailable: by('ServiceUnavailable'),
        validation: by('validation'),
        refused: by('refused'),
        other: by('other'),
        'error %': (100 * (of.length - by('ok'))) / of.length,
      };
    });
    const all = samples.length;
    const otherTotal = samples.filter((s) => s.kind === 'other').length;
    countRows.push({
      operation: 'all',
      requests: all,
      'per s': all / loadSeconds,
      ok: samples.filter((s) => s.kind === 'ok').length,
      ServiceUnavailable: samples.filter((s) => s.kind === 'ServiceUnavailable').length,
      validation: samples.filter((s) => s.kind === 'validation').length,
      refused: samples.filter((s) => s.kind === 'refused').length,
      other: `${otherTotal} (goal 0: ${otherTotal === 0 ? 'met' : 'MISSED'})`,
      'error %': (100 * (all - samples.filter((s) => s.kind === 'ok').length)) / all,
    });
    const latencyRows: Row[] = ops.map((op) => {
      const row: Row = { operation: op };
      for (const phase of PHASES) {
        const s = summarize(samples.filter((x) => x.op === op && x.phase === phase).map((x) => x.ms));
        row[`${phase} n`] = s.count;
        row[`${phase} p50`] = s.count ? s.p50 : '-';
        row[`${phase} p99`] = s.count ? s.p99 : '-';
      }
      return row;
    });
    const errorRates: Row[] = PHASES.map((phase) => {
      const of = samples.filter((s) => s.phase === phase);
      const row: Row = { phase, requests: of.length };
      for (const k of KINDS.slice(1)) row[k] = of.filter((s) => s.kind === k).length;
      row['error %'] = of.length ? (100 * of.filter((s) => s.kind !== 'ok').length) / of.length : 0;
      return row;
    });

    const acknowledgedWrites = ackedBookings.length + ackedUpdates.length + walks.filter((w) => w.feedback).length;
    const breakerStates = (h: Health | string) =>
      typeof h === 'string' ? h : h.map((d) => `${d.name}: ${d.state}`).join('; ') || 'none changed state';
    const recovered = afterLift.length > 0 && afterLift.every((d) => d.state === 'CLOSED');
    const openedDuringFaults =
      typeof faults.duringFaults !== 'string' && faults.duringFaults.some((d) => d.state !== 'CLOSED');
    const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
    const recount: Row[] = [
      {
        measure: 'bookings acknowledged (admin / MCP / phone)',
        figure: `${ackedBookings.length} (${['admin', 'mcp', 'phone'].map((s) => ackedBookings.filter((b) => b.source === s).length).join(' / ')})`,
        goal: 'every one stored',
      },
      {
        measure: 'status updates acknowledged, found once in the history',
        figure: `${updatesFound} of ${ackedUpdates.length}`,
        goal: 'all',
      },
      {
        measure: 'feedback acknowledged, found',
        figure: `${feedbackFound} of ${walks.filter((w) => w.feedback).length}`,
        goal: 'all',
      },
      {
        measure: 'LOST writes (of all acknowledged)',
        figure: `${lost.length} of ${acknowledgedWrites}`,
        goal: `0: ${lost.length === 0 ? 'met' : 'MISSED'}`,
      },
      {
        measure: 'idempotent retries stored twice (bookings by name; racing copies answered differently; feedback)',
        figure: `${duplicates.length}; ${duplicateAnswers.length}; ${feedbackDuplicates}`,
        goal: `0: ${duplicates.length + duplicateAnswers.length + feedbackDuplicates === 0 ? 'met' : 'MISSED'}`,
      },
      {
        measure: 'stored but never acknowledged: named bookings; phone bookings whose caller heard no reference',
        figure: `${storedUnacknowledged.length}; ${phoneUnheard.length} of ${phoneStored.length} made by phone`,
        goal: 'figure beside it',
      },
      {
        measure: 'invariant violations in walked bookings',
        figure: violations.length,
        goal: `0: ${violations.length === 0 ? 'met' : 'MISSED'}`,
      },
      {
        measure:
          'subscriptions: events received; walked bookings whose final state a subscriber missed (admin / courier)',
        figure: `${eventsReceived}; ${staleAdmin} / ${staleCourier}`,
        goal: `0 missed: ${staleAdmin + staleCourier === 0 ? 'met' : 'MISSED'}`,
      },
      {
        measure: 'slowest phone turn',
        figure: `${Math.round(maxTurn.ms)} ms (${maxTurn.phase})`,
        goal: `≤ ${TURN_GOAL_MS} ms: ${maxTurn.ms <= TURN_GOAL_MS ? 'met' : 'MISSED'}`,
      },
      {
        measure: 'breakers while faulted → after the lift',
        figure: `${breakerStates(faults.duringFaults)} → ${breakerStates(afterLift)}`,
        goal: `opened, then closed: ${openedDuringFaults && recovered ? 'met' : 'MISSED'}`,
      },
      {
        measure: 'calls the faults struck',
        figure: faults.struck.map((f) => `${f.service} ${f.affected}`).join(', '),
        goal: 'figure beside it',
      },
      {
        measure: 'process memory before → after, each after a full GC: RSS, heap used (MB)',
        figure: `${mb(memoryBefore.rss)} → ${mb(memoryAfter.rss)}, ${mb(memoryBefore.heapUsed)} → ${mb(memoryAfter.heapUsed)}`,
        goal: 'figure beside it',
      },
    ];

    const setup = `${SECONDS} s (clean / faults / lifted thirds), ${COURIERS} couriers, ${CALLERS} phone callers, ${PARTNERS} MCP partners, ${ADMIN_SUBSCRIBERS + COURIERS} subscriptions, 1 public tracker, 1 admin reader; ${load.before.cores} cores, load ${load.before.loadAverage.join(' / ')} → ${loadAfter.loadAverage.join(' / ')}`;
    printTable(`soak — requests served and errors by kind (${setup})`, countRows);
    printTable(
      'soak — error rate by phase (faults: DynamoDB throttled 1 in 5, Comprehend and SMS failing)',
      errorRates,
    );
    printTable('soak — latency per operation per phase, ms', latencyRows);
    printTable('soak — the recount from the tables, recovery and memory', recount);
    if (errorsSeen.size > 0) {
      printTable(
        'soak — errors seen (one message each)',
        [...errorsSeen].map(([what, e]) => ({ 'operation — type': what, count: e.count, message: e.message })),
      );
    }
    for (const line of [...lost, ...duplicates, ...duplicateAnswers, ...violations].slice(0, 30))
      console.log(`  ! ${line}`);

    const duplicateCount = duplicates.length + duplicateAnswers.length + feedbackDuplicates;
    return {
      seconds: SECONDS,
      loadSeconds,
      workers: { couriers: COURIERS, callers: CALLERS, partners: PARTNERS, adminSubscribers: ADMIN_SUBSCRIBERS },
      breakerHalfOpenMs: HALF_OPEN_MS,
      countRows,
      errorRates,
      latencyRows,
      recount,
      errors: Object.fromEntries(errorsSeen),
      lost,
      duplicates: [...duplicates, ...duplicateAnswers],
      feedbackDuplicates,
      storedUnacknowledged,
      phoneUnheard,
      violations,
      subscriptions: { eventsReceived, staleAdmin, staleCourier },
      maxTurnMs: maxTurn.ms,
      breakers: { duringFaults: faults.duringFaults, afterLift },
      faultsStruck: faults.struck,
      memory: { before: memoryBefore, after: memoryAfter },
      load,
      pass:
        lost.length === 0 &&
        duplicateCount === 0 &&
        otherTotal === 0 &&
        violations.length === 0 &&
        staleAdmin + staleCourier === 0 &&
        recovered,
    };
  } finally {
    for (const s of subscriptions) s.close();
    for (const c of mcpClients) await c.close().catch(() => {});
    await stack.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runSoakBench();
  console.log(`wrote ${await writeResult('soak', result)}`);
}
