// Fuzzing every entry point of the local stack (issue 13): GraphQL arguments of every operation (in-process for
// the bulk, a share over HTTP for the wire path), MCP tool arguments through the SDK client, spoken utterances
// and slot values into the Lex code hook, proof uploads and the courier app's queued updates. FUZZ_RUNS cases per
// entry point (1,000 in `npm test`; README, Fuzzing). Every answer must be a success or an error that names what
// was wrong — never InternalFailure, a stack trace or a server path — and after every case the tables it wrote
// are read back: nothing half-written (tests/support/fuzz/write-recorder.ts says what that means).
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { LexV2Event, LexV2Result } from 'aws-lambda';
import { addDays } from '../../src/core/business-calendar';
import { PARTNER_SCOPES } from '../../src/core/model';
import { JPEG_IMAGE, PNG_IMAGE, SVG_SIGNATURE, WEBP_IMAGE } from '../../src/core/testing/proof-images';
import type { Principal } from '../../src/local/appsync/authorization';
import { LOCAL_MCP_SERVICE } from '../../src/local/appsync';
import { PROOF_BUCKET, type Stack } from '../../src/local/stack';
import { LOCAL_CREDENTIALS } from '../../src/local/dynamodb/local-dynamo';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import * as operations from '../../src/generated/graphql';
import { BOT_DEFINITION } from '../../src/voice/bot-definition';
import { createLexCodeHook, voiceDepsFromApi } from '../../src/voice/lex-codehook';
import { createGraphQLCaller } from '../../mcp-server/src/graphql-client';
import { createMcpRuntime } from '../../mcp-server/src/runtime';
import { createStatelessHandler } from '../../mcp-server/src/stateless-handler';
import { lexEvent } from '../events/lex-event';
import type { BookingFields } from '../../src/web/lib/api-types';
import { createMemoryOutboxStore, type QueuedUpdate } from '../../src/web/features/courier-day/outbox/outbox';
import { drainOutbox, type OutboxTransport } from '../../src/web/features/courier-day/outbox/sync';
import { FUZZ_RUNS, FUZZ_SEED, answerProblems, createProblemLog, namesOf } from '../support/fuzz/answers';
import {
  graphqlCases,
  nastyDateTime,
  nastyFloat,
  nastyString,
  rootFields,
  type Hints,
} from '../support/fuzz/graphql-arbitraries';
import { inProcessGraphQL, userPoolPrincipal, type InProcessGraphQL } from '../support/fuzz/in-process-graphql';
import { toolCases, type JsonSchema } from '../support/fuzz/json-schema-arbitraries';
import { checkAllItems, recordWrites, type WriteRecorder } from '../support/fuzz/write-recorder';
import {
  accessTokenFor,
  bookingInput,
  companyDay,
  gql,
  startTestStack,
  tomorrowAt,
  type Caller,
} from '../support/test-stack';

let stack: Stack;
let recorder: WriteRecorder;
let graphql: InProcessGraphQL;
let admin: Caller;
let courier: Caller;
let partnerToken: string;
const refs = { booked: '', outForDelivery: '', delivered: '' };
const timings: Record<string, { cases: number; seconds: number }> = {};
let started = 0;
/** Per entry point: generous on a busy machine, and growing with FUZZ_RUNS for the nightly-sized run. */
const TIMEOUT_MS = 120_000 + FUZZ_RUNS * 400;

async function asAdmin<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) {
  const r = await gql<T>(stack, admin, query, variables);
  if (r.errors?.length) throw new Error(`fixture call failed: ${JSON.stringify(r.errors)}`);
  return r.data as T;
}

