import { expect } from "vitest";

/**
 * Bad input and forbidden actions must fail with the expected error (and message)
 * and leave the database as it was: `footprint` reads what the action could have written.
 */
export async function expectRefusedWithoutWrites(
  footprint: () => Promise<unknown>,
  action: () => Promise<unknown>,
  errorType: new (...args: never[]) => Error,
  message?: RegExp,
): Promise<void> {
  const before = await footprint();
  const refusal = action();
  await expect(refusal).rejects.toBeInstanceOf(errorType);
  if (message) await expect(refusal).rejects.toThrow(message);
  expect(await footprint()).toEqual(before);
}
