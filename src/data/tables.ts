// Every DynamoDB table, defined once: turned into CDK tables (amplify/backend.ts), CloudFormation
// (infra-cfn) and local tables at start (src/local). Attribute names here are the item layout's contract.

export type KeyAttribute = { name: string; type: 'S' | 'N' };
export type IndexDefinition = { name: string; partitionKey: KeyAttribute; sortKey?: KeyAttribute };
export type TableDefinition = {
  /** Logical name: the physical name is `${prefix}${logicalName}` locally, CDK-generated in the cloud. */
  logicalName: string;
  description: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  /** Global secondary indexes, all projecting ALL attributes. */
  indexes: IndexDefinition[];
  /** Epoch-seconds attribute after which DynamoDB deletes the item (retention, Req 6.6). */
  ttlAttribute?: string;
  /** Whether the table's changes feed the change feed (stream view NEW_AND_OLD_IMAGES). */
  stream: boolean;
};

const S = (name: string): KeyAttribute => ({ name, type: 'S' });

export const TABLES = {
  bookings: {
    logicalName: 'Bookings',
    description: 'Bookings keyed by their reference, with their status history (Req 3.6, 6.2, 6.3)',
    partitionKey: S('reference'),
    indexes: [
      // The map's date filter and day reports: one partition per pickup day, sorted by status then time.
      { name: 'byDay', partitionKey: S('day'), sortKey: S('statusAt') },
      // A courier's deliveries for a day.
      { name: 'byCourier', partitionKey: S('courierId'), sortKey: S('dayAt') },
      // A partner's bookings, newest last.
      { name: 'byPartner', partitionKey: S('partnerId'), sortKey: S('dayAt') },
    ],
    ttlAttribute: 'expiresAt',
    stream: true,
  },
  feedback: {
    logicalName: 'Feedback',
    description: 'Feedback and complaints on completed deliveries (Req 5, 6.4)',
    partitionKey: S('reference'),
    indexes: [
      { name: 'byBooking', partitionKey: S('bookingReference'), sortKey: S('createdAt') },
      { name: 'byDay', partitionKey: S('day'), sortKey: S('createdAt') },
      { name: 'byCourier', partitionKey: S('courierId'), sortKey: S('createdAt') },
      { name: 'byPartner', partitionKey: S('partnerId'), sortKey: S('createdAt') },
      // Sparse: only flagged (high-severity) complaints carry `flaggedDay`.
      { name: 'flagged', partitionKey: S('flaggedDay'), sortKey: S('createdAt') },
    ],
    ttlAttribute: 'expiresAt',
    stream: true,
  },
  couriers: {
    logicalName: 'Couriers',
    description: 'Courier profiles and last known location',
    partitionKey: S('id'),
    indexes: [{ name: 'byUserSub', partitionKey: S('userSub') }],
    stream: true,
  },
  partners: {
    logicalName: 'Partners',
    description: 'Partner companies that integrate through MCP and GraphQL',
    partitionKey: S('id'),
    indexes: [],
    stream: false,
  },
  memberships: {
    logicalName: 'Memberships',
    description: 'Which courier or partner a signed-in user (Cognito sub) is',
    partitionKey: S('sub'),
    indexes: [],
    stream: false,
  },
  idempotency: {
    logicalName: 'Idempotency',
    description: 'Results of requests by idempotency key, so retries never act twice',
    partitionKey: S('key'),
    indexes: [],
    ttlAttribute: 'expiresAt',
    stream: false,
  },
  rollups: {
    logicalName: 'Rollups',
    description:
      'Dashboard figures kept current by the change feed: per-day counters in shards, the open deliveries with an ETA, feed health (Req 2.3-2.4, 9.11)',
    // `day#<YYYY-MM-DD>` / `shard#<nn>`: counters (a fixed set, whatever the day's volume);
    // `applied#<source>` / `days`: the last version of a booking or feedback counted per day (the aggregator's
    // replay guard, never read by the dashboard; expires two days after its source is removed);
    // `late#<YYYY-MM-DD>` / `<eta>#<reference>`: watched deliveries;
    // `feed` / `health`: last change-feed event and voice call;
    // `events#<partnerId>` / `<loggedAt>#<reference>#<at>#<status>`: a partner's booking status changes
    // (listStatusEvents), kept for 30 days through `expiresAt`;
    // `sequence#<courierId>` / `<day>`: the order a courier chose for their stops that day, kept three days.
    partitionKey: S('pk'),
    sortKey: S('sk'),
    indexes: [],
    ttlAttribute: 'expiresAt',
    stream: false,
  },
  outbox: {
    logicalName: 'Outbox',
    description:
      "Customer SMS as sent (with the SMS provider's answer in the cloud; kept here only, locally) and admin notices (Req 11.8)",
    partitionKey: S('id'),
    indexes: [
      { name: 'byBooking', partitionKey: S('bookingReference'), sortKey: S('createdAt') },
      // Sparse: customer SMS carry `channel` = "SMS" and admin notices "ADMIN", so the admin's Messages page lists
      // each newest first. One partition each: a courier company's SMS rate is far below a partition's write limit.
      { name: 'sent', partitionKey: S('channel'), sortKey: S('createdAt') },
    ],
    ttlAttribute: 'expiresAt',
    stream: false,
  },
  partnerTokens: {
    logicalName: 'PartnerTokens',
    description:
      'Partner API tokens: scopes, expiry, rate limit and the SHA-256 of the secret, never the secret (Req 7.3)',
    partitionKey: S('tokenId'),
    indexes: [{ name: 'byPartner', partitionKey: S('partnerId'), sortKey: S('createdAt') }],
    stream: false,
  },
  rateLimits: {
    logicalName: 'RateLimits',
    description: 'Per-partner request counters per time window, shared by every API and MCP instance (Req 7.4)',
    partitionKey: S('key'),
    indexes: [],
    ttlAttribute: 'expiresAt',
    stream: false,
  },
  audit: {
    logicalName: 'Audit',
    description: 'Every partner call: operation, argument digest, outcome, latency (Req 7.8)',
    // `atId` = `<at>#<id>`: newest last within a partner, and within a day across partners.
    partitionKey: S('partnerId'),
    sortKey: S('atId'),
    indexes: [{ name: 'byDay', partitionKey: S('day'), sortKey: S('atId') }],
    ttlAttribute: 'expiresAt',
    // The change feed counts each partner's calls, errors and rate-limit refusals (partner analytics, Req 10.8).
    stream: true,
  },
  deployments: {
    logicalName: 'Deployments',
    description:
      'Bot provisioning runs: settings, each step with the resources it found or created, errors; progress reaches the wizard through the change feed (Req 1, 2.1-2.2)',
    partitionKey: S('id'),
    // Every item carries `list` = "deployments", so one query lists them newest first.
    indexes: [{ name: 'newest', partitionKey: S('list'), sortKey: S('createdAt') }],
    stream: true,
  },
  alerts: {
    logicalName: 'Alerts',
    description:
      'Service-quality alerts (late deliveries, complaint rate above the threshold) and the thresholds admins set (Req 10.5); new alerts reach the dashboard through the change feed',
    // `<day>` / `<key>`: an alert, one per key (`LATE#<reference>#<eta>`, `COMPLAINTS#<day>#<threshold>`);
    // `settings` / `alerts`: the thresholds, versioned.
    partitionKey: S('pk'),
    sortKey: S('sk'),
    indexes: [],
    ttlAttribute: 'expiresAt',
    stream: true,
  },
  conversations: {
    logicalName: 'Conversations',
    description:
      "The voicebot's calls as the code hook saw them, turn by turn: understood and missed utterances, slots asked again, what each call achieved (Req 2.4); their changes feed the bot's analytics",
    // One item per Lex session, updated once per turn (`version` = the turn), kept for the retention period.
    partitionKey: S('sessionId'),
    indexes: [],
    ttlAttribute: 'expiresAt',
    stream: true,
  },
  settings: {
    logicalName: 'Settings',
    description:
      "The company's rules set by its admins (service area, collection hours, same-day cut-off, parcel limits) and every change to them (Req 2.5)",
    // `company` / `current`: the rules in force, with their version; `company` / `change#<version>`: one change
    // each (who, when, each field before and after), never overwritten.
    // `ratecard` / `v#<version>`: the courier rate card (Req 12.4), one item per version, never overwritten.
    partitionKey: S('pk'),
    sortKey: S('sk'),
    indexes: [],
    stream: false,
  },
} as const satisfies Record<string, TableDefinition>;

export type TableKey = keyof typeof TABLES;
/** Physical table names by key, resolved by the runtime's configuration. */
export type TableNames = Record<TableKey, string>;

export function localTableNames(prefix: string): TableNames {
  return Object.fromEntries(
    Object.entries(TABLES).map(([key, def]) => [key, `${prefix}${def.logicalName}`]),
  ) as TableNames;
}
