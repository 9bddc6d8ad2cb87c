"use server";

import { redirect } from "next/navigation";
import { runUserAction } from "@/lib/actions/result";
import { adoptPractice } from "@/lib/services/spread";

/** On success, straight to the adopting team's new project, to make the practice its own. */
export async function adoptPracticeAction(input: unknown) {
  const result = await runUserAction((user) => adoptPractice(user, input));
  if (result.ok) redirect(`/projects/${result.data.projectId}`);
  return result;
}
