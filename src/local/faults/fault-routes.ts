// Which AWS service and operation a gateway request is, so an armed fault can name what it breaks:
// REST services (Lex, Connect, Lambda, S3, Amazon Location's Places) by method and path, the JSON services (DynamoDB, Comprehend, End User
// Messaging SMS) by X-Amz-Target, IAM by its Action field.
import type { GatewayRequest } from '../gateway-service';
import { signingServiceOfRequest } from '../fetch-bridge';

/**
 * By SigV4 signing service: End User Messaging SMS (pinpoint-sms-voice-v2) signs as `sms-voice`, Amazon Location's
 * Places v2 as `geo-places`.
 */
export const FAULT_SERVICES = [
  'lex',
  'connect',
  'iam',
  'lambda',
  's3',
  'dynamodb',
  'comprehend',
  'sms-voice',
  'geo-places',
] as const;
export type FaultService = (typeof FAULT_SERVICES)[number];

/** How a service puts an error on the wire: the SDK of each protocol reads its error type from a different place. */
export type ErrorProtocol = 'rest-json' | 'json' | 'query-xml' | 's3-xml';

export const PROTOCOL_OF: Record<FaultService, ErrorProtocol> = {
  lex: 'rest-json',
  connect: 'rest-json',
  lambda: 'rest-json',
  'geo-places': 'rest-json',
  dynamodb: 'json',
  comprehend: 'json',
  'sms-voice': 'json',
  iam: 'query-xml',
  s3: 's3-xml',
};

type Route = { method: string; segments: string[] };

/** `{name}` is one path segment of any value; other segments match exactly (Lex runtime's `botAliases` is not models' `botaliases`). */
function route(spec: string): Route {
  const [method = '', path = ''] = spec.split(' ');
  return { method, segments: path.split('/').filter(Boolean) };
}

const routes = (table: Record<string, string>): Record<string, Route> =>
  Object.fromEntries(Object.entries(table).map(([operation, spec]) => [operation, route(spec)]));

const LEX_MODELS_LOCALE = '/bots/{botId}/botversions/{v}/botlocales/{l}';

