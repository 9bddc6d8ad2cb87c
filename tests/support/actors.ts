import { loadUser } from "@/lib/auth/session";
import type { Grant } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A seeded demo account as the actor the app would build for it at sign-in. */
export async function actorFor(email: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  const actor = await loadUser(user.id);
  if (!actor) throw new Error(`${email} could not be loaded`);
  return actor;
}

/**
 * Someone from the seed without a sign-in account, holding a role that matches
 * `where` (e.g. a Georgia consultant), as an actor with all their current grants.
 */
export async function actorWithAssignment(where: Prisma.RoleAssignmentWhereInput) {
  const assignment = await prisma.roleAssignment.findFirstOrThrow({ where: { ...where, endDate: null }, orderBy: { id: "asc" } });
  const assignments = await prisma.roleAssignment.findMany({ where: { personId: assignment.personId, endDate: null } });
  const grants: Grant[] = assignments.map((a) => ({ role: a.role, teamId: a.teamId, regionId: a.teamId ? null : a.regionId }));
  return { personId: assignment.personId, grants };
}

/** The demo co-leads' team: the Colorado couriers. */
export async function couriersTeam() {
  return prisma.team.findFirstOrThrow({
    where: { roleAssignments: { some: { person: { email: "colead.labor@example.org" }, role: "LABOR_COLEAD" } } },
  });
}

/**
 * The cast of the permission tests around the couriers team: its own people,
 * partnership roles, and outsiders (a co-lead of another Colorado team, a Georgia consultant).
 */
export async function demoCast(couriers: { id: string; regionId: string }) {
  return {
    laborColead: await actorFor("colead.labor@example.org"),
    managementColead: await actorFor("colead.mgmt@example.org"),
    consultant: await actorFor("consultant.colorado@example.org"),
    unionSponsor: await actorFor("sponsor.union@example.org"),
    managementSponsor: await actorFor("sponsor.mgmt@example.org"),
    staff: await actorFor("staff@example.org"),
    admin: await actorFor("admin@example.org"),
    finance: await actorFor("finance@example.org"),
    otherColoradoColead: await actorWithAssignment({ role: "LABOR_COLEAD", team: { regionId: couriers.regionId, id: { not: couriers.id } } }),
    georgiaConsultant: await actorWithAssignment({ role: "CONSULTANT", region: { name: "Georgia" } }),
  };
}

/**
 * An administrator of one region only (the seed has none): a new person with a sign-in
 * account and an ADMIN assignment scoped to the region, as the app loads them.
 */
export async function regionalAdminOf(regionId: string, email = `admin.${regionId.slice(0, 8)}@example.org`) {
  const person = await prisma.person.create({ data: { displayName: "Regional Administrator", email } });
  await prisma.user.create({ data: { personId: person.id, email } });
  await prisma.roleAssignment.create({ data: { personId: person.id, role: "ADMIN", regionId, startDate: new Date("2020-01-01T00:00:00Z") } });
  return actorFor(email);
}
