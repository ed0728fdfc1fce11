// The local call simulator's HTTP API, which stands in for a phone on the test-call page: where it is (from
// amplify_outputs.json, present only in the local stack) and its calls — start, say, hang up, read.
import { z } from '../../../lib/zod';
import { AMPLIFY_OUTPUTS_PATH } from '../../../lib/amplify-config';

export type CallState = 'IN_BOT' | 'QUEUED' | 'DISCONNECTED';

/** FLOW: a prompt of the contact flow; BOT: the bot; CALLER: what the caller said. */
export type TranscriptEntry = { speaker: 'FLOW' | 'BOT' | 'CALLER'; text: string; ssml?: string; at: string };

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
};

/** What a turn returns: the lines heard since the caller last spoke, and the call afterwards. */
export type CallTurn = { heard: string[]; call: CallView };

export type CallSimulatorConfig = { url: string; phoneNumber: string };

/** A refusal or failure of the simulator, in its own words, with what to do about it when it says. */
export class CallSimulatorError extends Error {
  override readonly name = 'CallSimulatorError';
  constructor(
    message: string,
    readonly resolution?: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

const outputsSchema = z.object({
  custom: z.optional(
    z.looseObject({
      callSimulator: z.optional(
        z.object({ url: z.url(), phoneNumber: z.string().check(z.regex(/^\+[1-9]\d{6,14}$/)) }),
      ),
    }),
  ),
});

/** The simulator named in the outputs, or null where there is none (the cloud: callers dial the real number). */
export function callSimulatorOf(outputs: unknown): CallSimulatorConfig | null {
  const checked = outputsSchema.safeParse(outputs);
  const found = checked.success ? checked.data.custom?.callSimulator : undefined;
  return found ? { url: found.url.replace(/\/+$/, ''), phoneNumber: found.phoneNumber } : null;
}

/** Reads the outputs served beside the app, as the app's configuration module does at start. */
export async function loadCallSimulatorConfig(fetchOutputs: typeof fetch = fetch): Promise<CallSimulatorConfig | null> {
  const response = await fetchOutputs(AMPLIFY_OUTPUTS_PATH, { cache: 'no-store' });
  if (!response.ok) throw new CallSimulatorError(`Could not load ${AMPLIFY_OUTPUTS_PATH} (HTTP ${response.status}).`);
  return callSimulatorOf(await response.json());
}

type ErrorBody = { error?: unknown; message?: unknown; resolution?: unknown };

async function call<T>(
  config: CallSimulatorConfig,
  path: string,
  body?: unknown,
  fetchFn: typeof fetch = fetch,
): Promise<T> {
  let response: Response;
  try {
    response = await fetchFn(`${config.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (cause) {
    throw new CallSimulatorError(
      `Couldn't reach the call simulator at ${config.url}.`,
      'Check that the local stack (npm start) is running, then try again.',
      String(cause),
    );
  }
  const payload = (await response.json().catch(() => ({}))) as ErrorBody & T;
  if (!response.ok) {
    const message = typeof payload.message === 'string' ? payload.message : `HTTP ${response.status}`;
    const resolution = typeof payload.resolution === 'string' ? payload.resolution : undefined;
    throw new CallSimulatorError(message, resolution, typeof payload.error === 'string' ? payload.error : undefined);
  }
  return payload;
}

/** Dials the configured number from `from` (E.164); the turn holds the greeting and the bot's first words. */
export function startCall(config: CallSimulatorConfig, from: string, fetchFn?: typeof fetch): Promise<CallTurn> {
  return call<CallTurn>(config, '/calls', { from, phoneNumber: config.phoneNumber }, fetchFn);
}

/** The caller speaks (an empty text is silence). */
export function sayOnCall(
  config: CallSimulatorConfig,
  contactId: string,
  text: string,
  fetchFn?: typeof fetch,
): Promise<CallTurn> {
  return call<CallTurn>(config, `/calls/${encodeURIComponent(contactId)}/say`, { text }, fetchFn);
}

export async function hangUpCall(
  config: CallSimulatorConfig,
  contactId: string,
  fetchFn?: typeof fetch,
): Promise<CallView> {
  return (await call<{ call: CallView }>(config, `/calls/${encodeURIComponent(contactId)}/hang-up`, {}, fetchFn)).call;
}

export async function fetchCall(
  config: CallSimulatorConfig,
  contactId: string,
  fetchFn?: typeof fetch,
): Promise<CallView> {
  return (await call<{ call: CallView }>(config, `/calls/${encodeURIComponent(contactId)}`, undefined, fetchFn)).call;
}
