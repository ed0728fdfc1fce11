// State of the Lex V2 models emulator: bots with their DRAFT locales, numbered version snapshots and aliases,
// in memory and optionally in a JSON file. Statuses move on by time (Creating → Available, Building → Built),
// worked out when read, so nothing runs in the background and a reload lands in the same place.
import { randomInt } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type {
  BotAliasLocaleSettings,
  ConversationLogSettings,
  CreateBotLocaleRequest,
  CreateBotRequest,
  CreateIntentRequest,
  CreateSlotRequest,
  CreateSlotTypeRequest,
  SentimentAnalysisSettings,
  SlotPriority,
} from '@aws-sdk/client-lex-models-v2';
import { notFound, preconditionFailed } from './lex-errors';
import type { LexAnalyticsState } from './lex-analytics';

export type BotStatus = 'Creating' | 'Available' | 'Inactive' | 'Deleting' | 'Failed' | 'Versioning';
export type LocaleStatus = 'Creating' | 'NotBuilt' | 'Building' | 'Built' | 'Failed' | 'Deleting';
export type AliasStatus = 'Creating' | 'Available' | 'Deleting' | 'Failed';

/** A status that becomes `to` at `at` (epoch ms). */
export type Transition<S extends string> = { to: S; at: number; failureReasons?: string[] };

export type BotSpec = Omit<CreateBotRequest, 'botTags' | 'testBotAliasTags'>;
export type LocaleSpec = Omit<CreateBotLocaleRequest, 'botId' | 'botVersion' | 'localeId'>;
export type IntentSpec = Omit<CreateIntentRequest, 'botId' | 'botVersion' | 'localeId'>;
export type SlotSpec = Omit<CreateSlotRequest, 'botId' | 'botVersion' | 'localeId' | 'intentId'>;
export type SlotTypeSpec = Omit<CreateSlotTypeRequest, 'botId' | 'botVersion' | 'localeId'>;
export type AliasSpec = {
  botAliasName: string;
  description?: string;
  botVersion?: string;
  botAliasLocaleSettings?: Record<string, BotAliasLocaleSettings>;
  conversationLogSettings?: ConversationLogSettings;
  sentimentAnalysisSettings?: SentimentAnalysisSettings;
  tags?: Record<string, string>;
};

export type SlotRecord = { slotId: string; spec: SlotSpec; createdAt: number; updatedAt: number };
export type IntentRecord = {
  intentId: string;
  spec: IntentSpec;
  slots: Record<string, SlotRecord>;
  slotPriorities: SlotPriority[];
  createdAt: number;
  updatedAt: number;
};
export type SlotTypeRecord = { slotTypeId: string; spec: SlotTypeSpec; createdAt: number; updatedAt: number };

/** What the runtime runs: the intents and slot types of one locale as last built (DRAFT) or as versioned. */
export type LocaleModel = {
  localeId: string;
  nluIntentConfidenceThreshold: number;
  intents: Record<string, IntentRecord>;
  slotTypes: Record<string, SlotTypeRecord>;
};

export type LocaleRecord = {
  localeId: string;
  localeName: string;
  spec: LocaleSpec;
  status: LocaleStatus;
  transition?: Transition<LocaleStatus>;
  failureReasons: string[];
  createdAt: number;
  updatedAt: number;
  lastBuildSubmittedAt?: number;
  history: { event: string; eventDate: number }[];
  intents: Record<string, IntentRecord>;
  slotTypes: Record<string, SlotTypeRecord>;
  /** The model as of the last successful build: what the DRAFT version answers with at run time. */
  built?: LocaleModel;
};

export type VersionRecord = {
  botVersion: string;
  description?: string;
  status: BotStatus;
  transition?: Transition<BotStatus>;
  createdAt: number;
  localeSpecification: Record<string, { sourceBotVersion: string }>;
  bot: BotSpec;
  /** Snapshots of the source locales, each with `built` set: versions are read-only. */
  locales: Record<string, LocaleRecord>;
};

export type AliasRecord = {
  botAliasId: string;
  spec: AliasSpec;
  status: AliasStatus;
  transition?: Transition<AliasStatus>;
  createdAt: number;
  updatedAt: number;
  history: { botVersion?: string; startDate: number; endDate?: number }[];
};

export type BotRecord = {
  botId: string;
  spec: BotSpec;
  botTags?: Record<string, string>;
  testBotAliasTags?: Record<string, string>;
  status: BotStatus;
  transition?: Transition<BotStatus>;
  createdAt: number;
  updatedAt: number;
  /** Version numbers are never reused, even after DeleteBotVersion. */
  nextVersion: number;
  locales: Record<string, LocaleRecord>;
  versions: Record<string, VersionRecord>;
  aliases: Record<string, AliasRecord>;
};

export type LexModelsState = {
  bots: Record<string, BotRecord>;
  /** The conversations the runtime served, for the analytics operations (absent in older state files). */
  analytics?: LexAnalyticsState;
};

/** How long each simulated transition takes (ms). 0 settles on the next read. */
export type LexDelays = { create: number; build: number; version: number };

