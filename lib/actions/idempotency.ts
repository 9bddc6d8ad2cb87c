import "server-only";
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { prisma } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

// A create sent twice with the same key (a retry after the first answer was lost) gets the
// first one's answer instead of making a second row. The key is claimed before the write
// (INSERT … ON CONFLICT DO NOTHING on the (user, key) primary key) and completed with the
// result after it; the services keep their own transactions.

/** How long a key is remembered: a retry comes within seconds, a stale form the next day is a new request. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** How long after the first request's claim a repeat waits for its result before giving up (a claim that old is stuck, or its process died). */
const WAIT_FOR_FIRST_MS = 15_000;
const POLL_MS = 100;

export const ALREADY_SAVING = "This form is already being saved. Wait a moment, then reload the page to see whether it was saved.";
export const SENT_WITH_OTHER_VALUES = "This form was already sent with other values. Reload the page to see what was saved, then try again.";

export type IdempotentRequest = { userId: string; key: string; action: string; input: unknown };

/** Identifies the request's content: the same key may only ever carry the same action and input. */
export function requestFingerprint(action: string, input: unknown): string {
  return createHash("sha256").update(JSON.stringify([action, input])).digest("hex");
}

/**
 * Runs `write` once per (user, key): the first request runs it and records its result; a
 * repeat gets that result (waiting while the first still runs); the same key with another
 * action or input is refused. A write that fails releases the key, so the form can be sent again.
 * The result is stored as JSON, and the first caller gets it back through JSON too, so both answers are the same.
 */
export async function runOnce<T>(request: IdempotentRequest, write: () => Promise<T>): Promise<T> {
  const where = { userId_key: { userId: request.userId, key: request.key } };
  const inputHash = requestFingerprint(request.action, request.input);
  await prisma.idempotentRequest.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - IDEMPOTENCY_WINDOW_MS) } } });
  for (;;) {
    const claimed = await prisma.idempotentRequest.createMany({
      data: [{ userId: request.userId, key: request.key, action: request.action, inputHash, createdAt: new Date() }],
      skipDuplicates: true,
    });
    if (claimed.count === 1) return completeWith(where, write);

    const earlier = await prisma.idempotentRequest.findUnique({ where });
    // Gone meanwhile: the first request failed and released the key; claim it again.
    if (!earlier) continue;
    if (earlier.inputHash !== inputHash) throw new ConflictError(SENT_WITH_OTHER_VALUES);
    if (earlier.result !== null) return (earlier.result as { value: T }).value;
    if (Date.now() - earlier.createdAt.getTime() >= WAIT_FOR_FIRST_MS) throw new ConflictError(ALREADY_SAVING);
    await sleep(POLL_MS);
  }
}

async function completeWith<T>(where: Prisma.IdempotentRequestWhereUniqueInput, write: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await write();
  } catch (error) {
    await prisma.idempotentRequest.delete({ where }).catch(() => undefined);
    throw error;
  }
  // Wrapped, so a service that answers nothing is still told apart from a claim still running (null).
  const stored = JSON.parse(JSON.stringify({ value: result ?? null })) as { value: T };
  await prisma.idempotentRequest.update({ where, data: { result: stored as Prisma.InputJsonObject } });
  return stored.value;
}
