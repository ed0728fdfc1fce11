// The partner tools (Req 7.2) as data: name, scope, annotations, zod parameters with every field described,
// and one typed GraphQL operation each. build-server.ts turns them into FastMCP tools.
import { z } from 'zod/v4';
import { bookingNotFoundMessage } from '../../src/core/access';
import { NotFoundError } from '../../src/core/errors';
import { EXAMPLE_REFERENCE } from '../../src/core/reference';
import {
  BOOKING_STATUSES,
  COMPLAINT_CATEGORIES,
  FEEDBACK_TYPES,
  PACKAGE_SIZES,
  SEVERITIES,
  SPECIAL_HANDLING,
  type PartnerScope,
} from '../../src/core/model';
import {
  bookCourier,
  cancelBooking,
  getBooking,
  listBookings,
  listStatusEvents,
  submitFeedback,
  trackBooking,
  updatePickupWindow,
} from '../../src/generated/graphql';
import type { ActingFor, GraphQLCaller } from './graphql-client';
import {
  bookingListResult,
  bookingResult,
  feedbackResult,
  statusEventsResult,
  trackingResult,
  type ToolResult,
} from './tool-results';

export type ToolContext = { graphql: GraphQLCaller; actingFor: ActingFor };

export type ToolAnnotations = {
  title: string;
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
};

export type PartnerTool<S extends z.ZodType = z.ZodType> = {
  name: string;
  description: string;
  /** The token scope the tool needs; the same one the API checks for its operation. */
  scope: PartnerScope;
  annotations: ToolAnnotations;
  schema: S;
  run(args: z.output<S>, ctx: ToolContext): Promise<ToolResult>;
};

function defineTool<S extends z.ZodType>(tool: PartnerTool<S>): PartnerTool {
  return tool as unknown as PartnerTool;
}

const reference = (what = 'The booking reference') =>
  z
    .string({ error: `reference must be text, e.g. "${EXAMPLE_REFERENCE}".` })
    .trim()
    .min(1, { error: 'reference must not be empty; give a booking reference such as K7M-4XR-9.' })
    .max(64, { error: `reference is too long; booking references look like ${EXAMPLE_REFERENCE}.` })
    .describe(`${what}, as returned by book_courier or list_bookings, e.g. "${EXAMPLE_REFERENCE}".`);

