// The local change feed: delivers captured DynamoDB Streams records to subscribers the way a Lambda event
// source mapping does — in order per table, in small batches, retrying a failing batch, then bisecting it
// and skipping the record that keeps failing. A named consumer keeps its position in a durable stream log
// (when the service has one), moved on only once a batch is done with, and resumes after it on the next start.
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { StreamLog } from './stream-log';

export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<void>;

export type SubscribeOptions = {
  /**
   * A durable consumer's name (an event source mapping): it is given first the records it had not finished
   * when it last stopped, and its position survives restarts. Anonymous subscribers see only what is
   * published while they listen.
   */
  consumer?: string;
  /**
   * This subscriber's batching window in ms (its event source mapping's MaximumBatchingWindowInSeconds), instead
   * of the hub's: 0 for a consumer someone waits on, as the notifier (Lambda's default for streams is 0 too).
   */
  windowMs?: number;
};

export type LocalStreams = {
  /** `'*'` receives every table's records. Returns the unsubscribe function. */
  subscribe(table: string, handler: StreamHandler, options?: SubscribeOptions): () => void;
  /** Resolves once every record published so far has been delivered or given up on, and positions saved. */
  flush(): Promise<void>;
};

export type StreamDeliveryOptions = {
  /** Most records per invocation (Lambda's BatchSize). */
  batchSize?: number;
  /** How long to gather records before invoking (Lambda's MaximumBatchingWindowInSeconds, in ms). */
  windowMs?: number;
  /** Retries of a failing batch before it is bisected (Lambda's MaximumRetryAttempts). */
  retries?: number;
  backoffMs?: number;
  logError?: (message: string, error: unknown) => void;
};

type Queue = { table: string; records: DynamoDBRecord[]; timer?: NodeJS.Timeout; running?: Promise<void> };
type Subscription = {
  table: string;
  handler: StreamHandler;
  consumer?: string;
  windowMs: number;
  queues: Map<string, Queue>;
  active: boolean;
};

export type StreamHub = LocalStreams & {
  publish(table: string, record: DynamoDBRecord): void;
  /** Stops every delivery (a batch in flight is not counted as done) and saves the positions. */
  close(): Promise<void>;
};

export function createStreamHub(options: StreamDeliveryOptions = {}, durable: { log?: StreamLog } = {}): StreamHub {
  const batchSize = options.batchSize ?? 100;
  const windowMs = options.windowMs ?? 10;
  const retries = options.retries ?? 2;
  const backoffMs = options.backoffMs ?? 20;
  const logError = options.logError ?? ((message, error) => console.error(`[dynamodb-streams] ${message}`, error));
  const { log } = durable;
  const subscriptions = new Set<Subscription>();

  /** The batch is done with: a durable consumer's position moves past it. */
  function settle(sub: Subscription, queue: Queue, batch: DynamoDBRecord[]): true {
    const last = batch[batch.length - 1]?.dynamodb?.SequenceNumber;
    if (log && sub.consumer && last !== undefined) log.advance(sub.consumer, queue.table, last);
    return true;
  }

  /** True once the batch is done with (delivered, or given up on); false if the subscription ended first. */
  async function invoke(sub: Subscription, queue: Queue, batch: DynamoDBRecord[]): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      if (!sub.active) return false;
      try {
        await sub.handler({ Records: structuredClone(batch) });
        return settle(sub, queue, batch);
      } catch (error) {
        // Unsubscribed meanwhile: the failure may be that very stop, so nothing is given up on.
        if (!sub.active) return false;
        if (attempt >= retries) {
          if (batch.length > 1) {
            const half = Math.ceil(batch.length / 2);
            return (await invoke(sub, queue, batch.slice(0, half))) && (await invoke(sub, queue, batch.slice(half)));
          }
          logError(`consumer of ${sub.table} failed on record ${batch[0]?.eventID ?? '?'}; skipping it`, error);
          return settle(sub, queue, batch);
        }
        await new Promise((resolve) => setTimeout(resolve, backoffMs * 2 ** attempt));
      }
    }
  }

  function pump(sub: Subscription, queue: Queue): void {
    if (queue.timer) clearTimeout(queue.timer);
    queue.timer = undefined;
    if (queue.running) return;
    queue.running = (async () => {
      while (queue.records.length > 0 && sub.active) {
        if (!(await invoke(sub, queue, queue.records.splice(0, batchSize)))) break;
      }
      queue.running = undefined;
    })();
  }

  function enqueue(sub: Subscription, table: string, record: DynamoDBRecord): void {
    let queue = sub.queues.get(table);
    if (!queue) sub.queues.set(table, (queue = { table, records: [] }));
    queue.records.push(record);
    if (queue.running) return;
    const q = queue;
    if (q.records.length >= batchSize) pump(sub, q);
    else q.timer ??= setTimeout(() => pump(sub, q), sub.windowMs);
  }

  function unsubscribe(sub: Subscription): void {
    sub.active = false;
    subscriptions.delete(sub);
    for (const queue of sub.queues.values()) if (queue.timer) clearTimeout(queue.timer);
  }

  return {
    publish(table, record) {
      log?.append(table, record);
      for (const sub of subscriptions) if (sub.table === '*' || sub.table === table) enqueue(sub, table, record);
    },
    subscribe(table, handler, subscribeOptions = {}) {
      const { consumer } = subscribeOptions;
      const sub: Subscription = {
        table,
        handler,
        windowMs: subscribeOptions.windowMs ?? windowMs,
        queues: new Map(),
        active: true,
        ...(consumer ? { consumer } : {}),
      };
      if (consumer && [...subscriptions].some((s) => s.consumer === consumer))
        throw new Error(`The stream consumer ${consumer} is already subscribed.`);
      subscriptions.add(sub);
      // What it had not finished comes first, before anything published from now on.
      if (log && consumer)
        for (const logged of log.resume(consumer))
          if (table === '*' || table === logged.table) enqueue(sub, logged.table, logged.record);
      return () => unsubscribe(sub);
    },
    async flush() {
      for (;;) {
        const pending: Promise<void>[] = [];
        for (const sub of subscriptions)
          for (const queue of sub.queues.values()) {
            if (queue.records.length > 0) pump(sub, queue);
            if (queue.running) pending.push(queue.running);
          }
        if (pending.length === 0) break;
        await Promise.all(pending);
      }
      await log?.persisted();
    },
    async close() {
      for (const sub of [...subscriptions]) unsubscribe(sub);
      await log?.close();
    },
  };
}
