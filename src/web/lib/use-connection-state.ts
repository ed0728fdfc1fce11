// The real-time connection's state as Amplify reports it on the Hub, for the "live" indicator.
import { useSyncExternalStore } from 'react';
import type { CONNECTION_STATE_CHANGE as ConnectionStateChange, ConnectionState } from 'aws-amplify/api';
import { Hub } from 'aws-amplify/utils';

// Amplify's names, typed against its own: importing its values would load its API category with the app's start
// (lib/graphql-client.ts loads that on first use).
const CONNECTION_STATE_CHANGE: typeof ConnectionStateChange = 'ConnectionStateChange';

export type Liveness = 'live' | 'connecting' | 'offline';

/** Amplify's eight connection states, as the three a user cares about. */
const LIVENESS: Record<`${ConnectionState}`, Liveness> = {
  Connected: 'live',
  ConnectedPendingKeepAlive: 'live',
  ConnectedPendingDisconnect: 'live',
  Connecting: 'connecting',
  ConnectedPendingNetwork: 'connecting',
  ConnectionDisrupted: 'offline',
  ConnectionDisruptedPendingNetwork: 'offline',
  Disconnected: 'offline',
};

export function toLiveness(state: ConnectionState | `${ConnectionState}`): Liveness {
  return LIVENESS[state];
}

// Hub does not replay past events, so the latest state is kept here for components that mount later.
let latest: Liveness = 'connecting';
const listeners = new Set<() => void>();

Hub.listen('api', ({ payload }) => {
  if (payload.event !== CONNECTION_STATE_CHANGE) return;
  const data = payload.data as { connectionState?: ConnectionState } | undefined;
  if (!data?.connectionState) return;
  latest = toLiveness(data.connectionState);
  listeners.forEach((listener) => listener());
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLiveness(): Liveness {
  return useSyncExternalStore(subscribe, () => latest);
}
