// Starts the AWS gateway (DynamoDB with streams and TTL, Cognito) in a worker thread and speaks for it in
// the stack's thread: its URL, the Cognito issuer, table stream batches for named consumers and their flush,
// and shutdown.
import { startTypeScriptWorker } from './typescript-worker';
import type { StreamHandler } from './dynamodb/local-streams';
import type { CognitoMessage } from './cognito/cognito-local-server';
import type { FromGatewayWorker, GatewayWorkerData, ToGatewayWorker } from './gateway-worker-protocol';

export type GatewayWorkerOptions = GatewayWorkerData & {
  /** Receives the codes Cognito would email or text. */
  onCognitoMessage?: (message: CognitoMessage) => void;
};

export type GatewayWorker = {
  /** The URL clients use (localhost and the bound port). */
  url: string;
  port: number;
  /** The `iss` of the pool's tokens, as the worker's CognitoService.issuer gives it. */
  issuer(poolId: string): string;
  jwksUrl(poolId: string): string;
  /**
   * Every table's stream batches go to `handler` as the durable consumer `consumer`: first what it had not
   * finished when it last stopped (a previous run on the same data), then each new record. A rejection makes
   * the batch retry. The returned function stops the deliveries and resolves once the batches in flight are
   * finished; the consumer's position stays after the last batch it finished. `windowMs` is its batching
   * window (the gateway's default when absent).
   */
  subscribeStreams(
    consumer: string,
    handler: StreamHandler,
    options?: { windowMs?: number },
  ): Promise<() => Promise<void>>;
  /** Resolves once every stream record published so far has been delivered or given up on. */
  flushStreams(): Promise<void>;
  /** How many stream records the consumers have finished since the gateway started (a drain's progress). */
  streamRecordsHandled(): number;
  /** Where the gateway's Lambda runs local functions (invoked by name); until set, invocations fail. */
  setFunctionRunner(runner: (functionName: string, event: unknown) => Promise<unknown>): void;
  close(): Promise<void>;
};

/** How long `close` waits for the gateway to close its services before the thread is stopped anyway. */
const CLOSE_TIMEOUT_MS = 5_000;

