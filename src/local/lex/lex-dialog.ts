// One turn of a Lex V2 conversation, by Lex's rules: interpret the input in the light of the dialog action
// (fill the elicited slot, read a yes/no to a confirmation, or classify a new intent), call the dialog code
// hook with a real Lex V2 event and honour its dialog action, and otherwise elicit required slots in
// priority order, confirm, fulfil (fulfillment code hook) and close.
import type { MessageGroup, ResponseSpecification } from '@aws-sdk/client-lex-models-v2';
import { LexApiError } from './lex-errors';
import { FALLBACK_SIGNATURE, type IntentRecord, type LocaleModel, type SlotRecord } from './lex-models-store';
import { classifyIntents, scoreUtterance, tokenize, type IntentCandidate } from './lex-nlu';
import {
  BUILT_IN_SLOT_TYPES,
  isCatchAll,
  parseConfirmation,
  resolveSlotValue,
  SPELLING_STYLES,
  type ResolutionContext,
  type ResolvedValue,
  type SlotTypeModel,
  type SpellingStyle,
} from './lex-slot-values';
import { isRecord } from '../../core/is-record';

/** Calls a Lambda function with an event and returns its result: the code hook port. */
export type LambdaInvoker = (functionArn: string, event: unknown) => Promise<unknown>;

export type WireSlot = { shape?: string; value: ResolvedValue };
export type WireIntent = {
  name: string;
  slots?: Record<string, WireSlot | null>;
  state?: string;
  confirmationState?: string;
};
export type DialogActionType = 'ElicitSlot' | 'ElicitIntent' | 'ConfirmIntent' | 'Close' | 'Delegate';
export type WireDialogAction = { type: DialogActionType; slotToElicit?: string; slotElicitationStyle?: SpellingStyle };

/** The style the elicited slot is listened for in (Default when none was set). */
function spellingStyle(action: WireDialogAction): SpellingStyle {
  return action.slotElicitationStyle ?? 'Default';
}
export type WireSessionState = {
  dialogAction?: WireDialogAction;
  intent?: WireIntent;
  activeContexts?: unknown[];
  sessionAttributes?: Record<string, string>;
  originatingRequestId?: string;
  runtimeHints?: unknown;
};
export type WireMessage = { contentType: string; content?: string; imageResponseCard?: unknown };
export type WireInterpretation = {
  intent: WireIntent;
  nluConfidence?: { score: number };
  interpretationSource: 'Lex';
};

/** The bot as one alias runs it. */
export type RuntimeBot = {
  botId: string;
  botName: string;
  botVersion: string;
  aliasId: string;
  aliasName: string;
  localeId: string;
  idleSessionTtlSeconds: number;
  model: LocaleModel;
  /** The alias's Lambda for this locale; without one, code hooks are skipped as Lex does. */
  codeHookArn?: string;
};

export type StoredSession = {
  state: WireSessionState;
  interpretations: WireInterpretation[];
  messages: WireMessage[];
  requestAttributes?: Record<string, string>;
  updatedAt: number;
  /** Failed attempts at the slot being elicited. */
  retries?: { slot: string; count: number };
};

export type TurnInput = {
  sessionId: string;
  text: string;
  sessionState?: WireSessionState;
  requestAttributes?: Record<string, string>;
};

export type TurnDeps = {
  invoke?: LambdaInvoker;
  now: () => number;
  /** Time zone relative dates ("tomorrow") resolve in, unless the request sets x-amz-lex:time-zone. */
  timeZone: string;
  requestId: string;
};

export type TurnResponse = {
  sessionId: string;
  messages: WireMessage[];
  sessionState: WireSessionState;
  interpretations: WireInterpretation[];
  requestAttributes?: Record<string, string>;
};

/** A request for another intent must score at least this to interrupt the elicitation of a free-text slot. */
const SWITCH_CONFIDENCE = 0.85;
const TERMINAL_STATES = new Set(['Fulfilled', 'Failed', 'ReadyForFulfillment']);
const MESSAGE_TYPES = new Set(['PlainText', 'SSML', 'CustomPayload', 'ImageResponseCard']);
const DIALOG_ACTIONS = new Set<string>(['ElicitSlot', 'ElicitIntent', 'ConfirmIntent', 'Close', 'Delegate']);

