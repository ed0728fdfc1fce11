// The inbound contact flow in the Amazon Connect flow language: greeting, the Lex V2 bot with the caller's number,
// a branch on the bot's outcome, a queue transfer for agent requests and failures, and the disconnect. Also the
// structural check Connect applies before it accepts a flow, shared by the provisioning engine and the emulator.
import { ValidationError } from '../core/errors';
import {
  applyPromptOverrides,
  BOT_DEFINITION,
  renderPrompt,
  type BotDefinition,
  type Locale,
  type PromptOverrides,
} from './bot-definition';
import { CALLER_ATTRIBUTE, OUTCOME_ATTRIBUTE, TRANSFER_REASON_ATTRIBUTE } from './lex-codehook';
import { isRecord } from '../core/is-record';

export const FLOW_LANGUAGE_VERSION = '2019-10-30';

/** Values the code hook writes to the `botOutcome` session attribute when it closes the conversation. */
export const BOT_OUTCOMES = { transfer: 'TRANSFER', done: 'DONE' } as const;

export type FlowErrorType = 'NoMatchingError' | 'NoMatchingCondition' | 'InputTimeLimitExceeded' | 'QueueAtCapacity';

export const CONDITION_OPERATORS = [
  'Equals',
  'NumberGreaterThan',
  'NumberGreaterOrEqualTo',
  'NumberLessThan',
  'NumberLessOrEqualTo',
  'TextStartsWith',
  'TextEndsWith',
  'TextContains',
] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export type FlowCondition = { NextAction: string; Condition: { Operator: ConditionOperator; Operands: string[] } };
export type FlowError = { NextAction: string; ErrorType: FlowErrorType };
export type FlowTransitions = { NextAction?: string; Conditions?: FlowCondition[]; Errors?: FlowError[] };

/** Text-to-speech or a stored prompt: at most one of them (exactly one for MessageParticipant). */
export type PromptParameters = { Text?: string; SSML?: string; PromptId?: string };

type Action<T extends string, P> = { Identifier: string; Type: T; Parameters: P; Transitions: FlowTransitions };

export type FlowAction =
  | Action<'MessageParticipant', PromptParameters>
  | Action<
      'ConnectParticipantWithLexBot',
      PromptParameters & {
        LexV2Bot?: { AliasArn: string };
        LexBot?: { Name: string; Region: string; Alias: string };
        LexSessionAttributes?: Record<string, string>;
      }
    >
  | Action<'Compare', { ComparisonValue: string }>
  | Action<'UpdateContactTargetQueue', { QueueId?: string; AgentId?: string }>
  | Action<'TransferContactToQueue', Record<string, never>>
  | Action<'UpdateContactAttributes', { Attributes: Record<string, string>; TargetContact?: 'Current' | 'Related' }>
  | Action<'UpdateFlowLoggingBehavior', { FlowLoggingBehavior: 'Enabled' | 'Disabled' }>
  | Action<
      'UpdateContactTextToSpeechVoice',
      { TextToSpeechVoice: string; TextToSpeechEngine?: string; TextToSpeechStyle?: string }
    >
  | Action<'DisconnectParticipant', Record<string, never>>;

export type FlowActionType = FlowAction['Type'];

export type ContactFlow = {
  Version: typeof FLOW_LANGUAGE_VERSION;
  StartAction: string;
  Metadata?: Record<string, unknown>;
  Actions: FlowAction[];
};

/** One reason Connect would refuse a flow; `action` names the offending action when there is one. */
export type ContactFlowProblem = { message: string; action?: string };

export type ContactFlowCheck = { ok: true; flow: ContactFlow } | { ok: false; problems: ContactFlowProblem[] };

/** The identifiers of the generated flow, so tests and the call simulator's trace can name them. */
export const FLOW_ACTIONS = {
  setLogging: 'set-logging',
  setVoice: 'set-voice',
  greeting: 'greeting',
  bot: 'courier-bot',
  checkOutcome: 'check-bot-outcome',
  recordTransfer: 'record-transfer-reason',
  apology: 'apology',
  notUnderstood: 'not-understood',
  setQueue: 'set-agent-queue',
  transfer: 'transfer-to-agent',
  agentsUnavailable: 'agents-unavailable',
  disconnect: 'disconnect',
} as const;

