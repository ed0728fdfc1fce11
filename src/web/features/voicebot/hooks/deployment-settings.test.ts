import { describe, expect, it } from 'vitest';
import { makeDeployment } from '../testing/deployment-factory';
import {
  defaultDraft,
  effectiveFlowName,
  parsePromptOverrides,
  settingsOfDeployment,
  toSettingsInput,
  validateSettings,
} from './deployment-settings';

describe('validateSettings', () => {
  it('accepts the defaults once an instance is chosen', () => {
    // Prepare
    const draft = defaultDraft('inst-1');

    // Act
    const errors = validateSettings(draft);

    // Assess
    expect(errors).toEqual({});
  });

  it('names each field that is wrong and how to fix it', () => {
    // Prepare
    const draft = {
      ...defaultDraft(''),
      botName: 'my bot!',
      botAliasName: '',
      voiceId: 'Joanna 2',
      contactFlowName: 'a/b',
    };

    // Act
    const errors = validateSettings(draft);

    // Assess
    expect(errors.instanceId).toMatch(/^Connect instance is not chosen/);
    expect(errors.botName).toBe('Bot name may use letters, digits, "-" and "_" only, starting with a letter or digit.');
    expect(errors.botAliasName).toBe('Alias name is empty; please fill it in.');
    expect(errors.voiceId).toMatch(/^Voice must be an Amazon Polly voice name/);
    expect(errors.contactFlowName).toBe('Contact flow name must not contain slashes.');
  });

  it("limits the bot name to Lex's 40 characters", () => {
    // Prepare
    const draft = { ...defaultDraft('inst-1'), botName: 'B'.repeat(41) };

    // Act
    const errors = validateSettings(draft);

    // Assess
    expect(errors.botName).toBe('Bot name is too long; keep it to 40 characters.');
  });
});

describe('toSettingsInput', () => {
  it('leaves empty optional fields to the engine and sends the prompt edits as JSON', () => {
    // Prepare
    const draft = { ...defaultDraft(' inst-1 '), botName: ' Bot ' };

    // Act
    const input = toSettingsInput(draft, { en_US: { welcome: 'Hi!' } });

    // Assess
    expect(input).toEqual({
      instanceId: 'inst-1',
      botName: 'Bot',
      localeId: 'en_US',
      voiceId: 'Joanna',
      botAliasName: 'live',
      contactFlowName: null,
      queueArn: null,
      promptOverrides: '{"en_US":{"welcome":"Hi!"}}',
    });
    expect(effectiveFlowName(draft)).toBe('Bot inbound');
  });
});

describe('parsePromptOverrides', () => {
  it('reads AWSJSON as a string, doubly encoded, or already parsed, and drops what is not text', () => {
    // Prepare
    const edits = { en_US: { welcome: 'Hello', bad: 3 }, fr_FR: 'nope' };

    // Act
    const fromString = parsePromptOverrides(JSON.stringify(edits));
    const fromDouble = parsePromptOverrides(JSON.stringify(JSON.stringify(edits)));
    const fromObject = parsePromptOverrides(edits);
    const fromJunk = parsePromptOverrides('{not json');

    // Assess
    expect(fromString).toEqual({ en_US: { welcome: 'Hello' } });
    expect(fromDouble).toEqual(fromString);
    expect(fromObject).toEqual(fromString);
    expect(fromJunk).toEqual({});
  });
});

describe('settingsOfDeployment', () => {
  it('gives the draft and the edits a redeploy starts from', () => {
    // Prepare
    const deployment = makeDeployment({
      settings: { ...makeDeployment().settings, queueArn: null, promptOverrides: '{"en_US":{"goodbye":"Bye"}}' },
    });

    // Act
    const { draft, promptOverrides } = settingsOfDeployment(deployment);

    // Assess
    expect(draft.queueArn).toBe('');
    expect(draft.contactFlowName).toBe('CourierVoicebot inbound');
    expect(promptOverrides).toEqual({ en_US: { goodbye: 'Bye' } });
  });
});
