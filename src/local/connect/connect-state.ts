// The Connect emulator's state: instances with their queues, phone numbers, associated Lex V2 bots and contact
// flows, kept in memory and optionally in a JSON file so a provisioned flow survives a restart.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { contactFlowContent, type ContactFlow } from '../../voice/contact-flow';

/** The account every local resource lives in (LocalStack's convention). */
export const LOCAL_ACCOUNT_ID = '000000000000';

export type ConnectInstance = {
  id: string;
  arn: string;
  alias: string;
  /** Epoch seconds, as restJson timestamps travel. */
  createdTime: number;
  serviceRole: string;
  identityManagementType: 'CONNECT_MANAGED' | 'SAML' | 'EXISTING_DIRECTORY';
  status: 'ACTIVE' | 'CREATION_IN_PROGRESS' | 'CREATION_FAILED';
  inboundCallsEnabled: boolean;
  outboundCallsEnabled: boolean;
  accessUrl: string;
};

export type ConnectQueue = {
  id: string;
  arn: string;
  name: string;
  description: string;
  queueType: 'STANDARD' | 'AGENT';
  status: 'ENABLED' | 'DISABLED';
  /** Contacts the queue takes before TransferContactToQueue fails with QueueAtCapacity; unlimited when absent. */
  maxContacts?: number;
  lastModifiedTime: number;
};

export type ConnectPhoneNumber = {
  id: string;
  arn: string;
  /** E.164. */
  phoneNumber: string;
  type: 'DID' | 'TOLL_FREE';
  countryCode: string;
  /** The inbound flow calls to this number run. */
  contactFlowId?: string;
};

export type ContactFlowType =
  | 'CONTACT_FLOW'
  | 'CUSTOMER_QUEUE'
  | 'CUSTOMER_HOLD'
  | 'CUSTOMER_WHISPER'
  | 'AGENT_HOLD'
  | 'AGENT_WHISPER'
  | 'OUTBOUND_WHISPER'
  | 'AGENT_TRANSFER'
  | 'QUEUE_TRANSFER'
  | 'CAMPAIGN';

export type ConnectContactFlow = {
  id: string;
  arn: string;
  name: string;
  type: ContactFlowType;
  description?: string;
  state: 'ACTIVE' | 'ARCHIVED';
  status: 'PUBLISHED' | 'SAVED';
  content: string;
  sha256: string;
  version: number;
  tags: Record<string, string>;
  lastModifiedTime: number;
};

export type InstanceRecord = {
  instance: ConnectInstance;
  queues: ConnectQueue[];
  phoneNumbers: ConnectPhoneNumber[];
  /** Lex V2 bot alias ARNs associated with the instance (AssociateBot). */
  lexV2Bots: string[];
  flows: ConnectContactFlow[];
};

export type ConnectStateData = { instances: InstanceRecord[] };

export type ConnectState = {
  region: string;
  accountId: string;
  instances(): InstanceRecord[];
  /** By instance ID or ARN, as Connect accepts either. */
  findInstance(idOrArn: string): InstanceRecord | undefined;
  findFlow(record: InstanceRecord, idOrArn: string): ConnectContactFlow | undefined;
  findQueue(record: InstanceRecord, idOrArn: string): ConnectQueue | undefined;
  /** A claimed phone number of any instance, by ID, ARN or the number itself. */
  findPhoneNumber(idArnOrNumber: string): { record: InstanceRecord; phoneNumber: ConnectPhoneNumber } | undefined;
  /** Adds a flow to an instance (the caller has validated it). */
  addFlow(
    record: InstanceRecord,
    flow: Pick<ConnectContactFlow, 'name' | 'type' | 'content'> & Partial<ConnectContactFlow>,
  ): ConnectContactFlow;
  /** Writes the state to its file, when it has one. Call after every change. */
  save(): void;
  /** The emulator's clock in epoch seconds, for LastModifiedTime. */
  nowSeconds(): number;
};

export type ConnectStateOptions = {
  region: string;
  accountId?: string;
  /** JSON file the state is loaded from and saved to; in memory only when absent. */
  file?: string;
  /** Starts empty instead of with the courier company's instance (when there is no file to load). */
  empty?: boolean;
  now?: () => Date;
};

/** Fixed identifiers of the seeded instance, so scripts and docs can name them. */
export const SEED = {
  instanceId: '5f3c2a9e-8b41-4d7a-9c2e-1a6b7d8e9f01',
  instanceAlias: 'courier-demo',
  basicQueueId: 'b7e2d9c1-3f5a-4e8b-8d61-0f2a9c4e7b15',
  phoneNumberId: 'c3f81a2e-9d47-4b6c-a0e5-7d2b1f8c6a94',
  phoneNumber: '+12065550100',
  defaultInboundFlowId: 'e9a4c7d2-1b6f-4a3e-8c5d-2f7b9e0a1c36',
} as const;

export function sha256(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}

function epochSeconds(at: Date): number {
  return Math.floor(at.getTime() / 1000);
}

