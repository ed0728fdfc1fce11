// Names for the ids a deployment stores: the instance's alias and the queue's name, read from Connect.
import { useConnectInstances, useConnectQueues } from './use-connect-choices';

export type ConnectNames = {
  instanceName: (instanceId: string) => string | undefined;
  queueName: (queueArn: string | null | undefined) => string | undefined;
};

/** Queues are read for one instance (the one whose deployment is shown); the rest fall back to ids. */
export function useConnectNames(instanceId: string): ConnectNames {
  const instances = useConnectInstances();
  const queues = useConnectQueues(instanceId);
  return {
    instanceName: (id) => instances.items.find((i) => i.id === id)?.alias ?? undefined,
    queueName: (arn) => (arn ? (queues.items.find((q) => q.arn === arn)?.name ?? undefined) : undefined),
  };
}
