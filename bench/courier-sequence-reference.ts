// Computes the reference cost of every sequence-benchmark instance and writes bench/courier-sequence-reference.json:
// the exact optimum up to 12 stops (branch and bound), above that the best of a long randomized run (several
// seeds, each with a search budget 10× the default) and of the best known already in the file: a better search
// only ever lowers a best known, so the gap gets harder, never easier. Run it again when the search improves;
// delete the file first when the instances or the cost change:
//   npx tsx bench/courier-sequence-reference.ts
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_BUDGET, optimalSequence, sequenceStops } from '../src/core/route-sequence';
import { EXACT_UP_TO, instanceProblem, sequenceInstances } from './courier-sequence-instances';

export const REFERENCE_FILE = join(import.meta.dirname, 'courier-sequence-reference.json');
const LONG_RUN_SEEDS = [101, 202, 303];
const LONG_RUN_BUDGET = DEFAULT_BUDGET * 10;

export type ReferenceEntry = { stops: number; seed: number; cost: number; method: 'exact' | 'best-known' };

export function referenceCost(stops: number, seed: number, known = Infinity): ReferenceEntry {
  const problem = instanceProblem({ stops, seed });
  if (stops <= EXACT_UP_TO) return { stops, seed, cost: optimalSequence(problem).cost, method: 'exact' };
  let cost = known;
  for (const s of LONG_RUN_SEEDS)
    cost = Math.min(cost, sequenceStops(problem, { seed: s, budget: LONG_RUN_BUDGET }).cost);
  return { stops, seed, cost, method: 'best-known' };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const previous = existsSync(REFERENCE_FILE)
    ? (JSON.parse(await readFile(REFERENCE_FILE, 'utf8')) as { entries: ReferenceEntry[] }).entries
    : [];
  const known = new Map(previous.map((e) => [`${e.stops}/${e.seed}`, e.cost]));
  const entries: ReferenceEntry[] = [];
  for (const instance of sequenceInstances()) {
    entries.push(referenceCost(instance.stops, instance.seed, known.get(`${instance.stops}/${instance.seed}`)));
    process.stdout.write(`${instance.stops}/${instance.seed} `);
  }
  const body = {
    made: new Date().toISOString(),
    by: 'bench/courier-sequence-reference.ts',
    budget: LONG_RUN_BUDGET,
    seeds: LONG_RUN_SEEDS,
    entries,
  };
  await writeFile(REFERENCE_FILE, JSON.stringify(body, null, 2) + '\n');
  console.log(`\nwrote ${REFERENCE_FILE}`);
}
