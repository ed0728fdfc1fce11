// The real-time connection's state as Amplify reports it on the Hub, for the "live" indicator.
import { useSyncExternalStore } from 'react';
import { CONNECTION_STATE_CHANGE, ConnectionState } from 'aws-amplify/api';
import { Hub } from 'aws-amplify/utils';

export type Liveness = 'live' | 'connecting' | 'offline';

/** Amplify's eight connection states, as the three a user cares about. */
export function toLiveness(state: ConnectionState): Liveness {
  switch (state) {
    case ConnectionState.Connected:
    case ConnectionState.ConnectedPendingKeepAlive:
    case ConnectionState.ConnectedPendingDisconnect:
      return 'live';
    case ConnectionState.Connecting:
    case ConnectionState.ConnectedPendingNetwork:
      return 'connecting';
    case ConnectionState.ConnectionDisrupted:
    case ConnectionState.ConnectionDisruptedPendingNetwork:
    case ConnectionState.Disconnected:
      return 'offline';
  }
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
