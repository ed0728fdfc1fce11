// Feedback and complaints by phone (Req 5): only on completed deliveries (otherwise the caller hears where the
// parcel is), a rating or a complaint with category and severity, urgent complaints flagged, a reference at the end.
import { conversations } from '../script-format';

const ASK_REFERENCE = 'Which delivery is this about? Please tell me the booking reference.';
const ASK_TYPE = 'Would you like to give feedback, or make a complaint?';
const ASK_RATING = 'On a scale of one to five, how would you rate the delivery?';
const ASK_CATEGORY = "I'm sorry to hear that. Is it about a late delivery";
const ASK_SEVERITY = 'How serious is it: low, medium, or high?';
const ASK_COMMENT = 'Please tell me in a few words what happened.';
const THANKS = /Thank you for your feedback\. Your feedback reference is F-[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]/;
const FLAGGED = "I've flagged this for immediate attention by our team.";
const NOT_YET = 'Feedback opens once a parcel is delivered.';

export const FEEDBACK_SCRIPTS = conversations([
  {
    name: 'feedback: a rating and a comment on a delivered parcel, thanked with a feedback reference',
    covers: ['Req 5.1', 'Req 5.2', 'Req 5.3', 'Req 5.5', 'Req 5.6', 'Req 5.9'],
    given: { bookings: { done: { status: 'DELIVERED' } } },
    turns: [
      { caller: 'I want to give feedback', hears: [ASK_REFERENCE] },
      { caller: '{done}', hears: [ASK_TYPE] },
      { caller: 'feedback', hears: [ASK_RATING] },
      { caller: 'five', hears: [ASK_COMMENT] },
      { caller: 'the courier was very friendly and quick', hears: [THANKS, 'anything else'], neverHears: [FLAGGED] },
      { caller: 'no thanks', hears: ['Goodbye'] },
    ],
    then: {
      bookingsMade: 0,
      feedbackStored: 1,
      feedback: { type: 'FEEDBACK', rating: 5, flagged: false, about: 'done' },
      botOutcome: 'DONE',
      callState: 'DISCONNECTED',
    },
  },
  {
    name: 'feedback: a rating said in words ("I would give it four") is understood',
    covers: ['Req 5.3'],
    given: { bookings: { done: { status: 'DELIVERED' } } },
    turns: [
      { caller: 'feedback on booking {done:grouped}', hears: [ASK_TYPE] },
      { caller: 'just some feedback', hears: [ASK_RATING] },
      { caller: 'I would give it four', hears: [ASK_COMMENT] },
      { caller: 'it came a bit later than promised', hears: [THANKS] },
    ],
    then: {
      bookingsMade: 0,
      feedbackStored: 1,
      feedback: { type: 'FEEDBACK', rating: 4, about: 'done' },
      botOutcome: 'OPEN',
      callState: 'IN_BOT',
    },
  },
  {
    name: 'feedback: a complaint of medium severity is taken with its category and not flagged',
    covers: ['Req 5.2', 'Req 5.4', 'Req 5.5', 'Req 5.6'],
    given: { bookings: { done: { status: 'DELIVERED' } } },
    turns: [
      { caller: 'something went wrong with my delivery', hears: [ASK_REFERENCE] },
      { caller: '{done}', hears: [ASK_TYPE] },
      { caller: 'a complaint', hears: [ASK_CATEGORY] },
      { caller: 'it was damaged', hears: [ASK_SEVERITY] },
      { caller: 'medium', hears: [ASK_COMMENT] },
      { caller: 'the corner of the box was crushed', hears: [THANKS], neverHears: [FLAGGED] },
    ],
    then: {
      bookingsMade: 0,
      feedbackStored: 1,
      feedback: { type: 'COMPLAINT', category: 'DAMAGED_PACKAGE', severity: 'MEDIUM', flagged: false, about: 'done' },
      botOutcome: 'OPEN',
      callState: 'IN_BOT',
    },
  },
  {
    name: 'feedback: a high-severity complaint is flagged for immediate attention',
    covers: ['Req 5.4', 'Req 5.7', 'Req 5.9'],
    given: { bookings: { done: { status: 'DELIVERED' } } },
    turns: [
      { caller: 'I want to make a complaint', hears: [ASK_REFERENCE] },
      { caller: '{done:phonetic}', hears: [ASK_CATEGORY], neverHears: [ASK_TYPE] },
      { caller: 'the parcel never arrived', hears: [ASK_SEVERITY] },
      { caller: 'very serious', hears: [ASK_COMMENT] },
      { caller: 'it says delivered but nothing was left at my door', hears: [THANKS, FLAGGED, 'anything else'] },
      { caller: 'what was my reference', hears: [/Your reference is F-[0-9A-Z]{3}-/] },
      { caller: 'goodbye', hears: ['Goodbye'] },
    ],
    then: {
      bookingsMade: 0,
      feedbackStored: 1,
      feedback: { type: 'COMPLAINT', category: 'LOST_PACKAGE', severity: 'HIGH', flagged: true, about: 'done' },
      botOutcome: 'DONE',
      callState: 'DISCONNECTED',
    },
  },
  {
    name: 'feedback: a complaint about the courier, with the details in one breath',
    covers: ['Req 5.4', 'Req 5.7'],
    given: { bookings: { returned: { status: 'RETURNED' } } },
    turns: [
      { caller: 'complaint about {returned}', hears: [ASK_CATEGORY], neverHears: [ASK_TYPE] },
      { caller: 'the driver was rude', hears: [ASK_SEVERITY] },
      { caller: 'high', hears: [ASK_COMMENT] },
      { caller: 'he shouted at my neighbour', hears: [THANKS, FLAGGED] },
    ],
    then: {
      bookingsMade: 0,
      feedbackStored: 1,
      feedback: {
        type: 'COMPLAINT',
        category: 'COURIER_BEHAVIOUR',
        severity: 'HIGH',
        flagged: true,
        about: 'returned',
      },
      botOutcome: 'OPEN',
      callState: 'IN_BOT',
    },
  },
  {
    name: 'feedback: a parcel still on its way is not open for feedback; the caller hears where it is',
    covers: ['Req 5.8', 'Req 4.3', 'Req 4.5'],
    given: { bookings: { moving: { status: 'OUT_FOR_DELIVERY', etaInMinutes: 30 } } },
    turns: [
      { caller: 'leave feedback', hears: [ASK_REFERENCE] },
      {
        caller: '{moving}',
        hears: [
          NOT_YET,
          'Your parcel {moving}',
          'is out for delivery',
          "It's expected",
          "Would you like your courier's",
        ],
        neverHears: [ASK_TYPE],
      },
      { caller: 'yes', hears: ['Your courier is Courier courier-07', 'anything else'] },
    ],
    then: { bookingsMade: 0, feedbackStored: 0, botOutcome: 'OPEN', callState: 'IN_BOT' },
  },
  {
    name: 'feedback: a booking not yet collected switches to tracking and stores nothing',
    covers: ['Req 5.8'],
    given: { bookings: { booked: { status: 'BOOKED', etaInMinutes: 300 } } },
    turns: [
      { caller: 'my delivery was late', hears: [ASK_REFERENCE] },
      {
        caller: '{booked}',
        hears: [NOT_YET, 'is booked', "It's expected", 'anything else'],
        neverHears: [ASK_CATEGORY],
      },
      { caller: 'no', hears: ['Goodbye'] },
    ],
    then: { bookingsMade: 0, feedbackStored: 0, botOutcome: 'DONE', callState: 'DISCONNECTED' },
  },
  {
    name: 'feedback: an unknown reference goes to customer service',
    covers: ['Req 5.1', 'Req 4.7'],
    turns: [
      { caller: 'rate my delivery', hears: [ASK_REFERENCE] },
      { caller: 'H J K 4 7 9 9', hears: ["I couldn't find a booking with reference HJK-479-9", 'put you through'] },
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
    name: 'feedback: a misread reference is asked for again before the feedback questions',
    covers: ['Req 5.1', 'Req 4.6'],
    given: { bookings: { done: { status: 'DELIVERED' } } },
    turns: [
      { caller: 'review my delivery', hears: [ASK_REFERENCE] },
      { caller: '{done:wrong-check}', hears: ["That reference doesn't look right"], neverHears: [ASK_TYPE] },
      { caller: '{done}', hears: [ASK_TYPE] },
      { caller: 'give feedback', hears: [ASK_RATING] },
      { caller: 'excellent', hears: [ASK_COMMENT] },
      { caller: 'perfect service thank you', hears: [THANKS] },
    ],
    then: {
      bookingsMade: 0,
      feedbackStored: 1,
      feedback: { type: 'FEEDBACK', rating: 5, about: 'done' },
      botOutcome: 'OPEN',
      callState: 'IN_BOT',
    },
  },
]);
