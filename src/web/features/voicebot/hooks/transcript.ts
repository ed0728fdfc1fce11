// A simulated call as the test-call page shows it: caller and bot lines in order, plain text (no SSML).
import type { CallView } from '../api/call-simulator-api';

export type TranscriptLine = { speaker: 'caller' | 'bot'; text: string; at: string };

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' };

/** The words of SSML: tags dropped (a break becomes a space), entities decoded, spacing tidied. */
export function stripSsml(text: string): string {
  return text
    .replace(/<break[^>]*>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(lt|gt|quot|apos|amp);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.?!])/g, '$1')
    .trim();
}

/** The contact flow's prompts and the bot's messages are both "the bot" to a caller. */
export function transcriptLines(call: CallView): TranscriptLine[] {
  return call.transcript
    .map((entry) => ({
      speaker: entry.speaker === 'CALLER' ? ('caller' as const) : ('bot' as const),
      text: stripSsml(entry.text),
      at: entry.at,
    }))
    .filter((line) => line.text !== '' || line.speaker === 'caller');
}

/** The bot's lines after the first `seen` lines: what is new to speak aloud. */
export function newBotLines(lines: TranscriptLine[], seen: number): string[] {
  return lines
    .slice(seen)
    .filter((l) => l.speaker === 'bot')
    .map((l) => l.text);
}

const CALL_STATE_TEXT: Record<CallView['state'], string> = {
  IN_BOT: 'Talking to the bot',
  QUEUED: 'Waiting for an agent',
  DISCONNECTED: 'Call ended',
};

/** The call's state in words, with the queue or the reason it ended. */
export function describeCallState(call: CallView): string {
  if (call.state === 'QUEUED' && call.queue) return `${CALL_STATE_TEXT.QUEUED} in ${call.queue.name}`;
  if (call.state === 'DISCONNECTED' && call.disconnectReason) {
    return call.disconnectReason === 'CUSTOMER_DISCONNECT' ? 'Call ended: you hung up' : 'Call ended by the bot';
  }
  return CALL_STATE_TEXT[call.state];
}
