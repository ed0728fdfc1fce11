// Process entry of the MCP server container (and `npx tsx mcp-server/src/main.ts`): configuration from the
// environment, the HTTP server, a clean stop on SIGTERM (ECS) or Ctrl-C.
import { jsonLog } from '../../src/observability/telemetry';
import { loadMcpConfig } from './config';
import { startMcpServer } from './server';

const log = jsonLog('mcp');
const config = loadMcpConfig();
const server = await startMcpServer({ ...config, log });
log.info(`partner MCP server listening on ${server.url}`, { metadata: server.resourceMetadataUrl });

const stop = async (signal: string) => {
  log.info(`stopping on ${signal}`);
  await server.close().catch((e: unknown) => log.error('stop failed', e));
  process.exit(0);
};
process.once('SIGTERM', () => void stop('SIGTERM'));
process.once('SIGINT', () => void stop('SIGINT'));
