// The demo company: a Seattle courier firm with 25 couriers, two partners, ~60 days of bookings in
// every status (real street coordinates from the gazetteer), customer feedback and the signed deliveries'
// signature images. Deterministic for
// a given seed and "now", and built with the core's own rules (every history is a legal path).
import type {
  Booking,
  BookingStatus,
  ComplaintCategory,
  Courier,
  DeliveryProof,
  FailureReason,
  Feedback,
  GeoPoint,
  PackageDetails,
  Partner,
  Severity,
  SpecialHandling,
  StatusEvent,
  Vehicle,
} from '../../core/model';
import { addDays, type BusinessCalendar } from '../../core/business-calendar';
import type { Random, SentimentAnalyzer } from '../../core/ports';
import { generateFeedbackReference, generateReference } from '../../core/reference';
import { randomAddressIn } from '../../core/geo/gazetteer-geocoder';
import { transition } from '../../core/status-machine';
import { newProofKey } from '../../core/proof';
import { seededRandom } from '../../core/seeded-random';
import { signatureSvg } from './signature-svg';

/** A signature image of a signed delivery, to store under `key` in the proof-of-delivery bucket. */
export type DemoSignature = { key: string; svg: string };

export type DemoCompany = {
  partners: Partner[];
  couriers: Courier[];
  bookings: Booking[];
  feedback: Feedback[];
  signatures: DemoSignature[];
};

export type DemoOptions = {
  now: Date;
  random: Random;
  sentiment: SentimentAnalyzer;
  /** The company's calendar: the demo's days are its days, and pickups fall in its business hours. */
  calendar: BusinessCalendar;
  days?: number;
};

const COURIER_NAMES = [
  'Maria Gonzalez',
  'James Chen',
  'Aisha Mohammed',
  'Tom Becker',
  'Priya Natarajan',
  'Luis Ortega',
  'Hannah Kim',
  'Daniel Okafor',
  'Sofia Rossi',
  'Marcus Johnson',
  'Emily Nguyen',
  'Ravi Patel',
  'Grace Liu',
  'Noah Anderson',
  'Fatima Hassan',
  'Ethan Park',
  'Olivia Brooks',
  'Mateo Silva',
  'Chloe Martin',
  'Samuel Wright',
  'Yuki Tanaka',
  'Isaac Lee',
  'Zoe Campbell',
  'Omar Farah',
  'Lily Evans',
];
const FIRST = [
  'Alex',
  'Jordan',
  'Taylor',
  'Morgan',
  'Casey',
  'Jamie',
  'Riley',
  'Avery',
  'Quinn',
  'Drew',
  'Sam',
  'Robin',
  'Kendall',
  'Parker',
  'Reese',
  'Cameron',
  'Skyler',
  'Dana',
  'Elliot',
  'Harper',
];
const LAST = [
  'Smith',
  'Garcia',
  'Miller',
  'Davis',
  'Wilson',
  'Moore',
  'Clark',
  'Lewis',
  'Walker',
  'Hall',
  'Young',
  'Allen',
  'King',
  'Scott',
  'Green',
  'Baker',
  'Adams',
  'Nelson',
  'Hill',
  'Ramirez',
];
const VEHICLE_MIX: Vehicle[] = ['BICYCLE', 'BICYCLE', 'MOTORBIKE', 'CAR', 'CAR', 'VAN', 'VAN', 'VAN', 'TRUCK'];
const FAILURE_REASONS: FailureReason[] = [
  'RECIPIENT_ABSENT',
  'RECIPIENT_ABSENT',
  'ACCESS_DENIED',
  'ADDRESS_NOT_FOUND',
  'REFUSED_BY_RECIPIENT',
  'WEATHER_OR_ROAD',
];