export type LexModelsStoreOptions = {
  /** JSON file the state is loaded from at start and written to after every change. */
  file?: string;
  delays?: Partial<LexDelays>;
  now?: () => number;
  /** Used in ARNs the emulator reports (none today) and kept for parity with the real service. */
  accountId?: string;
};

export type LexModelsStore = {
  state: LexModelsState;
  delays: LexDelays;
  now(): number;
  newId(): string;
  /** Persists the state if a file was given; called after every change. */
  save(): void;
};

export const DRAFT = 'DRAFT';
/** The alias Lex creates with every bot, pointing at DRAFT. */
export const TEST_ALIAS_ID = 'TSTALIASID';
export const TEST_ALIAS_NAME = 'TestBotAlias';
/** Id Lex gives the FallbackIntent it creates with every locale. */
export const FALLBACK_INTENT_ID = 'FALLBCKINT';
export const FALLBACK_SIGNATURE = 'AMAZON.FallbackIntent';

const DEFAULT_DELAYS: LexDelays = { create: 50, build: 300, version: 100 };
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A Lex-style resource id: ten upper-case letters and digits. */
export function newLexId(): string {
  let id = '';
  for (let i = 0; i < 10; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

function loadState(file: string | undefined): LexModelsState {
  if (!file || !existsSync(file)) return { bots: {} };
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (typeof parsed !== 'object' || parsed === null || typeof (parsed as LexModelsState).bots !== 'object') {
    throw new Error(`${file} is not a Lex emulator state file (no "bots" object). Delete it to start clean.`);
  }
  return parsed as LexModelsState;
}

export function createLexModelsStore(options: LexModelsStoreOptions = {}): LexModelsStore {
  const { file } = options;
  const state = loadState(file);
  return {
    state,
    delays: { ...DEFAULT_DELAYS, ...options.delays },
    now: options.now ?? Date.now,
    newId: newLexId,
    save() {
      if (!file) return;
      mkdirSync(dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(state));
      renameSync(temporary, file);
    },
  };
}

/** Applies a due transition to a record with a status; returns the record for chaining. */
export function settle<
  S extends string,
  R extends { status: S; transition?: Transition<S>; failureReasons?: string[] },
>(record: R, now: number): R {
  const t = record.transition;
  if (t && now >= t.at) {
    record.status = t.to;
    if (t.failureReasons) record.failureReasons = t.failureReasons;
    delete record.transition;
  }
  return record;
}

/** Starts a transition: the record shows `from` now and `to` once `delay` has passed. */
export function startTransition<S extends string>(
  record: { status: S; transition?: Transition<S> },
  from: S,
  to: S,
  at: number,
  failureReasons?: string[],
): void {
  record.status = from;
  record.transition = failureReasons ? { to, at, failureReasons } : { to, at };
}

/** `parent` lookups answer PreconditionFailed, as Lex does when the resource a request hangs off is missing. */
export type LookupRole = 'target' | 'parent';

function missing(role: LookupRole, what: string): Error {
  return role === 'parent'
    ? preconditionFailed(`Failed to retrieve parent resource since it does not exist: ${what}. Create it first.`)
    : notFound(`${what} doesn't exist. Check the id, or list the resources to find it.`);
}

export function findBot(store: LexModelsStore, botId: string, role: LookupRole = 'target'): BotRecord {
  const bot = store.state.bots[botId];
  if (!bot) throw missing(role, `bot ${botId}`);
  return settle(bot, store.now());
}

export function findLocale(
  store: LexModelsStore,
  bot: BotRecord,
  botVersion: string,
  localeId: string,
  role: LookupRole = 'target',
): LocaleRecord {
  if (botVersion === DRAFT) {
    const locale = bot.locales[localeId];
    if (!locale) throw missing(role, `locale ${localeId} of bot ${bot.botId} version DRAFT`);
    return settle(locale, store.now());
  }
  const version = bot.versions[botVersion];
  if (!version) throw missing(role, `version ${botVersion} of bot ${bot.botId}`);
  const locale = version.locales[localeId];
  if (!locale) throw missing(role, `locale ${localeId} of bot ${bot.botId} version ${botVersion}`);
  return locale;
}

export function findDraftLocale(
  store: LexModelsStore,
  bot: BotRecord,
  localeId: string,
  role: LookupRole = 'target',
): LocaleRecord {
  return findLocale(store, bot, DRAFT, localeId, role);
}

export function findIntent(
  locale: Pick<LocaleModel, 'localeId' | 'intents'>,
  intentId: string,
  role: LookupRole = 'target',
): IntentRecord {
  const intent = locale.intents[intentId];
  if (!intent) throw missing(role, `intent ${intentId} in locale ${locale.localeId}`);
  return intent;
}

export function findVersion(store: LexModelsStore, bot: BotRecord, botVersion: string): VersionRecord {
  const version = bot.versions[botVersion];
  if (!version) throw notFound(`Version ${botVersion} of bot ${bot.botId} doesn't exist. List the bot's versions.`);
  return settle(version, store.now());
}

export function findAlias(store: LexModelsStore, bot: BotRecord, botAliasId: string): AliasRecord {
  const alias = bot.aliases[botAliasId];
  if (!alias) throw notFound(`Alias ${botAliasId} of bot ${bot.botId} doesn't exist. List the bot's aliases.`);
  return settle(alias, store.now());
}
