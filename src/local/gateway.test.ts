import type { ServerResponse } from 'node:http';
import { connect } from 'node:http2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from './gateway';
import type { GatewayRequest, GatewayService } from './gateway-service';

function echoService(name: string, prefix: string): GatewayService & { closed: boolean } {
  return {
    name,
    closed: false,
    matches: (req: GatewayRequest) => req.url.startsWith(prefix),
    async handle(req: GatewayRequest, res: ServerResponse) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ service: name, method: req.method, body: req.body.toString('utf8') }));
    },
    async close() {
      this.closed = true;
    },
  };
}

describe('startGateway', () => {
  const first = echoService('first', '/a');
  const second = echoService('second', '/');
  let gateway: Gateway;
  beforeAll(async () => {
    gateway = await startGateway({ port: 0, services: [first, second] });
  });
  afterAll(async () => {
    await gateway.close();
  });

  it('routes to the first matching service with the whole body', async () => {
    // Act
    const a = await fetch(`${gateway.url}/a/x`, { method: 'POST', body: 'hello' });
    const b = await fetch(`${gateway.url}/b`, { method: 'PUT', body: 'x'.repeat(100_000) });

    // Assess
    expect(await a.json()).toEqual({ service: 'first', method: 'POST', body: 'hello' });
    expect(((await b.json()) as { service: string; body: string }).body).toHaveLength(100_000);
  });

  it('answers a CORS preflight from a localhost origin and exposes AWS headers', async () => {
    // Act
    const preflight = await fetch(`${gateway.url}/a`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:4000',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-amz-target,content-type,x-amz-user-agent',
      },
    });
    const actual = await fetch(`${gateway.url}/a`, { method: 'POST', headers: { origin: 'http://localhost:4000' } });
    const foreign = await fetch(`${gateway.url}/a`, { method: 'POST', headers: { origin: 'https://evil.example' } });

    // Assess
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:4000');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('x-amz-target,content-type,x-amz-user-agent');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(actual.headers.get('access-control-expose-headers')).toContain('x-amzn-requestid');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('startGateway without a matching service', () => {
  it('answers 400 in the AWS error shape naming what it could not route, and closes services', async () => {
    // Prepare
    const only = echoService('only', '/only');
    const gateway = await startGateway({ port: 0, services: [only] });

    // Act
    const response = await fetch(`${gateway.url}/`, {
      method: 'POST',
      headers: { 'x-amz-target': 'Kinesis_20131202.PutRecord' },
    });
    const body = (await response.json()) as { __type: string; message: string };
    const started = Date.now();
    await gateway.close();

    // Assess
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(body.__type).toBe('UnknownOperationException');
    expect(body.message).toContain('Kinesis_20131202.PutRecord');
    expect(Date.now() - started).toBeLessThan(500);
    expect(only.closed).toBe(true);
  });
});

describe('startGateway over HTTP/2', () => {
  it('serves cleartext HTTP/2 and HTTP/1.1 on one port, handing services HTTP/1.1-shaped headers', async () => {
    // Prepare
    const seen: GatewayRequest[] = [];
    const recorder: GatewayService = {
      name: 'recorder',
      matches: () => true,
      async handle(req, res) {
        seen.push(req);
        res.setHeader('content-type', 'text/plain');
        res.end(`${req.method} ${req.url} ${req.body.length}`);
      },
      async close() {},
    };
    const gateway = await startGateway({ port: 0, services: [recorder] });
    const session = connect(gateway.url);
    const h2 = (path: string, body: string) =>
      new Promise<string>((resolve, reject) => {
        const stream = session.request({ ':method': 'POST', ':path': path, 'x-amz-target': 'Demo.Op' });
        let text = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => (text += chunk));
        stream.on('end', () => resolve(text));
        stream.on('error', reject);
        stream.end(body);
      });

    try {
      // Act: two streams at once on one connection, then an HTTP/1.1 request on the same port
      const [first, second] = await Promise.all([h2('/one', 'x'.repeat(70_000)), h2('/two?q=1', 'y')]);
      const http1 = await (await fetch(`${gateway.url}/three`, { method: 'POST', body: 'zz' })).text();

      // Assess
      expect([first, second, http1]).toEqual(['POST /one 70000', 'POST /two?q=1 1', 'POST /three 2']);
      const h2Headers = seen.find((r) => r.url === '/one')!.headers;
      expect(h2Headers.host).toBe(new URL(gateway.url).host);
      expect(h2Headers['x-amz-target']).toBe('Demo.Op');
      expect(Object.keys(h2Headers).filter((name) => name.startsWith(':'))).toEqual([]);
    } finally {
      session.close();
      await gateway.close();
    }
  });
});
