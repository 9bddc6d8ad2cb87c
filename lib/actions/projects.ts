"use server";

import { runUserAction } from "@/lib/actions/result";
import { changeProjectStatus, createProject, updateProject } from "@/lib/services/projects";

export async function createProjectAction(input: unknown) {
  return runUserAction((user) => createProject(user, input));
}

export async function updateProjectAction(input: unknown) {
  return runUserAction((user) => updateProject(user, input));
}

export async function changeProjectStatusAction(input: unknown) {
  return runUserAction((user) => changeProjectStatus(user, input));
}
