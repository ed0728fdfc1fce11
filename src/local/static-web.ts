// Serves the built web app (dist/web) with single-page-app fallback to index.html, compressed as the cloud's
// CDN serves it (Amplify Hosting gzips text), so a throttled first load downloads what a phone would, and with
// the CDN's security headers (`headers`, read per response: the policy names endpoints known once the stack is up).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { createGzip } from 'node:zlib';
import type { WebMiddleware } from './appsync';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** Already compressed formats (images, fonts) go as they are. */
const TEXT = new Set(['.html', '.js', '.css', '.json', '.webmanifest', '.svg', '.map']);

export function createStaticMiddleware(
  root: string,
  { headers = () => ({}) }: { headers?: () => Record<string, string> } = {},
): WebMiddleware {
  const base = normalize(root + sep);
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(base, path));
    if (!file.startsWith(base)) return next();
    void (async () => {
      const target = await stat(file).then(
        (s) => (s.isFile() ? file : join(base, 'index.html')),
        () => join(base, 'index.html'),
      );
      const exists = await stat(target).then(
        () => true,
        () => false,
      );
      if (!exists) return next();
      const text = TEXT.has(extname(target));
      const gzip = text && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      res.writeHead(200, {
        ...headers(),
        'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
        'cache-control': target.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        ...(text ? { vary: 'accept-encoding' } : {}),
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      });
      if (req.method === 'HEAD') return res.end();
      const body = createReadStream(target);
      if (gzip) body.pipe(createGzip()).pipe(res);
      else body.pipe(res);
    })();
  };
}
