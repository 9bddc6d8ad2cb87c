import fc from "fast-check";

/**
 * The pre-aggregates' property: `numRuns` random sequences of writes (1 to `maxLength` steps
 * each, from a fixed seed, so a failure replays), each step applied and then checked. Answers
 * how many steps ran, so a test can show the check did not run on a table that never changed.
 */
export async function checkAfterEveryWrite<W>(
  writes: fc.Arbitrary<W>,
  { apply, check, maxLength, numRuns, seed }: { apply: (step: W) => Promise<void>; check: (step: W) => Promise<void>; maxLength: number; numRuns: number; seed: number },
): Promise<number> {
  let steps = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(writes, { minLength: 1, maxLength }), async (sequence) => {
      for (const step of sequence) {
        await apply(step);
        steps++;
        await check(step);
      }
    }),
    { numRuns, seed, endOnFailure: true },
  );
  return steps;
}
