/**
 * How hard the property tests push: a fixed seed and few runs inside `npm test` (fast, the same on
 * every run), a fresh seed, many runs and larger studies under `npm run fuzz` (FUZZ=1).
 *   FUZZ=1          random seed (printed), FUZZ_RUNS runs of the in-memory properties (default 1000)
 *   FUZZ_RUNS=N     runs of the in-memory properties; the file properties do N / 20
 *   FUZZ_SEED=S     replays a seed printed by an earlier run
 *   FUZZ_MINUTES=M  time box of each property when fuzzing (default 15)
 */
import fc from "fast-check";

export const FUZZING = process.env.FUZZ === "1" || process.env.FUZZ_RUNS !== undefined;

/** The seed of `npm test`: any fixed number does; changing it changes which cases CI tries. */
const CI_SEED = 20240606;

function seed(): number {
  const asked = Number(process.env.FUZZ_SEED);
  if (process.env.FUZZ_SEED !== undefined && Number.isInteger(asked)) return asked;
  return FUZZING ? (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0 : CI_SEED;
}

export const SEED = seed();

const fuzzRuns = Number(process.env.FUZZ_RUNS) > 0 ? Number(process.env.FUZZ_RUNS) : 1000;

/** Runs of one property: `ci` under `npm test`; under fuzzing, many more. */
export function runs(kind: "memory" | "file", ci: number): number {
  if (!FUZZING) return ci;
  return kind === "memory" ? fuzzRuns : Math.max(ci, Math.ceil(fuzzRuns / 20));
}

/** Largest lists the generators make: 12 × 12 keeps CI fast; fuzzing goes further. */
export const SIZES = FUZZING
  ? { items: 40, offerings: 10, segments: 8, listEntries: 5, edits: 25 }
  : { items: 12, offerings: 6, segments: 5, listEntries: 3, edits: 12 };

/** A test's time limit: generous when fuzzing (thousands of runs), jest's own otherwise. */
export const TIMEOUT = FUZZING ? 3_600_000 : 120_000;

let configured = false;

/** Sets fast-check's seed for the whole test file, and says it when it is a fresh one. */
export function configureFuzz(): void {
  if (configured) return;
  configured = true;
  // Fuzzing is time-boxed per property (FUZZ_MINUTES, default 15): a failure found late still
  // reports its counter-example, shrunk as far as the time allowed.
  const minutes = Number(process.env.FUZZ_MINUTES) > 0 ? Number(process.env.FUZZ_MINUTES) : 15;
  fc.configureGlobal(
    FUZZING ? { seed: SEED, interruptAfterTimeLimit: minutes * 60_000 } : { seed: SEED }
  );
  // Written at once (jest holds console output until the file ends): a long run's seed is known
  // even if it is stopped.
  if (FUZZING) process.stderr.write(`fast-check seed ${SEED} (replay with FUZZ_SEED=${SEED})\n`);
}
