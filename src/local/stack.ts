// The local stack behind `npm start` and the integration tests: the AWS gateway in its own thread
// (DynamoDB with streams and TTL, Cognito with SRP), the AppSync-compatible GraphQL server running the api
// Lambda's router, the change feed wired from table streams to the dashboard rollups and to subscriptions,
// demo data, and the web app. It stops without losing a change: see `close`.
import type { StopProgress } from './stop-on-signals';
import { channel } from 'node:diagnostics_channel';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { startGatewayWorker } from './gateway-worker-host';
import { LOCAL_CREDENTIALS } from './dynamodb/local-dynamo';
import { provisionUserPool } from './cognito/provision-user-pool';
import { createAppSyncServer, loadAuthRulesSdl, LOCAL_MCP_SERVICE, type WebMiddleware } from './appsync';
import { AppSyncError } from './appsync/appsync-errors';
import { ensureDemoPartnerTokens, type DemoPartnerToken } from './seed/demo-partner-tokens';
import { AUTHORIZER_TTL_SECONDS, authorizePartnerRequest } from '../api/partner-authorizer';
import { PARTNER_OPERATIONS } from '../api/partner-operations';
import { localAmplifyOutputs } from './amplify-outputs';
import { seedDemoData } from './seed/seed-demo-data';
import { ensureTables } from '../data/ensure-tables';
import { ensureProofBucket } from '../data/proof-store-bucket';
import { localTableNames, type TableNames } from '../data/tables';
import { appRouter } from '../api/app-router';
import { createApi } from '../api/router';
import { createApiDeps } from '../api/runtime';
import { createLexAnalyticsReader } from '../data/lex-analytics-reader';
import { createSummaryStore } from '../data/summary-store';
import { S3Client } from '@aws-sdk/client-s3';
import { createComprehendSentimentAnalyzer } from '../data/comprehend-sentiment';
import { createLocationGeocoder } from '../data/location-geocoder';
import { createGazetteerGeocoder } from '../core/geo/gazetteer-geocoder';
import { createDependencyBreakers, dependencyRecorder } from '../data/dependency-breaker';
import { createFailedTextResender, describeResend } from '../data/failed-text-resender';
import type { ResendReport } from '../core/failed-texts';
import { systemClock } from '../core/system-clock';
import { createLexiconSentimentAnalyzer } from '../core/sentiment/lexicon-sentiment';
import { createDocumentClient } from '../lambda-runtime/document-client';
import type { ApiDeps } from '../api/deps';
import { handleStreamEvent } from '../api/change-feed';
import { aggregateStreamEvent } from '../api/rollup-aggregator';
import { backfillRollups } from '../data/rollup-backfill';
import { refileUnderCalendar } from '../data/calendar-refiling';
import { DEFAULT_TIME_ZONE } from '../core/business-calendar';
import { createRollupRepository } from '../data/rollup-repository';
import { createAnalyticsRepository } from '../data/analytics-repository';
import { createConversationRepository } from '../data/conversation-repository';
import { createAlertStore, createOutboxAdminNotifier } from '../data/alert-repository';
import { checkRecentLateDeliveries, type ServiceAlert } from '../core/analytics-alerts';
import { generateLastWeekIfMissing } from '../core/executive-summary';
import { renderSummaryPdf } from '../api/summary-pdf';
import { createGraphQLPublisher } from '../api/graphql-publisher';
import { alertFindings, detectCorruption } from '../integrity/corruption-detector';
import { integrityReporter } from '../integrity/integrity-reporter';
import { createLocalTelemetry } from './local-telemetry';
import { createLocalVoicebot, LOCAL_FUNCTIONS } from './voicebot';
import { startMcpServer } from '../../mcp-server/src/server';
import { CALL_API_PATH } from './connect/connect-service';
import { SEED } from './connect/connect-state';
import {
  startFleetSimulator,
  type FleetSimulator,
  type FleetSimulatorSettings,
} from './fleet-simulator/fleet-simulator';

export const GROUPS = ['admin', 'courier', 'partner'];
/** The local proof-of-delivery bucket (amplify/storage in the cloud). */
export const PROOF_BUCKET = 'courier-proof-of-delivery';
const ROOT = resolve(import.meta.dirname, '../..');

