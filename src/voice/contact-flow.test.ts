import { describe, it, expect } from 'vitest';
import { lexEvent } from '../../tests/events/lex-event';
import { ValidationError } from '../core/errors';
import { BOT_DEFINITION } from './bot-definition';
import {
  BOT_OUTCOMES,
  buildContactFlow,
  contactFlowContent,
  FLOW_ACTIONS,
  parseContactFlow,
  validateContactFlow,
  type ContactFlow,
  type FlowAction,
} from './contact-flow';
import { newSession } from './dialog';
import { buildLexResult } from './lex-codehook';

const ALIAS_ARN = 'arn:aws:lex:us-east-1:000000000000:bot-alias/BOTID12345/ALIAS12345';
const QUEUE_ARN =
  'arn:aws:connect:us-east-1:000000000000:instance/5f3c2a9e-8b41-4d7a-9c2e-1a6b7d8e9f01/queue/b7e2d9c1-3f5a-4e8b-8d61-0f2a9c4e7b15';

function action(flow: ContactFlow, id: string): FlowAction {
  const found = flow.Actions.find((a) => a.Identifier === id);
  if (!found) throw new Error(`no action ${id}`);
  return found;
}

function problemsOf(flow: unknown): string[] {
  const check = validateContactFlow(flow);
  return check.ok ? [] : check.problems.map((p) => p.message);
}

/** A deep copy of the generated flow to break on purpose. */
function generated(): ContactFlow {
  return JSON.parse(
    contactFlowContent(buildContactFlow({ botAliasArn: ALIAS_ARN, queueId: QUEUE_ARN })),
  ) as ContactFlow;
}

describe('buildContactFlow', () => {
  it('generates a flow Connect accepts, starting with logging and voice', () => {
    // Prepare
    const options = { botAliasArn: ALIAS_ARN, queueId: QUEUE_ARN };

    // Act
    const flow = buildContactFlow(options);

    // Assess
    expect(validateContactFlow(flow)).toEqual({ ok: true, flow });
    expect(flow.Version).toBe('2019-10-30');
    expect(flow.StartAction).toBe(FLOW_ACTIONS.setLogging);
    expect(action(flow, FLOW_ACTIONS.setVoice).Parameters).toMatchObject({ TextToSpeechVoice: 'Joanna' });
  });

  it('greets with the welcome prompt, then hands the caller and their number to the Lex V2 alias', () => {
    // Prepare
    const options = { botAliasArn: ALIAS_ARN, queueId: QUEUE_ARN };

    // Act
    const flow = buildContactFlow(options);

    // Assess
    const greeting = action(flow, FLOW_ACTIONS.greeting);
    expect(greeting).toMatchObject({
      Type: 'MessageParticipant',
      Parameters: { Text: BOT_DEFINITION.prompts.en_US.welcome },
    });
    expect(greeting.Transitions.NextAction).toBe(FLOW_ACTIONS.bot);
    expect(action(flow, FLOW_ACTIONS.bot)).toMatchObject({
      Type: 'ConnectParticipantWithLexBot',
      Parameters: {
        LexV2Bot: { AliasArn: ALIAS_ARN },
        LexSessionAttributes: { callerNumber: '$.CustomerEndpoint.Address' },
      },
    });
  });

  it('branches on the outcome the code hook writes: TRANSFER to the queue, DONE to the disconnect', () => {
    // Prepare
    const event = lexEvent({ intent: 'SpeakToAgent' });
    const transfer = buildLexResult(
      {
        reply: {
          action: 'close',
          intent: 'SpeakToAgent',
          fulfilled: true,
          transfer: 'AGENT_REQUESTED',
          say: ['Hold on.'],
        },
        session: newSession(),
      },
      event,
      BOT_DEFINITION,
    );
    const done = buildLexResult(
      { reply: { action: 'close', intent: 'Goodbye', fulfilled: true, say: ['Bye.'] }, session: newSession() },
      event,
      BOT_DEFINITION,
    );

    // Act
    const flow = buildContactFlow({ botAliasArn: ALIAS_ARN, queueId: QUEUE_ARN });

    // Assess
    const compare = action(flow, FLOW_ACTIONS.checkOutcome);
    expect(compare.Parameters).toEqual({ ComparisonValue: '$.Lex.SessionAttributes.botOutcome' });
    const branches = Object.fromEntries(
      (compare.Transitions.Conditions ?? []).map((c) => [c.Condition.Operands[0], c.NextAction]),
    );
    expect(branches).toEqual({
      [transfer.sessionState.sessionAttributes?.botOutcome ?? 'missing']: FLOW_ACTIONS.recordTransfer,
      [done.sessionState.sessionAttributes?.botOutcome ?? 'missing']: FLOW_ACTIONS.disconnect,
    });
    expect(Object.keys(branches).sort()).toEqual([BOT_OUTCOMES.done, BOT_OUTCOMES.transfer]);
    expect(action(flow, FLOW_ACTIONS.setQueue).Parameters).toEqual({ QueueId: QUEUE_ARN });
    expect(action(flow, FLOW_ACTIONS.transfer).Transitions.Errors?.map((e) => e.ErrorType)).toEqual([
      'QueueAtCapacity',
      'NoMatchingError',
    ]);
  });

  it('sends bot failures to an apology and the queue', () => {
    // Prepare
    const options = { botAliasArn: ALIAS_ARN, queueId: QUEUE_ARN };

    // Act
    const flow = buildContactFlow(options);

    // Assess
    const bot = action(flow, FLOW_ACTIONS.bot);
    expect(bot.Transitions.Errors).toContainEqual({ ErrorType: 'NoMatchingError', NextAction: FLOW_ACTIONS.apology });
    expect(action(flow, FLOW_ACTIONS.apology)).toMatchObject({
      Parameters: { Text: BOT_DEFINITION.prompts.en_US.fault },
      Transitions: { NextAction: FLOW_ACTIONS.setQueue },
    });
  });

  it("speaks the admin's edited prompts", () => {
    // Prepare
    const welcome = 'Hello from Speedy Couriers. Book, track or give feedback: what would you like?';

    // Act
    const flow = buildContactFlow({
      botAliasArn: ALIAS_ARN,
      queueId: 'b7e2d9c1-3f5a-4e8b-8d61-0f2a9c4e7b15',
      promptOverrides: { en_US: { welcome } },
      flowLogging: false,
    });

    // Assess
    expect(action(flow, FLOW_ACTIONS.greeting).Parameters).toEqual({ Text: welcome });
    expect(flow.StartAction).toBe(FLOW_ACTIONS.setVoice);
    expect(validateContactFlow(flow).ok).toBe(true);
  });

  it('refuses an alias ARN that is not a Lex V2 alias, naming the field', () => {
    // Prepare
    const options = { botAliasArn: 'arn:aws:lex:us-east-1:000000000000:bot/BOTID12345', queueId: QUEUE_ARN };

    // Act
    const attempt = () => buildContactFlow(options);

    // Assess
    expect(attempt).toThrow(ValidationError);
    expect(attempt).toThrow(/botAliasArn .* is not a Lex V2 bot alias ARN/);
  });

  it('refuses a missing queue, naming the field', () => {
    // Prepare
    const options = { botAliasArn: ALIAS_ARN, queueId: ' ' };

    // Act
    let error: unknown;
    try {
      buildContactFlow(options);
    } catch (e) {
      error = e;
    }

    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('queueId');
  });
});

