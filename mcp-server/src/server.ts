// The partner MCP server over HTTP (ECS Fargate, `npm start`, docker-compose): streamable HTTP in stateless
// mode on /mcp, with /health and the protected-resource metadata beside it — the same web-standard handler
// the Lambda entry uses, behind a plain node:http server.
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { jsonLog, type Log } from '../../src/observability/telemetry';
import { createMcpRuntime, type McpRuntimeOptions } from './runtime';
import { createStatelessHandler, type StatelessHandler } from './stateless-handler';

export const DEFAULT_MCP_PORT = 8787;
export const MCP_ENDPOINT = '/mcp';

export type StartMcpServerOptions = Omit<McpRuntimeOptions, 'publicUrl'> & {
  /** 0 picks a free port. */
  port: number;
  /** Interface to listen on; 127.0.0.1 unless given (0.0.0.0 in a container). */
  host?: string;
  /** Canonical URL clients use; http://localhost:<port>/mcp unless given (set it behind a load balancer). */
  publicUrl?: string;
  /**
   * Stateless (default): no session state, any instance serves any request, connect ≈ one round trip.
   * Stateful keeps a session per client on this instance (FastMCP then waits up to 1 s for client capabilities).
   */
  stateless?: boolean;
};

export type McpServer = {
  /** The MCP endpoint, e.g. http://localhost:8787/mcp. */
  url: string;
  port: number;
  resourceMetadataUrl: string;
  /** Resolves when the audit entries of the calls answered so far are stored. */
  flushAudit(): Promise<void>;
  /** Stops accepting requests, then drains the audit entries still being written. */
  close(): Promise<void>;
};

async function freePort(host: string): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, host, resolve);
  });
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const isAddressInUse = (e: unknown) => (e as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';

/** Requests larger than this are refused (413); a tool call's arguments are a few KB. */
const MAX_BODY_BYTES = 1024 * 1024;
/** Longer than a load balancer's idle timeout (ALB: 60 s), so the balancer, not this server, ends idle connections. */
const KEEP_ALIVE_TIMEOUT_MS = 300_000;

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Serves the stateless handler over node:http. Browsers may call it from any origin (CORS `*`, as FastMCP's
 * server did): a request still needs the partner token, which a browser never sends on its own.
 */
function nodeListener(handle: StatelessHandler, origin: string, log: Log) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      if (req.headers.origin) {
        res.setHeader('vary', 'Origin');
        res.setHeader('access-control-allow-origin', '*');
        res.setHeader('access-control-expose-headers', 'Mcp-Session-Id');
      }
      if (req.method === 'OPTIONS') {
        res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
        res.setHeader(
          'access-control-allow-headers',
          'Content-Type, Authorization, Accept, Mcp-Session-Id, Mcp-Protocol-Version, Last-Event-ID',
        );
        res.writeHead(204).end();
        return;
      }
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      const body = hasBody ? await readBody(req) : undefined;
      if (hasBody && !body) {
        res.writeHead(413, { 'content-type': 'text/plain' }).end('Request body too large');
        return;
      }
      const headers = new Headers();
      for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
      const response = await handle(
        new Request(new URL(req.url ?? '/', origin), {
          method: req.method ?? 'GET',
          headers,
          ...(body ? { body: body.toString('utf8') } : {}),
        }),
      );
      const out: Record<string, string> = {};
      response.headers.forEach((value, key) => {
        out[key] = value;
      });
      res.writeHead(response.status, out);
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (e) {
      log.error('MCP HTTP request failed', e);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end();
    }
  };
}

/** Stateless: our own node:http server in front of the web-standard handler, sessions made per request. */
async function startStateless(options: StartMcpServerOptions): Promise<McpServer> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? jsonLog('mcp');
  let publicUrl = options.publicUrl;
  // Requests wait for the runtime, which needs the port (publicUrl) — none can arrive before it is set.
  let handle: StatelessHandler = () => Promise.resolve(new Response('starting', { status: 503 }));
  const http = createHttpServer(nodeListener((r) => handle(r), 'http://localhost', log));
  http.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  http.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const { port } = http.address() as AddressInfo;
  publicUrl ??= `http://localhost:${port}${MCP_ENDPOINT}`;
  // Audit entries are written just after each answer, off the caller's path, and drained on close.
  const rt = createMcpRuntime({ ...options, publicUrl, auditInBackground: true });
  handle = createStatelessHandler(rt, log);
  return {
    url: `http://localhost:${port}${MCP_ENDPOINT}`,
    port,
    resourceMetadataUrl: rt.resourceMetadataUrl,
    flushAudit: rt.app.flushAudit,
    close: async () => {
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeIdleConnections();
      });
      await rt.app.flushAudit();
      rt.close();
    },
  };
}

/**
 * Starts the server. Stateless: every HTTP request is authenticated and served on its own, so any instance
 * can take any request (scale-out behind a load balancer, or Lambda) and a first tool call needs no
 * session set-up round trips beyond `initialize`.
 */
export async function startMcpServer(options: StartMcpServerOptions): Promise<McpServer> {
  if (options.stateless ?? true) return startStateless(options);
  const host = options.host ?? '127.0.0.1';
  // FastMCP does not report the port it bound, so port 0 is resolved here (and retried if taken meanwhile).
  for (let attempt = 1; ; attempt++) {
    const port = options.port === 0 ? await freePort(host) : options.port;
    const publicUrl = options.publicUrl ?? `http://localhost:${port}${MCP_ENDPOINT}`;
    // Audit entries are written just after each answer, off the caller's path, and drained on close.
    const runtime = createMcpRuntime({ ...options, publicUrl, auditInBackground: true });
    try {
      await runtime.app.server.start({
        transportType: 'httpStream',
        httpStream: {
          port,
          host,
          endpoint: MCP_ENDPOINT,
          stateless: false,
          enableJsonResponse: true,
        },
      });
    } catch (e) {
      runtime.close();
      if (options.port === 0 && isAddressInUse(e) && attempt < 5) continue;
      throw e;
    }
    return {
      url: `http://localhost:${port}${MCP_ENDPOINT}`,
      port,
      resourceMetadataUrl: runtime.resourceMetadataUrl,
      flushAudit: runtime.app.flushAudit,
      close: async () => {
        await runtime.app.server.stop();
        await runtime.app.flushAudit();
        runtime.close();
      },
    };
  }
}
