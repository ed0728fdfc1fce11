// Amazon Connect API emulator as msw handlers: the instance, queue, phone number, Lex bot association and
// contact flow operations the provisioning engine calls, with Connect's paths, shapes and typed errors. The same
// handlers answer in-process in tests (setupServer) and on the local gateway (connect-service.ts).
import { signingServiceOf } from '../fetch-bridge';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { parseContactFlow, type ContactFlowProblem } from '../../voice/contact-flow';
import { sha256, type ConnectState, type ContactFlowType, type InstanceRecord } from './connect-state';
import { isRecord } from '../../core/is-record';

const FLOW_TYPES: readonly ContactFlowType[] = [
  'CONTACT_FLOW',
  'CUSTOMER_QUEUE',
  'CUSTOMER_HOLD',
  'CUSTOMER_WHISPER',
  'AGENT_HOLD',
  'AGENT_WHISPER',
  'OUTBOUND_WHISPER',
  'AGENT_TRANSFER',
  'QUEUE_TRANSFER',
  'CAMPAIGN',
];
const LEX_V2_ALIAS_ARN = /^arn:aws[\w-]*:lex:[a-z0-9-]+:\d{12}:bot-alias\/[0-9A-Z]{10}\/[0-9A-Z]{10}$/;

/** A Connect error as the SDK reads it: status, x-amzn-errortype and a JSON body. */
export class ConnectApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = type;
  }

  toResponse(): Response {
    return HttpResponse.json(
      { Message: this.message, ...this.extra },
      { status: this.status, headers: { 'x-amzn-errortype': this.type, 'x-amzn-requestid': crypto.randomUUID() } },
    );
  }
}

const notFound = (message: string) => new ConnectApiError(404, 'ResourceNotFoundException', message);
const invalidParameter = (message: string) => new ConnectApiError(400, 'InvalidParameterException', message);
const invalidRequest = (message: string) => new ConnectApiError(400, 'InvalidRequestException', message);

type Context = { request: Request; params: Record<string, string>; url: URL };
type Route = (context: Context) => Promise<Response> | Response;

function ok(body?: unknown): Response {
  const headers = { 'x-amzn-requestid': crypto.randomUUID() };
  return body === undefined ? new HttpResponse(null, { status: 200, headers }) : HttpResponse.json(body, { headers });
}

async function readBody(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (isRecord(parsed)) return parsed;
  } catch {
    // answered below
  }
  throw new ConnectApiError(400, 'SerializationException', 'The request body is not a JSON object.');
}

function text(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidParameter(`${field} must be a string.`);
  return value;
}

function required(body: Record<string, unknown>, field: string, hint: string): string {
  const value = text(body, field);
  if (value === undefined || value.trim() === '') throw invalidParameter(`${field} is required: ${hint}.`);
  return value;
}

/** Connect's list paging: an opaque token holding the offset. */
function page<T>(items: T[], url: URL, defaultMax: number, limit: number): { items: T[]; NextToken?: string } {
  const rawMax = url.searchParams.get('maxResults');
  const max = rawMax === null ? defaultMax : Number(rawMax);
  if (!Number.isInteger(max) || max < 1 || max > limit) {
    throw invalidParameter(`MaxResults must be an integer from 1 to ${limit}.`);
  }
  const token = url.searchParams.get('nextToken');
  const start = token === null ? 0 : Number(Buffer.from(token, 'base64url').toString('utf8'));
  if (!Number.isInteger(start) || start < 0 || start > items.length) {
    throw invalidParameter('NextToken is not valid: pass the NextToken of the previous page unchanged.');
  }
  const end = start + max;
  return {
    items: items.slice(start, end),
    ...(end < items.length ? { NextToken: Buffer.from(String(end), 'utf8').toString('base64url') } : {}),
  };
}

