// The Lex V2 runtime API as msw handlers: RecognizeText and Get/Put/DeleteSession against the bot as the
// models emulator has it provisioned (the alias's version, or DRAFT as last built), with the code hook
// reached through an injected Lambda invoker.
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { HttpHandler } from 'msw';
import { invalid, LexApiError, notFound } from './lex-errors';
import { DRAFT, findAlias, findBot, findLocale, findVersion, type LexModelsStore } from './lex-models-store';
import {
  promptFor,
  runTurn,
  type LambdaInvoker,
  type RuntimeBot,
  type StoredSession,
  type WireMessage,
  type WireSessionState,
} from './lex-dialog';
import { lexRoute, type LexRequest } from './lex-route';
import { recordTurn } from './lex-analytics';

export type { LambdaInvoker } from './lex-dialog';

export type LexRuntimeOptions = {
  store: LexModelsStore;
  /** Calls the alias's code hook Lambda; without it code hooks are skipped. */
  invoke?: LambdaInvoker;
  /** Time zone for relative dates when the request gives none (Lex's x-amz-lex:time-zone). Default UTC. */
  timeZone?: string;
  now?: () => number;
};

const SESSION_PATH = '/bots/{botId}/botAliases/{botAliasId}/botLocales/{localeId}/sessions/{sessionId}';

/** The bot an alias runs in one locale, or the error Lex gives when it can't. */
export function resolveRuntimeBot(store: LexModelsStore, botId: string, aliasId: string, localeId: string): RuntimeBot {
  const bot = findBot(store, botId);
  const alias = findAlias(store, bot, aliasId);
  const botVersion = alias.spec.botVersion;
  if (!botVersion)
    throw invalid(`Alias ${alias.spec.botAliasName} has no botVersion. Point it at a version with UpdateBotAlias.`);
  const settings = alias.spec.botAliasLocaleSettings ?? {};
  if (Object.keys(settings).length > 0 && settings[localeId]?.enabled !== true) {
    throw invalid(
      `Locale ${localeId} isn't enabled for alias ${alias.spec.botAliasName}. Enable it in botAliasLocaleSettings.`,
    );
  }
  const spec = botVersion === DRAFT ? bot.spec : findVersion(store, bot, botVersion).bot;
  let locale;
  try {
    locale = findLocale(store, bot, botVersion, localeId);
  } catch (e) {
    if (e instanceof LexApiError) throw notFound(`Bot ${botId} version ${botVersion} has no locale ${localeId}.`);
    throw e;
  }
  if (!locale.built || locale.status !== 'Built') {
    throw invalid(
      `Locale ${localeId} of bot ${botId} version ${botVersion} isn't built. Call BuildBotLocale and wait for Built.`,
    );
  }
  return {
    botId,
    botName: spec.botName ?? '',
    botVersion,
    aliasId,
    aliasName: alias.spec.botAliasName,
    localeId,
    idleSessionTtlSeconds: spec.idleSessionTTLInSeconds ?? 300,
    model: locale.built,
    ...(settings[localeId]?.codeHookSpecification?.lambdaCodeHook?.lambdaARN
      ? { codeHookArn: settings[localeId].codeHookSpecification.lambdaCodeHook.lambdaARN }
      : {}),
  };
}

/** Lex sends these PutSession fields as headers, gzip-compressed and base64-encoded. */
function packedHeader(value: unknown): string {
  return gzipSync(Buffer.from(JSON.stringify(value))).toString('base64');
}

function readSessionState(body: Record<string, unknown>, required: boolean): WireSessionState | undefined {
  const value = body.sessionState;
  if (value === undefined || value === null) {
    if (required) throw invalid("Give sessionState: at least { dialogAction: { type: 'ElicitIntent' } }.");
    return undefined;
  }
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid('sessionState must be an object.');
  const state = value as WireSessionState;
  const type = state.dialogAction?.type;
  if (type !== undefined && !['ElicitSlot', 'ElicitIntent', 'ConfirmIntent', 'Close', 'Delegate'].includes(type)) {
    throw invalid(
      `sessionState.dialogAction.type '${type}' isn't valid. Use ElicitSlot, ElicitIntent, ConfirmIntent, Close or Delegate.`,
    );
  }
  if (type === 'ElicitSlot' && (!state.dialogAction?.slotToElicit || !state.intent?.name)) {
    throw invalid('An ElicitSlot dialog action needs slotToElicit and sessionState.intent.');
  }
  return state;
}

function readRequestAttributes(body: Record<string, unknown>): Record<string, string> | undefined {
  const value = body.requestAttributes;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid('requestAttributes must be a map of strings.');
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}

