"use client";

import { FormChoices } from "@/components/form/action-form";
import type { PersonChoice } from "@/lib/data/roster";
import { ENGAGEMENT_HINT } from "@/lib/domain/engagement";

/** A checklist of the team's roster for naming people on its work; naming is what engagement counts. */
export function RosterChoices({ name, legend, roster }: { name: string; legend: string; roster: readonly PersonChoice[] }) {
  if (roster.length === 0) {
    return <p className="text-sm text-slate-600">No one is on the team&apos;s roster yet, so no one can be named here.</p>;
  }
  return <FormChoices name={name} legend={legend} hint={ENGAGEMENT_HINT} options={roster} listClassName="sm:grid-cols-2" />;
}