/** What AWSDateTime accepts: a calendar date, a time and a zone (Z or ±hh:mm). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const instant = (field: string, what: string) =>
  z
    .string({ error: `${field} must be text: a date and time with a time zone.` })
    .trim()
    .min(1, { error: `${field} must not be empty.` })
    .refine((v) => ISO_INSTANT.test(v) && !Number.isNaN(Date.parse(v)), {
      error: `${field} must be an ISO 8601 date and time with a time zone, e.g. "2026-06-01T09:00:00-07:00".`,
    })
    .describe(`${what}: ISO 8601 date and time with a time zone, e.g. "2026-06-01T09:00:00-07:00".`);

function address(side: 'pickup' | 'delivery') {
  const where = side === 'pickup' ? 'where the courier collects the parcel' : 'where the parcel is delivered';
  return z
    .strictObject({
      line1: z.string().trim().min(1).max(200).describe(`Street address ${where}, e.g. "1201 3rd Ave".`),
      line2: z.string().trim().max(100).optional().describe('Apartment, suite, floor or building (optional).'),
      city: z.string().trim().min(1).max(100).describe('City, e.g. "Seattle".'),
      region: z.string().trim().max(50).optional().describe('State or region, e.g. "WA" (optional).'),
      postcode: z.string().trim().min(1).max(10).describe('US ZIP code: 5 digits or ZIP+4, e.g. "98101".'),
      country: z.string().trim().max(2).optional().describe('Two-letter country code; defaults to "US".'),
    })
    .describe(`The ${side} address: ${where}.`);
}

const bookCourierTool = defineTool({
  name: 'book_courier',
  description:
    'Book a courier to collect a parcel and deliver it. Returns the booking reference, status and ETA. ' +
    'The pickup window must be at least 30 minutes and at most 12 hours long, starting within the next 30 days. ' +
    'Always send an idempotencyKey: retrying with the same key and details returns the original booking instead of booking twice.',
  scope: 'bookings:write',
  annotations: {
    title: 'Book a courier',
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: true,
  },
  schema: z.strictObject({
    customerName: z.string().trim().min(2).max(100).describe('Name of the person the courier deals with.'),
    customerPhone: z
      .string()
      .trim()
      .min(1)
      .max(30)
      .describe('Contact phone for the delivery, US format or E.164, e.g. "(206) 555-0134" or "+12065550134".'),
    pickup: address('pickup'),
    delivery: address('delivery'),
    package: z
      .strictObject({
        size: z.enum(PACKAGE_SIZES).describe('Parcel size class: SMALL, MEDIUM, LARGE (up to 70 kg) or OVERSIZED.'),
        weightKg: z.number().positive().max(500).describe('Weight in kilograms, e.g. 2.5.'),
        handling: z
          .array(z.enum(SPECIAL_HANDLING))
          .max(SPECIAL_HANDLING.length)
          .optional()
          .describe(`Special handling, any of ${SPECIAL_HANDLING.join(', ')} (optional).`),
        description: z.string().trim().max(200).optional().describe('What is in the parcel (optional).'),
      })
      .describe('The parcel.'),
    pickupWindowStart: instant('pickupWindowStart', 'Start of the pickup window'),
    pickupWindowEnd: instant('pickupWindowEnd', 'End of the pickup window'),
    idempotencyKey: z
      .string()
      .trim()
      .min(8, { error: 'idempotencyKey must be at least 8 characters; a UUID works well.' })
      .max(128, { error: 'idempotencyKey can be at most 128 characters; a UUID works well.' })
      .regex(/^[A-Za-z0-9_.:-]+$/, {
        error: 'idempotencyKey may only use letters, digits and . _ : -; a UUID works well.',
      })
      .describe('A key unique to this booking request, e.g. a UUID. Reuse it only when retrying the same request.'),
  }),
  async run(args, { graphql, actingFor }) {
    const out = await graphql.execute(bookCourier, args, actingFor);
    return bookingResult('Booked', out.bookCourier);
  },
});

const trackBookingTool = defineTool({
  name: 'track_booking',
  description:
    'Track a parcel by its reference: status, last update, ETA, the courier’s position while on the way, and the ' +
    'status timeline — the public tracking view. Use get_booking for the full details of your own bookings.',
  scope: 'bookings:read',
  annotations: {
    title: 'Track a booking',
    readOnlyHint: true,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: true,
  },
  schema: z.strictObject({ reference: reference() }),
  async run(args, { graphql, actingFor }) {
    const out = await graphql.execute(trackBooking, args, actingFor);
    if (!out.trackBooking) throw notFound(args.reference);
    return trackingResult(out.trackBooking);
  },
});

const getBookingTool = defineTool({
  name: 'get_booking',
  description:
    'Read one of your bookings in full: addresses, parcel, pickup window, status history, courier, ETA, and which ' +
    'changes are still allowed (allowedActions).',
  scope: 'bookings:read',
  annotations: {
    title: 'Get a booking',
    readOnlyHint: true,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: true,
  },
  schema: z.strictObject({ reference: reference() }),
  async run(args, { graphql, actingFor }) {
    const out = await graphql.execute(getBooking, args, actingFor);
    if (!out.getBooking) throw notFound(args.reference);
    return bookingResult('Booking', out.getBooking);
  },
});

const listBookingsTool = defineTool({
  name: 'list_bookings',
  description:
    'List your own bookings, newest first, optionally for one pickup day and/or one status. Paginated: when ' +
    'nextToken is returned, call again with it for the next page.',
  scope: 'bookings:read',
  annotations: {
    title: 'List my bookings',
    readOnlyHint: true,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: true,
  },
  schema: z.strictObject({
    day: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'day must be a date written YYYY-MM-DD, e.g. 2026-06-01.' })
      .optional()
      .describe('Only bookings for this day (UTC), written YYYY-MM-DD (optional).'),
    status: z.enum(BOOKING_STATUSES).optional().describe('Only bookings in this status (optional).'),
    limit: z
      .number()
      .int({ error: 'limit must be a whole number between 1 and 100.' })
      .min(1, { error: 'limit must be at least 1.' })
      .max(100, { error: 'limit can be at most 100; page through the rest with nextToken.' })
      .optional()
      .describe('How many bookings per page, 1–100 (default 50).'),
    nextToken: z
      .string()
      .min(1)
      .max(4096)
      .optional()
      .describe('The nextToken of the previous page, to continue the listing (optional).'),
  }),
  async run(args, { graphql, actingFor }) {
    const out = await graphql.execute(listBookings, args, actingFor);
    return bookingListResult(out.listBookings.items, out.listBookings.nextToken);
  },
});

const cancelBookingTool = defineTool({
  name: 'cancel_booking',
  description:
    'Cancel one of your bookings. Only possible while it is BOOKED (before a courier collects it); cannot be undone.',
  scope: 'bookings:write',
  annotations: {
    title: 'Cancel a booking',
    readOnlyHint: false,
    destructiveHint: true,
    idempotentHint: false,
    openWorldHint: true,
  },
  schema: z.strictObject({
    reference: reference('The booking to cancel'),
    reason: z.string().trim().max(500).optional().describe('Why it is cancelled, kept in its history (optional).'),
  }),
  async run(args, { graphql, actingFor }) {
    const out = await graphql.execute(cancelBooking, args, actingFor);
    return bookingResult('Cancelled', out.cancelBooking);
  },
});

const updatePickupWindowTool = defineTool({
  name: 'update_pickup_window',
  description:
    'Move the pickup window of one of your bookings. Only possible before the parcel is collected; the new window ' +
    'must be at least 30 minutes and at most 12 hours long.',
  scope: 'bookings:write',
  annotations: {
    title: 'Change the pickup window',
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: true,
  },
  schema: z.strictObject({
    reference: reference('The booking to change'),
    pickupWindowStart: instant('pickupWindowStart', 'New start of the pickup window'),
    pickupWindowEnd: instant('pickupWindowEnd', 'New end of the pickup window'),
  }),
  async run(args, { graphql, actingFor }) {
    const out = await graphql.execute(updatePickupWindow, args, actingFor);
    return bookingResult('Moved the pickup window of', out.updatePickupWindow);
  },
});

const submitFeedbackTool = defineTool({
  name: 'submit_feedback',
  description:
    'Leave feedback or file a complaint about one of your delivered bookings. Complaints take a category and a ' +
    'severity; serious ones are flagged for immediate attention.',
  scope: 'feedback:write',
  annotations: {
    title: 'Submit feedback or a complaint',
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: false,
    openWorldHint: true,
  },
  schema: z.strictObject({
    bookingReference: reference('The delivered booking it is about'),
    type: z.enum(FEEDBACK_TYPES).describe('FEEDBACK (a rating and comment) or COMPLAINT.'),
    rating: z
      .number()
      .int({ error: 'rating must be a whole number from 1 to 5.' })
      .min(1, { error: 'rating must be from 1 (poor) to 5 (excellent).' })
      .max(5, { error: 'rating must be from 1 (poor) to 5 (excellent).' })
      .optional()
      .describe('1 (poor) to 5 (excellent) (optional).'),
    text: z.string().trim().min(3).max(2000).describe('What the customer said, in their words (3–2000 characters).'),
    complaintCategory: z
      .enum(COMPLAINT_CATEGORIES)
      .optional()
      .describe('For complaints: what went wrong (optional; inferred from the text when absent).'),
    severity: z.enum(SEVERITIES).optional().describe('For complaints: LOW, MEDIUM or HIGH (optional).'),
  }),
  async run(args, { graphql, actingFor }) {
    const out = await graphql.execute(submitFeedback, args, actingFor);
    return feedbackResult(out.submitFeedback);
  },
});

const listStatusEventsTool = defineTool({
  name: 'list_status_events',
  description:
    'Status changes of your bookings since a cursor, oldest first: poll this to follow every booking without ' +
    'reading each one. Start without `since`, then pass the returned cursor as `since` next time.',
  scope: 'bookings:read',
  annotations: {
    title: 'List status changes',
    readOnlyHint: true,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: true,
  },
  schema: z.strictObject({
    since: z
      .string()
      .min(1)
      .max(1024)
      .optional()
      .describe('The cursor returned by the previous call; omit it to start from the oldest retained change.'),
    limit: z
      .number()
      .int({ error: 'limit must be a whole number between 1 and 100.' })
      .min(1, { error: 'limit must be at least 1.' })
      .max(100, { error: 'limit can be at most 100; call again with the returned cursor.' })
      .optional()
      .describe('How many changes at most, 1–100 (default 50).'),
  }),
  async run(args, { graphql, actingFor }) {
    const out = await graphql.execute(listStatusEvents, args, actingFor);
    return statusEventsResult(out.listStatusEvents);
  },
});

/** The API reports unknown and other partners' bookings alike; a null answer reads the same way. */
function notFound(ref: string): NotFoundError {
  return new NotFoundError(bookingNotFoundMessage(ref));
}

export const PARTNER_TOOLS: readonly PartnerTool[] = [
  bookCourierTool,
  trackBookingTool,
  getBookingTool,
  listBookingsTool,
  cancelBookingTool,
  updatePickupWindowTool,
  submitFeedbackTool,
  listStatusEventsTool,
];
