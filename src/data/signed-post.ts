// SigV4 for a hand-made AWS call over HTTP POST — AppSync from the change-feed publisher and the MCP server, SNS
// Publish for the admins' notices: the URL taken apart for the signer in one place.
import type { SignatureV4 } from '@smithy/signature-v4';

/** The headers that send `body` to `url` signed; `path` when the signed path is not the URL's (AppSync real-time). */
export async function signedPostHeaders(
  signer: SignatureV4,
  url: URL,
  headers: Record<string, string>,
  body: string,
  path: string = url.pathname,
): Promise<Record<string, string>> {
  const signed = await signer.sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path,
    headers: { ...headers, host: url.host },
    body,
  });
  return signed.headers as Record<string, string>;
}
