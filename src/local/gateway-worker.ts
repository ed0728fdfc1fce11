// The AWS gateway's own thread: DynamoDB (dynalite, streams, TTL sweeper), Cognito, S3, Lex V2 (models and
// runtime), Connect (with the call simulator), IAM, Lambda, Comprehend and End User Messaging SMS behind the gateway port, as a separate service
// like AWS, so the GraphQL server's event loop only does API work. Stream batches and Lambda invocations go
// to the stack's thread, which runs them and answers (a failed batch is retried like Lambda's; one left
// unanswered when the gateway stops is delivered again on its next start).
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { LexRuntimeV2Client } from '@aws-sdk/client-lex-runtime-v2';
import { LOCAL_CREDENTIALS } from './dynamodb/local-dynamo';
import { createS3Service } from './s3/s3-service';
import { createLexService } from './lex/lex-service';
import { createConnectService } from './connect/connect-service';
import { createIamService } from './iam/iam-emulator';
import { createComprehendService } from './comprehend/comprehend-service';
import { createSmsService } from './sms/sms-service';
import { createGeoPlacesService } from './geo-places/geo-places-service';
import { createLambdaService, functionNameOf } from './lambda/lambda-emulator';
import { startGateway, type Gateway } from './gateway';
import { createFaultInjection } from './faults/fault-injection';
import { createDynamoService, type DynamoService } from './dynamodb/dynamo-service';
import { createCognitoService } from './cognito/cognito-service';
import type { FromGatewayWorker, GatewayWorkerData, ToGatewayWorker } from './gateway-worker-protocol';

const channel = parentPort;
if (!channel) throw new Error('gateway-worker runs only as a worker thread');
const options = workerData as GatewayWorkerData;
const post = (message: FromGatewayWorker) => channel.postMessage(message);

let dynamo: DynamoService | undefined;
let gateway: Gateway | undefined;
/** The stack's stream consumers, by name. */
const consumers = new Map<string, () => void>();
let nextBatch = 0;
const batches = new Map<number, { resolve(): void; reject(error: Error): void }>();
let nextInvocation = 0;
const invocations = new Map<number, { resolve(result: unknown): void; reject(error: Error): void }>();

/** Runs a local function in the stack's thread, as Lambda runs a function outside the calling service. */
function invoke(functionName: string, event: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const id = nextInvocation++;
    invocations.set(id, { resolve, reject });
    post({ type: 'invoke', id, functionName, event });
  });
}

const awsFile = (name: string) => (options.awsDataDir ? join(options.awsDataDir, name) : undefined);

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
    const s3 = createS3Service({
      credentials: [LOCAL_CREDENTIALS],
      region: options.region,
      ...(options.awsDataDir ? { dataDir: join(options.awsDataDir, 's3') } : {}),
    });
    started.push(s3);
    const lambda = createLambdaService({
      region: options.region,
      functions: options.functions ?? [],
      run: invoke,
      ...(awsFile('lambda.json') ? { file: awsFile('lambda.json') } : {}),
    });
    // Lex calls a code hook only with the permission provisioning granted it, as in AWS.
    const lex = createLexService({
      invoke: async (functionArn, event) => {
        const name = functionNameOf(functionArn);
        if (!lambda.allows(name, 'lexv2.amazonaws.com'))
          throw new Error(`Lex V2 is not allowed to invoke ${functionArn}: its resource policy has no lexv2 grant.`);
        return invoke(name, event);
      },
      persistence: { ...(awsFile('lex.json') ? { file: awsFile('lex.json') } : {}) },
      timeZone: options.timeZone ?? 'America/Los_Angeles',
    });
    started.push(lex);
    // The call simulator talks to Lex through the gateway, as Connect reaches Lex over AWS's network.
    // Its endpoint is the gateway's own port, known once it listens.
    const lexRuntime: { client?: LexRuntimeV2Client } = {};
    const connect = createConnectService({
      region: options.region,
      lex: { send: (command) => lexRuntime.client!.send(command) },
      ...(awsFile('connect.json') ? { stateFile: awsFile('connect.json') } : {}),
    });
    started.push(connect);
    const iam = createIamService({ ...(awsFile('iam.json') ? { file: awsFile('iam.json') } : {}) });
    gateway = await startGateway({
      port: options.port,
      host: options.host,
      services: [
        service,
        cognito,
        s3,
        lex,
        connect,
        iam,
        lambda,
        createComprehendService(),
        createSmsService(),
        createGeoPlacesService(),
      ],
      // Local only: POST /_local/faults makes the next matching AWS call fail, as Fault Injection Service would.
      faults: createFaultInjection(),
    });
    lexRuntime.client = new LexRuntimeV2Client({
      endpoint: `http://127.0.0.1:${gateway.port}`,
      region: options.region,
      credentials: LOCAL_CREDENTIALS,
    });
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

function subscribe(service: DynamoService, consumer: string, windowMs: number | undefined): void {
  if (!consumers.has(consumer))
    consumers.set(
      consumer,
      service.streams.subscribe(
        '*',
        (event) =>
          new Promise<void>((resolve, reject) => {
            const id = nextBatch++;
            batches.set(id, { resolve, reject });
            post({ type: 'stream', id, consumer, event });
          }),
        { consumer, ...(windowMs === undefined ? {} : { windowMs }) },
      ),
    );
  post({ type: 'subscribed', consumer });
}

async function close(): Promise<void> {
  for (const unsubscribe of consumers.values()) unsubscribe();
  consumers.clear();
  // Batches still out were not finished: their consumers' positions stay before them.
  for (const batch of batches.values()) batch.reject(new Error('the gateway stopped before the batch was finished'));
  batches.clear();
  await gateway?.close();
  post({ type: 'closed' });
}

channel.on('message', (message: ToGatewayWorker) => {
  switch (message.type) {
    case 'subscribe':
      if (dynamo) subscribe(dynamo, message.consumer, message.windowMs);
      return;
    case 'unsubscribe':
      consumers.get(message.consumer)?.();
      consumers.delete(message.consumer);
      return;
    case 'stream-result': {
      const batch = batches.get(message.id);
      batches.delete(message.id);
      if (message.error === undefined) batch?.resolve();
      else batch?.reject(new Error(message.error));
      return;
    }
    case 'invoke-result': {
      const call = invocations.get(message.id);
      invocations.delete(message.id);
      if (!message.error) call?.resolve(message.result);
      else call?.reject(Object.assign(new Error(message.error.message), { name: message.error.name }));
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