export async function startGatewayWorker(options: GatewayWorkerOptions): Promise<GatewayWorker> {
  const { onCognitoMessage, ...data } = options;
  const worker = startTypeScriptWorker(new URL('./gateway-worker.ts', import.meta.url), data);
  const send = (message: ToGatewayWorker) => worker.postMessage(message);

  /** The stream consumers in this thread, with the deliveries each has in flight. */
  const consumers = new Map<string, { handler: StreamHandler; inFlight: Set<Promise<void>> }>();
  let runFunction: ((functionName: string, event: unknown) => Promise<unknown>) | undefined;

  async function runInvocation(id: number, functionName: string, event: unknown): Promise<void> {
    try {
      if (!runFunction) throw new Error(`Function ${functionName} is not running locally yet.`);
      const result = await runFunction(functionName, event);
      if (!failure) send({ type: 'invoke-result', id, result });
    } catch (e) {
      const error = e instanceof Error ? { name: e.name, message: e.message } : { name: 'Error', message: String(e) };
      if (!failure) send({ type: 'invoke-result', id, error });
    }
  }
  let recordsHandled = 0;
  let nextFlush = 0;
  const flushes = new Map<number, { resolve(): void; reject(error: Error): void }>();
  type Waiter = {
    type: FromGatewayWorker['type'];
    consumer?: string;
    resolve(message: FromGatewayWorker): void;
    reject(e: Error): void;
  };
  const waiting = new Set<Waiter>();
  let failure: Error | undefined;

  const next = <T extends FromGatewayWorker['type']>(
    type: T,
    consumer?: string,
  ): Promise<Extract<FromGatewayWorker, { type: T }>> =>
    new Promise((resolve, reject) => {
      if (failure) return reject(failure);
      waiting.add({ type, ...(consumer ? { consumer } : {}), resolve: resolve as Waiter['resolve'], reject });
    });

  /** The thread died: every caller still waiting on it gets the reason. */
  function fail(error: Error): void {
    failure ??= error;
    for (const w of waiting) w.reject(error);
    waiting.clear();
    for (const flush of flushes.values()) flush.reject(error);
    flushes.clear();
  }

  async function deliver(id: number, consumer: string, event: Parameters<StreamHandler>[0]): Promise<void> {
    let error: string | undefined;
    try {
      const subscribed = consumers.get(consumer);
      // Never "done" for a consumer that stopped: the batch stays before its position for its next start.
      if (!subscribed) throw new Error(`the stream consumer ${consumer} is not subscribed`);
      const delivery = subscribed.handler(event);
      subscribed.inFlight.add(delivery);
      try {
        await delivery;
        recordsHandled += event.Records.length;
      } finally {
        subscribed.inFlight.delete(delivery);
      }
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    if (!failure) send({ type: 'stream-result', id, ...(error === undefined ? {} : { error }) });
  }

  worker.on('message', (message: FromGatewayWorker) => {
    switch (message.type) {
      case 'stream':
        void deliver(message.id, message.consumer, message.event);
        return;
      case 'flushed':
        flushes.get(message.id)?.resolve();
        flushes.delete(message.id);
        return;
      case 'cognito-message':
        onCognitoMessage?.(message.message);
        return;
      case 'invoke':
        void runInvocation(message.id, message.functionName, message.event);
        return;
      case 'ready':
      case 'subscribed':
      case 'closed':
        for (const w of waiting)
          if (w.type === message.type && (message.type !== 'subscribed' || w.consumer === message.consumer)) {
            waiting.delete(w);
            w.resolve(message);
          }
        return;
    }
  });
  worker.on('error', (error) => {
    if (!failure) console.error('[gateway] worker thread failed', error);
    fail(error);
  });
  worker.on('exit', (code) => fail(new Error(`the gateway worker thread exited (code ${code})`)));

  let ready: Extract<FromGatewayWorker, { type: 'ready' }>;
  try {
    ready = await next('ready');
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  const publicUrl = ready.publicUrl;

  let closing: Promise<void> | undefined;
  return {
    url: publicUrl,
    port: ready.port,
    issuer: (poolId) => `${publicUrl}/${poolId}`,
    jwksUrl: (poolId) => `${publicUrl}/${poolId}/.well-known/jwks.json`,
    async subscribeStreams(consumer, handler, options = {}) {
      if (consumers.has(consumer)) throw new Error(`The stream consumer ${consumer} is already subscribed.`);
      const subscribed = { handler, inFlight: new Set<Promise<void>>() };
      consumers.set(consumer, subscribed);
      const acknowledged = next('subscribed', consumer);
      send({ type: 'subscribe', consumer, ...(options.windowMs === undefined ? {} : { windowMs: options.windowMs }) });
      await acknowledged;
      return async () => {
        if (consumers.get(consumer) !== subscribed) return;
        consumers.delete(consumer);
        if (!failure) send({ type: 'unsubscribe', consumer });
        await Promise.allSettled([...subscribed.inFlight]);
      };
    },
    streamRecordsHandled: () => recordsHandled,
    setFunctionRunner(runner) {
      runFunction = runner;
    },
    flushStreams() {
      if (failure) return Promise.reject(failure);
      const id = nextFlush++;
      const flushed = new Promise<void>((resolve, reject) => flushes.set(id, { resolve, reject }));
      send({ type: 'flush', id });
      return flushed;
    },
    close() {
      closing ??= (async () => {
        if (!failure) {
          const closed = next('closed').catch(() => undefined);
          send({ type: 'close' });
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([closed, new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_TIMEOUT_MS)))]);
          clearTimeout(timer);
        }
        await worker.terminate();
      })();
      return closing;
    },
  };
}
