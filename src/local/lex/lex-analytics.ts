// Lex V2 Analytics in the emulator: every RecognizeText turn it serves is recorded against its conversation
// (a sessionId with the originatingRequestId Lex gives it when the session starts or has expired), and the
// models API's ListSessionMetrics, ListIntentMetrics, ListIntentStageMetrics and ListUtteranceMetrics answer
// over those records with the real wire shapes and request validation. End states follow Lex's key definitions
// (docs.aws.amazon.com/lexv2/latest/dg/analytics-key-definitions.html):
// - an intent is Success when Lex closes it Fulfilled or ReadyForFulfillment, Failed when it closes it Failed
//   or the bot falls back to AMAZON.FallbackIntent before it completes, Switched when another intent is
//   recognized first, Dropped when the session expires before any of these;
// - an intent stage is where the bot waits on the caller within an intent: a slot's elicitation (named after
//   the slot), the confirmation prompt ('Confirmation'), and the fulfillment ('Fulfillment', reached when the
//   intent closes after its last slot or a yes). A stage is Success when the bot moves on to another stage,
//   Failed when the intent closes Failed in it (a no at the confirmation) or the retries run out (the bot falls
//   back), Dropped when the caller switches to another intent (kept as SwitchedToIntent) or the session expires
//   in it (the caller hung up); each further elicitation of the same stage is a Retry;
// - a conversation is Success or Failure as its last intent is (a conversation that ends on the fallback intent
//   is a Failure), Dropped when it expires before its last intent is either; one still going has no end state.
// Bin keys are the bin's start in epoch milliseconds (UTC hours or days).
import type { HttpHandler } from 'msw';
import { invalid } from './lex-errors';
import { FALLBACK_SIGNATURE, findBot, type LexModelsStore } from './lex-models-store';
import type { RuntimeBot, TurnResponse } from './lex-dialog';
import { lexRoute, type LexRequest } from './lex-route';
import { paginate } from './lex-request-fields';

export type RecordedIntent = {
  name: string;
  /** 1 for the conversation's first intent, 2 for the next… (Lex's IntentLevel). */
  level: number;
  startedAt: number;
  /** Set once Lex has classified it; Dropped is worked out when read (the session expired first). */
  endState?: 'Success' | 'Failed' | 'Switched';
};

export type RecordedUtterance = { text: string; at: number; detected: boolean; intent: string };

export type RecordedStage = {
  intent: string;
  /** The slot elicited, CONFIRMATION_STAGE or FULFILLMENT_STAGE. */
  name: string;
  startedAt: number;
  /** Elicitations of the stage after its first (Lex's Retry). */
  retries: number;
  /** Set once the bot left the stage; Dropped by expiry is worked out when read. */
  endState?: 'Success' | 'Failed' | 'Dropped';
  /** The intent the caller switched to in this stage. */
  switchedTo?: string;
};

export const CONFIRMATION_STAGE = 'Confirmation';
export const FULFILLMENT_STAGE = 'Fulfillment';

export type RecordedConversation = {
  botId: string;
  botAliasId: string;
  botVersion: string;
  localeId: string;
  sessionId: string;
  originatingRequestId: string;
  modality: 'Text';
  channel?: string;
  startedAt: number;
  lastAt: number;
  idleSessionTtlSeconds: number;
  turns: number;
  intents: RecordedIntent[];
  utterances: RecordedUtterance[];
  /** Absent in conversations recorded before stages were. */
  stages?: RecordedStage[];
};

export type LexAnalyticsState = { conversations: RecordedConversation[] };

/** Conversations kept (oldest dropped first), so the emulator's state file stays small. */
export const MAX_RECORDED_CONVERSATIONS = 5_000;

function analyticsOf(store: LexModelsStore): LexAnalyticsState {
  store.state.analytics ??= { conversations: [] };
  return store.state.analytics;
}

export type TurnRecord = {
  bot: RuntimeBot;
  sessionId: string;
  text: string;
  requestAttributes?: Record<string, string>;
  /** Whether the turn continued a live session (false: a new conversation starts with this request). */
  live: boolean;
  requestId: string;
  at: number;
};

