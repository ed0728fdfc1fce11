// The authorization matrix (issue 13): every GraphQL operation of the deployed schema and every partner MCP tool,
// called by every kind of caller on its own object and on another's, against one local stack with real tokens.
// The expected answers are declared once, in amplify/data/authorization-matrix.ts; an operation or tool without a
// row there fails here. Mutations get inputs that succeed for an allowed caller, so a denial is the authorization.
import { readFileSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kind, parse, type ObjectTypeDefinitionNode } from 'graphql';
import WebSocket from 'ws';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ErrorCode, McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import {
  GRAPHQL_AUTHORIZATION_MATRIX,
  MCP_TOOL_AUTHORIZATION_MATRIX,
  type Answer,
  type GraphQLRow,
  type McpOutcome,
  type Outcome,
} from '../../amplify/data/authorization-matrix';
import { PARTNER_OPERATIONS } from '../../src/api/partner-operations';
import { addDays } from '../../src/core/business-calendar';
import { PARTNER_SCOPES, type PartnerScope } from '../../src/core/model';
import { generateReference } from '../../src/core/reference';
import { seededRandom } from '../../src/core/seeded-random';
import { signedPostHeaders } from '../../src/data/signed-post';
import { LOCAL_MCP_SERVICE } from '../../src/local/appsync';
import { LOCAL_CREDENTIALS } from '../../src/local/dynamodb/local-dynamo';
import type { Stack } from '../../src/local/stack';
import * as operations from '../../src/generated/graphql';
import { PARTNER_TOOLS } from '../../mcp-server/src/tools';
import { signedGql } from '../support/signed-gql';
import {
  accessTokenFor,
  bookingInput as newBookingInput,
  companyDay,
  gql,
  startTestStack,
  tomorrowAt,
  type GraphQLResult,
} from '../support/test-stack';

type Target = 'own' | 'other';
type Row = GraphQLRow;
type OperationKey = keyof typeof GRAPHQL_AUTHORIZATION_MATRIX;
type Vars = Record<string, unknown>;

/** Courier-07 and Acme own family A's objects; courier-08 and Globex family B's. */
type Family = {
  courierId: string;
  courierEmail: string;
  partnerId: string;
  /** BOOKED by the family's partner, assigned to its courier. */
  booked: string;
  /** DELIVERED by the family's courier, with feedback. */
  delivered: string;
};

const CONCURRENCY = 8;
/** A well-formed reference (check character included) that no booking has: set in beforeAll. */
let MISSING_REFERENCE = '';
const MISSING: Family = {
  courierId: 'courier-99',
  courierEmail: 'nobody@example.com',
  partnerId: 'nobody',
  booked: '',
  delivered: '',
};

let stack: Stack;
let mcpUrl: string;
let family: Record<Target, Family>;
let tokens: {
  all: Record<Target, string>;
  only: Record<PartnerScope, string>;
  without: Record<PartnerScope, string>;
};
let adminToken: string;
let connectInstanceId: string;
let deploymentId: string;
let from: string;
let to: string;
/** The customers of each family's fixtures: an answer to family A that names family B's has leaked. */
const fixtureNames = { own: 'Ada Own-Family', other: 'Bo Other-Family' } as const;
/** The customer of bookings the cells make (always the caller's own, whatever the target). */
const CELL_CUSTOMER = 'Cy Cell-Booking';

// ---- calling GraphQL as each kind of caller ----

type CallerKind =
  | 'anonymous'
  | 'apiKey'
  | 'admin'
  | 'courier'
  | 'partnerUser'
  | 'partnerToken'
  | 'partnerTokenOnlyScope'
  | 'partnerTokenWithoutScope'
  | 'mcpService'
  | 'mcpServiceWithoutScope'
  | 'mcpServiceAlone'
  | 'backendService';

const OWNING: ReadonlySet<CallerKind> = new Set([
  'courier',
  'partnerUser',
  'partnerToken',
  'partnerTokenOnlyScope',
  'partnerTokenWithoutScope',
  'mcpService',
  'mcpServiceWithoutScope',
]);
const CALLER_KINDS: readonly CallerKind[] = [
  'anonymous',
  'apiKey',
  'admin',
  'courier',
  'partnerUser',
  'partnerToken',
  'partnerTokenOnlyScope',
  'partnerTokenWithoutScope',
  'mcpService',
  'mcpServiceWithoutScope',
  'mcpServiceAlone',
  'backendService',
];

/** Columns that differ from partnerToken / mcpService only by the token's scopes. */
const SCOPE_VARIANTS: ReadonlySet<CallerKind> = new Set([
  'partnerTokenOnlyScope',
  'partnerTokenWithoutScope',
  'mcpServiceWithoutScope',
]);

const answerFor = (answer: Answer, target: Target): Outcome => (typeof answer === 'string' ? answer : answer[target]);

/** The declared outcome of one cell, with the derived columns documented in the matrix module. */
function expected(row: Row, kind: CallerKind, target: Target): Outcome {
  switch (kind) {
    case 'anonymous':
      return 'unauthenticated';
    case 'apiKey':
    case 'admin':
    case 'courier':
    case 'partnerUser':
    case 'backendService':
      return answerFor(row[kind], target);
    case 'partnerToken':
    case 'partnerTokenOnlyScope':
    case 'mcpService':
      return answerFor(row.partnerToken, target);
    case 'partnerTokenWithoutScope':
    case 'mcpServiceWithoutScope':
      return row.scope ? 'forbidden' : answerFor(row.partnerToken, target);
    case 'mcpServiceAlone':
      return row.scope ? 'forbidden' : 'unauthorized';
  }
}