const PRAISE: Record<number, string[]> = {
  5: [
    'Fast and friendly, arrived early. Great service!',
    'Excellent courier, very careful with the fragile box.',
    'Perfect delivery, right on time and very polite.',
  ],
  4: [
    'Good service, arrived within the window.',
    'Delivered on time, courier was helpful.',
    'Quick pickup, nice driver.',
  ],
  3: ['It was okay, a bit later than the window but fine.', 'Average experience, no real problems.'],
  2: ['Late delivery and no update about the delay.', 'The courier was rude when he arrived.'],
  1: ['Very late and the package was damaged.', 'Terrible, nobody called and the parcel was left outside in the rain.'],
};
const COMPLAINTS: { category: ComplaintCategory; severity: Severity; text: string }[] = [
  { category: 'LATE_DELIVERY', severity: 'LOW', text: 'The parcel arrived two hours after the window.' },
  { category: 'LATE_DELIVERY', severity: 'MEDIUM', text: 'Delivery was a day late and I missed an appointment.' },
  { category: 'DAMAGED_PACKAGE', severity: 'HIGH', text: 'The box was crushed and the glass vase inside is broken.' },
  { category: 'DAMAGED_PACKAGE', severity: 'MEDIUM', text: 'Package arrived wet and the label was torn.' },
  {
    category: 'COURIER_BEHAVIOUR',
    severity: 'HIGH',
    text: 'The courier was rude and threw the parcel over the fence.',
  },
  { category: 'WRONG_ADDRESS', severity: 'MEDIUM', text: 'It was left at the wrong address, my neighbour found it.' },
  { category: 'LOST_PACKAGE', severity: 'HIGH', text: 'Marked delivered but I never received anything. Lost package.' },
  { category: 'BILLING', severity: 'LOW', text: 'I was charged twice for the same booking.' },
];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function pick<T>(random: Random, items: readonly T[]): T {
  return items[random.int(items.length)]!;
}
function between(random: Random, min: number, max: number): number {
  return min + random.int(Math.max(1, max - min + 1));
}
function iso(ms: number): string {
  return new Date(ms).toISOString();
}
function lerp(a: GeoPoint, b: GeoPoint, t: number): GeoPoint {
  return { lat: +(a.lat + (b.lat - a.lat) * t).toFixed(6), lng: +(a.lng + (b.lng - a.lng) * t).toFixed(6) };
}

function randomPackage(random: Random): PackageDetails {
  const size = pick(random, ['SMALL', 'SMALL', 'MEDIUM', 'MEDIUM', 'MEDIUM', 'LARGE', 'OVERSIZED'] as const);
  const weight = { SMALL: [1, 4], MEDIUM: [3, 12], LARGE: [10, 30], OVERSIZED: [30, 120] }[size];
  const handling: SpecialHandling[] = [];
  if (random.int(5) === 0) handling.push('FRAGILE');
  if (random.int(12) === 0) handling.push('PERISHABLE');
  if (random.int(6) === 0) handling.push('SIGNATURE_REQUIRED');
  if (size !== 'SMALL' && random.int(15) === 0) handling.push('KEEP_UPRIGHT');
  const descriptions = [
    'Documents',
    'Electronics',
    'Clothing',
    'Books',
    'Flowers',
    'Groceries',
    'Spare parts',
    'Artwork',
    'Furniture parts',
  ];
  return {
    size,
    weightKg: between(random, weight[0]! * 10, weight[1]! * 10) / 10,
    handling,
    description: pick(random, descriptions),
  };
}

/** The path a booking took, as the statuses after BOOKED, chosen by how far along it should be. */
function pathTo(final: BookingStatus, random: Random): BookingStatus[] {
  const toOut: BookingStatus[] = ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY'];
  switch (final) {
    case 'BOOKED':
      return [];
    case 'CANCELLED':
      return ['CANCELLED'];
    case 'COLLECTED':
      return ['COLLECTED'];
    case 'IN_TRANSIT':
      return ['COLLECTED', 'IN_TRANSIT'];
    case 'OUT_FOR_DELIVERY':
      return toOut;
    case 'DELIVERED':
      return random.int(12) === 0
        ? [...toOut, 'FAILED_DELIVERY', 'OUT_FOR_DELIVERY', 'DELIVERED']
        : [...toOut, 'DELIVERED'];
    case 'FAILED_DELIVERY':
      return [...toOut, 'FAILED_DELIVERY'];
    case 'RETURNED':
      return [...toOut, 'FAILED_DELIVERY', 'RETURNED'];
  }
}

