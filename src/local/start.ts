// `npm start`: the whole system on this machine (gateway, GraphQL server, web app, demo data).
// `npm start -- --reset` starts from empty.
import { rm } from 'node:fs/promises';
import { loadLocalConfig, type SimulatorConfig } from './config';
import { startStack } from './stack';
import { stopOnSignals } from './stop-on-signals';
import { SEED } from './connect/connect-state';

// Under Node < 22 the AWS SDK warns at every start (once per copy of @aws-sdk/core: twice here) that its releases
// after the first week of January 2027 need Node 22. The README says which Node versions this project supports, so
// the notice leaves nothing to do here: the SDK's own switch turns it off (read when the first client is built;
// worker threads inherit it), unless it is set already. Every other process warning still prints.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

function simulatorLine(simulator: SimulatorConfig): string {
  if (!simulator) return 'Fleet simulator is off (SIMULATOR=off); leave SIMULATOR unset to see couriers move.\n';
  const booking =
    simulator.newBookingEveryMs === false
      ? 'no new bookings'
      : `a new booking every ${Math.round(simulator.newBookingEveryMs / 1000)} s`;
  return (
    `Fleet simulator: up to ${simulator.couriers} couriers work their deliveries at ${simulator.speedUp}× speed, ${booking}.\n` +
    '  Turn it off with SIMULATOR=off (tune: SIMULATOR_SPEEDUP, SIMULATOR_TICK_MS, SIMULATOR_COURIERS).\n'
  );
}

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadLocalConfig();
  if (process.argv.includes('--reset')) {
    await rm(config.dataDir, { recursive: true, force: true });
    console.log(`Reset: removed ${config.dataDir}`);
  }
  const stack = await startStack({
    dataDir: config.dataDir,
    host: config.host,
    gatewayPort: config.gatewayPort,
    webPort: config.webPort,
    region: config.region,
    demoPassword: config.demoPassword,
    mapTileUrl: config.mapTileUrl,
    timeZone: config.timeZone,
    seed: true,
    web: 'dev',
    log: (line) => console.log(line),
    simulator: config.simulator,
    provisionVoicebot: true,
    mcpPort: config.mcpPort,
  });

  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const p = config.demoPassword;
  console.log(`
Courier Voicebot is running (ready in ${secs}s)${stack.seeded ? ' — demo data seeded' : ''}

  Web app            ${stack.webUrl}/
  GraphQL            ${stack.graphqlUrl}
  Real-time          ${stack.realtimeUrl}
  Client config      ${stack.webUrl}/amplify_outputs.json
  AWS gateway        ${stack.gatewayUrl}   (DynamoDB, Cognito, S3, Lex V2, Connect, IAM, Lambda)
  Public API key     ${stack.apiKey}
  Partner MCP server ${stack.mcpUrl ?? 'off'}
  Logs and metrics   ${stack.telemetryFile}   (every service, one JSON line each: tail -f, jq)

Voicebot: call ${SEED.phoneNumber} from the test-call page (${stack.webUrl}/voicebot/test-call),
  or POST ${stack.outputs.custom.callSimulator?.url}/calls {"from":"+12065550123","phoneNumber":"${SEED.phoneNumber}"}

Demo partner tokens (MCP: Authorization: Bearer <token>; GraphQL: Authorization: <token>):
${stack.demoPartnerTokens.map((t) => `  ${t.partnerName.padEnd(8)} ${t.token}`).join('\n') || '  (none: seeding is off)'}

Sign in with (password for all: ${p}):
  admin@example.com                      admin
  courier1@example.com … courier25@example.com   couriers
  partner@example.com                    partner "Acme"
  partner2@example.com                   partner "Globex"

${simulatorLine(config.simulator)}
Data lives in ${config.dataDir} (npm start -- --reset starts from empty). Ctrl-C stops everything.
`);

  // Ctrl-C: new work refused, the change feed drained, then everything closed (see Stack.close).
  stopOnSignals(stack);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
