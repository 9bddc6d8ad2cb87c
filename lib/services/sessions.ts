import "server-only";
// A person's own signed-in sessions (lib/auth/user-sessions.ts keeps them).
import type { PersonActor } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { revokeAllSessions } from "@/lib/auth/user-sessions";
import { recordAudit } from "@/lib/audit";
import { prisma } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { EndSessionInput } from "@/lib/validation/sessions";

/** Ends every session of the actor's account, this one included: on every device they must sign in again. */
export async function signOutEverywhere(actor: PersonActor): Promise<{ ended: number }> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { personId: actor.personId }, select: { id: true } });
    if (!user) throw new NotFoundError("You have no account to sign out of.");
    const ended = await revokeAllSessions(tx, user.id);
    await recordAudit(tx, { actorId: actor.personId, action: "account.signedOutEverywhere", entityType: "User", entityId: user.id, after: { sessionsEnded: ended } });
    return { ended };
  });
}

/** Ends one of the person's own sessions (a browser left signed in elsewhere); another person's session id finds nothing. */
export async function endSession(user: Pick<CurrentUser, "id" | "personId" | "sessionId">, { sessionId }: EndSessionInput): Promise<{ ended: string }> {
  if (sessionId === user.sessionId) throw new ConflictError("This is the session you are using: sign out instead.");
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.session.updateMany({ where: { id: sessionId, userId: user.id, revokedAt: null, expiresAt: { gt: new Date() } }, data: { revokedAt: new Date() } });
    if (count !== 1) throw new NotFoundError("That session has already ended.");
    await recordAudit(tx, { actorId: user.personId, action: "account.sessionEnded", entityType: "User", entityId: user.id, after: { sessionId } });
    return { ended: sessionId };
  });
}