/** Said when the queue cannot take the caller; not a bot prompt, so not in the prompt editor. */
export const AGENTS_UNAVAILABLE_TEXT =
  "I'm sorry, none of our team can take your call right now. Please call again later. Goodbye.";

export type ContactFlowOptions = {
  /** The Lex V2 bot alias: arn:aws:lex:<region>:<account>:bot-alias/<botId>/<aliasId>. */
  botAliasArn: string;
  /** The queue agent requests and failures go to (queue ID or ARN), e.g. the instance's BasicQueue. */
  queueId: string;
  /** The bot definition whose prompts are spoken; the shipped one by default. */
  definition?: BotDefinition;
  /** The admin's prompt edits, applied on top of `definition`. */
  promptOverrides?: PromptOverrides;
  locale?: Locale;
  /** Flow logs to CloudWatch (on by default: they are how a failed call is diagnosed). */
  flowLogging?: boolean;
  /** Polly voice; the locale's bot voice by default, so the greeting and the bot sound like one person. */
  voice?: { id?: string; engine?: 'standard' | 'neural' | 'generative' };
  agentsUnavailableText?: string;
};

const ALIAS_ARN = /^arn:aws[\w-]*:lex:[a-z0-9-]+:\d{12}:bot-alias\/[0-9A-Z]{10}\/[0-9A-Z]{10}$/;
const QUEUE_ID = /^(arn:aws[\w-]*:connect:[a-z0-9-]+:\d{12}:instance\/[\w-]+\/queue\/[\w-]+|[\w-]{1,100})$/;

function requireText(value: string | undefined, field: string, fix: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ValidationError(`${field} is required: ${fix}`, { field });
  }
  return value.trim();
}

/**
 * The inbound flow for the courier bot. Prompt texts come from the bot definition with the admin's overrides
 * applied, so an edited greeting is what the next caller hears once the flow is redeployed.
 */
