// Runs a stored contact flow the way Connect runs a voice contact: prompts are "spoken" into a transcript, the
// Lex V2 block talks to the bot through RecognizeText (one Lex session per contact), and the flow follows its
// transitions to a queue or a disconnect. Typed input stands in for speech.
import { randomUUID } from 'node:crypto';
import { RecognizeTextCommand, type RecognizeTextCommandOutput } from '@aws-sdk/client-lex-runtime-v2';
import { ConflictError, FaultError, NotFoundError, ValidationError } from '../../core/errors';
import {
  parseContactFlow,
  type ConditionOperator,
  type ContactFlow,
  type FlowAction,
  type FlowErrorType,
} from '../../voice/contact-flow';
import type { ConnectContactFlow, ConnectQueue, ConnectState, InstanceRecord } from './connect-state';

/** The part of LexRuntimeV2Client the simulator uses, so tests can pass a fake and the stack the real client. */
export type LexRuntime = {
  send(command: RecognizeTextCommand): Promise<RecognizeTextCommandOutput>;
};

export type CallState = 'IN_BOT' | 'QUEUED' | 'DISCONNECTED';

export type TranscriptEntry = {
  /** FLOW: a prompt of the contact flow; BOT: a Lex message; CALLER: what the caller said. */
  speaker: 'FLOW' | 'BOT' | 'CALLER';
  /** What is heard, without SSML. */
  text: string;
  ssml?: string;
  at: string;
};

/** One step of the flow, for the test-call page and for diagnosing a flow that went somewhere unexpected. */
export type TraceEntry = { action: string; type: string; result: string };

export type CallView = {
  contactId: string;
  instanceId: string;
  contactFlowId: string;
  from: string;
  to?: string;
  state: CallState;
  queue?: { id: string; name: string; arn: string };
  disconnectReason?: 'CUSTOMER_DISCONNECT' | 'CONTACT_FLOW_DISCONNECT';
  attributes: Record<string, string>;
  transcript: TranscriptEntry[];
  trace: TraceEntry[];
};

export type SimulatedCall = {
  readonly contactId: string;
  readonly state: CallState;
  readonly queue?: CallView['queue'];
  readonly transcript: readonly TranscriptEntry[];
  /** The caller speaks; resolves to what they hear next. An empty text is silence. */
  say(text: string): Promise<string[]>;
  hangUp(): void;
  view(): CallView;
};

export type StartCallInput = {
  /** Required with a contact flow ID; derived from the number otherwise. */
  instanceId?: string;
  contactFlowId?: string;
  /** The dialled number (E.164); runs the flow associated with it. */
  phoneNumber?: string;
  /** The caller's number (E.164), $.CustomerEndpoint.Address in the flow. */
  from: string;
  /** The contact's language; Lex is asked in the matching locale (en-US → en_US). */
  languageCode?: string;
};

export type CallSimulator = {
  startCall(input: StartCallInput): Promise<SimulatedCall>;
  getCall(contactId: string): SimulatedCall | undefined;
};

export type CallSimulatorOptions = {
  state: ConnectState;
  lex: LexRuntime;
  now?: () => Date;
  newContactId?: () => string;
  /** Where faults (a Lex call that failed, a flow that loops) are reported; console.warn by default. */
  log?: (message: string, detail?: unknown) => void;
  /** Calls kept for getCall; the oldest finished calls are forgotten beyond this. */
  maxCalls?: number;
};

const E164 = /^\+[1-9]\d{6,14}$/;
const ALIAS_ARN = /^arn:aws[\w-]*:lex:[a-z0-9-]+:\d{12}:bot-alias\/([0-9A-Z]{10})\/([0-9A-Z]{10})$/;
const JSON_PATH_TOKEN = /\$\.[A-Za-z_]\w*(?:\.[\w:-]+)*/g;
/** Transitions without the caller saying anything: more means the flow loops. */
const MAX_STEPS = 100;

/** The text a caller hears from SSML: tags dropped, entities decoded, spacing tidied. */
export function ssmlToText(ssml: string): string {
  return ssml
    .replace(/<break[^>]*>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.?!])/g, '$1')
    .trim();
}