/** Half of what the last five couriers draw goes to the first (the demo courier): about 14 % of past work. */
function withDemoShare(drawn: Courier, couriers: Courier[], n: number): Courier {
  return couriers.indexOf(drawn) >= couriers.length - 5 && n % 2 === 0 ? couriers[0]! : drawn;
}

function pastOutcome(random: Random, daysAgo: number): BookingStatus {
  const r = random.int(100);
  if (r < 84) return 'DELIVERED';
  if (r < 90) return 'CANCELLED';
  if (r < 95) return 'RETURNED';
  return daysAgo <= 2 ? 'FAILED_DELIVERY' : 'DELIVERED';
}

function todayOutcome(random: Random): BookingStatus {
  return pick(random, [
    'BOOKED',
    'BOOKED',
    'BOOKED',
    'BOOKED',
    'COLLECTED',
    'COLLECTED',
    'IN_TRANSIT',
    'IN_TRANSIT',
    'IN_TRANSIT',
    'OUT_FOR_DELIVERY',
    'OUT_FOR_DELIVERY',
    'OUT_FOR_DELIVERY',
    'OUT_FOR_DELIVERY',
    'DELIVERED',
    'DELIVERED',
    'DELIVERED',
    'DELIVERED',
    'FAILED_DELIVERY',
    'CANCELLED',
  ] as const);
}

