import { describe, expect, it } from 'vitest';
import {
  AppConfigError,
  DEFAULT_MAP_TILE_URL,
  createPlainSocketClass,
  plainSocketHost,
  toPlainSocketUrl,
  toAppSettings,
  toResourcesConfig,
} from './amplify-config';
import { DEFAULT_TIME_ZONE } from '../../core/business-calendar';

function outputs(custom?: Record<string, unknown>) {
  return {
    version: '1.4',
    auth: {
      aws_region: 'us-east-1',
      user_pool_id: 'us-east-1_local',
      user_pool_client_id: 'client-1',
      username_attributes: ['email'],
      groups: [{ admin: { precedence: 0 } }],
    },
    data: {
      url: 'http://localhost:4000/graphql',
      aws_region: 'us-east-1',
      api_key: 'da2-local',
      default_authorization_type: 'AMAZON_COGNITO_USER_POOLS',
      authorization_types: ['API_KEY', 'AWS_IAM'],
    },
    ...(custom ? { custom } : {}),
  };
}

describe('toResourcesConfig', () => {
  it('maps Amplify outputs and merges the Cognito endpoint override from custom', () => {
    // Prepare
    const local = outputs({ userPoolEndpoint: 'http://localhost:4566' });

    // Act
    const config = toResourcesConfig(local);

    // Assess
    expect(config.Auth?.Cognito).toMatchObject({
      userPoolId: 'us-east-1_local',
      userPoolClientId: 'client-1',
      userPoolEndpoint: 'http://localhost:4566',
      loginWith: { email: true },
    });
    expect(config.API?.GraphQL).toMatchObject({
      endpoint: 'http://localhost:4000/graphql',
      defaultAuthMode: 'userPool',
      apiKey: 'da2-local',
    });
  });

  it('leaves the Cognito endpoint to the SDK default when outputs name none (the cloud)', () => {
    // Prepare
    const cloud = outputs();

    // Act
    const config = toResourcesConfig(cloud);

    // Assess
    expect(config.Auth?.Cognito.userPoolId).toBe('us-east-1_local');
    expect(config.Auth?.Cognito.userPoolEndpoint).toBeUndefined();
  });

  it('lists every missing piece instead of failing later inside Amplify', () => {
    // Prepare
    const broken = { version: '1.4', auth: { aws_region: 'us-east-1' }, data: { url: 'not a url', aws_region: 'x' } };

    // Act
    const attempt = () => toResourcesConfig(broken);

    // Assess
    expect(attempt).toThrow(AppConfigError);
    expect(attempt).toThrow(/auth\.user_pool_id.*auth\.user_pool_client_id.*data\.url/);
  });

  it('names what is wrong with each field: a wrong type, an empty value, a URL that is not one', () => {
    const broken = {
      version: 1,
      auth: { aws_region: '', user_pool_id: 'p', user_pool_client_id: null },
      data: { url: 'https://api.example/graphql', aws_region: 'us-east-1' },
      custom: { userPoolEndpoint: 'gateway', mapTileUrl: '' },
    };

    const attempt = () => toResourcesConfig(broken);

    expect(attempt).toThrow(
      'amplify_outputs.json is incomplete: version: expected a string, received number; ' +
        'auth.aws_region: must not be empty; auth.user_pool_client_id: expected a string, received null; ' +
        'custom.userPoolEndpoint: not a URL; custom.mapTileUrl: must not be empty',
    );
    expect(() => toResourcesConfig([])).toThrow('(root): expected the outputs object');
  });
});

describe('plain WebSocket for a plain-HTTP GraphQL endpoint', () => {
  it('asks for plain ws:// only when the GraphQL endpoint is http://', () => {
    // Prepare
    const endpoints = ['http://localhost:4000/graphql', 'https://abc.appsync-api.us-east-1.amazonaws.com/graphql'];

    // Act
    const hosts = endpoints.map(plainSocketHost);

    // Assess
    expect(hosts).toEqual(['localhost:4000', undefined]);
  });

  it('rewrites wss:// to ws:// for that host only', () => {
    // Prepare
    const local = 'wss://localhost:4000/graphql/realtime?header=abc&payload=e30=';
    const other = 'wss://abc.appsync-realtime-api.us-east-1.amazonaws.com/graphql';

    // Act
    const rewritten = toPlainSocketUrl(local, 'localhost:4000');
    const untouched = toPlainSocketUrl(other, 'localhost:4000');

    // Assess
    expect(rewritten).toBe('ws://localhost:4000/graphql/realtime?header=abc&payload=e30=');
    expect(untouched).toBe(other);
  });

  it('hands the rewritten URL and the subprotocols to the real WebSocket class', () => {
    // Prepare
    const opened: { url: string; protocols: unknown }[] = [];
    class RecordingSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        opened.push({ url: url.toString(), protocols });
      }
    }
    const Socket = createPlainSocketClass(RecordingSocket as unknown as typeof WebSocket, 'localhost:4000');

    // Act
    new Socket('wss://localhost:4000/graphql/realtime', ['graphql-ws', 'header-e30']);

    // Assess
    expect(opened).toEqual([{ url: 'ws://localhost:4000/graphql/realtime', protocols: ['graphql-ws', 'header-e30'] }]);
  });
});

describe('toAppSettings', () => {
  it("reads the company's time zone, and falls back to the demo company's (Seattle) without one", () => {
    // Prepare
    const berlin = outputs({ companyTimeZone: 'Europe/Berlin' });
    const older = outputs({ mapTileUrl: 'http://127.0.0.1:9/tiles/{z}/{x}/{y}.png' });

    // Act
    const fromBerlin = toAppSettings(berlin);
    const fromOlder = toAppSettings(older);

    // Assess
    expect(fromBerlin.companyTimeZone).toBe('Europe/Berlin');
    expect(fromOlder.companyTimeZone).toBe(DEFAULT_TIME_ZONE);
    expect(DEFAULT_TIME_ZONE).toBe('America/Los_Angeles');
  });

  it('refuses to start on a time zone that is not one, naming the field', () => {
    // Prepare
    const wrong = outputs({ companyTimeZone: 'Pacific Time' });

    // Act
    const attempt = () => toResourcesConfig(wrong);

    // Assess
    expect(attempt).toThrow(AppConfigError);
    expect(attempt).toThrow(/custom\.companyTimeZone: not a time zone/);
  });

  it('reads the map tile URL from custom, and falls back to OpenStreetMap without one', () => {
    // Prepare
    const local = outputs({ mapTileUrl: 'http://127.0.0.1:9/tiles/{z}/{x}/{y}.png' });
    const cloud = outputs();

    // Act
    const fromLocal = toAppSettings(local);
    const fromCloud = toAppSettings(cloud);

    // Assess
    expect(fromLocal.mapTileUrl).toBe('http://127.0.0.1:9/tiles/{z}/{x}/{y}.png');
    expect(fromCloud.mapTileUrl).toBe(DEFAULT_MAP_TILE_URL);
  });
});
