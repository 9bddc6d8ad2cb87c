"use client";

import { createContext, use } from "react";
import { AdoptPracticeForm } from "@/components/practices/adopt-practice-form";
import type { TeamOption } from "@/lib/data/practices";

// A consultant may adopt for every team of their region: the list is sent once for
// the page, not once per result.
const AdoptableTeamsContext = createContext<readonly TeamOption[]>([]);

export function AdoptableTeamsProvider({ teams, children }: { teams: readonly TeamOption[]; children: React.ReactNode }) {
  return <AdoptableTeamsContext value={teams}>{children}</AdoptableTeamsContext>;
}

/** The adopt control of one library result, for the teams of the surrounding provider. */
export function AdoptFromLibrary(props: { originProjectId: string; practiceTitle: string; unavailableTeamIds: readonly string[] }) {
  return <AdoptPracticeForm {...props} teams={use(AdoptableTeamsContext)} />;
}