/** The partner token a cell uses: Acme's (own target or not: the object decides own/other). */
function tokenOf(kind: CallerKind, row: Row): string {
  const scope: PartnerScope = row.scope ?? 'bookings:read';
  if (kind === 'partnerTokenOnlyScope') return tokens.only[scope];
  if (kind === 'partnerTokenWithoutScope' || kind === 'mcpServiceWithoutScope') return tokens.without[scope];
  return tokens.all.own;
}

async function callAs(kind: CallerKind, row: Row, query: string, variables: Vars): Promise<GraphQLResult> {
  const tokenId = (token: string) => ({ 'x-courier-partner-token-id': token.split('_')[1]! });
  switch (kind) {
    case 'anonymous':
      return gql(stack, { anonymous: true }, query, variables);
    case 'apiKey':
      return gql(stack, { apiKey: stack.apiKey }, query, variables);
    case 'admin':
      return gql(stack, { token: adminToken }, query, variables);
    case 'courier':
      return gql(stack, { token: await accessTokenFor(stack, family.own.courierEmail) }, query, variables);
    case 'partnerUser':
      return gql(stack, { token: await accessTokenFor(stack, 'partner@example.com') }, query, variables);
    case 'partnerToken':
    case 'partnerTokenOnlyScope':
    case 'partnerTokenWithoutScope':
      return gql(stack, { token: tokenOf(kind, row) }, query, variables);
    case 'mcpService':
    case 'mcpServiceWithoutScope':
      return signedGql(stack, LOCAL_MCP_SERVICE, query, variables, tokenId(tokenOf(kind, row)));
    case 'mcpServiceAlone':
      return signedGql(stack, LOCAL_MCP_SERVICE, query, variables);
    case 'backendService':
      return signedGql(stack, LOCAL_CREDENTIALS, query, variables);
  }
}

// ---- subscriptions: started over the real-time protocol with the same credentials ----

async function signedHeaders(
  credentials: { accessKeyId: string; secretAccessKey: string },
  path: string,
  body: string,
  extra: Record<string, string> = {},
): Promise<Record<string, string>> {
  const url = new URL(stack.graphqlUrl);
  const signer = new SignatureV4({ service: 'appsync', region: stack.region, credentials, sha256: Sha256 });
  return signedPostHeaders(signer, url, { 'content-type': 'application/json', ...extra }, body, path);
}

async function realtimeHeaders(kind: CallerKind, row: Row, path: string, body: string) {
  const host = new URL(stack.graphqlUrl).host;
  const tokenId = (token: string) => ({ 'x-courier-partner-token-id': token.split('_')[1]! });
  switch (kind) {
    case 'anonymous':
      return { host };
    case 'apiKey':
      return { host, 'x-api-key': stack.apiKey };
    case 'admin':
      return { host, Authorization: adminToken };
    case 'courier':
      return { host, Authorization: await accessTokenFor(stack, family.own.courierEmail) };
    case 'partnerUser':
      return { host, Authorization: await accessTokenFor(stack, 'partner@example.com') };
    case 'partnerToken':
    case 'partnerTokenOnlyScope':
    case 'partnerTokenWithoutScope':
      return { host, Authorization: tokenOf(kind, row) };
    case 'mcpService':
    case 'mcpServiceWithoutScope':
      return signedHeaders(LOCAL_MCP_SERVICE, path, body, tokenId(tokenOf(kind, row)));
    case 'mcpServiceAlone':
      return signedHeaders(LOCAL_MCP_SERVICE, path, body);
    case 'backendService':
      return signedHeaders(LOCAL_CREDENTIALS, path, body);
  }
}

type Answered = { status: number; data?: unknown; errorType?: string; message?: string };

async function subscribeAs(kind: CallerKind, row: Row, query: string, variables: Vars): Promise<Answered> {
  const graphqlPath = new URL(stack.graphqlUrl).pathname;
  const data = JSON.stringify({ query, variables });
  const handshake = await realtimeHeaders(kind, row, `${graphqlPath}/connect`, '{}');
  const start = await realtimeHeaders(kind, row, graphqlPath, data);
  const header = Buffer.from(JSON.stringify(handshake)).toString('base64url');
  const ws = new WebSocket(stack.realtimeUrl, ['graphql-ws', `header-${header}`]);
  try {
    return await new Promise<Answered>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer to the subscription within 10 s')), 10_000);
      const done = (a: Answered) => {
        clearTimeout(timer);
        resolve(a);
      };
      ws.on('error', reject);
      ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init' })));
      ws.on('message', (raw) => {
        const msg = JSON.parse(raw.toString()) as {
          type: string;
          payload?: { errors?: { errorType?: string; message?: string; errorCode?: number }[] };
        };
        const error = msg.payload?.errors?.[0];
        if (msg.type === 'connection_ack') {
          ws.send(JSON.stringify({ id: '1', type: 'start', payload: { data, extensions: { authorization: start } } }));
        } else if (msg.type === 'start_ack') {
          done({ status: 200, data: {} });
        } else if (msg.type === 'connection_error') {
          done({ status: error?.errorCode ?? 401, errorType: error?.errorType, message: error?.message });
        } else if (msg.type === 'error') {
          done({ status: 200, errorType: error?.errorType, message: error?.message });
        }
      });
    });
  } finally {
    ws.close();
  }
}

// ---- what each operation is called with ----