type Outcome = {
  dialogAction: WireDialogAction;
  intent?: WireIntent;
  messages: WireMessage[];
  attributes: Record<string, string>;
};

/** The model of one locale, with the lookups a turn needs. */
export class BotModel {
  constructor(
    readonly bot: RuntimeBot,
    readonly context: ResolutionContext,
  ) {}

  get intents(): IntentRecord[] {
    return Object.values(this.bot.model.intents);
  }

  intent(name: string): IntentRecord | undefined {
    return this.intents.find((i) => i.spec.intentName === name);
  }

  fallback(): IntentRecord | undefined {
    return this.intents.find((i) => i.spec.parentIntentSignature === FALLBACK_SIGNATURE);
  }

  slot(intent: IntentRecord, name: string): SlotRecord | undefined {
    return Object.values(intent.slots).find((s) => s.spec.slotName === name);
  }

  /** Slots in the intent's priority order, then any not listed. */
  orderedSlots(intent: IntentRecord): SlotRecord[] {
    const listed = [...intent.slotPriorities]
      .sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0))
      .flatMap((p) => (p.slotId && intent.slots[p.slotId] ? [intent.slots[p.slotId] as SlotRecord] : []));
    return [...listed, ...Object.values(intent.slots).filter((s) => !listed.includes(s))];
  }

  slotType(slot: SlotRecord): SlotTypeModel {
    const id = slot.spec.slotTypeId ?? 'AMAZON.FreeFormInput';
    if (BUILT_IN_SLOT_TYPES.has(id)) return { kind: 'builtin', signature: id };
    const type = this.bot.model.slotTypes[id];
    if (!type) return { kind: 'builtin', signature: 'AMAZON.FreeFormInput' };
    const selection = type.spec.valueSelectionSetting;
    return {
      kind: 'custom',
      name: type.spec.slotTypeName ?? id,
      resolutionStrategy: selection?.resolutionStrategy ?? 'OriginalValue',
      values: type.spec.slotTypeValues ?? [],
      ...(type.spec.parentSlotTypeSignature ? { parentSlotTypeSignature: type.spec.parentSlotTypeSignature } : {}),
      ...(selection?.regexFilter?.pattern ? { regexFilter: selection.regexFilter.pattern } : {}),
    };
  }

  resolve(intent: IntentRecord, slotName: string, text: string, style?: SpellingStyle): ResolvedValue | undefined {
    const slot = this.slot(intent, slotName);
    return slot ? resolveSlotValue(this.slotType(slot), text, this.context, style) : undefined;
  }

  /** A value for the slot being elicited: through the slot's own sample utterances first, then the whole input. */
  resolveElicited(
    intent: IntentRecord,
    slotName: string,
    text: string,
    style?: SpellingStyle,
  ): ResolvedValue | undefined {
    const slot = this.slot(intent, slotName);
    if (!slot) return undefined;
    const tokens = tokenize(text);
    for (const sample of slot.spec.valueElicitationSetting?.sampleUtterances ?? []) {
      const scored = scoreUtterance(sample.utterance ?? '', tokens, (name, value) =>
        name === slotName ? this.resolve(intent, name, value, style) : undefined,
      );
      const value = scored.slots[slotName];
      if (scored.score >= 0.9 && value) return value;
    }
    return this.resolve(intent, slotName, text, style);
  }

  classify(text: string): IntentCandidate[] {
    const intents = this.intents
      .filter((i) => i.spec.parentIntentSignature !== FALLBACK_SIGNATURE)
      .map((i) => ({
        name: i.spec.intentName ?? '',
        utterances: (i.spec.sampleUtterances ?? []).map((u) => u.utterance ?? ''),
      }));
    return classifyIntents(text, intents, (intentName, slotName, value) => {
      const intent = this.intent(intentName);
      return intent ? this.resolve(intent, slotName, value) : undefined;
    });
  }

  emptySlots(intent: IntentRecord | undefined): Record<string, WireSlot | null> {
    return Object.fromEntries(Object.values(intent?.slots ?? {}).map((s) => [s.spec.slotName ?? '', null]));
  }

  /** Prompt or response messages, with {Slot} references replaced by the slots' values as Lex does. */
  messages(groups: MessageGroup[] | undefined, intent: WireIntent | undefined): WireMessage[] {
    const fill = (text: string) =>
      text.replace(/\{(\w+)\}/g, (whole, name: string) => intent?.slots?.[name]?.value.interpretedValue ?? whole);
    return (groups ?? []).flatMap((group): WireMessage[] => {
      const m = group.message;
      if (m?.plainTextMessage?.value) return [{ contentType: 'PlainText', content: fill(m.plainTextMessage.value) }];
      if (m?.ssmlMessage?.value) return [{ contentType: 'SSML', content: fill(m.ssmlMessage.value) }];
      if (m?.customPayload?.value) return [{ contentType: 'CustomPayload', content: m.customPayload.value }];
      if (m?.imageResponseCard) return [{ contentType: 'ImageResponseCard', imageResponseCard: m.imageResponseCard }];
      return [];
    });
  }

  slotPrompt(intent: WireIntent, slotName: string): WireMessage[] {
    const record = this.intent(intent.name);
    const slot = record && this.slot(record, slotName);
    return this.messages(slot?.spec.valueElicitationSetting?.promptSpecification?.messageGroups, intent);
  }

  response(spec: ResponseSpecification | undefined, intent: WireIntent): WireMessage[] {
    return this.messages(spec?.messageGroups, intent);
  }
}

