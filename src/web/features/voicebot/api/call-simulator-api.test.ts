import { describe, expect, it } from 'vitest';
import {
  callSimulatorOf,
  CallSimulatorError,
  loadCallSimulatorConfig,
  sayOnCall,
  startCall,
} from './call-simulator-api';

const config = { url: 'http://localhost:4566/_local/connect', phoneNumber: '+12065550199' };

/** A fetch that records each request and answers with the given status and body. */
function fakeFetch(status: number, body: unknown) {
  const requests: { url: string; init: RequestInit | undefined }[] = [];
  const fetchFn = (async (url: string, init?: RequestInit) => {
    requests.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { fetchFn, requests };
}

describe('callSimulatorOf', () => {
  it('reads custom.callSimulator, and finds none in cloud outputs', () => {
    // Prepare
    const local = {
      custom: { callSimulator: { url: 'http://localhost:4566/_local/connect/', phoneNumber: '+12065550199' } },
    };
    const cloud = { custom: { mapTileUrl: 'https://tiles' } };

    // Act
    const found = callSimulatorOf(local);
    const absent = callSimulatorOf(cloud);

    // Assess
    expect(found).toEqual(config);
    expect(absent).toBeNull();
  });

  it('loads the outputs served beside the app', async () => {
    // Prepare
    const { fetchFn, requests } = fakeFetch(200, { custom: { callSimulator: config } });

    // Act
    const loaded = await loadCallSimulatorConfig(fetchFn);

    // Assess
    expect(loaded).toEqual(config);
    expect(requests[0]?.url).toBe('/amplify_outputs.json');
  });
});

describe('calls', () => {
  it('dials the configured number from the caller', async () => {
    // Prepare
    const { fetchFn, requests } = fakeFetch(201, {
      heard: ['Hello'],
      call: { contactId: 'c-1', state: 'IN_BOT', transcript: [] },
    });

    // Act
    const turn = await startCall(config, '+12065550100', fetchFn);

    // Assess
    expect(turn.heard).toEqual(['Hello']);
    expect(requests[0]?.url).toBe(`${config.url}/calls`);
    expect(JSON.parse(String(requests[0]?.init?.body))).toEqual({ from: '+12065550100', phoneNumber: '+12065550199' });
  });

  it("turns the simulator's refusal into an error with its message and resolution", async () => {
    // Prepare
    const { fetchFn, requests } = fakeFetch(409, {
      error: 'ConflictError',
      message: 'The call is DISCONNECTED; the caller can only speak while the bot is listening.',
      resolution: 'Start a new call.',
    });

    // Act
    const failure = await sayOnCall(config, 'c/1', 'hello', fetchFn).catch((e: unknown) => e);

    // Assess
    expect(requests[0]?.url).toBe(`${config.url}/calls/c%2F1/say`);
    expect(failure).toBeInstanceOf(CallSimulatorError);
    expect(failure).toMatchObject({ code: 'ConflictError', resolution: 'Start a new call.' });
    expect((failure as Error).message).toMatch(/only speak while the bot is listening/);
  });
});
