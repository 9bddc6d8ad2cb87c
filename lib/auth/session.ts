import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { readSession, SIGN_IN_PAGE } from "@/lib/auth/options";
import type { Actor, Grant } from "@/lib/auth/permissions";
import { assignmentActiveOn } from "@/lib/data/sql";
import { prisma } from "@/lib/db";
import type { RoleKind } from "@/lib/generated/prisma/enums";
import { ForbiddenError } from "@/lib/errors";

export type CurrentUser = Actor & {
  id: string;
  /** The session this request was signed in with (null where no cookie is involved, as in tests). */
  sessionId: string | null;
  email: string;
  personId: string;
  displayName: string;
  assignments: (Grant & { teamName: string | null; regionName: string | null })[];
};

/** Loads the signed-in user with the role assignments in force today; roles are never trusted from the cookie. */
export async function loadUser(userId: string, sessionId: string | null = null): Promise<CurrentUser | null> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    include: {
      person: {
        include: {
          roleAssignments: {
            where: assignmentActiveOn(new Date()),
            include: { team: { select: { name: true, regionId: true } }, region: { select: { name: true } } },
            orderBy: { role: "asc" },
          },
        },
      },
    },
  });
  if (!user || user.disabled) return null;
  const assignments = user.person.roleAssignments.map((assignment) => ({
    role: assignment.role as RoleKind,
    teamId: assignment.teamId,
    // A team grant reaches that team alone, whatever region the row names.
    regionId: assignment.teamId ? null : assignment.regionId,
    teamName: assignment.team?.name ?? null,
    regionName: assignment.region?.name ?? null,
  }));
  return {
    id: user.id,
    sessionId,
    email: user.email,
    personId: user.personId,
    displayName: user.person.displayName,
    grants: assignments.map(({ role, teamId, regionId }) => ({ role, teamId, regionId })),
    assignments,
  };
}

/** The signed-in user; the session callback (lib/auth/options.ts) has already refused an ended session. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await readSession();
  const userId = session?.user?.id;
  return userId ? loadUser(userId, session?.sessionId ?? null) : null;
});

/** For pages and actions: the signed-in user, or off to the sign-in page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(SIGN_IN_PAGE);
  return user;
}

/** For server actions: the signed-in user, or a ForbiddenError (an action cannot redirect its caller mid-form). */
export async function requireActionUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new ForbiddenError("Your session has ended. Sign in again to continue.");
  return user;
}