/** Records one RecognizeText turn; returns the conversation it belongs to. */
export function recordTurn(store: LexModelsStore, turn: TurnRecord, response: TurnResponse): RecordedConversation {
  const { bot, at } = turn;
  const analytics = analyticsOf(store);
  const sameSession = (c: RecordedConversation) =>
    c.botId === bot.botId &&
    c.botAliasId === bot.aliasId &&
    c.localeId === bot.localeId &&
    c.sessionId === turn.sessionId;
  let conversation = turn.live ? analytics.conversations.findLast(sameSession) : undefined;
  if (!conversation) {
    const channel = turn.requestAttributes?.['x-amz-lex:channels:platform'];
    conversation = {
      botId: bot.botId,
      botAliasId: bot.aliasId,
      botVersion: bot.botVersion,
      localeId: bot.localeId,
      sessionId: turn.sessionId,
      originatingRequestId: turn.requestId,
      modality: 'Text',
      ...(channel ? { channel } : {}),
      startedAt: at,
      lastAt: at,
      idleSessionTtlSeconds: bot.idleSessionTtlSeconds,
      turns: 0,
      intents: [],
      utterances: [],
      stages: [],
    };
    analytics.conversations.push(conversation);
    if (analytics.conversations.length > MAX_RECORDED_CONVERSATIONS) analytics.conversations.shift();
  }
  conversation.turns += 1;
  conversation.lastAt = at;

  const fallback =
    Object.values(bot.model.intents).find((i) => i.spec.parentIntentSignature === FALLBACK_SIGNATURE)?.spec
      .intentName ?? 'FallbackIntent';
  const interpreted = response.interpretations[0]?.intent.name ?? fallback;
  const name = response.sessionState.intent?.name ?? interpreted;
  conversation.utterances.push({ text: turn.text, at, detected: interpreted !== fallback, intent: name });

  let open = conversation.intents.at(-1);
  if (open?.endState) open = undefined;
  if (!open || open.name !== name) {
    if (open) open.endState = name === fallback ? 'Failed' : 'Switched';
    open = { name, level: conversation.intents.length + 1, startedAt: at };
    conversation.intents.push(open);
  }
  const state = response.sessionState.intent?.state;
  // Falling back is a failure however the fallback intent itself closes (Lex: the conversation fails).
  if (name === fallback) open.endState = 'Failed';
  else if (response.sessionState.dialogAction?.type === 'Close')
    open.endState = state === 'Fulfilled' || state === 'ReadyForFulfillment' ? 'Success' : 'Failed';
  recordStage(conversation, name, fallback, response, at);
  return conversation;
}

/** Moves the conversation's intent stages on by one turn's response (see the header for the end states). */
function recordStage(
  conversation: RecordedConversation,
  intent: string,
  fallback: string,
  response: TurnResponse,
  at: number,
): void {
  const stages = (conversation.stages ??= []);
  let open = stages.at(-1);
  if (open?.endState) open = undefined;
  if (open && open.intent !== intent) {
    // Falling back mid-stage means the retries ran out; any other intent is a switch, which drops the stage.
    if (intent === fallback) open.endState = 'Failed';
    else Object.assign(open, { endState: 'Dropped', switchedTo: intent });
    open = undefined;
  }
  if (intent === fallback) return;
  const action = response.sessionState.dialogAction;
  const reached =
    action?.type === 'ElicitSlot'
      ? action.slotToElicit
      : action?.type === 'ConfirmIntent'
        ? CONFIRMATION_STAGE
        : undefined;
  if (reached) {
    if (open?.name === reached) {
      open.retries += 1;
      return;
    }
    if (open) open.endState = 'Success';
    stages.push({ intent, name: reached, startedAt: at, retries: 0 });
    return;
  }
  if (action?.type !== 'Close') return;
  const state = response.sessionState.intent?.state;
  const fulfilled = state === 'Fulfilled' || state === 'ReadyForFulfillment';
  if (open) {
    const passed =
      fulfilled ||
      (open.name === CONFIRMATION_STAGE && response.sessionState.intent?.confirmationState === 'Confirmed');
    open.endState = passed ? 'Success' : 'Failed';
    // A no at the confirmation (or a slot the code hook gave up on) fails there: fulfillment is never reached.
    if (!passed) return;
  } else if (!fulfilled) return; // closed Failed before any stage: nothing was asked, nothing fulfilled
  stages.push({
    intent,
    name: FULFILLMENT_STAGE,
    startedAt: at,
    retries: 0,
    endState: fulfilled ? 'Success' : 'Failed',
  });
}

