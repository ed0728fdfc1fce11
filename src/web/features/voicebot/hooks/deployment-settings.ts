// The wizard's bot settings: the draft the form edits, its checks (the engine's rules, worded for the form
// and naming the field), and the settings input the API takes.
import type { DeploymentFields, DeploymentSettingsInput } from '../api/voicebot-api';

export type SettingsDraft = {
  instanceId: string;
  botName: string;
  localeId: string;
  voiceId: string;
  botAliasName: string;
  /** Empty: the engine names the flow "<bot name> inbound". */
  contactFlowName: string;
  /** Empty: callers asking for an agent hear an apology instead of being queued. */
  queueArn: string;
};

export type SettingsField = keyof SettingsDraft;
export type SettingsErrors = Partial<Record<SettingsField, string>>;

/** Prompt edits per locale, as the engine stores them: `{ en_US: { welcome: '…' } }`. */
export type PromptOverrides = Record<string, Record<string, string>>;

/** Prompt edits per locale, each with the text the editor showed: `{ en_US: { welcome: { text, was } } }`. */
export type PromptEdits = Record<string, Record<string, { text: string; was: string }>>;

export const LOCALE_OPTIONS = [{ id: 'en_US', label: 'English (US)' }] as const;

/** Amazon Polly voices that speak each locale, the engine's default first. */
export const VOICES_BY_LOCALE: Record<string, readonly string[]> = {
  en_US: [
    'Joanna',
    'Matthew',
    'Ruth',
    'Stephen',
    'Danielle',
    'Gregory',
    'Kendra',
    'Kimberly',
    'Salli',
    'Joey',
    'Justin',
    'Ivy',
  ],
};

export const FIELD_LABELS: Record<SettingsField, string> = {
  instanceId: 'Connect instance',
  botName: 'Bot name',
  localeId: 'Language',
  voiceId: 'Voice',
  botAliasName: 'Alias name',
  contactFlowName: 'Contact flow name',
  queueArn: 'Agent queue',
};

export function defaultDraft(instanceId = ''): SettingsDraft {
  return {
    instanceId,
    botName: 'CourierVoicebot',
    localeId: 'en_US',
    voiceId: 'Joanna',
    botAliasName: 'live',
    contactFlowName: '',
    queueArn: '',
  };
}

/** The flow name the engine will use when the field is left empty. */
export function effectiveFlowName(draft: SettingsDraft): string {
  return draft.contactFlowName.trim() || `${draft.botName.trim() || 'CourierVoicebot'} inbound`;
}

const LEX_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

function checkName(label: string, value: string, max: number, pattern: RegExp, rule: string): string | undefined {
  const text = value.trim();
  if (text === '') return `${label} is empty; please fill it in.`;
  if (text.length > max) return `${label} is too long; keep it to ${max} characters.`;
  if (!pattern.test(text)) return `${label} ${rule}`;
  return undefined;
}

/** Every problem of the draft, by field; empty when the API will accept it. */
export function validateSettings(draft: SettingsDraft): SettingsErrors {
  const errors: SettingsErrors = {};
  if (draft.instanceId.trim() === '') errors.instanceId = 'Connect instance is not chosen; pick one in step 1.';
  const botName = checkName(
    FIELD_LABELS.botName,
    draft.botName,
    40,
    LEX_NAME,
    'may use letters, digits, "-" and "_" only, starting with a letter or digit.',
  );
  if (botName) errors.botName = botName;
  if (!LOCALE_OPTIONS.some((l) => l.id === draft.localeId)) {
    errors.localeId = `Language ${draft.localeId} is not one the bot speaks; choose English (US).`;
  }
  const voice = checkName(
    FIELD_LABELS.voiceId,
    draft.voiceId,
    40,
    /^[A-Za-z]+$/,
    'must be an Amazon Polly voice name such as Joanna.',
  );
  if (voice) errors.voiceId = voice;
  const alias = checkName(
    FIELD_LABELS.botAliasName,
    draft.botAliasName,
    100,
    LEX_NAME,
    'may use letters, digits, "-" and "_" only, starting with a letter or digit.',
  );
  if (alias) errors.botAliasName = alias;
  if (draft.contactFlowName.trim() !== '') {
    const flow = checkName(
      FIELD_LABELS.contactFlowName,
      draft.contactFlowName,
      127,
      /^[^\\/]+$/,
      'must not contain slashes.',
    );
    if (flow) errors.contactFlowName = flow;
  }
  return errors;
}

/** The settings input for planDeployment/startDeployment; empty optional fields are left to the engine. */
export function toSettingsInput(
  draft: SettingsDraft,
  promptOverrides: PromptOverrides | PromptEdits = {},
): DeploymentSettingsInput {
  const optional = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    instanceId: draft.instanceId.trim(),
    botName: draft.botName.trim(),
    localeId: draft.localeId,
    voiceId: draft.voiceId.trim(),
    botAliasName: draft.botAliasName.trim(),
    contactFlowName: optional(draft.contactFlowName),
    queueArn: optional(draft.queueArn),
    promptOverrides: JSON.stringify(promptOverrides),
  };
}

/**
 * A deployment's prompt edits. AWSJSON arrives as a JSON string (AppSync serialises it); anything that is not
 * an object of objects of strings is dropped rather than sent back.
 */
export function parsePromptOverrides(value: unknown): PromptOverrides {
  let parsed: unknown = value;
  for (let depth = 0; typeof parsed === 'string' && depth < 2; depth++) {
    try {
      parsed = JSON.parse(parsed) as unknown;
    } catch {
      return {};
    }
  }
  if (typeof parsed !== 'object' || parsed === null) return {};
  const result: PromptOverrides = {};
  for (const [locale, edits] of Object.entries(parsed)) {
    if (typeof edits !== 'object' || edits === null) continue;
    const texts = Object.entries(edits).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
    if (texts.length > 0) result[locale] = Object.fromEntries(texts);
  }
  return result;
}

/** The settings a deployment ran with, as a draft and its prompt edits: what a redeploy starts from. */
export function settingsOfDeployment(deployment: DeploymentFields): {
  draft: SettingsDraft;
  promptOverrides: PromptOverrides;
} {
  const s = deployment.settings;
  return {
    draft: {
      instanceId: s.instanceId,
      botName: s.botName,
      localeId: s.localeId,
      voiceId: s.voiceId,
      botAliasName: s.botAliasName,
      contactFlowName: s.contactFlowName,
      queueArn: s.queueArn ?? '',
    },
    promptOverrides: parsePromptOverrides(s.promptOverrides),
  };
}
