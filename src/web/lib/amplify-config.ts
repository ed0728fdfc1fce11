// The web app's one configuration module: loads Amplify outputs, validates them and configures Amplify.
// Local and cloud differ only in data found here (a Cognito endpoint override, a plain-ws GraphQL host).
import { Amplify, type ResourcesConfig } from 'aws-amplify';
import { parseAmplifyConfig } from 'aws-amplify/utils';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../../core/business-calendar';
import { AMPLIFY_OUTPUTS_PATH } from './early-requests';
import { isRecord } from '../../core/is-record';

export { AMPLIFY_OUTPUTS_PATH };

/** The outputs as the app reads them, once checked (read only when there were no problems). */
type CheckedOutputs = { custom?: { userPoolEndpoint?: string; mapTileUrl?: string; companyTimeZone?: string } };
type Checked = { problems: string[]; checked: CheckedOutputs };

/** What a field must be: any string, a non-empty one, a URL, or an IANA time zone. */
type FieldKind = 'string' | 'text' | 'url' | 'timeZone';

/** What is wrong with a field's value, or undefined when it is what `kind` asks. */
function problemOf(value: unknown, kind: FieldKind): string | undefined {
  if (typeof value !== 'string') return `expected a string, received ${value === null ? 'null' : typeof value}`;
  if (kind === 'timeZone') {
    return isValidTimeZone(value) ? undefined : 'not a time zone; use an IANA name such as America/Los_Angeles';
  }
  if (kind === 'string') return undefined;
  if (value === '') return 'must not be empty';
  return kind === 'url' && !isUrl(value) ? 'not a URL' : undefined;
}

/**
 * Checks the parts of the outputs the app relies on and lists each problem as `path: what is wrong`. Plain code
 * rather than a schema library: this runs in every page's start, where zod's mini build cost 42 ms of a courier's
 * cold start at 4x CPU slowdown and 8 kB gzip of its download (issue 10).
 */
function checkOutputs(outputs: unknown): Checked {
  const problems: string[] = [];
  const record = (value: unknown) => (isRecord(value) ? value : undefined);
  const at = (path: string, value: unknown, kind: FieldKind): string | undefined => {
    const problem = problemOf(value, kind);
    if (problem) problems.push(`${path}: ${problem}`);
    return problem ? undefined : (value as string);
  };
  const root = record(outputs);
  if (!root) return { problems: ['(root): expected the outputs object'], checked: {} };
  at('version', root.version, 'string');
  const auth = record(root.auth);
  if (!auth) problems.push('auth: expected an object');
  for (const key of ['aws_region', 'user_pool_id', 'user_pool_client_id']) at(`auth.${key}`, auth?.[key], 'text');
  const data = record(root.data);
  if (!data) problems.push('data: expected an object');
  at('data.url', data?.url, 'url');
  at('data.aws_region', data?.aws_region, 'text');
  if (root.custom === undefined) return { problems, checked: {} };
  const custom = record(root.custom);
  if (!custom) return { problems: [...problems, 'custom: expected an object'], checked: {} };
  const optional = (key: string, kind: FieldKind) =>
    custom[key] === undefined ? undefined : at(`custom.${key}`, custom[key], kind);
  return {
    problems,
    checked: {
      custom: {
        userPoolEndpoint: optional('userPoolEndpoint', 'url'),
        mapTileUrl: optional('mapTileUrl', 'text'),
        companyTimeZone: optional('companyTimeZone', 'timeZone'),
      },
    },
  };
}

function isUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

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
export function toAppSettings(outputs: unknown, { problems, checked }: Checked = checkOutputs(outputs)): AppSettings {
  const custom = problems.length === 0 ? checked.custom : undefined;
  return {
    mapTileUrl: custom?.mapTileUrl || DEFAULT_SETTINGS.mapTileUrl,
    companyTimeZone: custom?.companyTimeZone || DEFAULT_SETTINGS.companyTimeZone,
  };
}

/**
 * Turns Amplify outputs into the ResourcesConfig Amplify wants. `parseAmplifyConfig` ignores
 * `custom.userPoolEndpoint`, so a gateway in front of Cognito (the local stack) is merged in here.
 */
export function toResourcesConfig(
  outputs: unknown,
  { problems, checked }: Checked = checkOutputs(outputs),
): ResourcesConfig {
  if (problems.length > 0) throw new AppConfigError(`amplify_outputs.json is incomplete: ${problems.join('; ')}`);
  const parsed = parseAmplifyConfig(outputs as Parameters<typeof parseAmplifyConfig>[0]);
  const userPoolEndpoint = checked.custom?.userPoolEndpoint;
  const auth = parsed.Auth;
  if (!userPoolEndpoint || !auth) return parsed;
  // Auth's type is a union over pool kinds; the check above guarantees the user-pool kind.
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
  // Checked once for both readings.
  const check = checkOutputs(outputs);
  const config = toResourcesConfig(outputs, check);
  Amplify.configure(config);
  settings = toAppSettings(outputs, check);

  const endpoint = config.API?.GraphQL?.endpoint;
  const host = endpoint ? plainSocketHost(endpoint) : undefined;
  if (host) globalThis.WebSocket = createPlainSocketClass(globalThis.WebSocket, host);
  return config;
}