/** The instance a courier company would already run: a BasicQueue, a Seattle DID and Connect's default inbound flow. */
function seedInstance(region: string, accountId: string, now: Date): InstanceRecord {
  const arn = `arn:aws:connect:${region}:${accountId}:instance/${SEED.instanceId}`;
  const created = epochSeconds(new Date('2024-03-04T09:00:00Z'));
  const queueArn = `${arn}/queue/${SEED.basicQueueId}`;
  const defaultInbound: ContactFlow = {
    Version: '2019-10-30',
    StartAction: 'welcome',
    Actions: [
      {
        Identifier: 'welcome',
        Type: 'MessageParticipant',
        Parameters: { Text: 'Thank you for calling. Please hold for the next available agent.' },
        Transitions: { NextAction: 'set-queue', Errors: [{ NextAction: 'set-queue', ErrorType: 'NoMatchingError' }] },
      },
      {
        Identifier: 'set-queue',
        Type: 'UpdateContactTargetQueue',
        Parameters: { QueueId: queueArn },
        Transitions: { NextAction: 'transfer', Errors: [{ NextAction: 'disconnect', ErrorType: 'NoMatchingError' }] },
      },
      {
        Identifier: 'transfer',
        Type: 'TransferContactToQueue',
        Parameters: {},
        Transitions: {
          NextAction: 'disconnect',
          Errors: [
            { NextAction: 'disconnect', ErrorType: 'QueueAtCapacity' },
            { NextAction: 'disconnect', ErrorType: 'NoMatchingError' },
          ],
        },
      },
      { Identifier: 'disconnect', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
    ],
  };
  const content = contactFlowContent(defaultInbound);
  return {
    instance: {
      id: SEED.instanceId,
      arn,
      alias: SEED.instanceAlias,
      createdTime: created,
      serviceRole: `arn:aws:iam::${accountId}:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect_CourierDemo`,
      identityManagementType: 'CONNECT_MANAGED',
      status: 'ACTIVE',
      inboundCallsEnabled: true,
      outboundCallsEnabled: true,
      accessUrl: `https://${SEED.instanceAlias}.my.connect.aws`,
    },
    queues: [
      {
        id: SEED.basicQueueId,
        arn: queueArn,
        name: 'BasicQueue',
        description: 'A simple, basic voice queue.',
        queueType: 'STANDARD',
        status: 'ENABLED',
        lastModifiedTime: created,
      },
    ],
    phoneNumbers: [
      {
        id: SEED.phoneNumberId,
        arn: `arn:aws:connect:${region}:${accountId}:phone-number/${SEED.phoneNumberId}`,
        phoneNumber: SEED.phoneNumber,
        type: 'DID',
        countryCode: 'US',
        contactFlowId: SEED.defaultInboundFlowId,
      },
    ],
    lexV2Bots: [],
    flows: [
      {
        id: SEED.defaultInboundFlowId,
        arn: `${arn}/contact-flow/${SEED.defaultInboundFlowId}`,
        name: 'Default inbound',
        type: 'CONTACT_FLOW',
        description: 'Puts every caller in BasicQueue',
        state: 'ACTIVE',
        status: 'PUBLISHED',
        content,
        sha256: sha256(content),
        version: 1,
        tags: {},
        lastModifiedTime: epochSeconds(now),
      },
    ],
  };
}

function isStateData(value: unknown): value is ConnectStateData {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as ConnectStateData).instances) &&
    (value as ConnectStateData).instances.every(
      (r) => typeof r?.instance?.id === 'string' && Array.isArray(r.flows) && Array.isArray(r.queues),
    )
  );
}

function load(file: string): ConnectStateData {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`The Connect emulator's state file ${file} is not valid JSON; delete it to start afresh`, {
      cause: e,
    });
  }
  if (!isStateData(parsed)) {
    throw new Error(`The Connect emulator's state file ${file} has an unknown shape; delete it to start afresh`);
  }
  return parsed;
}

const byIdOrArn = <T extends { id: string; arn: string }>(items: T[], key: string): T | undefined =>
  items.find((i) => i.id === key || i.arn === key);

/**
 * The emulator's state. With a file, what was saved before is loaded; otherwise it starts with the courier
 * company's existing instance, as a fresh local stack would find it.
 */
export function createConnectState(options: ConnectStateOptions): ConnectState {
  const accountId = options.accountId ?? LOCAL_ACCOUNT_ID;
  const now = options.now ?? (() => new Date());
  const { file, region } = options;
  const data: ConnectStateData =
    file && existsSync(file)
      ? load(file)
      : { instances: options.empty ? [] : [seedInstance(region, accountId, now())] };

  const state: ConnectState = {
    region,
    accountId,
    nowSeconds: () => epochSeconds(now()),
    instances: () => data.instances,
    findInstance: (key) => data.instances.find((r) => r.instance.id === key || r.instance.arn === key),
    findFlow: (record, key) => byIdOrArn(record.flows, key),
    findQueue: (record, key) => byIdOrArn(record.queues, key),
    findPhoneNumber(key) {
      for (const record of data.instances) {
        const phoneNumber = record.phoneNumbers.find((p) => p.id === key || p.arn === key || p.phoneNumber === key);
        if (phoneNumber) return { record, phoneNumber };
      }
      return undefined;
    },
    addFlow(record, flow) {
      const id = flow.id ?? randomUUID();
      const created: ConnectContactFlow = {
        id,
        arn: `${record.instance.arn}/contact-flow/${id}`,
        state: 'ACTIVE',
        status: 'PUBLISHED',
        version: 1,
        tags: {},
        lastModifiedTime: epochSeconds(now()),
        ...flow,
        sha256: sha256(flow.content),
      };
      record.flows.push(created);
      return created;
    },
    save() {
      if (!file) return;
      mkdirSync(dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(data, null, 2));
      renameSync(temporary, file);
    },
  };
  if (file && !existsSync(file)) state.save();
  return state;
}
