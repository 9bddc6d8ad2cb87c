"use server";

import { userAction } from "@/lib/actions/runtime";
import { changeProjectStatus, createProject, updateProject, type ProjectOutcome } from "@/lib/services/projects";
import { changeProjectStatusSchema, createProjectSchema, updateProjectSchema } from "@/lib/validation/projects";

/**
 * Where a project's details and status show: its page, its team's list (also on the
 * co-leads' home), and the practice library, which lists completed projects.
 */
const projectPages = ({ projectId, teamId }: ProjectOutcome) => [`/projects/${projectId}`, `/teams/${teamId}`, `/teams/${teamId}/board`, "/", "/practices"];

// The new project's page is read fresh when the form goes there.
/** The new project opens on its own page. */
export const createProjectAction = userAction(createProjectSchema, createProject, ({ teamId }) => [`/teams/${teamId}`, "/"], {
  goTo: ({ projectId }) => `/projects/${projectId}`,
  idempotent: "project.created",
});

export const updateProjectAction = userAction(updateProjectSchema, updateProject, projectPages);

export const changeProjectStatusAction = userAction(changeProjectStatusSchema, changeProjectStatus, projectPages);