type CellContext = { kind: CallerKind; target: Target; fam: Family; fresh: boolean };
type OperationInput = {
  /** Variables for the cell; `fresh` is true when the caller is expected to succeed and may change the object. */
  vars(ctx: CellContext): Vars | Promise<Vars>;
  /** Family fields the not-found comparison swaps for ones that do not exist. */
  missing?: (ctx: CellContext) => Vars | Promise<Vars>;
  /** The operation names no courier's or partner's object: one cell per caller instead of own and other. */
  objectless?: boolean;
  /** Cells that must not overlap (global state, e.g. the local fault switch of the provisioning engine). */
  serial?: boolean;
};

const isCourierKind = (k: CallerKind) => k === 'courier';
const isPartnerKind = (k: CallerKind) => k.startsWith('partner') || k.startsWith('mcp');
const range = () => ({ from, to });
const ranged = () => ({ ...range(), granularity: 'DAY' });

async function asAdmin<T = Record<string, unknown>>(query: string, variables: Vars = {}): Promise<T> {
  const r = await gql<T>(stack, { token: adminToken }, query, variables);
  if (r.errors?.length) throw new Error(`fixture call failed: ${JSON.stringify(r.errors)}`);
  return r.data as T;
}

const bookingInput = (name: string): Vars => newBookingInput(stack, { customerName: name });

/** A booking of the family's partner, assigned to its courier, made through the API as they would. */
async function newBooking(target: Target): Promise<string> {
  const fam = family[target];
  const r = await gql<{ bookCourier: { reference: string } }>(
    stack,
    { token: tokens.all[target] },
    operations.bookCourier,
    bookingInput(fixtureNames[target]),
  );
  if (r.errors?.length) throw new Error(`fixture booking failed: ${JSON.stringify(r.errors)}`);
  const reference = r.data!.bookCourier.reference;
  await asAdmin(operations.assignCourier, { reference, courierId: fam.courierId });
  return reference;
}

async function deliver(target: Target, reference: string): Promise<void> {
  const courier = { token: await accessTokenFor(stack, family[target].courierEmail) };
  for (const status of ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED']) {
    const r = await gql(stack, courier, operations.updateDeliveryStatus, {
      reference,
      status,
      lat: 47.65,
      lng: -122.34,
      ...(status === 'DELIVERED' ? { recipientName: 'Ada Recipient' } : {}),
    });
    if (r.errors?.length) throw new Error(`fixture delivery failed at ${status}: ${JSON.stringify(r.errors)}`);
  }
}