export type StackOptions = {
  /** Persist under this folder; omit for a throwaway stack (tests). */
  dataDir?: string;
  host?: string;
  gatewayPort: number;
  webPort: number;
  region?: string;
  demoPassword: string;
  /** Seed the demo company when the data is empty. */
  seed: boolean;
  /** The seeded company's rules: the demo's (default), or none (tests that book at any hour they run). */
  seedRules?: 'demo' | 'unrestricted';
  /** How long an open circuit breaker waits before its trial call (30 s, as in the cloud, by default). */
  breakerHalfOpenMs?: number;
  /** 'dev': Vite middleware (hot reload); 'static': the built app from dist/web; 'none': API only. */
  web: 'dev' | 'static' | 'none';
  log?: (line: string) => void;
  /** Tile URL template served to the web app (amplify_outputs.json custom.mapTileUrl). */
  mapTileUrl?: string;
  /** The company's IANA time zone, whose days everything is filed under (default America/Los_Angeles). */
  timeZone?: string;
  /** Couriers moving through their deliveries on their own (local demo); off unless given. */
  simulator?: false | FleetSimulatorSettings;
  /** Provision the voicebot into the emulated Connect instance when no deployment has succeeded yet. */
  provisionVoicebot?: boolean;
  /** Run the partner MCP server on this port (0: a free one); off when absent. */
  mcpPort?: number;
};

export type Stack = {
  gatewayUrl: string;
  webUrl: string;
  graphqlUrl: string;
  realtimeUrl: string;
  apiKey: string;
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  tables: TableNames;
  deps: ApiDeps;
  doc: DynamoDBDocumentClient;
  cognito: CognitoIdentityProviderClient;
  outputs: ReturnType<typeof localAmplifyOutputs>;
  seeded: boolean;
  /** The demo partners' API tokens (also in DATA_DIR/demo-partner-tokens.json); empty without seeding. */
  demoPartnerTokens: DemoPartnerToken[];
  /** The running fleet simulator, when asked for. */
  simulator?: FleetSimulator;
  /** The partner MCP server's endpoint, when asked for. */
  mcpUrl?: string;
  /** Every local service's structured logs and metrics, one JSON object a line (src/local/local-telemetry.ts). */
  telemetryFile: string;
  /** Resolves when every table change so far has reached the subscribers. */
  flushChangeFeed(): Promise<void>;
  /** Runs the scheduler's late-delivery check now (or as at `now`); returns the alerts it raised. */
  checkLateDeliveries(now?: Date): Promise<ServiceAlert[]>;
  /** Runs the scheduler's failed-text resender now; returns what became of each failed customer text it saw. */
  resendFailedTexts(): Promise<ResendReport>;
  /**
   * Stops without losing a change: first what makes new work (the fleet simulator, the MCP server, GraphQL
   * mutations and Lambda invocations, which finish what they started), then the change feed is drained —
   * the aggregator and the notifier finish every record emitted so far — and only then do the GraphQL server
   * and the gateway close. Whatever a consumer still did not finish (a change made during the drain, a
   * process killed half-way) stays in the gateway's stream log and is delivered on the next start.
   */
  close(): Promise<void>;
  /** While `close` runs: the step it waits for, and the change-feed records handled so far (a drain's progress). */
  closing(): StopProgress | undefined;
};

/** The change feed's publish mutations: the notifier's calls, which the drain at shutdown depends on. */
const FEED_MUTATIONS = new Set([
  'publishBookingChanged',
  'publishCourierMoved',
  'publishDeploymentChanged',
  'publishAlertRaised',
]);

/**
 * The local stack's scheduled jobs (EventBridge Scheduler in the cloud). Stopped first at shutdown: no run starts
 * once the stack is stopping, and the runs under way finish before the change feed drains and the gateway closes.
 */
function createLocalScheduler() {
  const timers: ReturnType<typeof setTimeout>[] = [];
  const running = new Set<Promise<void>>();
  let open = true;
  const run = (job: () => Promise<void>) => {
    if (!open) return;
    const started = job();
    running.add(started);
    void started.finally(() => running.delete(started));
  };
  return {
    /** Runs `job` every `ms` (and once `firstAfterMs` after start, if given); `job` handles its own errors. */
    every(ms: number, job: () => Promise<void>, firstAfterMs?: number): void {
      timers.push(setInterval(() => run(job), ms).unref());
      if (firstAfterMs !== undefined) timers.push(setTimeout(() => run(job), firstAfterMs).unref());
    },
    async stop(): Promise<void> {
      open = false;
      for (const timer of timers) clearTimeout(timer);
      await Promise.allSettled([...running]);
    },
  };
}