async function booking(status: 'BOOKED' | 'OUT_FOR_DELIVERY' | 'DELIVERED'): Promise<string> {
  const made = await asAdmin<{ bookCourier: { reference: string } }>(operations.bookCourier, {
    ...bookingInput(stack, { customerName: 'Fuzz Fixture' }),
    partnerId: 'acme',
  });
  const reference = made.bookCourier.reference;
  await asAdmin(operations.assignCourier, { reference, courierId: 'courier-07' });
  const steps = { BOOKED: [], OUT_FOR_DELIVERY: ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY'] } as const;
  const path = status === 'DELIVERED' ? [...steps.OUT_FOR_DELIVERY, 'DELIVERED'] : steps[status];
  for (const next of path) {
    const r = await gql(stack, courier, operations.updateDeliveryStatus, {
      reference,
      status: next,
      lat: 47.61,
      lng: -122.33,
      ...(next === 'DELIVERED' ? { recipientName: 'Ada Recipient' } : {}),
    });
    if (r.errors?.length) throw new Error(`fixture ${next} failed: ${JSON.stringify(r.errors)}`);
  }
  return reference;
}

/** Deterministic plausible values by name, cycling through the fixtures. */
function cycle<T>(values: readonly T[]): () => T {
  let i = 0;
  return () => values[i++ % values.length]!;
}

function hints(): Hints {
  const today = companyDay(stack);
  let key = 0;
  return {
    reference: cycle([refs.booked, refs.outForDelivery, refs.delivered]),
    bookingReference: cycle([refs.delivered, refs.booked]),
    courierId: () => 'courier-07',
    partnerId: () => 'acme',
    id: cycle(['courier-07', 'acme', 'fuzz-missing']),
    day: () => today,
    from: () => addDays(today, -7),
    to: () => today,
    week: () => addDays(today, -7),
    effectiveFrom: () => addDays(today, 7),
    pickupWindowStart: () => tomorrowAt(stack, 10),
    pickupWindowEnd: () => tomorrowAt(stack, 12),
    expiresAt: () => new Date(Date.now() + 3_600_000).toISOString(),
    at: () => new Date().toISOString(),
    customerName: () => 'Grace Hopper',
    customerPhone: () => '(206) 555-0134',
    pickup: () => ({ line1: '1201 3rd Ave', city: 'Seattle', postcode: '98101' }),
    delivery: () => ({ line1: '3400 Stone Way N', city: 'Seattle', postcode: '98103' }),
    package: () => ({ size: 'SMALL', weightKg: 2.5, handling: [] }),
    lat: () => 47.61,
    lng: () => -122.33,
    status: cycle(['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'CANCELLED', 'DELIVERED']),
    contentType: () => 'image/jpeg',
    text: () => 'Quick and kind.',
    rating: () => 4,
    name: () => 'Fuzz partner',
    contactEmail: () => 'ops@fuzz.example',
    scopes: () => ['bookings:read'],
    rateLimitPerMinute: () => 600,
    expectedVersion: () => 1,
    limit: () => 10,
    idempotencyKey: () => `fuzz-key-${key++}`,
    instanceId: () => 'fuzz-instance',
    localeId: () => 'en_US',
    search: () => 'Ada',
    tokenId: () => 'fuzz-token',
    complaintRateThreshold: () => 0.1,
    minFeedback: () => 5,
    lateGraceMinutes: () => 15,
    reason: () => 'Plans changed',
  };
}

function timed(name: string, planned?: number) {
  const t0 = performance.now();
  return (cases = planned ?? 0) => {
    timings[name] = { cases, seconds: (performance.now() - t0) / 1000 };
  };
}

beforeAll(async () => {
  started = performance.now();
  // One stack for every entry point; the voicebot provisioned into the emulated Connect for the call simulator.
  stack = await startTestStack({ provisionVoicebot: true });
  admin = { token: await accessTokenFor(stack, 'admin@example.com') };
  courier = { token: await accessTokenFor(stack, 'courier7@example.com') };
  const issued = await asAdmin<{ issuePartnerToken: { token: string } }>(operations.issuePartnerToken, {
    partnerId: 'acme',
    name: 'fuzz',
    scopes: PARTNER_SCOPES,
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    rateLimitPerMinute: 10_000,
  });
  partnerToken = issued.issuePartnerToken.token;
  [refs.booked, refs.outForDelivery, refs.delivered] = await Promise.all([
    booking('BOOKED'),
    booking('OUT_FOR_DELIVERY'),
    booking('DELIVERED'),
  ]);
  recorder = recordWrites(stack.doc, stack.tables, stack.deps.calendar);
  graphql = await inProcessGraphQL(stack);
  console.info(`fuzz: stack and fixtures in ${((performance.now() - started) / 1000).toFixed(1)} s, seed ${FUZZ_SEED}`);
}, TIMEOUT_MS);

afterAll(async () => {
  const t0 = performance.now();
  await stack?.close();
  const table = Object.entries(timings)
    .map(([k, v]) => `${k} ${v.cases} cases ${v.seconds.toFixed(1)} s`)
    .join('; ');
  console.info(
    `fuzz: ${table}; close ${((performance.now() - t0) / 1000).toFixed(1)} s; whole file ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  // CPU seconds of this process (its threads: the gateway's included): what the file costs a busy machine.
  const cpu = process.cpuUsage();
  console.info(
    `fuzz: process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s; load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
});

describe('fuzzing every entry point', () => {
  it(
    'code hook: utterances and slot values in Lex V2 events get a spoken answer, never the fault transfer',
    async () => {
      // Prepare
      const logged: unknown[] = [];
      const deps = voiceDepsFromApi(stack.deps);
      const hook = createLexCodeHook({
        ...deps,
        log: { ...stack.deps.log, error: (message: string, detail?: unknown) => logged.push({ message, detail }) },
      });
      const intents = BOT_DEFINITION.intents;
      const slotValue = fc.oneof(
        nastyString,
        fc.constantFrom(
          'tomorrow',
          'today',
          '10 am',
          'noon',
          'small',
          'large',
          '2.5',
          '98101',
          '1201 3rd Ave',
          'Seattle',
        ),
        fc.constantFrom('(206) 555-0134', '+12065550134', 'yes', 'no', 'K7M4XR9', refs.booked, refs.delivered),
      );
      const turn = fc.record({
        intent: fc.oneof(fc.constantFrom(...intents.map((i) => i.name)), nastyString),
        slots: fc.dictionary(
          fc.constantFrom(...new Set(intents.flatMap((i) => i.slots.map((s) => s.name)))),
          slotValue,
          {
            maxKeys: 4,
          },
        ),
        transcript: fc.oneof(nastyString, slotValue),
        confirmation: fc.constantFrom('Confirmed', 'Denied', 'None', 'Bogus'),
        source: fc.constantFrom('DialogCodeHook', 'FulfillmentCodeHook'),
        locale: fc.constantFrom('en_US', 'en_US', 'en_US', 'xx_XX', ''),
        corrupt: fc.integer({ min: 0, max: 19 }),
        text: nastyString,
      });
      // Each turn is one event into the code hook, a case: conversations are taken until FUZZ_RUNS turns ran.
      const conversations = fc.sample(fc.array(turn, { minLength: 1, maxLength: 4 }), {
        numRuns: FUZZ_RUNS,
        seed: FUZZ_SEED,
      });
      const problems = createProblemLog();
      const done = timed('code hook');

      // Act
      let turns = 0;
      for (const [n, conversation] of conversations.entries()) {
        if (turns >= FUZZ_RUNS) break;
        let attributes: Record<string, string> = { callerNumber: '+12065550134' };
        for (const t of conversation) {
          turns += 1;
          const event = lexEvent({
            intent: t.intent,
            slots: t.slots,
            inputTranscript: t.transcript,
            confirmationState: t.confirmation as 'None',
            invocationSource: t.source as 'DialogCodeHook',
            sessionAttributes: attributes,
            sessionId: `fuzz-${n}`,
            localeId: t.locale,
          });
          // Now and then a session the bot did not write: garbage state, a wrong caller number, slots without values.
          if (t.corrupt === 0) event.sessionState.sessionAttributes = { courierBot: t.text, callerNumber: t.text };
          if (t.corrupt === 1) event.sessionState.intent.slots = { customerName: null } as never;
          if (t.corrupt === 2) (event as { inputTranscript?: string }).inputTranscript = undefined;
          recorder.begin();
          let result: LexV2Result;
          try {
            result = await hook(event as LexV2Event);
          } catch (e) {
            problems.add(`call ${n}`, [`the code hook threw: ${String(e)}`]);
            recorder.end();
            continue;
          }
          const label = `call ${n} turn ${JSON.stringify({ intent: t.intent, slots: t.slots }).slice(0, 200)}`;
          problems.add(label, lexResultProblems(result));
          problems.add(label, await recorder.check(recorder.end(), false));
          attributes = (result.sessionState.sessionAttributes ?? {}) as Record<string, string>;
          if (result.sessionState.dialogAction.type === 'Close') break;
        }
      }
      done(turns);

      // Assess
      expect(turns).toBeGreaterThanOrEqual(FUZZ_RUNS);
      expect(problems.kept, `${problems.total} problems; faults logged: ${JSON.stringify(logged.slice(0, 3))}`).toEqual(
        [],
      );
    },
    TIMEOUT_MS,
  );

  it(
    'MCP: tool arguments through the SDK client get a result or a tool error naming the argument',
    async () => {
      // Prepare
      // The tools' GraphQL calls are signed as in production, then run in-process (graphql.mcpFetch): the MCP
      // tests over HTTP prove the signature path; here the cost per case is the tool and the API, not the wire.
      const runtime = createMcpRuntime({
        graphql: createGraphQLCaller({
          url: stack.graphqlUrl,
          region: stack.region,
          credentials: LOCAL_MCP_SERVICE,
          fetch: graphql.mcpFetch,
        }),
        graphqlUrl: stack.graphqlUrl,
        region: stack.region,
        serviceCredentials: LOCAL_MCP_SERVICE,
        awsConfig: stack.doc,
        tables: stack.tables,
        publicUrl: 'http://mcp.fuzz/mcp',
        timeZone: stack.deps.calendar.timeZone,
        log: stack.deps.log,
      });
      const handle = createStatelessHandler(runtime, stack.deps.log);
      const client = new Client({ name: 'fuzz', version: '1.0.0' });
      await client.connect(
        new StreamableHTTPClientTransport(new URL('http://mcp.fuzz/mcp'), {
          requestInit: { headers: { authorization: `Bearer ${partnerToken}` } },
          fetch: (url, init) => handle(new Request(url, init)),
        }),
      );
      const { tools } = await client.listTools();
      const cases = fc.sample(toolCases(tools as { name: string; inputSchema: JsonSchema }[], hints()), {
        numRuns: FUZZ_RUNS,
        seed: FUZZ_SEED,
      });
      const problems = createProblemLog();
      const done = timed('MCP', cases.length);

      // Act
      for (const c of cases) {
        recorder.begin();
        let refused = false;
        const label = `${c.tool} ${JSON.stringify(c.args).slice(0, 300)}`;
        try {
          const r = (await client.callTool({ name: c.tool, arguments: c.args })) as CallToolResult;
          if (r.isError) {
            refused = true;
            const error = (r.structuredContent as { error?: { type?: string; message?: string } } | undefined)?.error;
            const names = namesOf(c.changed, c.paths);
            problems.add(
              label,
              answerProblems([{ errorType: error?.type ?? 'ToolError', message: error?.message }], names),
            );
          }
        } catch (e) {
          refused = true;
          const message = e instanceof McpError ? e.message : String(e);
          problems.add(label, answerProblems([{ errorType: 'McpError', message }], namesOf(c.changed, c.paths)));
        }
        // The GraphQL calls the tools made finish before the answer; what they wrote is read back here.
        problems.add(label, await recorder.check(recorder.end(), refused));
      }
      done();
      await client.close();
      runtime.close();

      // Assess
      expect(problems.kept, `${problems.total} problems; ${faultsLogged()}`).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'uploads: proof upload requests and PUTs of any type, size and bytes are stored or refused, never half; a delivery with the key is accepted only for a complete image',
    async () => {
      // Prepare
      const courierPrincipal = userPoolPrincipal((courier as { token: string }).token);
      const request = rootFields(graphql.schema, [operations.requestProofUpload]).find(
        (r) => r.key === 'Mutation.requestProofUpload',
      )!;
      const update = rootFields(graphql.schema, [operations.updateDeliveryStatus]).find(
        (r) => r.key === 'Mutation.updateDeliveryStatus',
      )!;
      /** Complete images by type: 'complete' sends the one the upload was granted for. */
      const complete: Record<string, Uint8Array<ArrayBuffer>> = {
        'image/png': PNG_IMAGE,
        'image/jpeg': JPEG_IMAGE,
        'image/webp': WEBP_IMAGE,
        'image/svg+xml': new TextEncoder().encode(SVG_SIGNATURE),
      };
      // Uploads for the out-for-delivery booking go to one of its own, delivered with the key: a fresh one after each
      // accepted delivery, so the shared fixture stays out for delivery.
      let deliverable = await booking('OUT_FOR_DELIVERY');
      let delivered = 0;
      let refusedImages = 0;
      const bytes = fc.oneof(
        fc.constant('complete' as const),
        fc.uint8Array({ maxLength: 64 }),
        fc.constantFrom(
          new Uint8Array([0xff, 0xd8, 0xff, 0xe0]),
          new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
          new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
          new TextEncoder().encode('<html><body>not an image</body></html>'),
          new Uint8Array(0),
          JPEG_IMAGE.subarray(0, JPEG_IMAGE.length - 2),
          WEBP_IMAGE.subarray(0, 100),
          new TextEncoder().encode(SVG_SIGNATURE.replace('<path', '<path onclick="alert(1)"')),
        ),
        fc.integer({ min: 1, max: 1_500_000 }).map((n) => new Uint8Array(n).fill(0x41)),
      );
      const cases = fc.sample(
        fc.record({
          reference: fc.oneof(fc.constantFrom(refs.outForDelivery, refs.booked, refs.delivered), nastyString),
          kind: fc.oneof(fc.constantFrom('SIGNATURE', 'PHOTO'), nastyString),
          contentType: fc.oneof(
            fc.constantFrom('image/jpeg', 'image/png', 'image/svg+xml', 'image/webp', 'text/html', 'application/pdf'),
            nastyString,
          ),
          putType: fc.oneof(fc.constant('declared'), fc.constantFrom('image/jpeg', 'text/html', ''), nastyString),
          body: bytes,
        }),
        { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
      );
      const s3 = new S3Client({
        endpoint: stack.gatewayUrl,
        region: stack.region,
        credentials: LOCAL_CREDENTIALS,
        forcePathStyle: true,
      });
      const problems = createProblemLog();
      const done = timed('uploads', cases.length);
      let stored = 0;

      // Act
      for (const c of cases) {
        const label = `upload ${JSON.stringify({ ...c, body: c.body.length }).slice(0, 300)}`;
        const reference = c.reference === refs.outForDelivery ? deliverable : c.reference;
        recorder.begin();
        const variables = { reference, kind: c.kind, contentType: c.contentType };
        const answer = await graphql.run(courierPrincipal, request.query, variables);
        const errors = answer.errors ?? [];
        const changed = (['reference', 'kind', 'contentType'] as const).map((k) => [k]);
        problems.add(label, answerProblems(errors, namesOf(changed)));
        problems.add(label, await recorder.check(recorder.end(), errors.length > 0));
        const upload = (answer.data?.requestProofUpload ?? undefined) as
          { key: string; uploadUrl: string; headers: string } | undefined;
        if (!upload) continue;
        const declared = JSON.parse(upload.headers) as Record<string, string>;
        const headers: Record<string, string> =
          c.putType === 'declared' ? declared : c.putType === '' ? {} : { 'Content-Type': c.putType };
        const body = c.body === 'complete' ? (complete[declared['Content-Type']!] ?? PNG_IMAGE) : c.body;
        let put: Response;
        try {
          put = await fetch(upload.uploadUrl, { method: 'PUT', headers, body });
        } catch (e) {
          // A header value fetch itself refuses (control characters): nothing was sent.
          if (e instanceof TypeError) continue;
          throw e;
        }
        const text = await put.text();
        if (put.status >= 500) problems.add(label, [`the image store answered ${put.status}: ${text.slice(0, 200)}`]);
        if (!put.ok && !/<Code>\w+<\/Code>/.test(text))
          problems.add(label, [`a refusal without an S3 error code: ${text}`]);
        // The object is there exactly when the store said yes, with the type the upload was granted for.
        const head = await s3
          .send(new HeadObjectCommand({ Bucket: PROOF_BUCKET, Key: upload.key }))
          .catch((e: unknown) => ((e as { name?: string }).name === 'NotFound' ? undefined : Promise.reject(e)));
        if (put.ok) stored += 1;
        if (!put.ok && head) problems.add(label, ['a refused upload left an object behind']);
        if (put.ok && head?.ContentType !== declared['Content-Type'])
          problems.add(label, [`stored as ${head?.ContentType ?? 'nothing'}, granted for ${declared['Content-Type']}`]);
        if (!put.ok || reference !== deliverable) continue;
        // The delivery with that key: accepted for a complete image of the granted type, else refused naming the field.
        const field = c.kind === 'SIGNATURE' ? 'signatureKey' : 'photoKey';
        recorder.begin();
        const answer2 = await graphql.run(courierPrincipal, update.query, {
          reference,
          status: 'DELIVERED',
          [field]: upload.key,
          recipientName: 'Fuzz Recipient',
          locationUnavailable: 'NO_FIX',
        });
        const refusals = answer2.errors ?? [];
        problems.add(label, answerProblems(refusals, [`proof.${field}`]));
        problems.add(label, await recorder.check(recorder.end(), refusals.length > 0));
        // The store kept the granted type (checked above): a complete image of it must be accepted.
        const expected = c.body === 'complete';
        if (refusals.length === 0 && !expected) problems.add(label, ['delivered with an image that is not complete']);
        if (refusals.length > 0 && expected)
          problems.add(label, [`a complete image refused: ${refusals[0]?.message ?? ''}`]);
        if (refusals.length > 0) refusedImages += 1;
        else {
          delivered += 1;
          deliverable = await booking('OUT_FOR_DELIVERY');
        }
      }
      done();
      s3.destroy();

      // Assess
      expect(
        problems.kept,
        `${problems.total} problems; stored ${stored}, delivered ${delivered}, refused ${refusedImages}; ${faultsLogged()}`,
      ).toEqual([]);
      expect(stored).toBeGreaterThan(0);
      expect(delivered).toBeGreaterThan(0);
      expect(refusedImages).toBeGreaterThan(0);
    },
    TIMEOUT_MS,
  );

  it(
    'queued courier updates: replayed through the outbox, each applies once or is kept with a clear reason',
    async () => {
      // Prepare
      const courierPrincipal = userPoolPrincipal((courier as { token: string }).token);
      const pool = await Promise.all(Array.from({ length: 6 }, () => booking('BOOKED')));
      const update = rootFields(graphql.schema, [operations.updateDeliveryStatus]).find(
        (r) => r.key === 'Mutation.updateDeliveryStatus',
      )!;
      const sendProblems: string[] = [];
      const transport: OutboxTransport = {
        requestUpload: () => Promise.reject(new Error('no images in this test')),
        upload: () => Promise.reject(new Error('no images in this test')),
        // As the courier app's apiTransport sends an update (src/web/features/courier-day/outbox/transport.ts).
        async send(u) {
          const answer = await graphql.run(courierPrincipal, update.query, {
            reference: u.reference,
            status: u.status,
            lat: u.location?.lat ?? null,
            lng: u.location?.lng ?? null,
            locationAccuracyM: u.location?.accuracyM ?? null,
            locationUnavailable: u.location ? null : (u.locationUnavailable ?? null),
            note: u.note ?? null,
            failureReason: u.failureReason ?? null,
            recipientName: u.recipientName ?? null,
            signatureKey: u.signatureKey ?? null,
            photoKey: u.photoKey ?? null,
            at: u.at,
            idempotencyKey: u.id,
          });
          if (answer.errors?.length) {
            sendProblems.push(...answerProblems(answer.errors, []));
            throw { errors: answer.errors };
          }
          return answer.data!.updateDeliveryStatus as BookingFields;
        },
      };
      const statuses = ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'FAILED_DELIVERY', 'RETURNED'];
      const queued = fc.record({
        reference: fc.oneof(fc.constantFrom(...pool), fc.constantFrom(...pool), nastyString),
        status: fc.oneof(fc.constantFrom(...statuses), fc.constantFrom('BOOKED', 'CANCELLED'), nastyString),
        at: fc.oneof(
          fc.integer({ min: -600, max: 5 }).map((m) => new Date(Date.now() + m * 60_000).toISOString()),
          nastyDateTime,
        ),
        location: fc.option(fc.record({ lat: nastyFloat, lng: nastyFloat, accuracyM: fc.option(nastyFloat) })),
        note: fc.option(nastyString),
        recipientName: fc.option(fc.oneof(fc.constant('Ada Recipient'), nastyString)),
        failureReason: fc.option(fc.oneof(fc.constantFrom('NO_ANSWER', 'REFUSED', 'WRONG_ADDRESS'), nastyString)),
        replays: fc.integer({ min: 1, max: 3 }),
      });
      const batches = fc.sample(fc.array(queued, { minLength: 1, maxLength: 4 }), {
        numRuns: Math.ceil(FUZZ_RUNS / 2),
        seed: FUZZ_SEED,
      });
      const problems = createProblemLog();
      let sent = 0;
      const done = timed(
        'queued updates',
        batches.reduce((n, b) => n + b.length, 0),
      );

      // Act
      for (const [n, batch] of batches.entries()) {
        const store = createMemoryOutboxStore();
        const items: QueuedUpdate[] = batch.map((q, i) => ({
          id: `fuzz-outbox-${n}-${i}`,
          seq: i,
          courierId: 'courier-07',
          reference: q.reference,
          status: q.status as QueuedUpdate['status'],
          at: q.at,
          ...(q.location
            ? {
                location: {
                  lat: q.location.lat,
                  lng: q.location.lng,
                  ...(q.location.accuracyM === null ? {} : { accuracyM: q.location.accuracyM }),
                },
              }
            : {}),
          ...(q.note === null ? {} : { note: q.note }),
          ...(q.recipientName === null ? {} : { recipientName: q.recipientName }),
          ...(q.failureReason === null ? {} : { failureReason: q.failureReason as QueuedUpdate['failureReason'] }),
          state: 'waiting',
          attempts: 0,
        }));
        const label = `outbox ${n} ${JSON.stringify(batch).slice(0, 300)}`;
        // The phone sends its outbox again after a lost answer: every replay must find the update applied once.
        for (let replay = 0; replay < Math.max(...batch.map((q) => q.replays)); replay++) {
          for (const item of items) await store.put({ ...item });
          recorder.begin();
          sendProblems.length = 0;
          const applied: string[] = [];
          const outcome = await drainOutbox(store, transport, 'courier-07', (_b, u) => applied.push(u.id));
          problems.add(label, sendProblems);
          problems.add(label, await recorder.check(recorder.end(), false));
          if (outcome.kind !== 'done') problems.add(label, [`the outbox stopped: ${JSON.stringify(outcome)}`]);
          for (const left of await store.list('courier-07')) {
            if (left.state === 'conflict' && !left.problem) problems.add(label, ['an update kept without a reason']);
            if (left.state === 'waiting') problems.add(label, [`an update still waiting: ${left.id}`]);
          }
          sent += applied.length;
        }
      }
      done();
      // Each pool booking's history holds each update once: no replay applied twice.
      for (const reference of pool) {
        const stored = await stack.deps.bookings.get(reference);
        const statuses = (stored?.history ?? []).map((h) => h.status);
        if (new Set(statuses).size !== statuses.length)
          problems.add(reference, [`history repeats: ${statuses.join(', ')}`]);
      }

      // Assess
      expect(problems.kept, `${problems.total} problems; ${faultsLogged()}`).toEqual([]);
      expect(sent).toBeGreaterThan(0);
    },
    TIMEOUT_MS,
  );

  it(
    'GraphQL: every argument of every operation, in-process and over HTTP, answered or refused by name',
    async () => {
      // Prepare
      const roots = rootFields(
        graphql.schema,
        Object.values(operations).filter((v) => typeof v === 'string'),
      );
      const principals: Principal[] = [
        userPoolPrincipal((admin as { token: string }).token),
        userPoolPrincipal((admin as { token: string }).token),
        userPoolPrincipal((admin as { token: string }).token),
        userPoolPrincipal((courier as { token: string }).token),
        userPoolPrincipal(await accessTokenFor(stack, 'partner@example.com')),
        { mode: 'apiKey' },
      ];
      // Every operation gets its share of the FUZZ_RUNS in-process cases; a tenth more go over HTTP.
      const perRoot = Math.ceil(FUZZ_RUNS / roots.length);
      const cases = roots.flatMap((root, i) =>
        fc.sample(graphqlCases([root], hints(), principals.length), { numRuns: perRoot, seed: FUZZ_SEED + i }),
      );
      const overHttp = fc.sample(graphqlCases(roots, hints(), 3), {
        numRuns: Math.max(50, Math.round(FUZZ_RUNS / 10)),
        seed: FUZZ_SEED + roots.length,
      });
      const httpCallers: Caller[] = [admin, { apiKey: stack.apiKey }, { token: partnerToken }];
      const problems = createProblemLog();
      const operationsSeen = new Set<string>();
      const done = timed('GraphQL in-process', cases.length);

      // Act
      for (const c of cases) {
        operationsSeen.add(c.key);
        recorder.begin();
        const answer = await graphql.run(principals[c.caller]!, c.query, c.variables);
        const writes = recorder.end();
        const label = `${c.key} ${JSON.stringify(c.variables).slice(0, 300)}`;
        const errors = answer.errors ?? [];
        problems.add(label, answerProblems(errors, namesOf(c.changed, c.paths)));
        problems.add(label, await recorder.check(writes, errors.length > 0));
      }
      done();
      const doneHttp = timed('GraphQL over HTTP', overHttp.length);
      for (const c of overHttp) {
        recorder.begin();
        const answer = await gql(stack, httpCallers[c.caller]!, c.query, c.variables);
        const writes = recorder.end();
        const label = `HTTP ${c.key} ${JSON.stringify(c.variables).slice(0, 300)}`;
        if (answer.status >= 500) problems.add(label, [`HTTP ${answer.status}`]);
        const errors = answer.errors ?? [];
        problems.add(label, answerProblems(errors, namesOf(c.changed, c.paths)));
        problems.add(label, await recorder.check(writes, errors.length > 0));
      }
      doneHttp();

      // Assess
      expect(
        problems.kept,
        `${problems.total} problems; faults: ${JSON.stringify(graphql.faults.slice(0, 2))} ${faultsLogged()}`,
      ).toEqual([]);
      expect(operationsSeen.size).toBe(roots.length);
    },
    TIMEOUT_MS,
  );

  it(
    'call simulator: numbers, utterances, contact and flow ids from the test-call page, answered or refused by name',
    async () => {
      // Prepare
      const simulator = stack.outputs.custom.callSimulator!;
      // What the test-call page sends (src/web/features/voicebot/api/call-simulator-api.ts), as raw requests so
      // every field can be wrong: POST /calls {from, phoneNumber, contactFlowId, instanceId, languageCode}, then
      // POST /calls/:id/say {text}, GET /calls/:id and POST /calls/:id/hang-up.
      const request = async (path: string, body?: unknown, raw?: string) => {
        const response = await fetch(`${simulator.url}${path}`, {
          method: body === undefined && raw === undefined ? 'GET' : 'POST',
          headers: { 'content-type': 'application/json' },
          ...(raw !== undefined ? { body: raw } : body !== undefined ? { body: JSON.stringify(body) } : {}),
        });
        const text = await response.text();
        let json: CallAnswer | undefined;
        try {
          json = JSON.parse(text) as CallAnswer;
        } catch {
          json = undefined;
        }
        return { status: response.status, text, json };
      };
      const first = await request('/calls', { from: '+12065550123', phoneNumber: simulator.phoneNumber });
      expect(first.status, first.text).toBe(201);
      const { instanceId, contactFlowId } = first.json!.call!;
      await request(`/calls/${first.json!.call!.contactId}/hang-up`, {});
      const e164 = fc
        .tuple(fc.integer({ min: 1, max: 9 }), fc.stringMatching(/^\d{6,14}$/))
        .map(([lead, rest]) => `+${lead}${rest}`);
      const phone = fc.oneof(
        fc.constantFrom(simulator.phoneNumber, '+12065550123', '+12065550134'),
        e164,
        fc.constantFrom(
          '2065550123',
          '+1 (206) 555-0123',
          '+0123456789',
          '+１２０６５５５０１２３',
          '+1206555012345678',
        ),
        nastyString,
      );
      const utterance = fc.oneof(
        fc.constantFrom(
          'I want to track a parcel',
          'track my delivery',
          'book a courier',
          'I want to leave feedback',
          'agent',
          'K 7 M 4 X R 7',
          refs.booked,
          refs.delivered,
          'yes',
          'no',
          'tomorrow at 10 am',
          '',
          ' ',
        ),
        nastyString,
        fc.string({ maxLength: 1024 }),
        fc.integer({ min: 1000, max: 1100 }).map((n) => 'a'.repeat(n)),
      );
      // A start is the page's own call (from a caller's number to the bot's number) with none to three fields
      // changed: another number, a flow or instance id, a language, a field the API does not know, or one left out.
      const startField = fc.oneof(
        fc.record({ field: fc.constantFrom('from', 'phoneNumber'), value: phone }),
        fc.record({ field: fc.constant('contactFlowId'), value: fc.oneof(fc.constant(contactFlowId), nastyString) }),
        fc.record({ field: fc.constant('instanceId'), value: fc.oneof(fc.constant(instanceId), nastyString) }),
        fc.record({
          field: fc.constant('languageCode'),
          value: fc.oneof(fc.constantFrom('en-US', 'en-GB', 'fr-FR', 'EN-us'), nastyString),
        }),
        fc.record({ field: fc.constantFrom('callerName', '__proto__', 'from '), value: nastyString }),
        fc.record({
          field: fc.constantFrom('from', 'phoneNumber', 'languageCode'),
          value: fc.constantFrom(undefined, null, 42, ['+12065550123'], {}),
        }),
      );
      const start = fc.array(startField, { maxLength: 3 }).map((changes) => {
        const body: Record<string, unknown> = { from: '+12065550123', phoneNumber: simulator.phoneNumber };
        for (const c of changes) {
          if (c.value === undefined) delete body[c.field];
          else body[c.field] = c.value;
        }
        return body;
      });
      const step = fc.record({
        action: fc.constantFrom('say', 'say', 'say', 'get', 'hang-up'),
        contactId: fc.oneof(fc.constant('own'), fc.constant('own'), fc.constant('own'), nastyString),
        text: utterance,
        shape: fc.integer({ min: 0, max: 19 }),
      });
      const scripts = fc.sample(
        fc.record({
          start,
          // One call in five is raw: not JSON, not an object, or its fields of the wrong type.
          raw: fc.oneof(
            { weight: 4, arbitrary: fc.constant(null) },
            {
              weight: 1,
              arbitrary: fc.constantFrom(
                '{',
                'null',
                '[]',
                '42',
                '"text"',
                '{"from":42}',
                '{"from":null}',
                '{"from":["+12065550123"]}',
              ),
            },
          ),
          steps: fc.array(step, { maxLength: 4 }),
        }),
        { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
      );
      const problems = createProblemLog();
      const done = timed('call simulator');
      let requests = 0;
      let turns = 0;

      // Act
      for (const [n, script] of scripts.entries()) {
        if (requests >= FUZZ_RUNS) break;
        const body = script.start;
        const label = `call ${n} ${JSON.stringify(script.raw ?? body).slice(0, 300)}`;
        recorder.begin();
        const started = await request('/calls', script.raw === null ? body : undefined, script.raw ?? undefined);
        requests += 1;
        problems.add(label, callAnswerProblems(started, [...START_FIELDS, ...Object.keys(body)]));
        problems.add(label, await recorder.check(recorder.end(), started.status >= 400));
        const call = started.json?.call;
        if (started.status === 201 && !call?.contactId) problems.add(label, ['started, but no contactId']);
        for (const s of script.steps) {
          const id = s.contactId === 'own' && call ? call.contactId : s.contactId;
          const path = `/calls/${encodeURIComponent(id)}`;
          const stepLabel = `${label} then ${s.action} ${JSON.stringify({ id, text: s.text }).slice(0, 200)}`;
          recorder.begin();
          const answer =
            s.action === 'get'
              ? await request(path)
              : s.action === 'hang-up'
                ? await request(`${path}/hang-up`, {})
                : await request(`${path}/say`, s.shape === 0 ? { text: 42 } : s.shape === 1 ? {} : { text: s.text });
          requests += 1;
          if (s.action === 'say' && answer.status === 200) turns += 1;
          problems.add(stepLabel, callAnswerProblems(answer, s.action === 'say' ? ['text', 'body'] : []));
          problems.add(stepLabel, await recorder.check(recorder.end(), answer.status >= 400));
          // The bot's answer to the caller: no fault transfer, no Lex failure taken as the flow's error branch.
          const view = answer.json?.call;
          if (view) {
            if (view.attributes?.transferReason === 'FAULT')
              problems.add(stepLabel, ['the code hook failed: the caller was transferred on a fault']);
            const lexFailed = (view.trace ?? []).find(
              (t) => t.type === 'ConnectParticipantWithLexBot' && t.result.startsWith('NoMatchingError'),
            );
            if (lexFailed && (body.languageCode ?? 'en-US') === 'en-US')
              problems.add(stepLabel, [`the bot failed: ${lexFailed.result.slice(0, 300)}`]);
          }
        }
      }
      done(requests);

      // Assess
      console.info(`fuzz: call simulator ${requests} requests, ${turns} turns heard by the bot`);
      expect(requests).toBeGreaterThanOrEqual(FUZZ_RUNS);
      expect(problems.kept, `${problems.total} problems; ${faultsLogged()}`).toEqual([]);
      expect(turns).toBeGreaterThan(0);
    },
    TIMEOUT_MS,
  );

  it(
    'leaves every booking, feedback item and idempotency record whole',
    async () => {
      // Act
      await stack.flushChangeFeed();
      const { problems, counted } = await checkAllItems(stack.doc, stack.tables, stack.deps.calendar);

      // Assess
      console.info(
        `fuzz: tables after the run ${JSON.stringify(counted)}; writes ${JSON.stringify(recorder.counts())}`,
      );
      expect(problems.slice(0, 20)).toEqual([]);
    },
    TIMEOUT_MS,
  );
});

/** The faults the stack's services logged (the telemetry file), to tell what an InternalFailure hid. */
function faultsLogged(): string {
  const lines = readFileSync(stack.telemetryFile, 'utf8').split('\n');
  return lines
    .filter((l) => l.includes('"level":"ERROR"'))
    .slice(0, 3)
    .map((l) => l.slice(0, 600))
    .join('\n');
}

/** The fields of a call's start: a refusal may name any of them (a missing from, "contactFlowId or phoneNumber"). */
const START_FIELDS = ['from', 'phoneNumber', 'contactFlowId', 'instanceId', 'languageCode', 'body'];

type CallAnswer = {
  error?: string;
  message?: string;
  field?: string;
  heard?: unknown[];
  call?: {
    contactId: string;
    instanceId: string;
    contactFlowId: string;
    state: string;
    attributes?: Record<string, string>;
    transcript?: { speaker: string; text: string }[];
    trace?: { action: string; type: string; result: string }[];
  };
};

/**
 * What is wrong with an answer of the call API: a server failure, a refusal without a code and a message (a
 * ValidationError naming none of `names`), a stack trace, or a call view that is not one (a transcript line that
 * says undefined, a state the page does not know).
 */
function callAnswerProblems(answer: { status: number; text: string; json?: CallAnswer }, names: string[]): string[] {
  const { status, json } = answer;
  if (status >= 500) return [`HTTP ${status}: ${answer.text.slice(0, 300)}`];
  // A path beyond Node's 16 KB header limit (a contact id of thousands of characters) is refused by the HTTP
  // parser before any handler runs, with the standard status and no body: the client is told what was too big.
  if (status === 431 || status === 414) return [];
  if (!json) return [`HTTP ${status} without a JSON body: ${answer.text.slice(0, 200)}`];
  if (status >= 400) {
    if (!json.error) return [`HTTP ${status} without an error code: ${answer.text.slice(0, 200)}`];
    return answerProblems(
      [{ errorType: json.error, message: json.message }],
      json.error === 'ValidationError' ? names : [],
    );
  }
  const problems: string[] = [];
  const call = json.call;
  if (!call || !['IN_BOT', 'QUEUED', 'DISCONNECTED'].includes(call.state))
    problems.push(`HTTP ${status} without a call: ${answer.text.slice(0, 200)}`);
  for (const line of [...(json.heard ?? []), ...(call?.transcript ?? []).map((t) => t.text)]) {
    if (typeof line !== 'string' || /undefined|NaN|\[object Object\]|Invalid Date/.test(line))
      problems.push(`says ${JSON.stringify(line).slice(0, 200)}`);
  }
  return problems;
}

/** A Lex V2 answer the contact flow can play: a known action, a slot of the intent, SSML that parses, no fault. */
function lexResultProblems(result: LexV2Result): string[] {
  const problems: string[] = [];
  const action = result.sessionState?.dialogAction;
  const attributes = (result.sessionState?.sessionAttributes ?? {}) as Record<string, string>;
  if (!action || !['ElicitSlot', 'ConfirmIntent', 'ElicitIntent', 'Close', 'Delegate'].includes(action.type))
    problems.push(`dialog action ${JSON.stringify(action)}`);
  if (attributes.transferReason === 'FAULT')
    problems.push('the code hook failed: the caller was transferred on a fault');
  if (action?.type === 'ElicitSlot') {
    const intent = BOT_DEFINITION.intents.find((i) => i.name === result.sessionState.intent?.name);
    if (!intent?.slots.some((s) => s.name === action.slotToElicit))
      problems.push(`elicits ${String(action.slotToElicit)}, not a slot of ${result.sessionState.intent?.name}`);
  }
  for (const m of result.messages ?? []) {
    const content = 'content' in m ? (m.content ?? '') : '';
    if (!/^<speak>[\s\S]*<\/speak>$/.test(content)) problems.push(`not SSML: ${content.slice(0, 200)}`);
    const text = content.replace(/<\/?[a-z-]+(?:\s+[a-z-]+="[^"<>]*")*\s*\/?>/g, '');
    if (/[<>]/.test(text) || /&(?!(?:amp|lt|gt|quot|apos);)/.test(text))
      problems.push(`SSML that does not parse: ${content.slice(0, 300)}`);
    if (/undefined|NaN|\[object Object\]|Invalid Date/.test(text)) problems.push(`says ${text.slice(0, 200)}`);
    if (content.length > 6_000) problems.push(`a ${content.length}-character message`);
  }
  return problems;
}
