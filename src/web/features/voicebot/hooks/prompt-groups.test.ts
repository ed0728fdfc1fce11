import { describe, expect, it } from 'vitest';
import type { BotPrompt } from '../api/voicebot-api';
import { groupOfPrompt, pendingKeys, promptLabel, promptOverridesFrom, promptProblem } from './prompt-groups';

const prompt = (key: string, defaultText: string, text = defaultText): BotPrompt => ({
  key,
  text,
  defaultText,
  overridden: text !== defaultText,
});

describe('groupOfPrompt', () => {
  it("sorts the bot definition's keys into the parts of a call", () => {
    // Prepare
    const keys = [
      'welcome',
      'fallback',
      'askPickupAddress',
      'bookingConfirmed',
      'addressAmbiguous',
      'askTrackingReference',
      'trackingEta',
      'courierContact',
      'invalidReference',
      'askFeedbackType',
      'askSeverity',
      'complaintFlagged',
    ];

    // Act
    const groups = keys.map(groupOfPrompt);

    // Assess
    expect(groups).toEqual([
      'general',
      'general',
      'booking',
      'booking',
      'booking',
      'tracking',
      'tracking',
      'tracking',
      'tracking',
      'feedback',
      'feedback',
      'feedback',
    ]);
    expect(promptLabel('askPickupAddress')).toBe('Ask pickup address');
  });
});

describe('promptProblem', () => {
  it('names the placeholder an edit dropped', () => {
    // Prepare
    const defaultText = 'Your reference is {reference}. Anything else?';

    // Act
    const problem = promptProblem('Your booking is done.', defaultText);

    // Assess
    expect(problem).toBe("Keep {reference}: the bot puts the caller's details there.");
  });

  it('names a placeholder the bot cannot fill, and accepts an edit that keeps them all', () => {
    // Prepare
    const defaultText = "I couldn't find {address}.";

    // Act
    const unknown = promptProblem('No {address} near {postcode}.', defaultText);
    const fine = promptProblem('Sorry, {address} is not on our map.', defaultText);
    const empty = promptProblem('  ', defaultText);

    // Assess
    expect(unknown).toBe('Remove {postcode}: the bot has nothing to put there. It can fill in {address}.');
    expect(fine).toBeUndefined();
    expect(empty).toMatch(/^The text is empty/);
  });
});

describe('promptOverridesFrom', () => {
  it('sends the prompts edited since they were read, each with the text the editor showed, resets included', () => {
    // Prepare
    const prompts = [
      prompt('welcome', 'Thanks for calling.'),
      prompt('goodbye', 'Goodbye!', 'Bye now!'),
      prompt('help', 'I can help.', 'I can help with parcels.'),
    ];
    const edits = { welcome: 'Welcome to Swift Couriers.', help: 'I can help.' };

    // Act
    const overrides = promptOverridesFrom(prompts, edits, 'en_US');
    const pending = pendingKeys(prompts, edits);

    // Assess: the live edit of goodbye is not sent (the engine keeps it), the reset of help is.
    expect(overrides).toEqual({
      en_US: {
        welcome: { text: 'Welcome to Swift Couriers.', was: 'Thanks for calling.' },
        help: { text: 'I can help.', was: 'I can help with parcels.' },
      },
    });
    expect(pending).toEqual(['welcome', 'help']);
  });
});
