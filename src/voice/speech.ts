// SSML for the phone: escaped prompt text, references spelled in groups, times said the way people say them.
import { addDays, DEFAULT_TIME_ZONE, type BusinessCalendar } from '../core/business-calendar';
import { spellReference } from '../core/reference';
import { renderPrompt, type PromptKey, type Prompts } from './bot-definition';

/** The demo company's time zone, for the Lex emulator's date resolution in tests; the bot speaks deps.calendar's. */
export const VOICE_TIME_ZONE = DEFAULT_TIME_ZONE;

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

function localParts(at: Date, calendar: BusinessCalendar): { time: string; weekday: string } {
  const { timeZone } = calendar;
  const time = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' })
    .format(at)
    .replace(':00', '');
  const weekday = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long', month: 'long', day: 'numeric' }).format(
    at,
  );
  return { time, weekday };
}

/** "today", "tomorrow" or "on Friday, June 13" relative to now, in the company's calendar. */
export function spokenDay(at: Date, now: Date, calendar: BusinessCalendar): string {
  const day = calendar.dayOf(at);
  const today = calendar.dayOf(now);
  if (day === today) return 'today';
  if (day === addDays(today, 1)) return 'tomorrow';
  return `on ${localParts(at, calendar).weekday}`;
}

/** "today at 3:30 PM", "tomorrow at 9 AM". */
export function spokenTime(at: Date, now: Date, calendar: BusinessCalendar): string {
  return `${spokenDay(at, now, calendar)} at ${localParts(at, calendar).time}`;
}

/** A company clock time ("18:00", "08:30", "24:00") as said: "6 PM", "8:30 AM", "midnight". */
export function spokenClock(time: string): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  if (h % 24 === 0 && m === 0) return 'midnight';
  if (h === 12 && m === 0) return 'noon';
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}${m === 0 ? '' : `:${String(m).padStart(2, '0')}`} ${h < 12 ? 'AM' : 'PM'}`;
}

/** "today between 1 PM and 5 PM". */
export function spokenWindow(start: Date, end: Date, now: Date, calendar: BusinessCalendar): string {
  return `${spokenDay(start, now, calendar)} between ${localParts(start, calendar).time} and ${localParts(end, calendar).time}`;
}
