// Hand-written-looking signatures for the demo's delivered parcels: one continuous pen stroke per name part,
// drawn from the letters' count and a seeded wobble, as SVG — the format the courier app's signature pad
// saves — so the booking detail shows a real image from the local S3 bucket.
import type { seededRandom } from '../../core/seeded-random';

type Random = ReturnType<typeof seededRandom>;

const WIDTH = 320;
const HEIGHT = 120;

function round(n: number): string {
  return n.toFixed(1);
}

/** One cursive-like stroke: loops whose count follows the word's length, heights varying like letters. */
function stroke(word: string, x0: number, width: number, baseline: number, random: Random): string {
  const loops = Math.max(2, Math.min(9, word.length));
  const step = width / loops;
  let d = `M${round(x0)} ${round(baseline - 10 - random.next() * 25)}`;
  for (let i = 0; i < loops; i++) {
    const x = x0 + step * (i + 1);
    const tall = /[bdfhklt]/i.test(word[i] ?? '') || i === 0;
    const top = baseline - (tall ? 38 + random.next() * 14 : 14 + random.next() * 10);
    const dip = baseline + (/[gjpqy]/i.test(word[i] ?? '') ? 18 : 2) + random.next() * 4;
    d += ` C${round(x - step * 0.9)} ${round(top)} ${round(x - step * 0.2)} ${round(top)} ${round(x - step * 0.45)} ${round(dip)}`;
    d += ` S${round(x)} ${round(baseline - 4)} ${round(x)} ${round(baseline - 6 - random.next() * 6)}`;
  }
  return d;
}

export function signatureSvg(name: string, random: Random): string {
  const words = name.split(/\s+/).filter(Boolean).slice(0, 3);
  const total = words.reduce((n, w) => n + Math.max(2, Math.min(9, w.length)), 0) || 1;
  let x = 14;
  const paths: string[] = [];
  for (const word of words) {
    const width = ((WIDTH - 40) * Math.max(2, Math.min(9, word.length))) / total;
    paths.push(stroke(word, x, width - 8, 78 + random.next() * 8, random));
    x += width;
  }
  const underline = `M${round(10 + random.next() * 10)} ${round(100 + random.next() * 6)} Q${round(WIDTH / 2)} ${round(92 + random.next() * 8)} ${round(WIDTH - 20 - random.next() * 30)} ${round(98 + random.next() * 6)}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<g fill="none" stroke="#1e293b" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round">`,
    ...paths.map((d) => `<path d="${d}"/>`),
    `<path d="${underline}" stroke-width="1.6"/>`,
    `</g>`,
    `</svg>`,
  ].join('');
}
