// What the tools answer with: a one-line summary an agent can relay as is, then the facts as JSON (also as
// structuredContent), trimmed to what a partner acts on — status, ETA, window, what can still be changed.
import type {
  BookingFieldsFragment,
  FeedbackFieldsFragment,
  ListStatusEventsQuery,
  TrackBookingQuery,
} from '../../src/generated/graphql';

export type ToolResult = {
  content: { type: 'text'; text: string }[];
  structuredContent: Record<string, unknown>;
};

export function toolResult(summary: string, data: Record<string, unknown>): ToolResult {
  return {
    content: [
      { type: 'text', text: summary },
      { type: 'text', text: JSON.stringify(data) },
    ],
    structuredContent: data,
  };
}

type Address = BookingFieldsFragment['pickup'];

function addressLine(a: Address): string {
  return [a.line1, a.line2, a.city, a.region, a.postcode, a.country].filter(Boolean).join(', ');
}

/** What the partner may still do with a booking, so an agent need not know the state machine. */
function allowedActions(status: BookingFieldsFragment['status']): string[] {
  switch (status) {
    case 'BOOKED':
      return ['cancel_booking', 'update_pickup_window'];
    case 'DELIVERED':
      return ['submit_feedback'];
    case 'COLLECTED':
    case 'IN_TRANSIT':
    case 'OUT_FOR_DELIVERY':
    case 'FAILED_DELIVERY':
    case 'RETURNED':
    case 'CANCELLED':
      return [];
  }
}

export function bookingView(b: BookingFieldsFragment) {
  return {
    reference: b.reference,
    status: b.status,
    eta: b.eta,
    customerName: b.customerName,
    customerPhone: b.customerPhone,
    pickup: addressLine(b.pickup),
    delivery: addressLine(b.delivery),
    package: b.package,
    pickupWindow: b.pickupWindow,
    courierName: b.courierName,
    partnerName: b.partnerName,
    createdAt: b.createdAt,
    updatedAt: b.updatedAt,
    history: b.history.map((h) => ({
      status: h.status,
      at: h.at,
      by: h.actor.name ?? h.actor.type,
      ...(h.note ? { note: h.note } : {}),
      ...(h.failureReason ? { failureReason: h.failureReason } : {}),
      ...(h.proof?.recipientName ? { recipientName: h.proof.recipientName } : {}),
    })),
    allowedActions: allowedActions(b.status),
  };
}

function etaText(eta: string | null): string {
  return eta ? `ETA ${eta}` : 'no ETA yet';
}

export function bookingResult(verb: string, b: BookingFieldsFragment): ToolResult {
  return toolResult(
    `${verb} ${b.reference}: ${b.status}, pickup window ${b.pickupWindow.start} – ${b.pickupWindow.end}, ${etaText(b.eta)}.`,
    { booking: bookingView(b) },
  );
}

export function trackingResult(t: NonNullable<TrackBookingQuery['trackBooking']>): ToolResult {
  return toolResult(
    `${t.reference} is ${t.status} (${t.pickupCity} → ${t.deliveryCity}), last update ${t.lastUpdate}, ${etaText(t.eta)}.`,
    { tracking: t },
  );
}

export function bookingListResult(items: BookingFieldsFragment[], nextToken: string | null): ToolResult {
  const summary =
    items.length === 0
      ? 'No bookings match.'
      : `${items.length} booking${items.length === 1 ? '' : 's'}${nextToken ? '; more available: call again with nextToken' : ''}.`;
  return toolResult(summary, {
    bookings: items.map((b) => ({
      reference: b.reference,
      status: b.status,
      eta: b.eta,
      customerName: b.customerName,
      delivery: addressLine(b.delivery),
      pickupWindow: b.pickupWindow,
      createdAt: b.createdAt,
      allowedActions: allowedActions(b.status),
    })),
    nextToken,
  });
}

export function feedbackResult(f: FeedbackFieldsFragment): ToolResult {
  return toolResult(
    `Recorded ${f.type.toLowerCase()} ${f.reference} on booking ${f.bookingReference}${f.flagged ? ' (flagged for immediate attention)' : ''}.`,
    {
      feedback: {
        reference: f.reference,
        bookingReference: f.bookingReference,
        type: f.type,
        rating: f.rating,
        complaintCategory: f.complaintCategory,
        severity: f.severity,
        flagged: f.flagged,
        sentiment: f.sentiment.label,
        createdAt: f.createdAt,
      },
    },
  );
}

export function statusEventsResult(page: ListStatusEventsQuery['listStatusEvents']): ToolResult {
  const n = page.events.length;
  const summary =
    n === 0
      ? 'No status changes since the cursor.'
      : `${n} status change${n === 1 ? '' : 's'}${page.hasMore ? '; more waiting: call again with since = cursor' : ''}.`;
  return toolResult(summary, {
    events: page.events.map((e) => ({
      reference: e.reference,
      status: e.status,
      at: e.at,
      by: e.actor.name ?? e.actor.type,
      ...(e.note ? { note: e.note } : {}),
      ...(e.failureReason ? { failureReason: e.failureReason } : {}),
    })),
    cursor: page.cursor,
    hasMore: page.hasMore,
  });
}