const fallbackName = (model: BotModel) => model.fallback()?.spec.intentName ?? 'FallbackIntent';

function toWireSlots(values: Record<string, ResolvedValue>): Record<string, WireSlot> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { shape: 'Scalar', value }]));
}

function freshIntent(model: BotModel, name: string, slots: Record<string, ResolvedValue> = {}): WireIntent {
  return {
    name,
    slots: { ...model.emptySlots(model.intent(name)), ...toWireSlots(slots) },
    state: 'InProgress',
    confirmationState: 'None',
  };
}

function invalidLambda(reason: string): LexApiError {
  return new LexApiError('DependencyFailedException', `Invalid Lambda Response: ${reason}`);
}

/** A slot map from a code hook, in Lex's shape; every slot of the intent is present, unfilled ones null. */
function readHookSlots(model: BotModel, intentName: string, slots: unknown): Record<string, WireSlot | null> {
  const result = model.emptySlots(model.intent(intentName));
  if (slots === undefined || slots === null) return result;
  if (!isRecord(slots)) throw invalidLambda('sessionState.intent.slots must be an object.');
  for (const [name, slot] of Object.entries(slots)) {
    if (slot === null) continue;
    if (!isRecord(slot) || !isRecord(slot.value)) throw invalidLambda(`slot ${name} must be null or { value: {...} }.`);
    const value = slot.value;
    const interpreted = typeof value.interpretedValue === 'string' ? value.interpretedValue : undefined;
    const original = typeof value.originalValue === 'string' ? value.originalValue : interpreted;
    if (interpreted === undefined && original === undefined) continue;
    result[name] = {
      shape: 'Scalar',
      value: {
        originalValue: original ?? '',
        interpretedValue: interpreted ?? original ?? '',
        resolvedValues: Array.isArray(value.resolvedValues) ? value.resolvedValues.map(String) : [],
      },
    };
  }
  return result;
}

function readHookMessages(messages: unknown): WireMessage[] | undefined {
  if (messages === undefined || messages === null) return undefined;
  if (!Array.isArray(messages)) throw invalidLambda('messages must be a list.');
  return messages.map((m, i) => {
    if (!isRecord(m) || typeof m.contentType !== 'string' || !MESSAGE_TYPES.has(m.contentType)) {
      throw invalidLambda(`messages[${i}].contentType must be PlainText, SSML, CustomPayload or ImageResponseCard.`);
    }
    if (m.contentType !== 'ImageResponseCard' && typeof m.content !== 'string') {
      throw invalidLambda(`messages[${i}].content must be a string.`);
    }
    return m.contentType === 'ImageResponseCard'
      ? { contentType: m.contentType, imageResponseCard: m.imageResponseCard }
      : { contentType: m.contentType, content: m.content as string };
  });
}

type HookResult =
  { kind: 'final'; outcome: Outcome } | { kind: 'delegate'; intent: WireIntent; attributes: Record<string, string> };

