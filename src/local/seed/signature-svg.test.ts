import { describe, expect, it } from 'vitest';
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
});
