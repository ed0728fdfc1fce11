// The contract between the AWS gateway (src/local/gateway.ts) and each service it routes to.
import type { IncomingMessage, ServerResponse } from 'node:http';

export type GatewayRequest = {
  method: string;
  /** Path with query string, as received. */
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
};

/** An answer written straight to the socket, for a request Node refused before it became a request. */
export type RawAnswer = { status: number; headers: Record<string, string>; body: string };

export type GatewayService = {
  name: string;
  /**
   * The service's answer to a request whose header section is over Node's limit (16 KiB), given the bytes that
   * came (request line first); undefined when those bytes are not a request for this service.
   */
  answerOversizedHeaders?(head: string): RawAnswer | undefined;
  /** True when this service answers the request (by X-Amz-Target, signing service in Authorization, or path). */
  matches(req: GatewayRequest): boolean;
  handle(req: GatewayRequest, res: ServerResponse): Promise<void>;
  close(): Promise<void>;
};
