"use client";

import { ActionForm, FormField, FormFooter } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { Disclosure } from "@/components/ui/disclosure";
import { Select } from "@/components/ui/select";
import { adoptPracticeAction } from "@/lib/actions/spread";
import type { TeamOption } from "@/lib/data/practices";
import { adoptPracticeSchema } from "@/lib/validation/practices";

type Props = {
  originProjectId: string;
  /** The teams the user may adopt for. */
  teams: readonly TeamOption[];
  practiceTitle: string;
  /** The practice's own team and the teams that already adopted it. */
  unavailableTeamIds: readonly string[];
};

/**
 * "Adopt for my team": a second step names the team (or lets the user choose one)
 * before anything is created, so a stray click starts no project. Nothing when no
 * team of the user's may adopt it.
 */
export function AdoptPracticeForm({ originProjectId, practiceTitle, teams, unavailableTeamIds }: Props) {
  const choices = teams.filter((team) => !unavailableTeamIds.includes(team.id));
  if (choices.length === 0) return null;
  return (
    // Named for the practice: the library lists many, each with this control.
    <Disclosure summary="Adopt for my team" label={`Adopt “${practiceTitle}” for my team`} variant="secondary" className="max-w-xl">
      <AdoptForm originProjectId={originProjectId} choices={choices} />
    </Disclosure>
  );
}

function AdoptForm({ originProjectId, choices }: { originProjectId: string; choices: readonly TeamOption[] }) {
  const onlyTeam = choices.length === 1 ? choices[0]! : null;
  const api = useActionForm({
    schema: adoptPracticeSchema,
    action: adoptPracticeAction,
    values: { originProjectId, adopterTeamId: onlyTeam?.id ?? "" },
    success: "Adopted. Opening the team's new project…",
    // The adopting team makes the practice its own on its new project.
  });
  return (
    <ActionForm api={api} aria-label="Adopt this practice" className="space-y-3">
      {onlyTeam ? (
        <p className="text-sm text-slate-800">
          Start a new project for <strong>{onlyTeam.name}</strong> that adopts this practice?
        </p>
      ) : (
        <FormField name="adopterTeamId" label="Team that adopts it">
          {(control) => <Select {...control} options={[{ value: "", label: "Choose a team" }, ...choices.map((team) => ({ value: team.id, label: team.name }))]} />}
        </FormField>
      )}
      <FormFooter submitLabel="Adopt" pendingLabel="Adopting…" />
    </ActionForm>
  );
}