/** The runtime operations over the models emulator's state; sessions live in memory. */
export function createLexRuntimeHandlers(options: LexRuntimeOptions): HttpHandler[] {
  const { store, invoke } = options;
  const now = options.now ?? Date.now;
  const timeZone = options.timeZone ?? 'UTC';
  const sessions = new Map<string, StoredSession>();
  // The recorded turns reach the state file at most once a second (the service saves again when it closes): a
  // busy local stack would otherwise rewrite the whole file on every turn.
  let pendingSave: NodeJS.Timeout | undefined;
  const saveSoon = () => {
    pendingSave ??= setTimeout(() => {
      pendingSave = undefined;
      store.save();
    }, 1_000).unref();
  };
  const keyOf = (p: Record<string, string>) => [p.botId, p.botAliasId, p.localeId, p.sessionId].join('/');
  const botOf = (req: LexRequest) =>
    resolveRuntimeBot(store, req.params.botId ?? '', req.params.botAliasId ?? '', req.params.localeId ?? '');

  return [
    lexRoute('POST', `${SESSION_PATH}/text`, async (req) => {
      const bot = botOf(req);
      const text = req.body.text;
      if (typeof text !== 'string' || text.trim() === '')
        throw invalid('Give text: what the user said (1–1024 characters).');
      if (text.length > 1024) throw invalid('text is longer than 1024 characters.');
      const sessionState = readSessionState(req.body, false);
      const requestAttributes = readRequestAttributes(req.body);
      const key = keyOf(req.params);
      const previous = sessions.get(key);
      const at = now();
      const requestId = randomUUID();
      const { response, session } = await runTurn(
        bot,
        previous,
        {
          sessionId: req.params.sessionId ?? '',
          text,
          ...(sessionState ? { sessionState } : {}),
          ...(requestAttributes ? { requestAttributes } : {}),
        },
        { ...(invoke ? { invoke } : {}), now, timeZone, requestId },
      );
      // Lex Analytics: the turn counts towards its conversation, which keeps the id of the request that began it.
      const conversation = recordTurn(
        store,
        {
          bot,
          sessionId: req.params.sessionId ?? '',
          text,
          ...(requestAttributes ? { requestAttributes } : {}),
          live: previous !== undefined && at - previous.updatedAt <= bot.idleSessionTtlSeconds * 1000,
          requestId,
          at,
        },
        response,
      );
      response.sessionState.originatingRequestId = conversation.originatingRequestId;
      session.state.originatingRequestId = conversation.originatingRequestId;
      saveSoon();
      sessions.set(key, session);
      return { status: 200, body: response };
    }),
    lexRoute('GET', SESSION_PATH, (req) => {
      const bot = botOf(req);
      const session = sessions.get(keyOf(req.params));
      if (!session || now() - session.updatedAt > bot.idleSessionTtlSeconds * 1000) {
        throw notFound(
          `Session ${req.params.sessionId} doesn't exist or has expired. Start it with RecognizeText or PutSession.`,
        );
      }
      return {
        status: 200,
        body: {
          sessionId: req.params.sessionId,
          messages: session.messages,
          interpretations: session.interpretations,
          sessionState: session.state,
        },
      };
    }),
    lexRoute('POST', SESSION_PATH, (req) => {
      const bot = botOf(req);
      const sessionState = readSessionState(req.body, true) ?? {};
      const requestAttributes = readRequestAttributes(req.body);
      const given = Array.isArray(req.body.messages) ? (req.body.messages as WireMessage[]) : undefined;
      const step = promptFor(bot, sessionState, now(), timeZone);
      const state: WireSessionState = step
        ? {
            ...sessionState,
            dialogAction: step.dialogAction,
            ...(step.intent ? { intent: step.intent } : {}),
            sessionAttributes: step.attributes,
          }
        : sessionState;
      const messages = given ?? step?.messages ?? [];
      const stored: StoredSession = {
        state: { ...state, originatingRequestId: randomUUID() },
        interpretations: state.intent ? [{ intent: state.intent, interpretationSource: 'Lex' }] : [],
        messages,
        ...(requestAttributes ? { requestAttributes } : {}),
        updatedAt: now(),
      };
      sessions.set(keyOf(req.params), stored);
      const contentType = req.headers.get('ResponseContentType') ?? 'text/plain; charset=utf-8';
      return {
        status: 200,
        headers: {
          'Content-Type': contentType,
          'x-amz-lex-session-id': req.params.sessionId ?? '',
          'x-amz-lex-session-state': packedHeader(stored.state),
          ...(messages.length > 0 ? { 'x-amz-lex-messages': packedHeader(messages) } : {}),
          ...(requestAttributes ? { 'x-amz-lex-request-attributes': packedHeader(requestAttributes) } : {}),
        },
      };
    }),
    lexRoute('DELETE', SESSION_PATH, (req) => {
      botOf(req);
      sessions.delete(keyOf(req.params));
      return {
        status: 200,
        body: {
          botId: req.params.botId,
          botAliasId: req.params.botAliasId,
          localeId: req.params.localeId,
          sessionId: req.params.sessionId,
        },
      };
    }),
  ];
}
