import { assertCan, isEmptyScope, refusalFor, scopeFor, type Actor, type Target } from "@/lib/auth/permissions";
import { ForbiddenError } from "@/lib/errors";

// What a regional administrator (an ADMIN assignment with a region) may do to people and
// their roles. The permission matrix says who administers; these rules say over whom.

/**
 * Where a person is on the records: the regions of every role and roster place they hold or
 * held, and whether any of their roles (past or present) is national.
 */
export type PersonFootprint = { national: boolean; regionIds: readonly string[] };

export const NO_FOOTPRINT: PersonFootprint = { national: false, regionIds: [] };

/**
 * A national administrator manages everyone; a regional one a person wholly inside their
 * regions (every role and roster place there, none national), or with no place anywhere
 * yet (someone just created). A person who also works elsewhere is the national administrators'.
 */
export function canManagePerson(actor: Actor, footprint: PersonFootprint): boolean {
  const scope = scopeFor(actor, "admin.manage");
  if (scope.all) return true;
  if (isEmptyScope(scope) || footprint.national) return false;
  return footprint.regionIds.every((regionId) => scope.regionIds.includes(regionId));
}

/**
 * Whether a person shows in the administrator's lists: everyone to a national administrator;
 * to a regional one, people with a role or roster place (now or before) in their regions, and
 * people with none anywhere (so someone just created can be found).
 */
export function canSeePerson(actor: Actor, footprint: PersonFootprint): boolean {
  const scope = scopeFor(actor, "admin.manage");
  if (scope.all) return true;
  if (isEmptyScope(scope)) return false;
  const placed = footprint.national || footprint.regionIds.length > 0;
  return !placed || footprint.regionIds.some((regionId) => scope.regionIds.includes(regionId));
}

export function assertCanManagePerson(actor: Actor, footprint: PersonFootprint): void {
  if (!canManagePerson(actor, footprint)) throw new ForbiddenError(refusalFor("admin.manage"));
}

export function assertCanSeePerson(actor: Actor, footprint: PersonFootprint): void {
  if (!canSeePerson(actor, footprint)) throw new ForbiddenError(refusalFor("admin.manage"));
}

/** Where a role is held: a team (with its region), a region, or (neither) the whole partnership. */
export type RolePlace = { teamId: string | null; teamRegionId: string | null; regionId: string | null };

/** A role's place as a permission target: a team of the region, the region itself, or national. */
export function rolePlaceTarget(place: RolePlace): Target {
  if (place.teamId !== null) return { kind: "team", teamId: place.teamId, regionId: place.teamRegionId! };
  if (place.regionId !== null) return { kind: "region", regionId: place.regionId };
  return { kind: "national" };
}

/** Granting, ending or handing over a role: only administrators whose scope covers its place (national roles, national administrators). */
export function assertCanAdministerRole(actor: Actor, place: RolePlace): void {
  assertCan(actor, "admin.manage", rolePlaceTarget(place));
}
