import { describe, expect, it } from 'vitest';
import type { CallView } from '../api/call-simulator-api';
import { describeCallState, newBotLines, stripSsml, transcriptLines } from './transcript';

const call = (overrides: Partial<CallView> = {}): CallView => ({
  contactId: 'c-1',
  instanceId: 'i-1',
  contactFlowId: 'f-1',
  from: '+12065550100',
  state: 'IN_BOT',
  attributes: {},
  transcript: [],
  ...overrides,
});

describe('transcriptLines', () => {
  it('shows the flow and the bot as the bot, the caller as the caller, without SSML', () => {
    // Prepare
    const view = call({
      transcript: [
        { speaker: 'FLOW', text: 'Thanks for calling.', at: '2025-03-03T10:00:00Z' },
        {
          speaker: 'BOT',
          text: '<speak>Your reference is <say-as interpret-as="characters">K7M</say-as><break time="300ms"/> &amp; done .</speak>',
          at: '2025-03-03T10:00:01Z',
        },
        { speaker: 'CALLER', text: 'track a parcel', at: '2025-03-03T10:00:02Z' },
      ],
    });

    // Act
    const lines = transcriptLines(view);

    // Assess
    expect(lines.map((l) => [l.speaker, l.text])).toEqual([
      ['bot', 'Thanks for calling.'],
      ['bot', 'Your reference is K7M & done.'],
      ['caller', 'track a parcel'],
    ]);
    expect(newBotLines(lines, 1)).toEqual(['Your reference is K7M & done.']);
  });
});

describe('describeCallState', () => {
  it('says where the call is', () => {
    // Prepare
    const queued = call({ state: 'QUEUED', queue: { id: 'q', name: 'BasicQueue', arn: 'arn' } });
    const ended = call({ state: 'DISCONNECTED', disconnectReason: 'CONTACT_FLOW_DISCONNECT' });

    // Act
    const texts = [describeCallState(call()), describeCallState(queued), describeCallState(ended)];

    // Assess
    expect(texts).toEqual(['Talking to the bot', 'Waiting for an agent in BasicQueue', 'Call ended by the bot']);
    expect(stripSsml('a &lt; b')).toBe('a < b');
  });
});