function instanceOf(state: ConnectState, instanceId: string | undefined): InstanceRecord {
  const record = instanceId ? state.findInstance(decodeURIComponent(instanceId)) : undefined;
  if (!record) throw notFound(`Instance not found: ${instanceId ?? '(none)'}. List instances with ListInstances.`);
  return record;
}

/**
 * Connect checks what a flow refers to when it is saved: queues must exist in the instance and a Lex V2 bot
 * must have been associated with it (AssociateBot) first.
 */
function referenceProblems(state: ConnectState, record: InstanceRecord, content: string): ContactFlowProblem[] {
  const check = parseContactFlow(content);
  if (!check.ok) return check.problems;
  const problems: ContactFlowProblem[] = [];
  for (const action of check.flow.Actions) {
    if (action.Type === 'UpdateContactTargetQueue') {
      const queueId = action.Parameters.QueueId;
      if (queueId && !queueId.startsWith('$.') && !state.findQueue(record, queueId)) {
        problems.push({
          action: action.Identifier,
          message: `Action "${action.Identifier}": queue ${queueId} does not exist in instance ${record.instance.id}`,
        });
      }
    }
    if (action.Type === 'ConnectParticipantWithLexBot') {
      const aliasArn = action.Parameters.LexV2Bot?.AliasArn;
      if (aliasArn && !aliasArn.startsWith('$.') && !record.lexV2Bots.includes(aliasArn)) {
        problems.push({
          action: action.Identifier,
          message: `Action "${action.Identifier}": Lex V2 bot alias ${aliasArn} is not associated with instance ${record.instance.id}; call AssociateBot first`,
        });
      }
    }
  }
  return problems;
}

function checkContent(state: ConnectState, record: InstanceRecord, content: string): void {
  const problems = referenceProblems(state, record, content);
  if (problems.length > 0) {
    throw new ConnectApiError(
      400,
      'InvalidContactFlowException',
      `The flow is not valid: ${problems.map((p) => p.message).join('; ')}`,
      { problems: problems.map((p) => ({ message: p.message })) },
    );
  }
}

function checkFlowName(record: InstanceRecord, name: string, exceptId?: string): void {
  if (name.length > 127) throw invalidParameter('Name must be at most 127 characters.');
  if (record.flows.some((f) => f.name === name && f.id !== exceptId)) {
    throw new ConnectApiError(
      409,
      'DuplicateResourceException',
      `A flow named "${name}" already exists in instance ${record.instance.id}. Choose another name or update that flow.`,
    );
  }
}

function flowOf(record: InstanceRecord, flowId: string | undefined) {
  const key = decodeURIComponent(flowId ?? '');
  const flow = record.flows.find((f) => f.id === key || f.arn === key);
  if (!flow) throw notFound(`Contact flow not found: ${key} in instance ${record.instance.id}.`);
  return flow;
}

function lexV2AliasArn(body: Record<string, unknown>, operation: string): string {
  const lexV2 = body.LexV2Bot as { AliasArn?: unknown } | undefined;
  if (body.LexBot !== undefined && lexV2 === undefined) {
    throw invalidRequest(`${operation}: this emulator supports Lex V2 bots only; pass LexV2Bot.AliasArn.`);
  }
  const arn = lexV2?.AliasArn;
  if (typeof arn !== 'string' || !LEX_V2_ALIAS_ARN.test(arn)) {
    throw invalidRequest(
      `${operation}: LexV2Bot.AliasArn must be a Lex V2 bot alias ARN (arn:aws:lex:<region>:<account>:bot-alias/<botId>/<aliasId>).`,
    );
  }
  return arn;
}

