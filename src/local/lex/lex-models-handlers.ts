// The Lex V2 models API as msw handlers: bots, locales (with builds), slot types, intents, slots, versions,
// aliases and the analytics metrics (lex-analytics.ts), with the paths, JSON fields, statuses and errors of @aws-sdk/client-lex-models-v2's protocol.
import type {
  BotAliasLocaleSettings,
  SlotPriority,
  SlotTypeValue,
  SlotValueSelectionSetting,
} from '@aws-sdk/client-lex-models-v2';
import type { HttpHandler } from 'msw';
import { createLexAnalyticsHandlers } from './lex-analytics';
import { conflict, invalid, notFound, preconditionFailed } from './lex-errors';
import { buildFailures } from './lex-locale-build';
import {
  DRAFT,
  FALLBACK_INTENT_ID,
  FALLBACK_SIGNATURE,
  TEST_ALIAS_ID,
  TEST_ALIAS_NAME,
  findAlias,
  findBot,
  findDraftLocale,
  findIntent,
  findLocale,
  findVersion,
  settle,
  startTransition,
  type AliasRecord,
  type AliasSpec,
  type BotRecord,
  type BotSpec,
  type IntentRecord,
  type IntentSpec,
  type LexModelsStore,
  type LocaleModel,
  type LocaleRecord,
  type LocaleSpec,
  type SlotRecord,
  type SlotSpec,
  type SlotTypeRecord,
  type SlotTypeSpec,
  type VersionRecord,
} from './lex-models-store';
import { lexRoute, type LexRequest } from './lex-route';
import {
  optionalArray,
  optionalObject,
  optionalString,
  paginate,
  passesFilters,
  requireName,
  requireNumber,
  requireString,
  sortItems,
  specOf,
  type ListFilter,
} from './lex-request-fields';
import { BUILT_IN_SLOT_TYPES } from './lex-slot-values';

/** Locales Lex V2 supports, with the names it reports. */
export const LEX_LOCALES: Readonly<Record<string, string>> = {
  ca_ES: 'Catalan (Spain)',
  de_AT: 'German (Austria)',
  de_DE: 'German (Germany)',
  en_AU: 'English (AU)',
  en_GB: 'English (GB)',
  en_IE: 'English (IE)',
  en_IN: 'English (IN)',
  en_NZ: 'English (NZ)',
  en_US: 'English (US)',
  en_ZA: 'English (ZA)',
  es_419: 'Spanish (Latin America)',
  es_ES: 'Spanish (Spain)',
  es_US: 'Spanish (US)',
  fr_CA: 'French (Canada)',
  fr_FR: 'French (France)',
  it_IT: 'Italian (Italy)',
  ja_JP: 'Japanese (Japan)',
  ko_KR: 'Korean (Korea)',
  pt_BR: 'Portuguese (Brazil)',
  pt_PT: 'Portuguese (Portugal)',
  zh_CN: 'Mandarin (PRC)',
};

const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);
const LOCALE_PATH = '/bots/{botId}/botversions/{botVersion}/botlocales/{localeId}';
const skipInUseCheck = (req: LexRequest) => req.query.get('skipResourceInUseCheck') === 'true';

function requireDraft(botVersion: string): void {
  if (botVersion !== DRAFT) {
    throw invalid(
      `Only the DRAFT version can be changed; version ${botVersion} is a read-only snapshot. Use botVersion DRAFT.`,
    );
  }
}

function requireAvailableBot(bot: BotRecord): void {
  if (bot.status !== 'Available') {
    throw conflict(`Bot ${bot.botId} is ${bot.status}. Wait until DescribeBot reports botStatus Available.`);
  }
}

/** A DRAFT locale that may be changed now: not being created or built. */
function editableLocale(store: LexModelsStore, req: LexRequest): LocaleRecord {
  const { botId, botVersion = DRAFT, localeId = '' } = req.params;
  requireDraft(botVersion);
  const bot = findBot(store, botId ?? '', 'parent');
  const locale = findDraftLocale(store, bot, localeId, 'parent');
  if (locale.status === 'Creating' || locale.status === 'Building') {
    throw conflict(
      `Locale ${localeId} of bot ${bot.botId} is ${locale.status}. Wait until DescribeBotLocale reports NotBuilt, Built or Failed.`,
    );
  }
  return locale;
}

/** A change to a DRAFT locale: its last build no longer describes it. */
function touch(store: LexModelsStore, locale: LocaleRecord): void {
  locale.updatedAt = store.now();
  if (locale.status === 'Built' || locale.status === 'Failed') {
    locale.status = 'NotBuilt';
    locale.failureReasons = [];
  }
}

function readableLocale(store: LexModelsStore, req: LexRequest): LocaleRecord {
  const bot = findBot(store, req.params.botId ?? '', 'parent');
  return findLocale(store, bot, req.params.botVersion ?? '', req.params.localeId ?? '', 'parent');
}

// ---- bots

function botBody(bot: BotRecord) {
  return {
    botId: bot.botId,
    ...bot.spec,
    botStatus: bot.status,
    creationDateTime: seconds(bot.createdAt),
    lastUpdatedDateTime: seconds(bot.updatedAt),
    ...(bot.status === 'Failed' ? { failureReasons: [] } : {}),
  };
}

function readBotSpec(body: Record<string, unknown>): BotSpec {
  requireName(body, 'botName');
  requireString(body, 'roleArn');
  const privacy = optionalObject<{ childDirected?: unknown }>(body, 'dataPrivacy');
  if (typeof privacy?.childDirected !== 'boolean') {
    throw invalid(
      "Value at 'dataPrivacy.childDirected' must not be null. Say whether the bot is directed at children (COPPA).",
    );
  }
  requireNumber(body, 'idleSessionTTLInSeconds', 60, 86400);
  return specOf<BotSpec>(body, ['botId', 'botTags', 'testBotAliasTags']);
}

