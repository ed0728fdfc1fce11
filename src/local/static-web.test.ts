import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticMiddleware } from './static-web';

const SCRIPT = `export const day = ${JSON.stringify('x'.repeat(2000))};`;

let root: string;
let server: Server;
let origin: string;
let setPolicy: (policy: string) => void;

function fetchRaw(path: string, headers: Record<string, string> = {}): Promise<{ res: IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(`${origin}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ res, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'static-web-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
  await writeFile(join(root, 'assets', 'app-1a2b.js'), SCRIPT);
  let policy = "default-src 'self'";
  const middleware = createStaticMiddleware(root, { headers: () => ({ 'content-security-policy': policy }) });
  setPolicy = (next) => (policy = next);
  server = createServer((req, res) => middleware(req, res, () => res.writeHead(404).end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(root, { recursive: true, force: true });
});

describe('createStaticMiddleware', () => {
  it('sends text gzipped to a browser that accepts it, as the cloud CDN does', async () => {
    // Act
    const { res, body } = await fetchRaw('/assets/app-1a2b.js', { 'accept-encoding': 'gzip, deflate, br' });

    // Assess
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toBe('accept-encoding');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(body.length).toBeLessThan(SCRIPT.length / 4);
    expect(gunzipSync(body).toString()).toBe(SCRIPT);
  });

  it('sends it as it is to a client that does not, and falls back to index.html for app routes', async () => {
    // Act
    const script = await fetchRaw('/assets/app-1a2b.js');
    const route = await fetchRaw('/today');

    // Assess
    expect(script.res.headers['content-encoding']).toBeUndefined();
    expect(script.body.toString()).toBe(SCRIPT);
    expect(route.res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(route.res.headers['cache-control']).toBe('no-cache');
    expect(route.body.toString()).toContain('<div id="root">');
  });

  it('sends the headers it is given, read for each response (the policy names ports known later)', async () => {
    // Act
    const before = await fetchRaw('/today');
    setPolicy("default-src 'self'; connect-src 'self' ws://localhost:20002");
    const after = await fetchRaw('/today');

    // Assess
    expect(before.res.headers['content-security-policy']).toBe("default-src 'self'");
    expect(after.res.headers['content-security-policy']).toBe(
      "default-src 'self'; connect-src 'self' ws://localhost:20002",
    );
  });
});
