import { describe, expect, it } from 'vitest';
import { proofAsked, proofProblem } from './proof-rules';

const none = { signature: false, photo: false, recipientName: false };

describe('the proof a delivery needs on the phone', () => {
  it('takes any one kind when the company requires none in particular', () => {
    expect(proofProblem([], { ...none, photo: true })).toBeUndefined();
    expect(proofProblem([], none)).toMatch(/a signature, a photo or the name/);
    expect(proofAsked([])).toMatch(/At least one/);
  });

  it('names each required kind still missing', () => {
    const required = ['SIGNATURE', 'PHOTO', 'RECIPIENT_NAME'] as const;
    expect(proofProblem(required, { ...none, signature: true })).toBe(
      'Your company needs a signature, a photo and the recipient’s name: add a photo and the recipient’s name.',
    );
    expect(proofProblem(required, { signature: true, photo: true, recipientName: true })).toBeUndefined();
    expect(proofAsked(['PHOTO'])).toBe('Your company needs a photo for every delivery.');
  });
});
