// The AWS gateway's own thread: DynamoDB (dynalite, streams, TTL sweeper) and Cognito behind the gateway
// port, as a separate service like AWS, so the GraphQL server's event loop only does API work. Stream
// batches go to the stack's thread, which answers ok or failed (a failure is retried like Lambda's).
import { parentPort, workerData } from 'node:worker_threads';
import { startGateway, type Gateway } from './gateway';
import { createDynamoService, type DynamoService } from './dynamodb/dynamo-service';
import { createCognitoService } from './cognito/cognito-service';
import type { FromGatewayWorker, GatewayWorkerData, ToGatewayWorker } from './gateway-worker-protocol';

const channel = parentPort;
if (!channel) throw new Error('gateway-worker runs only as a worker thread');
const options = workerData as GatewayWorkerData;
const post = (message: FromGatewayWorker) => channel.postMessage(message);

let dynamo: DynamoService | undefined;
let gateway: Gateway | undefined;
let unsubscribe: (() => void) | undefined;
let nextBatch = 0;
const batches = new Map<number, { resolve(): void; reject(error: Error): void }>();

async function start(): Promise<void> {
  const started: { close(): Promise<void> }[] = [];
  try {
    const service = await createDynamoService({ dataDir: options.dynamoDataDir, region: options.region });
    started.push(service);
    const cognito = await createCognitoService({
      dataDir: options.cognitoDataDir,
      onMessage: (message) => post({ type: 'cognito-message', message }),
    });
    started.push(cognito);
    gateway = await startGateway({ port: options.port, host: options.host, services: [service, cognito] });
    dynamo = service;
    // Clients (browsers, SDKs) use localhost whatever interface we listen on (0.0.0.0 in a container).
    const publicUrl = `http://localhost:${gateway.port}`;
    cognito.setPublicUrl(publicUrl);
    post({ type: 'ready', port: gateway.port, publicUrl });
  } catch (error) {
    // Release the data folders (LevelDB's lock) before the thread dies: the process lives on.
    for (const s of started.reverse()) await s.close().catch(() => {});
    throw error;
  }
}

function subscribe(service: DynamoService): void {
  unsubscribe ??= service.streams.subscribe(
    '*',
    (event) =>
      new Promise<void>((resolve, reject) => {
        const id = nextBatch++;
        batches.set(id, { resolve, reject });
        post({ type: 'stream', id, event });
      }),
  );
  post({ type: 'subscribed' });
}

async function close(): Promise<void> {
  unsubscribe?.();
  for (const batch of batches.values()) batch.resolve();
  batches.clear();
  await gateway?.close();
  post({ type: 'closed' });
}

channel.on('message', (message: ToGatewayWorker) => {
  switch (message.type) {
    case 'subscribe':
      if (dynamo) subscribe(dynamo);
      return;
    case 'stream-result': {
      const batch = batches.get(message.id);
      batches.delete(message.id);
      if (message.error === undefined) batch?.resolve();
      else batch?.reject(new Error(message.error));
      return;
    }
    case 'flush':
      void (dynamo?.streams.flush() ?? Promise.resolve()).then(() => post({ type: 'flushed', id: message.id }));
      return;
    case 'close':
      void close();
      return;
  }
});

// A failed start surfaces as the worker's 'error' event in the stack's thread.
await start();