// ---- reading

const expired = (c: RecordedConversation, now: number) => now - c.lastAt > c.idleSessionTtlSeconds * 1000;

export function intentEndState(c: RecordedConversation, i: RecordedIntent, now: number): string | undefined {
  return i.endState ?? (expired(c, now) ? 'Dropped' : undefined);
}

export function stageEndState(c: RecordedConversation, s: RecordedStage, now: number): string | undefined {
  return s.endState ?? (expired(c, now) ? 'Dropped' : undefined);
}

export function conversationEndState(c: RecordedConversation, now: number): string | undefined {
  const last = c.intents.at(-1);
  if (last?.endState === 'Success') return 'Success';
  if (last?.endState === 'Failed') return 'Failure';
  return expired(c, now) ? 'Dropped' : undefined;
}

/** One row the metrics are computed over: a conversation, an intent or an utterance. */
type Row = {
  time: number;
  /** Values of the filterable and groupable fields. */
  fields: Record<string, string | undefined>;
  /** Each metric's value for this row (Sum adds them, Avg averages them, Max takes the largest). */
  values: Record<string, number>;
  /** For Concurrency: the minutes the conversation was active. */
  span?: [number, number];
};

type Kind = {
  operation: string;
  metrics: readonly string[];
  maxMetrics: number;
  groupBy: readonly string[];
  maxGroupBy: number;
  filters: Record<string, readonly string[]>;
  maxFilters: number;
  /** Attributes a result may carry (ListUtteranceMetrics' LastUsedIntent). */
  attributes?: readonly string[];
  /** The rows a bot's records give between start (inclusive) and end (exclusive), epoch ms. */
  rows(conversations: RecordedConversation[], start: number, end: number, now: number): Row[];
};

const COMMON_FILTERS = {
  BotAliasId: ['EQ'],
  BotVersion: ['EQ'],
  LocaleId: ['EQ'],
  Modality: ['EQ'],
  Channel: ['EQ'],
  SessionId: ['EQ'],
  OriginatingRequestId: ['EQ'],
} as const;

const commonFields = (c: RecordedConversation) => ({
  BotAliasId: c.botAliasId,
  BotVersion: c.botVersion,
  LocaleId: c.localeId,
  Modality: c.modality,
  Channel: c.channel,
  SessionId: c.sessionId,
  OriginatingRequestId: c.originatingRequestId,
});

const inRange = (t: number, start: number, end: number) => t >= start && t < end;
const flag = (b: boolean) => (b ? 1 : 0);

const SESSIONS: Kind = {
  operation: 'ListSessionMetrics',
  metrics: ['Count', 'Success', 'Failure', 'Dropped', 'Duration', 'TurnsPerConversation', 'Concurrency'],
  maxMetrics: 7,
  groupBy: ['ConversationEndState', 'LocaleId'],
  maxGroupBy: 2,
  filters: {
    ...COMMON_FILTERS,
    Duration: ['EQ', 'GT', 'LT'],
    ConversationEndState: ['EQ'],
    IntentPath: ['EQ'],
  },
  maxFilters: 10,
  rows: (conversations, start, end, now) =>
    conversations
      .filter((c) => inRange(c.startedAt, start, end))
      .map((c) => {
        const endState = conversationEndState(c, now);
        const duration = Math.round((c.lastAt - c.startedAt) / 1000);
        return {
          time: c.startedAt,
          fields: {
            ...commonFields(c),
            Duration: String(duration),
            ConversationEndState: endState,
            IntentPath: `/${c.intents.map((i) => i.name).join('/')}`,
          },
          values: {
            Count: 1,
            Success: flag(endState === 'Success'),
            Failure: flag(endState === 'Failure'),
            Dropped: flag(endState === 'Dropped'),
            Duration: duration,
            TurnsPerConversation: c.turns,
          },
          span: [Math.floor(c.startedAt / 60_000), Math.floor(c.lastAt / 60_000)],
        };
      }),
};

