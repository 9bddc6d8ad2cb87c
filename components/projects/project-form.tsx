"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { createProjectAction, updateProjectAction } from "@/lib/actions/projects";
import { COMPASS_POINTS } from "@/lib/domain/projects";
import { TOOL_LABELS } from "@/lib/domain/tools";
import type { CompassPoint, ImprovementTool } from "@/lib/generated/prisma/enums";
import { createProjectSchema, updateProjectSchema } from "@/lib/validation/projects";

export type ProjectFormValues = {
  title: string;
  aim: string;
  compassPoints: CompassPoint[];
  goalId: string;
  tools: ImprovementTool[];
  startDate: string;
  targetDate: string;
};

type Mode = { kind: "create"; teamId: string } | { kind: "edit"; projectId: string; version: number };

const inputClass = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 aria-invalid:border-red-600";

/** One form for creating and editing a project, checked with the same schema the server uses. */
export function ProjectForm({ mode, initial, goals, onDone }: { mode: Mode; initial: ProjectFormValues; goals: { id: string; title: string }[]; onDone?: () => void }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = {
      title: String(form.get("title") ?? ""),
      aim: String(form.get("aim") ?? ""),
      compassPoints: form.getAll("compassPoints").map(String),
      goalId: String(form.get("goalId") ?? ""),
      tools: form.getAll("tools").map(String),
      startDate: String(form.get("startDate") ?? ""),
      targetDate: String(form.get("targetDate") ?? ""),
    };
    const input = mode.kind === "create" ? { ...values, teamId: mode.teamId } : { ...values, projectId: mode.projectId, expectedVersion: mode.version };
    const parsed = (mode.kind === "create" ? createProjectSchema : updateProjectSchema).safeParse(input);
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
      setErrors(fieldErrors);
      return;
    }
    setErrors({});
    setFormError(null);
    startTransition(async () => {
      const result = mode.kind === "create" ? await createProjectAction(input) : await updateProjectAction(input);
      if (!result.ok) {
        setFormError(result.error);
        setErrors(Object.fromEntries(Object.entries(result.fieldErrors).map(([field, messages]) => [field, messages[0] ?? ""])));
        return;
      }
      if (mode.kind === "create") router.push(`/projects/${result.data.projectId}`);
      else {
        onDone?.();
        router.refresh();
      }
    });
  }

  const fieldError = (field: string) =>
    errors[field] ? (
      <p id={`${field}-error`} className="mt-1 text-sm text-red-700">
        {errors[field]}
      </p>
    ) : null;

  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      <div>
        <label htmlFor="title" className="block font-medium">
          Title
        </label>
        <input id="title" name="title" defaultValue={initial.title} maxLength={200} className={inputClass} aria-invalid={errors.title ? true : undefined} aria-describedby={errors.title ? "title-error" : undefined} />
        {fieldError("title")}
      </div>
      <div>
        <label htmlFor="aim" className="block font-medium">
          Aim
        </label>
        <p id="aim-hint" className="text-sm text-slate-600">
          What will improve, by how much, by when — e.g. “Cut courier route time by 15% by June 30”.
        </p>
        <textarea id="aim" name="aim" rows={3} defaultValue={initial.aim} maxLength={2000} className={inputClass} aria-invalid={errors.aim ? true : undefined} aria-describedby={errors.aim ? "aim-hint aim-error" : "aim-hint"} />
        {fieldError("aim")}
      </div>
      <fieldset aria-describedby={errors.compassPoints ? "compassPoints-error" : undefined}>
        <legend className="font-medium">Value Compass points</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {COMPASS_POINTS.map((point) => (
            <label key={point.key} className="flex items-center gap-2 py-1">
              <input type="checkbox" name="compassPoints" value={point.key} defaultChecked={initial.compassPoints.includes(point.key)} className="size-5" />
              {point.label}
            </label>
          ))}
        </div>
        {fieldError("compassPoints")}
      </fieldset>
      <div>
        <label htmlFor="goalId" className="block font-medium">
          Aligned goal
        </label>
        <select id="goalId" name="goalId" defaultValue={initial.goalId} className={inputClass}>
          <option value="">None</option>
          {goals.map((goal) => (
            <option key={goal.id} value={goal.id}>
              {goal.title}
            </option>
          ))}
        </select>
        {fieldError("goalId")}
      </div>
      <fieldset>
        <legend className="font-medium">Tools used</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-3">
          {(Object.keys(TOOL_LABELS) as ImprovementTool[]).map((tool) => (
            <label key={tool} className="flex items-center gap-2 py-1">
              <input type="checkbox" name="tools" value={tool} defaultChecked={initial.tools.includes(tool)} className="size-5" />
              {TOOL_LABELS[tool]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="startDate" className="block font-medium">
            Start date
          </label>
          <input id="startDate" name="startDate" type="date" defaultValue={initial.startDate} className={inputClass} />
          {fieldError("startDate")}
        </div>
        <div>
          <label htmlFor="targetDate" className="block font-medium">
            Target date
          </label>
          <input id="targetDate" name="targetDate" type="date" defaultValue={initial.targetDate} className={inputClass} aria-invalid={errors.targetDate ? true : undefined} />
          {fieldError("targetDate")}
        </div>
      </div>
      {formError && (
        <p className="text-sm font-medium text-red-800" data-testid="form-error">
          {formError}
        </p>
      )}
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-5 py-2.5 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? "Saving…" : mode.kind === "create" ? "Create project" : "Save project"}
      </button>
    </form>
  );
}
