import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NewProjectForm } from "@/components/projects/project-form";
import { Card } from "@/components/ui/card";
import { NotPermitted } from "@/components/ui/not-permitted";
import { TextLink } from "@/components/ui/text-link";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getGoalsForRegion } from "@/lib/data/projects";
import { getTeamTargetOrThrow } from "@/lib/data/teams";
import { NotFoundError } from "@/lib/errors";

export const metadata: Metadata = { title: "New project" };

export default async function NewProjectPage({ params }: PageProps<"/teams/[teamId]/projects/new">) {
  const user = await requireUser();
  const { teamId } = await params;
  const team = await getTeamTargetOrThrow(teamId).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  if (!can(user, "project.edit", team)) return <NotPermitted what="Logging projects for this team" who="its co-leads and UBT consultant" />;
  const goals = await getGoalsForRegion(team.regionId);

  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <TextLink href={`/teams/${team.teamId}`}>{team.name}</TextLink>
        </p>
        <h1 className="mt-1 text-2xl font-semibold">New improvement project</h1>
      </div>
      <Card id="new-project" title="Project details" description="Start with the aim; measures, tests of change and savings are added on the project's page.">
        <NewProjectForm teamId={team.teamId} goals={goals} />
      </Card>
    </div>
  );
}
