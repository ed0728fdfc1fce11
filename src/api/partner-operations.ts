// The GraphQL operations a partner token may call and the scope each needs (Req 7.3, 16.4): one table read by
// the router's checks, by the MCP service's IAM grant (amplify/backend.ts, the local server) and by the test
// that holds amplify/data/resource.ts's allow.custom() rules to it.
import type { PartnerScope } from '../core/model';

export const PARTNER_OPERATIONS = {
  'Query.getBooking': 'bookings:read',
  'Query.listBookings': 'bookings:read',
  'Query.trackBooking': 'bookings:read',
  'Query.listStatusEvents': 'bookings:read',
  'Mutation.bookCourier': 'bookings:write',
  'Mutation.cancelBooking': 'bookings:write',
  'Mutation.updatePickupWindow': 'bookings:write',
  'Mutation.submitFeedback': 'feedback:write',
} as const satisfies Record<string, PartnerScope>;

export type PartnerOperation = keyof typeof PARTNER_OPERATIONS;

export function isPartnerOperation(key: string): key is PartnerOperation {
  return Object.hasOwn(PARTNER_OPERATIONS, key);
}

/** Header through which the MCP service names the partner token it acts for (accepted from that service only). */
export const PARTNER_TOKEN_ID_HEADER = 'x-courier-partner-token-id';