export async function generateDemoCompany(options: DemoOptions): Promise<DemoCompany> {
  const { random, sentiment, calendar } = options;
  const now = options.now.getTime();
  const days = options.days ?? 60;
  const created = iso(now - (days + 30) * 24 * HOUR);

  const partners: Partner[] = [
    { id: 'acme', name: 'Acme', contactEmail: 'partner@example.com', createdAt: created },
    { id: 'globex', name: 'Globex', contactEmail: 'partner2@example.com', createdAt: created },
  ];

  const couriers: Courier[] = COURIER_NAMES.map((name, i) => ({
    id: `courier-${String(i + 1).padStart(2, '0')}`,
    name,
    phone: `+1206555${String(100 + i).padStart(4, '0')}`,
    email: `courier${i + 1}@example.com`,
    vehicle: pick(random, VEHICLE_MIX),
    active: true,
    createdAt: created,
    updatedAt: created,
  }));

  const bookings: Booking[] = [];
  const signatures: DemoSignature[] = [];
  const references = new Set<string>();
  const today = calendar.dayOf(now);
  const todayStart = calendar.startOf(today).getTime();
  const todayEnd = calendar.endOf(today).getTime();

  for (let daysAgo = days - 1; daysAgo >= 0; daysAgo--) {
    const day = addDays(today, -daysAgo);
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    const count = daysAgo === 0 ? 125 : weekday === 0 ? between(random, 3, 5) : between(random, 7, 12);
    for (let n = 0; n < count; n++) {
      let reference = generateReference(random);
      while (references.has(reference)) reference = generateReference(random);
      references.add(reference);

      const final = daysAgo === 0 ? todayOutcome(random) : pastOutcome(random, daysAgo);
      const path = pathTo(final, random);
      // Business hours are 8 am – 6 pm in the company's zone; windows start 9 am – 4:30 pm.
      let windowStart = calendar.at(day, between(random, 9, 16), pick(random, [0, 30])).getTime();
      if (daysAgo === 0) {
        // Today: bookings still waiting for pickup have windows ahead; the rest started in the past. All of them
        // start on the company's today, whatever the hour (just after midnight the day's work so far is squeezed
        // into the minutes since; late in the evening the waiting ones start now), as bookings are filed by the
        // day their window starts.
        windowStart =
          final === 'BOOKED' || final === 'CANCELLED'
            ? Math.min(now + between(random, 1, 4) * HOUR, Math.max(now, todayEnd - HOUR))
            : Math.max(now - between(random, 2 + path.length, 4 + 2 * path.length) * HOUR, todayStart);
      }
      const windowEnd = windowStart + pick(random, [2, 2, 3, 4]) * HOUR;
      // Booked before now, whenever the window is: a booking made in the future and cancelled in the past breaks
      // the audit trail's order (src/integrity/item-invariants.ts found such bookings among today's).
      const createdAt = Math.min(windowStart - between(random, 2, 40) * HOUR, now - 10 * MINUTE);
      const pickup = randomAddressIn(random);
      let delivery = randomAddressIn(random);
      while (delivery.postcode === pickup.postcode && random.int(3) !== 0) delivery = randomAddressIn(random);

      const partner = random.int(100) < 35 ? partners[0] : random.int(100) < 30 ? partners[1] : undefined;
      // Today every courier has a round of deliveries; earlier days spread at random, with the demo courier
      // (courier1@example.com) taking a larger share, so that their performance page has weeks of figures.
      const courier =
        final === 'BOOKED' && random.int(3) === 0
          ? undefined
          : daysAgo === 0
            ? couriers[n % couriers.length]
            : withDemoShare(pick(random, couriers), couriers, n);
      const customer = `${pick(random, FIRST)} ${pick(random, LAST)}`;
      const channel = partner ? 'PARTNER' : random.int(10) < 6 ? 'VOICE' : 'WEB';

      let booking: Booking = {
        reference,
        customerName: customer,
        customerPhone: `+1206555${String(between(random, 200, 999)).padStart(4, '0')}`,
        pickup,
        delivery,
        package: randomPackage(random),
        pickupWindow: { start: iso(windowStart), end: iso(windowEnd) },
        status: 'BOOKED',
        history: [
          {
            status: 'BOOKED',
            at: iso(createdAt),
            actor: partner
              ? { type: 'PARTNER', id: partner.id, name: partner.name }
              : channel === 'VOICE'
                ? { type: 'VOICEBOT', id: 'voicebot', name: 'Phone booking' }
                : { type: 'ADMIN', id: 'admin', name: 'admin@example.com' },
          },
        ],
        courierId: courier?.id,
        partnerId: partner?.id,
        channel,
        createdAt: iso(createdAt),
        updatedAt: iso(createdAt),
        version: 1,
      };

      let at =
        final === 'CANCELLED'
          ? createdAt + between(random, 10, 300) * MINUTE
          : windowStart + between(random, 5, 50) * MINUTE;
      const courierActor = courier ? { type: 'COURIER' as const, id: courier.id, name: courier.name } : undefined;
      for (const [i, status] of path.entries()) {
        if (i > 0)
          at +=
            status === 'DELIVERED' || status === 'FAILED_DELIVERY'
              ? between(random, 10, 70) * MINUTE
              : between(random, 15, 90) * MINUTE;
        // Today's latest changes are minutes apart, before now and after the entry before them (and none before a
        // window that started already): the rest of the path is spread between that entry and now.
        if (daysAgo === 0 && at > now - 5 * MINUTE) {
          const previous = Date.parse(booking.history.at(-1)!.at);
          const after = windowStart < now ? Math.max(previous, windowStart) : previous;
          const left = path.length - i;
          const apart = Math.min(5 * MINUTE, (now - after) / (left + 1));
          at = now - left * apart;
        }
        const location =
          status === 'COLLECTED'
            ? pickup.point
            : status === 'IN_TRANSIT'
              ? lerp(pickup.point!, delivery.point!, 0.4)
              : status === 'CANCELLED'
                ? undefined
                : delivery.point;
        const proof: DeliveryProof | undefined =
          status === 'DELIVERED'
            ? random.int(2) === 0
              ? { recipientName: `${pick(random, FIRST)} ${pick(random, LAST)}` }
              : { signatureKey: signedBy(reference, customer, signatures), recipientName: customer }
            : undefined;
        const drawnReason = status === 'FAILED_DELIVERY' ? pick(random, FAILURE_REASONS) : undefined;
        // The demo courier's failures are recipients not at home: their page has a suggestion to show.
        const failureReason = drawnReason && courier === couriers[0] ? 'RECIPIENT_ABSENT' : drawnReason;
        const actor: StatusEvent['actor'] =
          status === 'CANCELLED' || !courierActor
            ? { type: 'ADMIN', id: 'admin', name: 'admin@example.com' }
            : courierActor;
        booking = transition(
          booking,
          {
            to: status,
            actor,
            location,
            proof,
            failureReason,
            note: status === 'FAILED_DELIVERY' ? 'No answer at the door; card left.' : undefined,
          },
          new Date(at),
        );
      }
      const lastAt = Date.parse(booking.updatedAt);
      booking = {
        ...booking,
        version: booking.history.length,
        eta:
          booking.status === 'DELIVERED'
            ? booking.updatedAt
            : booking.status === 'CANCELLED' || booking.status === 'RETURNED'
              ? undefined
              : iso(Math.max(windowEnd, lastAt) + between(random, 30, 180) * MINUTE),
      };
      bookings.push(booking);
    }
  }

  // Couriers' last known positions: on their way for active deliveries, otherwise where they last delivered.
  const active = new Set<BookingStatus>(['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY']);
  for (const courier of couriers) {
    const mine = bookings.filter((b) => b.courierId === courier.id);
    const current = mine.find((b) => active.has(b.status)) ?? mine[mine.length - 1];
    if (!current) continue;
    const point = active.has(current.status)
      ? lerp(current.pickup.point!, current.delivery.point!, current.status === 'OUT_FOR_DELIVERY' ? 0.8 : 0.45)
      : current.delivery.point!;
    courier.lastLocation = {
      ...point,
      at: iso(now - between(random, 1, 20) * MINUTE),
      speedKph: between(random, 0, 40),
    };
    courier.updatedAt = courier.lastLocation.at;
  }

  const feedback: Feedback[] = [];
  for (const b of bookings) {
    const completed = b.status === 'DELIVERED' || b.status === 'RETURNED';
    if (!completed || random.int(100) >= (b.status === 'RETURNED' ? 60 : 35)) continue;
    const complaint = b.status === 'RETURNED' || random.int(100) < 14 ? pick(random, COMPLAINTS) : undefined;
    const rating = complaint ? between(random, 1, 2) : pick(random, [5, 5, 5, 5, 4, 4, 4, 3, 3, 2]);
    const text = complaint?.text ?? pick(random, PRAISE[rating]!);
    const createdAt = iso(Math.min(now - MINUTE, Date.parse(b.updatedAt) + between(random, 1, 30) * HOUR));
    feedback.push({
      reference: generateFeedbackReference(random),
      bookingReference: b.reference,
      type: complaint ? 'COMPLAINT' : 'FEEDBACK',
      rating,
      text,
      complaintCategory: complaint?.category,
      severity: complaint?.severity,
      sentiment: await sentiment.analyze(text),
      flagged: complaint?.severity === 'HIGH',
      courierId: b.courierId,
      partnerId: b.partnerId,
      channel: pick(random, ['VOICE', 'VOICE', 'WEB'] as const),
      createdAt,
    });
  }

  return { partners, couriers, bookings, feedback, signatures };
}

/** FNV-1a of the reference: each signature gets its own seeded stream, so drawing it leaves the rest unchanged. */
function seedOf(reference: string): number {
  let hash = 0x811c9dc5;
  for (const c of reference) hash = Math.imul(hash ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return hash;
}

/** Draws the recipient's signature as the courier app would save it, and returns the key it is stored under. */
function signedBy(reference: string, name: string, signatures: DemoSignature[]): string {
  const random = seededRandom(seedOf(reference));
  const key = newProofKey(reference, 'SIGNATURE', 'image/svg+xml', random);
  signatures.push({ key, svg: signatureSvg(name, random) });
  return key;
}
