// The Random port on the operating system's CSPRNG: references must not be guessable from earlier ones.
import { randomInt } from 'node:crypto';
import type { Random } from './ports';

export const cryptoRandom: Random = { int: (maxExclusive) => randomInt(maxExclusive) };
