// What every fuzzed answer must be: a success, or an error a caller can act on — never a fault in disguise
// (InternalFailure, "internal error"), never a stack trace or a server path, and an error about the input names
// the field or argument it is about.

/** How many cases each entry point runs: FUZZ_RUNS=20000 for the nightly-sized run (README, Testing). */
export const FUZZ_RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 1000) || 1000);
/** The generator's seed: fixed, so `npm test` is repeatable; FUZZ_SEED=<n> (or "random") explores further. */
export const FUZZ_SEED =
  process.env.FUZZ_SEED === 'random'
    ? Math.floor(Math.random() * 2 ** 31)
    : Number.isFinite(Number(process.env.FUZZ_SEED))
      ? Number(process.env.FUZZ_SEED ?? 1313)
      : 1313;

const STACK_TRACE = /\n\s+at |\bat [\w$.<>]+ \(|\.(?:ts|js|mjs|cjs):\d+|\/work\/|node_modules|file:\/\//;
const FAULT = /internal (?:server )?error|InternalFailure|unexpected error|\bundefined is not\b|Cannot read propert/i;

/** Error types that are about the input: their message must name what was wrong. */
export const INPUT_ERROR_TYPES: ReadonlySet<string> = new Set([
  'ValidationError',
  'BadRequestException',
  'GraphQLValidation',
]);

export type ErrorAnswer = { errorType?: string; message?: string };

/** What is wrong with one error: a fault in disguise, or a leak of internals (a stack trace, a server path). */
export function errorProblems(error: ErrorAnswer): string[] {
  const problems: string[] = [];
  const message = error.message ?? '';
  const type = error.errorType ?? 'GraphQLValidation';
  if (message.trim() === '') problems.push(`${type} with an empty message`);
  if (/InternalFailure|InternalError|InternalServerError/.test(type)) problems.push(`${type}: ${message}`);
  else if (FAULT.test(message)) problems.push(`a fault in disguise (${type}): ${message}`);
  if (STACK_TRACE.test(message)) problems.push(`a stack trace or server path in ${type}: ${message}`);
  return problems;
}

/**
 * What is wrong with an answer's errors: any error's problems, and — when the input was refused — no error naming
 * any of `names`: the inputs the case changed and the fields beside them (a complaint refused for its missing
 * category names `complaintCategory`, beside the `type` that was changed).
 */
export function answerProblems(errors: readonly ErrorAnswer[], names: readonly string[]): string[] {
  const problems = errors.flatMap(errorProblems);
  const aboutInput = errors.filter((e) => INPUT_ERROR_TYPES.has(e.errorType ?? 'GraphQLValidation'));
  if (aboutInput.length > 0 && names.length > 0) {
    const named = aboutInput.some((e) => names.some((n) => (e.message ?? '').toLowerCase().includes(n.toLowerCase())));
    if (!named) problems.push(`refused without naming any of ${names.join(', ')}: ${aboutInput[0]!.message}`);
  }
  return problems;
}

/** The names a message may use for the changed inputs: their path segments and the fields beside them. */
export function namesOf(changed: readonly Path[], all: readonly Path[] = []): string[] {
  const names = new Set<string>();
  for (const path of changed) {
    for (const s of path) if (typeof s === 'string') names.add(s);
    const parent = JSON.stringify(path.slice(0, -1));
    for (const other of all) {
      const last = other.at(-1);
      if (typeof last === 'string' && JSON.stringify(other.slice(0, -1)) === parent) names.add(last);
    }
  }
  return [...names];
}

type Path = readonly (string | number)[];

/** Keeps the first problems of a run, with their count per kind, for one readable assertion. */
export function createProblemLog(limit = 40) {
  const kept: string[] = [];
  let total = 0;
  return {
    add(caseLabel: string, problems: readonly string[]) {
      for (const p of problems) {
        total += 1;
        if (kept.length < limit) kept.push(`${caseLabel}: ${p}`.slice(0, 600));
      }
    },
    get total() {
      return total;
    },
    get kept(): readonly string[] {
      return kept;
    },
  };
}
