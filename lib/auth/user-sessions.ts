import "server-only";
// Signed-in sessions kept on the server: the session cookie carries only the id, so ending
// a session here ends it for every copy of the cookie.
import { prisma } from "@/lib/db";
import { ENDED_SESSIONS_KEPT_MS, SESSION_LIFETIME_SECONDS, sessionProblem, shouldRecordUse } from "@/lib/domain/sessions";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";

type Db = Prisma.TransactionClient | typeof prisma;

/**
 * A new session at sign-in; `from` summarises the browser and address, for people reading the
 * table. The user's sessions that ended long ago go then, so the table does not grow with every sign-in.
 */
export async function openSession(userId: string, from: { userAgent?: string | null; address?: string | null } = {}, now = new Date()): Promise<string> {
  // Every session has ended by its expiry, so one long past it ended long ago, however it ended.
  await prisma.session.deleteMany({ where: { userId, expiresAt: { lt: new Date(now.getTime() - ENDED_SESSIONS_KEPT_MS) } } });
  const session = await prisma.session.create({
    data: {
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_LIFETIME_SECONDS * 1000),
      userAgent: from.userAgent?.slice(0, 200) ?? null,
      address: from.address?.slice(0, 64) ?? null,
    },
  });
  return session.id;
}

/**
 * The user the session signs in, or null when it is revoked, past its lifetime or idle
 * too long. Records its use at most once a minute.
 */
export async function sessionUserId(sessionId: string, now = new Date()): Promise<string | null> {
  const session = await prisma.session.findUnique({ where: { id: sessionId } });
  if (!session || sessionProblem(session, now, env().SESSION_IDLE_MINUTES * 60_000)) return null;
  if (shouldRecordUse(session.lastSeenAt, now)) {
    await prisma.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { lastSeenAt: now } });
  }
  return session.userId;
}

/** Ends one session (signing out). */
export async function revokeSession(sessionId: string, now = new Date()): Promise<void> {
  await prisma.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

/**
 * Ends every open session of the user (sign out everywhere, deactivation, a new password), or
 * all but the one `keeping` (changing one's password keeps the browser it was changed in); how many were open.
 */
export async function revokeAllSessions(db: Db, userId: string, now = new Date(), { keeping }: { keeping?: string | null } = {}): Promise<number> {
  const { count } = await db.session.updateMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now }, ...(keeping ? { id: { not: keeping } } : {}) },
    data: { revokedAt: now },
  });
  return count;
}
