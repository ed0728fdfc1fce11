// `/amplify_outputs.json` for local mode: Amplify Gen 2's outputs format, pointing at local endpoints,
// so the unmodified aws-amplify client configures itself exactly as it would in the cloud.

export type LocalOutputsInput = {
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  graphqlUrl: string;
  apiKey: string;
  /** The local gateway, where Cognito calls go (Auth.Cognito.userPoolEndpoint). */
  cognitoEndpoint: string;
  groups: string[];
  /** Map tiles for the web app's maps, as a Leaflet URL template; OpenStreetMap's when omitted. */
  mapTileUrl?: string;
  /** The company's IANA time zone: every day, week and month the app shows is a day of this calendar. */
  companyTimeZone: string;
  /** The call simulator's HTTP API on the gateway and the number that reaches the bot (test-call page). */
  callSimulator?: { url: string; phoneNumber: string };
};

export const DEFAULT_MAP_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

export function localAmplifyOutputs(o: LocalOutputsInput) {
  return {
    version: '1.4',
    auth: {
      aws_region: o.region,
      user_pool_id: o.userPoolId,
      user_pool_client_id: o.userPoolClientId,
      mfa_methods: [],
      mfa_configuration: 'NONE',
      standard_required_attributes: ['email'],
      username_attributes: ['email'],
      user_verification_types: ['email'],
      groups: o.groups.map((g, i) => ({ [g]: { precedence: i } })),
      password_policy: {
        min_length: 8,
        require_lowercase: true,
        require_numbers: true,
        require_symbols: true,
        require_uppercase: true,
      },
      unauthenticated_identities_enabled: false,
    },
    data: {
      url: o.graphqlUrl,
      aws_region: o.region,
      api_key: o.apiKey,
      default_authorization_type: 'AMAZON_COGNITO_USER_POOLS',
      authorization_types: ['API_KEY', 'AWS_IAM'],
    },
    custom: {
      /** Not part of Amplify's format: the web app merges it into Auth.Cognito.userPoolEndpoint. */
      userPoolEndpoint: o.cognitoEndpoint,
      /** Not part of Amplify's format: the tile URL template the web app's maps load. */
      mapTileUrl: o.mapTileUrl ?? DEFAULT_MAP_TILE_URL,
      /** Not part of Amplify's format: the company's time zone, whose days the app shows whatever the viewer's. */
      companyTimeZone: o.companyTimeZone,
      /** Not part of Amplify's format: where the voicebot's test-call page places its simulated calls. */
      ...(o.callSimulator ? { callSimulator: o.callSimulator } : {}),
      local: true,
    },
  };
}
