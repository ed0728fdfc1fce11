// Tracking by phone (Req 4): the reference checked before any lookup, status, place and ETA in plain words,
// the courier's number while the parcel travels, retries and a way to a person, and "anything else?".
import { conversations } from '../script-format';

const ASK_REFERENCE = 'Please tell me your booking reference';
const COURIER_OFFER = "Would you like your courier's phone number?";
const ANYTHING_ELSE = 'Is there anything else I can help you with?';
const CHECK_PROBLEM = "That reference doesn't look right. That reference does not add up";
const AGENT_OFFER = "I'm still not able to read that reference. Would you like to speak to an agent?";
/** A reference with a correct check character that no booking has. */
const UNKNOWN_REFERENCE = 'W X 9 T 3 P 9';

export const TRACKING_SCRIPTS = conversations([
  {
    name: 'tracking: a booked parcel is described with its expected time, then the caller says goodbye',
    covers: ['Req 4.1', 'Req 4.2', 'Req 4.4', 'Req 4.8'],
    given: { bookings: { booked: { status: 'BOOKED', etaInMinutes: 240 } } },
    turns: [
      { caller: 'where is my parcel', hears: [ASK_REFERENCE] },
      {
        caller: '{booked}',
        hears: ['Your parcel {booked}', 'is booked.', "It's expected today at 12 PM", ANYTHING_ELSE],
      },
      { caller: "no that's all", hears: ['Thank you for calling. Goodbye!'] },
    ],
    then: { bookingsMade: 0, feedbackStored: 0, botOutcome: 'DONE', callState: 'DISCONNECTED' },
  },
  {
    name: 'tracking: a parcel in transit is placed, timed, and the courier number given on request',
    covers: ['Req 4.2', 'Req 4.3', 'Req 4.4', 'Req 4.5', 'Req 4.8'],
    given: { bookings: { moving: { status: 'IN_TRANSIT', etaInMinutes: 45 } } },
    turns: [
      {
        caller: 'track {moving:grouped}',
        hears: ['is in transit', /It was last seen near [A-Z][a-z]+/, "It's expected today at 8:45 AM", COURIER_OFFER],
      },
      { caller: 'yes please', hears: ['Your courier is Courier courier-07, on', ANYTHING_ELSE] },
      { caller: 'no thank you', hears: ['Goodbye'] },
    ],
    then: { bookingsMade: 0, feedbackStored: 0, botOutcome: 'DONE', callState: 'DISCONNECTED' },
  },
  {
    name: 'tracking: a parcel out for delivery, reference spelled phonetically, courier number declined',
    covers: ['Req 4.2', 'Req 4.3', 'Req 4.5', 'Req 4.8'],
    given: { bookings: { nearly: { status: 'OUT_FOR_DELIVERY', etaInMinutes: 20 } } },
    turns: [
      { caller: 'I want to track a package', hears: [ASK_REFERENCE] },
      { caller: '{nearly:phonetic}', hears: ['is out for delivery', 'It was last seen near', COURIER_OFFER] },
      { caller: 'no', hears: [ANYTHING_ELSE], neverHears: ['Your courier is'] },
    ],
    then: { bookingsMade: 0, feedbackStored: 0, botOutcome: 'OPEN', callState: 'IN_BOT' },
  },
  {
    name: 'tracking: a collected parcel is placed where the courier last reported it',
    covers: ['Req 4.2', 'Req 4.3'],
    given: { bookings: { collected: { status: 'COLLECTED', etaInMinutes: 90 } } },
    turns: [
      { caller: 'has my parcel been delivered', hears: [ASK_REFERENCE] },
      { caller: 'my reference is {collected}', hears: ['is collected', 'It was last seen near', "It's expected"] },
    ],
    then: { bookingsMade: 0, feedbackStored: 0, botOutcome: 'OPEN', callState: 'IN_BOT' },
  },
  {
    name: 'tracking: a delivered parcel says when it was delivered and offers no courier number',
    covers: ['Req 4.2', 'Req 4.8'],
    given: { bookings: { done: { status: 'DELIVERED' } } },
    turns: [
      { caller: 'check on my delivery', hears: [ASK_REFERENCE] },
      {
        caller: '{done}',
        hears: ['is delivered', 'It was delivered today at 7:35 AM', ANYTHING_ELSE],
        neverHears: [COURIER_OFFER, "It's expected"],
      },
    ],
    then: { bookingsMade: 0, feedbackStored: 0, botOutcome: 'OPEN', callState: 'IN_BOT' },
  },
  {
    name: 'tracking: a failed delivery, a returned parcel and a cancelled booking are each named plainly',
    covers: ['Req 4.2', 'Req 4.8'],
    given: {
      bookings: {
        failed: { status: 'FAILED_DELIVERY' },
        returned: { status: 'RETURNED' },
        cancelled: { status: 'CANCELLED' },
      },
    },
    turns: [
      {
        caller: 'where is {failed}',
        hears: ['is waiting for another delivery attempt', ANYTHING_ELSE],
        neverHears: ['is delivery failed'],
      },
      { caller: 'track another parcel', hears: [ASK_REFERENCE] },
      { caller: '{returned}', hears: ['is returned to sender', ANYTHING_ELSE] },
      { caller: 'status of booking {cancelled}', hears: ['is cancelled', ANYTHING_ELSE] },
      { caller: 'bye', hears: ['Goodbye'] },
    ],
    then: { bookingsMade: 0, feedbackStored: 0, botOutcome: 'DONE', callState: 'DISCONNECTED' },
  },
  {
    name: 'tracking: a reference with a wrong check character is refused before any lookup, then a good one works',
    covers: ['Req 4.6', 'Req 4.2'],
    given: { bookings: { moving: { status: 'IN_TRANSIT', etaInMinutes: 30 } } },
    turns: [
      { caller: 'track my delivery', hears: [ASK_REFERENCE] },
      { caller: '{moving:wrong-check}', hears: [CHECK_PROBLEM, 'Please say it again'], neverHears: ["couldn't find"] },
      { caller: '{moving}', hears: ['is in transit', COURIER_OFFER] },
    ],
    then: { bookingsMade: 0, feedbackStored: 0, botOutcome: 'OPEN', callState: 'IN_BOT' },
  },
  {
    name: 'tracking: a reference that is too short is explained',
    covers: ['Req 4.6'],
    turns: [
      { caller: 'where is my package', hears: [ASK_REFERENCE] },
      { caller: 'K 7 M 4', hears: ['A booking reference has 7 characters', 'Please say it again'] },
    ],
    then: { bookingsMade: 0, feedbackStored: 0, botOutcome: 'OPEN', callState: 'IN_BOT' },
  },
  {
    name: 'tracking: three unreadable references lead to an offer of an agent, which the caller takes',
    covers: ['Req 4.6', 'Req 4.7'],
    given: { bookings: { moving: { status: 'IN_TRANSIT' } } },
    turns: [
      { caller: 'track a parcel', hears: [ASK_REFERENCE] },
      { caller: '{moving:wrong-check}', hears: [CHECK_PROBLEM] },
      { caller: 'B 8 Z 1 2 5 0', hears: ['uses only the digits 3 4 6 7 9'] },
      { caller: '{moving:wrong-check}', hears: [AGENT_OFFER] },
      { caller: 'yes', hears: ['Let me put you through to one of our team'] },
    ],
    then: {
      bookingsMade: 0,
      feedbackStored: 0,
      botOutcome: 'TRANSFER',
      transferReason: 'REFERENCE_FAILURES',
      callState: 'QUEUED',
    },
  },
  {
    name: 'tracking: a caller who turns down the agent offer gets another go and is answered',
    covers: ['Req 4.6', 'Req 4.2'],
    given: { bookings: { booked: { status: 'BOOKED' } } },
    turns: [
      { caller: 'where is my parcel', hears: [ASK_REFERENCE] },
      { caller: '{booked:wrong-check}', hears: [CHECK_PROBLEM] },
      { caller: '{booked:wrong-check}', hears: [CHECK_PROBLEM] },
      { caller: '{booked:wrong-check}', hears: [AGENT_OFFER] },
      { caller: 'no', hears: [ASK_REFERENCE] },
      { caller: '{booked}', hears: ['Your parcel {booked}', 'is booked'] },
    ],
    then: { bookingsMade: 0, feedbackStored: 0, botOutcome: 'OPEN', callState: 'IN_BOT' },
  },
  {
    name: 'tracking: a well-formed reference with no booking goes to customer service',
    covers: ['Req 4.7'],
    turns: [
      { caller: 'when will my delivery arrive', hears: [ASK_REFERENCE] },
      {
        caller: UNKNOWN_REFERENCE,
        hears: ["I couldn't find a booking with reference WX9-T3P-9", 'customer service team', 'put you through'],
      },
    ],
    then: {
      bookingsMade: 0,
      feedbackStored: 0,
      botOutcome: 'TRANSFER',
      transferReason: 'NOT_FOUND',
      callState: 'QUEUED',
    },
  },
  {
    name: 'tracking: "anything else?" leads on to a booking in the same call',
    covers: ['Req 4.8', 'Req 3.1'],
    given: { bookings: { done: { status: 'DELIVERED' } } },
    turns: [
      { caller: 'track {done}', hears: ['is delivered', ANYTHING_ELSE] },
      { caller: 'yes I need to book a courier', hears: ['Where should the courier collect the parcel?'] },
    ],
    then: { bookingsMade: 0, feedbackStored: 0, botOutcome: 'OPEN', callState: 'IN_BOT' },
  },
]);