async function arm(fault: Record<string, unknown>) {
  const res = await fetch(`${stack.gatewayUrl}/_local/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
  if (!res.ok) throw new Error(`could not arm the fault: ${res.status}`);
}
const FAIL_PROVISIONING = {
  service: 'iam',
  status: 400,
  code: 'AccessDenied',
  message: 'Denied by the authorization matrix test',
  times: 1,
};

const FINISHED = ['FAILED', 'SUCCEEDED', 'ROLLED_BACK'];

/**
 * Waits for every deployment an earlier cell started (an allowed start, retry or rollback runs on in the
 * background) to finish, so a fixture's own start is not refused as "still running" — one run per bot, by design.
 */
async function idle(): Promise<void> {
  const { listDeployments } = await asAdmin<{ listDeployments: { items: { id: string; status: string }[] } }>(
    operations.listDeployments,
    { limit: 20 },
  );
  for (const d of listDeployments.items) if (!FINISHED.includes(d.status)) await settled(d.id);
}

async function failedDeployment(): Promise<string> {
  await idle();
  await arm(FAIL_PROVISIONING);
  const started = await asAdmin<{ startDeployment: { id: string } }>(operations.startDeployment, {
    settings: { instanceId: connectInstanceId },
  });
  return settled(started.startDeployment.id);
}

async function settled(id: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const d = await asAdmin<{ getDeployment: { status: string } }>(operations.getDeployment, { id });
    if (FINISHED.includes(d.getDeployment.status)) return id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`deployment ${id} did not settle`);
}

const byCallerFilter = ({ kind, fam }: CellContext): Vars =>
  isCourierKind(kind) ? { courierId: fam.courierId } : isPartnerKind(kind) ? { partnerId: fam.partnerId } : {};

const INPUTS: Record<OperationKey, OperationInput> = {
  'Query.me': { vars: () => ({}), objectless: true },
  'Query.trackBooking': { vars: ({ fam }) => ({ reference: fam.booked }) },
  'Query.getBooking': { vars: ({ fam }) => ({ reference: fam.booked }) },
  // The fixtures' pickup day, so a list that leaked the other family's bookings would show them.
  'Query.listBookings': { vars: (c) => ({ ...byCallerFilter(c), day: addDays(to, 1), limit: 100 }) },
  'Query.listFeedback': {
    vars: ({ kind, fam }) =>
      isCourierKind(kind) ? { courierId: fam.courierId, limit: 100 } : { bookingReference: fam.delivered },
  },
  'Query.sentMessages': { vars: () => ({ limit: 5 }), objectless: true },
  'Query.adminNotices': { vars: () => ({ limit: 5 }), objectless: true },
  'Query.listCouriers': { vars: () => ({ limit: 5 }), objectless: true },
  'Query.dashboard': { vars: () => ({}), objectless: true },
  'Query.listStatusEvents': { vars: ({ fam }) => ({ partnerId: fam.partnerId, limit: 100 }) },
  'Query.listPartners': { vars: () => ({}), objectless: true },
  'Query.getPartner': { vars: ({ fam }) => ({ id: fam.partnerId }) },
  'Query.listPartnerTokens': { vars: ({ fam }) => ({ partnerId: fam.partnerId }) },
  'Query.listAuditEntries': { vars: ({ fam }) => ({ partnerId: fam.partnerId, limit: 5 }) },
  'Query.listConnectInstances': { vars: () => ({}), objectless: true },
  'Query.listConnectQueues': { vars: () => ({ instanceId: connectInstanceId }), objectless: true },
  'Query.planDeployment': { vars: () => ({ settings: { instanceId: connectInstanceId } }), objectless: true },
  'Query.getDeployment': { vars: () => ({ id: deploymentId }), objectless: true },
  'Query.listDeployments': { vars: () => ({ limit: 5 }), objectless: true },
  'Query.botPrompts': { vars: () => ({}), objectless: true },
  'Query.companySettings': { vars: () => ({}), objectless: true },
  'Query.requiredProof': { vars: () => ({}), objectless: true },
  'Query.settingsChanges': { vars: () => ({ limit: 5 }), objectless: true },
  'Query.proofImages': { vars: ({ fam }) => ({ reference: fam.delivered }) },
  'Query.getCourier': { vars: ({ fam }) => ({ id: fam.courierId }) },
  'Query.analyticsVolumes': { vars: ranged, objectless: true },
  'Query.analyticsRegions': { vars: range, objectless: true },
  'Query.analyticsFeedback': { vars: ranged, objectless: true },
  'Query.analyticsFeedbackComments': { vars: range, objectless: true },
  'Query.analyticsRoutes': { vars: range, objectless: true },
  'Query.analyticsHeatMap': { vars: range, objectless: true },
  'Query.serviceAlerts': { vars: () => ({ day: to }), objectless: true },
  'Query.alertSettings': { vars: () => ({}), objectless: true },
  'Query.executiveSummaries': { vars: () => ({}), objectless: true },
  'Query.analyticsBot': { vars: ranged, objectless: true },
  'Query.analyticsLex': { vars: range, objectless: true },
  'Query.analyticsFleet': { vars: range, objectless: true },
  'Query.partnerAnalytics': { vars: ({ fam }) => ({ ...range(), partnerId: fam.partnerId }) },
  'Query.courierPerformance': { vars: ({ fam }) => ({ ...ranged(), courierId: fam.courierId }) },
  'Query.rateCard': { vars: () => ({}), objectless: true },
  'Query.courierEarnings': { vars: ({ fam }) => ({ ...range(), courierId: fam.courierId }) },
  'Query.courierSuggestions': { vars: ({ fam }) => ({ ...range(), courierId: fam.courierId }) },
  'Query.courierDeliveryHistory': { vars: ({ fam }) => ({ courierId: fam.courierId, limit: 5 }) },
  'Query.courierFeedback': { vars: ({ fam }) => ({ courierId: fam.courierId, limit: 5 }) },
  'Query.suggestedSequence': { vars: ({ fam }) => ({ courierId: fam.courierId }) },

  'Mutation.setDeliverySequence': {
    vars: async ({ fam }) => {
      const s = await asAdmin<{ suggestedSequence: { stops: { reference: string; kind: string }[] } }>(
        operations.suggestedSequence,
        { courierId: fam.courierId },
      );
      const stops = s.suggestedSequence.stops.map(({ reference, kind }) => ({ reference, kind }));
      return { stops, courierId: fam.courierId };
    },
    serial: true,
  },
  'Mutation.resetDeliverySequence': { vars: ({ fam }) => ({ courierId: fam.courierId }), serial: true },
  'Mutation.bookCourier': {
    vars: (c) => ({
      ...bookingInput(CELL_CUSTOMER),
      ...(isPartnerKind(c.kind) ? { partnerId: c.fam.partnerId } : {}),
      idempotencyKey: randomUUID(),
    }),
  },
  'Mutation.updateCompanySettings': {
    vars: async () => {
      const { companySettings: s } = await asAdmin<{ companySettings: Record<string, unknown> }>(
        operations.companySettings,
      );
      const { version, timeZone: _zone, updatedAt: _at, updatedBy: _by, ...rules } = s;
      return { rules, expectedVersion: version };
    },
    objectless: true,
    serial: true,
  },
  'Mutation.setRateCard': {
    vars: async () => {
      const { rateCard } = await asAdmin<{
        rateCard: { version: number; inForce: { rates: Record<string, unknown> } };
      }>(operations.rateCard);
      return {
        rates: rateCard.inForce.rates,
        effectiveFrom: addDays(companyDay(stack), 7),
        expectedVersion: rateCard.version,
      };
    },
    objectless: true,
    serial: true,
  },
  'Mutation.assignCourier': {
    vars: async ({ target, fam, fresh }) => ({
      reference: fresh ? await newBooking(target) : fam.booked,
      courierId: fam.courierId,
    }),
  },
  'Mutation.updateDeliveryStatus': {
    vars: async ({ target, fam, fresh }) => ({
      reference: fresh ? await newBooking(target) : fam.booked,
      status: 'COLLECTED',
      lat: 47.61,
      lng: -122.33,
    }),
  },
  'Mutation.requestProofUpload': {
    vars: ({ fam }) => ({ reference: fam.booked, kind: 'PHOTO', contentType: 'image/jpeg' }),
  },
  'Mutation.updateCourierLocation': { vars: () => ({ lat: 47.62, lng: -122.35 }), objectless: true },
  'Mutation.submitFeedback': {
    vars: ({ fam }) => ({ bookingReference: fam.delivered, type: 'FEEDBACK', rating: 5, text: 'Quick and kind.' }),
  },
  'Mutation.generateExecutiveSummary': { vars: () => ({ week: from }), objectless: true },
  'Mutation.updateAlertSettings': {
    vars: async () => {
      const { alertSettings: s } = await asAdmin<{ alertSettings: Record<string, number> }>(operations.alertSettings);
      return {
        complaintRateThreshold: s.complaintRateThreshold,
        minFeedback: s.minFeedback,
        lateGraceMinutes: s.lateGraceMinutes,
        expectedVersion: s.version,
      };
    },
    objectless: true,
    serial: true,
  },
  'Mutation.cancelBooking': {
    vars: async ({ target, fam, fresh }) => ({ reference: fresh ? await newBooking(target) : fam.booked }),
  },
  'Mutation.updatePickupWindow': {
    vars: async ({ target, fam, fresh }) => ({
      reference: fresh ? await newBooking(target) : fam.booked,
      pickupWindowStart: tomorrowAt(stack, 14),
      pickupWindowEnd: tomorrowAt(stack, 16),
    }),
  },
  'Mutation.createPartner': {
    vars: () => ({ name: `Matrix ${randomUUID().slice(0, 8)}`, contactEmail: 'ops@matrix.example' }),
    objectless: true,
  },
  'Mutation.issuePartnerToken': {
    vars: ({ fam }) => ({
      partnerId: fam.partnerId,
      name: 'matrix',
      scopes: ['bookings:read'],
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    }),
  },
  'Mutation.revokePartnerToken': {
    vars: async ({ fam, fresh }) => {
      if (!fresh) return { tokenId: tokens.all.own.split('_')[1] };
      const issued = await asAdmin<{ issuePartnerToken: { tokenInfo: { tokenId: string } } }>(
        operations.issuePartnerToken,
        {
          partnerId: fam.partnerId,
          name: 'to revoke',
          scopes: ['bookings:read'],
          expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        },
      );
      return { tokenId: issued.issuePartnerToken.tokenInfo.tokenId };
    },
  },
  'Mutation.startDeployment': {
    vars: async ({ fresh }) => {
      if (fresh) {
        await idle();
        await arm(FAIL_PROVISIONING);
      }
      return { settings: { instanceId: connectInstanceId } };
    },
    objectless: true,
    serial: true,
  },
  'Mutation.retryDeployment': {
    vars: async ({ fresh }) => {
      if (!fresh) return { id: deploymentId };
      const id = await failedDeployment();
      await arm(FAIL_PROVISIONING);
      return { id };
    },
    objectless: true,
    serial: true,
  },
  'Mutation.rollbackDeployment': {
    vars: async ({ fresh }) => ({ id: fresh ? await failedDeployment() : deploymentId }),
    objectless: true,
    serial: true,
  },
  'Mutation.publishBookingChanged': { vars: ({ fam }) => ({ reference: fam.booked }) },
  'Mutation.publishCourierMoved': {
    vars: ({ fam }) => ({ courierId: fam.courierId, lat: 47.6, lng: -122.3, at: new Date().toISOString() }),
  },
  'Mutation.publishDeploymentChanged': { vars: () => ({ id: deploymentId }), objectless: true },
  'Mutation.publishAlertRaised': { vars: () => ({ day: to, key: 'matrix' }), objectless: true },

  'Subscription.onAlertRaised': { vars: () => ({}), objectless: true },
  'Subscription.onDeploymentChanged': { vars: () => ({}), objectless: true },
  'Subscription.onBookingChanged': { vars: byCallerFilter },
  'Subscription.onCourierMoved': { vars: () => ({}), objectless: true },
};

/** For not-found cells: the same call about an object that does not exist. */
const missingContext = (ctx: CellContext): CellContext => ({ ...ctx, fam: MISSING, fresh: false });

// ---- running cells ----

type Cell = { surface: 'graphql' | 'mcp'; operation: string; kind: string; target: Target; expected: McpOutcome };
type Result = Cell & { actual: McpOutcome | string; detail: string };

function outcomeOf(a: Answered): McpOutcome | string {
  if (a.status === 401) return 'unauthenticated';
  if (a.errorType === 'UnknownTool') return 'hidden';
  if (!a.errorType) return a.data === undefined || a.data === null ? 'no data' : 'allowed';
  if (a.errorType === 'Unauthorized') return 'unauthorized';
  if (a.errorType === 'ForbiddenError') return 'forbidden';
  if (a.errorType === 'NotFoundError') return 'not-found';
  return a.errorType;
}

function answered(r: GraphQLResult, field: string): Answered {
  const error = r.errors?.[0];
  return {
    status: r.status,
    data: r.data?.[field] === undefined ? undefined : r.data,
    errorType: error?.errorType,
    message: error?.message,
  };
}

/** A denial must say what happened in words, not only a type. */
const isClear = (message: string | undefined) => !!message && message.length >= 12 && !/\bat .*\.ts:\d+/.test(message);

async function runGraphQLCell(key: OperationKey, kind: CallerKind, target: Target, cell: Cell): Promise<Result> {
  const row = GRAPHQL_AUTHORIZATION_MATRIX[key] as Row;
  const [type, field] = key.split('.') as [string, string];
  const query = (operations as unknown as Record<string, string>)[field]!;
  const input = INPUTS[key];
  const ctx: CellContext = { kind, target, fam: family[target], fresh: cell.expected === 'allowed' };
  const call = async (c: CellContext) => {
    const variables = await input.vars(c);
    return type === 'Subscription'
      ? subscribeAs(kind, row, query, variables)
      : answered(await callAs(kind, row, query, variables), field);
  };
  const a = await call(ctx);
  const actual = outcomeOf(a);
  const detail = a.message ?? '';
  if (actual !== cell.expected) return { ...cell, actual, detail };
  if (actual === 'forbidden' || actual === 'unauthorized') {
    if (!isClear(a.message)) return { ...cell, actual: 'unclear denial', detail };
  }
  if (actual === 'not-found') {
    // Indistinguishable from a reference that does not exist: same type, same message but for the reference.
    const missing = await call(missingContext(ctx));
    const own = (a.message ?? '').replaceAll(ctx.fam.booked, '<ref>').replaceAll(ctx.fam.delivered, '<ref>');
    const none = (missing.message ?? '').replaceAll(MISSING_REFERENCE, '<ref>');
    const normalise = (m: string, id: string) => m.replaceAll(id, '<id>');
    if (missing.errorType !== a.errorType || normalise(own, ctx.fam.courierId) !== normalise(none, MISSING.courierId)) {
      return { ...cell, actual: 'distinguishable not-found', detail: `${a.message} | missing: ${missing.message}` };
    }
  }
  if (actual === 'allowed' && target === 'own' && OWNING.has(kind)) {
    // An answer about one's own objects carries nothing of the other family's.
    const text = JSON.stringify(a.data);
    const foreign = [fixtureNames.other, family.other.booked, family.other.delivered].filter((s) => text.includes(s));
    if (foreign.length > 0) return { ...cell, actual: 'leak', detail: `contains ${foreign.join(', ')}` };
  }
  return { ...cell, actual, detail };
}

// ---- MCP tools ----

const mcpClients: Client[] = [];
const mcpClientCache = new Map<string, Promise<Client>>();

function mcpClient(token: string): Promise<Client> {
  let client = mcpClientCache.get(token);
  if (!client) {
    client = (async () => {
      const c = new Client({ name: 'authorization-matrix', version: '1.0.0' });
      await c.connect(
        new StreamableHTTPClientTransport(new URL(mcpUrl), {
          requestInit: { headers: { authorization: `Bearer ${token}` } },
        }),
      );
      mcpClients.push(c);
      return c;
    })();
    mcpClientCache.set(token, client);
  }
  return client;
}

type ToolName = keyof typeof MCP_TOOL_AUTHORIZATION_MATRIX;
type ToolKind = 'anonymous' | 'partnerToken' | 'partnerTokenOnlyScope' | 'partnerTokenWithoutScope';
const TOOL_KINDS: readonly ToolKind[] = [
  'anonymous',
  'partnerToken',
  'partnerTokenOnlyScope',
  'partnerTokenWithoutScope',
];

const TOOL_INPUTS: Record<ToolName, (fam: Family, fresh: boolean, target: Target) => Vars | Promise<Vars>> = {
  book_courier: () => {
    const { package: parcel, ...rest } = bookingInput(CELL_CUSTOMER);
    return { ...rest, package: { ...(parcel as Vars), handling: [] }, idempotencyKey: randomUUID() };
  },
  track_booking: (fam) => ({ reference: fam.booked }),
  get_booking: (fam) => ({ reference: fam.booked }),
  list_bookings: () => ({ day: addDays(to, 1), limit: 100 }),
  cancel_booking: async (fam, fresh, target) => ({ reference: fresh ? await newBooking(target) : fam.booked }),
  update_pickup_window: async (fam, fresh, target) => ({
    reference: fresh ? await newBooking(target) : fam.booked,
    pickupWindowStart: tomorrowAt(stack, 13),
    pickupWindowEnd: tomorrowAt(stack, 15),
  }),
  submit_feedback: (fam) => ({ bookingReference: fam.delivered, type: 'FEEDBACK', rating: 4, text: 'Fine.' }),
  list_status_events: () => ({ limit: 100 }),
};

function toolAnswer(r: CallToolResult): Answered {
  if (!r.isError) return { status: 200, data: r.structuredContent ?? r.content };
  const error = (r.structuredContent as { error?: { type?: string; message?: string } } | undefined)?.error;
  return { status: 200, errorType: error?.type ?? 'ToolError', message: error?.message ?? JSON.stringify(r.content) };
}

async function callTool(kind: ToolKind, scope: PartnerScope, name: string, args: Vars): Promise<Answered> {
  if (kind === 'anonymous') {
    const res = await fetch(mcpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name, arguments: args } }),
    });
    return { status: res.status, message: res.headers.get('www-authenticate') ?? '' };
  }
  const token =
    kind === 'partnerToken'
      ? tokens.all.own
      : kind === 'partnerTokenOnlyScope'
        ? tokens.only[scope]
        : tokens.without[scope];
  const client = await mcpClient(token);
  try {
    return toolAnswer((await client.callTool({ name, arguments: args })) as CallToolResult);
  } catch (e) {
    const code = e instanceof McpError ? e.code : undefined;
    return {
      status: 200,
      errorType: code === ErrorCode.MethodNotFound ? 'UnknownTool' : `McpError ${code ?? ''}`.trim(),
      message: (e as Error).message,
    };
  }
}

async function runToolCell(name: ToolName, kind: ToolKind, target: Target, cell: Cell): Promise<Result> {
  const row = MCP_TOOL_AUTHORIZATION_MATRIX[name];
  const fam = family[target];
  const args = await TOOL_INPUTS[name](fam, cell.expected === 'allowed', target);
  const a = await callTool(kind, row.scope, name, args);
  const actual = outcomeOf(a);
  if (actual !== cell.expected) return { ...cell, actual, detail: a.message ?? '' };
  if ((actual === 'forbidden' || actual === 'unauthenticated') && !isClear(a.message)) {
    return { ...cell, actual: 'unclear denial', detail: a.message ?? '' };
  }
  if (actual === 'hidden') {
    // Neither listed nor told apart from a tool that does not exist.
    const client = await mcpClient(tokens.without[row.scope]);
    const listed = (await client.listTools()).tools.some((t) => t.name === name);
    const unknown = await callTool(kind, row.scope, 'no_such_tool', {});
    if (listed || unknown.errorType !== a.errorType || unknown.message?.replace('no_such_tool', name) !== a.message) {
      return { ...cell, actual: 'distinguishable hidden tool', detail: `${a.message} | ${unknown.message}` };
    }
  }
  if (actual === 'not-found') {
    const missingArgs = await TOOL_INPUTS[name](MISSING, false, target);
    const missing = await callTool(kind, row.scope, name, missingArgs);
    const same =
      missing.errorType === a.errorType &&
      (missing.message ?? '').replaceAll(MISSING_REFERENCE, '<ref>') ===
        (a.message ?? '').replaceAll(fam.booked, '<ref>').replaceAll(fam.delivered, '<ref>');
    if (!same) return { ...cell, actual: 'distinguishable not-found', detail: `${a.message} | ${missing.message}` };
  }
  if (actual === 'allowed' && target === 'own') {
    const text = JSON.stringify(a.data);
    const foreign = [fixtureNames.other, family.other.booked, family.other.delivered].filter((s) => text.includes(s));
    if (foreign.length > 0) return { ...cell, actual: 'leak', detail: `contains ${foreign.join(', ')}` };
  }
  return { ...cell, actual, detail: a.message ?? '' };
}

async function runBounded<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]!();
      }
    }),
  );
  return results;
}

// ---- the schema and the tool list, enumerated ----

function schemaOperations(): string[] {
  const doc = parse(readFileSync(new URL('../../graphql/schema.graphql', import.meta.url), 'utf8'));
  return doc.definitions
    .filter(
      (d): d is ObjectTypeDefinitionNode =>
        d.kind === Kind.OBJECT_TYPE_DEFINITION && ['Query', 'Mutation', 'Subscription'].includes(d.name.value),
    )
    .flatMap((d) => (d.fields ?? []).map((f) => `${d.name.value}.${f.name.value}`));
}

async function issue(partnerId: string, scopes: readonly string[]): Promise<string> {
  const r = await asAdmin<{ issuePartnerToken: { token: string } }>(operations.issuePartnerToken, {
    partnerId,
    name: `matrix ${scopes.join(' ') || 'none'}`,
    scopes,
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    rateLimitPerMinute: 10_000,
  });
  return r.issuePartnerToken.token;
}

beforeAll(async () => {
  const started = performance.now();
  stack = await startTestStack({ mcpPort: 0 });
  const stackSeconds = ((performance.now() - started) / 1000).toFixed(1);
  mcpUrl = stack.mcpUrl!;
  adminToken = await accessTokenFor(stack, 'admin@example.com');
  to = companyDay(stack);
  const random = seededRandom(1313);
  do MISSING_REFERENCE = generateReference(random);
  while (await stack.deps.bookings.get(MISSING_REFERENCE));
  MISSING.booked = MISSING.delivered = MISSING_REFERENCE;
  from = addDays(to, -7);
  const without = (scope: PartnerScope) => PARTNER_SCOPES.filter((s) => s !== scope);
  const [acme, globex, ...scoped] = await Promise.all([
    issue('acme', PARTNER_SCOPES),
    issue('globex', PARTNER_SCOPES),
    ...PARTNER_SCOPES.map((s) => issue('acme', [s])),
    ...PARTNER_SCOPES.map((s) => issue('acme', without(s))),
  ]);
  const n = PARTNER_SCOPES.length;
  tokens = {
    all: { own: acme!, other: globex! },
    only: Object.fromEntries(PARTNER_SCOPES.map((s, i) => [s, scoped[i]!])) as Record<PartnerScope, string>,
    without: Object.fromEntries(PARTNER_SCOPES.map((s, i) => [s, scoped[n + i]!])) as Record<PartnerScope, string>,
  };
  family = {
    own: {
      courierId: 'courier-07',
      courierEmail: 'courier7@example.com',
      partnerId: 'acme',
      booked: '',
      delivered: '',
    },
    other: {
      courierId: 'courier-08',
      courierEmail: 'courier8@example.com',
      partnerId: 'globex',
      booked: '',
      delivered: '',
    },
  };
  for (const target of ['own', 'other'] as const) {
    const [booked, delivered] = await Promise.all([newBooking(target), newBooking(target)]);
    await deliver(target, delivered!);
    await asAdmin(operations.submitFeedback, {
      bookingReference: delivered,
      type: 'COMPLAINT',
      complaintCategory: 'LATE_DELIVERY',
      severity: 'LOW',
      text: `${fixtureNames[target]} says the parcel came late`,
    });
    family[target].booked = booked!;
    family[target].delivered = delivered!;
  }
  const instances = await asAdmin<{ listConnectInstances: { id: string }[] }>(operations.listConnectInstances);
  connectInstanceId = instances.listConnectInstances[0]!.id;
  deploymentId = await failedDeployment();
  console.info(
    `authorization matrix: stack ${stackSeconds} s, fixtures ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}, 120_000);

