import "server-only";
// A person's own signed-in sessions (lib/auth/user-sessions.ts keeps them).
import type { PersonActor } from "@/lib/auth/permissions";
import { revokeAllSessions } from "@/lib/auth/user-sessions";
import { recordAudit } from "@/lib/audit";
import { prisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

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