/** Reads a code hook's answer by the Lex V2 response contract; anything else is Lex's "Invalid Lambda Response". */
export function readHookResult(model: BotModel, result: unknown): HookResult {
  if (!isRecord(result) || !isRecord(result.sessionState)) throw invalidLambda('sessionState is missing.');
  const state = result.sessionState;
  const action = state.dialogAction;
  if (!isRecord(action) || typeof action.type !== 'string' || !DIALOG_ACTIONS.has(action.type)) {
    throw invalidLambda(
      'sessionState.dialogAction.type must be ElicitSlot, ElicitIntent, ConfirmIntent, Close or Delegate.',
    );
  }
  const type = action.type as DialogActionType;
  const attributes = isRecord(state.sessionAttributes)
    ? Object.fromEntries(Object.entries(state.sessionAttributes).map(([k, v]) => [k, String(v)]))
    : {};
  const messages = readHookMessages(result.messages);
  let intent: WireIntent | undefined;
  if (state.intent !== undefined && state.intent !== null) {
    if (!isRecord(state.intent) || typeof state.intent.name !== 'string')
      throw invalidLambda('sessionState.intent.name is missing.');
    if (!model.intent(state.intent.name)) throw invalidLambda(`intent ${state.intent.name} doesn't exist in the bot.`);
    intent = {
      name: state.intent.name,
      slots: readHookSlots(model, state.intent.name, state.intent.slots),
      state: typeof state.intent.state === 'string' ? state.intent.state : 'InProgress',
      confirmationState: typeof state.intent.confirmationState === 'string' ? state.intent.confirmationState : 'None',
    };
  }
  switch (type) {
    case 'ElicitSlot': {
      const slotToElicit = action.slotToElicit;
      if (!intent) throw invalidLambda('ElicitSlot needs sessionState.intent.');
      const record = model.intent(intent.name);
      if (typeof slotToElicit !== 'string' || !record || !model.slot(record, slotToElicit)) {
        throw invalidLambda(`ElicitSlot needs slotToElicit naming a slot of intent ${intent.name}.`);
      }
      const style = action.slotElicitationStyle;
      if (style !== undefined && !SPELLING_STYLES.includes(style as SpellingStyle)) {
        throw invalidLambda(`slotElicitationStyle must be one of ${SPELLING_STYLES.join(', ')}.`);
      }
      return {
        kind: 'final',
        outcome: {
          dialogAction: { type, slotToElicit, ...(style ? { slotElicitationStyle: style as SpellingStyle } : {}) },
          intent: { ...intent, state: 'InProgress' },
          messages: messages ?? model.slotPrompt(intent, slotToElicit),
          attributes,
        },
      };
    }
    case 'ConfirmIntent': {
      if (!intent) throw invalidLambda('ConfirmIntent needs sessionState.intent.');
      const confirmation = model.intent(intent.name)?.spec.intentConfirmationSetting?.promptSpecification;
      return {
        kind: 'final',
        outcome: {
          dialogAction: { type },
          intent: { ...intent, state: 'InProgress', confirmationState: 'None' },
          messages: messages ?? model.messages(confirmation?.messageGroups, intent),
          attributes,
        },
      };
    }
    case 'ElicitIntent':
      return { kind: 'final', outcome: { dialogAction: { type }, messages: messages ?? [], attributes } };
    case 'Close': {
      if (
        intent &&
        !['Fulfilled', 'Failed', 'InProgress', 'ReadyForFulfillment', 'Waiting', 'FulfillmentInProgress'].includes(
          intent.state ?? '',
        )
      ) {
        throw invalidLambda('Close needs sessionState.intent.state (Fulfilled or Failed).');
      }
      return {
        kind: 'final',
        outcome: { dialogAction: { type }, ...(intent ? { intent } : {}), messages: messages ?? [], attributes },
      };
    }
    case 'Delegate':
      if (!intent) throw invalidLambda('Delegate needs sessionState.intent.');
      return { kind: 'delegate', intent, attributes };
  }
}

type TurnContext = {
  model: BotModel;
  input: TurnInput;
  deps: TurnDeps;
  interpretations: WireInterpretation[];
};

