// The authorization matrix (issue 13): the answer every caller must get from every GraphQL operation of
// resource.ts and every partner MCP tool, declared once, beside the rules that produce it.
// tests/integration/authorization-matrix.test.ts enumerates the deployed schema (graphql/schema.graphql) and the
// MCP server's tool list and fails on an operation or tool without a row here, then runs every cell.
import type { PartnerScope } from '../../src/core/model';

/**
 * What a caller gets:
 * - `allowed`: an answer without errors;
 * - `unauthenticated`: HTTP 401 before anything runs (no credentials at all);
 * - `unauthorized`: AppSync's `Unauthorized` — the schema's rules refuse the caller before any resolver runs;
 * - `forbidden`: `ForbiddenError` from the resolver, saying why and what to do;
 * - `not-found`: `NotFoundError` with exactly the type and message a reference that does not exist gets, for
 *   objects whose very existence is private (another courier's or partner's booking, another courier).
 */
export type Outcome = 'allowed' | 'unauthenticated' | 'unauthorized' | 'forbidden' | 'not-found';

/** One outcome, or one for the caller's own object and one for another courier's or partner's. */
export type Answer = Outcome | { own: Outcome; other: Outcome };

/**
 * The callers of GraphQL. "own" and "other" are courier-07 / courier-08 for the courier, Acme / Globex for the
 * partner user (Cognito), the partner token (Lambda authorizer) and the MCP service (IAM, acting for that token).
 * Derived columns, not declared per row: a partner token without the row's `scope`, and the MCP service acting
 * for such a token, get `forbidden`; the MCP service naming no token gets `forbidden` on the partner operations
 * (its IAM policy's fields) and `unauthorized` elsewhere; without credentials every operation is `unauthenticated`.
 */
export type GraphQLRow = {
  apiKey: Answer;
  admin: Answer;
  courier: Answer;
  partnerUser: Answer;
  /** A partner token holding `scope`, sent to GraphQL directly or by the MCP service acting for it. */
  partnerToken: Answer;
  /** The scope a partner token needs (src/api/partner-operations.ts); absent: not a partner operation. */
  scope?: PartnerScope;
  /**
   * The backend functions' IAM role (the change-feed notifier's): granted the publish mutations only, locally as
   * by the cloud's narrowed policy (amplify/backend.ts).
   */
  backendService: Answer;
};

const NOBODY: GraphQLRow = {
  apiKey: 'unauthorized',
  admin: 'unauthorized',
  courier: 'unauthorized',
  partnerUser: 'unauthorized',
  partnerToken: 'unauthorized',
  backendService: 'unauthorized',
};

const adminOnly = (extra: Partial<GraphQLRow> = {}): GraphQLRow => ({ ...NOBODY, admin: 'allowed', ...extra });
/** Admins, and couriers for themselves (another courier's figures, sequence or history: refused). */
const adminAndOwnCourier = (other: Outcome = 'forbidden'): GraphQLRow =>
  adminOnly({ courier: { own: 'allowed', other } });
/** A change-feed publication: the notifier only. */
const notifierOnly = (): GraphQLRow => ({ ...NOBODY, backendService: 'allowed' });

const OWN_BOOKING = { own: 'allowed', other: 'not-found' } as const;
const OWN_LIST = { own: 'allowed', other: 'forbidden' } as const;