const INTENTS: Kind = {
  operation: 'ListIntentMetrics',
  metrics: ['Count', 'Success', 'Failure', 'Switched', 'Dropped'],
  maxMetrics: 5,
  groupBy: ['IntentName', 'IntentEndState', 'IntentLevel'],
  maxGroupBy: 3,
  filters: { ...COMMON_FILTERS, IntentName: ['EQ'], IntentEndState: ['EQ'] },
  maxFilters: 9,
  rows: (conversations, start, end, now) =>
    conversations.flatMap((c) =>
      c.intents
        .filter((i) => inRange(i.startedAt, start, end))
        .map((i) => {
          const endState = intentEndState(c, i, now);
          return {
            time: i.startedAt,
            fields: {
              ...commonFields(c),
              IntentName: i.name,
              IntentEndState: endState,
              IntentLevel: String(i.level),
            },
            values: {
              Count: 1,
              Success: flag(endState === 'Success'),
              Failure: flag(endState === 'Failed'),
              Switched: flag(endState === 'Switched'),
              Dropped: flag(endState === 'Dropped'),
            },
          };
        }),
    ),
};

const STAGES: Kind = {
  operation: 'ListIntentStageMetrics',
  metrics: ['Count', 'Success', 'Failed', 'Dropped', 'Retry'],
  maxMetrics: 5,
  groupBy: ['IntentStageName', 'SwitchedToIntent'],
  maxGroupBy: 2,
  filters: { ...COMMON_FILTERS, IntentName: ['EQ'], IntentStageName: ['EQ'] },
  maxFilters: 9,
  rows: (conversations, start, end, now) =>
    conversations.flatMap((c) =>
      (c.stages ?? [])
        .filter((s) => inRange(s.startedAt, start, end))
        .map((s) => {
          const endState = stageEndState(c, s, now);
          return {
            time: s.startedAt,
            fields: {
              ...commonFields(c),
              IntentName: s.intent,
              IntentStageName: s.name,
              SwitchedToIntent: s.switchedTo,
            },
            values: {
              Count: 1,
              Success: flag(endState === 'Success'),
              Failed: flag(endState === 'Failed'),
              Dropped: flag(endState === 'Dropped'),
              Retry: s.retries,
            },
          };
        }),
    ),
};

const UTTERANCES: Kind = {
  operation: 'ListUtteranceMetrics',
  metrics: ['Count', 'Missed', 'Detected', 'UtteranceTimestamp'],
  maxMetrics: 4,
  groupBy: ['UtteranceText', 'UtteranceState'],
  maxGroupBy: 2,
  filters: { ...COMMON_FILTERS, UtteranceText: ['EQ'], UtteranceState: ['EQ'] },
  maxFilters: 9,
  attributes: ['LastUsedIntent'],
  rows: (conversations, start, end) =>
    conversations.flatMap((c) =>
      c.utterances
        .filter((u) => inRange(u.at, start, end))
        .map((u) => ({
          time: u.at,
          fields: {
            ...commonFields(c),
            UtteranceText: u.text,
            UtteranceState: u.detected ? 'Detected' : 'Missed',
            LastUsedIntent: u.intent,
          },
          values: {
            Count: 1,
            Missed: flag(!u.detected),
            Detected: flag(u.detected),
            UtteranceTimestamp: u.at,
          },
        })),
    ),
};

// ---- request validation, as Lex words it (AWS's "N validation errors detected: Value … at 'path' …")