function uniqueBotName(store: LexModelsStore, name: string, except?: string): void {
  const clash = Object.values(store.state.bots).find((b) => b.spec.botName === name && b.botId !== except);
  if (clash)
    throw conflict(`A bot named ${name} already exists (${clash.botId}). Choose another name or update that bot.`);
}

function botHandlers(store: LexModelsStore): HttpHandler[] {
  return [
    lexRoute('PUT', '/bots', ({ body }) => {
      const spec = readBotSpec(body);
      uniqueBotName(store, spec.botName ?? '');
      const now = store.now();
      const botId = store.newId();
      const bot: BotRecord = {
        botId,
        spec,
        ...(body.botTags ? { botTags: body.botTags as Record<string, string> } : {}),
        ...(body.testBotAliasTags ? { testBotAliasTags: body.testBotAliasTags as Record<string, string> } : {}),
        status: 'Creating',
        createdAt: now,
        updatedAt: now,
        nextVersion: 1,
        locales: {},
        versions: {},
        aliases: {},
      };
      startTransition(bot, 'Creating', 'Available', now + store.delays.create);
      const testAlias: AliasRecord = {
        botAliasId: TEST_ALIAS_ID,
        spec: { botAliasName: TEST_ALIAS_NAME, description: 'test bot alias', botVersion: DRAFT },
        status: 'Available',
        createdAt: now,
        updatedAt: now,
        history: [{ botVersion: DRAFT, startDate: now }],
      };
      bot.aliases[TEST_ALIAS_ID] = testAlias;
      store.state.bots[botId] = bot;
      store.save();
      return {
        status: 202,
        body: { ...botBody(bot), botTags: bot.botTags, testBotAliasTags: bot.testBotAliasTags },
      };
    }),
    lexRoute('GET', '/bots/{botId}', ({ params }) => ({
      status: 200,
      body: botBody(findBot(store, params.botId ?? '')),
    })),
    lexRoute('POST', '/bots', ({ body }) => {
      const filters = optionalArray<ListFilter>(body, 'filters');
      const bots = Object.values(store.state.bots)
        .map((b) => settle(b, store.now()))
        .filter((b) => passesFilters(filters, { BotName: b.spec.botName, BotType: b.spec.botType ?? 'Bot' }));
      const sorted = sortItems(bots, (b) => b.spec.botName ?? '', optionalObject(body, 'sortBy'));
      const { page, nextToken } = paginate(sorted, body);
      return {
        status: 200,
        body: {
          botSummaries: page.map((b) => ({
            botId: b.botId,
            botName: b.spec.botName,
            description: b.spec.description,
            botStatus: b.status,
            latestBotVersion: latestVersion(b),
            lastUpdatedDateTime: seconds(b.updatedAt),
            botType: b.spec.botType ?? 'Bot',
          })),
          nextToken,
        },
      };
    }),
    lexRoute('PUT', '/bots/{botId}', ({ params, body }) => {
      const bot = findBot(store, params.botId ?? '');
      requireAvailableBot(bot);
      const spec = readBotSpec(body);
      uniqueBotName(store, spec.botName ?? '', bot.botId);
      bot.spec = spec;
      bot.updatedAt = store.now();
      store.save();
      return { status: 202, body: botBody(bot) };
    }),
    lexRoute('DELETE', '/bots/{botId}', (req) => {
      const bot = findBot(store, req.params.botId ?? '');
      const inUse = Object.values(bot.aliases).filter((a) => a.botAliasId !== TEST_ALIAS_ID);
      if (inUse.length > 0 && !skipInUseCheck(req)) {
        throw preconditionFailed(
          `Bot ${bot.botId} has aliases (${inUse.map((a) => a.spec.botAliasName).join(', ')}). Delete them first, or set skipResourceInUseCheck.`,
        );
      }
      delete store.state.bots[bot.botId];
      store.save();
      return { status: 202, body: { botId: bot.botId, botStatus: 'Deleting' } };
    }),
  ];
}

function latestVersion(bot: BotRecord): string | undefined {
  const numbers = Object.keys(bot.versions).map(Number);
  return numbers.length ? String(Math.max(...numbers)) : undefined;
}

// ---- locales

function localeBody(botId: string, botVersion: string, locale: LocaleRecord) {
  return {
    botId,
    botVersion,
    localeId: locale.localeId,
    localeName: locale.localeName,
    ...locale.spec,
    botLocaleStatus: locale.status,
    failureReasons: locale.failureReasons,
    intentsCount: Object.keys(locale.intents).length,
    slotTypesCount: Object.keys(locale.slotTypes).length,
    creationDateTime: seconds(locale.createdAt),
    lastUpdatedDateTime: seconds(locale.updatedAt),
    lastBuildSubmittedDateTime: seconds(locale.lastBuildSubmittedAt),
    botLocaleHistoryEvents: locale.history.map((h) => ({ event: h.event, eventDate: seconds(h.eventDate) })),
  };
}

function readLocaleSpec(body: Record<string, unknown>): LocaleSpec {
  requireNumber(body, 'nluIntentConfidenceThreshold', 0, 1);
  return specOf<LocaleSpec>(body, ['botId', 'botVersion', 'localeId']);
}

function fallbackIntent(now: number): IntentRecord {
  return {
    intentId: FALLBACK_INTENT_ID,
    spec: {
      intentName: 'FallbackIntent',
      description: 'Default intent when no other intent matches',
      parentIntentSignature: FALLBACK_SIGNATURE,
    },
    slots: {},
    slotPriorities: [],
    createdAt: now,
    updatedAt: now,
  };
}