export const GRAPHQL_AUTHORIZATION_MATRIX = {
  // ---- queries ----
  'Query.me': adminOnly({ courier: 'allowed', partnerUser: 'allowed' }),
  // Public tracking for anyone with the reference, but a partner tracks its own parcels only (partner isolation).
  'Query.trackBooking': {
    ...NOBODY,
    apiKey: 'allowed',
    admin: 'allowed',
    courier: 'allowed',
    partnerUser: OWN_BOOKING,
    partnerToken: OWN_BOOKING,
    scope: 'bookings:read',
  },
  'Query.getBooking': adminOnly({
    courier: OWN_BOOKING,
    partnerUser: OWN_BOOKING,
    partnerToken: OWN_BOOKING,
    scope: 'bookings:read',
  }),
  'Query.listBookings': adminOnly({
    courier: OWN_LIST,
    partnerUser: OWN_LIST,
    partnerToken: OWN_LIST,
    scope: 'bookings:read',
  }),
  'Query.listFeedback': adminOnly({ courier: OWN_LIST, partnerUser: 'allowed' }),
  'Query.sentMessages': adminOnly(),
  'Query.adminNotices': adminOnly(),
  'Query.listCouriers': adminOnly(),
  'Query.dashboard': adminOnly(),
  'Query.listStatusEvents': adminOnly({ partnerUser: OWN_LIST, partnerToken: OWN_LIST, scope: 'bookings:read' }),
  'Query.listPartners': adminOnly(),
  'Query.getPartner': adminOnly(),
  'Query.listPartnerTokens': adminOnly(),
  'Query.listAuditEntries': adminOnly(),
  'Query.listConnectInstances': adminOnly(),
  'Query.listConnectQueues': adminOnly(),
  'Query.planDeployment': adminOnly(),
  'Query.getDeployment': adminOnly(),
  'Query.listDeployments': adminOnly(),
  'Query.botPrompts': adminOnly(),
  'Query.companySettings': adminOnly(),
  'Query.requiredProof': adminOnly({ courier: 'allowed' }),
  'Query.settingsChanges': adminOnly(),
  'Query.proofImages': adminOnly({ courier: OWN_BOOKING, partnerUser: OWN_BOOKING }),
  'Query.getCourier': adminAndOwnCourier('not-found'),
  'Query.analyticsVolumes': adminOnly(),
  'Query.analyticsRegions': adminOnly(),
  'Query.analyticsFeedback': adminOnly(),
  'Query.analyticsFeedbackComments': adminOnly(),
  'Query.analyticsRoutes': adminOnly(),
  'Query.analyticsHeatMap': adminOnly(),
  'Query.serviceAlerts': adminOnly(),
  'Query.alertSettings': adminOnly(),
  'Query.executiveSummaries': adminOnly(),
  'Query.analyticsBot': adminOnly(),
  'Query.analyticsLex': adminOnly(),
  'Query.analyticsFleet': adminOnly(),
  'Query.partnerAnalytics': adminOnly({ partnerUser: OWN_LIST }),
  'Query.courierPerformance': adminAndOwnCourier(),
  'Query.rateCard': adminOnly({ courier: 'allowed' }),
  'Query.courierEarnings': adminAndOwnCourier(),
  'Query.courierSuggestions': adminAndOwnCourier(),
  'Query.courierDeliveryHistory': adminAndOwnCourier(),
  'Query.courierFeedback': adminAndOwnCourier(),
  'Query.suggestedSequence': adminAndOwnCourier(),

  // ---- mutations ----
  'Mutation.setDeliverySequence': { ...adminAndOwnCourier() },
  'Mutation.resetDeliverySequence': { ...adminAndOwnCourier() },
  'Mutation.bookCourier': adminOnly({
    partnerUser: OWN_LIST,
    partnerToken: OWN_LIST,
    scope: 'bookings:write',
  }),
  'Mutation.updateCompanySettings': adminOnly(),
  'Mutation.setRateCard': adminOnly(),
  'Mutation.assignCourier': adminOnly(),
  'Mutation.updateDeliveryStatus': adminOnly({ courier: OWN_BOOKING }),
  'Mutation.requestProofUpload': adminOnly({ courier: OWN_BOOKING }),
  'Mutation.updateCourierLocation': { ...NOBODY, courier: 'allowed' },
  'Mutation.submitFeedback': adminOnly({
    partnerUser: OWN_BOOKING,
    partnerToken: OWN_BOOKING,
    scope: 'feedback:write',
  }),
  'Mutation.generateExecutiveSummary': adminOnly(),
  'Mutation.updateAlertSettings': adminOnly(),
  'Mutation.cancelBooking': adminOnly({
    partnerUser: OWN_BOOKING,
    partnerToken: OWN_BOOKING,
    scope: 'bookings:write',
  }),
  'Mutation.updatePickupWindow': adminOnly({
    partnerUser: OWN_BOOKING,
    partnerToken: OWN_BOOKING,
    scope: 'bookings:write',
  }),
  'Mutation.createPartner': adminOnly(),
  'Mutation.issuePartnerToken': adminOnly(),
  'Mutation.revokePartnerToken': adminOnly(),
  'Mutation.startDeployment': adminOnly(),
  'Mutation.retryDeployment': adminOnly(),
  'Mutation.rollbackDeployment': adminOnly(),
  'Mutation.publishBookingChanged': notifierOnly(),
  'Mutation.publishCourierMoved': notifierOnly(),
  'Mutation.publishDeploymentChanged': notifierOnly(),
  'Mutation.publishAlertRaised': notifierOnly(),

  // ---- subscriptions (started over the real-time protocol) ----
  'Subscription.onAlertRaised': adminOnly(),
  'Subscription.onDeploymentChanged': adminOnly(),
  'Subscription.onBookingChanged': adminOnly({ courier: OWN_LIST, partnerUser: OWN_LIST }),
  'Subscription.onCourierMoved': adminOnly(),
} as const satisfies Record<string, GraphQLRow>;

/**
 * The partner MCP tools, for a token of Acme: holding the tool's `scope` (own object: Acme's, other: Globex's).
 * No token at all gets `unauthenticated` (401 with the Bearer challenge). A token without the scope gets `hidden`:
 * the tool is not listed, and a call is answered exactly as a call to a tool that does not exist (MCP error -32601
 * "Unknown tool"), because FastMCP builds each session from the tools its token may use.
 */
export type McpOutcome = Outcome | 'hidden';

export type McpToolRow = { scope: PartnerScope; partnerToken: Answer };

export const MCP_TOOL_AUTHORIZATION_MATRIX = {
  book_courier: { scope: 'bookings:write', partnerToken: 'allowed' },
  track_booking: { scope: 'bookings:read', partnerToken: OWN_BOOKING },
  get_booking: { scope: 'bookings:read', partnerToken: OWN_BOOKING },
  list_bookings: { scope: 'bookings:read', partnerToken: 'allowed' },
  cancel_booking: { scope: 'bookings:write', partnerToken: OWN_BOOKING },
  update_pickup_window: { scope: 'bookings:write', partnerToken: OWN_BOOKING },
  submit_feedback: { scope: 'feedback:write', partnerToken: OWN_BOOKING },
  list_status_events: { scope: 'bookings:read', partnerToken: 'allowed' },
} as const satisfies Record<string, McpToolRow>;
