import { describe, expect, it } from 'vitest';
import { judgeProofImage } from '../../core/proof';
import { seededRandom } from '../../core/seeded-random';
import { signatureSvg } from './signature-svg';

describe('demo signatures', () => {
  it('draws one stroke per name part plus an underline, as well-formed SVG', () => {
    // Act
    const svg = signatureSvg('Grace Brewster Hopper', seededRandom(7));

    // Assess
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg.match(/<path /g)).toHaveLength(4);
    expect(svg).not.toMatch(/NaN|undefined/);
  });

  it('is the same for the same seed and differs between names', () => {
    // Act
    const a = signatureSvg('Ada Lovelace', seededRandom(3));
    const again = signatureSvg('Ada Lovelace', seededRandom(3));
    const other = signatureSvg('Alan Turing', seededRandom(3));

    // Assess
    expect(again).toBe(a);
    expect(other).not.toBe(a);
  });

  it('passes the check a delivery’s signature gets', () => {
    // Prepare
    const names = ['Grace Brewster Hopper', 'Ada Lovelace', 'Li', 'Jean-Luc Picard-Dupont'];

    // Act
    const verdicts = names.map((name, i) => {
      const body = new TextEncoder().encode(signatureSvg(name, seededRandom(i)));
      return judgeProofImage('proof.signatureKey', 'proof/K7M-4XR-7/signature-abcdefghijkmnpqr.svg', {
        size: body.length,
        contentType: 'image/svg+xml',
        head: body.subarray(0, 16),
        tail: body.subarray(-16),
        body,
      });
    });

    // Assess
    expect(verdicts).toEqual([undefined, undefined, undefined, undefined]);
  });
});
