// Amazon Lex V2's own analytics beside the code hook's figures (issue 11, point 9): on the local stack with the
// voicebot provisioned, a simulated phone call goes through Connect and Lex (the gateway's emulators) and Lex's
// conversation count, read through the analyticsLex GraphQL field, goes up by one with the code hook's, and the
// intent stage the caller was asked in is counted once more; only an administrator may read it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from '../../src/local/stack';
import {
  analyticsBot,
  analyticsLex,
  type AnalyticsBotQuery,
  type AnalyticsLexQuery,
} from '../../src/generated/graphql';
import { addDays } from '../../src/core/business-calendar';
import { as, companyDay, gql, startTestStack } from '../support/test-stack';

let stack: Stack;

beforeAll(async () => {
  stack = await startTestStack({ provisionVoicebot: true });
}, 180_000);
afterAll(async () => stack?.close());

type CallTurn = { heard: string[]; call: { contactId: string; state: string } };

async function post(path: string, body: unknown): Promise<CallTurn> {
  const res = await fetch(`${stack.outputs.custom.callSimulator!.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status, path).toBeLessThan(300);
  return (await res.json()) as CallTurn;
}

/** A phone call through the call simulator: the caller's lines, until the bot ends the call. */
async function call(from: string, lines: string[]): Promise<string> {
  const started = await post('/calls', { from, phoneNumber: stack.outputs.custom.callSimulator!.phoneNumber });
  let state = started.call.state;
  for (const text of lines) {
    if (state !== 'IN_BOT') break;
    state = (await post(`/calls/${started.call.contactId}/say`, { text })).call.state;
  }
  return state;
}

const range = () => ({ from: addDays(companyDay(stack), -1), to: companyDay(stack) });

describe("Lex V2's analytics beside the code hook's figures", () => {
  it("a simulated call adds one conversation to Lex's count, with its intents, as it does to the code hook's", async () => {
    // Prepare
    const admin = await as(stack, 'admin@example.com');
    const read = async () => {
      await stack.flushChangeFeed();
      const lex = await gql<AnalyticsLexQuery>(stack, admin, analyticsLex, range());
      const bot = await gql<AnalyticsBotQuery>(stack, admin, analyticsBot, { ...range(), granularity: 'DAY' });
      expect(lex.errors).toBeUndefined();
      expect(bot.errors).toBeUndefined();
      return { lex: lex.data!.analyticsLex, hook: bot.data!.analyticsBot.total };
    };
    const before = await read();

    // Act: a caller asks to track a parcel without a reference to hand, then says goodbye.
    const ended = await call('+12065550177', ['I want to track a parcel', "I don't have it", 'no thanks, goodbye']);
    const after = await read();

    // Assess
    expect(ended).toBe('DISCONNECTED');
    expect(before.lex.state).toBe('AVAILABLE');
    expect(after.lex.detail).toMatch(/^Lex V2 analytics of CourierVoicebot \(/);
    expect(after.lex.botId).toMatch(/^[0-9A-Z]{10}$/);
    expect(after.lex.conversations).toBe((before.lex.conversations ?? 0) + 1);
    expect(after.hook.calls).toBe(before.hook.calls + 1);
    const track = (r: typeof after.lex) => r.intents.find((i) => i.intent === 'TrackDelivery')?.count ?? 0;
    expect(track(after.lex)).toBe(track(before.lex) + 1);
    const ends = (r: typeof after.lex) => (r.success ?? 0) + (r.failure ?? 0) + (r.dropped ?? 0);
    // The call ended with the bot closing the conversation, so Lex has classified it already.
    expect(ends(after.lex)).toBe(ends(before.lex) + 1);
    expect(after.lex.averageTurns).toBeGreaterThanOrEqual(1);
    // Asked for the booking reference: that stage of TrackDelivery was reached once more (ListIntentStageMetrics).
    const reached = (r: typeof after.lex) =>
      r.stages.find((s) => s.intent === 'TrackDelivery' && s.stage === 'BookingReference')?.count ?? 0;
    expect(reached(after.lex)).toBe(reached(before.lex) + 1);
    const retried = after.lex.stages.map((s) => s.retried);
    expect(retried).toEqual([...retried].sort((a, b) => b - a));
  });

  it('is refused to a courier and to a partner user', async () => {
    // Act
    const results = await Promise.all(
      ['courier1@example.com', 'partner@example.com'].map(async (email) =>
        gql<AnalyticsLexQuery>(stack, await as(stack, email), analyticsLex, range()),
      ),
    );

    // Assess
    for (const refused of results) {
      expect(refused.data?.analyticsLex ?? null).toBeNull();
      expect(refused.errors?.[0]?.errorType).toMatch(/Unauthorized|Forbidden/);
    }
  });
});
