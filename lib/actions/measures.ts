"use server";

import { userAction } from "@/lib/actions/runtime";
import { addDataPoint, addMeasure, removeDataPoint, removeMeasure, updateMeasure, type MeasureChange } from "@/lib/services/measures";
import { addDataPointSchema, addMeasureSchema, removeDataPointSchema, removeMeasureSchema, updateMeasureSchema } from "@/lib/validation/measures";

/** Measures show on their project's page; any change is the project's latest update, which its team's list (also on the co-leads' home) shows. */
const measurePages = ({ projectId, teamId }: MeasureChange) => [`/projects/${projectId}`, `/teams/${teamId}`, "/"];

export const addMeasureAction = userAction(addMeasureSchema, addMeasure, measurePages, { idempotent: "measure.added" });

export const updateMeasureAction = userAction(updateMeasureSchema, updateMeasure, measurePages);

export const removeMeasureAction = userAction(removeMeasureSchema, removeMeasure, measurePages);

export const addDataPointAction = userAction(addDataPointSchema, addDataPoint, measurePages, { idempotent: "dataPoint.added" });

export const removeDataPointAction = userAction(removeDataPointSchema, removeDataPoint, measurePages);
