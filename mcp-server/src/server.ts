// The partner MCP server over HTTP (ECS Fargate, `npm start`, docker-compose): FastMCP's streamable HTTP
// transport in stateless mode on /mcp, with /health and the protected-resource metadata beside it.
import { createServer, type AddressInfo } from 'node:net';
import { createMcpRuntime, type McpRuntimeOptions } from './runtime';

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

/**
 * Starts the server. Stateless: every HTTP request is authenticated and served on its own, so any instance
 * can take any request (scale-out behind a load balancer, or Lambda) and a first tool call needs no
 * session set-up round trips beyond `initialize`.
 */
export async function startMcpServer(options: StartMcpServerOptions): Promise<McpServer> {
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
          stateless: options.stateless ?? true,
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
