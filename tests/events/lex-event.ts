// Event factories for Lex V2 code hook events (Powertools' tests/events style).
import type { LexV2Event, LexV2Slots } from 'aws-lambda';

export type LexEventOptions = {
  intent: string;
  /** Slot name → what the caller said; the interpreted value is the same unless given as [original, interpreted]. */
  slots?: Record<string, string | [string, string]>;
  sessionAttributes?: Record<string, string>;
  confirmationState?: 'Confirmed' | 'Denied' | 'None';
  inputTranscript?: string;
  invocationSource?: LexV2Event['invocationSource'];
  sessionId?: string;
  localeId?: string;
};

export function lexSlots(values: Record<string, string | [string, string]>): LexV2Slots {
  return Object.fromEntries(
    Object.entries(values).map(([name, v]) => {
      const [originalValue, interpretedValue] = typeof v === 'string' ? [v, v] : v;
      return [
        name,
        { shape: 'Scalar', value: { originalValue, interpretedValue, resolvedValues: [interpretedValue] } },
      ];
    }),
  );
}

export function lexEvent(options: LexEventOptions): LexV2Event {
  const intent = {
    name: options.intent,
    slots: lexSlots(options.slots ?? {}),
    state: 'InProgress' as const,
    confirmationState: options.confirmationState ?? 'None',
  };
  return {
    messageVersion: '1.0',
    invocationSource: options.invocationSource ?? 'DialogCodeHook',
    inputMode: 'Speech',
    responseContentType: 'audio/pcm',
    sessionId: options.sessionId ?? 'session-0001',
    inputTranscript: options.inputTranscript ?? '',
    bot: {
      id: 'BOT0000001',
      name: 'CourierVoicebot',
      aliasId: 'TSTALIASID',
      aliasName: 'live',
      localeId: options.localeId ?? 'en_US',
      version: 'DRAFT',
    },
    interpretations: [{ intent, nluConfidence: 0.93 }],
    proposedNextState: { dialogAction: { type: 'Delegate' }, intent },
    sessionState: {
      sessionAttributes: options.sessionAttributes ?? {},
      intent,
      originatingRequestId: 'req-0001',
    },
    transcriptions: [],
  };
}