function localeHandlers(store: LexModelsStore): HttpHandler[] {
  return [
    lexRoute('PUT', '/bots/{botId}/botversions/{botVersion}/botlocales', ({ params, body }) => {
      requireDraft(params.botVersion ?? '');
      const bot = findBot(store, params.botId ?? '', 'parent');
      requireAvailableBot(bot);
      const localeId = requireString(body, 'localeId');
      const localeName = LEX_LOCALES[localeId];
      if (!localeName) {
        throw invalid(`Locale ${localeId} isn't supported. Use one of: ${Object.keys(LEX_LOCALES).join(', ')}.`);
      }
      if (bot.locales[localeId]) throw conflict(`Bot ${bot.botId} already has locale ${localeId}. Update it instead.`);
      const spec = readLocaleSpec(body);
      const now = store.now();
      const locale: LocaleRecord = {
        localeId,
        localeName,
        spec,
        status: 'Creating',
        failureReasons: [],
        createdAt: now,
        updatedAt: now,
        history: [],
        intents: { [FALLBACK_INTENT_ID]: fallbackIntent(now) },
        slotTypes: {},
      };
      startTransition(locale, 'Creating', 'NotBuilt', now + store.delays.create);
      bot.locales[localeId] = locale;
      store.save();
      const { intentsCount: _i, slotTypesCount: _s, ...created } = localeBody(bot.botId, DRAFT, locale);
      return { status: 202, body: created };
    }),
    lexRoute('GET', LOCALE_PATH, ({ params }) => {
      const bot = findBot(store, params.botId ?? '', 'parent');
      const locale = findLocale(store, bot, params.botVersion ?? '', params.localeId ?? '');
      return { status: 200, body: localeBody(bot.botId, params.botVersion ?? '', locale) };
    }),
    lexRoute('POST', '/bots/{botId}/botversions/{botVersion}/botlocales', ({ params, body }) => {
      const bot = findBot(store, params.botId ?? '');
      const botVersion = params.botVersion ?? '';
      const locales =
        botVersion === DRAFT
          ? Object.values(bot.locales).map((l) => settle(l, store.now()))
          : Object.values(findVersion(store, bot, botVersion).locales);
      const filters = optionalArray<ListFilter>(body, 'filters');
      const listed = locales.filter((l) => passesFilters(filters, { BotLocaleName: l.localeName }));
      const { page, nextToken } = paginate(
        sortItems(listed, (l) => l.localeName, optionalObject(body, 'sortBy')),
        body,
      );
      return {
        status: 200,
        body: {
          botId: bot.botId,
          botVersion,
          nextToken,
          botLocaleSummaries: page.map((l) => ({
            localeId: l.localeId,
            localeName: l.localeName,
            description: l.spec.description,
            botLocaleStatus: l.status,
            lastUpdatedDateTime: seconds(l.updatedAt),
            lastBuildSubmittedDateTime: seconds(l.lastBuildSubmittedAt),
          })),
        },
      };
    }),
    lexRoute('PUT', LOCALE_PATH, (req) => {
      const locale = editableLocale(store, req);
      locale.spec = readLocaleSpec(req.body);
      touch(store, locale);
      store.save();
      const { intentsCount: _i, slotTypesCount: _s, ...updated } = localeBody(req.params.botId ?? '', DRAFT, locale);
      return { status: 202, body: updated };
    }),
    lexRoute('DELETE', LOCALE_PATH, (req) => {
      const locale = editableLocale(store, req);
      const bot = findBot(store, req.params.botId ?? '');
      delete bot.locales[locale.localeId];
      store.save();
      return {
        status: 202,
        body: { botId: bot.botId, botVersion: DRAFT, localeId: locale.localeId, botLocaleStatus: 'Deleting' },
      };
    }),
    lexRoute('POST', LOCALE_PATH, (req) => {
      const locale = editableLocale(store, req);
      const now = store.now();
      const failures = buildFailures(locale);
      locale.lastBuildSubmittedAt = now;
      locale.failureReasons = [];
      const done = now + store.delays.build;
      if (failures.length > 0) {
        startTransition(locale, 'Building', 'Failed', done, failures);
        locale.history.push({ event: 'Build failed', eventDate: done });
      } else {
        startTransition(locale, 'Building', 'Built', done, []);
        locale.history.push({ event: 'Built', eventDate: done });
        locale.built = structuredClone({
          localeId: locale.localeId,
          nluIntentConfidenceThreshold: locale.spec.nluIntentConfidenceThreshold ?? 0.4,
          intents: locale.intents,
          slotTypes: locale.slotTypes,
        }) satisfies LocaleModel;
      }
      store.save();
      return {
        status: 202,
        body: {
          botId: req.params.botId,
          botVersion: DRAFT,
          localeId: locale.localeId,
          botLocaleStatus: locale.status,
          lastBuildSubmittedDateTime: seconds(now),
        },
      };
    }),
  ];
}

// ---- slot types

const SLOT_TYPES_PATH = `${LOCALE_PATH}/slottypes`;

function slotTypeBody(req: LexRequest, slotType: SlotTypeRecord) {
  return {
    slotTypeId: slotType.slotTypeId,
    ...slotType.spec,
    botId: req.params.botId,
    botVersion: req.params.botVersion,
    localeId: req.params.localeId,
    creationDateTime: seconds(slotType.createdAt),
    lastUpdatedDateTime: seconds(slotType.updatedAt),
  };
}

