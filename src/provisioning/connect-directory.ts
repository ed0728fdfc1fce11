// What the wizard offers to choose from in the company's Amazon Connect: its instances and their queues,
// read through the Connect API (the real one in the cloud, the gateway's emulator locally).
import {
  ConnectClient,
  ListInstancesCommand,
  ListQueuesCommand,
  type InstanceSummary,
  type QueueSummary,
} from '@aws-sdk/client-connect';
import { NotFoundError } from '../core/errors';
import { isAwsError } from './aws-errors';

export type ConnectInstanceChoice = {
  id: string;
  arn: string;
  alias?: string;
  status?: string;
  inboundCallsEnabled?: boolean;
};
export type ConnectQueueChoice = { id: string; arn: string; name?: string };

export type ConnectDirectory = {
  listInstances(): Promise<ConnectInstanceChoice[]>;
  listQueues(instanceId: string): Promise<ConnectQueueChoice[]>;
};

/** Follows every page: an account has a handful of instances and an instance tens of queues. */
async function allPages<T>(page: (nextToken?: string) => Promise<{ items: T[]; nextToken?: string }>): Promise<T[]> {
  const items: T[] = [];
  let nextToken: string | undefined;
  do {
    const result = await page(nextToken);
    items.push(...result.items);
    nextToken = result.nextToken;
  } while (nextToken);
  return items;
}

export function createConnectDirectory(connect: ConnectClient): ConnectDirectory {
  return {
    async listInstances() {
      const summaries = await allPages<InstanceSummary>(async (NextToken) => {
        const r = await connect.send(new ListInstancesCommand({ MaxResults: 10, NextToken }));
        return { items: r.InstanceSummaryList ?? [], nextToken: r.NextToken };
      });
      return summaries
        .filter((s) => s.Id && s.Arn)
        .map((s) => ({
          id: s.Id!,
          arn: s.Arn!,
          ...(s.InstanceAlias ? { alias: s.InstanceAlias } : {}),
          ...(s.InstanceStatus ? { status: s.InstanceStatus } : {}),
          ...(s.InboundCallsEnabled !== undefined ? { inboundCallsEnabled: s.InboundCallsEnabled } : {}),
        }));
    },
    async listQueues(instanceId) {
      const summaries = await allPages<QueueSummary>(async (NextToken) => {
        const r = await connect
          .send(new ListQueuesCommand({ InstanceId: instanceId, QueueTypes: ['STANDARD'], MaxResults: 100, NextToken }))
          .catch((e: unknown) => {
            // An instance that is not there (or not this account's) is the caller's mistake, not a fault.
            if (isAwsError(e, 'ResourceNotFoundException', 'InvalidParameterException'))
              throw new NotFoundError(`No Amazon Connect instance ${instanceId} in this account and region.`, {
                resolution: 'Choose an instance id from listConnectInstances.',
              });
            throw e;
          });
        return { items: r.QueueSummaryList ?? [], nextToken: r.NextToken };
      });
      return summaries
        .filter((q) => q.Id && q.Arn)
        .map((q) => ({ id: q.Id!, arn: q.Arn!, ...(q.Name ? { name: q.Name } : {}) }));
    },
  };
}
