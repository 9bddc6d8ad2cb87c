import "server-only";
import { ConflictError } from "@/lib/errors";

/** What a refused stale edit says, naming the record ("savings entry", "rating", "project"). */
function staleEditMessage(record: string): string {
  return `Someone else changed this ${record} while you had it open. Reload to see their changes, then make yours again.`;
}

/**
 * Optimistic concurrency for every versioned record: `update` writes only where the row
 * still has the version the editor loaded (it adds `expected` to its where and `bump` to
 * its data); the row lock makes a concurrent writer wait, then match nothing and fail.
 * Returns the new version.
 */
export async function updateVersioned(
  record: string,
  expectedVersion: number,
  update: (expected: { version: number }, bump: { version: { increment: 1 } }) => Promise<{ count: number }>,
): Promise<number> {
  const { count } = await update({ version: expectedVersion }, { version: { increment: 1 } });
  if (count === 0) throw new ConflictError(staleEditMessage(record));
  return expectedVersion + 1;
}