const STATISTICS = ['Sum', 'Avg', 'Max'] as const;
const ORDERS = ['Ascending', 'Descending'] as const;
const BIN_NAMES = ['ConversationStartTime', 'UtteranceTimestamp'] as const;
const INTERVALS = ['OneHour', 'OneDay'] as const;
const OPERATORS = ['EQ', 'GT', 'LT'] as const;

type Metric = { name: string; statistic: string; order?: string };
type BinBy = { name: string; interval: string; order?: string };
type Filter = { name: string; operator: string; values: string[] };

class Problems {
  readonly list: string[] = [];

  add(message: string): void {
    this.list.push(message);
  }

  notNull(value: unknown, path: string): boolean {
    if (value !== undefined && value !== null) return true;
    this.add(`Value null at '${path}' failed to satisfy constraint: Member must not be null`);
    return false;
  }

  enumValue(value: unknown, path: string, allowed: readonly string[], required = true): value is string {
    if (value === undefined || value === null) {
      if (required) this.notNull(value, path);
      return false;
    }
    if (typeof value === 'string' && allowed.includes(value)) return true;
    this.add(
      `Value '${String(value)}' at '${path}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`,
    );
    return false;
  }

  list_<T>(value: unknown, path: string, min: number, max: number, required: boolean): T[] | undefined {
    if (value === undefined || value === null) {
      if (required) this.notNull(value, path);
      return undefined;
    }
    if (!Array.isArray(value)) {
      this.add(`Value at '${path}' failed to satisfy constraint: Member must be a list`);
      return undefined;
    }
    if (value.length < min)
      this.add(
        `Value '[]' at '${path}' failed to satisfy constraint: Member must have length greater than or equal to ${min}`,
      );
    if (value.length > max)
      this.add(`Value at '${path}' failed to satisfy constraint: Member must have length less than or equal to ${max}`);
    return value.filter((v): v is T => typeof v === 'object' && v !== null);
  }

  timestamp(value: unknown, path: string): number | undefined {
    if (!this.notNull(value, path)) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.add(`Value '${String(value)}' at '${path}' failed to satisfy constraint: Member must be a timestamp`);
      return undefined;
    }
    return value * 1000;
  }

  throwIfAny(): void {
    if (this.list.length === 0) return;
    const n = this.list.length;
    throw invalid(`${n} validation error${n === 1 ? '' : 's'} detected: ${this.list.join('; ')}`);
  }
}

type MetricsRequest = {
  start: number;
  end: number;
  metrics: Metric[];
  binBy?: BinBy;
  groupBy: string[];
  filters: Filter[];
  attributes: string[];
};