function hookEvent(
  ctx: TurnContext,
  source: 'DialogCodeHook' | 'FulfillmentCodeHook',
  intent: WireIntent,
  attributes: Record<string, string>,
  proposed: Outcome | undefined,
) {
  const { bot } = ctx.model;
  return {
    messageVersion: '1.0',
    invocationSource: source,
    inputMode: 'Text',
    responseContentType: 'text/plain; charset=utf-8',
    sessionId: ctx.input.sessionId,
    inputTranscript: ctx.input.text,
    bot: {
      id: bot.botId,
      name: bot.botName,
      aliasId: bot.aliasId,
      aliasName: bot.aliasName,
      localeId: bot.localeId,
      version: bot.botVersion,
    },
    interpretations: ctx.interpretations.map((i) => ({
      intent: i.intent.name === intent.name ? intent : i.intent,
      ...(i.nluConfidence ? { nluConfidence: i.nluConfidence.score } : {}),
      interpretationSource: 'Lex',
    })),
    ...(proposed && (proposed.dialogAction.type === 'ElicitSlot' || proposed.dialogAction.type === 'ConfirmIntent')
      ? { proposedNextState: { dialogAction: proposed.dialogAction, intent: proposed.intent ?? intent } }
      : {}),
    requestAttributes: ctx.input.requestAttributes ?? {},
    sessionState: {
      sessionAttributes: attributes,
      intent,
      activeContexts: [],
      originatingRequestId: ctx.deps.requestId,
    },
    transcriptions: [],
  };
}

async function invokeHook(
  ctx: TurnContext,
  source: 'DialogCodeHook' | 'FulfillmentCodeHook',
  intent: WireIntent,
  attributes: Record<string, string>,
  proposed?: Outcome,
): Promise<HookResult> {
  const arn = ctx.model.bot.codeHookArn;
  const invoke = ctx.deps.invoke;
  if (!arn || !invoke) throw new Error('invokeHook called without a code hook');
  let result: unknown;
  try {
    result = await invoke(arn, hookEvent(ctx, source, intent, attributes, proposed));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new LexApiError(
      'DependencyFailedException',
      `Invalid Lambda Response: Received error response from Lambda: ${message}`,
    );
  }
  return readHookResult(ctx.model, result);
}

const hookEnabled = (ctx: TurnContext) => Boolean(ctx.model.bot.codeHookArn && ctx.deps.invoke);

/** What Lex would do next by itself: elicit a missing required slot, confirm, or (undefined) fulfil. */
function nextStep(model: BotModel, intent: WireIntent, attributes: Record<string, string>): Outcome | undefined {
  const record = model.intent(intent.name);
  if (!record) return undefined;
  const confirmation = record.spec.intentConfirmationSetting;
  if (intent.confirmationState === 'Denied') {
    return {
      dialogAction: { type: 'Close' },
      intent: { ...intent, state: 'Failed' },
      messages: model.response(confirmation?.declinationResponse, intent),
      attributes,
    };
  }
  const missing = model
    .orderedSlots(record)
    .find(
      (s) => s.spec.valueElicitationSetting?.slotConstraint === 'Required' && !intent.slots?.[s.spec.slotName ?? ''],
    );
  if (missing) {
    const slotToElicit = missing.spec.slotName ?? '';
    return {
      dialogAction: { type: 'ElicitSlot', slotToElicit },
      intent: { ...intent, state: 'InProgress' },
      messages: model.slotPrompt(intent, slotToElicit),
      attributes,
    };
  }
  if (confirmation && confirmation.active !== false && intent.confirmationState !== 'Confirmed') {
    return {
      dialogAction: { type: 'ConfirmIntent' },
      intent: { ...intent, state: 'InProgress' },
      messages: model.messages(confirmation.promptSpecification?.messageGroups, intent),
      attributes,
    };
  }
  return undefined;
}

/** Lex's own dialog management after a Delegate (or with no dialog code hook). */
async function delegate(ctx: TurnContext, intent: WireIntent, attributes: Record<string, string>): Promise<Outcome> {
  const { model } = ctx;
  const step = nextStep(model, intent, attributes);
  if (step) return step;
  const record = model.intent(intent.name);
  const closing = (state: string, attrs: Record<string, string>): Outcome => ({
    dialogAction: { type: 'Close' },
    intent: { ...intent, state },
    messages: model.response(record?.spec.intentClosingSetting?.closingResponse, intent),
    attributes: attrs,
  });
  if (record?.spec.fulfillmentCodeHook?.enabled && hookEnabled(ctx)) {
    const result = await invokeHook(
      ctx,
      'FulfillmentCodeHook',
      { ...intent, state: 'ReadyForFulfillment' },
      attributes,
    );
    if (result.kind === 'final') return result.outcome;
    return closing('Fulfilled', result.attributes);
  }
  return closing('Fulfilled', attributes);
}