function readSlotTypeSpec(locale: LocaleRecord, body: Record<string, unknown>, except?: string): SlotTypeSpec {
  const name = requireName(body, 'slotTypeName');
  const clash = Object.values(locale.slotTypes).find((t) => t.spec.slotTypeName === name && t.slotTypeId !== except);
  if (clash) throw conflict(`Slot type ${name} already exists in locale ${locale.localeId} (${clash.slotTypeId}).`);
  const parent = optionalString(body, 'parentSlotTypeSignature');
  if (parent !== undefined && parent !== 'AMAZON.AlphaNumeric') {
    throw invalid(`parentSlotTypeSignature '${parent}' isn't supported; only AMAZON.AlphaNumeric can be extended.`);
  }
  for (const [i, value] of (optionalArray<SlotTypeValue>(body, 'slotTypeValues') ?? []).entries()) {
    if (!value.sampleValue?.value) throw invalid(`slotTypeValues[${i}].sampleValue.value must not be empty.`);
  }
  const selection = optionalObject<SlotValueSelectionSetting>(body, 'valueSelectionSetting');
  const strategy = selection?.resolutionStrategy;
  if (strategy !== undefined && !['OriginalValue', 'TopResolution', 'Concatenation'].includes(strategy)) {
    throw invalid(
      `valueSelectionSetting.resolutionStrategy '${strategy}' isn't valid. Use OriginalValue or TopResolution.`,
    );
  }
  return specOf<SlotTypeSpec>(body, ['botId', 'botVersion', 'localeId', 'slotTypeId']);
}

function slotTypeCategory(spec: SlotTypeSpec): string {
  if (spec.compositeSlotTypeSetting) return 'Composite';
  if (spec.externalSourceSetting) return 'ExternalGrammar';
  return spec.parentSlotTypeSignature ? 'Extended' : 'Custom';
}

function findSlotType(locale: LocaleRecord, slotTypeId: string): SlotTypeRecord {
  const slotType = locale.slotTypes[slotTypeId];
  if (!slotType) {
    throw notFound(
      `Slot type ${slotTypeId} doesn't exist in locale ${locale.localeId}. List the slot types to find it.`,
    );
  }
  return slotType;
}

function slotTypeHandlers(store: LexModelsStore): HttpHandler[] {
  return [
    lexRoute('PUT', SLOT_TYPES_PATH, (req) => {
      const locale = editableLocale(store, req);
      const spec = readSlotTypeSpec(locale, req.body);
      const now = store.now();
      const slotType: SlotTypeRecord = { slotTypeId: store.newId(), spec, createdAt: now, updatedAt: now };
      locale.slotTypes[slotType.slotTypeId] = slotType;
      touch(store, locale);
      store.save();
      const { lastUpdatedDateTime: _u, ...created } = slotTypeBody(req, slotType);
      return { status: 200, body: created };
    }),
    lexRoute('GET', `${SLOT_TYPES_PATH}/{slotTypeId}`, (req) => {
      const locale = readableLocale(store, req);
      return { status: 200, body: slotTypeBody(req, findSlotType(locale, req.params.slotTypeId ?? '')) };
    }),
    lexRoute('PUT', `${SLOT_TYPES_PATH}/{slotTypeId}`, (req) => {
      const locale = editableLocale(store, req);
      const slotType = findSlotType(locale, req.params.slotTypeId ?? '');
      slotType.spec = readSlotTypeSpec(locale, req.body, slotType.slotTypeId);
      slotType.updatedAt = store.now();
      touch(store, locale);
      store.save();
      return { status: 202, body: slotTypeBody(req, slotType) };
    }),
    lexRoute('POST', SLOT_TYPES_PATH, (req) => {
      const locale = readableLocale(store, req);
      const filters = optionalArray<ListFilter>(req.body, 'filters');
      const types = Object.values(locale.slotTypes).filter((t) =>
        passesFilters(filters, {
          SlotTypeName: t.spec.slotTypeName,
          ExternalSourceType: t.spec.externalSourceSetting ? 'GrammarSlotType' : undefined,
        }),
      );
      const sorted = sortItems(types, (t) => t.spec.slotTypeName ?? '', optionalObject(req.body, 'sortBy'));
      const { page, nextToken } = paginate(sorted, req.body);
      return {
        status: 200,
        body: {
          botId: req.params.botId,
          botVersion: req.params.botVersion,
          localeId: req.params.localeId,
          slotTypeSummaries: page.map((t) => ({
            slotTypeId: t.slotTypeId,
            slotTypeName: t.spec.slotTypeName,
            description: t.spec.description,
            parentSlotTypeSignature: t.spec.parentSlotTypeSignature,
            lastUpdatedDateTime: seconds(t.updatedAt),
            slotTypeCategory: slotTypeCategory(t.spec),
          })),
          nextToken,
        },
      };
    }),
    lexRoute('DELETE', `${SLOT_TYPES_PATH}/{slotTypeId}`, (req) => {
      const locale = editableLocale(store, req);
      const slotType = findSlotType(locale, req.params.slotTypeId ?? '');
      const users = Object.values(locale.intents).flatMap((i) =>
        Object.values(i.slots)
          .filter((s) => s.spec.slotTypeId === slotType.slotTypeId)
          .map((s) => `${i.spec.intentName}.${s.spec.slotName}`),
      );
      if (users.length > 0 && !skipInUseCheck(req)) {
        throw preconditionFailed(
          `Slot type ${slotType.spec.slotTypeName} is used by slot ${users.join(', ')}. Delete or change those slots first, or set skipResourceInUseCheck.`,
        );
      }
      delete locale.slotTypes[slotType.slotTypeId];
      touch(store, locale);
      store.save();
      return { status: 204 };
    }),
  ];
}

// ---- intents

const INTENTS_PATH = `${LOCALE_PATH}/intents`;