function readRequest(kind: Kind, req: LexRequest): MetricsRequest {
  const p = new Problems();
  const botId = req.params.botId ?? '';
  if (!/^[0-9a-zA-Z]{10}$/.test(botId))
    p.add(
      `Value '${botId}' at 'botId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9a-zA-Z]+$ and have length 10`,
    );
  const body = req.body;
  const start = p.timestamp(body.startDateTime, 'startDateTime');
  const end = p.timestamp(body.endDateTime, 'endDateTime');
  const metrics = p.list_<Record<string, unknown>>(body.metrics, 'metrics', 1, kind.maxMetrics, true) ?? [];
  metrics.forEach((m, i) => {
    p.enumValue(m.name, `metrics.${i + 1}.member.name`, kind.metrics);
    p.enumValue(m.statistic, `metrics.${i + 1}.member.statistic`, STATISTICS);
    p.enumValue(m.order, `metrics.${i + 1}.member.order`, ORDERS, false);
  });
  const binBy = p.list_<Record<string, unknown>>(body.binBy, 'binBy', 1, 1, false) ?? [];
  binBy.forEach((b, i) => {
    p.enumValue(b.name, `binBy.${i + 1}.member.name`, BIN_NAMES);
    p.enumValue(b.interval, `binBy.${i + 1}.member.interval`, INTERVALS);
    p.enumValue(b.order, `binBy.${i + 1}.member.order`, ORDERS, false);
  });
  const groupBy = p.list_<Record<string, unknown>>(body.groupBy, 'groupBy', 1, kind.maxGroupBy, false) ?? [];
  groupBy.forEach((g, i) => p.enumValue(g.name, `groupBy.${i + 1}.member.name`, kind.groupBy));
  const filters = p.list_<Record<string, unknown>>(body.filters, 'filters', 1, kind.maxFilters, false) ?? [];
  filters.forEach((f, i) => {
    const at = `filters.${i + 1}.member`;
    const named = p.enumValue(f.name, `${at}.name`, Object.keys(kind.filters));
    const operated = p.enumValue(f.operator, `${at}.operator`, OPERATORS);
    const values = p.list_<unknown>(f.values, `${at}.values`, 1, 5, true);
    if (Array.isArray(f.values) && f.values.some((v) => typeof v !== 'string'))
      p.add(`Value at '${at}.values' failed to satisfy constraint: Member must be a list of strings`);
    if (named && operated && !kind.filters[f.name as string]!.includes(f.operator as string))
      p.add(
        `Operator '${String(f.operator)}' at '${at}.operator' is not supported for filter '${String(f.name)}': use ${kind.filters[f.name as string]!.join(', ')}`,
      );
    if (named && f.name === 'Duration' && values?.some((v) => !/^\d+$/.test(String(v))))
      p.add(`Value at '${at}.values' failed to satisfy constraint: Duration values must be whole seconds`);
  });
  const attributes = kind.attributes
    ? (p.list_<Record<string, unknown>>(body.attributes, 'attributes', 1, 1, false) ?? [])
    : [];
  attributes.forEach((a, i) => p.enumValue(a.name, `attributes.${i + 1}.member.name`, kind.attributes ?? []));
  p.throwIfAny();
  if (start! >= end!)
    throw invalid(
      `startDateTime (${new Date(start!).toISOString()}) must be before endDateTime (${new Date(end!).toISOString()}).`,
    );
  if (binBy[0]?.order && metrics.some((m) => m.order))
    throw invalid('An order can be given in binBy or in metrics, not both. Remove one of them.');
  return {
    start: start!,
    end: end!,
    metrics: metrics as Metric[],
    ...(binBy[0] ? { binBy: binBy[0] as BinBy } : {}),
    groupBy: groupBy.map((g) => g.name as string),
    filters: filters as Filter[],
    attributes: attributes.map((a) => a.name as string),
  };
}