/** The REST operations a fault can name, by service: the ones the provisioning engine, call simulator and web app make. */
export const REST_ROUTES: Partial<Record<FaultService, Record<string, Route>>> = {
  lex: routes({
    CreateBot: 'PUT /bots',
    ListBots: 'POST /bots',
    DescribeBot: 'GET /bots/{botId}',
    UpdateBot: 'PUT /bots/{botId}',
    DeleteBot: 'DELETE /bots/{botId}',
    CreateBotLocale: 'PUT /bots/{botId}/botversions/{v}/botlocales',
    ListBotLocales: 'POST /bots/{botId}/botversions/{v}/botlocales',
    DescribeBotLocale: `GET ${LEX_MODELS_LOCALE}`,
    UpdateBotLocale: `PUT ${LEX_MODELS_LOCALE}`,
    BuildBotLocale: `POST ${LEX_MODELS_LOCALE}`,
    DeleteBotLocale: `DELETE ${LEX_MODELS_LOCALE}`,
    CreateSlotType: `PUT ${LEX_MODELS_LOCALE}/slottypes`,
    ListSlotTypes: `POST ${LEX_MODELS_LOCALE}/slottypes`,
    UpdateSlotType: `PUT ${LEX_MODELS_LOCALE}/slottypes/{s}`,
    DeleteSlotType: `DELETE ${LEX_MODELS_LOCALE}/slottypes/{s}`,
    CreateIntent: `PUT ${LEX_MODELS_LOCALE}/intents`,
    ListIntents: `POST ${LEX_MODELS_LOCALE}/intents`,
    DescribeIntent: `GET ${LEX_MODELS_LOCALE}/intents/{i}`,
    UpdateIntent: `PUT ${LEX_MODELS_LOCALE}/intents/{i}`,
    DeleteIntent: `DELETE ${LEX_MODELS_LOCALE}/intents/{i}`,
    CreateSlot: `PUT ${LEX_MODELS_LOCALE}/intents/{i}/slots`,
    ListSlots: `POST ${LEX_MODELS_LOCALE}/intents/{i}/slots`,
    UpdateSlot: `PUT ${LEX_MODELS_LOCALE}/intents/{i}/slots/{s}`,
    CreateBotVersion: 'PUT /bots/{botId}/botversions',
    ListBotVersions: 'POST /bots/{botId}/botversions',
    DescribeBotVersion: 'GET /bots/{botId}/botversions/{v}',
    DeleteBotVersion: 'DELETE /bots/{botId}/botversions/{v}',
    CreateBotAlias: 'PUT /bots/{botId}/botaliases',
    ListBotAliases: 'POST /bots/{botId}/botaliases',
    DescribeBotAlias: 'GET /bots/{botId}/botaliases/{a}',
    UpdateBotAlias: 'PUT /bots/{botId}/botaliases/{a}',
    DeleteBotAlias: 'DELETE /bots/{botId}/botaliases/{a}',
    RecognizeText: 'POST /bots/{botId}/botAliases/{a}/botLocales/{l}/sessions/{s}/text',
    RecognizeUtterance: 'POST /bots/{botId}/botAliases/{a}/botLocales/{l}/sessions/{s}/utterance',
  }),
  connect: routes({
    ListInstances: 'GET /instance',
    DescribeInstance: 'GET /instance/{instanceId}',
    AssociateBot: 'PUT /instance/{instanceId}/bot',
    DisassociateBot: 'POST /instance/{instanceId}/bot',
    ListBots: 'GET /instance/{instanceId}/bots',
    CreateContactFlow: 'PUT /contact-flows/{instanceId}',
    DescribeContactFlow: 'GET /contact-flows/{instanceId}/{flowId}',
    DeleteContactFlow: 'DELETE /contact-flows/{instanceId}/{flowId}',
    UpdateContactFlowContent: 'POST /contact-flows/{instanceId}/{flowId}/content',
    ListContactFlows: 'GET /contact-flows-summary/{instanceId}',
    ListQueues: 'GET /queues-summary/{instanceId}',
    ListPhoneNumbersV2: 'POST /phone-number/list',
  }),
  lambda: routes({
    GetFunction: 'GET /2015-03-31/functions/{fn}',
    Invoke: 'POST /2015-03-31/functions/{fn}/invocations',
    AddPermission: 'POST /2015-03-31/functions/{fn}/policy',
    GetPolicy: 'GET /2015-03-31/functions/{fn}/policy',
    RemovePermission: 'DELETE /2015-03-31/functions/{fn}/policy/{sid}',
  }),
  'geo-places': routes({ Geocode: 'POST /v2/geocode' }),
};

/** S3's object and bucket operations by method and path depth (path-style URLs: /bucket/key...). */
function s3Operation(method: string, segments: string[], query: URLSearchParams): string | undefined {
  if (segments.length === 0) return method === 'GET' ? 'ListBuckets' : undefined;
  if (segments.length === 1) {
    if (method === 'GET') return query.get('list-type') === '2' ? 'ListObjectsV2' : 'ListObjects';
    return { PUT: 'CreateBucket', HEAD: 'HeadBucket', DELETE: 'DeleteBucket' }[method];
  }
  return { PUT: 'PutObject', GET: 'GetObject', HEAD: 'HeadObject', DELETE: 'DeleteObject', POST: 'PostObject' }[method];
}

export const S3_OPERATIONS = [
  'ListBuckets',
  'ListObjectsV2',
  'ListObjects',
  'CreateBucket',
  'HeadBucket',
  'DeleteBucket',
  'PutObject',
  'GetObject',
  'HeadObject',
  'DeleteObject',
  'PostObject',
];