function intentBody(req: LexRequest, intent: IntentRecord) {
  return {
    intentId: intent.intentId,
    ...intent.spec,
    slotPriorities: intent.slotPriorities,
    botId: req.params.botId,
    botVersion: req.params.botVersion,
    localeId: req.params.localeId,
    creationDateTime: seconds(intent.createdAt),
    lastUpdatedDateTime: seconds(intent.updatedAt),
  };
}

function readIntentSpec(locale: LocaleRecord, body: Record<string, unknown>, except?: string): IntentSpec {
  const name = requireName(body, 'intentName');
  const clash = Object.values(locale.intents).find((i) => i.spec.intentName === name && i.intentId !== except);
  if (clash)
    throw conflict(
      `Intent ${name} already exists in locale ${locale.localeId} (${clash.intentId}). Update it instead.`,
    );
  const parent = optionalString(body, 'parentIntentSignature');
  const utterances = optionalArray<{ utterance?: string }>(body, 'sampleUtterances') ?? [];
  if (parent === FALLBACK_SIGNATURE) {
    const other = Object.values(locale.intents).find(
      (i) => i.spec.parentIntentSignature === FALLBACK_SIGNATURE && i.intentId !== except,
    );
    if (other) throw conflict(`Locale ${locale.localeId} already has a fallback intent (${other.spec.intentName}).`);
    if (utterances.length > 0)
      throw invalid('A fallback intent (AMAZON.FallbackIntent) cannot have sample utterances.');
  }
  for (const [i, u] of utterances.entries()) {
    if (typeof u.utterance !== 'string' || u.utterance.trim() === '') {
      throw invalid(`sampleUtterances[${i}].utterance must be a non-empty string.`);
    }
  }
  return specOf<IntentSpec>(body, ['botId', 'botVersion', 'localeId', 'intentId', 'slotPriorities']);
}

function readSlotPriorities(intent: IntentRecord, body: Record<string, unknown>): SlotPriority[] | undefined {
  const priorities = optionalArray<SlotPriority>(body, 'slotPriorities');
  if (!priorities) return undefined;
  for (const [i, p] of priorities.entries()) {
    if (typeof p.priority !== 'number' || typeof p.slotId !== 'string') {
      throw invalid(`slotPriorities[${i}] needs a numeric priority and a slotId.`);
    }
    if (!intent.slots[p.slotId]) {
      throw invalid(
        `slotPriorities[${i}].slotId ${p.slotId} isn't a slot of intent ${intent.spec.intentName}. Create the slot first.`,
      );
    }
  }
  return priorities;
}

function intentHandlers(store: LexModelsStore): HttpHandler[] {
  return [
    lexRoute('PUT', INTENTS_PATH, (req) => {
      const locale = editableLocale(store, req);
      const spec = readIntentSpec(locale, req.body);
      const now = store.now();
      const intent: IntentRecord = {
        intentId: store.newId(),
        spec,
        slots: {},
        slotPriorities: [],
        createdAt: now,
        updatedAt: now,
      };
      locale.intents[intent.intentId] = intent;
      touch(store, locale);
      store.save();
      const { lastUpdatedDateTime: _u, slotPriorities: _p, ...created } = intentBody(req, intent);
      return { status: 200, body: created };
    }),
    lexRoute('GET', `${INTENTS_PATH}/{intentId}`, (req) => {
      const locale = readableLocale(store, req);
      return { status: 200, body: intentBody(req, findIntent(locale, req.params.intentId ?? '')) };
    }),
    lexRoute('PUT', `${INTENTS_PATH}/{intentId}`, (req) => {
      const locale = editableLocale(store, req);
      const intent = findIntent(locale, req.params.intentId ?? '');
      const spec = readIntentSpec(locale, req.body, intent.intentId);
      const priorities = readSlotPriorities(intent, req.body);
      intent.spec = spec;
      if (priorities) intent.slotPriorities = priorities;
      intent.updatedAt = store.now();
      touch(store, locale);
      store.save();
      return { status: 200, body: intentBody(req, intent) };
    }),
    lexRoute('POST', INTENTS_PATH, (req) => {
      const locale = readableLocale(store, req);
      const filters = optionalArray<ListFilter>(req.body, 'filters');
      const intents = Object.values(locale.intents).filter((i) =>
        passesFilters(filters, { IntentName: i.spec.intentName }),
      );
      const sorted = sortItems(intents, (i) => i.spec.intentName ?? '', optionalObject(req.body, 'sortBy'));
      const { page, nextToken } = paginate(sorted, req.body);
      return {
        status: 200,
        body: {
          botId: req.params.botId,
          botVersion: req.params.botVersion,
          localeId: req.params.localeId,
          intentSummaries: page.map((i) => ({
            intentId: i.intentId,
            intentName: i.spec.intentName,
            intentDisplayName: i.spec.intentDisplayName,
            description: i.spec.description,
            parentIntentSignature: i.spec.parentIntentSignature,
            inputContexts: i.spec.inputContexts,
            outputContexts: i.spec.outputContexts,
            lastUpdatedDateTime: seconds(i.updatedAt),
          })),
          nextToken,
        },
      };
    }),
    lexRoute('DELETE', `${INTENTS_PATH}/{intentId}`, (req) => {
      const locale = editableLocale(store, req);
      const intent = findIntent(locale, req.params.intentId ?? '');
      if (intent.intentId === FALLBACK_INTENT_ID) {
        throw invalid("The locale's FallbackIntent cannot be deleted. Update it, or delete the locale.");
      }
      delete locale.intents[intent.intentId];
      touch(store, locale);
      store.save();
      return { status: 204 };
    }),
  ];
}

// ---- slots

const SLOTS_PATH = `${INTENTS_PATH}/{intentId}/slots`;