type Contact = {
  contactId: string;
  record: InstanceRecord;
  flowId: string;
  flow: ContactFlow;
  from: string;
  to?: string;
  localeId: string;
  state: CallState;
  attributes: Record<string, string>;
  lex: { intentName?: string; sessionAttributes: Record<string, string>; slots: Record<string, string> };
  targetQueue?: ConnectQueue;
  queue?: ConnectQueue;
  disconnectReason?: CallView['disconnectReason'];
  transcript: TranscriptEntry[];
  trace: TraceEntry[];
  /** The Lex block waiting for the caller, and whether Lex has heard from this block yet. */
  inBot?: { action: Extract<FlowAction, { Type: 'ConnectParticipantWithLexBot' }>; started: boolean };
};

function flowData(c: Contact): Record<string, unknown> {
  return {
    ContactId: c.contactId,
    InitialContactId: c.contactId,
    Channel: 'VOICE',
    InstanceARN: c.record.instance.arn,
    LanguageCode: c.localeId.replace('_', '-'),
    CustomerEndpoint: { Address: c.from, Type: 'TELEPHONE_NUMBER' },
    SystemEndpoint: { Address: c.to ?? '', Type: 'TELEPHONE_NUMBER' },
    Attributes: c.attributes,
    Lex: { IntentName: c.lex.intentName, SessionAttributes: c.lex.sessionAttributes, Slots: c.lex.slots },
    Queue: c.targetQueue ? { Name: c.targetQueue.name, ARN: c.targetQueue.arn } : {},
  };
}