/** How the input is read, given what the bot asked last. */
function interpret(
  ctx: TurnContext,
  state: WireSessionState,
  candidates: IntentCandidate[],
  retries: StoredSession['retries'],
): { intent: WireIntent; retries?: StoredSession['retries']; again?: 'slot' | 'confirmation' } {
  const { model } = ctx;
  const threshold = model.bot.model.nluIntentConfidenceThreshold;
  const top = candidates[0];
  const best = top && top.score >= threshold ? top : undefined;
  const current = state.intent && !TERMINAL_STATES.has(state.intent.state ?? '') ? state.intent : undefined;
  const currentRecord = current && model.intent(current.name);
  const action = state.dialogAction;

  if (action?.type === 'ElicitSlot' && current && currentRecord && action.slotToElicit) {
    const slotName = action.slotToElicit;
    const slot = model.slot(currentRecord, slotName);
    const sameIntent = best?.intent === current.name ? best : undefined;
    const value =
      sameIntent?.slots[slotName] ??
      model.resolveElicited(currentRecord, slotName, ctx.input.text, spellingStyle(action));
    const other = best && best.intent !== current.name ? best : undefined;
    const interrupts = other && other.score >= SWITCH_CONFIDENCE && (!slot || isCatchAll(model.slotType(slot)));
    if (value && !interrupts) {
      const extra = sameIntent ? toWireSlots(sameIntent.slots) : {};
      return {
        intent: {
          ...current,
          slots: { ...current.slots, ...extra, [slotName]: { shape: 'Scalar', value } },
          state: 'InProgress',
        },
      };
    }
    if (other) return { intent: freshIntent(model, other.intent, other.slots) };
    const count = (retries?.slot === slotName ? retries.count : 0) + 1;
    const maxRetries = slot?.spec.valueElicitationSetting?.promptSpecification?.maxRetries ?? 2;
    if (count > maxRetries) return { intent: freshIntent(model, fallbackName(model)) };
    return {
      intent: { ...current, slots: { ...current.slots, [slotName]: null }, state: 'InProgress' },
      retries: { slot: slotName, count },
      again: 'slot',
    };
  }
  if (action?.type === 'ConfirmIntent' && current && currentRecord) {
    const answer = parseConfirmation(ctx.input.text);
    if (answer) return { intent: { ...current, confirmationState: answer === 'Yes' ? 'Confirmed' : 'Denied' } };
    if (best && best.intent !== current.name) return { intent: freshIntent(model, best.intent, best.slots) };
    return { intent: { ...current, confirmationState: 'None' }, again: 'confirmation' };
  }
  if (best) {
    if (action?.type === 'Delegate' && current?.name === best.intent) {
      return { intent: { ...current, slots: { ...current.slots, ...toWireSlots(best.slots) } } };
    }
    return { intent: freshIntent(model, best.intent, best.slots) };
  }
  return { intent: freshIntent(model, fallbackName(model)) };
}

function interpretationsFor(model: BotModel, chosen: WireIntent, candidates: IntentCandidate[]): WireInterpretation[] {
  const score = (name: string) => candidates.find((c) => c.intent === name)?.score;
  const fallback = fallbackName(model);
  const others = candidates
    .filter((c) => c.intent !== chosen.name)
    .slice(0, 4)
    .map((c): WireInterpretation => ({
      intent: { name: c.intent, slots: { ...model.emptySlots(model.intent(c.intent)), ...toWireSlots(c.slots) } },
      nluConfidence: { score: Math.round(c.score * 100) / 100 },
      interpretationSource: 'Lex',
    }));
  const chosenScore = chosen.name === fallback ? undefined : score(chosen.name);
  return [
    {
      intent: chosen,
      ...(chosenScore !== undefined ? { nluConfidence: { score: Math.round(chosenScore * 100) / 100 } } : {}),
      interpretationSource: 'Lex',
    },
    ...others,
    ...(chosen.name === fallback
      ? []
      : [{ intent: { name: fallback, slots: {} }, interpretationSource: 'Lex' as const }]),
  ];
}