function slotBody(req: LexRequest, slot: SlotRecord) {
  return {
    slotId: slot.slotId,
    ...slot.spec,
    botId: req.params.botId,
    botVersion: req.params.botVersion,
    localeId: req.params.localeId,
    intentId: req.params.intentId,
    creationDateTime: seconds(slot.createdAt),
    lastUpdatedDateTime: seconds(slot.updatedAt),
  };
}

function readSlotSpec(
  locale: LocaleRecord,
  intent: IntentRecord,
  body: Record<string, unknown>,
  except?: string,
): SlotSpec {
  const name = requireName(body, 'slotName');
  const clash = Object.values(intent.slots).find((s) => s.spec.slotName === name && s.slotId !== except);
  if (clash) throw conflict(`Intent ${intent.spec.intentName} already has a slot named ${name} (${clash.slotId}).`);
  const elicitation = optionalObject<{ slotConstraint?: string }>(body, 'valueElicitationSetting');
  if (elicitation?.slotConstraint !== 'Required' && elicitation?.slotConstraint !== 'Optional') {
    throw invalid("valueElicitationSetting.slotConstraint must be 'Required' or 'Optional'.");
  }
  const slotTypeId = optionalString(body, 'slotTypeId');
  if (slotTypeId === undefined && !body.subSlotSetting) {
    throw invalid('Give slotTypeId: a custom slot type id from this locale or a built-in such as AMAZON.Number.');
  }
  if (slotTypeId !== undefined && !BUILT_IN_SLOT_TYPES.has(slotTypeId) && !locale.slotTypes[slotTypeId]) {
    throw preconditionFailed(
      `Slot type ${slotTypeId} doesn't exist in locale ${locale.localeId}. Create the slot type first, or use a built-in such as AMAZON.Number.`,
    );
  }
  return specOf<SlotSpec>(body, ['botId', 'botVersion', 'localeId', 'intentId', 'slotId']);
}

function findSlot(intent: IntentRecord, slotId: string): SlotRecord {
  const slot = intent.slots[slotId];
  if (!slot)
    throw notFound(`Slot ${slotId} doesn't exist in intent ${intent.spec.intentName}. List the slots to find it.`);
  return slot;
}

function slotHandlers(store: LexModelsStore): HttpHandler[] {
  const editableIntent = (req: LexRequest) => {
    const locale = editableLocale(store, req);
    return { locale, intent: findIntent(locale, req.params.intentId ?? '', 'parent') };
  };
  return [
    lexRoute('PUT', SLOTS_PATH, (req) => {
      const { locale, intent } = editableIntent(req);
      const spec = readSlotSpec(locale, intent, req.body);
      const now = store.now();
      const slot: SlotRecord = { slotId: store.newId(), spec, createdAt: now, updatedAt: now };
      intent.slots[slot.slotId] = slot;
      const last = Math.max(0, ...intent.slotPriorities.map((p) => p.priority ?? 0));
      intent.slotPriorities.push({ priority: last + 1, slotId: slot.slotId });
      intent.updatedAt = now;
      touch(store, locale);
      store.save();
      const { lastUpdatedDateTime: _u, ...created } = slotBody(req, slot);
      return { status: 200, body: created };
    }),
    lexRoute('GET', `${SLOTS_PATH}/{slotId}`, (req) => {
      const intent = findIntent(readableLocale(store, req), req.params.intentId ?? '', 'parent');
      return { status: 200, body: slotBody(req, findSlot(intent, req.params.slotId ?? '')) };
    }),
    lexRoute('PUT', `${SLOTS_PATH}/{slotId}`, (req) => {
      const { locale, intent } = editableIntent(req);
      const slot = findSlot(intent, req.params.slotId ?? '');
      slot.spec = readSlotSpec(locale, intent, req.body, slot.slotId);
      slot.updatedAt = store.now();
      touch(store, locale);
      store.save();
      return { status: 200, body: slotBody(req, slot) };
    }),
    lexRoute('POST', SLOTS_PATH, (req) => {
      const intent = findIntent(readableLocale(store, req), req.params.intentId ?? '', 'parent');
      const filters = optionalArray<ListFilter>(req.body, 'filters');
      const slots = Object.values(intent.slots).filter((s) => passesFilters(filters, { SlotName: s.spec.slotName }));
      const sorted = sortItems(slots, (s) => s.spec.slotName ?? '', optionalObject(req.body, 'sortBy'));
      const { page, nextToken } = paginate(sorted, req.body);
      return {
        status: 200,
        body: {
          botId: req.params.botId,
          botVersion: req.params.botVersion,
          localeId: req.params.localeId,
          intentId: intent.intentId,
          slotSummaries: page.map((s) => ({
            slotId: s.slotId,
            slotName: s.spec.slotName,
            description: s.spec.description,
            slotConstraint: s.spec.valueElicitationSetting?.slotConstraint,
            slotTypeId: s.spec.slotTypeId,
            valueElicitationPromptSpecification: s.spec.valueElicitationSetting?.promptSpecification,
            lastUpdatedDateTime: seconds(s.updatedAt),
          })),
          nextToken,
        },
      };
    }),
    lexRoute('DELETE', `${SLOTS_PATH}/{slotId}`, (req) => {
      const { locale, intent } = editableIntent(req);
      const slot = findSlot(intent, req.params.slotId ?? '');
      delete intent.slots[slot.slotId];
      intent.slotPriorities = intent.slotPriorities.filter((p) => p.slotId !== slot.slotId);
      intent.updatedAt = store.now();
      touch(store, locale);
      store.save();
      return { status: 204 };
    }),
  ];
}

// ---- versions

