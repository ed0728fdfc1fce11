// SSML for the phone: escaped prompt text, references spelled in groups, times said the way people say them.
import { spellReference } from '../core/reference';
import { renderPrompt, type PromptKey, type Prompts } from './bot-definition';

/** The business's local time zone: times are spoken in it. */
export const VOICE_TIME_ZONE = 'America/Los_Angeles';

/** SSML fragment (escaped text and tags), kept apart from plain strings so nothing is escaped twice. */
export type Ssml = { ssml: string };

export function escapeSsml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A prompt rendered to SSML: plain values escaped, SSML values inserted as they are. */
export function say(prompts: Prompts, key: PromptKey, values: Record<string, string | number | Ssml> = {}): string {
  const plain: Record<string, string> = {};
  const tokens = new Map<string, string>();
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'object') {
      const token = `\u0000${tokens.size}\u0000`;
      tokens.set(token, value.ssml);
      plain[name] = token;
    } else {
      plain[name] = String(value);
    }
  }
  let out = escapeSsml(renderPrompt(prompts, key, plain));
  for (const [token, ssml] of tokens) out = out.split(token).join(ssml);
  return out;
}

/**
 * A reference read slowly: each group of three spelled with the phonetic alphabet, a pause between groups,
 * so "K7M-4XR-7" can be written down on a bad line.
 */
export function referenceSsml(reference: string): Ssml {
  const prefix = reference.startsWith('F-') ? 'F as in foxtrot, <break time="300ms"/>' : '';
  const compact = reference.replace(/^F-/, '');
  const spoken = spellReference(compact).map(escapeSsml);
  const groups = [spoken.slice(0, 3), spoken.slice(3, 6), spoken.slice(6)].filter((g) => g.length > 0);
  const body = groups.map((g) => `<prosody rate="slow">${g.join(', ')}</prosody>`).join('<break time="500ms"/>');
  return {
    ssml: `<say-as interpret-as="characters">${escapeSsml(reference)}</say-as><break time="300ms"/>${prefix}${body}`,
  };
}

function localParts(at: Date): { day: string; time: string; weekday: string } {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: VOICE_TIME_ZONE, dateStyle: 'short' }).format(at);
  const time = new Intl.DateTimeFormat('en-US', { timeZone: VOICE_TIME_ZONE, hour: 'numeric', minute: '2-digit' })
    .format(at)
    .replace(':00', '');
  const weekday = new Intl.DateTimeFormat('en-US', {
    timeZone: VOICE_TIME_ZONE,
    weekday: 'long',
    month: 'long',
    day: 'numeric',
  }).format(at);
  return { day, time, weekday };
}

/** The local calendar day (YYYY-MM-DD) of an instant. */
export function localDay(at: Date): string {
  return localParts(at).day;
}

/** "today", "tomorrow" or "on Friday, June 13" relative to now, in local time. */
export function spokenDay(at: Date, now: Date): string {
  const day = localDay(at);
  if (day === localDay(now)) return 'today';
  if (day === localDay(new Date(now.getTime() + 86_400_000))) return 'tomorrow';
  return `on ${localParts(at).weekday}`;
}

/** "today at 3:30 PM", "tomorrow at 9 AM". */
export function spokenTime(at: Date, now: Date): string {
  return `${spokenDay(at, now)} at ${localParts(at).time}`;
}

/** "today between 1 PM and 5 PM". */
export function spokenWindow(start: Date, end: Date, now: Date): string {
  return `${spokenDay(start, now)} between ${localParts(start).time} and ${localParts(end).time}`;
}

/** UTC instant of a local wall-clock time in the business's zone (handles daylight saving). */
export function localInstant(day: string, hour: number, minute = 0): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d, hour, minute);
  const offsetAt = (t: number) => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: VOICE_TIME_ZONE,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    }).formatToParts(new Date(t));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - t;
  };
  const first = guess - offsetAt(guess);
  return new Date(guess - offsetAt(first));
}