const DYNAMO_TARGET = 'DynamoDB_20120810.';

/** The JSON services' X-Amz-Target prefixes, and the operations their local emulators answer. */
export const JSON_TARGETS: Partial<Record<FaultService, { prefix: string; operations?: string[] }>> = {
  dynamodb: { prefix: DYNAMO_TARGET },
  comprehend: { prefix: 'Comprehend_20171127.', operations: ['DetectSentiment'] },
  'sms-voice': { prefix: 'PinpointSMSVoiceV2.', operations: ['SendTextMessage'] },
};

/** The service a request is addressed to (by SigV4 signing service or DynamoDB's target), if one a fault can name. */
export function serviceOf(req: GatewayRequest): FaultService | undefined {
  if (String(req.headers['x-amz-target'] ?? '').startsWith(DYNAMO_TARGET)) return 'dynamodb';
  const signed = signingServiceOfRequest(req);
  return FAULT_SERVICES.find((service) => service === signed);
}

function matchesRoute(r: Route, method: string, segments: string[]): boolean {
  return (
    r.method === method &&
    r.segments.length === segments.length &&
    r.segments.every((s, i) => (s.startsWith('{') && s.endsWith('}')) || s === segments[i])
  );
}

/** The AWS operation name of a request to `service`, or undefined when it is none this table knows. */
export function operationOf(service: FaultService, req: GatewayRequest): string | undefined {
  const [rawPath = '', rawQuery = ''] = req.url.split('?');
  const segments = rawPath.split('/').filter(Boolean);
  switch (service) {
    case 'dynamodb':
    case 'comprehend':
    case 'sms-voice': {
      const target = String(req.headers['x-amz-target'] ?? '');
      const prefix = JSON_TARGETS[service]?.prefix ?? '';
      return target.startsWith(prefix) ? target.slice(prefix.length) || undefined : undefined;
    }
    case 'iam': {
      const form = req.method === 'GET' ? rawQuery : req.body.toString('utf8');
      return new URLSearchParams(form).get('Action') ?? undefined;
    }
    case 's3':
      return s3Operation(req.method, segments, new URLSearchParams(rawQuery));
    case 'lex':
    case 'connect':
    case 'lambda':
    case 'geo-places': {
      const table = REST_ROUTES[service] ?? {};
      return Object.entries(table).find(([, r]) => matchesRoute(r, req.method, segments))?.[0];
    }
  }
}

/**
 * The DynamoDB tables a request touches, from its JSON body: TableName, or the tables of a batch or
 * transaction. Empty for any other service or an unreadable body.
 */
export function tablesOf(service: FaultService, req: GatewayRequest): string[] {
  if (service !== 'dynamodb') return [];
  let body: unknown;
  try {
    body = JSON.parse(req.body.toString('utf8'));
  } catch {
    return [];
  }
  if (typeof body !== 'object' || body === null) return [];
  const { TableName, RequestItems, TransactItems } = body as Record<string, unknown>;
  const tables = new Set<string>();
  if (typeof TableName === 'string') tables.add(TableName);
  if (typeof RequestItems === 'object' && RequestItems !== null)
    for (const t of Object.keys(RequestItems)) tables.add(t);
  if (Array.isArray(TransactItems)) {
    for (const item of TransactItems as Record<string, { TableName?: unknown }>[]) {
      for (const action of Object.values(item ?? {}))
        if (typeof action?.TableName === 'string') tables.add(action.TableName);
    }
  }
  return [...tables];
}

/** Operation names a fault may name for `service`; undefined when any name is accepted (DynamoDB targets, IAM actions). */
export function knownOperations(service: FaultService): string[] | undefined {
  if (service === 's3') return S3_OPERATIONS;
  const json = JSON_TARGETS[service];
  if (json) return json.operations;
  const table = REST_ROUTES[service];
  return table ? Object.keys(table) : undefined;
}
