// What holds across the whole call: help, a person on request at any point, goodbye, not being understood,
// silence on the line, and a fault behind the bot ending in an apology and a transfer, never in silence.
import { conversations } from '../script-format';

const HELP = 'I can book a courier to collect and deliver a parcel, tell you where a parcel is, or take your feedback';
const TO_AGENT = 'Let me put you through to one of our team. Please hold.';
const NOT_UNDERSTOOD = "I'm sorry, I'm having trouble understanding. Let me put you through to one of our team.";
const FALLBACK = "Sorry, I didn't catch that. You can book a courier, track a parcel, or give feedback.";
const FAULT = "I'm sorry, something went wrong on our side. Let me put you through to one of our team.";

export const GENERAL_SCRIPTS = conversations([
  {
    name: 'general: help says what the bot can do, and the caller carries on',
    covers: ['Req 3.1', 'Req 4.1'],
    turns: [
      { caller: 'what can you do', hears: [HELP, 'ask for an agent at any time'] },
      { caller: 'track a parcel', hears: ['Please tell me your booking reference'] },
    ],
    then: { bookingsMade: 0, feedbackStored: 0, botOutcome: 'OPEN', callState: 'IN_BOT' },
  },
  {
    name: 'general: help in the middle of a booking repeats the question and keeps the answers so far',
    covers: ['Req 3.8', 'Req 3.3'],
    turns: [
      { caller: 'book a courier', hears: ['Where should the courier collect the parcel?'] },
      { caller: '1201 3rd Ave 98101', hears: ['where should it be delivered'] },
      { caller: '3400 Stone Way North 98103', hears: ['How big is the parcel'] },
      {
        caller: 'what are my options',
        hears: ['I need this to continue. How big is the parcel: small, medium, large, or oversized?', 'say agent'],
      },
      { caller: 'medium', hears: ['how much does it weigh'], neverHears: ['Where should the courier collect'] },
    ],
    then: { bookingsMade: 0, feedbackStored: 0, botOutcome: 'OPEN', callState: 'IN_BOT' },
  },
  {
    name: 'general: a caller who asks for a person straight away is put through',
    covers: ['Req 4.7'],
    turns: [{ caller: 'I want to speak to a human', hears: [TO_AGENT] }],
    then: {
      bookingsMade: 0,
      feedbackStored: 0,
      botOutcome: 'TRANSFER',
      transferReason: 'AGENT_REQUESTED',
      callState: 'QUEUED',
    },
  },
  {
    name: 'general: a caller can ask for a person at the read-back without booking anything',
    covers: ['Req 3.5'],
    turns: [
      { caller: 'book a courier', hears: ['Where should the courier collect the parcel?'] },
      { caller: '1201 3rd Ave 98101', hears: ['where should it be delivered'] },
      { caller: '3400 Stone Way North 98103', hears: ['How big is the parcel'] },
      { caller: 'small', hears: ['how much does it weigh'] },
      { caller: '1', hears: ['special handling'] },
      { caller: 'none', hears: ['Which day'] },
      { caller: 'today', hears: ['What time suits you'] },
      { caller: 'afternoon', hears: ['what name'] },
      { caller: 'Grace Hopper', hears: ['Shall I book it?'] },
      { caller: 'let me talk to someone', hears: [TO_AGENT], neverHears: ['Your courier is booked'] },
    ],
    then: {
      bookingsMade: 0,
      feedbackStored: 0,
      botOutcome: 'TRANSFER',
      transferReason: 'AGENT_REQUESTED',
      callState: 'QUEUED',
    },
  },
  {
    name: 'general: a caller can ask for a person in the middle of a complaint',
    covers: ['Req 5.4'],
    given: { bookings: { done: { status: 'DELIVERED' } } },
    turns: [
      { caller: 'I have a complaint', hears: ['Please tell me the booking reference'] },
      { caller: '{done}', hears: ['Is it about a late delivery'] },
      { caller: 'can I talk to a human being', hears: [TO_AGENT] },
    ],
    then: {
      bookingsMade: 0,
      feedbackStored: 0,
      botOutcome: 'TRANSFER',
      transferReason: 'AGENT_REQUESTED',
      callState: 'QUEUED',
    },
  },
  {
    name: 'general: goodbye ends the call politely',
    covers: ['Req 4.8'],
    turns: [{ caller: 'goodbye', hears: ['Thank you for calling. Goodbye!'] }],
    then: { bookingsMade: 0, feedbackStored: 0, botOutcome: 'DONE', callState: 'DISCONNECTED' },
  },
  {
    name: 'general: something the bot does not understand is answered with the choices, then the caller recovers',
    covers: ['Req 3.1'],
    turns: [
      { caller: 'purple monkey dishwasher', hears: [FALLBACK] },
      { caller: 'I need a courier', hears: ['Where should the courier collect the parcel?'] },
    ],
    then: { bookingsMade: 0, feedbackStored: 0, botOutcome: 'OPEN', callState: 'IN_BOT' },
  },
  {
    name: 'general: three turns in a row not understood hand the caller to a person',
    covers: ['Req 4.7'],
    turns: [
      { caller: 'purple monkey dishwasher', hears: [FALLBACK] },
      { caller: 'the quick brown fox', hears: [FALLBACK] },
      { caller: 'lorem ipsum dolor', hears: [NOT_UNDERSTOOD] },
    ],
    then: {
      bookingsMade: 0,
      feedbackStored: 0,
      botOutcome: 'TRANSFER',
      transferReason: 'NOT_UNDERSTOOD',
      callState: 'QUEUED',
    },
  },
  {
    name: 'general: an answer that fits no choice is asked again, and the question is not lost',
    covers: ['Req 3.8'],
    turns: [
      { caller: 'book a courier', hears: ['Where should the courier collect the parcel?'] },
      { caller: '1201 3rd Ave 98101', hears: ['where should it be delivered'] },
      { caller: '3400 Stone Way North 98103', hears: ['How big is the parcel'] },
      { caller: 'banana smoothie', hears: ['How big is the parcel'] },
      { caller: 'large', hears: ['how much does it weigh'] },
    ],
    then: { bookingsMade: 0, feedbackStored: 0, botOutcome: 'OPEN', callState: 'IN_BOT' },
  },
  {
    name: 'general: silence on the line after a question hands the caller to a person, never dead air',
    covers: ['Req 3.8'],
    turns: [
      { caller: 'book a courier', hears: ['Where should the courier collect the parcel?'] },
      { caller: '', hears: [NOT_UNDERSTOOD] },
    ],
    then: { bookingsMade: 0, feedbackStored: 0, botOutcome: 'OPEN', callState: 'QUEUED' },
  },
  {
    name: 'general: a caller who says nothing after the greeting is handed to a person',
    covers: ['Req 3.1'],
    turns: [{ caller: '', hears: [NOT_UNDERSTOOD] }],
    then: { bookingsMade: 0, feedbackStored: 0, botOutcome: 'OPEN', callState: 'QUEUED' },
  },
  {
    name: 'general: a database outage while tracking ends in an apology and a transfer',
    covers: ['Req 4.2'],
    given: { bookings: { moving: { status: 'IN_TRANSIT' } }, trouble: 'storage' },
    turns: [
      { caller: 'where is my parcel', hears: ['Please tell me your booking reference'] },
      { caller: '{moving}', hears: [FAULT], neverHears: ['DynamoDB', 'ETIMEDOUT', "couldn't find"] },
    ],
    then: { bookingsMade: 0, feedbackStored: 0, botOutcome: 'TRANSFER', transferReason: 'FAULT', callState: 'QUEUED' },
  },
  {
    name: 'general: a database outage at the moment of booking ends in an apology and a transfer, with no booking',
    covers: ['Req 3.6'],
    given: { trouble: 'storage' },
    turns: [
      { caller: 'book a courier', hears: ['Where should the courier collect the parcel?'] },
      { caller: '1201 3rd Ave 98101', hears: ['where should it be delivered'] },
      { caller: '3400 Stone Way North 98103', hears: ['How big is the parcel'] },
      { caller: 'small', hears: ['how much does it weigh'] },
      { caller: '1', hears: ['special handling'] },
      { caller: 'none', hears: ['Which day'] },
      { caller: 'today', hears: ['What time suits you'] },
      { caller: 'afternoon', hears: ['what name'] },
      { caller: 'Grace Hopper', hears: ['Shall I book it?'] },
      { caller: 'yes', hears: [FAULT], neverHears: ['Your courier is booked', 'DynamoDB'] },
    ],
    then: { bookingsMade: 0, feedbackStored: 0, botOutcome: 'TRANSFER', transferReason: 'FAULT', callState: 'QUEUED' },
  },
  {
    name: 'general: asking for a reference before one was given is answered honestly',
    covers: ['Req 3.7'],
    turns: [
      {
        caller: 'what was my reference',
        hears: ["I haven't given you a reference on this call yet.", 'anything else'],
      },
    ],
    then: { bookingsMade: 0, feedbackStored: 0, botOutcome: 'OPEN', callState: 'IN_BOT' },
  },
]);