function versionBody(bot: BotRecord, version: VersionRecord) {
  return {
    botId: bot.botId,
    botName: version.bot.botName,
    botVersion: version.botVersion,
    description: version.description,
    roleArn: version.bot.roleArn,
    dataPrivacy: version.bot.dataPrivacy,
    idleSessionTTLInSeconds: version.bot.idleSessionTTLInSeconds,
    botStatus: version.status,
    failureReasons: [],
    creationDateTime: seconds(version.createdAt),
    botType: version.bot.botType,
    botMembers: version.bot.botMembers,
  };
}

function versionHandlers(store: LexModelsStore): HttpHandler[] {
  return [
    lexRoute('PUT', '/bots/{botId}/botversions', ({ params, body }) => {
      const bot = findBot(store, params.botId ?? '');
      requireAvailableBot(bot);
      const specification = optionalObject<Record<string, { sourceBotVersion?: string }>>(
        body,
        'botVersionLocaleSpecification',
      );
      if (!specification || Object.keys(specification).length === 0) {
        throw invalid('Give botVersionLocaleSpecification: for each locale, the sourceBotVersion (usually DRAFT).');
      }
      const locales: Record<string, LocaleRecord> = {};
      for (const [localeId, detail] of Object.entries(specification)) {
        const source = detail.sourceBotVersion ?? '';
        if (source === '')
          throw invalid(`botVersionLocaleSpecification.${localeId}.sourceBotVersion must not be empty.`);
        const locale = findLocale(store, bot, source, localeId, 'parent');
        if (source === DRAFT && (locale.status !== 'Built' || !locale.built)) {
          throw preconditionFailed(
            `Locale ${localeId} of bot ${bot.botId} is ${locale.status}. Build it (BuildBotLocale) and wait for Built before creating a version.`,
          );
        }
        const snapshot = structuredClone(locale);
        if (source === DRAFT && locale.built) {
          snapshot.intents = structuredClone(locale.built.intents);
          snapshot.slotTypes = structuredClone(locale.built.slotTypes);
        }
        delete snapshot.transition;
        snapshot.status = 'Built';
        locales[localeId] = snapshot;
      }
      const now = store.now();
      const version: VersionRecord = {
        botVersion: String(bot.nextVersion++),
        ...(typeof body.description === 'string' ? { description: body.description } : {}),
        status: 'Versioning',
        createdAt: now,
        localeSpecification: specification as Record<string, { sourceBotVersion: string }>,
        bot: structuredClone(bot.spec),
        locales,
      };
      startTransition(version, 'Versioning', 'Available', now + store.delays.version);
      bot.versions[version.botVersion] = version;
      store.save();
      return {
        status: 202,
        body: {
          botId: bot.botId,
          description: version.description,
          botVersion: version.botVersion,
          botVersionLocaleSpecification: version.localeSpecification,
          botStatus: version.status,
          creationDateTime: seconds(now),
        },
      };
    }),
    lexRoute('GET', '/bots/{botId}/botversions/{botVersion}', ({ params }) => {
      const bot = findBot(store, params.botId ?? '');
      return { status: 200, body: versionBody(bot, findVersion(store, bot, params.botVersion ?? '')) };
    }),
    lexRoute('POST', '/bots/{botId}/botversions', ({ params, body }) => {
      const bot = findBot(store, params.botId ?? '');
      const summaries = [
        {
          botName: bot.spec.botName,
          botVersion: DRAFT,
          description: bot.spec.description,
          botStatus: bot.status,
          creationDateTime: seconds(bot.createdAt),
        },
        ...Object.values(bot.versions).map((v) => {
          settle(v, store.now());
          return {
            botName: v.bot.botName,
            botVersion: v.botVersion,
            description: v.description,
            botStatus: v.status,
            creationDateTime: seconds(v.createdAt),
          };
        }),
      ];
      const sorted = sortItems(
        summaries,
        (s) => (s.botVersion === DRAFT ? '0' : s.botVersion),
        optionalObject(body, 'sortBy'),
      );
      const { page, nextToken } = paginate(sorted, body);
      return { status: 200, body: { botId: bot.botId, botVersionSummaries: page, nextToken } };
    }),
    lexRoute('DELETE', '/bots/{botId}/botversions/{botVersion}', (req) => {
      const bot = findBot(store, req.params.botId ?? '');
      const botVersion = req.params.botVersion ?? '';
      if (botVersion === DRAFT) throw invalid('The DRAFT version cannot be deleted. Delete the bot instead.');
      const version = findVersion(store, bot, botVersion);
      const users = Object.values(bot.aliases).filter((a) => a.spec.botVersion === botVersion);
      if (users.length > 0 && !skipInUseCheck(req)) {
        throw preconditionFailed(
          `Version ${botVersion} is used by alias ${users.map((a) => a.spec.botAliasName).join(', ')}. Point the alias at another version first, or set skipResourceInUseCheck.`,
        );
      }
      delete bot.versions[version.botVersion];
      store.save();
      return { status: 202, body: { botId: bot.botId, botVersion, botStatus: 'Deleting' } };
    }),
  ];
}

// ---- aliases

function aliasBody(bot: BotRecord, alias: AliasRecord) {
  return {
    botAliasId: alias.botAliasId,
    ...alias.spec,
    botAliasStatus: alias.status,
    botId: bot.botId,
    creationDateTime: seconds(alias.createdAt),
    lastUpdatedDateTime: seconds(alias.updatedAt),
    botAliasHistoryEvents: alias.history.map((h) => ({
      botVersion: h.botVersion,
      startDate: seconds(h.startDate),
      endDate: seconds(h.endDate),
    })),
  };
}

