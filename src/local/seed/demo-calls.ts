// The demo company's past phone calls, as the code hook would have recorded them: one call per booking and
// per feedback taken by phone, plus tracking calls, calls handed to an agent and calls abandoned, with the
// utterances the bot missed and the slots it asked again. Its own random sequence, so the bookings stay as
// they were.
import type { Conversation } from '../../core/call-metrics';
import type { BusinessCalendar } from '../../core/business-calendar';
import type { Booking, Feedback } from '../../core/model';
import { seededRandom } from '../../core/seeded-random';

const MISSED = [
  'can i change my delivery address',
  'do you deliver on sundays',
  'how much does it cost',
  'is my driver nearby',
  'i need a receipt',
  'cancel my order',
  'um hello',
  'what are your opening hours',
];
const REASKED = ['PickupAddress', 'DeliveryAddress', 'PickupTime', 'BookingReference', 'PackageWeight', 'Rating'];
const TRANSFERS = ['AGENT_REQUESTED', 'NOT_UNDERSTOOD', 'NOT_FOUND', 'REFERENCE_FAILURES'];

export function generateDemoCalls(
  input: { bookings: Booking[]; feedback: Feedback[]; now: Date; calendar: BusinessCalendar },
  seed = 2027,
): Conversation[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[random.int(list.length)]!;
  const calls: Conversation[] = [];
  const call = (at: string, id: string, shape: Partial<Conversation> & { intent: string }): void => {
    const misses = random.int(10) < 3 ? 1 + random.int(2) : 0;
    const reasks = random.int(10) < 3 ? 1 : 0;
    const turns = (shape.turns ?? 3) + misses + reasks;
    const { intent, turns: _planned, ...rest } = shape;
    calls.push({
      sessionId: id,
      day: input.calendar.dayOf(at),
      startedAt: at,
      updatedAt: new Date(Date.parse(at) + turns * 20_000).toISOString(),
      version: turns,
      turns,
      recognized: turns - misses,
      missed: misses,
      booked: 0,
      tracked: 0,
      feedback: 0,
      intents: [
        ...Array.from({ length: turns - misses }, () => intent),
        ...Array.from({ length: misses }, () => 'FallbackIntent'),
      ],
      missedUtterances: Array.from({ length: misses }, () => pick(MISSED)),
      reaskedSlots: Array.from({ length: reasks }, () => pick(REASKED)),
      ...rest,
    });
  };
  for (const b of input.bookings.filter((x) => x.channel === 'VOICE'))
    call(b.createdAt, `demo-${b.reference}`, { intent: 'BookCourier', booked: 1, turns: 8, ended: random.int(3) > 0 });
  for (const f of input.feedback.filter((x) => x.channel === 'VOICE'))
    call(f.createdAt, `demo-${f.reference}`, { intent: 'GiveFeedback', feedback: 1, turns: 5 });
  // Tracking, transfers and hang-ups: about one call in three of the days' bookings.
  const past = input.bookings.filter((b) => Date.parse(b.createdAt) < input.now.getTime());
  for (const [i, b] of past.entries()) {
    if (i % 3 !== 0) continue;
    const at = new Date(Math.min(input.now.getTime() - 60_000, Date.parse(b.createdAt) + 3_600_000)).toISOString();
    const kind = random.int(10);
    if (kind < 6) call(at, `demo-track-${b.reference}`, { intent: 'TrackDelivery', tracked: 1, turns: 2 });
    else if (kind < 8)
      call(at, `demo-agent-${b.reference}`, { intent: 'SpeakToAgent', transferred: pick(TRANSFERS), turns: 2 });
    else call(at, `demo-drop-${b.reference}`, { intent: 'Help', turns: 1 });
  }
  return calls;
}
