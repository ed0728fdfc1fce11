// A test call through the local call simulator: where it is, the call in progress and its transcript, and
// the caller's actions. Turns are taken one at a time, as speech would be.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  hangUpCall,
  loadCallSimulatorConfig,
  sayOnCall,
  startCall,
  type CallSimulatorConfig,
  type CallView,
} from '../api/call-simulator-api';
import { newBotLines, transcriptLines, type TranscriptLine } from './transcript';

export type TestCall = {
  /** 'absent': no simulator in this environment (the cloud); callers dial the contact flow's number. */
  setup:
    | { phase: 'loading' }
    | { phase: 'absent' }
    | { phase: 'ready'; config: CallSimulatorConfig }
    | { phase: 'error'; error: unknown };
  call: CallView | null;
  lines: TranscriptLine[];
  busy: boolean;
  error: unknown;
  dial: (from: string) => Promise<void>;
  say: (text: string) => Promise<void>;
  hangUp: () => Promise<void>;
};

export function useTestCall(onBotLines: (lines: string[]) => void): TestCall {
  const [setup, setSetup] = useState<TestCall['setup']>({ phase: 'loading' });
  const [call, setCall] = useState<CallView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const spoken = useRef(0);
  const speak = useRef(onBotLines);
  speak.current = onBotLines;

  useEffect(() => {
    let cancelled = false;
    loadCallSimulatorConfig().then(
      (config) => !cancelled && setSetup(config ? { phase: 'ready', config } : { phase: 'absent' }),
      (failure: unknown) => !cancelled && setSetup({ phase: 'error', error: failure }),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  const show = useCallback((next: CallView) => {
    setCall(next);
    const lines = transcriptLines(next);
    const fresh = newBotLines(lines, spoken.current);
    spoken.current = lines.length;
    if (fresh.length > 0) speak.current(fresh);
  }, []);

  const config = setup.phase === 'ready' ? setup.config : null;

  const act = useCallback(
    async (action: () => Promise<CallView>) => {
      setBusy(true);
      setError(null);
      try {
        show(await action());
      } catch (failure) {
        setError(failure);
      } finally {
        setBusy(false);
      }
    },
    [show],
  );

  const dial = useCallback(
    async (from: string) => {
      if (!config) return;
      spoken.current = 0;
      await act(async () => (await startCall(config, from)).call);
    },
    [config, act],
  );

  const contactId = call?.contactId;
  const say = useCallback(
    async (text: string) => {
      if (!config || !contactId) return;
      await act(async () => (await sayOnCall(config, contactId, text)).call);
    },
    [config, contactId, act],
  );

  const hangUp = useCallback(async () => {
    if (!config || !contactId) return;
    await act(() => hangUpCall(config, contactId));
  }, [config, contactId, act]);

  return { setup, call, lines: call ? transcriptLines(call) : [], busy, error, dial, say, hangUp };
}