function lookup(data: Record<string, unknown>, path: string): string | undefined {
  let value: unknown = data;
  for (const key of path.slice(2).split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value === undefined || value === null ? undefined : String(value);
}

/** A static value, a single JSONPath, or text with JSONPath references in it, as Connect resolves them. */
function resolve(c: Contact, value: string): string {
  const data = flowData(c);
  if (/^\$\.\S+$/.test(value)) return lookup(data, value) ?? '';
  return value.replace(JSON_PATH_TOKEN, (path) => lookup(data, path) ?? '');
}

function matches(operator: ConditionOperator, value: string, operand: string): boolean {
  const number = Number(value);
  const other = Number(operand);
  const numeric = value.trim() !== '' && !Number.isNaN(number) && !Number.isNaN(other);
  switch (operator) {
    case 'Equals':
      return value === operand;
    case 'NumberGreaterThan':
      return numeric && number > other;
    case 'NumberGreaterOrEqualTo':
      return numeric && number >= other;
    case 'NumberLessThan':
      return numeric && number < other;
    case 'NumberLessOrEqualTo':
      return numeric && number <= other;
    case 'TextStartsWith':
      return value.startsWith(operand);
    case 'TextEndsWith':
      return value.endsWith(operand);
    case 'TextContains':
      return value.includes(operand);
  }
}

/** Connect's branch for a failed action: the matching error branch, or NoMatchingError's. */
function errorBranch(action: FlowAction, error: FlowErrorType): string | undefined {
  const errors = action.Transitions.Errors ?? [];
  return (errors.find((e) => e.ErrorType === error) ?? errors.find((e) => e.ErrorType === 'NoMatchingError'))
    ?.NextAction;
}

/** The branch for a value against an action's conditions; no match takes NoMatchingCondition or the default. */
function conditionBranch(action: FlowAction, value: string): { next?: string; result: string } {
  for (const c of action.Transitions.Conditions ?? []) {
    if (c.Condition.Operands.some((o) => matches(c.Condition.Operator, value, o))) {
      return { next: c.NextAction, result: `${JSON.stringify(value)} ${c.Condition.Operator} → ${c.NextAction}` };
    }
  }
  const noMatch = (action.Transitions.Errors ?? []).find((e) => e.ErrorType === 'NoMatchingCondition')?.NextAction;
  const next =
    (action.Transitions.Conditions ?? []).length > 0
      ? (noMatch ?? action.Transitions.NextAction)
      : action.Transitions.NextAction;
  return { next, result: `${JSON.stringify(value)} matched no condition → ${next ?? 'end'}` };
}

/** The call simulator over the emulator's state and a Lex V2 runtime client. */
export function createCallSimulator(options: CallSimulatorOptions): CallSimulator {
  const { state, lex } = options;
  const now = options.now ?? (() => new Date());
  const newContactId = options.newContactId ?? randomUUID;
  const log = options.log ?? ((message, detail) => console.warn(`[connect] ${message}`, detail ?? ''));
  const maxCalls = options.maxCalls ?? 500;
  const calls = new Map<string, SimulatedCall>();
  const contacts = new Map<string, Contact>();

  const hear = (c: Contact, speaker: TranscriptEntry['speaker'], text: string, ssml?: string) =>
    c.transcript.push({ speaker, text, ...(ssml ? { ssml } : {}), at: now().toISOString() });

  function speak(c: Contact, p: { Text?: string; SSML?: string; PromptId?: string }): void {
    if (p.Text) hear(c, 'FLOW', resolve(c, p.Text));
    else if (p.SSML) {
      const ssml = resolve(c, p.SSML);
      hear(c, 'FLOW', ssmlToText(ssml), ssml);
    } else if (p.PromptId) hear(c, 'FLOW', `[audio prompt ${p.PromptId}]`);
  }

  function disconnect(c: Contact, reason: NonNullable<CallView['disconnectReason']>): void {
    c.state = 'DISCONNECTED';
    c.disconnectReason = reason;
    delete c.inBot;
    delete c.queue;
  }

  function queuedIn(queue: ConnectQueue): number {
    return [...contacts.values()].filter((c) => c.state === 'QUEUED' && c.queue?.id === queue.id).length;
  }

  /** Runs one action; returns the next action, or undefined when the contact waits or has left the flow. */
  function execute(c: Contact, action: FlowAction): string | undefined {
    const step = (result: string, next: string | undefined) => {
      c.trace.push({ action: action.Identifier, type: action.Type, result });
      return next;
    };
    const fail = (error: FlowErrorType, why: string) => {
      const next = errorBranch(action, error);
      return step(`${error}: ${why} → ${next ?? 'end'}`, next);
    };
    const next = action.Transitions.NextAction;
    switch (action.Type) {
      case 'UpdateFlowLoggingBehavior':
        return step(`logging ${action.Parameters.FlowLoggingBehavior}`, next);
      case 'UpdateContactTextToSpeechVoice':
        return step(`voice ${action.Parameters.TextToSpeechVoice}`, next);
      case 'MessageParticipant':
        speak(c, action.Parameters);
        return step('spoken', next);
      case 'UpdateContactAttributes':
        for (const [key, value] of Object.entries(action.Parameters.Attributes)) c.attributes[key] = resolve(c, value);
        return step(`attributes ${Object.keys(action.Parameters.Attributes).join(', ')}`, next);
      case 'UpdateContactTargetQueue': {
        const queueId = action.Parameters.QueueId ? resolve(c, action.Parameters.QueueId) : undefined;
        const queue = queueId ? state.findQueue(c.record, queueId) : undefined;
        if (!queue) return fail('NoMatchingError', `no queue ${queueId ?? '(agent queues are not emulated)'}`);
        c.targetQueue = queue;
        return step(`target queue ${queue.name}`, next);
      }
      case 'TransferContactToQueue': {
        const queue = c.targetQueue;
        if (!queue) return fail('NoMatchingError', 'no target queue set');
        if (queue.maxContacts !== undefined && queuedIn(queue) >= queue.maxContacts) {
          return fail('QueueAtCapacity', `${queue.name} is full`);
        }
        c.state = 'QUEUED';
        c.queue = queue;
        delete c.inBot;
        return step(`queued in ${queue.name}`, undefined);
      }
      case 'DisconnectParticipant':
        disconnect(c, 'CONTACT_FLOW_DISCONNECT');
        return step('disconnected', undefined);
      case 'Compare': {
        const branch = conditionBranch(action, resolve(c, action.Parameters.ComparisonValue));
        return step(branch.result, branch.next);
      }
      case 'ConnectParticipantWithLexBot': {
        const aliasArn = action.Parameters.LexV2Bot ? resolve(c, action.Parameters.LexV2Bot.AliasArn) : '';
        if (!ALIAS_ARN.test(aliasArn)) return fail('NoMatchingError', 'only Lex V2 bot aliases are emulated');
        if (!c.record.lexV2Bots.includes(aliasArn)) {
          return fail('NoMatchingError', `bot alias ${aliasArn} is not associated with the instance (AssociateBot)`);
        }
        speak(c, action.Parameters);
        c.state = 'IN_BOT';
        c.inBot = { action, started: false };
        return step('listening', undefined);
      }
    }
  }

  function advance(c: Contact, from: string | undefined): void {
    const actions = new Map(c.flow.Actions.map((a) => [a.Identifier, a]));
    let id = from;
    for (let steps = 0; id !== undefined; steps++) {
      const action = actions.get(id);
      if (!action || steps >= MAX_STEPS) {
        const why = action ? `more than ${MAX_STEPS} steps without the caller` : `no action ${id}`;
        log(`flow ${c.flowId} stopped: ${why}`, { contactId: c.contactId });
        c.trace.push({ action: id, type: action?.Type ?? 'unknown', result: `stopped: ${why}` });
        disconnect(c, 'CONTACT_FLOW_DISCONNECT');
        return;
      }
      id = execute(c, action);
    }
    // A flow that runs out of transitions ends the contact, as Connect does.
    if (c.state === 'IN_BOT' && !c.inBot) disconnect(c, 'CONTACT_FLOW_DISCONNECT');
  }

  async function botTurn(c: Contact, text: string): Promise<string[]> {
    const bot = c.inBot;
    if (c.state !== 'IN_BOT' || !bot) {
      throw new ConflictError(`The call is ${c.state}; the caller can only speak while the bot is listening.`, {
        resolution: 'Start a new call.',
      });
    }
    const heardFrom = c.transcript.length + 1;
    hear(c, 'CALLER', text);
    const { action } = bot;
    const after = (next: string | undefined) => {
      delete c.inBot;
      advance(c, next);
      return c.transcript.slice(heardFrom).map((e) => e.text);
    };
    if (text.trim() === '') {
      const next = errorBranch(action, 'InputTimeLimitExceeded');
      c.trace.push({
        action: action.Identifier,
        type: action.Type,
        result: `InputTimeLimitExceeded → ${next ?? 'end'}`,
      });
      return after(next);
    }
    const [, botId = '', botAliasId = ''] =
      ALIAS_ARN.exec(resolve(c, action.Parameters.LexV2Bot?.AliasArn ?? '')) ?? [];
    let output: RecognizeTextCommandOutput;
    try {
      const sessionAttributes = Object.fromEntries(
        Object.entries(action.Parameters.LexSessionAttributes ?? {}).map(([k, v]) => [k, resolve(c, v)]),
      );
      output = await lex.send(
        new RecognizeTextCommand({
          botId,
          botAliasId,
          localeId: c.localeId,
          sessionId: c.contactId,
          text,
          ...(bot.started ? {} : { sessionState: { sessionAttributes } }),
        }),
      );
    } catch (e) {
      log(`Lex RecognizeText failed for contact ${c.contactId}`, e);
      const next = errorBranch(action, 'NoMatchingError');
      const reason = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      c.trace.push({
        action: action.Identifier,
        type: action.Type,
        result: `NoMatchingError: ${reason} → ${next ?? 'end'}`,
      });
      return after(next);
    }
    bot.started = true;
    for (const m of output.messages ?? []) {
      if (!m.content) continue;
      if (m.contentType === 'SSML') hear(c, 'BOT', ssmlToText(m.content), m.content);
      else hear(c, 'BOT', m.content);
    }
    const session = output.sessionState;
    if (session?.dialogAction?.type !== 'Close') return c.transcript.slice(heardFrom).map((e) => e.text);

    const slots = Object.fromEntries(
      Object.entries(session.intent?.slots ?? {}).flatMap(([name, slot]) => {
        const value = slot?.value?.interpretedValue ?? slot?.value?.originalValue;
        return value === undefined ? [] : [[name, value]];
      }),
    );
    c.lex = { intentName: session.intent?.name, sessionAttributes: session.sessionAttributes ?? {}, slots };
    const branch = conditionBranch(action, c.lex.intentName ?? '');
    c.trace.push({
      action: action.Identifier,
      type: action.Type,
      result: `intent ${c.lex.intentName ?? '(none)'} closed; ${branch.result}`,
    });
    return after(branch.next);
  }

  function callOf(c: Contact): SimulatedCall {
    let turns: Promise<unknown> = Promise.resolve();
    const view = (): CallView => ({
      contactId: c.contactId,
      instanceId: c.record.instance.id,
      contactFlowId: c.flowId,
      from: c.from,
      ...(c.to ? { to: c.to } : {}),
      state: c.state,
      ...(c.queue ? { queue: { id: c.queue.id, name: c.queue.name, arn: c.queue.arn } } : {}),
      ...(c.disconnectReason ? { disconnectReason: c.disconnectReason } : {}),
      attributes: { ...c.attributes },
      transcript: c.transcript.map((e) => ({ ...e })),
      trace: c.trace.map((e) => ({ ...e })),
    });
    return {
      contactId: c.contactId,
      get state() {
        return c.state;
      },
      get queue() {
        return view().queue;
      },
      get transcript() {
        return c.transcript;
      },
      say(text: string) {
        // Turns are taken in order, as speech would be.
        const turn = turns.then(() => botTurn(c, text));
        turns = turn.catch(() => undefined);
        return turn;
      },
      hangUp() {
        if (c.state !== 'DISCONNECTED') disconnect(c, 'CUSTOMER_DISCONNECT');
      },
      view,
    };
  }

  function resolveFlow(input: StartCallInput): { record: InstanceRecord; flow: ConnectContactFlow; to?: string } {
    if (input.contactFlowId) {
      const records = input.instanceId
        ? [state.findInstance(input.instanceId)].filter((r): r is InstanceRecord => r !== undefined)
        : state.instances();
      if (records.length === 0) {
        throw new NotFoundError(`No Connect instance ${input.instanceId}`, {
          resolution: 'Use an ID from ListInstances.',
        });
      }
      for (const record of records) {
        const flow = state.findFlow(record, input.contactFlowId);
        if (flow) return { record, flow };
      }
      throw new NotFoundError(`No contact flow ${input.contactFlowId}`, {
        resolution: 'Use an ID from ListContactFlows of the instance.',
      });
    }
    if (!input.phoneNumber) {
      throw new ValidationError('Give contactFlowId or phoneNumber: which flow should the call run?', {
        field: 'contactFlowId',
      });
    }
    const found = state.findPhoneNumber(input.phoneNumber);
    if (!found || (input.instanceId && state.findInstance(input.instanceId) !== found.record)) {
      throw new NotFoundError(`No phone number ${input.phoneNumber} in the Connect emulator`, {
        resolution: 'Call a number from ListPhoneNumbers.',
      });
    }
    const flowId = found.phoneNumber.contactFlowId;
    const flow = flowId ? state.findFlow(found.record, flowId) : undefined;
    if (!flow) {
      throw new NotFoundError(`Phone number ${input.phoneNumber} has no contact flow`, {
        resolution: 'Associate one with AssociatePhoneNumberContactFlow, or start the call with a contactFlowId.',
      });
    }
    return { record: found.record, flow, to: found.phoneNumber.phoneNumber };
  }

  function remember(call: SimulatedCall, contact: Contact): void {
    calls.set(call.contactId, call);
    contacts.set(contact.contactId, contact);
    for (const [id, c] of contacts) {
      if (contacts.size <= maxCalls) break;
      if (c.state === 'DISCONNECTED') {
        contacts.delete(id);
        calls.delete(id);
      }
    }
  }

  return {
    async startCall(input) {
      if (typeof input.from !== 'string' || !E164.test(input.from)) {
        throw new ValidationError(
          `from must be the caller's number in E.164, like +12065550123 (got "${String(input.from)}")`,
          {
            field: 'from',
          },
        );
      }
      const languageCode = input.languageCode ?? 'en-US';
      if (!/^[a-z]{2}-[A-Z]{2}$/.test(languageCode)) {
        throw new ValidationError(`languageCode must look like en-US (got "${languageCode}")`, {
          field: 'languageCode',
        });
      }
      const { record, flow, to } = resolveFlow(input);
      if (flow.status !== 'PUBLISHED' || flow.state !== 'ACTIVE') {
        throw new ConflictError(
          `Contact flow ${flow.name} is ${flow.status}/${flow.state}; only published, active flows take calls`,
        );
      }
      const parsed = parseContactFlow(flow.content);
      if (!parsed.ok) {
        throw new FaultError(
          `Stored flow ${flow.id} does not validate: ${parsed.problems.map((p) => p.message).join('; ')}`,
        );
      }
      const contact: Contact = {
        contactId: newContactId(),
        record,
        flowId: flow.id,
        flow: parsed.flow,
        from: input.from,
        ...(to ? { to } : {}),
        localeId: languageCode.replace('-', '_'),
        // In the flow; advance() settles on listening in a bot, queued or disconnected.
        state: 'IN_BOT',
        attributes: {},
        lex: { sessionAttributes: {}, slots: {} },
        transcript: [],
        trace: [],
      };
      advance(contact, parsed.flow.StartAction);
      const call = callOf(contact);
      remember(call, contact);
      return call;
    },
    getCall: (contactId) => calls.get(contactId),
  };
}