/** Work the stack takes from outside; at shutdown it refuses new work and waits for what it started. */
function createIntake() {
  let open = true;
  const running = new Set<Promise<unknown>>();
  return {
    run<T>(work: () => Promise<T>, refuse: () => Error): Promise<T> {
      if (!open) return Promise.reject(refuse());
      const started = work();
      running.add(started);
      const done = () => void running.delete(started);
      started.then(done, done);
      return started;
    },
    async close(): Promise<void> {
      open = false;
      await Promise.allSettled([...running]);
    },
  };
}

const STOPPING = 'The local stack is stopping; try again once it is running.';
/** How often the local scheduler sends again the customer texts the SMS provider did not take (every minute in the cloud). */
const RESEND_TEXTS_MS = 30_000;
/** How often the local scheduler looks for deliveries past their ETA. */
const LATE_CHECK_MS = 30_000;

/**
 * Each change-feed batch as it reaches the notifier (`{ receivedAt: performance.now(), event }`), for a listener
 * timing the way from a write to its subscribers (the `live` benchmark's breakdown); nothing is sent otherwise.
 */
export const notifierBatches = channel('courier:change-feed:notifier');
/** How long after start the scheduler first looks for last week's executive summary. */
const SUMMARY_FIRST_MS = 20_000;

async function webMiddleware(
  mode: StackOptions['web'],
  outputs: () => object | undefined,
): Promise<{ middleware?: WebMiddleware; close(): Promise<void> }> {
  if (mode === 'none') return { close: async () => {} };
  if (mode === 'static') {
    // The production build gets the cloud's security headers. Vite's dev server (npm start) does not: its
    // development client runs inline scripts that the policy forbids.
    const { createStaticMiddleware } = await import('./static-web');
    const { localContentSecurityPolicy, securityHeaders } = await import('../web/security-headers');
    const headers = () => securityHeaders(localContentSecurityPolicy(outputs() ?? {}));
    return { middleware: createStaticMiddleware(join(ROOT, 'dist/web'), { headers }), close: async () => {} };
  }
  const { createServer } = await import('vite');
  const vite = await createServer({
    configFile: join(ROOT, 'src/web/vite.config.ts'),
    server: { middlewareMode: true, hmr: false },
    appType: 'spa',
    logLevel: 'warn',
  });
  return { middleware: vite.middlewares as unknown as WebMiddleware, close: () => vite.close() };
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const region = options.region ?? 'us-east-1';
  const host = options.host ?? '127.0.0.1';
  const throwaway = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'courier-stack-')));
  // Closed last-started-first; the order of the pushes below is the shutdown order read backwards.
  const closers: { name: string; close: () => Promise<void> }[] = [];
  const scheduler = createLocalScheduler();
  let closing: Promise<void> | undefined;
  /** The stop's step under way, and since when (a stop that overruns says what it was waiting for). */
  let closingStep: { name: string; since: number } | undefined;
  const step = async (name: string, close: () => Promise<void>) => {
    closingStep = { name, since: performance.now() };
    await close().catch(() => {});
  };
  /** Change-feed records the consumers have finished (0 before the gateway runs). */
  let changesHandled = () => 0;
  const closeAll = () =>
    (closing ??= (async () => {
      await step('scheduled jobs under way', () => scheduler.stop());
      for (const c of [...closers].reverse()) await step(c.name, c.close);
      closingStep = undefined;
      if (throwaway) await rm(dataDir, { recursive: true, force: true });
    })());
  const intake = createIntake();
  // Every service's structured logs and metrics in one file (closed last); the stack's own notices too.
  const telemetry = createLocalTelemetry({ file: join(dataDir, 'telemetry.jsonl'), print: options.log });
  closers.push({ name: 'telemetry file', close: () => telemetry.close() });
  const log = telemetry.note;

  try {
    // AWS gateway: DynamoDB + Cognito behind one port, in its own thread (as AWS is another service),
    // reached only through the AWS SDK.
    const gateway = await startGatewayWorker({
      port: options.gatewayPort,
      host,
      region,
      dynamoDataDir: throwaway ? undefined : join(dataDir, 'dynamodb'),
      cognitoDataDir: join(dataDir, 'cognito'),
      awsDataDir: throwaway ? undefined : join(dataDir, 'aws'),
      functions: LOCAL_FUNCTIONS,
      // Lex resolves "today" and "tomorrow" on the company's calendar, as the code hook reads them.
      timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
      onCognitoMessage: (m) => log(`[cognito] ${m.channel} to ${m.destination}: code ${m.code ?? '-'}`),
    });
    closers.push({ name: 'AWS gateway', close: () => gateway.close() });
    changesHandled = () => gateway.streamRecordsHandled();
    const gatewayUrl = gateway.url;

    const awsConfig = { endpoint: gatewayUrl, region, credentials: LOCAL_CREDENTIALS };
    const ddb = new DynamoDBClient(awsConfig);
    const doc = createDocumentClient(ddb);
    const cognito = new CognitoIdentityProviderClient(awsConfig);
    closers.push({
      name: 'AWS clients',
      close: async () => {
        ddb.destroy();
        cognito.destroy();
      },
    });

    const tables = localTableNames('courier-');
    await ensureTables(ddb, tables);
    const pool = await provisionUserPool(cognito, { poolName: 'courier-voicebot', clientName: 'web', groups: GROUPS });

    // Proof-of-delivery images: the gateway's S3 (path-style), the bucket created here as Amplify storage does.
    const proofs = { bucket: PROOF_BUCKET, s3: { ...awsConfig, forcePathStyle: true } };
    await ensureProofBucket(proofs.s3, proofs.bucket);

    // Known once the server listens (its port may be chosen by the OS).
    const served: { outputs?: ReturnType<typeof localAmplifyOutputs>; webUrl?: string } = {};
    const apiLog = telemetry.log('api');
    const lexicon = createLexiconSentimentAnalyzer();
    // Circuit breakers around Comprehend, the SMS provider and Amazon Location, as in the cloud; their state changes go to the
    // rollups, where the dashboard's health line reads them.
    const breakers = createDependencyBreakers({
      clock: systemClock,
      log: apiLog,
      record: dependencyRecorder(doc, tables.rollups),
      ...(options.breakerHalfOpenMs !== undefined ? { halfOpenAfterMs: options.breakerHalfOpenMs } : {}),
    });
    const baseDeps: ApiDeps = {
      ...createApiDeps({
        doc,
        tables,
        timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
        log: apiLog,
        mcpServiceArn: LOCAL_MCP_SERVICE.userArn,
        proofs,
        // Sentiment and customer SMS go through the gateway's Comprehend and End User Messaging SMS, as the cloud's
        // go to AWS (so /_local/faults can break them): Comprehend failing falls back to the lexicon; each SMS is
        // accepted, delivered nowhere and recorded in the outbox with its message id (the Messages page).
        sentiment: createComprehendSentimentAnalyzer({
          endpoint: gatewayUrl,
          region,
          credentials: LOCAL_CREDENTIALS,
          fallback: lexicon,
          log: apiLog,
          breaker: breakers.sentiment,
        }),
        // Addresses are placed through the gateway's Amazon Location Geocode (answered from the gazetteer), as the
        // cloud's are by Amazon Location: when it fails, the gazetteer places them directly.
        geocoder: createLocationGeocoder({
          endpoint: `${gatewayUrl}/v2`,
          region,
          credentials: LOCAL_CREDENTIALS,
          fallback: createGazetteerGeocoder(),
          log: apiLog,
          breaker: breakers.geocoder,
        }),
        sms: { client: awsConfig, settings: {} },
        breakers,
        // Customer SMS link to the web app this stack serves (its URL is known once the server listens).
        trackingBaseUrl: () => served.webUrl,
      }),
      // What the cloud's api-summaries and api-voicebot functions add: the executive summaries' PDFs beside the
      // proofs, and Lex V2's analytics of the deployed bot from the gateway's Lex emulator.
      summaries: createSummaryStore({ doc, table: tables.alerts, s3: new S3Client(proofs.s3), bucket: proofs.bucket }),
      lexAnalytics: createLexAnalyticsReader({ ...awsConfig, maxAttempts: 2 }),
    };
    // The voicebot's engine and Connect directory on the SDK through the gateway; the code hook is the
    // gateway's local Lambda function, run here.
    const voicebot = createLocalVoicebot({
      deps: baseDeps,
      endpoint: gatewayUrl,
      region,
      credentials: LOCAL_CREDENTIALS,
    });
    closers.push({ name: 'voicebot', close: async () => voicebot.close() });
    gateway.setFunctionRunner((name, event) =>
      intake.run(
        () => voicebot.runFunction(name, event),
        () => new Error(STOPPING),
      ),
    );
    const deps: ApiDeps = { ...baseDeps, provisioning: voicebot.engine, connectDirectory: voicebot.directory };
    const seeded = options.seed
      ? await seedDemoData({
          // The seed's hundreds of feedback texts are scored by the lexicon directly — the analyser the local
          // Comprehend answers with — as one DetectSentiment round trip each added ~10 s to a start at load 9.
          deps: { ...deps, sentiment: lexicon },
          cognito,
          userPoolId: pool.userPoolId,
          password: options.demoPassword,
          now: new Date(),
          log,
          rules: options.seedRules ?? 'demo',
          conversations: createConversationRepository(doc, tables.conversations),
        })
      : false;
    const demoPartnerTokens = options.seed ? await ensureDemoPartnerTokens({ deps, dataDir }) : [];

    // Seeding writes before the change feed is subscribed (the feed publishes through the GraphQL server,
    // which starts below), so the dashboard rollups of data that predates them are built once here, with the
    // aggregator's own rollup functions and version guards; from then on the change feed keeps them current.
    const rollups = createRollupRepository(doc, tables.rollups);
    const refiled = await refileUnderCalendar(doc, tables, deps.calendar);
    if (refiled && refiled.refiled > 0) {
      log(
        `[calendar] re-filed ${refiled.refiled} items under ${deps.calendar.timeZone} days (were ${refiled.from ?? 'UTC'})`,
      );
    }
    const analytics = createAnalyticsRepository(doc, tables.rollups);
    const built = await backfillRollups(doc, tables, rollups, deps.calendar, analytics);
    if (built.dashboard) log('[rollups] built the dashboard rollups from existing data');
    if (built.analytics) log('[rollups] built the analytics series from existing data');

    // The GraphQL server: the same router the api Lambda runs.
    const api = createApi(appRouter, deps);
    const apiKey = await localApiKey(dataDir, throwaway);
    const [schemaSdl, authRulesSdl] = await Promise.all([
      readFile(join(ROOT, 'graphql/schema.graphql'), 'utf8'),
      loadAuthRulesSdl(ROOT),
    ]);
    const web = await webMiddleware(options.web, () => served.outputs);
    closers.push({ name: 'web server', close: () => web.close() });
    const server = await createAppSyncServer({
      port: options.webPort,
      host,
      schemaSdl,
      authRulesSdl,
      // Client mutations go through the intake (closed at shutdown); the notifier's publications do not.
      resolve: (event) =>
        event.info.parentTypeName === 'Mutation' && !FEED_MUTATIONS.has(event.info.fieldName)
          ? intake.run(
              () => api.resolve(event),
              () => new AppSyncError('ServiceUnavailableException', STOPPING),
            )
          : api.resolve(event),
      apiKey,
      userPool: {
        issuer: gateway.issuer(pool.userPoolId),
        jwksUrl: gateway.jwksUrl(pool.userPoolId),
        clientId: pool.userPoolClientId,
      },
      iam: { ...LOCAL_CREDENTIALS, region },
      // The MCP server's own identity, allowed (like its IAM policy in the cloud) the partner operations only.
      iamServices: [{ ...LOCAL_MCP_SERVICE, policyFields: Object.keys(PARTNER_OPERATIONS) }],
      // Partner tokens sent to GraphQL directly: the authorizer Lambda's code, in-process.
      lambdaAuthorizer: {
        authorize: (event) => authorizePartnerRequest(event, deps),
        ttlSeconds: AUTHORIZER_TTL_SECONDS,
      },
      outputs: () => served.outputs ?? {},
      web: web.middleware,
      log: (entry) => log(JSON.stringify(entry)),
    });
    closers.push({ name: 'GraphQL server', close: () => server.close() });
    const webUrl = `http://localhost:${server.port}`;
    served.webUrl = webUrl;
    const graphqlUrl = `${webUrl}/graphql`;
    const outputs = localAmplifyOutputs({
      region,
      userPoolId: pool.userPoolId,
      userPoolClientId: pool.userPoolClientId,
      graphqlUrl,
      apiKey,
      cognitoEndpoint: gatewayUrl,
      groups: GROUPS,
      mapTileUrl: options.mapTileUrl,
      companyTimeZone: deps.calendar.timeZone,
      callSimulator: { url: `${gatewayUrl}${CALL_API_PATH}`, phoneNumber: SEED.phoneNumber },
    });

    served.outputs = outputs;

    // The change feed: table streams -> the aggregator -> dashboard rollups, and -> the notifier ->
    // IAM-signed publish mutations -> subscribers. Two consumers of the same records with a position each,
    // as the aggregator and notifier Lambdas have their own event source mappings in the cloud: neither
    // waits for the other (the dashboard re-reads a moment after a change), and each resumes on the next
    // start after the last batch it finished. Like reportBatchItemFailures, a failure means "retry this
    // batch"; a retry only repeats work: rollups skip records already applied, subscribers get the same
    // state again.
    const alertDeps = {
      alerts: createAlertStore(doc, tables.alerts),
      admins: createOutboxAdminNotifier(doc, tables.outbox),
    };
    const publish = createGraphQLPublisher({ url: graphqlUrl, region, credentials: LOCAL_CREDENTIALS });
    const retryOnFailure = ({ batchItemFailures }: { batchItemFailures: unknown[] }) => {
      if (batchItemFailures.length > 0) throw new Error(`${batchItemFailures.length} change-feed records failed`);
    };
    // The corruption detector reports as its Lambda does: EMF metrics and structured lines, into the telemetry file.
    const detectorLog = telemetry.log('corruption-detector');
    const detectorMetrics = telemetry.metrics('corruption-detector');
    const detector = {
      log: detectorLog,
      metrics: detectorMetrics,
      reporter: integrityReporter(detectorMetrics, detectorLog),
    };
    const aggregatorLog = telemetry.log('aggregator');
    const notifierLog = telemetry.log('stream-notifier');
    const consumers = [
      await gateway.subscribeStreams('aggregator', async (event) =>
        retryOnFailure(
          await aggregateStreamEvent(
            event,
            tables,
            rollups,
            deps.calendar,
            deps.partnerEvents,
            analytics,
            alertDeps,
            aggregatorLog,
          ),
        ),
      ),
      // The notifier is what someone waits on (subscribers see the change): it takes each record as it comes,
      // without the gateway's 10 ms batching window (Lambda's default MaximumBatchingWindowInSeconds for a
      // stream is 0 as well); the aggregator and the corruption detector keep theirs.
      await gateway.subscribeStreams(
        'stream-notifier',
        async (event) => {
          if (notifierBatches.hasSubscribers) notifierBatches.publish({ receivedAt: performance.now(), event });
          retryOnFailure(await handleStreamEvent(event, tables, publish, notifierLog));
        },
        { windowMs: 0 },
      ),
      // Corruption detection (issue 12): every booking and feedback write checked against the domain's invariants.
      await gateway.subscribeStreams('corruption-detector', async (event) => {
        const { findings } = detectCorruption(event, tables, deps.calendar, detector.reporter);
        detector.metrics.flush();
        await alertFindings(findings, tables, deps.calendar, alertDeps, (message, detail) =>
          detector.log.error(message, detail),
        );
      }),
    ];
    // Shutdown, after the intake closed (below): the consumers finish every record emitted so far while
    // the GraphQL server (the notifier's way to subscribers) and the gateway are still up, then stop.
    closers.push({
      name: "change feed consumers' last batches",
      close: async () => void (await Promise.all(consumers.map((stop) => stop()))),
    });
    // Late deliveries: time passing writes nothing, so a scheduler looks for them (in the cloud, EventBridge
    // Scheduler runs the late-deliveries batch job: src/jobs).
    const checkLate = async (now = new Date()) =>
      checkRecentLateDeliveries(deps.calendar.dayOf(now), now, {
        ...alertDeps,
        overdue: (day: string, before: Date, limit: number) => rollups.overdue(day, before, limit),
      });
    scheduler.every(LATE_CHECK_MS, () =>
      checkLate().then(
        () => undefined,
        (e: unknown) => log(`[alerts] late-delivery check failed: ${String(e)}`),
      ),
    );
    // Customer texts the SMS provider did not take, sent again once it answers (the text-resender function in the
    // cloud), through the same breaker as every other text.
    const resendTexts = createFailedTextResender({
      doc,
      tables,
      sms: { client: awsConfig, settings: {} },
      breaker: breakers.sms,
      clock: systemClock,
      log: apiLog,
    });
    scheduler.every(RESEND_TEXTS_MS, () =>
      resendTexts().then(
        (report) => {
          const line = describeResend(report);
          if (line) log(`[texts] ${line}`);
        },
        (e: unknown) => log(`[texts] resending failed customer texts failed: ${String(e)}`),
      ),
    );
    // The weekly executive summary: last week's, once, soon after start and then hourly (EventBridge Scheduler
    // in the cloud). Nothing to do when it exists.
    const summaryJob = async () => {
      const { summaries, analytics: series, admins } = deps;
      if (!summaries || !series || !admins) return;
      await generateLastWeekIfMissing(deps.calendar.dayOf(new Date()), {
        series,
        summaries,
        admins,
        render: renderSummaryPdf,
        clock: deps.clock,
      }).then(
        (made) => made && log(`[summary] generated the executive summary for the week of ${made.week}`),
        (e: unknown) => log(`[summary] executive summary failed: ${String(e)}`),
      );
    };
    scheduler.every(3_600_000, summaryJob, SUMMARY_FIRST_MS);
    closers.push({ name: 'change feed drain', close: () => gateway.flushStreams() });
    closers.push({ name: 'GraphQL requests and Lambda invocations under way', close: () => intake.close() });

    // The partner MCP server: a separate service in the cloud (Fargate or Lambda), here beside the API. It
    // checks partner tokens itself and calls GraphQL signed as its own service identity.
    const mcp =
      options.mcpPort === undefined
        ? undefined
        : await startMcpServer({
            port: options.mcpPort,
            host,
            graphqlUrl,
            region,
            serviceCredentials: LOCAL_MCP_SERVICE,
            awsConfig: doc,
            tables,
            log: telemetry.log('mcp'),
          });
    if (mcp) closers.push({ name: 'MCP server', close: () => mcp.close() });

    // First start: the bot goes into the emulated Connect instance through the same engine the wizard uses,
    // after the change feed is up (so its progress is published like any deployment's).
    if (options.provisionVoicebot) await voicebot.provisionIfNeeded(log);

    // Last to start, first to stop: it acts through the core like a courier's app, so its changes reach
    // subscribers through the change feed above.
    const simulator = options.simulator ? await startFleetSimulator({ ...options.simulator, deps, log }) : undefined;
    if (simulator) closers.push({ name: 'fleet simulator', close: () => simulator.stop() });

    return {
      gatewayUrl,
      webUrl,
      graphqlUrl,
      realtimeUrl: `ws://localhost:${server.port}/graphql/realtime`,
      apiKey,
      region,
      userPoolId: pool.userPoolId,
      userPoolClientId: pool.userPoolClientId,
      tables,
      deps,
      doc,
      cognito,
      outputs,
      seeded,
      demoPartnerTokens,
      ...(simulator ? { simulator } : {}),
      ...(mcp ? { mcpUrl: mcp.url } : {}),
      telemetryFile: telemetry.file,
      flushChangeFeed: () => gateway.flushStreams(),
      checkLateDeliveries: checkLate,
      resendFailedTexts: resendTexts,
      close: closeAll,
      closing: () =>
        closingStep && {
          step: closingStep.name,
          seconds: (performance.now() - closingStep.since) / 1000,
          changesHandled: changesHandled(),
        },
    };
  } catch (e) {
    await closeAll();
    throw e;
  }
}

/** A stable API key per data folder (like AppSync's da2-… keys), fresh for throwaway stacks. */
async function localApiKey(dataDir: string, throwaway: boolean): Promise<string> {
  const file = join(dataDir, 'api-key');
  if (!throwaway) {
    const existing = await readFile(file, 'utf8').catch(() => undefined);
    if (existing) return existing.trim();
  }
  const key = `da2-${randomBytes(13).toString('hex')}`;
  const { writeFile, mkdir } = await import('node:fs/promises');
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, key);
  return key;
}