/** Runs one RecognizeText turn; returns the response and the session to keep. */
export async function runTurn(
  bot: RuntimeBot,
  previous: StoredSession | undefined,
  input: TurnInput,
  deps: TurnDeps,
): Promise<{ response: TurnResponse; session: StoredSession }> {
  const now = deps.now();
  const live = previous && now - previous.updatedAt <= bot.idleSessionTtlSeconds * 1000 ? previous : undefined;
  const state: WireSessionState = input.sessionState ?? live?.state ?? {};
  const attributes = { ...(state.sessionAttributes ?? {}) };
  const timeZone =
    input.requestAttributes?.['x-amz-lex:time-zone'] ?? attributes['x-amz-lex:time-zone'] ?? deps.timeZone;
  const model = new BotModel(bot, { now: new Date(now), timeZone });
  const candidates = model.classify(input.text);
  const read = interpret(
    { model, input, deps, interpretations: [] },
    state,
    candidates,
    input.sessionState ? undefined : live?.retries,
  );
  const interpretations = interpretationsFor(model, read.intent, candidates);
  const ctx: TurnContext = { model, input, deps, interpretations };
  const record = model.intent(read.intent.name);

  let outcome: Outcome;
  if (record?.spec.dialogCodeHook?.enabled && hookEnabled(ctx)) {
    const proposed = nextStep(model, read.intent, attributes);
    const result = await invokeHook(ctx, 'DialogCodeHook', read.intent, attributes, proposed);
    outcome = result.kind === 'final' ? result.outcome : await delegate(ctx, result.intent, result.attributes);
  } else if (read.again === 'slot' && state.dialogAction?.slotToElicit) {
    outcome = {
      dialogAction: { ...state.dialogAction, type: 'ElicitSlot' },
      intent: read.intent,
      messages: model.slotPrompt(read.intent, state.dialogAction.slotToElicit),
      attributes,
    };
  } else if (read.again === 'confirmation') {
    outcome = {
      dialogAction: { type: 'ConfirmIntent' },
      intent: read.intent,
      messages: model.messages(record?.spec.intentConfirmationSetting?.promptSpecification?.messageGroups, read.intent),
      attributes,
    };
  } else {
    outcome = await delegate(ctx, read.intent, attributes);
  }

  const sessionState: WireSessionState = {
    dialogAction: outcome.dialogAction,
    ...(outcome.intent ? { intent: outcome.intent } : {}),
    sessionAttributes: outcome.attributes,
    originatingRequestId: deps.requestId,
  };
  const finalInterpretations = outcome.intent ? interpretationsFor(model, outcome.intent, candidates) : interpretations;
  const response: TurnResponse = {
    sessionId: input.sessionId,
    messages: outcome.messages,
    sessionState,
    interpretations: finalInterpretations,
    ...(input.requestAttributes ? { requestAttributes: input.requestAttributes } : {}),
  };
  const keepRetries =
    outcome.dialogAction.type === 'ElicitSlot' && read.retries?.slot === outcome.dialogAction.slotToElicit;
  return {
    response,
    session: {
      state: sessionState,
      interpretations: finalInterpretations,
      messages: outcome.messages,
      ...(input.requestAttributes ? { requestAttributes: input.requestAttributes } : {}),
      updatedAt: now,
      ...(keepRetries && read.retries ? { retries: read.retries } : {}),
    },
  };
}

/** PutSession's dialog step: the prompt Lex speaks for a dialog action set from outside, or its own next step. */
export function promptFor(
  bot: RuntimeBot,
  state: WireSessionState,
  now: number,
  timeZone: string,
): Outcome | undefined {
  const model = new BotModel(bot, { now: new Date(now), timeZone });
  const attributes = state.sessionAttributes ?? {};
  const intent = state.intent;
  switch (state.dialogAction?.type) {
    case 'ElicitSlot':
      return intent && state.dialogAction.slotToElicit
        ? {
            dialogAction: state.dialogAction,
            intent,
            messages: model.slotPrompt(intent, state.dialogAction.slotToElicit),
            attributes,
          }
        : undefined;
    case 'ConfirmIntent':
      return intent
        ? {
            dialogAction: state.dialogAction,
            intent,
            messages: model.messages(
              model.intent(intent.name)?.spec.intentConfirmationSetting?.promptSpecification?.messageGroups,
              intent,
            ),
            attributes,
          }
        : undefined;
    case 'Delegate':
      return intent ? nextStep(model, intent, attributes) : undefined;
    case 'ElicitIntent':
    case 'Close':
    case undefined:
      return undefined;
  }
}
