// The partner MCP app, independent of transport (MCP SDK examples' split): registers the tools on a FastMCP
// server, each hidden and refused outside the token's scopes, audited on every call, and serves the
// protected-resource metadata. server.ts (HTTP) and lambda.ts choose how requests reach it.
import { FastMCP, FastMCPSession, type Logger, type Tool } from 'fastmcp';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import {
  CallToolRequestSchema,
  CompleteRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
  SetLevelRequestSchema,
  type CallToolResult,
  type ListToolsResult,
} from '@modelcontextprotocol/sdk/types.js';
import { recordAudit } from '../../src/core/audit';
import { ForbiddenError, UnauthorizedError } from '../../src/core/errors';
import type { AuditRepository, Clock } from '../../src/core/ports';
import type { Log } from '../../src/observability/telemetry';
import type { GraphQLCaller } from './graphql-client';
import { PROTECTED_RESOURCE_METADATA_PATH, type McpSessionAuth, type ProtectedResourceMetadata } from './partner-auth';
import { parseToolArguments, toolParameters } from './tool-parameters';
import { toToolFailure, type ToolErrorResult } from './tool-errors';
import type { ToolResult } from './tool-results';
import { PARTNER_TOOLS, type PartnerTool } from './tools';

export const SERVER_NAME = 'courier-partners';
export const SERVER_VERSION = '1.0.0';

const INSTRUCTIONS =
  'Tools of the courier company for its partners: book couriers, track and list your bookings, change or cancel ' +
  'them while allowed, follow status changes, and leave feedback. Every tool acts on your own company’s bookings ' +
  'only. Errors say what was wrong and how to fix it; a RateLimitError says when to retry.';

export type McpAppDeps = {
  graphql: GraphQLCaller;
  audit: AuditRepository;
  clock: Clock;
  log: Log;
  /** Verifies the bearer token of every HTTP request; absent when sessions are connected in-process. */
  authenticate?: (req: import('node:http').IncomingMessage) => Promise<McpSessionAuth>;
  /** RFC 9728 metadata, served at /.well-known/oauth-protected-resource when given. */
  metadata?: ProtectedResourceMetadata;
  /**
   * Write audit entries after answering instead of before (a long-running server, which drains them on
   * stop). A Lambda must not: its environment freezes as soon as it has answered.
   */
  auditInBackground?: boolean;
};

export type McpApp = {
  server: FastMCP<McpSessionAuth>;
  /** A one-request session for stateless transports (Lambda): the caller's tools only, no capability polling. */
  createStatelessSession(auth: McpSessionAuth): Server;
  /** Resolves when every audit entry written so far is stored. */
  flushAudit(): Promise<void>;
};

/** FastMCP's own chatter at debug level stays out of the log; the rest goes to the structured log. */
export function fastMcpLogger(log: Log): Logger {
  const text = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
  return {
    debug: () => {},
    log: (...a) => log.info(text(a)),
    info: (...a) => log.info(text(a)),
    warn: (...a) => log.warn(text(a)),
    error: (...a) => log.error(text(a)),
  };
}

const mayUse = (tool: PartnerTool) => (auth: McpSessionAuth | undefined) => !!auth && auth.scopes.includes(tool.scope);

type AuditQueue = { write(entry: Promise<unknown>): Promise<void>; flush(): Promise<void> };

function auditQueue(inBackground: boolean): AuditQueue {
  const pending = new Set<Promise<unknown>>();
  return {
    write: async (entry) => {
      if (!inBackground) {
        await entry;
        return;
      }
      pending.add(entry);
      void entry.finally(() => pending.delete(entry));
    },
    flush: async () => {
      await Promise.allSettled([...pending]);
    },
  };
}

type ToolRunner = (auth: McpSessionAuth | undefined, args: unknown) => Promise<ToolResult | ToolErrorResult>;

/** One tool call for a verified caller: scope check, arguments, the GraphQL operation, the audit entry. */
function toolRunner(tool: PartnerTool, deps: McpAppDeps, audits: AuditQueue): ToolRunner {
  return async (auth, args) => {
    const started = performance.now();
    if (!auth) {
      return toToolFailure(tool.name, new UnauthorizedError('This session has no partner token.'), deps.log).result;
    }
    let result: ToolResult | ToolErrorResult;
    let outcome = 'ok';
    try {
      // Hidden tools are refused by FastMCP already; this holds for any session however it was made.
      if (!mayUse(tool)(auth)) {
        throw new ForbiddenError(`This token does not have the ${tool.scope} scope that ${tool.name} needs.`, {
          resolution: 'Ask the courier company for a token with that scope.',
        });
      }
      const parsed = parseToolArguments(tool.name, tool.schema, args);
      result = await tool.run(parsed, { graphql: deps.graphql, actingFor: { tokenId: auth.tokenId } });
    } catch (e) {
      const failure = toToolFailure(tool.name, e, deps.log);
      outcome = failure.outcome;
      result = failure.result;
    }
    await audits.write(
      recordAudit(
        {
          partnerId: auth.partnerId,
          tokenId: auth.tokenId,
          source: 'mcp',
          operation: tool.name,
          args,
          outcome,
          latencyMs: performance.now() - started,
          at: deps.clock.now(),
        },
        { audit: deps.audit },
      ).catch((e: unknown) => deps.log.error('audit write failed', e)),
    );
    return result;
  };
}

function toFastMcpTool(tool: PartnerTool, run: ToolRunner): Tool<McpSessionAuth> {
  return {
    name: tool.name,
    description: tool.description,
    annotations: tool.annotations,
    parameters: toolParameters(tool.schema),
    canAccess: mayUse(tool),
    execute: (args, context) => run(context.session, args),
  };
}

