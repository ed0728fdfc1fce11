// The security headers the web app is served with: CloudFront's response headers policy in the cloud
// (infra-cfn/templates/web.yaml, whose ContentSecurityPolicy default is `cloudContentSecurityPolicy()`, checked by a
// test) and the local stack's static server, whose policy names the local endpoints from the same outputs the app
// loads. One list of directives for both, so what passes locally is what the cloud enforces.

/** Where the app may connect (GraphQL over https and its real-time socket, Cognito, S3 uploads) and load images. */
export type PolicySources = { connect: string[]; images: string[] };

/** The Content-Security-Policy for the given sources: scripts only from the app's own origin, no framing. */
export function contentSecurityPolicy({ connect, images }: PolicySources): string {
  const list = (sources: string[]) => [...new Set(sources)].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    // React and Leaflet set style attributes; no stylesheet comes from elsewhere.
    "style-src 'self' 'unsafe-inline'",
    // Photos are previewed from blob: URLs before upload; Leaflet's CSS has data: images.
    `img-src ${list(["'self'", 'data:', 'blob:', ...images])}`,
    `connect-src ${list(["'self'", ...connect])}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** The map tiles' origin, from a Leaflet URL template such as https://tile.openstreetmap.org/{z}/{x}/{y}.png. */
export function tileOrigin(template: string): string {
  const url = new URL(template.replace(/\{[a-z]+\}/g, '0'));
  // {s} subdomains (a.tile…, b.tile…) are one wildcard.
  return template.includes('{s}.') ? `${url.protocol}//*.${url.host.replace(/^0\./, '')}` : url.origin;
}

/**
 * The cloud's policy: AppSync (https and its wss real-time host), Cognito and S3 are all under amazonaws.com;
 * tiles from OpenStreetMap's standard layer, the app's default. A deployment with another tile server sets the
 * template's ContentSecurityPolicy parameter to this policy with that server's origin.
 */
export function cloudContentSecurityPolicy(): string {
  return contentSecurityPolicy({
    connect: ['https://*.amazonaws.com', 'wss://*.amazonaws.com'],
    images: ['https://tile.openstreetmap.org', 'https://*.amazonaws.com'],
  });
}

type Outputs = {
  data?: { url?: string };
  custom?: { userPoolEndpoint?: string; mapTileUrl?: string; callSimulator?: { url?: string } };
};

/**
 * The local stack's policy, from its Amplify outputs: GraphQL and its socket on the app's own origin, the gateway
 * (Cognito, S3 presigned uploads and proof images, the call simulator) and the configured tile server.
 */
export function localContentSecurityPolicy(outputs: Outputs): string {
  const origin = (url: string | undefined) => (url ? [new URL(url).origin] : []);
  const graphql = origin(outputs.data?.url);
  const socket = graphql.map((o) => o.replace(/^http/, 'ws'));
  const gateway = origin(outputs.custom?.userPoolEndpoint);
  return contentSecurityPolicy({
    connect: [...graphql, ...socket, ...gateway, ...origin(outputs.custom?.callSimulator?.url)],
    images: [...gateway, ...(outputs.custom?.mapTileUrl ? [tileOrigin(outputs.custom.mapTileUrl)] : [])],
  });
}

/**
 * The headers of CloudFront's policy, as the static server sends them. Browsers ignore HSTS over plain http
 * (the local stack), so it changes nothing there, but the set is the cloud's.
 */
export function securityHeaders(policy: string): Record<string, string> {
  return {
    'content-security-policy': policy,
    'strict-transport-security': 'max-age=63072000; includeSubDomains; preload',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-xss-protection': '1; mode=block',
  };
}
