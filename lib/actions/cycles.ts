"use server";

import { userAction } from "@/lib/actions/runtime";
import { addCycle, updateCycle, type CycleChange } from "@/lib/services/cycles";
import { addCycleSchema, updateCycleSchema } from "@/lib/validation/cycles";

/** Cycles show on their project's page; any change is the project's latest update, which its team's list (also on the co-leads' home) shows. */
const cyclePages = ({ projectId, teamId }: CycleChange) => [`/projects/${projectId}`, `/teams/${teamId}`, "/"];

export const addCycleAction = userAction(addCycleSchema, addCycle, cyclePages, { idempotent: "cycle.added" });

export const updateCycleAction = userAction(updateCycleSchema, updateCycle, cyclePages);
