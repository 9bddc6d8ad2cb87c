"use client";

import { useId, useState } from "react";
import { FormFeedback } from "@/components/criteria/form-feedback";
import { primaryButton, secondaryButton, textField } from "@/components/criteria/styles";
import { useActionForm } from "@/components/criteria/use-action-form";
import { adoptPracticeAction } from "@/lib/actions/spread";
import type { TeamOption } from "@/lib/data/practices";
import { adoptPracticeSchema } from "@/lib/validation/practices";

type Props = {
  originProjectId: string;
  /** The teams the user may adopt for. */
  teams: readonly TeamOption[];
  /** The practice's own team and the teams that already adopted it. */
  unavailableTeamIds: readonly string[];
};

/**
 * "Adopt for my team": a second step names the team (or lets the user choose one)
 * before anything is created, so a stray click starts no project.
 */
export function AdoptPracticeForm({ originProjectId, teams, unavailableTeamIds }: Props) {
  const [open, setOpen] = useState(false);
  const ids = { team: useId(), feedback: useId() };
  // On success the action takes the browser to the new project.
  const adopt = useActionForm({ schema: adoptPracticeSchema, action: adoptPracticeAction });
  const choices = teams.filter((team) => !unavailableTeamIds.includes(team.id));
  if (choices.length === 0) return null;

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className={secondaryButton}>
        Adopt for my team
      </button>
    );
  }
  const onlyTeam = choices.length === 1 ? choices[0]! : null;
  return (
    <form onSubmit={adopt.onSubmit} onChange={adopt.onChange} className="flex flex-wrap items-end gap-2" data-testid="adopt-form">
      <input type="hidden" name="originProjectId" value={originProjectId} />
      {onlyTeam ? (
        <>
          <input type="hidden" name="adopterTeamId" value={onlyTeam.id} />
          <p className="w-full text-sm text-slate-800">
            Start a new project for <strong>{onlyTeam.name}</strong> that adopts this practice?
          </p>
        </>
      ) : (
        <div className="min-w-64 flex-1">
          <label htmlFor={ids.team} className="block text-sm font-medium text-slate-800">
            Team that adopts it
          </label>
          <select
            id={ids.team}
            name="adopterTeamId"
            defaultValue=""
            autoFocus
            aria-invalid={adopt.error ? true : undefined}
            aria-describedby={adopt.result ? ids.feedback : undefined}
            className={`mt-1 bg-white ${textField}`}
          >
            <option value="">Choose a team</option>
            {choices.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="submit" disabled={adopt.pending} autoFocus={onlyTeam !== null} className={primaryButton}>
        {adopt.pending ? "Adopting…" : "Adopt"}
      </button>
      <button type="button" onClick={() => setOpen(false)} disabled={adopt.pending} className={secondaryButton}>
        Cancel
      </button>
      <div className="w-full">
        <FormFeedback id={ids.feedback} result={adopt.result} />
      </div>
    </form>
  );
}