function readAliasSpec(
  store: LexModelsStore,
  bot: BotRecord,
  body: Record<string, unknown>,
  except?: string,
): AliasSpec {
  const name = requireName(body, 'botAliasName');
  const clash = Object.values(bot.aliases).find((a) => a.spec.botAliasName === name && a.botAliasId !== except);
  if (clash) throw conflict(`Bot ${bot.botId} already has an alias named ${name} (${clash.botAliasId}).`);
  const botVersion = optionalString(body, 'botVersion');
  if (botVersion !== undefined && botVersion !== DRAFT) {
    const version = bot.versions[botVersion];
    if (!version)
      throw preconditionFailed(
        `Version ${botVersion} of bot ${bot.botId} doesn't exist. Create it with CreateBotVersion.`,
      );
    if (settle(version, store.now()).status !== 'Available') {
      throw preconditionFailed(
        `Version ${botVersion} of bot ${bot.botId} is ${version.status}. Wait until DescribeBotVersion reports Available.`,
      );
    }
  }
  const settings = optionalObject<Record<string, BotAliasLocaleSettings>>(body, 'botAliasLocaleSettings') ?? {};
  for (const [localeId, setting] of Object.entries(settings)) {
    if (typeof setting.enabled !== 'boolean')
      throw invalid(`botAliasLocaleSettings.${localeId}.enabled must be true or false.`);
    const hook = setting.codeHookSpecification?.lambdaCodeHook;
    if (setting.codeHookSpecification && (!hook?.lambdaARN || !hook.codeHookInterfaceVersion)) {
      throw invalid(
        `botAliasLocaleSettings.${localeId}.codeHookSpecification.lambdaCodeHook needs lambdaARN and codeHookInterfaceVersion ("1.0").`,
      );
    }
    if (
      hook?.lambdaARN &&
      !/^arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\d{12}:function:[\w-]+(:[\w$-]+)?$/.test(hook.lambdaARN)
    ) {
      throw invalid(`botAliasLocaleSettings.${localeId}...lambdaARN '${hook.lambdaARN}' is not a Lambda function ARN.`);
    }
  }
  return specOf<AliasSpec>(body, ['botId', 'botAliasId']);
}

function aliasHandlers(store: LexModelsStore): HttpHandler[] {
  return [
    lexRoute('PUT', '/bots/{botId}/botaliases', ({ params, body }) => {
      const bot = findBot(store, params.botId ?? '', 'parent');
      const spec = readAliasSpec(store, bot, body);
      const now = store.now();
      const alias: AliasRecord = {
        botAliasId: store.newId(),
        spec,
        status: 'Creating',
        createdAt: now,
        updatedAt: now,
        history: [{ ...(spec.botVersion ? { botVersion: spec.botVersion } : {}), startDate: now }],
      };
      startTransition(alias, 'Creating', 'Available', now + store.delays.create);
      bot.aliases[alias.botAliasId] = alias;
      store.save();
      const { lastUpdatedDateTime: _u, botAliasHistoryEvents: _h, ...created } = aliasBody(bot, alias);
      return { status: 202, body: created };
    }),
    lexRoute('GET', '/bots/{botId}/botaliases/{botAliasId}', ({ params }) => {
      const bot = findBot(store, params.botId ?? '');
      return { status: 200, body: aliasBody(bot, findAlias(store, bot, params.botAliasId ?? '')) };
    }),
    lexRoute('PUT', '/bots/{botId}/botaliases/{botAliasId}', ({ params, body }) => {
      const bot = findBot(store, params.botId ?? '');
      const alias = findAlias(store, bot, params.botAliasId ?? '');
      if (alias.status !== 'Available')
        throw conflict(`Alias ${alias.botAliasId} is ${alias.status}. Wait until it is Available.`);
      const spec = readAliasSpec(store, bot, body, alias.botAliasId);
      const now = store.now();
      if (spec.botVersion !== alias.spec.botVersion) {
        const current = alias.history.at(-1);
        if (current) current.endDate = now;
        alias.history.push({ ...(spec.botVersion ? { botVersion: spec.botVersion } : {}), startDate: now });
      }
      alias.spec = spec;
      alias.updatedAt = now;
      store.save();
      const { botAliasHistoryEvents: _h, ...updated } = aliasBody(bot, alias);
      return { status: 202, body: updated };
    }),
    lexRoute('POST', '/bots/{botId}/botaliases', ({ params, body }) => {
      const bot = findBot(store, params.botId ?? '');
      const aliases = Object.values(bot.aliases).map((a) => settle(a, store.now()));
      const { page, nextToken } = paginate(
        sortItems(aliases, (a) => a.spec.botAliasName, undefined),
        body,
      );
      return {
        status: 200,
        body: {
          botId: bot.botId,
          nextToken,
          botAliasSummaries: page.map((a) => ({
            botAliasId: a.botAliasId,
            botAliasName: a.spec.botAliasName,
            description: a.spec.description,
            botVersion: a.spec.botVersion,
            botAliasStatus: a.status,
            creationDateTime: seconds(a.createdAt),
            lastUpdatedDateTime: seconds(a.updatedAt),
          })),
        },
      };
    }),
    lexRoute('DELETE', '/bots/{botId}/botaliases/{botAliasId}', ({ params }) => {
      const bot = findBot(store, params.botId ?? '');
      const alias = findAlias(store, bot, params.botAliasId ?? '');
      delete bot.aliases[alias.botAliasId];
      store.save();
      return { status: 202, body: { botAliasId: alias.botAliasId, botId: bot.botId, botAliasStatus: 'Deleting' } };
    }),
  ];
}

/** Every models operation the emulator answers, over one store. */
export function createLexModelsHandlers(store: LexModelsStore): HttpHandler[] {
  return [
    ...botHandlers(store),
    ...localeHandlers(store),
    ...slotTypeHandlers(store),
    ...intentHandlers(store),
    ...slotHandlers(store),
    ...versionHandlers(store),
    ...aliasHandlers(store),
    ...createLexAnalyticsHandlers(store),
  ];
}
