// The responses editor's reading of the bot's prompts: which part of a call each belongs to, whether an
// edit keeps the {placeholders} the bot fills in, and the overrides a redeploy sends.
import type { BotPrompt } from '../api/voicebot-api';
import type { PromptEdits } from './deployment-settings';

export type PromptGroupId = 'general' | 'booking' | 'tracking' | 'feedback';

export const PROMPT_GROUPS: readonly { id: PromptGroupId; title: string; description: string }[] = [
  { id: 'general', title: 'General', description: 'Greeting, help, goodbye, and what the bot says when it is lost.' },
  {
    id: 'booking',
    title: 'Booking a courier',
    description: 'Addresses, parcel, pickup time, read-back and reference.',
  },
  { id: 'tracking', title: 'Tracking a parcel', description: 'Reference, status, location, ETA and courier contact.' },
  { id: 'feedback', title: 'Feedback and complaints', description: 'Rating, complaint category and severity, thanks.' },
];

const TRACKING =
  /^(askTracking|tracking|invalidReference|referenceNotFound|offerAgentAfterFailures|offerCourier|courier)/;
const FEEDBACK = /^(askFeedback|feedback|askRating|askComplaint|askSeverity|complaint)/;
const BOOKING =
  /^(askPickup|askDelivery|address|askPackage|package|askSpecial|pickup|askCustomer|askCallback|invalidCallback|confirmBooking|askFieldToChange|booking|repeatReference|noReferenceToRepeat)/;

/** The group of a prompt key, by the naming of the bot definition's prompts; anything else is general. */
export function groupOfPrompt(key: string): PromptGroupId {
  if (TRACKING.test(key)) return 'tracking';
  if (FEEDBACK.test(key)) return 'feedback';
  if (BOOKING.test(key)) return 'booking';
  return 'general';
}

/** "askPickupAddress" → "Ask pickup address": a label for the key. */
export function promptLabel(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))];
}

/**
 * Why an edited text cannot be used, or undefined. The bot fills the default's placeholders in; a missing one
 * would drop the reference or the address from what the caller hears, and an unknown one would be read out.
 */
export function promptProblem(text: string, defaultText: string): string | undefined {
  if (text.trim() === '') return 'The text is empty; type what the bot should say, or reset it to the default.';
  if (text.length > 1000) return 'The text is too long; keep it to 1000 characters.';
  const needed = placeholdersOf(defaultText);
  const present = placeholdersOf(text);
  const missing = needed.filter((p) => !present.includes(p));
  if (missing.length > 0) {
    const list = missing.map((p) => `{${p}}`).join(', ');
    return `Keep ${list}: the bot puts the caller's details there.`;
  }
  const unknown = present.filter((p) => !needed.includes(p));
  if (unknown.length > 0) {
    const list = unknown.map((p) => `{${p}}`).join(', ');
    return `Remove ${list}: the bot has nothing to put there. It can fill in ${needed.length ? needed.map((p) => `{${p}}`).join(', ') : 'no placeholders in this prompt'}.`;
  }
  return undefined;
}

/** The text a prompt will have: the editor's edit when there is one, otherwise what callers hear now. */
export function textOf(prompt: BotPrompt, edits: Record<string, string>): string {
  return edits[prompt.key] ?? prompt.text;
}

/** Differs from the shipped default (whitespace at the ends aside). */
export function isChanged(prompt: BotPrompt, edits: Record<string, string>): boolean {
  return textOf(prompt, edits).trim() !== prompt.defaultText.trim();
}

/** Edits not yet deployed: texts that differ from what callers hear now. */
export function pendingKeys(prompts: BotPrompt[], edits: Record<string, string>): string[] {
  return prompts.filter((p) => textOf(p, edits).trim() !== p.text.trim()).map((p) => p.key);
}

/**
 * The prompt edits of the next deployment: each prompt whose text differs from what callers hear now, with the
 * text the editor showed (`was`). The engine merges them into the live prompts and refuses an edit whose prompt
 * someone else changed meanwhile, so two admins editing at once never drop each other's edit. An edit back to
 * the default text resets the prompt.
 */
export function promptOverridesFrom(
  prompts: BotPrompt[],
  edits: Record<string, string>,
  localeId: string,
): PromptEdits {
  const pending = prompts
    .filter((p) => textOf(p, edits).trim() !== p.text.trim())
    .map((p) => [p.key, { text: textOf(p, edits).trim(), was: p.text }] as const);
  return pending.length > 0 ? { [localeId]: Object.fromEntries(pending) } : {};
}
