// The local change feed: delivers captured DynamoDB Streams records to subscribers the way a Lambda event
// source mapping does — in order per table, in small batches, retrying a failing batch, then bisecting it
// and skipping the record that keeps failing.
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<void>;

export type LocalStreams = {
  /** `'*'` receives every table's records. Returns the unsubscribe function. */
  subscribe(table: string, handler: StreamHandler): () => void;
  /** Resolves once every record published so far has been delivered or given up on. */
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

type Queue = { records: DynamoDBRecord[]; timer?: NodeJS.Timeout; running?: Promise<void> };
type Subscription = { table: string; handler: StreamHandler; queues: Map<string, Queue>; active: boolean };

export type StreamHub = LocalStreams & { publish(table: string, record: DynamoDBRecord): void };

export function createStreamHub(options: StreamDeliveryOptions = {}): StreamHub {
  const batchSize = options.batchSize ?? 100;
  const windowMs = options.windowMs ?? 10;
  const retries = options.retries ?? 2;
  const backoffMs = options.backoffMs ?? 20;
  const logError = options.logError ?? ((message, error) => console.error(`[dynamodb-streams] ${message}`, error));
  const subscriptions = new Set<Subscription>();

  async function invoke(sub: Subscription, batch: DynamoDBRecord[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      if (!sub.active) return;
      try {
        await sub.handler({ Records: structuredClone(batch) });
        return;
      } catch (error) {
        if (attempt >= retries) {
          if (batch.length > 1) {
            const half = Math.ceil(batch.length / 2);
            await invoke(sub, batch.slice(0, half));
            await invoke(sub, batch.slice(half));
          } else {
            logError(`consumer of ${sub.table} failed on record ${batch[0]?.eventID ?? '?'}; skipping it`, error);
          }
          return;
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
      while (queue.records.length > 0 && sub.active) await invoke(sub, queue.records.splice(0, batchSize));
      queue.running = undefined;
    })();
  }

  return {
    publish(table, record) {
      for (const sub of subscriptions) {
        if (sub.table !== '*' && sub.table !== table) continue;
        let queue = sub.queues.get(table);
        if (!queue) sub.queues.set(table, (queue = { records: [] }));
        queue.records.push(record);
        if (queue.running) continue;
        const q = queue;
        if (q.records.length >= batchSize) pump(sub, q);
        else q.timer ??= setTimeout(() => pump(sub, q), windowMs);
      }
    },
    subscribe(table, handler) {
      const sub: Subscription = { table, handler, queues: new Map(), active: true };
      subscriptions.add(sub);
      return () => {
        sub.active = false;
        subscriptions.delete(sub);
        for (const queue of sub.queues.values()) if (queue.timer) clearTimeout(queue.timer);
      };
    },
    async flush() {
      for (;;) {
        const pending: Promise<void>[] = [];
        for (const sub of subscriptions)
          for (const queue of sub.queues.values()) {
            if (queue.records.length > 0) pump(sub, queue);
            if (queue.running) pending.push(queue.running);
          }
        if (pending.length === 0) return;
        await Promise.all(pending);
      }
    },
  };
}
