import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cloudContentSecurityPolicy,
  localContentSecurityPolicy,
  securityHeaders,
  tileOrigin,
} from './security-headers';

/** The ContentSecurityPolicy parameter's default in web.yaml: a folded scalar (`>-`), its lines joined by spaces. */
function templateDefaultPolicy(): string {
  const template = readFileSync(join(import.meta.dirname, '../../infra-cfn/templates/web.yaml'), 'utf8');
  const block = /\n {2}ContentSecurityPolicy:\n(?: {4}.*\n)*? {4}Default: >-\n((?: {6}.*\n)+)/.exec(template);
  if (!block) throw new Error('web.yaml has no ContentSecurityPolicy parameter with a folded default');
  return block[1]!
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ');
}

const directives = (policy: string) =>
  new Map(policy.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));

describe('the web app security headers', () => {
  it("are CloudFront's policy: the template's default CSP is the cloud policy built here", () => {
    expect(templateDefaultPolicy()).toBe(cloudContentSecurityPolicy());
  });

  it('let the local app reach its GraphQL socket, the gateway and the tile server, and nothing else', () => {
    // Act
    const policy = directives(
      localContentSecurityPolicy({
        data: { url: 'http://localhost:20002/graphql' },
        custom: {
          userPoolEndpoint: 'http://localhost:4566',
          mapTileUrl: 'http://localhost:8080/tiles/{z}/{x}/{y}.png',
          callSimulator: { url: 'http://localhost:4566/_local/calls' },
        },
      }),
    );

    // Assess
    expect(policy.get('connect-src')).toEqual([
      "'self'",
      'http://localhost:20002',
      'ws://localhost:20002',
      'http://localhost:4566',
    ]);
    expect(policy.get('img-src')).toEqual([
      "'self'",
      'data:',
      'blob:',
      'http://localhost:4566',
      'http://localhost:8080',
    ]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('take the origin of a tile template, with subdomains as one wildcard', () => {
    expect(tileOrigin('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe('https://tile.openstreetmap.org');
    expect(tileOrigin('https://{s}.tile.example.com/{z}/{x}/{y}{r}.png')).toBe('https://*.tile.example.com');
  });

  it('carry HSTS, no sniffing, no framing and a strict referrer beside the policy', () => {
    const headers = securityHeaders("default-src 'self'");
    expect(headers['strict-transport-security']).toBe('max-age=63072000; includeSubDomains; preload');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });
});