afterAll(async () => {
  await idle().catch(() => {});
  for (const c of mcpClients) await c.close().catch(() => {});
  await stack?.close();
});

describe('the authorization matrix', () => {
  it('has a declared row for every operation of the deployed schema and every MCP tool, and no other', async () => {
    // Prepare
    const client = await mcpClient(tokens.all.own);
    // Act
    const { tools } = await client.listTools();
    // Assess
    expect(Object.keys(GRAPHQL_AUTHORIZATION_MATRIX).sort()).toEqual(schemaOperations().sort());
    expect(Object.keys(INPUTS).sort()).toEqual(schemaOperations().sort());
    expect(Object.keys(MCP_TOOL_AUTHORIZATION_MATRIX).sort()).toEqual(tools.map((t) => t.name).sort());
    // An operation that names no one's object cannot answer differently for own and other.
    for (const [key, input] of Object.entries(INPUTS)) {
      if (!input.objectless) continue;
      const row = GRAPHQL_AUTHORIZATION_MATRIX[key as OperationKey] as Row;
      const split = Object.values(row).filter((answer) => typeof answer === 'object');
      expect(split, key).toEqual([]);
    }
    // The declared scopes are the API's and the tools' own.
    for (const [key, row] of Object.entries(GRAPHQL_AUTHORIZATION_MATRIX) as [string, Row][]) {
      expect(row.scope, key).toBe((PARTNER_OPERATIONS as Record<string, PartnerScope | undefined>)[key]);
    }
    for (const tool of PARTNER_TOOLS) {
      expect(MCP_TOOL_AUTHORIZATION_MATRIX[tool.name as ToolName].scope, tool.name).toBe(tool.scope);
    }
  });

  it('answers every cell as declared: no leak, every denial explicit, private objects indistinguishable from missing ones', async () => {
    // Prepare
    const cells: { cell: Cell; run: (cell: Cell) => Promise<Result>; serial: boolean }[] = [];
    for (const key of Object.keys(GRAPHQL_AUTHORIZATION_MATRIX) as OperationKey[]) {
      const row = GRAPHQL_AUTHORIZATION_MATRIX[key] as Row;
      for (const kind of CALLER_KINDS) {
        // Scopes narrow only the partner operations; elsewhere a token is refused whatever its scopes.
        if (!row.scope && SCOPE_VARIANTS.has(kind)) continue;
        const targets = OWNING.has(kind) && !INPUTS[key].objectless ? (['own', 'other'] as const) : (['own'] as const);
        for (const target of targets) {
          const cell: Cell = {
            surface: 'graphql',
            operation: key,
            kind,
            target,
            expected: expected(row, kind, target),
          };
          cells.push({ cell, run: (c) => runGraphQLCell(key, kind, target, c), serial: !!INPUTS[key].serial });
        }
      }
    }
    for (const name of Object.keys(MCP_TOOL_AUTHORIZATION_MATRIX) as ToolName[]) {
      const row = MCP_TOOL_AUTHORIZATION_MATRIX[name];
      for (const kind of TOOL_KINDS) {
        for (const target of kind === 'anonymous' ? (['own'] as const) : (['own', 'other'] as const)) {
          const outcome: McpOutcome =
            kind === 'anonymous'
              ? 'unauthenticated'
              : kind === 'partnerTokenWithoutScope'
                ? 'hidden'
                : answerFor(row.partnerToken, target);
          const cell: Cell = { surface: 'mcp', operation: name, kind, target, expected: outcome };
          cells.push({ cell, run: (c) => runToolCell(name, kind, target, c), serial: false });
        }
      }
    }
    const started = performance.now();

    // Act
    const guarded = (c: (typeof cells)[number]) => async () => {
      const t0 = performance.now();
      const r = await c
        .run(c.cell)
        .catch((e: unknown): Result => ({ ...c.cell, actual: 'test error', detail: String(e) }));
      return { ...r, ms: Math.round(performance.now() - t0) };
    };
    const results = [
      ...(await runBounded(cells.filter((c) => !c.serial).map(guarded), CONCURRENCY)),
      ...(await runBounded(cells.filter((c) => c.serial).map(guarded), 1)),
    ];
    const seconds = ((performance.now() - started) / 1000).toFixed(1);

    // Assess
    // AUTHORIZATION_MATRIX_REPORT=<file> keeps every cell's answer, to read the denials' wording.
    const report = process.env.AUTHORIZATION_MATRIX_REPORT;
    if (report) writeFileSync(report, JSON.stringify(results, null, 2));
    const wrong = results.filter((r) => r.actual !== r.expected);
    const operationsCount = Object.keys(GRAPHQL_AUTHORIZATION_MATRIX).length;
    const toolsCount = Object.keys(MCP_TOOL_AUTHORIZATION_MATRIX).length;
    console.info(
      `authorization matrix: ${operationsCount} operations + ${toolsCount} tools, ${results.length} cells in ${seconds} s, ` +
        `${wrong.length} wrong`,
    );
    const table = wrong.map(
      (r) =>
        `${r.surface} ${r.operation} as ${r.kind} on ${r.target}: expected ${r.expected}, got ${r.actual} ${r.detail}`,
    );
    expect(table).toEqual([]);
    expect(new Set(results.map((r) => r.operation)).size).toBe(operationsCount + toolsCount);
  }, 300_000);
});
