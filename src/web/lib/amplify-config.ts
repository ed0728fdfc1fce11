// The web app's one configuration module: loads Amplify outputs, validates them and configures Amplify.
// Local and cloud differ only in data found here (a Cognito endpoint override, a plain-ws GraphQL host).
import { Amplify, type ResourcesConfig } from 'aws-amplify';
import { parseAmplifyConfig } from 'aws-amplify/utils';
import { z } from './zod';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../../core/business-calendar';
import { AMPLIFY_OUTPUTS_PATH } from './early-requests';

export { AMPLIFY_OUTPUTS_PATH };

const text = () => z.string().check(z.minLength(1));

// zod's mini build keeps the schema check from weighing on the sign-in page's bundle.
const outputsSchema = z.object({
  version: z.string(),
  auth: z.object({ aws_region: text(), user_pool_id: text(), user_pool_client_id: text() }),
  data: z.object({ url: z.url(), aws_region: text() }),
  custom: z.optional(
    z.looseObject({
      userPoolEndpoint: z.optional(z.url()),
      mapTileUrl: z.optional(text()),
      companyTimeZone: z.optional(
        z.string().check(z.refine(isValidTimeZone, 'not a time zone; use an IANA name such as America/Los_Angeles')),
      ),
    }),
  ),
});

/** Tiles used when the outputs name none: OpenStreetMap's standard layer. */
export const DEFAULT_MAP_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

/** What the app reads from the outputs besides Amplify's own resources. */
export type AppSettings = {
  mapTileUrl: string;
  /** The company's IANA time zone: every day the app asks for and every time it shows is on this calendar. */
  companyTimeZone: string;
};

const DEFAULT_SETTINGS: AppSettings = { mapTileUrl: DEFAULT_MAP_TILE_URL, companyTimeZone: DEFAULT_TIME_ZONE };

let settings: AppSettings = DEFAULT_SETTINGS;

/** The settings of the outputs `configureAmplify` loaded (defaults before that). */
export function appSettings(): AppSettings {
  return settings;
}

export class AppConfigError extends Error {
  override readonly name = 'AppConfigError';
}

/**
 * The app's own settings from Amplify outputs: the map tile URL and the company's time zone live under
 * `custom`, outside Amplify's format. Outputs without them (older deployments) get the defaults.
 */
export function toAppSettings(outputs: unknown): AppSettings {
  const checked = outputsSchema.safeParse(outputs);
  const custom = checked.success ? checked.data.custom : undefined;
  return {
    mapTileUrl: custom?.mapTileUrl || DEFAULT_SETTINGS.mapTileUrl,
    companyTimeZone: custom?.companyTimeZone || DEFAULT_SETTINGS.companyTimeZone,
  };
}

/**
 * Turns Amplify outputs into the ResourcesConfig Amplify wants. `parseAmplifyConfig` ignores
 * `custom.userPoolEndpoint`, so a gateway in front of Cognito (the local stack) is merged in here.
 */
export function toResourcesConfig(outputs: unknown): ResourcesConfig {
  const checked = outputsSchema.safeParse(outputs);
  if (!checked.success) {
    const problems = checked.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new AppConfigError(`amplify_outputs.json is incomplete: ${problems.join('; ')}`);
  }
  const parsed = parseAmplifyConfig(outputs as Parameters<typeof parseAmplifyConfig>[0]);
  const userPoolEndpoint = checked.data.custom?.userPoolEndpoint;
  const auth = parsed.Auth;
  if (!userPoolEndpoint || !auth) return parsed;
  // Auth's type is a union over pool kinds; the schema above guarantees the user-pool kind.
  const withEndpoint = { ...auth, Cognito: { ...auth.Cognito, userPoolEndpoint } } as NonNullable<
    ResourcesConfig['Auth']
  >;
  return { ...parsed, Auth: withEndpoint };
}

/**
 * The host whose real-time socket must stay plain ws://, or undefined. aws-amplify always dials
 * wss://, which a plain-HTTP GraphQL endpoint (the local stack) cannot answer.
 */
export function plainSocketHost(graphqlEndpoint: string): string | undefined {
  const url = new URL(graphqlEndpoint);
  return url.protocol === 'http:' ? url.host : undefined;
}

/** wss://host/… → ws://host/… for exactly that host; every other URL is left alone. */
export function toPlainSocketUrl(socketUrl: string, host: string): string {
  const url = new URL(socketUrl);
  if (url.protocol !== 'wss:' || url.host !== host) return socketUrl;
  url.protocol = 'ws:';
  return url.toString();
}

/** A WebSocket class that dials `host` over plain ws://, for Amplify's real-time provider to construct. */
export function createPlainSocketClass(Base: typeof WebSocket, host: string): typeof WebSocket {
  return class PlainHostWebSocket extends Base {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(toPlainSocketUrl(url.toString(), host), protocols);
    }
  };
}

/**
 * Fetches the outputs served beside the app, configures Amplify and returns the resolved config. The request is
 * index.html's preload of them (same URL, mode and default cache mode, or the browser would fetch them again);
 * they are served without freshness or validators, so the HTTP cache never answers it with an old copy.
 */
export async function configureAmplify(fetchOutputs: typeof fetch = fetch): Promise<ResourcesConfig> {
  const response = await fetchOutputs(AMPLIFY_OUTPUTS_PATH);
  if (!response.ok) {
    throw new AppConfigError(`Could not load ${AMPLIFY_OUTPUTS_PATH} (HTTP ${response.status}).`);
  }
  const outputs: unknown = await response.json();
  const config = toResourcesConfig(outputs);
  Amplify.configure(config);
  settings = toAppSettings(outputs);

  const endpoint = config.API?.GraphQL?.endpoint;
  const host = endpoint ? plainSocketHost(endpoint) : undefined;
  if (host) globalThis.WebSocket = createPlainSocketClass(globalThis.WebSocket, host);
  return config;
}
