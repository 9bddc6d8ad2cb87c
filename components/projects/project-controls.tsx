"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { changeProjectStatusAction } from "@/lib/actions/projects";
import { PROJECT_STATUS_LABELS, STATUS_TRANSITIONS } from "@/lib/domain/projects";
import type { ProjectStatus } from "@/lib/generated/prisma/enums";
import { ProjectForm, type ProjectFormValues } from "./project-form";

/** Moves the project to one of the steps its workflow allows next. */
export function StatusControl({ projectId, version, status }: { projectId: string; version: number; status: ProjectStatus }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const nextSteps = STATUS_TRANSITIONS[status];
  if (nextSteps.length === 0) return null;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new FormData(event.currentTarget).get("status");
    setError(null);
    startTransition(async () => {
      const result = await changeProjectStatusAction({ projectId, expectedVersion: version, status: next });
      if (!result.ok) setError(result.error);
      else router.refresh();
    });
  }

  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor="next-status" className="block text-sm font-medium">
          Move to
        </label>
        <select id="next-status" name="status" className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2">
          {nextSteps.map((step) => (
            <option key={step} value={step}>
              {PROJECT_STATUS_LABELS[step]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={pending} className="rounded-md border border-slate-400 px-4 py-2 font-medium hover:bg-slate-100 disabled:opacity-60">
        Change status
      </button>
      {error && (
        <p className="w-full text-sm font-medium text-red-800" data-testid="form-error">
          {error}
        </p>
      )}
    </form>
  );
}

/** The project's details, editable in place by its owners. */
export function EditProject({ projectId, version, initial, goals }: { projectId: string; version: number; initial: ProjectFormValues; goals: { id: string; title: string }[] }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="rounded-md border border-slate-400 px-4 py-2 font-medium hover:bg-slate-100">
        Edit details
      </button>
    );
  }
  return (
    <div className="w-full rounded-lg border border-slate-200 bg-white p-4">
      <ProjectForm mode={{ kind: "edit", projectId, version }} initial={initial} goals={goals} onDone={() => setOpen(false)} />
      <button type="button" onClick={() => setOpen(false)} className="mt-3 text-sm underline">
        Cancel
      </button>
    </div>
  );
}
