import "server-only";
import { createHash } from "node:crypto";
import { inOneTransaction, prisma } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

// A create sent twice with the same key (a retry after the first answer was lost) gets the
// first one's answer instead of making a second row. The key is claimed (INSERT … ON CONFLICT
// DO NOTHING on the (user, key) primary key), the write made and its result recorded in ONE
// transaction: a request that fails, or whose process dies midway, leaves neither the write
// nor the claim, so its retry simply runs again; one that committed left both.

/** How long a key is remembered: a retry comes within seconds, a stale form the next day is a new request. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
/**
 * A write waits this long for a connection under load; the transaction (and a repeat waiting
 * on its uncommitted claim) may take this long before PostgreSQL rolls it back.
 */
const TRANSACTION_LIMITS = { maxWait: 10_000, timeout: 20_000 };

export const SENT_WITH_OTHER_VALUES = "This form was already sent with other values. Reload the page to see what was saved, then try again.";

export type IdempotentRequest = { userId: string; key: string; action: string; input: unknown };

/** Identifies the request's content: the same key may only ever carry the same action and input. */
export function requestFingerprint(action: string, input: unknown): string {
  return createHash("sha256").update(JSON.stringify([action, input])).digest("hex");
}

/**
 * Runs `write` once per (user, key): the first request runs it and records its result; a
 * repeat gets that result (PostgreSQL holds it at the claim while the first still runs); the
 * same key with another action or input is refused. A write that fails releases the key, so
 * the form can be sent again. The result is stored as JSON, and the first caller gets it back
 * through JSON too, so both answers are the same.
 */
export async function runOnce<T>(request: IdempotentRequest, write: () => Promise<T>): Promise<T> {
  const where = { userId_key: { userId: request.userId, key: request.key } };
  const inputHash = requestFingerprint(request.action, request.input);
  await prisma.idempotentRequest.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - IDEMPOTENCY_WINDOW_MS) } } });
  return inOneTransaction(async () => {
    // Waits while another transaction holds the same key uncommitted: skipped once that one
    // commits, claimed here when it rolls back.
    const claimed = await prisma.idempotentRequest.createMany({
      data: [{ userId: request.userId, key: request.key, action: request.action, inputHash, createdAt: new Date() }],
      skipDuplicates: true,
    });
    if (claimed.count === 0) {
      const earlier = await prisma.idempotentRequest.findUniqueOrThrow({ where });
      if (earlier.inputHash !== inputHash) throw new ConflictError(SENT_WITH_OTHER_VALUES);
      return (earlier.result as { value: T }).value;
    }
    // Wrapped, so a service that answers nothing is still stored as an answer (null).
    const stored = JSON.parse(JSON.stringify({ value: (await write()) ?? null })) as { value: T };
    await prisma.idempotentRequest.update({ where, data: { result: stored as Prisma.InputJsonObject } });
    return stored.value;
  }, TRANSACTION_LIMITS);
}