describe('validateContactFlow', () => {
  it('refuses a transition to an action that does not exist', () => {
    // Prepare
    const flow = generated();
    action(flow, FLOW_ACTIONS.greeting).Transitions = {
      NextAction: 'nowhere',
      Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'nowhere' }],
    };

    // Act
    const problems = problemsOf(flow);

    // Assess
    expect(problems).toContain('Action "greeting" transitions to "nowhere", which does not exist');
    expect(problems).toContain('Action "courier-bot" can never run: no transition leads to it');
  });

  it('refuses an action without the error branch Connect requires', () => {
    // Prepare
    const flow = generated();
    action(flow, FLOW_ACTIONS.setQueue).Transitions.Errors = [];

    // Act
    const problems = problemsOf(flow);

    // Assess
    expect(problems.join('\n')).toMatch(
      /"set-agent-queue" \(UpdateContactTargetQueue\): no NoMatchingError error branch/,
    );
  });

  it('refuses a StartAction that does not exist', () => {
    // Prepare
    const flow = generated();
    flow.StartAction = 'missing-start';

    // Act
    const problems = problemsOf(flow);

    // Assess
    expect(problems).toEqual(['StartAction "missing-start" is not an action of this flow']);
  });

  it('reports an action no transition leads to', () => {
    // Prepare
    const flow = generated();
    flow.Actions.push({ Identifier: 'orphan', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} });

    // Act
    const problems = problemsOf(flow);

    // Assess
    expect(problems).toEqual(['Action "orphan" can never run: no transition leads to it']);
  });

  it('refuses unknown types, duplicate identifiers, a wrong version and bad parameters', () => {
    // Prepare
    const flow = generated() as unknown as { Version: string; Actions: Record<string, unknown>[] };
    flow.Version = '2020-01-01';
    flow.Actions.push({ Identifier: 'greeting', Type: 'PlayJingle', Parameters: {}, Transitions: {} });
    const bot = flow.Actions.find((a) => a.Identifier === FLOW_ACTIONS.bot)!;
    bot.Parameters = { LexV2Bot: { AliasArn: 'not-an-arn' } };

    // Act
    const problems = problemsOf(flow);

    // Assess
    expect(problems).toContain('Version must be "2019-10-30" (found "2020-01-01")');
    expect(problems).toContain('Action identifier "greeting" is used more than once');
    expect(problems.join('\n')).toMatch(/Type "PlayJingle" is not supported/);
    expect(problems.join('\n')).toMatch(/LexV2Bot.AliasArn must be a Lex V2 bot alias ARN/);
  });

  it('refuses a disconnect with a NextAction and a Compare without conditions', () => {
    // Prepare
    const flow = generated();
    action(flow, FLOW_ACTIONS.disconnect).Transitions = { NextAction: FLOW_ACTIONS.greeting };
    action(flow, FLOW_ACTIONS.checkOutcome).Transitions.Conditions = [];

    // Act
    const problems = problemsOf(flow).join('\n');

    // Assess
    expect(problems).toMatch(/DisconnectParticipant ends the flow and cannot have a NextAction/);
    expect(problems).toMatch(/"check-bot-outcome" \(Compare\): Transitions.Conditions needs at least one/);
  });

  it('parses content and reports JSON that does not parse', () => {
    // Prepare
    const good = contactFlowContent(buildContactFlow({ botAliasArn: ALIAS_ARN, queueId: QUEUE_ARN }));

    // Act
    const parsed = parseContactFlow(good);
    const broken = parseContactFlow('{"Version": ');

    // Assess
    expect(parsed.ok).toBe(true);
    expect(broken.ok).toBe(false);
    expect(broken.ok ? [] : broken.problems[0]?.message).toMatch(/^Content is not valid JSON/);
  });
});
