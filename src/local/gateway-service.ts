// The contract between the AWS gateway (src/local/gateway.ts) and each service it routes to.
import type { IncomingMessage, ServerResponse } from 'node:http';

export type GatewayRequest = {
  method: string;
  /** Path with query string, as received. */
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
};

export type GatewayService = {
  name: string;
  /** True when this service answers the request (by X-Amz-Target, signing service in Authorization, or path). */
  matches(req: GatewayRequest): boolean;
  handle(req: GatewayRequest, res: ServerResponse): Promise<void>;
  close(): Promise<void>;
};