/** The emulator's handlers over a state; pass them to setupServer or serve them with connect-service.ts. */
export function createConnectHandlers(state: ConnectState): HttpHandler[] {
  const route =
    (method: 'get' | 'put' | 'post' | 'delete') =>
    (path: string, handle: Route): HttpHandler =>
      http[method](`*${path}`, async ({ request, params }) => {
        if (signingServiceOf(request.headers.get('authorization')) !== 'connect') return undefined;
        try {
          return await handle({ request, params: params as Record<string, string>, url: new URL(request.url) });
        } catch (e) {
          if (e instanceof ConnectApiError) return e.toResponse();
          throw e;
        }
      });
  const get = route('get');
  const put = route('put');
  const post = route('post');
  const del = route('delete');
  const region = state.region;

  const instanceSummary = ({ instance: i }: InstanceRecord) => ({
    Id: i.id,
    Arn: i.arn,
    IdentityManagementType: i.identityManagementType,
    InstanceAlias: i.alias,
    CreatedTime: i.createdTime,
    ServiceRole: i.serviceRole,
    InstanceStatus: i.status,
    InboundCallsEnabled: i.inboundCallsEnabled,
    OutboundCallsEnabled: i.outboundCallsEnabled,
    InstanceAccessUrl: i.accessUrl,
  });

  return [
    // ListInstances
    get('/instance', ({ url }) => {
      const { items, NextToken } = page(state.instances(), url, 10, 10);
      return ok({ InstanceSummaryList: items.map(instanceSummary), NextToken });
    }),
    // DescribeInstance
    get('/instance/:InstanceId', ({ params }) =>
      ok({ Instance: instanceSummary(instanceOf(state, params.InstanceId)) }),
    ),
    // ListQueues
    get('/queues-summary/:InstanceId', ({ params, url }) => {
      const record = instanceOf(state, params.InstanceId);
      const types = url.searchParams.getAll('queueTypes');
      const queues = record.queues.filter((q) => types.length === 0 || types.includes(q.queueType));
      const { items, NextToken } = page(queues, url, 100, 1000);
      return ok({
        QueueSummaryList: items.map((q) => ({
          Id: q.id,
          Arn: q.arn,
          Name: q.name,
          QueueType: q.queueType,
          LastModifiedTime: q.lastModifiedTime,
          LastModifiedRegion: region,
        })),
        NextToken,
      });
    }),
    // DescribeQueue
    get('/queues/:InstanceId/:QueueId', ({ params }) => {
      const record = instanceOf(state, params.InstanceId);
      const queue = state.findQueue(record, decodeURIComponent(params.QueueId ?? ''));
      if (!queue) throw notFound(`Queue not found: ${params.QueueId} in instance ${record.instance.id}.`);
      return ok({
        Queue: {
          Name: queue.name,
          QueueArn: queue.arn,
          QueueId: queue.id,
          Description: queue.description,
          MaxContacts: queue.maxContacts,
          Status: queue.status,
          Tags: {},
          LastModifiedTime: queue.lastModifiedTime,
          LastModifiedRegion: region,
        },
      });
    }),
    // ListPhoneNumbers
    get('/phone-numbers-summary/:InstanceId', ({ params, url }) => {
      const record = instanceOf(state, params.InstanceId);
      const types = url.searchParams.getAll('phoneNumberTypes');
      const countries = url.searchParams.getAll('phoneNumberCountryCodes');
      const numbers = record.phoneNumbers.filter(
        (p) =>
          (types.length === 0 || types.includes(p.type)) &&
          (countries.length === 0 || countries.includes(p.countryCode)),
      );
      const { items, NextToken } = page(numbers, url, 100, 1000);
      return ok({
        PhoneNumberSummaryList: items.map((p) => ({
          Id: p.id,
          Arn: p.arn,
          PhoneNumber: p.phoneNumber,
          PhoneNumberType: p.type,
          PhoneNumberCountryCode: p.countryCode,
        })),
        NextToken,
      });
    }),
    // AssociatePhoneNumberContactFlow
    put('/phone-number/:PhoneNumberId/contact-flow', async ({ params, request }) => {
      const body = await readBody(request);
      const record = instanceOf(state, required(body, 'InstanceId', 'the instance that owns the number'));
      const found = state.findPhoneNumber(decodeURIComponent(params.PhoneNumberId ?? ''));
      if (!found || found.record !== record) throw notFound(`Phone number not found: ${params.PhoneNumberId}.`);
      const flow = flowOf(record, required(body, 'ContactFlowId', 'the inbound flow calls should run'));
      if (flow.type !== 'CONTACT_FLOW') {
        throw invalidParameter(`Flow ${flow.id} is a ${flow.type} flow; a phone number needs a CONTACT_FLOW flow.`);
      }
      found.phoneNumber.contactFlowId = flow.id;
      state.save();
      return ok();
    }),
    // DisassociatePhoneNumberContactFlow
    del('/phone-number/:PhoneNumberId/contact-flow', ({ params, url }) => {
      const record = instanceOf(state, url.searchParams.get('instanceId') ?? undefined);
      const found = state.findPhoneNumber(decodeURIComponent(params.PhoneNumberId ?? ''));
      if (!found || found.record !== record) throw notFound(`Phone number not found: ${params.PhoneNumberId}.`);
      delete found.phoneNumber.contactFlowId;
      state.save();
      return ok();
    }),
    // AssociateBot
    put('/instance/:InstanceId/bot', async ({ params, request }) => {
      const record = instanceOf(state, params.InstanceId);
      const arn = lexV2AliasArn(await readBody(request), 'AssociateBot');
      if (record.lexV2Bots.includes(arn)) {
        throw new ConnectApiError(
          409,
          'ResourceConflictException',
          `Lex V2 bot alias ${arn} is already associated with instance ${record.instance.id}.`,
        );
      }
      record.lexV2Bots.push(arn);
      state.save();
      return ok();
    }),
    // DisassociateBot
    post('/instance/:InstanceId/bot', async ({ params, request }) => {
      const record = instanceOf(state, params.InstanceId);
      const arn = lexV2AliasArn(await readBody(request), 'DisassociateBot');
      if (!record.lexV2Bots.includes(arn)) {
        throw notFound(`Lex V2 bot alias ${arn} is not associated with instance ${record.instance.id}.`);
      }
      record.lexV2Bots = record.lexV2Bots.filter((a) => a !== arn);
      state.save();
      return ok();
    }),
    // ListBots
    get('/instance/:InstanceId/bots', ({ params, url }) => {
      const record = instanceOf(state, params.InstanceId);
      const version = url.searchParams.get('lexVersion');
      if (version !== 'V1' && version !== 'V2') throw invalidRequest('LexVersion is required: V1 or V2.');
      const bots = version === 'V2' ? record.lexV2Bots.map((AliasArn) => ({ LexV2Bot: { AliasArn } })) : [];
      const { items, NextToken } = page(bots, url, 25, 25);
      return ok({ LexBots: items, NextToken });
    }),
    // CreateContactFlow
    put('/contact-flows/:InstanceId', async ({ params, request }) => {
      const record = instanceOf(state, params.InstanceId);
      const body = await readBody(request);
      const name = required(body, 'Name', 'name the flow');
      const type = required(body, 'Type', `one of ${FLOW_TYPES.join(', ')}`) as ContactFlowType;
      if (!FLOW_TYPES.includes(type)) throw invalidParameter(`Type must be one of ${FLOW_TYPES.join(', ')}.`);
      const content = required(body, 'Content', 'the flow in the Amazon Connect flow language, as a JSON string');
      const status = text(body, 'Status') ?? 'PUBLISHED';
      if (status !== 'PUBLISHED' && status !== 'SAVED') throw invalidParameter('Status must be PUBLISHED or SAVED.');
      checkFlowName(record, name);
      checkContent(state, record, content);
      const flow = state.addFlow(record, {
        name,
        type,
        content,
        status,
        description: text(body, 'Description'),
        tags: (body.Tags as Record<string, string> | undefined) ?? {},
        lastModifiedTime: state.nowSeconds(),
      });
      state.save();
      return ok({ ContactFlowId: flow.id, ContactFlowArn: flow.arn, FlowContentSha256: flow.sha256 });
    }),
    // UpdateContactFlowContent
    post('/contact-flows/:InstanceId/:ContactFlowId/content', async ({ params, request }) => {
      const record = instanceOf(state, params.InstanceId);
      const flow = flowOf(record, params.ContactFlowId);
      const content = required(await readBody(request), 'Content', 'the flow in the Amazon Connect flow language');
      checkContent(state, record, content);
      flow.content = content;
      flow.sha256 = sha256(content);
      flow.version += 1;
      flow.lastModifiedTime = state.nowSeconds();
      state.save();
      return ok({});
    }),
    // UpdateContactFlowName
    post('/contact-flows/:InstanceId/:ContactFlowId/name', async ({ params, request }) => {
      const record = instanceOf(state, params.InstanceId);
      const flow = flowOf(record, params.ContactFlowId);
      const body = await readBody(request);
      const name = text(body, 'Name');
      if (name !== undefined) {
        checkFlowName(record, name, flow.id);
        flow.name = name;
      }
      const description = text(body, 'Description');
      if (description !== undefined) flow.description = description;
      flow.lastModifiedTime = state.nowSeconds();
      state.save();
      return ok({});
    }),
    // UpdateContactFlowMetadata
    post('/contact-flows/:InstanceId/:ContactFlowId/metadata', async ({ params, request }) => {
      const record = instanceOf(state, params.InstanceId);
      const flow = flowOf(record, params.ContactFlowId);
      const body = await readBody(request);
      const name = text(body, 'Name');
      const flowState = text(body, 'ContactFlowState');
      if (flowState !== undefined && flowState !== 'ACTIVE' && flowState !== 'ARCHIVED') {
        throw invalidParameter('ContactFlowState must be ACTIVE or ARCHIVED.');
      }
      if (name !== undefined) checkFlowName(record, name, flow.id);
      if (name !== undefined) flow.name = name;
      const description = text(body, 'Description');
      if (description !== undefined) flow.description = description;
      if (flowState !== undefined) flow.state = flowState;
      flow.lastModifiedTime = state.nowSeconds();
      state.save();
      return ok({});
    }),
    // DescribeContactFlow
    get('/contact-flows/:InstanceId/:ContactFlowId', ({ params }) => {
      const record = instanceOf(state, params.InstanceId);
      const flow = flowOf(record, params.ContactFlowId);
      return ok({
        ContactFlow: {
          Arn: flow.arn,
          Id: flow.id,
          Name: flow.name,
          Type: flow.type,
          State: flow.state,
          Status: flow.status,
          Description: flow.description,
          Content: flow.content,
          Tags: flow.tags,
          FlowContentSha256: flow.sha256,
          Version: flow.version,
          LastModifiedTime: flow.lastModifiedTime,
          LastModifiedRegion: region,
        },
      });
    }),
    // ListContactFlows
    get('/contact-flows-summary/:InstanceId', ({ params, url }) => {
      const record = instanceOf(state, params.InstanceId);
      const types = url.searchParams.getAll('contactFlowTypes');
      const flows = record.flows.filter((f) => types.length === 0 || types.includes(f.type));
      const { items, NextToken } = page(flows, url, 100, 1000);
      return ok({
        ContactFlowSummaryList: items.map((f) => ({
          Id: f.id,
          Arn: f.arn,
          Name: f.name,
          ContactFlowType: f.type,
          ContactFlowState: f.state,
          ContactFlowStatus: f.status,
        })),
        NextToken,
      });
    }),
    // DeleteContactFlow
    del('/contact-flows/:InstanceId/:ContactFlowId', ({ params }) => {
      const record = instanceOf(state, params.InstanceId);
      const flow = flowOf(record, params.ContactFlowId);
      record.flows = record.flows.filter((f) => f !== flow);
      for (const number of record.phoneNumbers) {
        if (number.contactFlowId === flow.id) delete number.contactFlowId;
      }
      state.save();
      return ok({});
    }),
  ];
}