function passes(row: Row, filters: Filter[]): boolean {
  return filters.every((f) => {
    const actual = row.fields[f.name];
    if (actual === undefined) return false;
    if (f.operator === 'EQ') return f.values.includes(actual);
    const n = Number(actual);
    return f.operator === 'GT' ? f.values.some((v) => n > Number(v)) : f.values.some((v) => n < Number(v));
  });
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function statistic(values: number[], stat: string): number {
  if (values.length === 0) return 0;
  if (stat === 'Sum') return values.reduce((a, b) => a + b, 0);
  if (stat === 'Max') return Math.max(...values);
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Conversations active in each minute they touched: Max, Avg over those minutes, Sum of conversation-minutes. */
function concurrency(rows: Row[], stat: string): number {
  const perMinute = new Map<number, number>();
  for (const { span } of rows) {
    if (!span) continue;
    for (let m = span[0]; m <= span[1]; m++) perMinute.set(m, (perMinute.get(m) ?? 0) + 1);
  }
  return statistic([...perMinute.values()], stat);
}

export type MetricsResult = {
  binKeys?: { name: string; value: number }[];
  groupByKeys?: { name: string; value: string }[];
  metricsResults: { name: string; statistic: string; value: number }[];
  attributeResults?: { lastUsedIntent?: string }[];
};

/** Computes one metrics request over recorded conversations. */
export function computeMetrics(
  kind: Kind,
  conversations: RecordedConversation[],
  request: MetricsRequest,
  now: number,
): MetricsResult[] {
  const rows = kind
    .rows(conversations, request.start, request.end, now)
    .filter((r) => passes(r, request.filters))
    // A row without a value for a grouped field (a conversation still going, grouped by end state) is left out.
    .filter((r) => request.groupBy.every((g) => r.fields[g] !== undefined));
  const width = request.binBy ? (request.binBy.interval === 'OneHour' ? HOUR : DAY) : undefined;
  const groups = new Map<string, { bin?: number; keys: string[]; rows: Row[] }>();
  for (const row of rows) {
    const bin = width === undefined ? undefined : Math.floor(row.time / width) * width;
    const keys = request.groupBy.map((g) => row.fields[g]!);
    const id = JSON.stringify([bin, keys]);
    const group = groups.get(id) ?? { ...(bin === undefined ? {} : { bin }), keys, rows: [] };
    group.rows.push(row);
    groups.set(id, group);
  }
  // Without bins or groups, Lex answers one result over everything (zeros when nothing matched).
  if (groups.size === 0 && !request.binBy && request.groupBy.length === 0) groups.set('all', { keys: [], rows: [] });
  const results: MetricsResult[] = [...groups.values()].map((g) => ({
    ...(g.bin === undefined ? {} : { binKeys: [{ name: request.binBy!.name, value: g.bin }] }),
    ...(request.groupBy.length ? { groupByKeys: request.groupBy.map((name, i) => ({ name, value: g.keys[i]! })) } : {}),
    metricsResults: request.metrics.map((m) => ({
      name: m.name,
      statistic: m.statistic,
      value:
        m.name === 'Concurrency'
          ? concurrency(g.rows, m.statistic)
          : statistic(
              g.rows.map((r) => r.values[m.name] ?? 0),
              m.statistic,
            ),
    })),
    ...(request.attributes.includes('LastUsedIntent')
      ? {
          attributeResults: [
            {
              lastUsedIntent: g.rows.reduce<Row | undefined>((l, r) => (!l || r.time >= l.time ? r : l), undefined)
                ?.fields.LastUsedIntent,
            },
          ],
        }
      : {}),
  }));
  const byMetric = request.metrics.findIndex((m) => m.order);
  if (byMetric >= 0) {
    const sign = request.metrics[byMetric]!.order === 'Ascending' ? 1 : -1;
    results.sort((a, b) => sign * (a.metricsResults[byMetric]!.value - b.metricsResults[byMetric]!.value));
  } else if (request.binBy) {
    const sign = request.binBy.order === 'Ascending' ? 1 : -1;
    results.sort((a, b) => sign * (a.binKeys![0]!.value - b.binKeys![0]!.value));
  } else {
    results.sort((a, b) => JSON.stringify(a.groupByKeys ?? []).localeCompare(JSON.stringify(b.groupByKeys ?? [])));
  }
  return results;
}

function metricsRoute(store: LexModelsStore, kind: Kind, path: string): HttpHandler {
  return lexRoute('POST', `/bots/{botId}/analytics/${path}`, (req) => {
    const request = readRequest(kind, req);
    const bot = findBot(store, req.params.botId ?? '');
    const conversations = analyticsOf(store).conversations.filter((c) => c.botId === bot.botId);
    const results = computeMetrics(kind, conversations, request, store.now());
    const { page, nextToken } = paginate(results, req.body);
    return { status: 200, body: { botId: bot.botId, results: page, ...(nextToken ? { nextToken } : {}) } };
  });
}

/** ListSessionMetrics, ListIntentMetrics, ListIntentStageMetrics and ListUtteranceMetrics over the recorded conversations. */
export function createLexAnalyticsHandlers(store: LexModelsStore): HttpHandler[] {
  return [
    metricsRoute(store, SESSIONS, 'sessionmetrics'),
    metricsRoute(store, INTENTS, 'intentmetrics'),
    metricsRoute(store, STAGES, 'intentstagemetrics'),
    metricsRoute(store, UTTERANCES, 'utterancemetrics'),
  ];
}
