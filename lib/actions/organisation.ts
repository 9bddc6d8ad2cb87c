"use server";

import { userAction } from "@/lib/actions/runtime";
import * as organisation from "@/lib/services/organisation";
import type { FacilityOutcome, TeamOutcome } from "@/lib/services/organisation";
import {
  createDepartmentSchema,
  createFacilitySchema,
  createTeamSchema,
  facilityIdSchema,
  mergeDepartmentsSchema,
  moveTeamSchema,
  teamIdSchema,
  updateDepartmentSchema,
  updateFacilitySchema,
  updateTeamSchema,
} from "@/lib/validation/organisation";

/** Where the organisation shows a facility: the tree's top (its counts), its region's page and its own. */
const facilityPages = ({ facilityId, regionSlug }: FacilityOutcome) => ["/admin", `/admin/regions/${regionSlug}`, `/admin/facilities/${facilityId}`];

/** A team shows in the tree, on its admin page and on its own page (and, through it, in the roll-ups). */
const teamPages = (outcome: TeamOutcome) => [...facilityPages(outcome), `/admin/teams/${outcome.teamId}`, `/teams/${outcome.teamId}`, "/overview", "/"];

export const createFacilityAction = userAction(createFacilitySchema, organisation.createFacility, facilityPages, {
  goTo: (outcome) => `/admin/facilities/${outcome.facilityId}`,
  idempotent: "facility.created",
});

export const updateFacilityAction = userAction(updateFacilitySchema, organisation.updateFacility, facilityPages);

export const retireFacilityAction = userAction(facilityIdSchema, organisation.retireFacility, (outcome) => [
  ...facilityPages(outcome),
  ...outcome.teamIds.map((teamId) => `/teams/${teamId}`),
  "/overview",
  "/",
]);

export const reactivateFacilityAction = userAction(facilityIdSchema, organisation.reactivateFacility, (outcome) => [
  ...facilityPages(outcome),
  ...outcome.teamIds.map((teamId) => `/teams/${teamId}`),
  "/overview",
  "/",
]);

export const createDepartmentAction = userAction(createDepartmentSchema, organisation.createDepartment, facilityPages, { idempotent: "department.created" });

export const updateDepartmentAction = userAction(updateDepartmentSchema, organisation.updateDepartment, facilityPages);

export const mergeDepartmentsAction = userAction(mergeDepartmentsSchema, organisation.mergeDepartments, (outcome) => [
  ...facilityPages(outcome),
  ...outcome.movedTeamIds.map((teamId) => `/teams/${teamId}`),
]);

export const createTeamAction = userAction(createTeamSchema, organisation.createTeam, teamPages, { idempotent: "team.created" });

export const updateTeamAction = userAction(updateTeamSchema, organisation.updateTeam, teamPages);

export const moveTeamAction = userAction(moveTeamSchema, organisation.moveTeam, (outcome) => [...teamPages(outcome), ...facilityPages(outcome.from)]);

export const retireTeamAction = userAction(teamIdSchema, organisation.retireTeam, teamPages);

export const reactivateTeamAction = userAction(teamIdSchema, organisation.reactivateTeam, teamPages);
