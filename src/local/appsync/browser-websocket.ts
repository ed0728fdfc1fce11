// The browser counterpart of LocalWebSocket: lets aws-amplify's wss:// real-time URL reach a local server
// that serves plain ws:// (the web app served over http:// from localhost or a LAN address).

/** Replaces window.WebSocket with a subclass that downgrades wss:// to ws:// for the given hosts. */
export function installLocalWebSocket(hosts: readonly string[] = ['localhost', '127.0.0.1', '[::1]']): void {
  const Native = globalThis.WebSocket;
  const local = new Set(hosts.map((h) => h.toLowerCase()));
  const rewrite = (url: string | URL): string | URL => {
    const parsed = new URL(String(url));
    if (parsed.protocol !== 'wss:' || !local.has(parsed.hostname.toLowerCase())) return url;
    parsed.protocol = 'ws:';
    return parsed.toString();
  };
  class BrowserLocalWebSocket extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(rewrite(url), protocols);
    }
  }
  globalThis.WebSocket = BrowserLocalWebSocket;
}