export function buildContactFlow(options: ContactFlowOptions): ContactFlow {
  const botAliasArn = requireText(
    options.botAliasArn,
    'botAliasArn',
    'give the Lex V2 bot alias ARN, e.g. arn:aws:lex:us-east-1:123456789012:bot-alias/ABCDEFGHIJ/KLMNOPQRST',
  );
  if (!ALIAS_ARN.test(botAliasArn)) {
    throw new ValidationError(
      `botAliasArn "${botAliasArn}" is not a Lex V2 bot alias ARN: expected arn:aws:lex:<region>:<account>:bot-alias/<botId>/<aliasId>`,
      { field: 'botAliasArn' },
    );
  }
  const queueId = requireText(options.queueId, 'queueId', 'give the ID or ARN of the queue for agent transfers');
  if (!QUEUE_ID.test(queueId)) {
    throw new ValidationError(`queueId "${queueId}" is neither a Connect queue ID nor a queue ARN`, {
      field: 'queueId',
    });
  }
  const locale = options.locale ?? 'en_US';
  const definition = applyPromptOverrides(options.definition ?? BOT_DEFINITION, options.promptOverrides ?? {});
  const prompts = definition.prompts[locale];
  if (!prompts) {
    throw new ValidationError(`locale ${locale} has no prompts in the bot definition`, { field: 'locale' });
  }
  const voiceId = options.voice?.id ?? definition.locales[locale].voiceId;
  const A = FLOW_ACTIONS;
  const message = (id: string, text: string, next: string): FlowAction => ({
    Identifier: id,
    Type: 'MessageParticipant',
    Parameters: { Text: text },
    Transitions: { NextAction: next, Errors: [{ NextAction: next, ErrorType: 'NoMatchingError' }] },
  });

  const actions: FlowAction[] = [
    {
      Identifier: A.setVoice,
      Type: 'UpdateContactTextToSpeechVoice',
      Parameters: { TextToSpeechVoice: voiceId, TextToSpeechEngine: options.voice?.engine ?? 'neural' },
      Transitions: { NextAction: A.greeting, Errors: [{ NextAction: A.greeting, ErrorType: 'NoMatchingError' }] },
    },
    message(A.greeting, renderPrompt(prompts, 'welcome'), A.bot),
    {
      Identifier: A.bot,
      Type: 'ConnectParticipantWithLexBot',
      Parameters: {
        LexV2Bot: { AliasArn: botAliasArn },
        LexSessionAttributes: { [CALLER_ATTRIBUTE]: '$.CustomerEndpoint.Address' },
      },
      Transitions: {
        NextAction: A.checkOutcome,
        Errors: [
          { NextAction: A.notUnderstood, ErrorType: 'InputTimeLimitExceeded' },
          { NextAction: A.apology, ErrorType: 'NoMatchingError' },
        ],
      },
    },
    {
      Identifier: A.checkOutcome,
      Type: 'Compare',
      Parameters: { ComparisonValue: `$.Lex.SessionAttributes.${OUTCOME_ATTRIBUTE}` },
      Transitions: {
        NextAction: A.apology,
        Conditions: [
          { NextAction: A.recordTransfer, Condition: { Operator: 'Equals', Operands: [BOT_OUTCOMES.transfer] } },
          { NextAction: A.disconnect, Condition: { Operator: 'Equals', Operands: [BOT_OUTCOMES.done] } },
        ],
        Errors: [{ NextAction: A.apology, ErrorType: 'NoMatchingCondition' }],
      },
    },
    {
      Identifier: A.recordTransfer,
      Type: 'UpdateContactAttributes',
      Parameters: {
        Attributes: {
          [TRANSFER_REASON_ATTRIBUTE]: `$.Lex.SessionAttributes.${TRANSFER_REASON_ATTRIBUTE}`,
          [CALLER_ATTRIBUTE]: '$.CustomerEndpoint.Address',
        },
        TargetContact: 'Current',
      },
      Transitions: { NextAction: A.setQueue, Errors: [{ NextAction: A.setQueue, ErrorType: 'NoMatchingError' }] },
    },
    message(A.apology, renderPrompt(prompts, 'fault'), A.setQueue),
    message(A.notUnderstood, renderPrompt(prompts, 'fallbackTransfer'), A.setQueue),
    {
      Identifier: A.setQueue,
      Type: 'UpdateContactTargetQueue',
      Parameters: { QueueId: queueId },
      Transitions: {
        NextAction: A.transfer,
        Errors: [{ NextAction: A.agentsUnavailable, ErrorType: 'NoMatchingError' }],
      },
    },
    {
      Identifier: A.transfer,
      Type: 'TransferContactToQueue',
      Parameters: {},
      Transitions: {
        NextAction: A.disconnect,
        Errors: [
          { NextAction: A.agentsUnavailable, ErrorType: 'QueueAtCapacity' },
          { NextAction: A.agentsUnavailable, ErrorType: 'NoMatchingError' },
        ],
      },
    },
    message(A.agentsUnavailable, options.agentsUnavailableText?.trim() || AGENTS_UNAVAILABLE_TEXT, A.disconnect),
    { Identifier: A.disconnect, Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
  ];
  if (options.flowLogging ?? true) {
    actions.unshift({
      Identifier: A.setLogging,
      Type: 'UpdateFlowLoggingBehavior',
      Parameters: { FlowLoggingBehavior: 'Enabled' },
      Transitions: { NextAction: A.setVoice },
    });
  }
  const first = actions[0];
  return { Version: FLOW_LANGUAGE_VERSION, StartAction: first ? first.Identifier : A.setVoice, Actions: actions };
}

/** The flow as the `Content` string CreateContactFlow and UpdateContactFlowContent take. */
export function contactFlowContent(flow: ContactFlow): string {
  return JSON.stringify(flow);
}

// ---- validation ----

type ActionSpec = {
  /** Error branches Connect insists on. */
  requiredErrors: FlowErrorType[];
  /** Every error type the action can raise. */
  errors: FlowErrorType[];
  next: 'required' | 'optional' | 'none';
  conditions: 'none' | 'optional' | 'required';
  checkParameters(p: Record<string, unknown>): string[];
};

const JSON_PATH = /^\$\.[A-Za-z_][\w-]*(\.[\w:-]+)*$/;

function nonEmpty(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

function promptProblems(p: Record<string, unknown>, required: boolean): string[] {
  const given = (['Text', 'SSML', 'PromptId'] as const).filter((k) => p[k] !== undefined);
  const problems: string[] = [];
  if (given.length > 1) problems.push(`give only one of Text, SSML or PromptId (found ${given.join(', ')})`);
  if (required && given.length === 0) problems.push('Parameters needs one of Text, SSML or PromptId');
  for (const k of given) if (!nonEmpty(p[k])) problems.push(`Parameters.${k} must be a non-empty string`);
  if (nonEmpty(p.SSML) && !/^\s*<speak>[\s\S]*<\/speak>\s*$/.test(p.SSML)) {
    problems.push('Parameters.SSML must be wrapped in <speak>…</speak>');
  }
  return problems;
}

function stringMap(v: unknown, field: string): string[] {
  if (!isRecord(v)) return [`${field} must be an object of string values`];
  return Object.entries(v)
    .filter(([, value]) => typeof value !== 'string')
    .map(([key]) => `${field}.${key} must be a string`);
}

const SPECS: Record<FlowActionType, ActionSpec> = {
  MessageParticipant: {
    requiredErrors: ['NoMatchingError'],
    errors: ['NoMatchingError'],
    next: 'required',
    conditions: 'none',
    checkParameters: (p) => promptProblems(p, true),
  },
  ConnectParticipantWithLexBot: {
    requiredErrors: ['NoMatchingError'],
    errors: ['NoMatchingError', 'NoMatchingCondition', 'InputTimeLimitExceeded'],
    next: 'required',
    conditions: 'optional',
    checkParameters: (p) => {
      const problems = promptProblems(p, false);
      if ((p.LexV2Bot === undefined) === (p.LexBot === undefined)) {
        problems.push('Parameters needs exactly one of LexV2Bot or LexBot');
      }
      if (p.LexV2Bot !== undefined) {
        const arn = isRecord(p.LexV2Bot) ? p.LexV2Bot.AliasArn : undefined;
        if (!nonEmpty(arn) || !(ALIAS_ARN.test(arn) || JSON_PATH.test(arn))) {
          problems.push('Parameters.LexV2Bot.AliasArn must be a Lex V2 bot alias ARN or a JSONPath');
        }
      }
      if (p.LexBot !== undefined) {
        const bot = isRecord(p.LexBot) ? p.LexBot : {};
        for (const k of ['Name', 'Region', 'Alias']) {
          if (!nonEmpty(bot[k])) problems.push(`Parameters.LexBot.${k} is required`);
        }
      }
      if (p.LexSessionAttributes !== undefined) {
        problems.push(...stringMap(p.LexSessionAttributes, 'Parameters.LexSessionAttributes'));
      }
      return problems;
    },
  },
  Compare: {
    requiredErrors: ['NoMatchingCondition'],
    errors: ['NoMatchingCondition'],
    next: 'optional',
    conditions: 'required',
    checkParameters: (p) =>
      nonEmpty(p.ComparisonValue) && JSON_PATH.test(p.ComparisonValue)
        ? []
        : ['Parameters.ComparisonValue must be a single JSONPath such as $.Attributes.name'],
  },
  UpdateContactTargetQueue: {
    requiredErrors: ['NoMatchingError'],
    errors: ['NoMatchingError'],
    next: 'required',
    conditions: 'none',
    checkParameters: (p) => {
      if ((p.QueueId === undefined) === (p.AgentId === undefined)) {
        return ['Parameters needs exactly one of QueueId or AgentId'];
      }
      const value = p.QueueId ?? p.AgentId;
      return nonEmpty(value) ? [] : ['Parameters.QueueId/AgentId must be a non-empty string'];
    },
  },
  TransferContactToQueue: {
    requiredErrors: ['NoMatchingError'],
    errors: ['NoMatchingError', 'QueueAtCapacity'],
    next: 'optional',
    conditions: 'none',
    checkParameters: (p) => (Object.keys(p).length === 0 ? [] : ['Parameters must be empty ({})']),
  },
  UpdateContactAttributes: {
    requiredErrors: ['NoMatchingError'],
    errors: ['NoMatchingError'],
    next: 'required',
    conditions: 'none',
    checkParameters: (p) => {
      const problems = stringMap(p.Attributes, 'Parameters.Attributes');
      if (isRecord(p.Attributes) && Object.keys(p.Attributes).length === 0) {
        problems.push('Parameters.Attributes needs at least one attribute');
      }
      if (p.TargetContact !== undefined && p.TargetContact !== 'Current' && p.TargetContact !== 'Related') {
        problems.push('Parameters.TargetContact must be Current or Related');
      }
      return problems;
    },
  },
  UpdateFlowLoggingBehavior: {
    requiredErrors: [],
    errors: [],
    next: 'required',
    conditions: 'none',
    checkParameters: (p) =>
      p.FlowLoggingBehavior === 'Enabled' || p.FlowLoggingBehavior === 'Disabled'
        ? []
        : ['Parameters.FlowLoggingBehavior must be Enabled or Disabled'],
  },
  UpdateContactTextToSpeechVoice: {
    requiredErrors: ['NoMatchingError'],
    errors: ['NoMatchingError'],
    next: 'required',
    conditions: 'none',
    checkParameters: (p) =>
      nonEmpty(p.TextToSpeechVoice) ? [] : ['Parameters.TextToSpeechVoice must name an Amazon Polly voice'],
  },
  DisconnectParticipant: {
    requiredErrors: [],
    errors: [],
    next: 'none',
    conditions: 'none',
    checkParameters: (p) => (Object.keys(p).length === 0 ? [] : ['Parameters must be empty ({})']),
  },
};

const ACTION_TYPES = Object.keys(SPECS) as FlowActionType[];
const FORBIDDEN_ID_CHARS = /[%:(\\/)=$,;[\]{}]/;
const FORBIDDEN_IDS = new Set([
  '__proto__',
  'constructor',
  '__defineGetter__',
  '__defineSetter__',
  'toString',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'valueOf',
]);

function checkTransitions(
  id: string,
  type: FlowActionType,
  transitions: unknown,
  targets: string[],
  problems: ContactFlowProblem[],
): void {
  const spec = SPECS[type];
  const say = (message: string) => problems.push({ action: id, message: `Action "${id}" (${type}): ${message}` });
  if (!isRecord(transitions)) {
    say('Transitions must be an object ({} for none)');
    return;
  }
  const { NextAction, Conditions, Errors } = transitions;
  if (NextAction !== undefined) {
    if (spec.next === 'none') say(`${type} ends the flow and cannot have a NextAction`);
    else if (nonEmpty(NextAction)) targets.push(NextAction);
    else say('Transitions.NextAction must be an action identifier');
  } else if (spec.next === 'required') {
    say('Transitions.NextAction is missing: name the action that follows');
  }

  const conditions = Conditions === undefined ? [] : Conditions;
  if (!Array.isArray(conditions)) {
    say('Transitions.Conditions must be an array');
  } else {
    if (spec.conditions === 'none' && conditions.length > 0) say(`${type} does not support Conditions`);
    if (spec.conditions === 'required' && conditions.length === 0) say('Transitions.Conditions needs at least one');
    conditions.forEach((c: unknown, i) => {
      const at = `Transitions.Conditions[${i}]`;
      const condition = isRecord(c) && isRecord(c.Condition) ? c.Condition : undefined;
      if (!isRecord(c) || !nonEmpty(c.NextAction)) say(`${at}.NextAction must be an action identifier`);
      else targets.push(c.NextAction);
      if (!condition || !CONDITION_OPERATORS.includes(condition.Operator as ConditionOperator)) {
        say(`${at}.Condition.Operator must be one of ${CONDITION_OPERATORS.join(', ')}`);
      }
      const operands = condition?.Operands;
      if (!Array.isArray(operands) || operands.length === 0 || !operands.every((o) => typeof o === 'string')) {
        say(`${at}.Condition.Operands must be a non-empty array of strings`);
      }
    });
  }

  const errors = Errors === undefined ? [] : Errors;
  if (!Array.isArray(errors)) {
    say('Transitions.Errors must be an array');
    return;
  }
  const seen = new Set<string>();
  errors.forEach((e: unknown, i) => {
    const at = `Transitions.Errors[${i}]`;
    if (!isRecord(e) || !nonEmpty(e.NextAction)) say(`${at}.NextAction must be an action identifier`);
    else targets.push(e.NextAction);
    const errorType = isRecord(e) ? e.ErrorType : undefined;
    if (!spec.errors.includes(errorType as FlowErrorType)) {
      say(
        spec.errors.length === 0
          ? `${type} raises no errors; remove ${at}`
          : `${at}.ErrorType must be one of ${spec.errors.join(', ')}`,
      );
    } else if (seen.has(errorType as string)) {
      say(`${at}: ${String(errorType)} is handled twice`);
    }
    seen.add(String(errorType));
  });
  const required = [...spec.requiredErrors];
  if (type === 'ConnectParticipantWithLexBot' && Array.isArray(conditions) && conditions.length > 0) {
    required.push('NoMatchingCondition');
  }
  for (const r of required) {
    if (!seen.has(r)) say(`no ${r} error branch; add { "ErrorType": "${r}", "NextAction": "<action>" }`);
  }
}

/**
 * Checks a flow the way Connect does before accepting it: the version, unique and well-formed identifiers,
 * known action types with their parameters, every transition pointing at an existing action, the error
 * branches each action type must handle, and no action that can never run.
 */
export function validateContactFlow(flow: unknown): ContactFlowCheck {
  const problems: ContactFlowProblem[] = [];
  if (!isRecord(flow)) return { ok: false, problems: [{ message: 'The flow must be a JSON object' }] };
  if (flow.Version !== FLOW_LANGUAGE_VERSION) {
    problems.push({ message: `Version must be "${FLOW_LANGUAGE_VERSION}" (found ${JSON.stringify(flow.Version)})` });
  }
  if (!Array.isArray(flow.Actions) || flow.Actions.length === 0) {
    problems.push({ message: 'Actions must be a non-empty array of actions' });
    return { ok: false, problems };
  }
  const ids = new Set<string>();
  const edges = new Map<string, string[]>();
  flow.Actions.forEach((raw: unknown, index) => {
    if (!isRecord(raw) || !nonEmpty(raw.Identifier)) {
      problems.push({ message: `Actions[${index}].Identifier must be a non-empty string` });
      return;
    }
    const id = raw.Identifier;
    if (ids.has(id)) problems.push({ action: id, message: `Action identifier "${id}" is used more than once` });
    ids.add(id);
    if (id.length > 50 || FORBIDDEN_ID_CHARS.test(id) || FORBIDDEN_IDS.has(id)) {
      problems.push({
        action: id,
        message: `Action identifier "${id}" must be at most 50 characters without % : ( \\ / ) = $ , ; [ ] { }`,
      });
    }
    const type = raw.Type;
    if (!ACTION_TYPES.includes(type as FlowActionType)) {
      problems.push({
        action: id,
        message: `Action "${id}": Type ${JSON.stringify(type)} is not supported; use one of ${ACTION_TYPES.join(', ')}`,
      });
      return;
    }
    const spec = SPECS[type as FlowActionType];
    if (!isRecord(raw.Parameters)) {
      problems.push({ action: id, message: `Action "${id}" (${String(type)}): Parameters must be an object` });
    } else {
      for (const message of spec.checkParameters(raw.Parameters)) {
        problems.push({ action: id, message: `Action "${id}" (${String(type)}): ${message}` });
      }
    }
    const targets: string[] = [];
    checkTransitions(id, type as FlowActionType, raw.Transitions, targets, problems);
    edges.set(id, targets);
  });

  if (!nonEmpty(flow.StartAction)) {
    problems.push({ message: 'StartAction must name the first action' });
  } else if (!ids.has(flow.StartAction)) {
    problems.push({ message: `StartAction "${flow.StartAction}" is not an action of this flow` });
  }
  for (const [from, targets] of edges) {
    for (const to of targets) {
      if (!ids.has(to)) {
        problems.push({ action: from, message: `Action "${from}" transitions to "${to}", which does not exist` });
      }
    }
  }
  if (nonEmpty(flow.StartAction) && ids.has(flow.StartAction)) {
    const reached = new Set<string>([flow.StartAction]);
    const queue = [flow.StartAction];
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      for (const to of edges.get(next) ?? []) {
        if (!reached.has(to) && ids.has(to)) {
          reached.add(to);
          queue.push(to);
        }
      }
    }
    for (const id of ids) {
      if (!reached.has(id)) {
        problems.push({ action: id, message: `Action "${id}" can never run: no transition leads to it` });
      }
    }
  }
  if (flow.Metadata !== undefined && !isRecord(flow.Metadata)) {
    problems.push({ message: 'Metadata must be an object when given' });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, flow: flow as ContactFlow };
}

/** A flow's `Content` string parsed and checked; unparseable JSON is a problem like any other. */
export function parseContactFlow(content: string): ContactFlowCheck {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (e) {
    return { ok: false, problems: [{ message: `Content is not valid JSON: ${(e as Error).message}` }] };
  }
  return validateContactFlow(parsed);
}
