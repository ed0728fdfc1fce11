import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from './business-calendar';
import { ForbiddenError } from './errors';
import { getLexAnalytics, type DeployedLexBot, type LexFigures } from './lex-analytics';
import type { Principal } from './model';

const admin: Principal = { role: 'ADMIN', sub: 'sub-admin' };
const courier: Principal = { role: 'COURIER', sub: 'sub-c', courierId: 'courier-01' };
const calendar = createBusinessCalendar('America/Los_Angeles');
const range = { from: '2026-03-07', to: '2026-03-08' };
const bot: DeployedLexBot = {
  botId: 'ABCDEFGHIJ',
  botAliasId: 'ALIAS12345',
  botName: 'CourierVoicebot',
  botAliasName: 'live',
  localeId: 'en_US',
};
const figures: LexFigures = {
  conversations: 3,
  success: 2,
  failure: 1,
  dropped: 0,
  averageTurns: 4.5,
  intents: [{ intent: 'TrackDelivery', count: 2, success: 2, failure: 0, switched: 0, dropped: 0 }],
  stages: [
    { intent: 'TrackDelivery', stage: 'Fulfillment', count: 2, success: 2, failed: 0, dropped: 0, retried: 0 },
    { intent: 'BookCourier', stage: 'PickupAddress', count: 1, success: 1, failed: 0, dropped: 0, retried: 1 },
    { intent: 'TrackDelivery', stage: 'TrackingReference', count: 2, success: 1, failed: 0, dropped: 1, retried: 3 },
    { intent: 'BookCourier', stage: 'Confirmation', count: 1, success: 1, failed: 0, dropped: 0, retried: 0 },
  ],
};
const warnings: unknown[] = [];
const log = { warn: (message: string, detail?: unknown) => warnings.push([message, detail]) };

describe("Lex V2's analytics of the deployed bot", () => {
  it('reads the company days as instants in its time zone (across the spring-forward night)', async () => {
    // Prepare
    const asked: [DeployedLexBot, Date, Date][] = [];
    const lex = { read: async (b: DeployedLexBot, s: Date, e: Date) => (asked.push([b, s, e]), figures) };
    // Act
    const report = await getLexAnalytics(range, admin, { calendar, log, bots: { current: async () => bot }, lex });
    // Assess
    expect(asked).toEqual([[bot, new Date('2026-03-07T08:00:00Z'), new Date('2026-03-09T07:00:00Z')]]);
    const { stages, ...rest } = figures;
    expect(report).toMatchObject({ state: 'AVAILABLE', botId: bot.botId, botAliasId: bot.botAliasId, ...rest });
    // The stages Lex re-asked most first; without retries, the most reached first.
    expect(report.stages.map((s) => [s.stage, s.retried])).toEqual([
      ['TrackingReference', 3],
      ['PickupAddress', 1],
      ['Fulfillment', 0],
      ['Confirmation', 0],
    ]);
    expect(report.stages).toHaveLength(stages.length);
    expect(report.detail).toBe('Lex V2 analytics of CourierVoicebot (live, en_US).');
  });

  it('says when no bot is deployed, and when Lex cannot be read, without failing the request', async () => {
    // Act
    const none = await getLexAnalytics(range, admin, { calendar, log, bots: { current: async () => undefined } });
    const failing = await getLexAnalytics(range, admin, {
      calendar,
      log,
      bots: { current: async () => bot },
      lex: {
        read: async () => {
          throw Object.assign(new Error('User is not authorized to perform: lex:ListSessionMetrics'), {
            name: 'AccessDeniedException',
          });
        },
      },
    });
    // Assess
    expect(none).toEqual({
      ...range,
      state: 'NOT_DEPLOYED',
      detail: expect.stringMatching(/^No voicebot/),
      intents: [],
      stages: [],
    });
    expect(failing.state).toBe('UNAVAILABLE');
    expect(failing.detail).toContain(
      '(AccessDeniedException: User is not authorized to perform: lex:ListSessionMetrics)',
    );
    expect(warnings).toHaveLength(1);
  });

  it('is for administrators only', async () => {
    // Act
    const refused = getLexAnalytics(range, courier, { calendar, log, bots: { current: async () => bot } });
    // Assess
    await expect(refused).rejects.toBeInstanceOf(ForbiddenError);
  });
});
