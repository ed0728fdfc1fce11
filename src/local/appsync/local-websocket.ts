// A `ws` WebSocket for Node that lets the unmodified aws-amplify client reach the local real-time endpoint:
// Amplify always derives a wss:// URL from the GraphQL endpoint, and the local server speaks plain ws://.
import WebSocket, { type ClientOptions } from 'ws';

const LOCAL_WSS = /^wss:\/\/(localhost|127\.0\.0\.1|\[::1\])([:/?]|$)/i;

/** wss://localhost… and wss://127.0.0.1… become ws://…; every other URL is left alone. */
export function toLocalRealtimeUrl(url: string | URL): string {
  const text = String(url);
  return LOCAL_WSS.test(text) ? `ws://${text.slice('wss://'.length)}` : text;
}

/** Install with `globalThis.WebSocket = LocalWebSocket` before Amplify opens a subscription. */
export class LocalWebSocket extends WebSocket {
  constructor(address: string | URL, protocols?: string | string[], options?: ClientOptions) {
    super(toLocalRealtimeUrl(address), protocols, options);
  }
}