/**
 * FastMCP's own `tools/list` answer for every tool (its JSON Schema of each tool's parameters), asked once of a
 * FastMCP session in memory; a stateless session answers with the part its token's scopes allow.
 */
function fastMcpToolListing(tools: Tool<McpSessionAuth>[], logger: Logger): () => Promise<ListToolsResult['tools']> {
  let listing: Promise<ListToolsResult['tools']> | undefined;
  const list = async () => {
    const session = new FastMCPSession<McpSessionAuth>({
      name: SERVER_NAME,
      version: SERVER_VERSION,
      instructions: INSTRUCTIONS,
      logger,
      prompts: [],
      resources: [],
      resourcesTemplates: [],
      roots: { enabled: false },
      ping: { enabled: false },
      tools,
      stateless: true,
      transportType: 'httpStream',
    });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const client = new Client({ name: SERVER_NAME, version: SERVER_VERSION });
    try {
      await session.connect(serverSide);
      await client.connect(clientSide);
      return (await client.listTools()).tools;
    } finally {
      await client.close();
      await session.close();
    }
  };
  return () => {
    listing ??= list().catch((e: unknown) => {
      listing = undefined;
      throw e;
    });
    return listing;
  };
}

/** What a FastMCP session declares (FastMCP adds logging and completions to every server's capabilities). */
const CAPABILITIES = { tools: {}, logging: {}, completions: {} };

/**
 * Answers `tools/call` on a stateless session without FastMCP's own handler, which waits a fixed
 * `setTimeout(1)` after every tool (fastmcp 4.20.16, dist chunk: `await delay(1)`, there to let streamed
 * content and progress notifications flush; no option turns it off). These tools stream nothing and report
 * no progress, and on a loaded machine that timer costs 1–4 ms of every call (issue 14). What FastMCP's
 * handler does besides is kept: only the session's own tools (those the token's scopes allow) can be
 * called, an unknown name is a MethodNotFound error, and the arguments reach the tool as sent (our
 * parameters' validator accepts anything; the tool checks them itself and answers with a tool error).
 */
function answerToolCallsDirectly(server: Server, auth: McpSessionAuth, runners: ReadonlyMap<string, ToolRunner>): void {
  server.setRequestHandler(CallToolRequestSchema, async (request): Promise<CallToolResult> => {
    const run = runners.get(request.params.name);
    if (!run) throw new McpError(ErrorCode.MethodNotFound, `Unknown tool: ${request.params.name}`);
    return run(auth, request.params.arguments ?? {});
  });
}

export function buildMcpServer(deps: McpAppDeps): McpApp {
  const logger = fastMcpLogger(deps.log);
  const server = new FastMCP<McpSessionAuth>({
    name: SERVER_NAME,
    version: SERVER_VERSION,
    instructions: INSTRUCTIONS,
    logger,
    ...(deps.authenticate ? { authenticate: deps.authenticate } : {}),
    health: { enabled: true, path: '/health', message: 'ok' },
    // Stateless requests have no standing stream to ping over.
    ping: { enabled: false },
    roots: { enabled: false },
  });
  const audits = auditQueue(deps.auditInBackground ?? false);
  const runners = new Map(PARTNER_TOOLS.map((t) => [t.name, toolRunner(t, deps, audits)] as const));
  const tools = PARTNER_TOOLS.map((t) => toFastMcpTool(t, runners.get(t.name)!));
  server.addTools(tools);
  // Stateless sessions are plain SDK servers sharing one JSON Schema validator: a FastMCP session builds a new
  // SDK Server per request, and with it a new Ajv instance and its formats (≈ 1 ms of every call at load, for
  // elicitation, which these tools never use); FastMCP gives no way to pass one in.
  const jsonSchemaValidator = new AjvJsonSchemaValidator();
  const listTools = fastMcpToolListing(tools, logger);

  if (deps.metadata) {
    const metadata = deps.metadata;
    const app = server.getApp();
    // RFC 9728 §3.1 places a path-bearing resource's metadata under the path too (…/oauth-protected-resource/mcp).
    app.get(PROTECTED_RESOURCE_METADATA_PATH, (c) => c.json(metadata));
    app.get(`${PROTECTED_RESOURCE_METADATA_PATH}/*`, (c) => c.json(metadata));
  }

  return {
    server,
    flushAudit: audits.flush,
    createStatelessSession: (auth) => {
      const allowed = new Set(tools.filter((t) => t.canAccess?.(auth) ?? true).map((t) => t.name));
      const server = new Server(
        { name: SERVER_NAME, version: SERVER_VERSION },
        { capabilities: CAPABILITIES, instructions: INSTRUCTIONS, jsonSchemaValidator },
      );
      server.onerror = (error) => logger.error('[MCP error]', error);
      server.setRequestHandler(ListToolsRequestSchema, async () => ({
        tools: (await listTools()).filter((t) => allowed.has(t.name)),
      }));
      // What FastMCP's session answers, with no prompts or resources to complete and a level that changes nothing.
      server.setRequestHandler(SetLevelRequestSchema, () => ({}));
      server.setRequestHandler(CompleteRequestSchema, () => {
        throw new McpError(ErrorCode.InvalidParams, 'This server has no prompts or resources to complete.');
      });
      answerToolCallsDirectly(server, auth, new Map([...allowed].map((name) => [name, runners.get(name)!])));
      return server;
    },
  };
}
